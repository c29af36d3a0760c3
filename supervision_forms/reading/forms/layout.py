"""A filled form as pieces of text with their places: where each paragraph or line sits.

Word documents give their structure exactly: each paragraph is a piece, with the table
row and cell it is in and its grid column. A PDF's pages (words with boxes, drawn rules:
`page.py`) give lines; each line splits into pieces where a drawn border or a wide gap
separates columns, and a piece's column is its left edge in points. Page furniture
(repeated headers and footers, page numbers, protective markings) is left out.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ...docx.reader import Body, Cell, Paragraph, Table
from ..leaders import LEADERS
from ..page import OVERDRAWN, Box, Page, Rule, Word
from ..ticks import BOXES
from ..unwrap import Line, join

PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?\s*$", re.IGNORECASE)
PAGE_OF = re.compile(
    r"^\s*page\s+\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?\s*$", re.IGNORECASE
)  # anywhere: furniture
# protective markings (Government Security Classifications, and the older scheme)
MARKING = re.compile(
    r"^(?:OFFICIAL|OFFICIAL[\s\-–]+SENSITIVE|NOT\s+PROTECTIVELY\s+MARKED|PROTECT|RESTRICTED|CONFIDENTIAL"
    r"|SECRET)(?:\s*[\-–:]\s*(?:PERSONAL|COMMERCIAL|LOCSEN|STAFF))?(?=\s|$)"
)
LEADING_MARKING = re.compile(r"^(?:OFFICIAL[\s\-–]+SENSITIVE|OFFICIAL|NOT\s+PROTECTIVELY\s+MARKED)(?=\s|$)")
TRAILING_MARKING = re.compile(r"(?<=\s)(?:OFFICIAL[\s\-–]+SENSITIVE|NOT\s+PROTECTIVELY\s+MARKED)$")
BULLET = re.compile(r"[•·▪◦‣●○■□➢➤►\u2043\u2219\uf0b7\uf0a7\uf076\uf0d8]")
BULLET_START = re.compile(r"^[•·▪◦‣●○➢➤►\u2043\u2219\uf0b7\uf0a7\uf076\uf0d8]\s+")
NO_BREAK_BEFORE = set(")]}!?,.;:%»”’")  # Unicode line breaking: no break before these
CELL_PADDING = 6.0  # points between a cell's text and its right border
SPACE = 0.25  # of the font size: the space a word needs before it, where its line shows none wider
WHOLE = 1000.0  # the span of a paragraph outside any table
ROW_GAP = 2.2  # of the usual line pitch: a wider gap on a page without drawn lines ends a row
COLUMN_GAP = 0.8  # of the font size: a wider gap between words separates columns
OVERDRAWN_OCR = 0.3  # of the font size: `OVERDRAWN` for words OCR read, whose boxes are rougher
SENTENCE_SPACE = 2.5  # of a line's usual word space: a justified line's space after a sentence (or colon)
ALIGNED = 1.0  # points: a word starting this near where other lines' columns start starts one
MARGIN_LINES = 3  # lines ending together that show a page's right margin
SENTENCE_STOP = re.compile(r"[.!?:;][\"”’)]?$")
MARGIN_SHARE = 0.1  # of the page height: where page numbers and markings are drawn
REPEAT_SHARE = 0.16  # of the page height: where repeated headers and footers are drawn
WIDE_RULE = 0.8  # of the page's text width: a rule this long is a row border, not an underline
ABOVE_GLYPHS = 0.2  # of a line box's height: its top part, above the tallest letters
DRIFT = 3  # points: a header or footer repeated this near its height on another page
UNDERLINE_REACH = (0.1, 1.0)  # of the font size: how far an underline runs before and after its words


@dataclass(frozen=True)
class Piece:
    """One paragraph of a Word document, or one column's part of a PDF line."""

    text: str
    source: str
    line: int  # reading order; pieces side by side share a line
    column: float  # grid column (Word) or left edge in points (PDF)
    span: float  # grid columns covered (Word) or width in points (PDF)
    row: int = -1  # table row (Word only)
    cell: int = -1  # table cell (Word only): the pieces of one cell share it
    room: float = 0.0  # PDF: points left before the cell's right edge (or the text's)
    lead: float = 0.0  # PDF: the width of the first word and a space
    size: float = 0.0  # PDF: the font size
    walled: bool = False  # PDF: a drawn border bounds it on the right (a cell's)

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
    pitches: dict[int, float] = field(default_factory=dict)  # PDF: page -> usual line to line distance
    places: dict[int, tuple[int, float, float]] = field(
        default_factory=dict
    )  # PDF: line -> page, top, bottom
    derived: dict[str, object] = field(default_factory=dict, repr=False)  # worked out once, by readers

    def page(self, line: int) -> int:
        """PDF: the page a line is on (-1 where not known)."""
        return self.places.get(line, (-1, 0.0, 0.0))[0]

    def ruled(self) -> bool:
        """Whether the PDF draws table borders (so rows can be told apart)."""
        return any(rule.horizontal for rules in self.rules.values() for rule in rules)

    def rule_between(self, upper: int, lower: int, column: float) -> bool:
        """PDF: whether a horizontal line is drawn across `column` between two lines, or a
        gap far wider than between lines (the rows of a table drawn without borders)."""
        a, b = self.places.get(upper), self.places.get(lower)
        if a is None or b is None or a[0] != b[0]:
            return False  # (a page break: rows may carry on)
        if self.drawn_between(upper, lower, column):
            return True
        if any(r.x0 - 1 <= column <= r.x1 + 1 for r in self.rules.get(a[0], [])):
            return False  # a table drawn with borders: its rows are told by them
        pitch = self.pitches.get(a[0], 0.0)
        return pitch > 0 and b[1] - a[1] > ROW_GAP * pitch

    def drawn_between(self, upper: int, lower: int, column: float) -> bool:
        """PDF: whether a horizontal line is drawn across `column` between two lines of a
        page: under the upper line's box and over the lower's glyphs or, where the boxes of
        tightly set rows overlap, in that overlap and across most of the page's text (a
        row border, not a word's underline); between lines further apart, that overlap
        may be any two lines' between them."""
        a, b = self.places.get(upper), self.places.get(lower)
        if a is None or b is None or a[0] != b[0]:
            return False
        for rule in self.rules.get(a[0], []):
            if not rule.x0 - 1 <= column <= rule.x1 + 1:
                continue
            if a[2] - 1 < rule.top < _glyph_top(b[1], b[2]):
                return True
            in_overlap = b[1] - 1 < rule.top < a[2] + 1
            if in_overlap and rule.x1 - rule.x0 >= WIDE_RULE * self._text_width(a[0]):
                return True
        return lower > upper + 1 and any(self.drawn_between(n, n + 1, column) for n in range(upper, lower))

    def _text_width(self, page: int) -> float:
        """PDF: how wide the text of a page runs, from its leftmost piece to its rightmost."""
        pieces = [p for p in self.pieces if self.page(p.line) == page]
        return max((p.end_column for p in pieces), default=0.0) - min((p.column for p in pieces), default=0.0)

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
        if paragraph.text.strip() and not MARKING.fullmatch(paragraph.text.strip()):
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


def from_pages(pages: Sequence[Page]) -> Layout:
    """The layout of a PDF from its pages: lines of words (top to bottom), each split
    into pieces at drawn borders and wide gaps, page furniture left out. A word struck
    through (a tracked deletion, as Word and LibreOffice print it) adds no text, but its
    room does not count as a gap. Pieces inside drawn borders share a cell."""
    lines_by_page = {page.number: _lines(page) for page in pages}
    furniture = _repeated_lines(lines_by_page, {p.number: p.height for p in pages})
    pieces: list[Piece] = []
    places: dict[int, tuple[int, float, float]] = {}
    rules: dict[int, list[Rule]] = {}
    cells: dict[tuple[int, float, float], int] = {}
    line_number = 0
    for page in pages:
        lines = lines_by_page[page.number]
        rules[page.number] = [r for r in page.rules if r.horizontal and not _decoration(r, lines)]
        uprights = [r for r in page.rules if not r.horizontal]
        right = _right_edge(lines, page.width)
        starts = _column_starts(lines)
        drawn_order = {id(word): number for number, word in enumerate(page.words)}
        found_lines = []
        for index, line in enumerate(lines, 1):
            margin = _in_margin(line, page.height)
            text = _line_text(line)
            if (
                _furniture_key(line) in furniture
                or PAGE_OF.match(text)
                or (margin and PAGE_NUMBER.match(text))
            ):
                continue
            shown = [w for w in line if w.text]
            found = [
                p
                for p in _line_pieces(
                    line, shown, uprights, right, [x for i, x in starts if i != index], drawn_order
                )
                if not (margin and MARKING.fullmatch(p.text))
            ]
            found = _bulleted([p for p in (_unmarked(p) for p in found) if p.text])
            if found:
                found_lines.append((index, line, found))
        limits = _limits([p for _, _, found in found_lines for p in found])
        for index, line, found in found_lines:
            source = f"page {page.number + 1}, line {index}"
            for drawn, after in zip(found, [*found[1:], None], strict=True):
                cell = _cell(page.number, drawn, rules[page.number], cells)
                wide_space = max(0.0, drawn.space - SPACE * drawn.size)  # (a typewriter font's)
                room = max(0.0, limits.get(drawn.edge, drawn.edge) - drawn.x1 - wide_space)
                if after is not None and after.x0 < drawn.edge:  # a column drawn without a border
                    room = min(room, max(0.0, after.x0 - drawn.x1 - COLUMN_GAP * drawn.size))
                pieces.append(
                    Piece(
                        drawn.text,
                        source,
                        line_number,
                        drawn.x0,
                        drawn.x1 - drawn.x0,
                        -1,
                        cell,
                        room,
                        drawn.lead,
                        drawn.size,
                        drawn.walled,
                    )
                )
            places[line_number] = (page.number, min(w.top for w in line), max(w.bottom for w in line))
            line_number += 1
    pitches = {page: _pitch([top for number, top, _ in places.values() if number == page]) for page in rules}
    return Layout(pieces, structured=False, near=3.0, rules=rules, places=places, pitches=pitches)


def _decoration(rule: Rule, lines: list[list[Word]]) -> bool:
    """Whether a horizontal line is drawn under or through the words of a line of text (an
    underline, a tracked change's, or a line striking them through), not between lines:
    it lies inside their boxes, starts where they do and runs on no further than the
    spaces after them (a cell's border runs from the cell's side, before its padding).
    Only a text layer's words are placed so well."""
    middle = (rule.top + rule.bottom) / 2
    for line in lines:
        words = [
            w
            for w in line
            if w.x0 < rule.x1 and rule.x0 < w.x1 and w.top < middle < w.bottom and w.confidence == 1.0
        ]
        if words:
            before, after = (share * max(w.size for w in words) for share in UNDERLINE_REACH)
            return (
                min(w.x0 for w in words) - before <= rule.x0 and rule.x1 <= max(w.x1 for w in words) + after
            )
    return False


def _right_edge(lines: list[list[Word]], width: float) -> float:
    """Where a page's text stops on the right: as far as its lines reach, but not a line of
    dot leaders past the margin `MARGIN_LINES` other lines end near (a typesetter's)."""
    reach = [max((w.x1 for w in line if w.x1 <= width), default=0.0) for line in lines]
    plain = [x for x, line in zip(reach, lines, strict=True) if not LEADERS.search(_line_text(line))]
    margin = max(plain, default=0.0)
    if sum(margin - x <= CELL_PADDING for x in plain) >= MARGIN_LINES:
        return margin
    return max(reach, default=width) or width


def _pitch(tops: list[float]) -> float:
    """The usual distance from one line to the next on a page (the median)."""
    steps = sorted(b - a for a, b in itertools.pairwise(sorted(tops)) if b > a)
    return steps[len(steps) // 2] if steps else 0.0


@dataclass(frozen=True)
class _Drawn:
    """A piece of a PDF line as found: its extent, text, the right edge of its room, the
    width of its first word and a space, and the narrowest space between its words."""

    x0: float
    x1: float
    top: float
    bottom: float
    text: str
    edge: float
    lead: float
    size: float
    walled: bool = False  # the edge is a drawn border
    space: float = 0.0  # (0: one word)


def _lines(page: Page) -> list[list[Word]]:
    """Words grouped into lines (top of the page first), each sorted left to right: a
    word whose middle is within a line's height joins it. A drawn tick box is a word
    ("☒" or "☐"), as a box typed in a symbol font would be."""
    lines: list[list[Word]] = []
    bounds: list[tuple[float, float]] = []
    glyphs = [word for word in page.words if BOXES.fullmatch(word.text)]
    boxes = [
        Word("☒" if box.ticked else "☐", box.x0, box.top, box.x1, box.bottom, box.bottom - box.top)
        for box in page.boxes
        if box.ticked is not None and not any(_overlaps(box, glyph) for glyph in glyphs)
    ]  # (a box typed as a glyph and drawn as an outline too is one box)
    for word in sorted([*page.words, *boxes], key=lambda w: (w.top + w.bottom, w.x0)):
        middle = (word.top + word.bottom) / 2
        if bounds and bounds[-1][0] <= middle <= bounds[-1][1]:
            lines[-1].append(word)
        else:
            lines.append([word])
            bounds.append((word.top, word.bottom))
    return [sorted(line, key=lambda w: w.x0) for line in lines]  # (stable: drawing order on ties)


def _overlaps(box: Box, word: Word) -> bool:
    return box.x0 < word.x1 and word.x0 < box.x1 and box.top < word.bottom and word.top < box.bottom


def _line_pieces(
    line: list[Word],
    shown: list[Word],
    uprights: list[Rule],
    right: float,
    columns: list[float],
    drawn_order: dict[int, int],
) -> list[_Drawn]:
    """A line's pieces, split where a wide gap or a drawn vertical line (a table border)
    separates columns. Text drawn over other text (typed over a printed label) is a
    piece of its own: where a word could carry on either, it carries on the one drawn
    just before it (the PDF draws a run of text word after word)."""
    groups: list[list[Word]] = []
    closed: list[tuple[list[Word], float]] = []
    spacing = _spacing(line)
    for word in line:
        aligned = any(abs(word.x0 - x) <= ALIGNED for x in columns)  # (a column other lines start)
        sentence_gap = 0.0 if aligned else SENTENCE_SPACE * spacing
        joinable = [g for g in groups if _joins(g, word, uprights, sentence_gap)]
        if joinable:
            after = drawn_order.get(id(word), -2) - 1
            min(
                joinable,
                key=lambda g: (drawn_order.get(id(g[-1]), -1) != after, abs(word.x0 - max(w.x1 for w in g))),
            ).append(word)  # the one drawn just before, else the closest
            continue
        for group in [g for g in groups if g[-1].x1 <= word.x0]:
            groups.remove(group)
            wall = _wall(max(w.x1 for w in group), word, uprights)
            closed.append((group, wall if wall is not None else -1.0))
        groups.append([word])
    closed.extend((group, -1.0) for group in groups)
    visible = {id(w) for w in shown}
    found: list[tuple[_Drawn, int]] = []
    for group, wall in closed:
        reach = max(w.x1 for w in group)
        edge = wall if wall >= 0 else _edge(group[0].x0, reach, _middle(group[0]), uprights, right)
        walled = wall >= 0 or edge != max(right, reach)
        drawn = dataclasses.replace(_piece(group, visible, edge), walled=walled)
        if drawn.text:
            found.append((drawn, min(drawn_order.get(id(w), -1) for w in group)))
    return _overlaid_in_drawing_order(sorted(found, key=lambda p: p[0].x0))


def _overlaid_in_drawing_order(found: list[tuple[_Drawn, int]]) -> list[_Drawn]:
    """Pieces left to right, but of two that start at about one place (text typed over
    a printed label) the one drawn first comes first: the label, then what was typed
    over it."""
    for index in range(1, len(found)):
        at = index
        while (
            at > 0
            and found[at][0].x0 - found[at - 1][0].x0 < found[at][0].size
            and found[at][1] < found[at - 1][1]
        ):
            found[at - 1], found[at] = found[at], found[at - 1]
            at -= 1
    return [drawn for drawn, _ in found]


def _joins(group: list[Word], word: Word, uprights: list[Rule], sentence_gap: float) -> bool:
    """Whether `word` carries on a group of words: close after it (after a sentence's
    end, a justified line's wider space counts as close), not starting back over it (a
    text box typed over a label's end), no border between."""
    reach = max(w.x1 for w in group)
    gap = word.x0 - reach
    widest = COLUMN_GAP * max(word.size, 1.0)
    if SENTENCE_STOP.search(group[-1].text):
        widest = max(widest, sentence_gap)
    drawn_back = OVERDRAWN if word.confidence == 1.0 == group[-1].confidence else OVERDRAWN_OCR
    if gap < -drawn_back * max(word.size, 1.0) or gap > widest:
        return False
    last = group[-1]
    return _wall(min(reach, (last.x0 + last.x1) / 2), word, uprights) is None  # (text run over a border)


def _column_starts(lines: list[list[Word]]) -> list[tuple[int, float]]:
    """Where text starts again past a column's gap: (line number from 1, x)."""
    return [
        (index, b.x0)
        for index, line in enumerate(lines, 1)
        for a, b in itertools.pairwise(line)
        if b.x0 - a.x1 > COLUMN_GAP * max(b.size, 1.0)
    ]


def _spacing(line: list[Word]) -> float:
    """The usual space between the words of a line (the median of the gaps narrower than
    a column's), 0 when it has none."""
    gaps = sorted(_gaps(line))
    return gaps[len(gaps) // 2] if gaps else 0.0


def _gaps(words: list[Word]) -> list[float]:
    """The spaces between words side by side, narrower than a column's gap."""
    ordered = sorted(words, key=lambda w: w.x0)
    return [
        gap
        for a, b in itertools.pairwise(ordered)
        if 0 < (gap := b.x0 - a.x1) <= COLUMN_GAP * max(b.size, 1.0)
    ]


def _piece(group: list[Word], visible: set[int], edge: float) -> _Drawn:
    words = [w for w in group if id(w) in visible]
    first = words[0] if words else group[0]
    unbroken = first.x1  # a line cannot break before closing punctuation: "word )more" is one unit
    for word in words[1:]:
        if word.text[:1] not in NO_BREAK_BEFORE:
            break
        unbroken = word.x1
    return _Drawn(
        group[0].x0,
        max(w.x1 for w in group),
        min(w.top for w in group),
        max(w.bottom for w in group),
        " ".join(w.text for w in words),
        round(edge, 1),
        unbroken - first.x0 + SPACE * first.size,
        first.size,
        space=min(_gaps(words), default=0.0),
    )


def _limits(drawn: list[_Drawn]) -> dict[float, float]:
    """Where text stops before each right edge: as far as any line reached, and at least
    the edge less a cell's usual padding (about 6 points)."""
    limits: dict[float, float] = {}
    for piece in drawn:
        if piece.x1 > piece.edge + CELL_PADDING:
            continue  # run off the page or over a border (dot leaders a typesetter let overflow)
        limits[piece.edge] = max(limits.get(piece.edge, piece.edge - CELL_PADDING), piece.x1)
    return limits


def _cell(page: int, drawn: _Drawn, rules: list[Rule], cells: dict[tuple[int, float, float], int]) -> int:
    """The cell a piece is in: the drawn lines above it and its right edge (-1: none above)."""
    middle = (drawn.x0 + drawn.x1) / 2
    above = [
        r.top for r in rules if r.top < _glyph_top(drawn.top, drawn.bottom) and r.x0 - 1 <= middle <= r.x1 + 1
    ]
    if not above:
        return -1
    key = (page, round(max(above)), drawn.edge)
    return cells.setdefault(key, len(cells))


def _glyph_top(top: float, bottom: float) -> float:
    """About where the tallest letters of a line boxed from `top` to `bottom` start: a
    rule drawn above it is over the line, not through or under its words."""
    return top + max(1.0, ABOVE_GLYPHS * (bottom - top))


def _middle(word: Word) -> float:
    return (word.top + word.bottom) / 2


def _wall(reach: float, word: Word, uprights: list[Rule]) -> float | None:
    """The x of a drawn vertical line between the text so far and `word`, if any."""
    middle = _middle(word)
    for rule in uprights:
        if reach - 1 <= rule.x0 <= word.x0 + 1 and rule.top <= middle <= rule.bottom:
            return rule.x0
    return None


def _edge(start: float, reach: float, middle: float, uprights: list[Rule], right: float) -> float:
    """The right edge of the room a piece has: the next border right of where it starts
    (text run over it still has its cell's room), or the text's."""
    walls = [r.x0 for r in uprights if r.x0 >= min(reach - 1, start + 1) and r.top <= middle <= r.bottom]
    return min(walls) if walls else max(right, reach)


def _bulleted(found: list[_Drawn]) -> list[_Drawn]:
    """A list line as one piece from its bullet on, starting "• ": a bullet drawn apart
    from its text (a Symbol-font glyph, a list's indent) starts the line's text."""
    out: list[_Drawn] = []
    for drawn in found:
        if out and BULLET.fullmatch(out[-1].text):
            out[-1] = dataclasses.replace(drawn, x0=out[-1].x0, text=f"• {drawn.text}")
        else:
            out.append(dataclasses.replace(drawn, text=BULLET_START.sub("• ", drawn.text)))
    return [d for d in out if not BULLET.fullmatch(d.text)]


def _unmarked(drawn: _Drawn) -> _Drawn:
    """A piece without the protective marking printed before its text."""
    text = TRAILING_MARKING.sub("", drawn.text).strip()
    match = LEADING_MARKING.match(text)
    if match:
        text = text[match.end() :].strip()
    return drawn if text == drawn.text else dataclasses.replace(drawn, text=text)


def _in_margin(line: list[Word], height: float, share: float = MARGIN_SHARE) -> bool:
    top = min(w.top for w in line)
    return top < share * height or top > (1 - share) * height


def _furniture_key(line: list[Word]) -> tuple[str, int]:
    """A line's text with its numbers as "#" ("Page 2 of 5"), and its height on the page."""
    return re.sub(r"\d+", "#", _line_text(line)), round(line[0].top)


def _line_text(line: list[Word]) -> str:
    return " ".join(w.text for w in line if w.text).strip()


def _repeated_lines(pages: dict[int, list[list[Word]]], heights: dict[int, float]) -> set[tuple[str, int]]:
    """Headers and footers: the same text at the same height in the margins of most pages
    (within `DRIFT`: a scan's pages put them a point or two apart)."""
    if len(pages) < 2:
        return set()
    found: dict[str, list[tuple[int, int]]] = {}  # text -> (page, height) of each
    for number, lines in pages.items():
        edge = [line for line in lines if _in_margin(line, heights[number], REPEAT_SHARE)]
        for text, top in {_furniture_key(line) for line in edge}:
            found.setdefault(text, []).append((number, top))
    need = max(2, len(pages) // 2 + 1)
    return {
        (text, top)
        for text, places in found.items()
        for _, top in places
        if len({page for page, other in places if abs(other - top) <= DRIFT}) >= need
    }


def reading_text(layout: Layout) -> str:
    """A PDF layout's text in reading order: a table's cells one after another (each
    cell's lines in order), a line that wrapped joined back to the next (`unwrap`)."""
    order = sorted(range(len(layout.pieces)), key=lambda i: _reading_key(layout, i))
    blocks: list[list[Line]] = []
    previous: Piece | None = None
    for number in order:
        piece = layout.pieces[number]
        if previous is not None and previous.line == piece.line and previous.cell == piece.cell:
            last = blocks[-1][-1]
            blocks[-1][-1] = Line(
                f"{last.text} {piece.text}", piece.room, last.lead, last.top, last.size, last.bottom
            )
        elif previous is not None and _continues(previous, piece):
            blocks[-1].append(as_line(layout, piece))
        else:
            blocks.append([as_line(layout, piece)])
        previous = piece
    return "\n".join(join(block) for block in blocks)


def _reading_key(layout: Layout, number: int) -> tuple[float, ...]:
    piece = layout.pieces[number]
    if piece.cell < 0:
        return (piece.line, 0.0, piece.line, piece.column)
    first = min(i for i, p in enumerate(layout.pieces) if p.cell == piece.cell)
    return (layout.pieces[first].line, layout.pieces[first].column, piece.line, piece.column)


def _continues(upper: Piece, lower: Piece) -> bool:
    """Whether `lower` is the next line of `upper`'s cell (or paragraph)."""
    if upper.cell != lower.cell or lower.line != upper.line + 1:
        return False
    return upper.cell >= 0 or lower.column <= upper.column + 3.0


def as_line(layout: Layout, piece: Piece, text: str | None = None) -> Line:
    """A piece (or part of it) as a line for unwrapping."""
    _, top, bottom = layout.places.get(piece.line, (0, 0.0, 0.0))
    return Line(piece.text if text is None else text, piece.room, piece.lead, top, piece.size, bottom)
