"""A filled form as pieces of text with their places: where each paragraph or line sits.

Word documents give their structure exactly: each paragraph is a piece, with the table
row and cell it is in and its grid column. A PDF's text, as pypdf lays it out, gives
lines; each line splits into pieces where a wide gap separates columns, and a piece's
column is its character position. Rows and cells are then unknown (-1).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from ...docx.reader import Body, Cell, Paragraph, Table
from ..pdf import Rule, Run

GAP = re.compile(r" {3,}|\t+")  # what separates two columns on a laid-out line
PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?\s*$", re.IGNORECASE)
WHOLE = 1000.0  # the span of a paragraph outside any table
LINE_SLACK = 0.3  # of the font size: baselines this close are one line
COLUMN_GAP = 0.8  # of the font size: a wider gap between runs separates columns
SPACE = 0.12  # of the font size: a wider gap between runs is a space
RULE_CLEAR = 0.16  # of the font size: a line further than this below a baseline is between lines


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
    near: float = 0.5  # columns this close are one column (grid columns, characters or points)
    rules: dict[int, list[Rule]] = field(default_factory=dict)  # PDF: horizontal lines by page
    places: dict[int, tuple[int, float, float]] = field(default_factory=dict)  # PDF: line -> page, y, size
    derived: dict[str, object] = field(default_factory=dict, repr=False)  # worked out once, by readers

    def ruled(self) -> bool:
        """Whether the PDF draws table borders (so rows can be told apart)."""
        return any(rule.horizontal for rules in self.rules.values() for rule in rules)

    def rule_between(self, upper: int, lower: int, column: float) -> bool:
        """PDF: whether a horizontal line is drawn across `column` between two lines."""
        a, b = self.places.get(upper), self.places.get(lower)
        if a is None or b is None:
            return False
        if a[0] != b[0]:
            return False  # a page break: rows may carry on
        top = a[1] - RULE_CLEAR * a[2]
        bottom = b[1] + (1 - RULE_CLEAR) * b[2]
        return any(
            rule.horizontal and bottom < rule.top < top and rule.left - 1 <= column <= rule.right + 1
            for rule in self.rules.get(a[0], [])
        )

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
                    Piece(
                        paragraph.text,
                        paragraph.source,
                        self.line + lines,
                        cell.column,
                        cell.span,
                        row,
                        number,
                    )
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
        lines = page.split("\n")
        for line_number, text in enumerate(lines, 1):
            edge = not "".join(lines[: line_number - 1]).strip() or not "".join(lines[line_number:]).strip()
            if not text.strip() or text.strip() in margins or (edge and PAGE_NUMBER.match(text)):
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
    return Layout(pieces, structured=False, near=2.0)


def from_runs(runs: Sequence[Run], rules: Sequence[Rule] = ()) -> Layout:
    """The layout of a PDF from its runs of text and their extents (points). Runs close
    together on a line make one piece; a wide gap starts another column. A deleted run
    (struck through) adds no text, but its room does not count as a gap."""
    pages: dict[int, list[Run]] = defaultdict(list)
    for run in runs:
        pages[run.page].append(run)
    uprights: dict[int, list[Rule]] = defaultdict(list)
    for rule in rules:
        if not rule.horizontal:
            uprights[rule.page].append(rule)
    lines_by_page = {number: _lines(page) for number, page in sorted(pages.items())}
    margins = _repeated_lines(lines_by_page)
    pieces: list[Piece] = []
    places: dict[int, tuple[int, float, float]] = {}
    line_number = 0
    for page, lines in lines_by_page.items():
        for index, line in enumerate(lines, 1):
            text = _line_text(line)
            edge = index in (1, len(lines))
            if (
                not text.strip()
                or (text.strip(), round(line[0].y)) in margins
                or (edge and PAGE_NUMBER.match(text))
            ):
                continue
            source = f"page {page + 1}, line {index}"
            for x, end, piece_text in _line_pieces(line, uprights.get(page, [])):
                pieces.append(Piece(piece_text, source, line_number, x, end - x))
            places[line_number] = (page, line[0].y, max(r.size for r in line))
            line_number += 1
    by_page: dict[int, list[Rule]] = defaultdict(list)
    for rule in rules:
        by_page[rule.page].append(rule)
    return Layout(pieces, structured=False, near=3.0, rules=dict(by_page), places=places)


def _lines(runs: list[Run]) -> list[list[Run]]:
    """Runs grouped into lines (top of the page first), each sorted left to right."""
    lines: list[list[Run]] = []
    for run in sorted(runs, key=lambda r: (-r.y, r.x)):
        if lines and abs(lines[-1][0].y - run.y) <= LINE_SLACK * max(run.size, 1.0):
            lines[-1].append(run)
        else:
            lines.append([run])
    return [sorted(line, key=lambda r: r.x) for line in lines]


def _line_pieces(line: list[Run], uprights: list[Rule]) -> list[tuple[float, float, str]]:
    """A line's pieces: (left, right, text), split where a wide gap or a drawn vertical
    line (a table border) separates columns. Deleted text fills its room (no gap there)
    but adds no text; a space goes where the shown text has a gap."""
    found: list[tuple[float, float, str]] = []
    start: float | None = None
    reach = shown = 0.0  # right edge with and without deleted text
    text = ""
    for run in line:
        wall = start is not None and any(
            reach - 1 <= rule.left <= run.x + 1 and rule.bottom <= run.y + run.size / 2 <= rule.top
            for rule in uprights
        )
        if start is None or wall or run.x - reach > COLUMN_GAP * max(run.size, 1.0):
            if start is not None and text.strip():
                found.append((start, reach, text.strip()))
            start, reach, shown, text = run.x, run.end, (run.x if run.deleted else run.end), run.text
            continue
        if run.text:
            spaced = (
                run.x - shown > SPACE * run.size and not text.endswith(" ") and not run.text.startswith(" ")
            )
            text += (" " if spaced and text else "") + run.text
            shown = run.end
        reach = max(reach, run.end)
    if start is not None and text.strip():
        found.append((start, reach, text.strip()))
    return found


def _line_text(line: list[Run]) -> str:
    return " ".join(run.text.strip() for run in line if run.text.strip())


def _repeated_lines(pages: dict[int, list[list[Run]]]) -> set[tuple[str, int]]:
    """Headers and footers: the same text at the same height at the top or bottom of
    most pages."""
    if len(pages) < 2:
        return set()
    counts: Counter[tuple[str, int]] = Counter()
    for lines in pages.values():
        edge = lines[:2] + lines[-2:]
        counts.update({(_line_text(line).strip(), round(line[0].y)) for line in edge})
    return {key for key, count in counts.items() if count >= max(2, len(pages) // 2 + 1)}


def _margin_lines(pages: list[str]) -> set[str]:
    """Lines printed at the top or bottom of most pages: headers and footers."""
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for page in pages:
        lines = [line.strip() for line in page.split("\n") if line.strip()]
        counts.update(set(lines[:2] + lines[-2:]))
    return {line for line, count in counts.items() if count >= max(2, len(pages) // 2 + 1)}
