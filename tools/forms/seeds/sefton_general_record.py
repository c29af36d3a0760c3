"""Sefton Council Children's Services: the welfare supervision record (seed 002).

Sefton's agreement names the record ("Welfare supervision records will be held and stored
safely on Sharepoint") and what a meeting covers: performance management, professional
development, and welfare and support issues. This form follows the agreement's plain style:
bold capitals for headings, the agreement's words as labels, the answer after each label.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument

from .common import (
    DOTS,
    HEADING_FILL,
    TEXT_WIDTH_CM,
    Bold,
    Field,
    blank,
    cell_text,
    empty_rows,
    heading,
    new_document,
    para,
    row,
    table,
)
from .sefton import parties

TITLE = "Sefton Council welfare supervision record"
ACTIONS_CM = (8.0, 4.0, TEXT_WIDTH_CM - 12.0)
RECORDING = (
    "The record will be shared within 5 working days and will be signed by both parties once agreed as an "
    "accurate record."
)
SECTIONS = (
    ("1. Performance Management discussions", (("Activities undertaken", "workload"),)),
    (
        "2. Professional Development discussions",
        (
            (
                "Training requirements (and formal completion of Performance Development Plans and Reviews)",
                "training",
            ),
        ),
    ),
    (
        "3. Welfare/Support Issues",
        (
            ("Stress-related issues", "wellbeing"),
            ("Absence(s) from work", "absence"),
            ("Health and Safety", "health_and_safety"),
            ("Annual Leave", "leave"),
        ),
    ),
)


def build() -> DocxDocument:
    doc = new_document(TITLE)
    para(doc, "SEFTON COUNCIL CHILDREN’S SERVICES", bold=True, size=12, after_pt=0)
    para(doc, "WELFARE SUPERVISION RECORD", bold=True, size=12)
    blank(doc, after_pt=6)
    para(doc, Bold("Name Supervisee: "), Field("supervisee.name", DOTS))
    para(doc, Bold("Name Supervisor/Manager: "), Field("supervisor.name", DOTS))
    para(doc, Bold("Date: "), Field("date", DOTS))
    para(doc, Bold("The supervision meeting: "), Field("duration_minutes", DOTS), " minutes", after_pt=12)
    heading(doc, "AGENDA:")
    blank(doc, after_pt=0)  # room to write the agenda
    blank(doc, after_pt=12)
    heading(doc, "THE SUPERVISION MEETING:")
    for title, items in SECTIONS:
        para(doc, title, bold=True, keep_with_next=True)
        for text, path in items:
            para(doc, Bold(f"{text}: "), Field(path, DOTS), after_pt=8)
    blank(doc, after_pt=6)
    _actions(doc)
    para(doc, "Any particular focus for the next session will be noted", keep_with_next=True)
    para(doc, Bold("Next session: "), Field("next_session_date", DOTS), after_pt=12)
    para(doc, RECORDING)
    para(doc, Bold("Shared: "), Field("shared_date", DOTS), after_pt=12)
    parties(doc, "Signed by both parties")
    return doc


def _actions(doc: DocxDocument) -> None:
    heading(doc, "ACTIONS:")
    grid = table(doc, ACTIONS_CM)
    for cell, name in zip(row(grid, keep_whole=True), ("Action", "Who", "By when"), strict=True):
        cell_text(cell, name, bold=True, fill_hex=HEADING_FILL)
    empty_rows(grid, 6)
    blank(doc, after_pt=12)
