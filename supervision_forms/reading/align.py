"""Reading one of our documents as plain text (a PDF, or a .docx that lost its marks) by
lining it up with the form's printed text (`FormKnowledge`): what lies between two
printed pieces is the value of the field between them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pydantic import BaseModel

from ..docx.annex import ANNEX_LEAD, annex_labels
from ..models.paths import leaf_map
from ..text.dates import find_dates
from .knowledge import ANNEX_SLOT, FormKnowledge
from .result import ReadWarning, Unmapped
from .rows import Fragment, read_rows
from .text import fold
from .values import Collector, clean_answer


@dataclass(frozen=True)
class RowSource:
    """What reading a table of objects needs: the printed text around it, and the PDF's
    positioned text (empty for a document read as plain text)."""

    before: str
    after: str
    fragments: tuple[Fragment, ...]
    margins: tuple[str, ...]


def _drop_furniture(text: str, margins: list[str], repeats: list[str]) -> str:
    """The text without its page headers and footers (`margins`), and with a table's
    heading row printed again atop each page (`repeats`) kept only the first time."""
    dropped = {fold(m) for m in margins}
    repeated = {fold(r) for r in repeats}
    lines = []
    for line in text.split("\n"):
        norm = fold(line)
        if norm in dropped:
            continue
        if norm in repeated:
            dropped.add(norm)
        lines.append(line)
    return "\n".join(lines)


def _stream(text: str) -> tuple[str, list[int]]:
    """Lower-case letters and digits only, with each one's index in `text`."""
    chars, index = [], []
    for i, char in enumerate(text):
        if char.isalnum():
            chars.append(char.casefold())
            index.append(i)
    return "".join(chars), index


def align(
    text: str,
    skel: FormKnowledge,
    model: type[BaseModel],
    prompts: list[str],
    collector: Collector,
    where: str,
    fragments: tuple[Fragment, ...],
) -> None:
    """Fill `collector` from plain `text` laid out as `skel`; a PDF's positioned
    `fragments` let tables of objects (decision rows) be read cell by cell."""
    text = _drop_furniture(text, skel.margins, skel.repeats)
    stream, index = _stream(text)
    cursor = 0  # in stream
    value_start = 0  # in text
    pending: list[str] = []
    before = ""  # the printed piece just before the pending slots
    margins = tuple(skel.margins)
    for piece, slot in zip(skel.statics, [*skel.slots, None], strict=True):
        key, _ = _stream(piece)
        if key:
            found = stream.find(key, cursor)
            if found < 0:
                collector.warnings.append(
                    ReadWarning("", "printed text not found; fields near it may be missed", where)
                )
                if slot:
                    pending.append(slot)
                continue
            region = text[value_start : index[found]] if found < len(index) else text[value_start:]
            _take(pending, region, prompts, collector, where, RowSource(before, piece, fragments, margins))
            pending = []
            cursor = found + len(key)
            value_start = index[cursor - 1] + 1 + _trailing_punctuation(text, index[cursor - 1] + 1)
        if slot:
            before = before if pending else piece
            pending.append(slot)
    _take(pending, text[value_start:], prompts, collector, where, RowSource(before, "", fragments, margins))


def _find_annex(tail: str) -> int:
    """Where the annex heading starts in the text after the last printed piece."""
    stream, index = _stream(tail)
    found = stream.find(_stream(ANNEX_LEAD)[0])
    return index[found] if found >= 0 else len(tail)


def _trailing_punctuation(text: str, start: int) -> int:
    match = re.match(r"[^\w\s]*", text[start:])
    return len(match.group()) if match else 0


def _take(
    slots: list[str],
    region: str,
    prompts: list[str],
    collector: Collector,
    where: str,
    rows: RowSource,
) -> None:
    if ANNEX_SLOT in slots:
        heading = _find_annex(region)
        _take(slots[: slots.index(ANNEX_SLOT)], region[:heading], prompts, collector, where, rows)
        _annex(region[heading:], collector, where)
        return
    if not slots:
        if region.strip() and clean_answer(region, prompts):
            collector.unmapped.append(Unmapped(region.strip(), where))
        return
    if _is_row_run(slots):
        _take_rows(slots, region, prompts, collector, where, rows)
        return
    leaf = leaf_map(collector.model).get(slots[0])
    if len(set(slots)) == 1 and leaf is not None and leaf.kind == "choice":  # tick boxes
        collector.put(slots[0], clean_answer(region, prompts), where)
        return
    if all(s == slots[0] for s in slots) and "[]" in slots[0]:
        for number, day in enumerate(find_dates(region)):
            collector.put(slots[0].replace("[]", f".{number}"), day.isoformat(), where)
        return
    distinct = list(dict.fromkeys(s for s in slots if "[]" not in s))
    if len(distinct) == 1:
        collector.put(distinct[0], clean_answer(region, prompts), where)
    elif region.strip():
        collector.unmapped.append(Unmapped(region.strip(), where))


def _is_row_run(slots: list[str]) -> bool:
    """The cells of one row of a table of objects: "decisions[].action", "decisions[].owner"..."""
    heads = {slot.partition("[].")[0] for slot in slots}
    return all("[]." in slot for slot in slots) and len(heads) == 1 and len(set(slots)) == len(slots)


def _take_rows(
    slots: list[str],
    region: str,
    prompts: list[str],
    collector: Collector,
    where: str,
    rows: RowSource,
) -> None:
    """Read a table of objects row by row; without positioned text, keep it as unmapped."""
    table = None
    if rows.fragments:
        headers = [line for line in rows.before.split("\n") if fold(line)][-len(slots) :]
        end = next((line for line in rows.after.split("\n") if fold(line)), "")  # not dot leaders
        table = read_rows(headers, end, rows.fragments, rows.margins)
    if table is None:
        if clean_answer(region, prompts):
            field = slots[0].partition("[]")[0]
            collector.warnings.append(
                ReadWarning(
                    field, "could not tell the table's rows apart; the text is kept in unmapped", where
                )
            )
            collector.unmapped.append(Unmapped(region.strip(), where))
        return
    number = 0
    for cells in table:
        texts = [clean_answer(cell, prompts) for cell in cells]
        if not any(texts):
            continue
        for slot, value in zip(slots, texts, strict=True):
            collector.put(slot.replace("[]", f".{number}", 1), value, where)
        number += 1


def _annex(annex: str, collector: Collector, where: str) -> None:
    if not annex.strip():
        return
    labels = {fold(label): path for label, path in annex_labels(collector.model).items()}
    current: str | None = None
    lines: list[str] = []
    rows = annex.split("\n")[1:]
    number = 0
    while number < len(rows):
        found = _annex_label(rows, number, labels)
        if found is not None:
            _flush(current, lines, collector, where)
            current, rest, used = found
            lines = [rest.strip()]
            number += used
            continue
        if current is not None:
            lines.append(rows[number].strip())
        number += 1
    _flush(current, lines, collector, where)


def _annex_label(rows: list[str], number: int, labels: dict[str, str]) -> tuple[str, str, int] | None:
    """The field a label at `rows[number]` names, the text after it, and how many lines
    the label takes (a long label wraps in its table cell); None when it is no label."""
    line = rows[number]
    head, sep, rest = line.partition(":")
    candidate = labels.get(fold(head)) if sep else None
    if candidate is None and sep:
        # titles hold colons too ("Supervisee: Role: value")
        for label, path in sorted(labels.items(), key=lambda item: -len(item[0])):
            if fold(line).startswith(label + " ") or fold(line) == label:
                return path, line[_label_end(line, label) :].lstrip(": "), 1
    if candidate is not None or sep:
        return (candidate, rest, 1) if candidate is not None else None
    for used in range(2, 5):  # "Availability of manager" / "outside formal supervision:"
        head, sep, rest = " ".join(row.strip() for row in rows[number : number + used]).partition(":")
        if sep:
            named = labels.get(fold(head))
            return (named, rest, used) if named is not None else None
    return None


def _label_end(line: str, label: str) -> int:
    words = len(label.split())
    matches = list(re.finditer(r"\w+", line))
    return matches[words - 1].end() if len(matches) >= words else len(line)


def _flush(path: str | None, lines: list[str], collector: Collector, where: str) -> None:
    if path is None:
        return
    text = clean_answer("\n".join(lines), [])
    leaf = leaf_map(collector.model).get(path)
    if text is not None and leaf is not None and leaf.kind == "date" and path.endswith("[]"):
        for number, day in enumerate(find_dates(text)):  # a list of dates on one line
            collector.put(path.replace("[]", f".{number}"), day.isoformat(), where)
        return
    collector.put(path, text, where)
