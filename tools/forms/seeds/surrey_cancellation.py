"""Surrey County Council children's services: Supervision Monitoring Form (cancellations).

Surrey's agreement (seed 001) says "Cancellations will be recorded on the Supervision
Monitoring Form"; this form is designed in the agreement's style: a centred title, a names
table, the procedure's words, then numbered sections of label and answer cells.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.table import Table

from .common import (
    ANSWER_HEIGHT_CM,
    TEXT_WIDTH_CM,
    blank,
    cell_field,
    label,
    new_document,
    para,
    row,
    section_row,
    table,
)
from .surrey import INTRO as SURREY_INTRO

TITLE = "Supervision Monitoring Form"
NAME_CM = (5.4, TEXT_WIDTH_CM - 5.4)
LABEL_CM = 7.0
MAIN_CM = (LABEL_CM, TEXT_WIDTH_CM - LABEL_CM)
TALL_CM = 2.5

INTRO = tuple(text for text in SURREY_INTRO[1:] if "new agreement" not in text)  # the cancellation rules


RESCHEDULED = "Rescheduled as soon as possible, but no later than 2 weeks from the date of cancellation"
ABSENT = (
    "If the supervisor is absent from work for more than 2 weeks, the supervisor’s manager must ensure "
    "that effective arrangements are in place for the supervision"
)


def build() -> DocxDocument:
    doc = new_document(f"Surrey {TITLE.lower()}")
    para(doc, TITLE, bold=True, size=14, align=WD_ALIGN_PARAGRAPH.CENTER, after_pt=4)
    para(doc, "Cancellations", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after_pt=12)
    _names(doc)
    blank(doc, after_pt=6)
    for text in INTRO:
        para(doc, text)
    grid = table(doc, MAIN_CM)
    section_row(grid, "1. Cancellations")
    _question(grid, "Date of planned supervision", "planned_date", height_cm=0.8)
    _question(grid, "Date of cancellation", "cancelled_date", height_cm=0.8)
    _question(grid, "Cancelled by", "cancelled_by|checkboxes")
    _question(grid, "Reason for cancellation", "reason", height_cm=TALL_CM)
    section_row(grid, "2. Rescheduled")
    _question(grid, RESCHEDULED, "rearranged_date")
    _question(grid, ABSENT, "cover_arrangements", height_cm=TALL_CM)
    blank(doc, after_pt=6)
    return doc


def _names(doc: DocxDocument) -> None:
    grid = table(doc, NAME_CM)
    for text, path in (
        ("Name of supervisor", "supervisor.name"),
        ("Name of staff member", "supervisee.name"),
    ):
        cells = row(grid, min_height_cm=0.8, keep_whole=True)
        label(cells[0], text)
        cell_field(cells[1], path)


def _question(grid: Table, text: str, path: str, *, height_cm: float = ANSWER_HEIGHT_CM) -> None:
    cells = row(grid, min_height_cm=height_cm, keep_whole=True)
    label(cells[0], text)
    cell_field(cells[1], path)
