"""Answers in a table under printed column headings: the month/date table, action tables.

The heading row is where the label of one of the table's fields was found; the other
fields' labels name the other columns. Each row below, to the end of the table (Word)
or the first line of printed text (PDF), is one item; blank rows are skipped. A date
written only in part ("3rd" under "Date", with "March 2026" under "Month") is read
with the rest of its row.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from ...text.dates import read_date
from .labels import Hit
from .layout import Layout
from .places import Span

DAY_ONLY = re.compile(r"^\s*(\d{1,2})(?:st|nd|rd|th)?\s*$", re.IGNORECASE)
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
            owner = next(
                (p for p, c in columns.items() if piece.column <= c < piece.end_column), _OTHER
            )
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
    columns = {path: pieces[hit.piece].column for path, hit in headings.items()}
    others = [p.column for p in pieces if p.line == heading_line and p.column not in columns.values()]
    rows: list[Row] = []
    lines = sorted({p.line for p in pieces if p.line > heading_line})
    for line in lines:
        numbers = [i for i, p in enumerate(pieces) if p.line == line]
        if any(i in printed for i in numbers):
            break
        cells: dict[str, list[str]] = {}
        for number in numbers:
            column = pieces[number].column
            nearest = min([*columns.items(), *((_OTHER, c) for c in others)], key=lambda item: abs(item[1] - column))
            if abs(nearest[1] - column) > COLUMN_SLACK * layout.near:
                return rows  # this line is not laid out like the table
            cells.setdefault(nearest[0], []).append(pieces[number].text)
        spans = tuple(Span(i, 0, len(pieces[i].text)) for i in numbers)
        rows.append(Row({k: " ".join(v) for k, v in cells.items()}, spans, pieces[numbers[0]].source))
    return rows


def row_date(row: Row, path: str, year: int | None) -> datetime.date | None:
    """The date in a row's `path` cell, completed from the rest of the row where needed."""
    own = row.cells.get(path, "")
    reading = read_date(own)
    if reading is not None:
        return reading.value
    context = " ".join(text for key, text in row.cells.items() if key != path)
    day = DAY_ONLY.match(own)
    if day is None:
        return None
    reading = read_date(f"{day.group(1)} {context}")
    if reading is not None:
        return reading.value
    if year is not None:
        reading = read_date(f"{day.group(1)} {context} {year}")
        return reading.value if reading else None
    return None
