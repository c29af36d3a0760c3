"""Answers in a table under printed column headings: the month/date table, action tables.

The heading row is where the label of one of the table's fields was found; the other
fields' labels name the other columns. Each row below, to the end of the table (Word)
or the first line of printed text (PDF), is one item; blank rows are skipped. A date
written only in part ("3rd" under "Date", with "March 2026" under "Month") is read
with the rest of its row.
"""

from __future__ import annotations

import datetime
import itertools
import re
from collections import defaultdict
from dataclasses import dataclass

from ...models.paths import leaf_map
from ...text.dates import find_dates, read_date
from ..knowledge import FieldInfo
from ..result import ReadWarning, Unmapped
from ..text import fold
from ..unwrap import join
from ..values import Collector
from .answers import clean
from .labels import Hit
from .layout import Layout, as_line
from .spots import Span

DAY_ONLY = re.compile(r"^\s*(\d{1,2})(?:st|nd|rd|th)?\s*$", re.IGNORECASE)
DAY_MONTH = re.compile(r"^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*$")
YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)|[/.-]\d\d\s*$")
COLUMN_SLACK = 12.0  # in columns that count as one (layout.near): how far a PDF cell may sit from its heading


@dataclass(frozen=True)
class Row:
    """One row of answers: the text under each heading, and where it came from."""

    cells: dict[str, str]  # field path -> text
    spans: tuple[Span, ...]
    source: str


def read_rows(layout: Layout, headings: dict[str, Hit], printed: set[int]) -> list[Row]:
    """The rows under the headings found at `headings` (field path -> its heading)."""
    if layout.structured:
        return _word_rows(layout, headings)
    return _pdf_rows(layout, headings, printed)


def _word_rows(layout: Layout, headings: dict[str, Hit]) -> list[Row]:
    first = layout.pieces[next(iter(headings.values())).piece]
    table = layout.row_table.get(first.row)
    if table is None:
        return []
    columns = {path: layout.pieces[hit.piece].column for path, hit in headings.items()}
    order = layout.tables[table]
    rows = []
    for row in order[order.index(first.row) + 1 :]:
        cells: dict[str, list[str]] = {}
        spans = []
        for number, piece in enumerate(layout.pieces):
            if piece.row != row:
                continue
            owner = next((p for p, c in columns.items() if piece.column <= c < piece.end_column), _OTHER)
            cells.setdefault(owner, []).append(piece.text)
            spans.append(Span(number, 0, len(piece.text)))
        if spans:
            source = layout.pieces[spans[0].piece].source
            rows.append(Row({k: "\n".join(v) for k, v in cells.items()}, tuple(spans), source))
    return rows


_OTHER = ""


def _pdf_rows(layout: Layout, headings: dict[str, Hit], printed: set[int]) -> list[Row]:
    pieces = layout.pieces
    heading_line = pieces[next(iter(headings.values())).piece].line
    # (rows start under a heading's last line: one may be set on two lines in its cell)
    last_heading_line = max(pieces[hit.end_piece].line for hit in headings.values())
    columns = {path: pieces[hit.piece].column for path, hit in headings.items()}
    others = [p.column for p in pieces if p.line == heading_line and p.column not in columns.values()]
    groups: list[list[int]] = []  # the lines of each row: one row per line, or per drawn row
    lines = sorted({p.line for p in pieces if p.line > last_heading_line})
    for line in lines:
        numbers = [i for i, p in enumerate(pieces) if p.line == line]
        again = _heading_again(layout, heading_line, line, groups)
        if again is not None and all(pieces[hit.piece].text in again for hit in headings.values()):
            columns = {path: again[pieces[hit.piece].text] for path, hit in headings.items()}
            others = [c for c in again.values() if c not in columns.values()]
            continue  # the table goes on under its headings printed again
        if any(i in printed for i in numbers):
            break
        near = [
            min(
                [*columns.items(), *((_OTHER, c) for c in others)],
                key=lambda item: abs(item[1] - pieces[n].column),
            )
            for n in numbers
        ]
        if any(
            abs(c - pieces[n].column) > COLUMN_SLACK * layout.near
            for n, (_, c) in zip(numbers, near, strict=True)
        ):
            break  # this line is not laid out like the table
        groups.append(numbers)
    groups = _drawn_rows(layout, groups, list(columns.values()))
    rows: list[Row] = []
    for numbers in groups:
        cells: dict[str, list[int]] = {}
        for number in numbers:
            column = pieces[number].column
            nearest = min(
                [*columns.items(), *((_OTHER, c) for c in others)], key=lambda item: abs(item[1] - column)
            )
            cells.setdefault(nearest[0], []).append(number)
        texts = {k: join([as_line(layout, pieces[n]) for n in v]) for k, v in cells.items()}
        spans = tuple(Span(i, 0, len(pieces[i].text)) for i in numbers)
        rows.append(Row(texts, spans, pieces[numbers[0]].source))
    return rows


def _heading_again(layout: Layout, heading: int, line: int, rows: list[list[int]]) -> dict[str, float] | None:
    """Where each heading's column is (by its text) when `line`, the first on its page after
    the table's rows, prints the table's headings again (Word repeats a header row on each
    page a table runs over, and a typesetter may set its columns anew); else None."""
    pieces = layout.pieces
    if not rows or layout.page(line) == layout.page(pieces[rows[-1][-1]].line):
        return None
    texts = [p for p in pieces if p.line == heading]
    again = [p for p in pieces if p.line == line]
    if [fold(p.text) for p in again] != [fold(p.text) for p in texts]:
        return None
    return {p.text: q.column for p, q in zip(texts, again, strict=True)}


def _drawn_rows(layout: Layout, lines: list[list[int]], columns: list[float]) -> list[list[int]]:
    """PDF: a table's lines grouped into its rows, where the table draws a border between
    some of its lines: the lines between two borders are one row (its cells wrapped).
    Without such borders (or across a page break) each line is a row."""
    line_of = [layout.pieces[numbers[0]].line for numbers in lines]
    breaks = [layout.page(a) != layout.page(b) for a, b in itertools.pairwise(line_of)]
    between = [
        _border_between(layout, line_of[n], line_of[n + 1], columns) or _new_cells(layout, a, b)
        for n, (a, b) in enumerate(itertools.pairwise(lines))
    ]
    if not any(b and not page for b, page in zip(between, breaks, strict=True)):
        # no borders between rows: a line carries on the row its cells wrapped from
        between = [
            page or not _wraps_onto(layout, a, b)
            for (a, b), page in zip(itertools.pairwise(lines), breaks, strict=True)
        ]
    rows = [list(lines[0])] if lines else []
    for numbers, border in zip(lines[1:], between, strict=True):
        if border:
            rows.append(list(numbers))
        else:
            rows[-1].extend(numbers)
    return rows


def _new_cells(layout: Layout, upper: list[int], lower: list[int]) -> bool:
    """Whether every piece of the `lower` line is in a drawn cell none of the `upper`
    line's pieces is in (a border runs between them, drawn tight against the text), in
    a column they share (cells side by side are no border: one cell's text may be set
    lower in its row than the next's)."""
    pieces = layout.pieces
    pairs = [
        (pieces[a].cell, pieces[b].cell)
        for b in lower
        for a in upper
        if abs(pieces[a].column - pieces[b].column) <= layout.near
    ]
    return bool(pairs) and all(-1 < above != below > -1 for above, below in pairs)


def _wraps_onto(layout: Layout, upper: list[int], lower: list[int]) -> bool:
    """Whether each piece of the `lower` line carries on a piece right above it that
    wrapped (its first word would not have fitted in the room the upper one left)."""
    pieces = layout.pieces
    if layout.rule_between(pieces[upper[0]].line, pieces[lower[0]].line, pieces[lower[0]].column + 1):
        return False
    for number in lower:
        above = [n for n in upper if abs(pieces[n].column - pieces[number].column) <= layout.near]
        if not above or pieces[above[0]].room >= pieces[number].lead:
            return False
    return True


def _border_between(layout: Layout, upper: int, lower: int, columns: list[float]) -> bool:
    """Whether a rule is drawn across one of `columns` between two lines, or a page breaks."""
    a, b = layout.places.get(upper), layout.places.get(lower)
    if a is None or b is None or a[0] != b[0]:
        return True
    return any(layout.drawn_between(upper, lower, column + 1) for column in columns)


def read_tables(
    layout: Layout,
    hits: dict[str, Hit],
    infos: dict[str, FieldInfo],
    printed: set[int],
    collector: Collector,
) -> list[Span]:
    """Fields placed in a table: one item per row under their headings (a list of dates:
    one date per row). What is read goes into `collector`; the spans read are returned."""
    tables: dict[str, dict[str, Hit]] = defaultdict(dict)
    for path, hit in hits.items():
        if infos[path].spec.place == "table":
            tables[path.split("[]")[0]][path] = hit
    leaves = leaf_map(collector.model)
    used: list[Span] = []
    for head, headings in tables.items():
        rows = read_rows(layout, headings, printed)
        if f"{head}[]" in leaves:
            used.extend(_dates(rows, head, collector))
            continue
        number = 0
        for row in rows:
            values = {path: clean(row.cells.get(path, ""), []) for path in headings}
            if any(values.values()):
                for path, value in values.items():
                    collector.put(path.replace("[]", f".{number}", 1), value, row.source)
                used.extend(row.spans)
                number += 1
    return used


def _dates(rows: list[Row], head: str, collector: Collector) -> list[Span]:
    """A list of dates, one a row; a date written without its year takes the year of
    the dates around it, moving on a year where the months wrap round."""
    years = [
        r.value.year for row in rows if _has_year(row) and (r := read_date(" ".join(row.cells.values())))
    ]
    hint = years[0] if years else _document_year(collector)
    used: list[Span] = []
    doubt = ""
    if any(len(find_dates(text)) > 1 for row in rows for text in row.cells.values()):
        doubt = "a row of the table holds several dates"  # the rows are not told apart
    elif any(row_date(row, head, hint) is None and clean(" ".join(row.cells.values()), []) for row in rows):
        doubt = "a row of the table holds text that is not a date"  # the list would miss one
    if doubt:
        collector.warnings.append(ReadWarning(head, f"{doubt}; the text is kept in unmapped", rows[0].source))
        for row in rows:
            if clean(" ".join(row.cells.values()), []):
                collector.unmapped.append(Unmapped(" ".join(row.cells.values()), row.source))
            used.extend(row.spans)
        return used
    previous: datetime.date | None = None
    number = 0
    for row in rows:
        day = row_date(row, head, previous.year if previous else hint)
        if day is None:
            continue
        if previous is not None and day < previous and not _has_year(row):
            day = _next_year(day)
        collector.put(f"{head}.{number}", day.isoformat(), row.source)
        used.extend(row.spans)
        previous = day
        number += 1
    return used


def row_date(row: Row, path: str, year: int | None) -> datetime.date | None:
    """The date in a row's `path` cell, completed from the rest of the row (the month
    beside a day: "3rd" under Date, "March" under Month) and `year` where needed."""
    own = row.cells.get(path, "").strip()
    context = " ".join(text for key, text in row.cells.items() if key != path)
    day = DAY_ONLY.match(own)
    tries = [own, f"{day.group(1)} {context}" if day else f"{own} {context}"]
    if year is not None:
        tries += [f"{attempt} {year}" for attempt in tries]
        numeric = DAY_MONTH.match(own)
        if numeric:
            tries.append(f"{numeric.group(1)}/{numeric.group(2)}/{year}")
    for attempt in tries:
        reading = read_date(attempt)
        if reading is not None:
            return reading.value
    return None


def _has_year(row: Row) -> bool:
    return any(YEAR.search(text) for text in row.cells.values())


def _next_year(day: datetime.date) -> datetime.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def _document_year(collector: Collector) -> int | None:
    """The year of the earliest date read elsewhere on the form, if any."""
    found = [v for v in collector.values.values() if isinstance(v, datetime.date)]
    return min(found).year if found else None
