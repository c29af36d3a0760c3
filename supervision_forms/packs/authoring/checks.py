"""Checking a pack works: its labels are printed, its example comes back, its form survives.

For each document of a pack:

- every field's label is printed in the template (else the hand-filled reader cannot
  find it, and the field would read back empty);
- the example renders and reads back exactly (our own document, by its bookmarks);
- the template keeps the council's printed text: the lines of the blank form (four words
  or more, leaders and prompts left out) found in the rendered example (at least 0.98);
- a copy of the blank form filled in with the example, without our marks, reads back by
  its labels, as a council's hand-filled form would.

Each problem names the field and the place in the document. Messages never quote values.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from ...docx.form import document_lines, without_marks
from ...errors import SupervisionFormsError
from ...models.paths import flatten, generic
from ...reading import parse
from ...render import render
from ..pack import PACK_FILE, Pack
from ..registry import PackRegistry
from .text import answer_spans, fold, words

FIDELITY = 0.98
MIN_LINE_WORDS = 4


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a pack: the file, the check, the place in it, what is wrong."""

    file: str
    rule: str
    part: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.part}" if self.part else self.file
        return f"{where}: {self.message} [{self.rule}]"


@dataclass
class DocumentCheck:
    """The checks of one document kind, with their counts."""

    kind: str
    fields: int = 0
    labels_printed: int = 0
    read_back: int = 0
    read_back_of: int = 0
    fidelity: float | None = None
    lines: tuple[int, int] = (0, 0)  # blank-form lines found, of all
    hand_filled: int = 0
    hand_filled_of: int = 0
    problems: list[Problem] = field(default_factory=list)


def check_pack(pack: Pack) -> list[DocumentCheck]:
    """Run every check on every document of a loaded pack."""
    return [_check_document(pack, kind) for kind in pack.documents]


def _check_document(pack: Pack, kind: str) -> DocumentCheck:
    doc = pack.document(kind)
    found = DocumentCheck(kind, fields=len(doc.fields))
    template_name = doc.template
    printed = fold(" ".join(text for text, _ in document_lines(_template_bytes(pack, kind))))
    for path, spec in doc.fields.items():
        if fold(spec.label) and fold(spec.label) in printed:
            found.labels_printed += 1
        else:
            found.problems.append(
                Problem(
                    PACK_FILE, "label", f"{kind} field {path}", f"its label is not printed in {template_name}"
                )
            )
    if doc.example is None:  # nothing to render: the round trips are not checked
        return found
    try:
        example = pack.example(kind)
        rendered = render(example, pack=pack, document=kind)
    except SupervisionFormsError as error:
        found.problems.append(Problem(doc.example, "example", kind, str(error)))
        return found
    registry = PackRegistry([pack])
    _read_back(found, pack, kind, example, rendered, registry)
    if doc.blank is not None:
        _fidelity(found, pack, kind, doc.blank, rendered)
    _hand_filled(found, pack, kind, example, registry)
    return found


def _template_bytes(pack: Pack, kind: str) -> bytes:
    return (pack.root / pack.document(kind).template).read_bytes()


def _read_back(
    found: DocumentCheck, pack: Pack, kind: str, example: BaseModel, rendered: bytes, registry: PackRegistry
) -> None:
    result = parse(rendered, packs=registry)
    wanted, got = _values(example), _values(result.data)
    found.read_back_of = len(wanted)
    for path, value in wanted.items():
        if got.get(path) == value:
            found.read_back += 1
        else:
            where = result.sources.get(path, "")
            found.problems.append(
                Problem(
                    pack.document(kind).template,
                    "round-trip",
                    where or path,
                    f"{path} does not read back as rendered",
                )
            )
    for path in sorted(set(got) - set(wanted)):
        found.problems.append(
            Problem(pack.document(kind).template, "round-trip", path, f"{path} reads back from nowhere")
        )
    for item in result.unmapped:
        found.problems.append(
            Problem(pack.document(kind).template, "round-trip", item.source, "text left unmapped")
        )


def _fidelity(found: DocumentCheck, pack: Pack, kind: str, blank_name: str, rendered: bytes) -> None:
    try:
        blank = (pack.root / blank_name).read_bytes()
    except OSError:
        found.problems.append(
            Problem(PACK_FILE, "fidelity", kind, f"cannot read the blank form {blank_name}")
        )
        return
    skip = {fold(p) for p in pack.document(kind).prompts}
    skip |= {fold(s.empty) for s in pack.document(kind).fields.values() if s.empty}
    lines = _printed_lines(blank, skip)
    text = _norm(" ".join(t for t, _ in document_lines(rendered)))
    missing = [(line, source) for line, source in lines if line not in text]
    total = len(lines)
    found.lines = (total - len(missing), total)
    found.fidelity = round(1 - len(missing) / total, 3) if total else 1.0
    if found.fidelity < FIDELITY:
        for _, source in missing[:5]:
            found.problems.append(
                Problem(
                    pack.document(kind).template,
                    "fidelity",
                    source,
                    f"the blank form's text here is not in the rendered {kind}",
                )
            )


def _printed_lines(blank: bytes, skip: set[str]) -> list[tuple[str, str]]:
    """The blank form's lines of four words or more, without leaders and prompts."""
    found: list[tuple[str, str]] = []
    seen: set[str] = set()
    for text, source in document_lines(blank):
        for piece in _between_leaders(text):
            line = _norm(piece)
            if len(line.split()) >= MIN_LINE_WORDS and fold(piece) not in skip and line not in seen:
                seen.add(line)
                found.append((line, source))
    return found


def _between_leaders(text: str) -> list[str]:
    """A paragraph's lines, cut where an answer goes (at leaders, placeholders, gaps of
    spaces, tabs and line breaks)."""
    pieces: list[str] = []
    for line in re.split(r"[\n\t]|[ \u00a0]{3,}", text):  # gaps of spaces are room to write in too
        previous = 0
        for start, end in answer_spans(line):
            pieces.append(line[previous:start])
            previous = end
        pieces.append(line[previous:])
    return pieces


def _norm(text: str) -> str:
    text = re.sub(r"[☐☑☒□■▢❑❒⬜◻]", " ", text)
    return " ".join(words(text))


def _hand_filled(
    found: DocumentCheck, pack: Pack, kind: str, example: BaseModel, registry: PackRegistry
) -> None:
    """The blank form filled with the example where the template puts each value, with
    none of our marks: read by its labels, like a council's hand-filled copy."""
    template = pack.template(kind)
    placed = {slot.path for slot in template.slots}
    filled = template.render(dict(example.model_dump()), lambda ids: "")
    copy = without_marks(filled)
    try:
        result = parse(copy, pack=pack.name, document=kind, packs=registry)
    except SupervisionFormsError as error:
        found.problems.append(Problem(pack.document(kind).template, "hand-filled", kind, str(error)))
        return
    wanted = {p: v for p, v in _values(example).items() if generic(p) in placed}
    got = _values(result.data)
    found.hand_filled_of = len(wanted)
    for path, value in wanted.items():
        if got.get(path) == value:
            found.hand_filled += 1
        else:
            where = result.sources.get(path, "")
            how = "reads as something else" if path in got else "is not found"
            found.problems.append(
                Problem(f"blank form filled in ({kind})", "hand-filled", where or path, f"{path} {how}")
            )


def _values(model: BaseModel) -> dict[str, Any]:
    """Filled leaves by concrete path, dates as dates, derived frequency parts left out."""
    out: dict[str, Any] = {}
    for path, value in flatten(model).items():
        if value is None or value == [] or path in ("frequency.every", "frequency.unit"):
            continue
        out[path] = value.isoformat() if isinstance(value, datetime.date) else value
    return out
