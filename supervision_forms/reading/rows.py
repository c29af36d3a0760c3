"""Reading a table of objects (decisions: action, who, by when, reason) from a PDF.

Plain PDF text cannot tell a wrapped line from the next cell, so this reads where each
piece of text is drawn: the columns start where the printed column names start, and a
new row starts where the gap between two lines is wider than a wrapped line's.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .text import fold
from .unwrap import Line, join

if TYPE_CHECKING:
    from .forms.layout import Layout

X_TOLERANCE = 3.0  # points: text starts a little right of its column's left edge
ROW_GAP_SHARE = 0.9  # a gap this share of the header-to-first-row gap starts a new row


@dataclass(frozen=True)
class Fragment:
    """A piece of text as the PDF draws it: page (0-based), left x, and y (up the page)."""

    page: int
    x: float
    y: float
    text: str
    room: float = 0.0  # points left before the cell's right edge
    lead: float = 0.0  # the width of the first word and a space


def fragments(layout: Layout) -> tuple[Fragment, ...]:
    """A PDF layout's pieces as fragments, in the order they are read."""
    found = []
    for piece in layout.pieces:
        page, top, _ = layout.places[piece.line]
        found.append(Fragment(page, piece.column, -top, piece.text, piece.room, piece.lead))
    return tuple(found)


@dataclass(frozen=True)
class _Cell:
    page: int
    y: float
    x: float
    column: int
    text: str
    room: float
    lead: float


def read_rows(
    headers: Sequence[str], end: str, fragments: Sequence[Fragment], margins: Sequence[str] = ()
) -> list[list[str]] | None:
    """The cell texts, row by row, of the table under the printed `headers` (one per
    column) and above the printed line `end`; None when the header row is not there."""
    start = _find_header(headers, fragments)
    if start is None:
        return None
    head = fragments[start : start + len(headers)]
    lefts = [f.x - X_TOLERANCE for f in head]
    margin_lines = [fold(m) for m in margins]
    cells = _body(fragments[start + len(headers) :], lefts, fold(end), margin_lines, head[0].page)
    if not cells:
        return []
    on_first_page = [c.y for c in cells if c.page == head[0].page]
    first_gap = head[0].y - max(on_first_page) if on_first_page else 0
    return [_texts(row, len(headers)) for row in _rows(cells, first_gap * ROW_GAP_SHARE)]


def _find_header(headers: Sequence[str], fragments: Sequence[Fragment]) -> int | None:
    wanted = [fold(h) for h in headers]
    for i in range(len(fragments) - len(wanted) + 1):
        run = fragments[i : i + len(wanted)]
        if (
            [fold(f.text) for f in run] == wanted
            and len({(f.page, f.y) for f in run}) == 1
            and all(a.x < b.x for a, b in itertools.pairwise(run))
        ):
            return i
    return None


def _body(
    fragments: Sequence[Fragment], lefts: list[float], end: str, margins: list[str], page: int
) -> list[_Cell]:
    cells: list[_Cell] = []
    for fragment in fragments:
        norm = fold(fragment.text)  # "" for a glyph alone ("☒"): still a cell's text
        if norm and (norm in margins or (fragment.page != page and any(norm in line for line in margins))):
            continue  # the page header or footer, drawn before the rest of a new page
        page = fragment.page
        if _is_end(norm, end) or fragment.x < lefts[0]:
            break
        column = max(i for i, left in enumerate(lefts) if fragment.x >= left)
        cells.append(
            _Cell(fragment.page, fragment.y, fragment.x, column, fragment.text, fragment.room, fragment.lead)
        )
    return cells


def _is_end(norm: str, end: str) -> bool:
    if not end or not norm:
        return False
    return norm.startswith(end) or (end.startswith(norm) and len(norm) >= min(len(end), 12))


def _rows(cells: list[_Cell], row_gap: float) -> list[list[_Cell]]:
    """Group cells into rows: a new page, or a gap between baselines of `row_gap` or more."""
    ordered = sorted(cells, key=lambda c: (c.page, -c.y, c.x))
    rows: list[list[_Cell]] = []
    previous: _Cell | None = None
    for cell in ordered:
        new_row = (
            previous is None
            or cell.page != previous.page
            or (row_gap > 0 and previous.y - cell.y >= row_gap)
            or (row_gap <= 0 and previous.y != cell.y)
        )
        if new_row:
            rows.append([])
        rows[-1].append(cell)
        previous = cell
    return rows


def _texts(row: list[_Cell], columns: int) -> list[str]:
    """Each column's lines, top to bottom, wrapped lines joined (`unwrap`); pieces on
    one line joined as drawn."""
    lines: list[dict[float, list[_Cell]]] = [{} for _ in range(columns)]
    for cell in sorted(row, key=lambda c: (-c.y, c.x)):
        lines[cell.column].setdefault(cell.y, []).append(cell)
    return [
        join(
            [
                Line("".join(c.text for c in line).strip(), line[-1].room, line[0].lead)
                for line in column.values()
            ]
        )
        for column in lines
    ]
