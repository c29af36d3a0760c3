"""Shared building blocks for our three councils' blank forms: page set-up, paragraphs, tables.

A paragraph is described as a sequence of pieces: a plain `str`, `Bold("text")` for a bold
run, or `Field("path")` for an answer place, which the blank form shows empty, or as the
council prints it (`Field("interruptions", DOTS)`: dot leaders; tick boxes for a choice).
`supervision-forms pack init` turns these forms into the packs' templates (tools/build_packs.py).
"""

from __future__ import annotations

import datetime
import io
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph

from supervision_forms.models import DOCUMENT_MODELS
from supervision_forms.models.paths import leaf_map

FONT = "Arial"
BODY_PT = 11
PAGE_WIDTH_CM = 21.0
PAGE_HEIGHT_CM = 29.7
MARGIN_CM = 2.54
TEXT_WIDTH_CM = PAGE_WIDTH_CM - 2 * MARGIN_CM  # 15.92
LABEL_FILL = "F2F2F2"
HEADING_FILL = "D9D9D9"
ANSWER_HEIGHT_CM = 1.2
FIXED_TIME = datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC)
UNCHECKED = "☐"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
DOTS = "………………………………"  # how Sefton prints a place to write in


@dataclass(frozen=True)
class Bold:
    """Static text printed in bold."""

    text: str


@dataclass(frozen=True)
class Field:
    """An answer place: empty on the blank form, or showing `blank` (dots, a prompt); a
    choice (`path|checkboxes`) shows its options with tick boxes."""

    path: str
    blank: str = ""


Piece = str | Bold | Field
Container = DocxDocument | _Cell


# --- document set-up -------------------------------------------------------------------


def new_document(title: str) -> DocxDocument:
    """An empty A4 document with normal margins, Arial 11pt and British English."""
    doc = Document()
    _set_page(doc)
    _set_default_font(doc)
    _set_core_properties(doc, title)
    return doc


def _set_page(doc: DocxDocument) -> None:
    section = doc.sections[0]
    section.page_width = Cm(PAGE_WIDTH_CM)
    section.page_height = Cm(PAGE_HEIGHT_CM)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(MARGIN_CM))
    section.header_distance = Cm(1.25)
    section.footer_distance = Cm(1.25)


def _set_default_font(doc: DocxDocument) -> None:
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    r_pr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = r_pr.find(qn("w:rFonts"))
    for attribute in list(fonts.attrib):
        del fonts.attrib[attribute]
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), FONT)
    lang = r_pr.find(qn("w:lang"))
    lang.set(qn("w:val"), "en-GB")
    lang.set(qn("w:eastAsia"), "en-GB")
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.0


def _set_core_properties(doc: DocxDocument, title: str) -> None:
    props = doc.core_properties
    props.title = title
    props.author = ""
    props.last_modified_by = ""
    props.comments = ""
    props.revision = 1
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    props.last_printed = FIXED_TIME


# --- paragraphs ------------------------------------------------------------------------


def fill(paragraph: Paragraph, pieces: Sequence[Piece], *, bold: bool = False) -> Paragraph:
    """Append the pieces to the paragraph as runs; a field is always a run of its own."""
    for piece in pieces:
        if isinstance(piece, Field):
            _blank_place(paragraph, piece)
        elif isinstance(piece, Bold):
            paragraph.add_run(piece.text).bold = True
        else:
            run = paragraph.add_run(piece)
            if bold:
                run.bold = True
    return paragraph


def _blank_place(paragraph: Paragraph, field: Field) -> None:
    """What the blank form shows in an answer place."""
    path, _, shown = field.path.partition("|")
    if shown == "checkboxes":  # one box an option, a line each, as the form prints them
        run = paragraph.add_run()
        for number, label in enumerate(choice_labels(path).values()):
            if number:
                run.add_break()
            run.add_text(f"{UNCHECKED} {label}")
    elif field.blank:
        paragraph.add_run(field.blank)


def choice_labels(path: str) -> dict[str, str]:
    for model in DOCUMENT_MODELS.values():
        leaf = leaf_map(model).get(path) or leaf_map(model).get(f"{path}[]")
        if leaf is not None and leaf.choices:
            return leaf.choice_labels()
    raise ValueError(f"not a choice: {path}")


def para(
    container: Container,
    *pieces: Piece,
    bold: bool = False,
    size: float | None = None,
    align: WD_ALIGN_PARAGRAPH | None = None,
    indent_cm: float | None = None,
    after_pt: float | None = None,
    keep_with_next: bool = False,
) -> Paragraph:
    """Add a paragraph built from pieces to the document or a cell."""
    paragraph = fill(container.add_paragraph(), pieces, bold=bold)
    if size is not None:
        for run in paragraph.runs:
            run.font.size = Pt(size)
    fmt = paragraph.paragraph_format
    if align is not None:
        paragraph.alignment = align
    if indent_cm is not None:
        fmt.left_indent = Cm(indent_cm)
    if after_pt is not None:
        fmt.space_after = Pt(after_pt)
    if keep_with_next:
        fmt.keep_with_next = True
    return paragraph


def heading(container: Container, text: str, *, size: float = BODY_PT) -> Paragraph:
    """A bold heading line that stays with what follows it."""
    return para(container, text, bold=True, size=size, keep_with_next=True)


def bullets(container: Container, items: Iterable[str | Sequence[Piece]], *, after_pt: float = 6) -> None:
    """A bulleted list; the last item keeps normal spacing after it."""
    paragraphs = []
    for item in items:
        pieces: Sequence[Piece] = (item,) if isinstance(item, str) else item
        paragraph = fill(container.add_paragraph(style="List Bullet"), pieces)
        paragraph.paragraph_format.space_after = Pt(2)
        paragraphs.append(paragraph)
    if paragraphs:
        paragraphs[-1].paragraph_format.space_after = Pt(after_pt)


def blank(doc: DocxDocument, after_pt: float = 0) -> Paragraph:
    paragraph = doc.add_paragraph()
    paragraph.paragraph_format.space_after = Pt(after_pt)
    return paragraph


# --- tables ----------------------------------------------------------------------------


def table(doc: DocxDocument, widths_cm: Sequence[float]) -> Table:
    """A bordered table with fixed column widths and no rows yet."""
    grid = doc.add_table(rows=0, cols=len(widths_cm))
    grid.style = doc.styles["Table Grid"]
    grid.alignment = WD_TABLE_ALIGNMENT.LEFT
    grid.autofit = False
    tbl_pr = grid._tbl.tblPr
    width = OxmlElement("w:tblW")
    width.set(qn("w:w"), str(_twips(sum(widths_cm))))
    width.set(qn("w:type"), "dxa")
    existing = tbl_pr.find(qn("w:tblW"))
    if existing is not None:
        tbl_pr.remove(existing)
    tbl_pr.insert_element_before(
        width,
        "w:jc",
        "w:tblCellSpacing",
        "w:tblInd",
        "w:tblBorders",
        "w:shd",
        "w:tblLayout",
        "w:tblCellMar",
        "w:tblLook",
    )  # the schema's order
    for column, cm in zip(grid._tbl.tblGrid.findall(qn("w:gridCol")), widths_cm, strict=True):
        column.set(qn("w:w"), str(_twips(cm)))
    return grid


def _twips(cm: float) -> int:
    return round(cm / 2.54 * 1440)


def row(
    grid: Table,
    *,
    spans: Sequence[int] | None = None,
    min_height_cm: float | None = None,
    keep_whole: bool = False,
) -> list[_Cell]:
    """Add a row; `spans` groups grid columns into merged cells (default: one cell per column).

    `keep_whole` stops the row breaking across pages (for answer rows and short text rows).
    """
    new = grid.add_row()
    widths = [int(col.get(qn("w:w"))) for col in grid._tbl.tblGrid.findall(qn("w:gridCol"))]
    for cell, twips in zip(new.cells, widths, strict=True):
        cell.width = Cm(twips / 1440 * 2.54)
    cells = _merge(new, spans or [1] * len(widths))
    if min_height_cm is not None:
        new.height = Cm(min_height_cm)
        new.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
    if keep_whole:
        new._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    return cells


def _merge(new: _Row, spans: Sequence[int]) -> list[_Cell]:
    cells = list(new.cells)
    merged: list[_Cell] = []
    start = 0
    for span in spans:
        first = cells[start]
        merged.append(first.merge(cells[start + span - 1]) if span > 1 else first)
        start += span
    return merged


def cell_text(cell: _Cell, *pieces: Piece, bold: bool = False, fill_hex: str | None = None) -> _Cell:
    """Write one paragraph of pieces into a fresh cell's first paragraph."""
    paragraph = cell.paragraphs[0]
    fill(paragraph, pieces, bold=bold)
    paragraph.paragraph_format.space_after = Pt(3)
    if fill_hex:
        shade(cell, fill_hex)
    return cell


def cell_paras(cell: _Cell, paragraphs: Sequence[Sequence[Piece]]) -> _Cell:
    """Write several paragraphs into a fresh cell."""
    first, *rest = paragraphs
    cell_text(cell, *first)
    for pieces in rest:
        para(cell, *pieces, after_pt=3)
    return cell


def cell_field(cell: _Cell, path: str, blank: str = "") -> _Cell:
    """An answer cell: empty on the blank form (or showing `blank`)."""
    return cell_text(cell, Field(path, blank))


def shade(cell: _Cell, fill_hex: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill_hex)
    tc_pr.append(shading)


def label(cell: _Cell, text: str) -> _Cell:
    """A bold, lightly shaded label cell."""
    return cell_text(cell, text, bold=True, fill_hex=LABEL_FILL)


def section_row(grid: Table, text: str) -> _Cell:
    """A full-width, shaded heading row that stays on the page of the row after it."""
    cells = row(grid, spans=[len(grid.columns)], keep_whole=True)
    cell_text(cells[0], text, bold=True, fill_hex=HEADING_FILL)
    cells[0].paragraphs[0].paragraph_format.keep_with_next = True
    return cells[0]


# --- saving ----------------------------------------------------------------------------


def to_bytes(doc: DocxDocument) -> bytes:
    """The document with fixed zip timestamps, so that the same code gives the same bytes."""
    for zoom in doc.settings.element.findall(qn("w:zoom")):
        zoom.set(qn("w:percent"), zoom.get(qn("w:percent")) or "100")  # required by the schema
    buffer = io.BytesIO()
    doc.save(buffer)
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(item.filename))
    return out.getvalue()


def empty_rows(grid: Table, count: int) -> None:
    """Rows to write in, one an item (a meeting date, an action)."""
    for _ in range(count):
        row(grid)
