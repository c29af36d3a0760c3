"""Rendering a model to a council's Word layout (and, through LibreOffice, to PDF)."""

from __future__ import annotations

import datetime
import tempfile
import warnings
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .docx.annex import AnnexItem, annex_heading, annex_label, annex_xml
from .docx.properties import today
from .errors import InvalidData, RenderWarning
from .files import write_atomic
from .models.agreement import Agreement, Frequency, FrequencyUnit
from .models.paths import Leaf, flatten, generic, leaf_map
from .packs import Pack, PackRegistry
from .packs.spec import PrintedFact
from .privacy import redacted
from .registry import resolve_pack
from .text.dates import format_date, read_whole_date
from .text.frequency import read_frequency

PDF_SUFFIX = ".pdf"
DERIVED_FREQUENCY = frozenset({"frequency.every", "frequency.unit"})


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

    Values the layout has no place for go into an annex (before the signatures unless the
    template places it); nothing is dropped. A value that contradicts what the council's
    form prints is shown there, and a `RenderWarning` naming the field is issued. With
    `redact`, special-category fields are blanked. Returns the .docx bytes.
    """
    chosen = resolve_pack(pack, packs)
    model = coerce_model(data, chosen.model(document))
    if redact:
        model = redacted(model)
    content, conflicts = render_model(model, chosen, document)
    for conflict in conflicts:
        warnings.warn(conflict, RenderWarning, stacklevel=2)
    return content


def render_model(model: BaseModel, pack: Pack, document: str) -> tuple[bytes, list[str]]:
    """Render a model already validated as the pack's model for `document`: the .docx
    bytes, and the conflicts `render` would warn of, as messages (for a batch, which
    records them instead of warning once per row)."""
    template = pack.template(document)
    spec = pack.document(document)
    context = model.model_dump()
    items = annex_items(model, template.paths, spec.printed, flatten(context))
    conflicts = [
        _conflict(path, fact, pack)
        for item in items
        if not item.hidden
        for path, _ in item.values
        if (fact := spec.printed.get(path)) is not None
    ]
    heading = annex_heading(spec.title)
    content = template.render(
        context,
        lambda ids: annex_xml(items, ids, heading, template.text_width),
        title=document_title(spec.title, model),
        made=today(),
    )
    return content, conflicts


def render_pdf(
    data: BaseModel | Mapping[str, Any],
    *,
    pack: str | Pack,
    document: str = "agreement",
    packs: PackRegistry | None = None,
    redact: bool = False,
) -> bytes:
    """Render as `render` does, then convert to PDF with LibreOffice (`OfficeError` when
    it is missing or fails). Returns the .pdf bytes."""
    from .office import ConverterPool, OfficeError

    content = render(data, pack=pack, document=document, packs=packs, redact=redact)
    with tempfile.TemporaryDirectory(prefix="sf-pdf-") as folder:
        source = Path(folder) / "document.docx"
        write_atomic(source, content)
        with ConverterPool(1, long_running=False) as pool:
            [outcome] = pool.submit([source], Path(folder) / "out").result()
        if outcome.output is None:
            raise OfficeError(f"LibreOffice could not make the PDF: {outcome.error}")
        return outcome.output.read_bytes()


def render_to_file(
    data: BaseModel | Mapping[str, Any],
    out: Path,
    *,
    pack: str | Pack,
    document: str = "agreement",
    packs: PackRegistry | None = None,
    redact: bool = False,
) -> Path:
    """Render and write atomically (owner-only permissions); nothing is left on error.
    A path ending in .pdf gets a PDF (`render_pdf`); any other, the Word document."""
    target = Path(out)
    make = render_pdf if target.suffix.lower() == PDF_SUFFIX else render
    write_atomic(target, make(data, pack=pack, document=document, packs=packs, redact=redact))
    return target


def document_title(title: str, model: BaseModel) -> str:
    """The document's title property: the form's title, and whose it is."""
    person = getattr(model, "supervisee", None)
    name = getattr(person, "name", None)
    return f"{title} – {name}" if isinstance(name, str) and name else title


# --- the annex -------------------------------------------------------------------------


def annex_items(
    model: BaseModel,
    placed: Collection[str],
    printed: Mapping[str, PrintedFact] | None = None,
    values: Mapping[str, Any] | None = None,
) -> list[AnnexItem]:
    """The annex rows for every value the layout does not place, in model order: a list
    of dates or choices as one row; a value the form prints already, hidden. `values`:
    the model flattened, where the caller has it already (`flatten(model.model_dump())`)."""
    kind = type(model)
    plan = _plan(kind, frozenset(placed))
    derived: frozenset[str] | None = None  # worked out when first needed
    rows: list[AnnexItem | str] = []  # a row, or the name of a list whose row is built last
    lists: dict[str, list[tuple[str, str]]] = {}
    for path, value in (flatten(model) if values is None else values).items():
        if value is None:
            continue
        place = plan.get(path, _UNSEEN)
        if place is _UNSEEN:
            place = _learn(plan, kind, path, placed)
        if place is None:  # the layout places it
            continue
        if place.derivable:
            derived = _derived(model) if derived is None else derived
            if path in derived:
                continue
        text = format_date(value) if isinstance(value, datetime.date) else str(value)
        if place.labels:  # a choice, by its printed label
            text = place.labels.get(text, text)
        if place.whole:  # a list of dates or choices: one row
            if place.whole not in lists:
                lists[place.whole] = []
                rows.append(place.label)
            lists[place.whole].append((path, text))
            continue
        fact = (printed or {}).get(path)
        hidden = fact is not None and place.leaf is not None and states(fact.value, value, place.leaf)
        rows.append(AnnexItem(place.label, ((path, text),), hidden))
    wholes = iter(lists.values())
    return [row if isinstance(row, AnnexItem) else AnnexItem(row, tuple(next(wholes))) for row in rows]


@dataclass(frozen=True, slots=True)
class _Place:
    """What the annex needs of one concrete path not placed by the layout: the same for
    every row of a batch, so worked out once (`_plan`)."""

    leaf: Leaf | None
    label: str  # the row's label (a list's: the whole list's)
    whole: str  # a list of dates or choices: the whole list's path; else ""
    labels: Mapping[str, str]  # a choice's printed labels
    derivable: bool  # a frequency part, left out when the description says it


_UNSEEN: Any = object()
_PLAN_LIMIT = 4096  # concrete paths kept a model and layout (list items make more)


@lru_cache(maxsize=64)
def _plan(kind: type[BaseModel], placed: frozenset[str]) -> dict[str, _Place | None]:
    """Concrete path -> its `_Place` (None: the layout places it), filled as paths come."""
    return {}


def _learn(
    plan: dict[str, _Place | None], kind: type[BaseModel], path: str, placed: Collection[str]
) -> _Place | None:
    shape = generic(path)
    if shape in placed:
        place = None
    else:
        leaf = leaf_map(kind).get(shape)
        whole = shape.removesuffix("[]") if shape.endswith("[]") else ""
        labels = leaf.choice_labels() if leaf is not None and leaf.labels else {}
        place = _Place(leaf, annex_label(kind, whole or path), whole, labels, path in DERIVED_FREQUENCY)
    if len(plan) < _PLAN_LIMIT:
        plan[path] = place
    return place


def states(printed: str, value: Any, leaf: Leaf) -> bool:
    """Whether the form's printed value says the same as `value`: the same words (case,
    punctuation and spacing aside), the same number or date, or the same frequency."""
    if leaf.kind == "int":
        return printed.strip().isdigit() and int(printed) == value
    if leaf.kind == "date":
        reading = read_whole_date(printed)
        return reading is not None and reading.value == value
    if leaf.kind == "choice":
        labels = leaf.choice_labels()
        return _words(printed) in {_words(str(value)), _words(labels.get(str(value), ""))}
    if _words(printed) == _words(str(value)):
        return True
    ours, theirs = read_frequency(printed), read_frequency(str(value))
    return ours is not None and theirs is not None and (ours.every, ours.unit) == (theirs.every, theirs.unit)


@lru_cache(maxsize=4096)  # a form's printed values, and the values rows share
def _words(text: str) -> str:
    return " ".join("".join(c if c.isalnum() else " " for c in text.casefold()).split())


def _conflict(path: str, fact: PrintedFact, pack: Pack) -> str:
    printed = fact.text if len(fact.text) <= 120 else fact.text[:117] + "..."
    return (
        f'{path}: {pack.spec.council}\'s form prints "{printed}", but the data says otherwise; '
        "the data's value is shown in the annex"
    )


def _derived(model: BaseModel) -> frozenset[str]:
    """Paths whose values were worked out from another field, so not shown twice."""
    if isinstance(model, Agreement):
        frequency = model.frequency
        if _said_by_description(frequency.description, frequency.every, frequency.unit):
            return DERIVED_FREQUENCY
    return frozenset()


@lru_cache(maxsize=1024)  # a batch's rows mostly share a few frequencies
def _said_by_description(description: str | None, every: int | None, unit: FrequencyUnit | None) -> bool:
    """`Frequency.derived_from_description` for these values (it reads the description)."""
    return Frequency.model_construct(description=description, every=every, unit=unit).derived_from_description
