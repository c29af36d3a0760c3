"""Reading a .docx body into plain Python values: paragraphs, tables and bookmarked text.

Tracked changes count as accepted (insertions kept, deletions dropped); field codes,
and the fallback copies of text boxes, are skipped. A content control still showing its
placeholder ("Click or tap here to enter text.") reads as empty; a tick-box control, a
legacy check box and a legacy drop-down read as what they show. A text box set in a line
(`wp:inline`) reads in its place in that line; a floating one's paragraphs come straight
after the paragraph they are anchored in. Cells know their grid column, how many columns
they span, and whether they continue a vertically merged cell from the row above.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from .bookmarks import DISPLAY_PREFIX, PREFIX
from .package import DocxPackage
from .xml import W, parse_xml

MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
WP_INLINE = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}inline"
SKIP = {
    f"{W}del",
    f"{W}moveFrom",
    f"{W}instrText",
    f"{W}delText",
    f"{W}rPr",
    f"{W}pPr",
    f"{W}sdtEndPr",
    MC_FALLBACK,
}
BREAKS = {f"{W}br": "\n", f"{W}cr": "\n", f"{W}tab": "\t", f"{W}noBreakHyphen": "-"}
CHECKED = "☒"
UNCHECKED = "☐"


@dataclass
class Paragraph:
    """One paragraph: its whole text, the text outside our bookmarks, and where it is."""

    text: str
    loose: str
    source: str
    cell: tuple[int, int, int] | None  # (table, row, cell), 1-based


@dataclass
class Cell:
    """One table cell: its paragraphs and nested tables in order, and its place in the grid."""

    paragraphs: list[Paragraph] = field(default_factory=list)
    blocks: list[Paragraph | Table] = field(default_factory=list)
    column: int = 0  # first grid column, 0-based
    span: int = 1  # grid columns covered
    continues: bool = False  # the lower part of a vertically merged cell (it shows nothing)

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)


@dataclass
class Table:
    rows: list[list[Cell]] = field(default_factory=list)
    number: int = 0  # 1-based, in document order (nested tables included)


@dataclass
class Body:
    """What the reader found: every paragraph in order, the tables, and our bookmarks.

    `blocks` holds the body's top-level paragraphs and tables in document order."""

    paragraphs: list[Paragraph] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    blocks: list[Paragraph | Table] = field(default_factory=list)
    bookmarks: dict[str, tuple[str, str]] = field(default_factory=dict)  # name -> (text, source)
    bookmark_cells: dict[str, Cell] = field(default_factory=dict)


class _Walker:
    def __init__(self) -> None:
        self.body = Body()
        self.open: dict[str, str] = {}  # bookmark id -> name
        self.buffers: dict[str, list[str]] = {}
        self.sources: dict[str, str] = {}
        self.table_stack: list[tuple[Table, int]] = []  # (table, number)
        self.cell_stack: list[Cell] = []
        self.position: tuple[int, int, int] | None = None
        self.paragraph_count = 0
        self.text: list[str] = []
        self.loose: list[str] = []
        self.depth = 0  # paragraphs being read: over 1 inside a text box
        self.deferred: list[Paragraph] = []  # floating text-box paragraphs, placed after their anchor
        self.in_line: list[int] = []  # per text box set in the line being read: its paragraphs so far
        self.gap = False  # a text box set in the line just ended: the next text is a new word

    def walk(self, element: etree._Element) -> None:
        tag = element.tag
        if not isinstance(tag, str) or tag in SKIP:
            return
        if tag == f"{W}tbl":
            self._table(element)
        elif tag == f"{W}p":
            self._paragraph(element)
        else:
            self._inline(element)

    def _table(self, element: etree._Element) -> None:
        table = Table(number=len(self.body.tables) + 1)
        self.body.tables.append(table)
        self._place(table)
        in_line, self.in_line = self.in_line, []  # a table in a text box keeps its own paragraphs
        for row_index, row in enumerate(_rows(element), 1):
            cells: list[Cell] = []
            table.rows.append(cells)
            column = grid_before(row)
            for cell_index, tc in enumerate(_cells(row), 1):
                span, continues = merging(tc)
                cell = Cell(column=column, span=span, continues=continues)
                column += span
                cells.append(cell)
                saved = self.position
                self.position = (table.number, row_index, cell_index)
                self.cell_stack.append(cell)
                for child in tc:
                    if child.tag != f"{W}tcPr":
                        self.walk(child)
                self.cell_stack.pop()
                self.position = saved
        self.in_line = in_line

    def _place(self, table: Table) -> None:
        """Put a table being read in its cell's blocks, or the body's."""
        if self.cell_stack:
            self.cell_stack[-1].blocks.append(table)
        elif self.depth == 0:
            self.body.blocks.append(table)

    def _paragraph(self, element: etree._Element) -> None:
        if self.in_line:
            self._paragraph_in_line(element)
            return
        outer_text, outer_loose = self.text, self.loose
        self.text, self.loose = [], []
        self.depth += 1
        for child in element:
            self.walk(child)
        self.depth -= 1
        self.paragraph_count += 1
        source = self._source()
        paragraph = Paragraph("".join(self.text), "".join(self.loose), source, self.position)
        if self.depth > 0:
            self.deferred.append(paragraph)  # it follows its anchor paragraph
        else:
            self._finish(paragraph)
            pending, self.deferred = self.deferred, []
            for boxed in pending:
                self._finish(boxed)
        self.open.clear()  # our bookmarks never span paragraphs; LibreOffice may leave one unclosed
        self.text, self.loose = outer_text, outer_loose
        self.gap = False

    def _paragraph_in_line(self, element: etree._Element) -> None:
        """A paragraph of a text box set in a line: its text joins that line, in its place."""
        if self.in_line[-1]:
            self._emit("\n")
        self.in_line[-1] += 1
        for child in element:
            self.walk(child)

    def _text_box_in_line(self, element: etree._Element) -> None:
        self.in_line.append(0)
        self.gap = True  # the box starts a word of its own
        for child in element:
            self.walk(child)
        self.in_line.pop()
        self.gap = True

    def _finish(self, paragraph: Paragraph) -> None:
        self.body.paragraphs.append(paragraph)
        if self.cell_stack:
            self.cell_stack[-1].blocks.append(paragraph)
            self.cell_stack[-1].paragraphs.append(paragraph)
        else:
            self.body.blocks.append(paragraph)

    def _source(self) -> str:
        if self.position:
            table, row, cell = self.position
            return f"table {table}, row {row}, cell {cell}"
        return f"paragraph {self.paragraph_count}"

    def _inline(self, element: etree._Element) -> None:
        tag = element.tag
        if tag == f"{W}bookmarkStart":
            self._bookmark_start(element)
        elif tag == f"{W}bookmarkEnd":
            self.open.pop(element.get(f"{W}id", ""), None)
        elif tag == f"{W}t":
            self._emit(element.text or "")
        elif tag in BREAKS:
            self._emit(BREAKS[str(tag)])
        elif tag == f"{W}sym":
            self._emit(_symbol(element))
        elif tag == f"{W}sdt":
            self._content_control(element)
        elif tag.endswith("}checkBox") or tag.endswith("}checkbox"):
            self._emit(CHECKED if _checked(element) else UNCHECKED)
        elif tag == f"{W}ddList":
            self._emit(_chosen_entry(element))
        elif tag == WP_INLINE:
            self._text_box_in_line(element)
        else:
            for child in element:
                self.walk(child)

    def _content_control(self, element: etree._Element) -> None:
        """A tick box shows its state; a control showing its placeholder shows nothing."""
        properties = element.find(f"{W}sdtPr")
        content = element.find(f"{W}sdtContent")
        if properties is not None:
            box = next((c for c in properties if str(c.tag).endswith("}checkbox")), None)
            if box is not None:
                self._emit(CHECKED if _checked(box) else UNCHECKED)
                return
            if properties.find(f"{W}showingPlcHdr") is not None:
                return
        if content is not None:
            for child in content:
                self.walk(child)

    def _bookmark_start(self, element: etree._Element) -> None:
        name = element.get(f"{W}name", "")
        if not name.startswith((PREFIX, DISPLAY_PREFIX)):
            return
        for key in [k for k, v in self.open.items() if v == name]:
            del self.open[key]  # LibreOffice splits a bookmark: a second start closes the first
        self.open[element.get(f"{W}id", "")] = name
        if name in self.buffers:
            return  # a bookmark LibreOffice split in two: the pieces join up
        self.buffers[name] = []
        self.sources[name] = self._source()
        if self.cell_stack:
            self.body.bookmark_cells[name] = self.cell_stack[-1]

    def _emit(self, text: str) -> None:
        if not text:
            return
        if self.gap:
            self.gap = False
            if self.text and not self.text[-1][-1:].isspace() and not text[:1].isspace():
                self._emit(" ")
        self.text.append(text)
        if self.open:
            for name in set(self.open.values()):
                self.buffers[name].append(text)
        else:
            self.loose.append(text)

    def finish(self) -> Body:
        for name, pieces in self.buffers.items():
            if name.startswith(DISPLAY_PREFIX):
                continue
            self.body.bookmarks[name] = ("".join(pieces).rstrip("\n"), self.sources[name])
        return self.body


def _rows(table: etree._Element) -> list[etree._Element]:
    """The table's rows, including rows inside row-level content controls."""
    found = []
    for child in table:
        if child.tag == f"{W}tr":
            found.append(child)
        elif child.tag in (f"{W}sdt", f"{W}customXml"):
            content = child.find(f"{W}sdtContent")
            found.extend(_rows(content if content is not None else child))
    return found


def grid_before(row: etree._Element) -> int:
    """Grid columns left empty before a row's first cell."""
    properties = row.find(f"{W}trPr")
    before = properties.find(f"{W}gridBefore") if properties is not None else None
    return _number(before.get(f"{W}val") if before is not None else None, 0)


def merging(cell: etree._Element) -> tuple[int, bool]:
    """How many grid columns a cell spans, and whether it continues the cell above."""
    properties = cell.find(f"{W}tcPr")
    if properties is None:
        return 1, False
    span = properties.find(f"{W}gridSpan")
    vertical = properties.find(f"{W}vMerge")
    columns = max(1, _number(span.get(f"{W}val") if span is not None else None, 1))
    continues = vertical is not None and vertical.get(f"{W}val", "continue") != "restart"
    return min(columns, 64), continues


def _number(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _chosen_entry(element: etree._Element) -> str:
    """The entry a legacy drop-down field shows (its first when none is chosen)."""
    entries = [e.get(f"{W}val", "") for e in element.iterchildren(f"{W}listEntry")]
    result = element.find(f"{W}result")
    chosen = _number(result.get(f"{W}val") if result is not None else None, 0)
    return entries[chosen] if 0 <= chosen < len(entries) else ""


def _cells(row: etree._Element) -> list[etree._Element]:
    found = []
    for child in row:
        if child.tag == f"{W}tc":
            found.append(child)
        elif child.tag in (f"{W}sdt", f"{W}customXml"):
            content = child.find(f"{W}sdtContent")
            found.extend((content if content is not None else child).iterchildren(f"{W}tc"))
    return found


def _symbol(element: etree._Element) -> str:
    code = element.get(f"{W}char", "")
    if code.upper() in ("F078", "F0FD", "F0FE"):
        return CHECKED
    if code.upper() in ("F0A8", "F06F"):
        return UNCHECKED
    return ""


def _checked(element: etree._Element) -> bool:
    for child in element.iter():
        local = str(child.tag).rsplit("}", 1)[-1]
        if local in ("checked", "default"):
            value = next((str(v) for k, v in child.attrib.items() if str(k).endswith("val")), "1")
            if value in ("1", "true", "on"):
                return True
    return False


def read_body(package: DocxPackage, label: str = "document") -> Body:
    """Walk word/document.xml (and text boxes in it) into a Body."""
    root = parse_xml(package.parts["word/document.xml"], label)
    body = root.find(f"{W}body")
    walker = _Walker()
    if body is not None:
        for child in body:
            walker.walk(child)
    return walker.finish()


def core_keywords(package: DocxPackage, label: str = "document") -> str:
    """The document's keywords property, where our identity stamp lives."""
    blob = package.parts.get("docProps/core.xml")
    if not blob:
        return ""
    root = parse_xml(blob, label)
    for element in root.iter():
        if str(element.tag).endswith("}keywords"):
            return "".join(str(t) for t in element.itertext())
    return ""
