"""A filled form as pieces of text with their places: where each paragraph or line sits.

Word documents give their structure exactly: each paragraph is a piece, with the table
row and cell it is in and its grid column. A PDF's text, as pypdf lays it out, gives
lines; each line splits into pieces where a wide gap separates columns, and a piece's
column is its character position. Rows and cells are then unknown (-1).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ...docx.reader import Body, Cell, Paragraph, Table

GAP = re.compile(r" {3,}|\t+")  # what separates two columns on a laid-out line
PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?\d+(?:\s+of\s+\d+)?\s*$", re.IGNORECASE)
WHOLE = 1000.0  # the span of a paragraph outside any table


@dataclass(frozen=True)
class Piece:
    """One paragraph of a Word document, or one column's part of a PDF line."""

    text: str
    source: str
    line: int  # reading order; pieces side by side share a line
    column: float  # grid column (Word) or character column (PDF)
    span: float  # grid columns covered (Word) or characters (PDF)
    row: int = -1  # table row (Word only)
    cell: int = -1  # table cell (Word only): the pieces of one cell share it

    @property
    def end_column(self) -> float:
        return self.column + self.span


@dataclass(frozen=True)
class CellPlace:
    """A cell of a Word table row, empty or not."""

    cell: int
    column: int
    span: int
    continues: bool  # the lower part of a vertically merged cell


@dataclass
class Layout:
    """The pieces in reading order, and for Word documents the rows' cells."""

    pieces: list[Piece]
    structured: bool
    rows: dict[int, list[CellPlace]] = field(default_factory=dict)
    tables: dict[int, list[int]] = field(default_factory=dict)  # table -> its rows, in order
    row_table: dict[int, int] = field(default_factory=dict)

    def cell_pieces(self, cell: int) -> list[int]:
        return [i for i, p in enumerate(self.pieces) if p.cell == cell]


def from_body(body: Body) -> Layout:
    """The layout of a Word document's body."""
    builder = _WordLayout()
    for block in body.blocks:
        if isinstance(block, Table):
            builder.table(block)
        else:
            builder.paragraph(block)
    return builder.layout


class _WordLayout:
    def __init__(self) -> None:
        self.layout = Layout([], structured=True)
        self.line = 0
        self.next_row = 0
        self.next_cell = 0

    def paragraph(self, paragraph: Paragraph) -> None:
        if paragraph.text.strip():
            self.layout.pieces.append(Piece(paragraph.text, paragraph.source, self.line, 0, WHOLE))
            self.line += 1

    def table(self, table: Table) -> None:
        above: dict[int, int] = {}  # grid column -> the cell that started there
        rows = self.layout.tables.setdefault(table.number, [])
        for cells in table.rows:
            row = self.next_row
            self.next_row += 1
            rows.append(row)
            self.layout.row_table[row] = table.number
            places: list[CellPlace] = []
            height = 0
            for cell in cells:
                number = above.get(cell.column, -1) if cell.continues else -1
                if number < 0:
                    number = self.next_cell
                    self.next_cell += 1
                above[cell.column] = number
                places.append(CellPlace(number, cell.column, cell.span, cell.continues))
                height = max(height, self._cell(cell, row, number))
            self.layout.rows[row] = places
            self.line += max(height, 1)

    def _cell(self, cell: Cell, row: int, number: int) -> int:
        """Add a cell's paragraphs (those of tables nested in it too); how many lines."""
        lines = 0
        for paragraph in _paragraphs(cell):
            if paragraph.text.strip():
                self.layout.pieces.append(
                    Piece(paragraph.text, paragraph.source, self.line + lines, cell.column, cell.span, row, number)
                )
                lines += 1
        return lines


def _paragraphs(cell: Cell) -> list[Paragraph]:
    found: list[Paragraph] = []
    for block in cell.blocks:
        if isinstance(block, Table):
            for cells in block.rows:
                for inner in cells:
                    found.extend(_paragraphs(inner))
        else:
            found.append(block)
    return found


def from_pages(pages: list[str]) -> Layout:
    """The layout of a PDF from the text of each page as pypdf lays it out."""
    margins = _margin_lines(pages)
    pieces: list[Piece] = []
    line = 0
    for page_number, page in enumerate(pages, 1):
        for line_number, text in enumerate(page.split("\n"), 1):
            if not text.strip() or text.strip() in margins or PAGE_NUMBER.match(text):
                continue
            source = f"page {page_number}, line {line_number}"
            start = 0
            for gap in [*GAP.finditer(text), None]:
                end = gap.start() if gap else len(text)
                segment = text[start:end]
                if segment.strip():
                    column = start + len(segment) - len(segment.lstrip())
                    pieces.append(Piece(segment.strip(), source, line, column, len(segment.strip())))
                start = gap.end() if gap else end
            line += 1
    return Layout(pieces, structured=False)


def _margin_lines(pages: list[str]) -> set[str]:
    """Lines printed at the top or bottom of most pages: headers and footers."""
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for page in pages:
        lines = [line.strip() for line in page.split("\n") if line.strip()]
        counts.update(set(lines[:2] + lines[-2:]))
    return {line for line, count in counts.items() if count >= max(2, len(pages) // 2 + 1)}
