"""Sefton Council Children's Services: Supervision Agreement (Appendix 1)."""

from __future__ import annotations

from docx.document import Document as DocxDocument

from .common import (
    DOTS,
    HEADING_FILL,
    TEXT_WIDTH_CM,
    Bold,
    Field,
    Piece,
    blank,
    bullets,
    cell_field,
    cell_text,
    empty_rows,
    heading,
    label,
    new_document,
    para,
    row,
    table,
)

TITLE = "Sefton Council supervision agreement"
ITEM_INDENT_CM = 0.63
DATES_CM = (TEXT_WIDTH_CM / 2, TEXT_WIDTH_CM / 2)
PARTIES_CM = (3.0, 6.2, 1.6, TEXT_WIDTH_CM - 10.8)

KEY_TASKS = (
    "This may include individual cases, administrative or practical duties, depending on the nature of the "
    "service. It should also include any additional responsibilities undertaken e.g., auditing of practice, "
    "mentoring, multi- agency practice, additional support in respect of inexperience or capability."
)
MANDATE = (
    "Sefton Council expects all employees to be supervised. for certain staff, such as those in their "
    "probationary period; Newly Qualified Social Workers in their Assessed & Supported Year of Employment "
    "or in situations where there is less responsibility assigned to the post this will be more or less "
    "frequent. Monthly supervision is required for Social Workers. The principal functions of the "
    "supervisory process are:"
)
FUNCTIONS = (
    "a) To ensure that the supervisee carries out their job responsibilities to standards set out in "
    "professional code of conduct and policies.",
    "b) To ensure that the supervisee understands their roles and responsibilities (supervisee job "
    "description should be available as a basis of discussions).",
    "c) To assist with the professional development of the supervisee.",
    "d) To be a primary source of support for the supervisee recognising the considerable demands of the "
    "role.",
    "e) Provide both regular constructive feedback to the supervisee, and to link with the individuals "
    "Performance Development Plan and Review process.",
)
FORMAT: tuple[tuple[Piece, ...], ...] = (
    (
        "The supervision meeting will take place in privacy and there will only be interruptions if ",
        Field("interruptions", DOTS),
    ),
    ("The frequency of supervision will be ", Field("frequency.description", DOTS)),
    ("The supervision meeting will last for a minimum of: ", Field("duration_minutes", DOTS)),
    (
        "Method of recording the session will be by ",
        Field("recording.method", DOTS),
        " and the person responsible for recording the session will be the supervisor. The record will be "
        "shared within 5 working days and will be signed by both parties once agreed as an accurate record.",
    ),
    ("Welfare supervision records will be held and stored safely on Sharepoint.",),
    ("Any particular focus for the next session will be noted",),
)
CONTENT = (
    (
        "1. Performance Management discussions to include:",
        (
            "Activities undertaken",
            "Case Consultation and discussion (where applicable)",
            "Case file audit discussion (where applicable)",
        ),
    ),
    (
        "2. Professional Development discussions of your skills, knowledge base and value base to include:",
        (
            "Induction requirements (as appropriate)",
            "Training requirements (and formal completion of Performance Development Plans and Reviews)",
            "Longer term development plans and setting of professional goals.",
            "For Registered Social Workers: Review of training progress against the College of Social Work’s "
            "Professional Capabilities Framework (PCF).",
            "For NQSW’s in the Assessed and Supported Year of Employment, on-going assessment and appraisal "
            "using the ASYE level of the Professional Capabilities Framework.",
        ),
    ),
    (
        "3. Welfare/Support Issues",
        (
            "Factors affecting performance",
            "Personal issues (as appropriate)",
            "Stress-related issues",
            "Absence(s) from work",
            "Health and Safety",
            "Opportunity for you to give feedback on your experience of and expectation of supervision",
            "Annual Leave",
            "Flexi/Time of in Lieu/agile working",
            "Equal Opportunities – to discuss any issues of oppression that the supervisee wishes to raise, "
            "from personal experience to institutional and structural matter",
        ),
    ),
)
AUDITING = (
    "Cases which the employee is currently or has previously been involved with may be selected for audit "
    "via Children Services Quality Assurance and Impact Framework, or multi-agency file audit process. They "
    "may also have been involved in cases subject of Child Safeguarding Practice Reviews (formerly Serious "
    "Case Reviews) or other learning and improvement processes.",
    "The supervisor and supervisee will be alerted of planned audit activity in advance. Following audit, "
    "the supervisor and supervisee should consider the actions and outcomes to identify any learning; also, "
    "the impact upon the worker.",
)
EXPECTATIONS_INTRO = (
    "Good quality reflective supervision requires preparation by both the supervisor and the supervisee.",
    "Following discussion, these are the ways we have agreed to work together to get the most out of "
    "supervision:",
)
EXPECTATIONS = (
    ("a) What I want from you as my supervisor ", "expectations.want_from_supervisor"),
    ("b) What I will contribute as a supervisee ", "expectations.contribute_as_supervisee"),
    ("c) What I want from you as the supervisee ", "expectations.want_from_supervisee"),
    ("d) What I will contribute as the supervisor ", "expectations.contribute_as_supervisor"),
    ("e) As the supervisor I am responsible for ", "expectations.supervisor_responsible_for"),
    ("f) As the supervisee I am responsible for ", "expectations.supervisee_responsible_for"),
)
DISAGREEMENTS = (
    "If the Manager and supervisee cannot agree on any aspect of work performance or service delivery, "
    "either party may refer the issue to the relevant Senior Manager for resolution. The disagreement and "
    "its resolution will be recorded on the welfare supervision record; not on the LCS file. There is a "
    "separate process in place to deal with escalation related to any practice concerns.",
    "In the case of Managers, the resolution process will be as follows: the Assistant Director in the case "
    "of dispute between a Service Manager and Team Manager and the Director in the case of dispute between "
    "the Assistant Director and a Service Manager. The disagreement and its resolution will be recorded on "
    "the welfare supervision record.",
    "If a supervisee is concerned about any aspect of the manager’s supervision practice and they are not "
    "able to resolve the issue in discussion with the manager, they may speak with the relevant Senior "
    "Manager who will address the issue raised.",
)
NOTE = (
    "The agreement must be reviewed on an annual basis. It must also be reviewed when there is a change of "
    "supervisor."
)


def build() -> DocxDocument:
    doc = new_document(TITLE)
    para(doc, "Appendix 1 – SEFTON COUNCIL CHILDREN’S SERVICES SUPERVISION AGREEMENT", bold=True, size=12)
    blank(doc, after_pt=6)
    para(doc, Bold("Name Supervisee: "), Field("supervisee.name"))
    para(doc, Bold("Name Supervisor/Manager: "), Field("supervisor.name"), after_pt=12)
    _key_tasks(doc)
    _mandate(doc)
    _format(doc)
    _content(doc)
    _auditing(doc)
    _expectations(doc)
    _other_issues(doc)
    _meeting_dates(doc)
    parties(doc, "Parties to the Contract:")
    _review(doc)
    return doc


def _key_tasks(doc: DocxDocument) -> None:
    heading(doc, "KEY TASKS OF SUPERVISEE:")
    para(doc, KEY_TASKS)
    blank(doc, after_pt=0)  # room to write the key tasks
    blank(doc, after_pt=0)
    blank(doc, after_pt=12)


def _mandate(doc: DocxDocument) -> None:
    heading(doc, "MANDATE FOR SUPERVISION:")
    para(doc, MANDATE)
    for text in FUNCTIONS:
        para(doc, text, indent_cm=ITEM_INDENT_CM)
    blank(doc, after_pt=6)


def _format(doc: DocxDocument) -> None:
    heading(doc, "FORMAT OF SUPERVISION:")
    bullets(doc, FORMAT)
    para(doc, "Others who may see the record", keep_with_next=True)
    blank(doc, after_pt=0)  # room to write who else may see it
    blank(doc, after_pt=12)


def _content(doc: DocxDocument) -> None:
    para(doc, "The supervision meeting will consist of the following:", keep_with_next=True)
    for title, items in CONTENT:
        para(doc, title, keep_with_next=True)
        bullets(doc, items, after_pt=10)


def _auditing(doc: DocxDocument) -> None:
    heading(doc, "Auditing of Practice (if applicable):")
    for text in AUDITING:
        para(doc, text)
    blank(doc, after_pt=6)


def _expectations(doc: DocxDocument) -> None:
    heading(doc, "Expectations of Supervision:")
    for text in EXPECTATIONS_INTRO:
        para(doc, text)
    for text, path in EXPECTATIONS:
        para(doc, text, Field(path, DOTS), indent_cm=ITEM_INDENT_CM, after_pt=10)
    blank(doc, after_pt=6)


def _other_issues(doc: DocxDocument) -> None:
    heading(doc, "ANY OTHER ISSUES")
    heading(doc, "Disagreements")
    bullets(doc, DISAGREEMENTS)


def _meeting_dates(doc: DocxDocument) -> None:
    heading(doc, "Dates of Supervision Meetings (next 12 months):")
    grid = table(doc, DATES_CM)
    month, date = row(grid)
    cell_text(month, "Month", bold=True, fill_hex=HEADING_FILL)
    cell_text(date, "Date", bold=True, fill_hex=HEADING_FILL)
    empty_rows(grid, 12)
    blank(doc, after_pt=12)


def parties(doc: DocxDocument, heading: str) -> None:
    """The parties table: supervisee and supervisor, each with name and date."""
    grid = table(doc, PARTIES_CM)
    cell_text(row(grid, spans=[4])[0], heading, bold=True, fill_hex=HEADING_FILL)
    for title, who in (("Supervisee", "supervisee"), ("Supervisor", "supervisor")):
        cells = row(grid, min_height_cm=1.0, keep_whole=True)
        label(cells[0], title)
        cell_field(cells[1], f"signatures.{who}.name")
        label(cells[2], "Date:")
        cell_field(cells[3], f"signatures.{who}.date")
    blank(doc, after_pt=6)


def _review(doc: DocxDocument) -> None:
    para(doc, Bold("Date of Review: "), Field("review_date"), after_pt=12)
    para(doc, Bold("Note: "), NOTE)
