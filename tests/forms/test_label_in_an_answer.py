"""A typed line that starts with a label's words and goes on to a colon of its own is
part of an answer, not that label reworded: "Review date for this point:" is not "Date of Review"."""

from __future__ import annotations

import datetime

from docx.document import Document as DocxDocument

from supervision_forms import PackRegistry

from .kit import document, read, table


def _form(doc: DocxDocument) -> None:
    doc.add_paragraph("KEY TASKS OF SUPERVISEE:")
    doc.add_paragraph("Twelve looked-after children.")
    doc.add_paragraph("Review date for this point: after three months.")
    table(doc, [["Month", "Date"], ["January", "12/01/2026"]])
    doc.add_paragraph("Date of next review: 2/11/26")


def it_keeps_a_typed_line_that_starts_with_a_label_s_words_in_its_answer(packs: PackRegistry) -> None:
    result = read(document(_form), packs.get("sefton"))
    data = result.data
    assert data.key_tasks == "Twelve looked-after children.\nReview date for this point: after three months."  # type: ignore[attr-defined]
    assert data.review_date == datetime.date(2026, 11, 2)  # type: ignore[attr-defined]
