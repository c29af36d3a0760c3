"""Reading a .docx body into plain Python values: paragraphs, tables and bookmarked text.

Tracked changes count as accepted (insertions kept, deletions dropped); field codes,
and the fallback copies of text boxes, are skipped.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from .bookmarks import DISPLAY_PREFIX, PREFIX
from .package import DocxPackage
from .xml import W, parse_xml

MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
SKIP = {f"{W}del", f"{W}moveFrom", f"{W}instrText", f"{W}delText", f"{W}rPr", f"{W}pPr", MC_FALLBACK}
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
    paragraphs: list[Paragraph] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)


@dataclass
class Table:
    rows: list[list[Cell]] = field(default_factory=list)


@dataclass
class Body:
    """What the reader found: every paragraph in order, the tables, and our bookmarks."""

    paragraphs: list[Paragraph] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
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
        table = Table()
        self.body.tables.append(table)
        number = len(self.body.tables)
        for row_index, row in enumerate(element.iterchildren(f"{W}tr"), 1):
            cells: list[Cell] = []
            table.rows.append(cells)
            for cell_index, tc in enumerate(_cells(row), 1):
                cell = Cell()
                cells.append(cell)
                saved = self.position
                self.position = (number, row_index, cell_index)
                self.cell_stack.append(cell)
                for child in tc:
                    self.walk(child)
                self.cell_stack.pop()
                self.position = saved

    def _paragraph(self, element: etree._Element) -> None:
        outer_text, outer_loose = self.text, self.loose
        self.text, self.loose = [], []
        for child in element:
            self.walk(child)
        self.paragraph_count += 1
        source = self._source()
        paragraph = Paragraph("".join(self.text), "".join(self.loose), source, self.position)
        self.body.paragraphs.append(paragraph)
        if self.cell_stack:
            self.cell_stack[-1].paragraphs.append(paragraph)
        self.open.clear()  # our bookmarks never span paragraphs; LibreOffice may leave one unclosed
        self.text, self.loose = outer_text, outer_loose

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
        elif tag.endswith("}checkBox") or tag.endswith("}checkbox"):
            self._emit(CHECKED if _checked(element) else UNCHECKED)
        else:
            for child in element:
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


def core_keywords(package: DocxPackage) -> str:
    """The document's keywords property, where our identity stamp lives."""
    blob = package.parts.get("docProps/core.xml")
    if not blob:
        return ""
    root = parse_xml(blob, "document properties")
    for element in root.iter():
        if str(element.tag).endswith("}keywords"):
            return "".join(str(t) for t in element.itertext())
    return ""
