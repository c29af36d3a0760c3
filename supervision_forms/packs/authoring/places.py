"""Finding the answer places on a council's blank form.

A place is where a person writes an answer, with the printed label that says what goes
there. Found, in this order:

- a table of empty rows under column headings (a month/date table): one list;
- an empty cell (or one showing a prompt) beside or below a label cell;
- dot leaders and lines to write on after a label (or before it: "______ (Supervisee)");
- tick boxes with their options;
- a prompt paragraph ("[please list]", "Click or tap here to enter text.");
- the empty lines under a printed question, or under a heading and its explanation;
- a short label ending in a colon with nothing after it ("Name of Supervisee:").

Signature rows are places like the others; `signatures` marks them and pairs each
signature with the date beside it. Each place keeps what the blank form shows there (its
`empty` text: dots, a prompt), so an empty agreement prints the form as it was.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

from ...docx.form import Form, FormCell, FormParagraph, FormTable
from ..spec import Place
from .text import (
    BOX_RUN,
    answer_spans,
    clean_label,
    content_words,
    fold,
    is_label_like,
    is_prompt,
    last_clause,
    leader_spans,
    strip_numbering,
    words,
)

Value = Literal["text", "date", "dates", "choice", "rows"]
MIN_LIST_ROWS = 3  # empty rows under headings that make a list
LABEL_NOUNS = frozenset(
    [
        "name",
        "names",
        "date",
        "dated",
        "title",
        "role",
        "post",
        "designation",
        "team",
        "service",
        "job",
        "signature",
        "signed",
        "sign",
        "frequency",
        "duration",
        "venue",
        "location",
        "time",
        "length",
        "review",
        "reviewed",
        "grade",
        "email",
        "phone",
        "telephone",
        "number",
        "manager",
        "supervisor",
        "supervisee",
        "worker",
        "employee",
        "practitioner",
        "staff",
        "member",
        "id",
    ]
)
SIGN = re.compile(r"\bsign(?:ed|ature|atures)?\b", re.IGNORECASE)
DATE_WORD = re.compile(r"\bdated?\b", re.IGNORECASE)
# "Supervisee to complete:", "To be filled in by the manager:": who answers what follows
INSTRUCTION = re.compile(r"\b(?:to (?:be )?)(?:complete|completed|fill(?:ed)? in)\b", re.IGNORECASE)


@dataclass
class InText:
    """Characters [start, end) of a paragraph (leaders, a prompt, tick boxes) become the
    tag; with start == end the tag goes in at that point."""

    paragraph: FormParagraph
    start: int
    end: int
    drop: tuple[FormParagraph, ...] = ()  # further paragraphs the tag replaces (one option each)


@dataclass
class InEmpty:
    """An empty paragraph (an empty cell's, or a line under a question) takes the tag."""

    paragraph: FormParagraph


@dataclass
class InRows:
    """Rows first..last of a table become one row repeated for each item."""

    table: FormTable
    first: int
    last: int


Edit = InText | InEmpty | InRows


@dataclass
class Slot:
    """One answer place on the blank form."""

    label: str  # as printed
    place: Place
    value: Value
    edit: Edit
    source: str
    order: int
    empty: str = ""  # what the blank form shows in the place
    context: tuple[str, ...] = ()  # the column heading, the row's label
    section: str = ""  # the heading above
    options: tuple[str, ...] = ()  # a choice's options, as printed
    columns: tuple[tuple[int, str], ...] = ()  # a list's columns: (grid column, heading)
    suffix: str = ""  # printed text right after the place, on its line
    cell: tuple[int, int, int] | None = None  # (table, row, first grid column) of a place in a cell
    group: str = ""  # places in one row or paragraph share it (signatures and their dates)
    signature: Literal["", "name", "date"] = ""
    party: Literal["", "supervisor", "supervisee"] = ""

    @property
    def key(self) -> str:
        """The label as matched: without numbering, hints in brackets or end punctuation."""
        return clean_label(self.label) or clean_label(" ".join(self.context))


@dataclass
class _State:
    form: Form
    prompts: frozenset[str]
    slots: list[Slot] = field(default_factory=list)
    used: set[int] = field(default_factory=set)  # paragraphs that are labels or places
    headings: dict[int, str] = field(default_factory=dict)  # paragraph -> the heading above it


def find_places(form: Form, prompts: frozenset[str] = frozenset()) -> list[Slot]:
    """Every answer place on the form, in document order."""
    state = _State(form, prompts | _repeated_answers(form))
    _note_headings(state)
    for table in form.tables:
        _table_places(state, table)
    for container in _containers(form):
        _paragraph_places(state, container)
    slots = sorted(state.slots, key=lambda s: s.order)
    _signatures(slots)
    return slots


# --- tables ------------------------------------------------------------------------------


def _table_places(state: _State, table: FormTable) -> None:
    listed = _list_rows(state, table)
    header = _header_texts(table)
    for row in table.rows:
        if row.index in listed:
            continue
        for cell in row.cells:
            if cell.continues or not _answer_cell(state, cell):
                continue
            found = _cell_label(state, cell, listed)
            if found is None:
                continue
            label_cell, place = found
            label = _label_of_cell(label_cell)
            if not label:
                continue
            context = _cell_context(cell, label_cell, header)
            _add_cell_slot(state, cell, label, place, context, label_cell)


def _answer_cell(state: _State, cell: FormCell) -> bool:
    """An empty cell, one holding only leaders, or one showing only a prompt."""
    if any(isinstance(b, FormTable) for b in cell.blocks):
        return False
    text = cell.text
    if BOX_RUN.search(text):
        return False
    if not text or not leader_free(text) or is_prompt(text, state.prompts, hints=True):
        return True
    quiet = [p for p in cell.paragraphs if not p.empty]  # a hint in italics or grey where the answer goes
    return all(p.quiet for p in quiet) and len(words(text)) <= 25 and _beside_label(state, cell)


def _beside_label(state: _State, cell: FormCell) -> bool:
    left = cell.row.at(cell.column - 1) if cell.column > 0 else None
    return (
        left is not None
        and not left.continues
        and bool(left.text)
        and not any(p.quiet for p in left.paragraphs)
    )


def leader_free(text: str) -> str:
    """Text without its leaders and white space."""
    for start, end in reversed(leader_spans(text)):
        text = text[:start] + text[end:]
    return text.strip()


def _cell_label(
    state: _State, cell: FormCell, listed: set[int]
) -> tuple[FormCell, Literal["right", "below"]] | None:
    """The label of an answer cell: the nearest text cell to its left (past other answer
    cells, as in a grid of names and signatures), else the one above."""
    row = cell.row
    column = cell.column
    while column > 0:
        left = row.at(column - 1)
        if left is None:
            break
        if left.continues:  # a label merged down from the rows above
            top = _merged_top(left)
            if top is not None and _is_label_cell(state, top):
                return top, "right"
            break
        if _is_label_cell(state, left):
            return left, "right"
        if not _answer_cell(state, left) or not _header_texts(row.table):  # past answers only in a grid
            break
        column = left.column
    if row.index > 0 and row.index - 1 not in listed:
        above = row.table.rows[row.index - 1].at(cell.column)
        if above is not None and _is_label_cell(state, above) and above.column <= cell.column:
            return above, "below"
    return None


def _merged_top(cell: FormCell) -> FormCell | None:
    rows = cell.row.table.rows
    for index in range(cell.row.index - 1, -1, -1):
        above = rows[index].at(cell.column)
        if above is None:
            return None
        if not above.continues:
            return above
    return None


def _is_label_cell(state: _State, cell: FormCell) -> bool:
    text = cell.text
    return bool(text) and not _answer_cell(state, cell) and not BOX_RUN.search(text)


def _label_of_cell(cell: FormCell) -> str:
    """A label cell's label: its first paragraph (its bold lead-in when a long text follows)."""
    paragraphs = [p for p in cell.paragraphs if not p.empty]
    if not paragraphs:
        return ""
    first = paragraphs[0]
    if len(words(first.text)) > 25 and first.bold_lead and len(words(first.bold_lead)) >= 2:
        return first.bold_lead.strip()
    text = first.text.strip()
    if len(paragraphs) > 1 and len(words(text)) <= 3 and not text.endswith((":", "?")):
        text = f"{text} {paragraphs[1].text.strip()}"  # "Supervision" / "Frequency and duration?"
        return text if len(words(text)) <= 25 else first.text.strip()
    return text


def _cell_context(cell: FormCell, label_cell: FormCell, header: dict[int, str]) -> tuple[str, ...]:
    found: list[str] = []
    heading = header.get(cell.column, "")
    if heading and heading != label_cell.text:
        found.append(heading)
    first = cell.row.cells[0]
    if first is not label_cell and first is not cell and first.text and len(words(first.text)) <= 8:
        found.append(first.text)
    return tuple(found)


def _header_texts(table: FormTable) -> dict[int, str]:
    """A grid's column headings: a first row of short texts over the answer columns, its
    first cell (over the row labels) empty."""
    if len(table.rows) < 2:
        return {}
    cells = [c for c in table.rows[0].cells if not c.continues]
    if len(cells) < 3 or not all(c.text and len(words(c.text)) <= 6 for c in cells[1:]):
        return {}
    if cells[0].text and not all(party_of(c.text) for c in cells[1:]):  # "Details | Supervisor | Supervisee"
        return {}
    return {column: c.text for c in cells[1:] for column in range(c.column, c.end)}


def _add_cell_slot(
    state: _State,
    cell: FormCell,
    label: str,
    place: Literal["right", "below"],
    context: tuple[str, ...],
    label_cell: FormCell,
) -> None:
    paragraphs = cell.paragraphs
    text = cell.text
    if text:  # a prompt or leaders: the tag takes their place in the first paragraph that has them
        target = next(p for p in paragraphs if not p.empty)
        start = len(target.text) - len(target.text.lstrip())
        edit: Edit = InText(
            target,
            start,
            len(target.text.rstrip()),
            tuple(p for p in paragraphs if p is not target and not p.empty),
        )
        empty = target.text.strip()
    else:
        target = paragraphs[0]
        edit = InEmpty(target)
        empty = ""
    state.used.update(p.number for p in paragraphs)
    state.used.update(p.number for p in label_cell.paragraphs)
    state.slots.append(
        Slot(
            label=label,
            place=place,
            value="text",
            edit=edit,
            source=target.source,
            order=target.number,
            empty=empty,
            context=context,
            section=state.headings.get(target.number, ""),
            group=f"t{cell.row.table.number}r{cell.row.index}",
            cell=(cell.row.table.number, cell.row.index, cell.column),
        )
    )


def _list_rows(state: _State, table: FormTable) -> set[int]:
    """Rows of empty cells under a row of headings: a list, one item a row."""
    rows = table.rows
    listed: set[int] = set()
    index = 0
    while index < len(rows):
        heads = [c for c in rows[index].cells if not c.continues and c.text]
        run = 0
        while index + 1 + run < len(rows) and _empty_row(state, rows[index + 1 + run]):
            run += 1
        if heads and run >= MIN_LIST_ROWS and all(len(words(c.text)) <= 8 for c in heads):
            first, last = index + 1, index + run
            columns = tuple((c.column, c.text) for c in heads)
            paragraph = (
                next(p for p in rows[first].cells[0].paragraphs) if rows[first].cells[0].paragraphs else None
            )
            order = paragraph.number if paragraph is not None else 0
            source = paragraph.source if paragraph is not None else f"table {table.number}"
            state.slots.append(
                Slot(
                    label=heads[-1].text if len(heads) == 1 else _date_heading(heads),
                    place="table",
                    value="rows",
                    edit=InRows(table, first, last),
                    source=source,
                    order=order,
                    columns=columns,
                    section=state.headings.get(order, ""),
                )
            )
            for row in rows[index : last + 1]:
                for cell in row.cells:
                    state.used.update(p.number for p in cell.paragraphs)
            listed.update(range(index, last + 1))
            index = last + 1
            continue
        index += 1
    return listed


def _date_heading(heads: list[FormCell]) -> str:
    dated = [c.text for c in heads if DATE_WORD.search(c.text)]
    return dated[0] if dated else heads[-1].text


def _empty_row(state: _State, row: object) -> bool:
    cells = getattr(row, "cells", [])
    return bool(cells) and all(
        c.continues or (not c.text and not any(isinstance(b, FormTable) for b in c.blocks)) for c in cells
    )


# --- paragraphs --------------------------------------------------------------------------


def _containers(form: Form) -> list[list[FormParagraph | FormTable]]:
    found: list[list[FormParagraph | FormTable]] = [form.blocks]
    for table in form.tables:
        for row in table.rows:
            found.extend(cell.blocks for cell in row.cells if not cell.continues)
    return found


def _paragraph_places(state: _State, blocks: list[FormParagraph | FormTable]) -> None:
    index = 0
    while index < len(blocks):
        block = blocks[index]
        index += 1
        if not isinstance(block, FormParagraph) or block.number in state.used or block.empty:
            continue
        if _leaders(state, block, blocks, index - 1) or _boxes(state, block, blocks, index - 1):
            continue
        if not block.listed and is_prompt(block.text, state.prompts):
            _prompt(state, block, blocks, index - 1)
            continue
        if _colon_gaps(state, block):
            continue
        _under_or_after(state, block, blocks, index - 1)


def _leaders(
    state: _State, paragraph: FormParagraph, blocks: list[FormParagraph | FormTable], at: int
) -> bool:
    text = paragraph.text
    spans = answer_spans(text, [(a.start, a.end) for a in paragraph.atoms if a.kind == "leader"])
    if not spans:
        return False
    state.used.add(paragraph.number)
    cell_label = _row_label(paragraph)
    previous = 0
    for number, (start, end) in enumerate(spans):
        before = text[previous:start]
        following = spans[number + 1][0] if number + 1 < len(spans) else len(text)
        after = text[end:following]
        label = last_clause(strip_numbering(before.strip())) if before.strip() else ""
        inner = text[start:end].strip()
        if inner.startswith("[") and _has_words(inner):  # "[name of supervisee]" says what goes there
            label = inner.strip("[]").strip()
        place: Place = "dots"
        suffix = after.split("\n", 1)[0].strip()
        if not _has_words(label) and cell_label and len(spans) == 1 and _only_place_in_cell(paragraph):
            label, place = cell_label, "right"  # "Date of agreement | xx.xx.xx Review annually ..."
        elif not _has_words(label):
            label = _label_before(state, blocks, at) if not _has_words(after) else after.strip().strip("()")
            place = "below" if not _has_words(after) else "before"  # "Xxx Advanced Practitioner"
            suffix = "" if not _has_words(after) else suffix
        if not _has_words(label):
            label = cell_label
        if not _has_words(label):
            previous = end
            continue
        context = (cell_label,) if cell_label and cell_label != label else ()
        state.slots.append(
            Slot(
                label=label.strip(),
                place=place,
                value="text",
                edit=InText(paragraph, start, end),
                source=paragraph.source,
                order=paragraph.number,
                empty=text[start:end],
                context=context,
                section=state.headings.get(paragraph.number, ""),
                suffix=suffix,
                group=f"p{paragraph.number}",
            )
        )
        previous = end
    return True


def _only_place_in_cell(paragraph: FormParagraph) -> bool:
    cell = paragraph.cell
    return cell is not None and sum(1 for p in cell.paragraphs if answer_spans(p.text)) == 1


def _has_words(text: str) -> bool:
    return bool(words(text))


def _row_label(paragraph: FormParagraph) -> str:
    """The row's label for a paragraph in a later cell: the nearest cell to its left with
    words in it (not just a section number)."""
    cell = paragraph.cell
    if cell is None:
        return ""
    for left in reversed([c for c in cell.row.cells if c.end <= cell.column]):
        text = left.text
        if any(w.isalpha() for w in words(text)):
            return text if len(words(text)) <= 12 else ""
    return ""


def _label_before(state: _State, blocks: list[FormParagraph | FormTable], at: int) -> str:
    """The nearest non-empty paragraph before `at` in its container (marked as a label)."""
    for block in reversed(blocks[:at]):
        if isinstance(block, FormTable):
            return ""
        if not block.empty:
            if BOX_RUN.search(block.text) or leader_spans(block.text):
                return ""
            state.used.add(block.number)
            return block.text.strip()
    block = blocks[at]
    return _row_label_of(block.cell if isinstance(block, FormParagraph) else None)


def _row_label_of(cell: FormCell | None) -> str:
    if cell is None:
        return ""
    left = cell.row.at(cell.column - 1) if cell.column > 0 else None
    return left.text if left is not None and left.text and not BOX_RUN.search(left.text) else ""


def _boxes(state: _State, paragraph: FormParagraph, blocks: list[FormParagraph | FormTable], at: int) -> bool:
    text = paragraph.text
    boxes = [m.start() for m in BOX_RUN.finditer(text)]
    if not boxes:
        return False
    state.used.add(paragraph.number)
    after_options = not text[boxes[-1] + 1 :].strip() and bool(text[: boxes[0]].strip())
    options: list[str] = []
    if after_options:  # "Label   Yes ☐  No ☐"
        previous = 0
        for number, box in enumerate(boxes):
            piece = text[previous:box]
            if number == 0:
                parts = re.split(r"\s{2,}|\t", piece.strip())
                option = parts[-1] if len(parts) > 1 else (piece.strip().split() or [""])[-1]
                label = piece.strip()[: len(piece.strip()) - len(option)].strip()
                start = previous + piece.index(option) if option else box
            else:
                option = piece.strip()
            options.append(option)
            previous = box + 1
        end = boxes[-1] + 1
    else:  # "Label: ☐ Yes ☐ No" or "☐ Once a week"
        label = text[: boxes[0]].strip()
        start = boxes[0]
        for number, box in enumerate(boxes):
            stop = boxes[number + 1] if number + 1 < len(boxes) else len(text)
            options.append(text[box + 1 : stop].strip())
        end = len(text.rstrip())
    drop: list[FormParagraph] = []
    if not after_options and not label:  # one option a line: the lines that follow join in
        for block in blocks[at + 1 :]:
            if not isinstance(block, FormParagraph) or block.empty:
                break
            more = [m.start() for m in BOX_RUN.finditer(block.text)]
            if len(more) != 1 or block.text[: more[0]].strip():
                break
            options.append(block.text[more[0] + 1 :].strip())
            drop.append(block)
            state.used.add(block.number)
        label = _label_before(state, blocks, at) or _row_label_of(paragraph.cell)
    options = [o for o in options if o]
    if not options:
        return True
    if not label:
        label = options[0] if len(options) == 1 else ""
    if not label:
        return True
    state.slots.append(
        Slot(
            label=label.rstrip(" :"),
            place="right" if paragraph.cell is not None and not text[:start].strip() else "after",
            value="choice",
            edit=InText(paragraph, start, end, tuple(drop)),
            source=paragraph.source,
            order=paragraph.number,
            empty="",
            context=tuple(c for c in (_row_label(paragraph),) if c),
            section=state.headings.get(paragraph.number, ""),
            options=tuple(options),
            group=f"p{paragraph.number}",
        )
    )
    return True


def _prompt(
    state: _State, paragraph: FormParagraph, blocks: list[FormParagraph | FormTable], at: int
) -> None:
    label = _label_before(state, blocks, at)
    if not label:
        return
    state.used.add(paragraph.number)
    text = paragraph.text
    start = len(text) - len(text.lstrip())
    state.slots.append(
        Slot(
            label=label,
            place="below",
            value="text",
            edit=InText(paragraph, start, len(text.rstrip())),
            source=paragraph.source,
            order=paragraph.number,
            empty=text.strip(),
            section=state.headings.get(paragraph.number, ""),
        )
    )


def _under_or_after(
    state: _State, paragraph: FormParagraph, blocks: list[FormParagraph | FormTable], at: int
) -> None:
    """A question with empty lines under it; a heading, its explanation and empty lines; or
    a short label ending in a colon ("Name of Supervisor:"), answered after it."""
    text = paragraph.text.strip()
    empties: list[FormParagraph] = []
    for block in blocks[at + 1 :]:
        if isinstance(block, FormParagraph) and block.empty and block.number not in state.used:
            empties.append(block)
        else:
            break
    following = blocks[at + 1 + len(empties)] if at + 1 + len(empties) < len(blocks) else None
    explained = _explained(state, paragraph, blocks, at) if not empties else []
    if explained:  # "KEY TASKS OF SUPERVISEE:", what they include, then lines to write on
        state.used.update(p.number for p in [paragraph, *explained[:1]])
        _add_below(state, paragraph, explained[1])
        return
    if _names_something(paragraph) and len(empties) < 2:
        _add_after(state, paragraph)
        return
    asks = text.endswith(("?", ":"))
    label = ""
    if paragraph.listed and len(empties) >= 2:  # a question, its hints as bullets, then lines
        above = _before_list(blocks, at)
        if (
            above is not None
            and above.number not in state.used
            and (_is_heading(above) or is_label_like(above.text))
        ):
            label = above.text.strip()
            state.used.add(above.number)
    elif empties and asks and not paragraph.listed:
        if len(empties) >= 2 or not _is_heading(paragraph) or not _prose(following):
            label = text
    elif len(empties) >= 2 and is_label_like(text) and not _is_heading(paragraph) and not paragraph.listed:
        label = text  # "Others who may see the record", then lines to write on
    elif len(empties) >= 2 and not asks and not paragraph.listed and len(words(text)) > 8:
        above = _heading_before(blocks, at)  # a heading, its explanation, then lines to write on
        label = above.text.strip() if above is not None and above.number not in state.used else ""
        if above is not None and label:
            state.used.add(above.number)
    if not label or not empties:
        return
    state.used.add(paragraph.number)
    state.used.update(p.number for p in empties)
    _add_below(state, paragraph, empties[0], label)


def _add_below(state: _State, paragraph: FormParagraph, space: FormParagraph, label: str = "") -> None:
    state.used.add(space.number)
    state.slots.append(
        Slot(
            label=label or paragraph.text.strip(),
            place="below",
            value="text",
            edit=InEmpty(space),
            source=space.source,
            order=space.number,
            section=state.headings.get(paragraph.number, ""),
        )
    )


def _explained(
    state: _State, paragraph: FormParagraph, blocks: list[FormParagraph | FormTable], at: int
) -> list[FormParagraph]:
    """A heading or label, the printed explanation straight under it, then two or more empty
    lines: [the explanation, the first empty line], else []."""
    text = paragraph.text.strip()
    if not (_is_heading(paragraph) or text.endswith(":")) or paragraph.listed or len(words(text)) > 12:
        return []
    if at + 1 >= len(blocks):
        return []
    explanation = blocks[at + 1]
    if not isinstance(explanation, FormParagraph) or not _prose(explanation) or explanation.listed:
        return []
    empties: list[FormParagraph] = []
    for block in blocks[at + 2 :]:
        if not isinstance(block, FormParagraph) or not block.empty or block.number in state.used:
            break
        empties.append(block)
    return [explanation, empties[0]] if len(empties) >= 2 else []


COLON_GAP = re.compile(r"([^:\n\t]{2,60}?:)(?=[ \t\u00a0]{3,}|\t|\s*$)")


def _colon_gaps(state: _State, paragraph: FormParagraph) -> bool:
    """Several labels in one line, each answered in the space after its colon
    ("Signature of supervisee:          Date:")."""
    text = paragraph.text
    found = [m for m in COLON_GAP.finditer(text) if _has_words(m.group(1))]
    if len(found) < 2 or text[found[-1].end() :].strip() or text[: found[0].start()].strip():
        return False
    if not all(len(words(m.group(1))) <= 8 for m in found):
        return False
    state.used.add(paragraph.number)
    for match in found:
        state.slots.append(
            Slot(
                label=match.group(1).strip(),
                place="after",
                value="text",
                edit=InText(paragraph, match.end(), match.end()),
                source=paragraph.source,
                order=paragraph.number,
                context=(_row_label(paragraph),) if _row_label(paragraph) else (),
                section=state.headings.get(paragraph.number, ""),
                group=f"p{paragraph.number}",
            )
        )
    return True


def _add_after(state: _State, paragraph: FormParagraph) -> None:
    state.used.add(paragraph.number)
    state.slots.append(
        Slot(
            label=paragraph.text.strip(),
            place="after",
            value="text",
            edit=InText(paragraph, len(paragraph.text), len(paragraph.text)),
            source=paragraph.source,
            order=paragraph.number,
            section=state.headings.get(paragraph.number, ""),
            group=f"p{paragraph.number}",
        )
    )


def _names_something(paragraph: FormParagraph) -> bool:
    """A short label ending in a colon that names a thing to fill in ("Team:", "Date of review:")."""
    text = paragraph.text.strip()
    return (
        text.endswith(":")
        and not paragraph.listed
        and not paragraph.heading
        and len(words(text)) <= 8
        and bool(set(content_words(text)) & LABEL_NOUNS)
        and not INSTRUCTION.search(text)
    )


def _prose(block: FormParagraph | FormTable | None) -> bool:
    """Running text (a sentence or a list item), not a label or heading."""
    if not isinstance(block, FormParagraph):
        return False
    text = block.text.strip()
    return block.listed or (len(words(text)) > 8 and not text.endswith((":", "?")))


def _is_heading(paragraph: FormParagraph) -> bool:
    text = paragraph.text.strip()
    letters = [c for c in text if c.isalpha()]
    caps = bool(letters) and all(c.isupper() for c in letters)
    return paragraph.heading or ((paragraph.bold or caps) and len(words(text)) <= 10)


def _before_list(blocks: list[FormParagraph | FormTable], at: int) -> FormParagraph | None:
    """The paragraph just above the list that paragraph `at` ends."""
    for block in reversed(blocks[:at]):
        if not isinstance(block, FormParagraph):
            return None
        if block.empty or block.listed:
            continue
        return block
    return None


def _heading_before(blocks: list[FormParagraph | FormTable], at: int) -> FormParagraph | None:
    for block in reversed(blocks[:at]):
        if not isinstance(block, FormParagraph):
            return None
        if block.empty:
            continue
        return block if _is_heading(block) or is_label_like(block.text) else None
    return None


def _note_headings(state: _State) -> None:
    """For each paragraph, the nearest heading above it (section context for matching)."""
    current = ""
    for paragraph in state.form.paragraphs:
        state.headings[paragraph.number] = current
        text = paragraph.text.strip()
        if text and _is_heading(paragraph) and paragraph.cell is None and not text.endswith((":", "?")):
            current = text


def _repeated_answers(form: Form) -> frozenset[str]:
    """Text printed in several answer cells (the cell beside a label): a prompt."""
    seen: Counter[str] = Counter()
    for table in form.tables:
        for row in table.rows:
            cells = [c for c in row.cells if not c.continues]
            for cell in cells[1:]:
                if cell.text and 3 <= len(words(cell.text)) <= 12:  # a sentence, not a "Date:" label
                    seen[fold(cell.text)] += 1
    return frozenset(text for text, count in seen.items() if count >= 3)


# --- signatures --------------------------------------------------------------------------

SUPERVISEE = (
    "supervisee",
    "staff member",
    "worker",
    "employee",
    "practitioner",
    "student",
    "trainee",
    "staff",
)
SUPERVISOR = (
    "supervisor", "manager", "team leader", "practice lead", "advanced practitioner", "senior practitioner",
    "consultant social worker", "practice educator",
)  # fmt: skip


def party_of(text: str) -> Literal["", "supervisor", "supervisee"]:
    """Whose a label is: the supervisee's or the supervisor's (by the words it uses)."""
    norm = fold(text)
    first: list[tuple[int, Literal["supervisor", "supervisee"]]] = []
    parties: tuple[tuple[Literal["supervisor", "supervisee"], tuple[str, ...]], ...] = (
        ("supervisee", SUPERVISEE),
        ("supervisor", SUPERVISOR),
    )
    for party, names in parties:
        hits = [m.start() for name in names for m in re.finditer(rf"\b{name}s?\b", norm)]
        if hits:
            first.append((min(hits), party))
    return min(first)[1] if first else ""


def _signatures(slots: list[Slot]) -> None:
    """Mark signature places and the date beside each; say whose each is."""
    for slot in slots:
        by_role = party_of(slot.label) and len(words(slot.label)) <= 3  # "Supervisee" under "Signature"
        if slot.value == "text" and (
            SIGN.search(slot.label) or (by_role and SIGN.search(" ".join(slot.context)))
        ):
            slot.signature = "name"
            slot.party = party_of(slot.label) or party_of(" ".join(slot.context))
    for number, slot in enumerate(slots):
        if slot.signature or slot.value != "text" or not _is_date_label(slot.label):
            continue
        partner = _partner(slots, number)
        if partner is not None:
            slot.signature = "date"
            slot.party = partner.party
            partner.signature = "name"
    for slot in slots:  # "Supervisee | ... | Date: | ...": a party's row
        if slot.signature == "name" and not slot.party:
            slot.party = party_of(slot.label) or party_of(" ".join(slot.context))
    for slot in slots:
        if slot.signature:
            slot.place = "signature"
    _unknown_parties(slots)


def _is_date_label(label: str) -> bool:
    """Just "Date" (a signature's date), not "Date of review"."""
    return fold(clean_label(label)) in ("date", "dated", "date signed", "signed date", "date of signature")


def _partner(slots: list[Slot], number: int) -> Slot | None:
    """The signature (or party name) a date belongs to: before it in its row or paragraph,
    above it in its grid column, or on the line before."""
    date = slots[number]
    if date.cell is not None:
        table, row, column = date.cell
        above = [
            s for s in slots[:number] if s.cell is not None and s.cell[0] == table and s.cell[2] == column
        ]
        last = above[-1] if above else None
        if last is not None and last.cell is not None and last.cell[1] == row - 1 and _names_party(last):
            return last
    for other in reversed(slots[:number]):
        if other.group == date.group and other.group and other.value == "text":
            return other if _signs(other) else None
        if date.order - other.order > 2:
            break
        if other.signature == "name":
            return other
    return None


def _names_party(slot: Slot) -> bool:
    """A signature or a party's name, not another date."""
    return _signs(slot) and slot.signature != "date" and not _is_date_label(slot.label)


def _signs(slot: Slot) -> bool:
    return bool(slot.signature) or bool(party_of(slot.label))


def _unknown_parties(slots: list[Slot]) -> None:
    """Signatures whose party no word gives: the supervisee's first, then the supervisor's,
    unless the other is already named."""
    names = [s for s in slots if s.signature == "name"]
    taken = {s.party for s in names if s.party}
    for slot in names:
        if slot.party:
            continue
        slot.party = "supervisee" if "supervisee" not in taken else "supervisor"
        taken.add(slot.party)
    for number, slot in enumerate(slots):
        if slot.signature == "date" and not slot.party:
            partner = _partner(slots, number)
            slot.party = partner.party if partner is not None else ""
