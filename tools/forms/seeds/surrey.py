"""Surrey County Council children's services: Supervision Agreement."""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from docx.table import Table, _Cell

from .common import (
    ANSWER_HEIGHT_CM,
    LABEL_FILL,
    TEXT_WIDTH_CM,
    Bold,
    Field,
    blank,
    bullets,
    cell_field,
    cell_paras,
    cell_text,
    label,
    new_document,
    para,
    row,
    section_row,
    table,
)

TITLE = "Surrey supervision agreement"
NAME_CM = (5.4, TEXT_WIDTH_CM - 5.4)
LABEL_CM = 7.0
MAIN_CM = (LABEL_CM, TEXT_WIDTH_CM - LABEL_CM)
TALL_CM = 2.5

INTRO = (
    "This agreement sets out the arrangements, shared values and purpose that will support the development "
    "of an effective strength based supervisory relationship. While some elements of the agreement are "
    "related to Surrey’s Supervision Procedures and are therefore non-negotiable, the majority of the "
    "document should be negotiated and agreed between the supervisor and Supervisee.",
    "Supervision sessions should not normally be cancelled, but be rescheduled as soon as possible, but no "
    "later than 2 weeks from the date of cancellation. If the supervisor is absent from work for more than "
    "2 weeks, the supervisor’s manager must ensure that effective arrangements are in place for the "
    "supervision",
    "Cancellations will be recorded on the Supervision Monitoring Form.",
    "A new agreement should always be completed if there is a change of supervisor.",
    "(Please see supervision policy for guidance)",
)
PERMISSIONS = (
    "Supervision in Surrey is a process based on a strength based relationship of trust and respect. In "
    "supervision it should be agreed that the worker will be able to raise any issues that relate to their "
    "practice, (personal, professional or developmental) without fear of blame or repercussions unless "
    "this has an impact on the safety of themselves or others so that it can be a place of reflection, "
    "learning and practice improvement"
)
SUPPORT = (
    (
        "Availability of manager for management oversight outside of formal supervision and how this will "
        "be recorded",
        "management_availability",
    ),
    (
        "How will any issues of concern that have arisen during supervision in relation to the supervisees "
        "practice be addressed?",
        "concerns_addressed",
    ),
    ("How will the supervisee raise any issues regarding the supervision process?", "raise_process_issues"),
)
CONTENT = (
    "The content and focus of supervision will be in line with the departmental supervision procedures. "
    "The purpose of supervision is to support/ develop high quality practice ensuring pace, purpose and "
    "proportionality in the work for each child. Provide support to the worker ensuring their health and "
    "well-being needs are understood and responded to. To ensure the worker is working within the "
    "policies, processes and requirements of the organisation and statutory requirements. Oversight and "
    "review of professional development.",
    "The agenda will be agreed jointly between supervisee and supervisor.",
)
WORKING_WELL = (
    (
        "What does the supervisee bring to supervision (e.g. previous work experience, previous experience "
        "of being supervised, and preferred learning style)",
        "supervisee_brings",
    ),
    ("What are the supervisor’s expectations of the supervisee and vice versa?", "expectations.mutual"),
    (
        "Are there any factors relevant to the development of the supervisory relationship? Race, gender, "
        "sexual orientations, impairment other?",
        "relationship_factors",
    ),
    ("What methods will be used to resolve any difficulties in working together?", "difficulty_resolution"),
)
MEDIATION = (
    "NB: If difficulties arise between the supervisor and supervisee that cannot be resolved, the line "
    "manager will be asked to mediate. It is expected that this will be in exceptional circumstances only"
)
RECORDING = (
    "Formal supervision sessions will be recorded on the supervision record and placed in the supervisee’s "
    "file. Responsibility for completing the record lies with the Supervisor",
    "Any decisions taken in a formal supervision session relating to a child will be recorded on a Case "
    "Supervision form and saved to the child’s record under Forms. Responsibility for this lies with the "
    "supervisor.",
    "Any decisions outside of formal supervision relating to a child will be recorded and placed in their "
    "file under Management Oversight in line with procedures.",
)
PURPOSES = (
    "Audit of supervision practice by senior managers",
    "Evidence in grievance/disciplinary procedures",
    "Inspections and case reviews (Ofsted may review personal and case supervision records)",
    "Evidence within legal proceedings",
)
DOCUMENT_REVIEW = (
    "Document last reviewed: November 2023",
    "Reviewed by: Kasey Senior – Service Manager, Practice Standards",
    "Next review date: December 2025",
)


def build() -> DocxDocument:
    doc = new_document(TITLE)
    para(doc, "Supervision Agreement", bold=True, size=14, align=WD_ALIGN_PARAGRAPH.CENTER, after_pt=12)
    _names(doc)
    blank(doc, after_pt=6)
    for text in INTRO:
        para(doc, text)
    grid = table(doc, MAIN_CM)
    _practical(grid)
    _support(grid)
    _content(grid)
    _working_well(grid)
    _recording(grid)
    _closing(grid)
    _footer(doc)
    blank(doc, after_pt=6)
    return doc


def _names(doc: DocxDocument) -> None:
    grid = table(doc, NAME_CM)
    for text, path in (
        ("Name of supervisor", "supervisor.name"),
        ("Name of staff member", "supervisee.name"),
        ("Date of this agreement", "agreement_date"),
    ):
        cells = row(grid, min_height_cm=0.8, keep_whole=True)
        label(cells[0], text)
        cell_field(cells[1], path)


def _question(grid: Table, text: str, path: str, *, height_cm: float = ANSWER_HEIGHT_CM) -> None:
    cells = row(grid, min_height_cm=height_cm, keep_whole=True)
    label(cells[0], text)
    cell_field(cells[1], path)


def _wide(grid: Table, *, height_cm: float | None = None) -> _Cell:
    return row(grid, spans=[2], min_height_cm=height_cm, keep_whole=True)[0]


def _practical(grid: Table) -> None:
    section_row(grid, "1. Practical Arrangements")
    cells = row(grid, min_height_cm=ANSWER_HEIGHT_CM, keep_whole=True)
    label(cells[0], "Supervision Frequency and duration?")
    cell_paras(cells[1], [["Frequency: "], ["Duration: "]])  # the cell says which answer goes where


def _support(grid: Table) -> None:
    section_row(grid, "2. What support is available?")
    _question(grid, *SUPPORT[0], height_cm=TALL_CM)
    cells = row(grid, min_height_cm=TALL_CM, keep_whole=True)
    cell_text(cells[0], Bold("Agreed ‘permissions’"), " ", PERMISSIONS, fill_hex=LABEL_FILL)
    cell_field(cells[1], "permissions")
    for text, path in SUPPORT[1:]:
        _question(grid, text, path, height_cm=TALL_CM)


def _content(grid: Table) -> None:
    section_row(grid, "3. Content of Supervision")
    cell_paras(_wide(grid), [[text] for text in CONTENT])


def _working_well(grid: Table) -> None:
    section_row(grid, "4. Making supervision work well")
    for text, path in WORKING_WELL:
        _question(grid, text, path, height_cm=TALL_CM)
    cell_text(_wide(grid), MEDIATION)


def _recording(grid: Table) -> None:
    section_row(grid, "5. Recording")
    cell_paras(_wide(grid), [[text] for text in RECORDING])
    purposes = _wide(grid)
    cell_text(purposes, "The purposes for which the supervision record may be used are:")
    bullets(purposes, PURPOSES, after_pt=3)


def _closing(grid: Table) -> None:
    section_row(grid, "6. Any other relevant issues for this agreement?")
    cell_field(_wide(grid, height_cm=TALL_CM), "other_issues")
    cell_text(_wide(grid), Bold("7. Date this agreement will be reviewed is: "), Field("review_date"))
    for who in ("supervisee", "supervisor"):
        cell_text(
            _wide(grid, height_cm=1.2),
            Bold(f"Signature of {who}: "),
            Field(f"signatures.{who}.name"),
            Bold("   Date: "),
            Field(f"signatures.{who}.date"),
        )


def _footer(doc: DocxDocument) -> None:
    """The council's document-control lines, at the foot of each page."""
    footer = doc.sections[0].footer
    first = footer.paragraphs[0]
    for index, text in enumerate(DOCUMENT_REVIEW):
        paragraph = first if index == 0 else footer.add_paragraph()
        run = paragraph.add_run(text)
        run.font.size = Pt(8)
        paragraph.paragraph_format.space_after = Pt(0)
