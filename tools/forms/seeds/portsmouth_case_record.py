"""Portsmouth: Supervision Recording on Individual Child or Family (seed 003 §4, §7; seed 004).

Case work decisions, child focussed, signed by both supervisor and supervisee, with a copy
on the child's ICS record within 24 hours of the decision being made. Labels are the seeds'
words (000, 003, 004) except where the issue names a field they do not (legal status, the
family/sibling group, by when, the reason for a decision, the date of birth).
"""

from __future__ import annotations

from docx.document import Document as DocxDocument

from .common import blank, cell_field, new_document, section_row
from .portsmouth import header
from .portsmouth_records import (
    ROWS,
    actions_table,
    answer_row,
    grid,
    label_row,
    note,
    session_rows,
    signatures,
    text_row,
    titles,
)

TITLE = "Supervision Recording on Individual Child or Family"
TALL_CM = 2.5

PROCEDURE = (
    "Case Work decisions should be recorded using the agreed format within the Supervision Recording on "
    "Individual Child or Family and must be signed by both supervisor and supervisee. A copy should be "
    "scanned and placed in the service user's ICS record.",
    "Case supervision should be child focussed and should result in clear agreement about who will now do "
    "what in relation to the child to safeguard and promote their welfare.",
)
DECISIONS = (
    "Clear agreement about who will now do what in relation to the child to safeguard and promote their "
    "welfare"
)
REVIEW = "Review of case work, ensuring each open case is reviewed at least every two months"
CASE_FILE = (
    "Decisions relating to children, young people and families should be recorded (or cross referenced) on "
    "the supervisee's supervision records and on the child/ young person's or family's case file or record "
    "within 24 hours of the decision being made."
)


def build() -> DocxDocument:
    doc = new_document(f"Portsmouth City Council {TITLE.lower()}")
    header(doc)
    titles(doc, TITLE)
    note(doc, PROCEDURE)
    _session(doc)
    _child(doc)
    _discussion(doc)
    actions_table(doc, DECISIONS, f"for a in decisions|pad({ROWS})", with_reason=True)
    _recording(doc)
    blank(doc, after_pt=6)
    return doc


def _session(doc: DocxDocument) -> None:
    details = grid(doc)
    section_row(details, "Section 1: Supervision")
    session_rows(details)
    answer_row(details, "Those parties present", "attendees", height_cm=0.8)
    blank(doc, after_pt=6)


def _child(doc: DocxDocument) -> None:
    child = grid(doc)
    section_row(child, "Section 2: Individual Child or Family")
    answer_row(child, "Child/ young person", "child.name", height_cm=0.8)
    answer_row(child, "ICS record", "child.id", height_cm=0.8)
    answer_row(child, "Date of birth", "child.date_of_birth", height_cm=0.8)
    answer_row(child, "Family / sibling group", "family_group")
    cell_field(label_row(child, "Legal status"), "legal_status|checkboxes")
    answer_row(child, "Legal status: details", "legal_status_detail", height_cm=0.8)
    blank(doc, after_pt=6)


def _discussion(doc: DocxDocument) -> None:
    discussion = grid(doc)
    section_row(discussion, "Section 3: Review of case work")
    answer_row(discussion, "Case summary", "case_summary", height_cm=TALL_CM)
    answer_row(discussion, "A clear focus on the child", "child_voice", height_cm=TALL_CM)
    answer_row(discussion, "Reflecting on current progress and barriers", "reflection", height_cm=TALL_CM)
    answer_row(discussion, "Risk of significant harm", "risks", height_cm=TALL_CM)
    blank(doc, after_pt=6)


def _recording(doc: DocxDocument) -> None:
    recording = grid(doc)
    section_row(recording, "Section 4: Recording")
    text_row(recording, [REVIEW])
    answer_row(recording, "Dates for review", "next_review_date", height_cm=0.8)
    text_row(recording, [CASE_FILE])
    answer_row(
        recording,
        "On the child/ young person's or family's case file or record",
        "recorded_on_child_file",
        height_cm=0.8,
    )
    signatures(recording)
