"""The data our own PDFs carry, the way Factur-X invoices carry their XML: the document's
model as JSON, attached as a PDF/A-3 associated file ("supervision-forms.json",
relationship Data), written by `pdfdata.py`.

A PDF is the page text first: the attached data is used only for the fields where the
page text still says the same (white space aside), so a PDF edited after we made it is
read from its text, and the attachment only restores the line breaks and spaces a PDF
cannot show unambiguously.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..docx.package import read_package
from ..docx.reader import core_keywords
from ..errors import SupervisionFormsError
from ..models.paths import flatten, unflatten
from ..packs.spec import PrintedFact
from ..pdfdata import attach_data
from .detect import STAMP
from .result import ParseResult, ReadWarning
from .text import fold

FOLLOWS = {"frequency.every": "frequency.description", "frequency.unit": "frequency.description"}


def carry_data(pdf_path: Path, docx_path: Path) -> bool:
    """Attach to a PDF made from one of our .docx files the data that .docx holds; False
    (the PDF left as it is) for any other .docx, or when it cannot be read."""
    from .parse import parse

    try:
        source = docx_path.read_bytes()
        if not STAMP.search(core_keywords(read_package(source, docx_path.name))):
            return False
        result = parse(source)
        pdf_path.write_bytes(attach_data(pdf_path.read_bytes(), result.pack, result.document, result.data))
    except (OSError, SupervisionFormsError, ValueError):
        return False
    return True


def agreed(
    result: ParseResult, attached: str | None, label: str, page_text: str, printed: Mapping[str, PrintedFact]
) -> ParseResult:
    """`result` (read from the page text) with each field's attached value where the text
    says the same, white space aside, or, for a value the form states in its printed
    text (`printed`: no field holds it), where the page still states it; a warning where
    they differ (an edited PDF)."""
    carried = _carried(attached, result)
    if carried is None:
        return result
    read, kept = flatten(result.data.model_dump(mode="json")), flatten(carried)
    merged = dict(read)
    changed = []
    shown = fold(page_text)
    stated = {path for path, fact in printed.items() if fold(fact.text) in shown}
    for path in sorted(set(read) | set(kept)):
        owner = FOLLOWS.get(path, path)  # a derived value goes with the value it comes from
        if _same(read.get(owner), kept.get(owner)) or (read.get(owner) is None and owner in stated):
            merged[path] = kept.get(path)
        else:
            changed.append(path)
    try:
        kept_values = {path: value for path, value in merged.items() if value is not None}
        result.data = type(result.data).model_validate(unflatten(kept_values))
    except ValidationError:
        result.warnings.append(ReadWarning("", "the data attached to this PDF could not be used", label))
        return result
    if changed:
        why = "the page text differs from the data attached to this PDF (edited?); read from the page"
        result.warnings.append(ReadWarning("", why, label))
    return result


def _carried(attached: str | None, result: ParseResult) -> dict[str, Any] | None:
    if not attached:
        return None
    try:
        raw = json.loads(attached)
    except ValueError:
        return None
    if not isinstance(raw, dict) or (raw.get("pack"), raw.get("document")) != (result.pack, result.document):
        return None
    data = raw.get("data")
    return data if isinstance(data, dict) else None


def _same(read: Any, kept: Any) -> bool:
    """Whether a value read from the page says what the attached one does; white space
    aside (a PDF shows no line breaks, and a line may wrap where there was no space)."""
    if isinstance(read, str) and isinstance(kept, str):
        return "".join(read.split()) == "".join(kept.split())
    return bool(read == kept)
