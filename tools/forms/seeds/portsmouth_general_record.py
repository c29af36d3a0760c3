"""Portsmouth: General Supervision Recording (non casework) (seed 003 §2, §4, §8).

Everything but case work decisions, placed in the supervisee's personal supervision folder;
the content covers each of 003's seven topics at least quarterly. Labels are the seeds'
words (000, 003) except for the fields the issue adds (absence, leave, health and safety).
"""

from __future__ import annotations

from docx.document import Document as DocxDocument

from .common import Field, blank, cell_field, cell_text, new_document, section_row
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
    titles,
)

TITLE = "General Supervision Recording (non casework)"
TALL_CM = 2.0

PROCEDURE = (
    "All other aspects of supervision should be recorded within General Supervision Recording (non "
    "casework) and be placed in the supervisee's personal supervision folder.",
    "Experienced staff should have supervision 3-4 weekly, with a minimum of 1 and a half hours every "
    "4 weeks.",
)
TOPICS = "The content of supervision will cover each of the following topics on at least a quarterly basis"
# 003 §2's words. A row label must not repeat a topic's label: PDF reading could not tell them apart.
WELLBEING = "To reflect on the personal impact of the work on the supervisee"
WORKLOAD = "The overall workload"
TRAINING = "Identifying training needs"


def build() -> DocxDocument:
    doc = new_document(f"Portsmouth City Council {TITLE.lower()}")
    header(doc)
    titles(doc, TITLE)
    note(doc, PROCEDURE)
    _session(doc)
    _content(doc)
    actions_table(
        doc, "Personal development and action plans", f"for a in actions|pad({ROWS})", with_reason=False
    )
    _recording(doc)
    blank(doc, after_pt=6)
    return doc


def _session(doc: DocxDocument) -> None:
    details = grid(doc)
    section_row(details, "Section 1: Supervision")
    session_rows(details)
    duration = label_row(details, "Duration", height_cm=0.8)
    cell_text(duration, Field("duration_minutes", "________"), " minutes")
    answer_row(details, "Agenda for supervision", "agenda", height_cm=TALL_CM)
    blank(doc, after_pt=6)


def _content(doc: DocxDocument) -> None:
    content = grid(doc)
    section_row(content, "Section 2: Content of supervision")
    cell_field(label_row(content, TOPICS), "topics|checkboxes")
    answer_row(content, WELLBEING, "wellbeing", height_cm=TALL_CM)
    answer_row(content, WORKLOAD, "workload", height_cm=TALL_CM)
    answer_row(content, "Absence", "absence")
    answer_row(content, "Leave", "leave")
    answer_row(content, "Health and safety", "health_and_safety")
    answer_row(content, TRAINING, "training", height_cm=TALL_CM)
    blank(doc, after_pt=6)


def _recording(doc: DocxDocument) -> None:
    recording = grid(doc)
    section_row(recording, "Section 3: Recording")
    answer_row(recording, "The next planned supervision", "next_session_date", height_cm=0.8)
    answer_row(
        recording, "Placed in the supervisee's personal supervision folder", "shared_date", height_cm=0.8
    )
    signatures(recording)
