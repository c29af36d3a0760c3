"""Portsmouth City Council, Children and Families Services: Supervision Agreement (August 2025),
as the council prints it (seed 000): the prompt in each answer cell of section 1's questions."""

from __future__ import annotations

from collections.abc import Sequence

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from docx.table import Table, _Cell

from .common import (
    ANSWER_HEIGHT_CM,
    Field,
    Piece,
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

TITLE = "Portsmouth City Council supervision agreement"
LABEL_CM = 5.8
SIGN_CM = (LABEL_CM, 5.0, 1.5, 3.62)  # Signed ... | answer | Date | answer
PROMPT_HEIGHT_CM = 2.0

PROMPT = "To be discussed and recorded by supervisee and supervisor"
QUOTE = (
    "“a two way, planned and accountable process that supports, assures and develops the knowledge "
    "of an individual, group or team...and ensures good practice”. Providing effective supervision "
    "CWDC/skills for care 2007"
)

OUTLINE_INTRO = (
    "All members of Children and Families are to be supervised at four weekly intervals. "
    "The principal functions of the supervisory process are:"
)
OUTLINE_BULLETS = (
    "To ensure that the worker understands their roles and responsibilities",
    "To ensure that where possible children are kept safe and that families are assisted with the help "
    "and support that they need.",
    "To ensure that the worker carries out those responsibilities to a professional standard",
    "To contribute to the annual PDR process",
    "To assist with the professional development of the worker including identification of learning needs "
    "in order to fulfil their roles and responsibilities and facilitate their aspiration to progress.",
    "To provide pastoral care, emotional regulation and support as required",
)
STRUCTURE_BULLETS = (
    "Dates and times should be planned in advance and should not be changed or cancelled without an "
    "alternative time being made immediately",
    "All sessions will begin promptly.",
    "There will be no interruptions unless a work or personal emergency arises",
    "Recording of sessions on the appropriate supervision template is the responsibility of the supervisor",
    "Preparation for sessions will be by both the supervisor and supervisee who will each contribute to the "
    "agenda for each supervision session. It is expected that the supervisee prepares an up-to-date case "
    "summary to each supervision.",
)
STRUCTURE_AFTER = (
    "In addition, there will be a group supervision and team practice development session which you will "
    "be expected to attend and contribute to."
)
BOUNDARIES = (
    "Confidentiality; the verbal content of the session remains confidential to those parties present "
    "unless there are safeguarding considerations. Breach of confidentiality may be viewed as a "
    "disciplinary offence.",
    "Record keeping; a written or electronic record of each supervision session will be made and each "
    "party will retain a copy. The supervisor’s copy will be kept securely (only accessible to the "
    "supervisor). In the event of a disciplinary or grievance procedure the information recorded may be "
    "seen by the other managers and Human Resources.",
)
CONTENT = (
    "Supervision will create a secure base to reflect on the impact of the work upon the worker, for the "
    "worker to articulate concerns, to feel valued and receive positive feedback.",
    "It will identify goals and monitor outcomes, ensuring adherence to policy and procedure. It will "
    "explore issues of professional performance, through the review and discussion of work, the files "
    "(and other tangible resources) and the content of stakeholder feedback. It will enable the worker to "
    "think analytically using theory, research and observation.",
    "Supervision will look at the development of skills, knowledge and understanding, and explore how "
    "learning needs can be most appropriately met.",
    "It will provide an opportunity to reflect on and acknowledge the intersectionality of our identities "
    "within the work, and within the supervision relationship.",
)
DISCUSSED = (
    (
        "What does the supervisee bring to this relationship (e.g. previous work experience, supervision "
        "history, preferred learning style).",
        "supervisee_brings",
    ),
    (
        "Are there any factors to acknowledge as relevant to the development of the supervisory relationship "
        "(e.g. race, culture, gender, sexual orientation, impairment, including learning difficulties)?",
        "relationship_factors",
    ),
    (
        "Agreed ‘permissions’ e.g. it’s OK for the supervisor not to know all the answers / for the "
        "supervisee to say they are stuck, etc.",
        "permissions",
    ),
    (
        "How will we recognise when the supervisory relationship is not working effectively",
        "not_working_signs",
    ),
    ("What methods will be used to resolve any difficulties in working together", "difficulty_resolution"),
    ("Any other relevant issues for this agreement", "other_issues"),
)
QUALITY = (
    "In order to ensure that supervision is maintained at a high standard, annual observations of a "
    "supervision will take place. This will also provide an opportunity for both the supervisor and "
    "supervisee to articulate what is working well and what could be improved."
)


def build() -> DocxDocument:
    doc = new_document(TITLE)
    header(doc)
    _titles(doc)
    _quote(doc)
    grid = table(doc, SIGN_CM)
    _agreement_rows(grid)
    _signature_row(grid, "Signed manager", "signatures.supervisor")
    _signature_row(grid, "Signed staff member", "signatures.supervisee")
    blank(doc, after_pt=6)
    return doc


def header(doc: DocxDocument) -> None:
    """The council's name where its printed form has the logo."""
    paragraph = doc.sections[0].header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    name = paragraph.add_run("Portsmouth")
    name.bold = True
    name.font.size = Pt(18)
    council = paragraph.add_run(" CITY COUNCIL")
    council.bold = True
    council.font.size = Pt(10)


def _titles(doc: DocxDocument) -> None:
    for text in ("Children and Families Services", "Supervision Agreement (August 2025)"):
        para(doc, text, bold=True, size=14, align=WD_ALIGN_PARAGRAPH.CENTER, after_pt=4)
    blank(doc, after_pt=6)


def _quote(doc: DocxDocument) -> None:
    box = table(doc, [sum(SIGN_CM)])
    cell = row(box)[0]
    cell_text(cell, QUOTE)
    for run in cell.paragraphs[0].runs:
        run.italic = True
    cell.paragraphs[0].paragraph_format.space_before = Pt(3)
    blank(doc, after_pt=6)


def _agreement_rows(grid: Table) -> None:
    section_row(grid, "Section 1: The agreement")
    _answer_row(grid, "Staff member", "supervisee.name", height_cm=0.8)
    _answer_row(grid, "Manager", "supervisor.name", height_cm=0.8)
    outline = _text_row(grid, "Outline of supervision", [[OUTLINE_INTRO]])
    bullets(outline, OUTLINE_BULLETS, after_pt=3)
    structure = _label_row(grid, "Supervision structure")
    _bullets_first(structure, STRUCTURE_BULLETS)
    para(structure, STRUCTURE_AFTER, after_pt=3)
    _text_row(grid, "The boundaries of supervision", [[text] for text in BOUNDARIES])
    _text_row(grid, "Content of supervision", [[text] for text in CONTENT])
    for text, path in DISCUSSED:
        _answer_row(grid, text, path, height_cm=PROMPT_HEIGHT_CM, blank=PROMPT)
    _text_row(grid, "Quality Assurance", [[QUALITY]])
    _text_row(
        grid,
        "Review",
        [["This agreement will be reviewed at least annually"], ["Next review date: ", Field("review_date")]],
    )


def _label_row(grid: Table, text: str, *, height_cm: float | None = None) -> _Cell:
    """A label cell and a wide cell across the remaining columns; returns the wide cell.

    Rows with a minimum height are answer rows, kept whole on one page.
    """
    spans = [1, len(grid.columns) - 1]
    cells = row(grid, spans=spans, min_height_cm=height_cm, keep_whole=height_cm is not None)
    label(cells[0], text)
    return cells[1]


def _answer_row(
    grid: Table, text: str, path: str, *, height_cm: float = ANSWER_HEIGHT_CM, blank: str = ""
) -> None:
    cell_field(_label_row(grid, text, height_cm=height_cm), path, blank)


def _text_row(grid: Table, text: str, paragraphs: Sequence[Sequence[Piece]]) -> _Cell:
    cell = _label_row(grid, text)
    cell_paras(cell, paragraphs)
    return cell


def _bullets_first(cell: _Cell, items: Sequence[str]) -> None:
    """Bullets that start in the cell's first, still empty, paragraph."""
    first = cell.paragraphs[0]
    first.style = "List Bullet"
    first.add_run(items[0])
    first.paragraph_format.space_after = Pt(2)
    bullets(cell, items[1:], after_pt=6)


def _signature_row(grid: Table, text: str, who: str) -> None:
    cells = row(grid, min_height_cm=1.0, keep_whole=True)
    label(cells[0], text)
    cell_field(cells[1], f"{who}.name")
    label(cells[2], "Date")
    cell_field(cells[3], f"{who}.date")
