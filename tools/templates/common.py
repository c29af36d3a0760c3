"""Shared building blocks for the council templates: page set-up, paragraphs, tables, tags.

A paragraph is described as a sequence of pieces: a plain `str`, `Bold("text")` for a bold
run, or `Field("path")` for a Jinja field tag in a run of its own (`{{ path }}`).
"""

from __future__ import annotations

import datetime
import io
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph

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
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
ANNEX_TAG = "{{p annex }}"
LOOP_EXPRESSIONS = frozenset(
    {"d", "d|month", "a.action", "a.owner", "a.due", "a.reason"}
)  # the bodies of the row loops: meeting dates, decisions and actions

MODEL_PATHS = frozenset(
    {
        "supervisor.name", "supervisor.role", "supervisor.team",
        "supervisee.name", "supervisee.role", "supervisee.team", "supervisee.career_stage",
        "line_manager.name", "agreement_date", "review_date", "frequency.description",
        "duration_minutes", "location", "interruptions", "key_tasks", "group_supervision",
        "recording.method", "recording.responsible", "recording.share_within_working_days",
        "recording.storage", "recording.others_who_may_see", "management_availability",
        "concerns_addressed", "raise_process_issues", "permissions", "supervisee_brings",
        "relationship_factors", "not_working_signs", "difficulty_resolution", "other_issues",
        "expectations.mutual", "expectations.want_from_supervisor",
        "expectations.contribute_as_supervisee", "expectations.want_from_supervisee",
        "expectations.contribute_as_supervisor", "expectations.supervisor_responsible_for",
        "expectations.supervisee_responsible_for",
        "signatures.supervisor.name", "signatures.supervisor.date",
        "signatures.supervisee.name", "signatures.supervisee.date",
    }
)  # fmt: skip


RECORD_PATHS = frozenset(
    {
        "date", "supervisor.name", "supervisee.name", "attendees", "child.name", "child.id",
        "child.date_of_birth", "family_group", "legal_status|checkboxes", "legal_status_detail",
        "case_summary", "child_voice", "reflection", "risks", "next_review_date",
        "recorded_on_child_file", "duration_minutes", "agenda", "topics|checkboxes", "wellbeing",
        "workload", "absence", "leave", "health_and_safety", "training", "next_session_date",
        "shared_date", "planned_date", "cancelled_date", "cancelled_by|checkboxes", "reason",
        "rearranged_date", "cover_arrangements",
        "signatures.supervisor.name", "signatures.supervisor.date",
        "signatures.supervisee.name", "signatures.supervisee.date",
    }
)  # fmt: skip  # the session records: case_record, general_record, cancellation


@dataclass(frozen=True)
class Bold:
    """Static text printed in bold."""

    text: str


@dataclass(frozen=True)
class Field:
    """A place for a model value: one run holding exactly `{{ path }}`."""

    path: str

    def __post_init__(self) -> None:
        if self.path not in MODEL_PATHS | RECORD_PATHS | LOOP_EXPRESSIONS:
            raise ValueError(f"unknown model path: {self.path}")

    @property
    def tag(self) -> str:
        return "{{ " + self.path + " }}"


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
            paragraph.add_run(piece.tag)
        elif isinstance(piece, Bold):
            paragraph.add_run(piece.text).bold = True
        else:
            run = paragraph.add_run(piece)
            if bold:
                run.bold = True
    return paragraph


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


def annex(doc: DocxDocument) -> Paragraph:
    """The body-level paragraph where the engine places values the layout has no room for.
    Without one, the engine puts them before the signature block (docx/layout.py)."""
    return doc.add_paragraph(ANNEX_TAG)


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
    tbl_pr.insert_element_before(width, "w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders", "w:shd",
                                 "w:tblLayout", "w:tblCellMar", "w:tblLook")  # the schema's order
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


def cell_field(cell: _Cell, path: str) -> _Cell:
    """An answer cell that holds only a field tag."""
    return cell_text(cell, Field(path))


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


def save(doc: DocxDocument, path: Path) -> None:
    """Save with fixed zip timestamps so that the same code gives the same bytes."""
    for zoom in doc.settings.element.findall(qn("w:zoom")):
        zoom.set(qn("w:percent"), zoom.get(qn("w:percent")) or "100")  # required by the schema
    buffer = io.BytesIO()
    doc.save(buffer)
    path.parent.mkdir(parents=True, exist_ok=True)
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(item.filename))
    path.write_bytes(out.getvalue())


def loop_rows(grid: Table, loop: str, body: Sequence[Field]) -> None:
    """A docxtpl row loop: an opening row, one body row (one field per cell), a closing row.

    The opening and closing rows span the whole table, so each holds its tag alone.
    """
    columns = len(grid.columns)
    cell_text(row(grid, spans=[columns])[0], "{%tr " + loop + " %}")
    for cell, field in zip(row(grid), body, strict=True):
        cell_field(cell, field.path)
    cell_text(row(grid, spans=[columns])[0], "{%tr endfor %}")
