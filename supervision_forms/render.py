"""Rendering a model to a council's Word layout."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .docx.annex import annex_heading, annex_xml
from .errors import InvalidData
from .files import write_atomic
from .models.agreement import Agreement
from .models.paths import flatten, generic, leaf_map, title_of
from .packs import Pack, PackRegistry
from .privacy import redacted
from .registry import resolve_pack
from .text.dates import format_date


def coerce_model(data: BaseModel | Mapping[str, Any], model: type[BaseModel], where: str = "") -> BaseModel:
    """Validate a mapping (or re-validate another model instance) as `model`."""
    if isinstance(data, model):
        return data
    raw = data.model_dump() if isinstance(data, BaseModel) else data
    try:
        return model.model_validate(raw)
    except ValidationError as error:
        raise InvalidData.from_validation(error, where) from None


def render(
    data: BaseModel | Mapping[str, Any],
    *,
    pack: str | Pack,
    document: str = "agreement",
    packs: PackRegistry | None = None,
    redact: bool = False,
) -> bytes:
    """Render a model (or a mapping of its JSON shape) as the pack's Word document.

    Values the layout has no place for go into an annex at the end; nothing is dropped.
    With `redact`, special-category fields are blanked. Returns the .docx bytes.
    """
    chosen = resolve_pack(pack, packs)
    model = coerce_model(data, chosen.model(document))
    if redact:
        model = redacted(model)
    template = chosen.template(document)
    context = model.model_dump()
    items = annex_items(model, template.paths)
    heading = annex_heading(chosen.document(document).title)
    return template.render(context, lambda ids: annex_xml(items, ids, heading))


def render_to_file(
    data: BaseModel | Mapping[str, Any],
    out: Path,
    *,
    pack: str | Pack,
    document: str = "agreement",
    packs: PackRegistry | None = None,
    redact: bool = False,
) -> Path:
    """Render and write atomically (owner-only permissions); nothing is left on error."""
    content = render(data, pack=pack, document=document, packs=packs, redact=redact)
    write_atomic(Path(out), content)
    return Path(out)


def annex_items(model: BaseModel, placed: set[str]) -> list[tuple[str, str, str]]:
    """(path, label, text) for every value the layout does not place."""
    items = []
    known = leaf_map(type(model))
    for path, value in flatten(model).items():
        if value is None or generic(path) in placed or _derived(model, path):
            continue
        text = format_date(value) if isinstance(value, datetime.date) else str(value)
        leaf = known.get(generic(path))
        if leaf is not None and leaf.labels:  # a choice, by its printed label
            text = leaf.choice_labels().get(text, text)
        items.append((path, title_of(type(model), path), text))
    return items


def _derived(model: BaseModel, path: str) -> bool:
    if isinstance(model, Agreement) and path in ("frequency.every", "frequency.unit"):
        return model.frequency.derived_from_description
    return False
