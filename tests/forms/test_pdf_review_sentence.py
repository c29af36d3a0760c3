"""A review date written as a sentence under the form's printed review line, in its cell
("To be reviewed on Wed 18 February 2026"): the words before the date are its label."""

from __future__ import annotations

import datetime

from supervision_forms import PackRegistry, parse

from .pdfkit import Rule, Text, cell, pdf


def _form(sentence: str) -> list[Text | Rule]:
    return [
        Text(60, 100, "Staff member"),
        Text(230, 100, "Jane Smith"),
        Text(60, 120, "Manager"),
        Text(230, 120, "Tom Jones"),
        *cell(55, 300, 215, 340),
        *cell(215, 300, 465, 340),  # (the printed line fills its cell: no room left on it)
        Text(60, 312, "Review"),
        Text(220, 312, "This agreement will be reviewed at least annually"),
        Text(220, 325, sentence),
        *cell(55, 340, 215, 360),
        *cell(215, 340, 465, 360),
        Text(60, 352, "Signed manager"),
        Text(220, 352, "Tom Jones"),
    ]


def it_reads_a_review_date_written_as_a_sentence_under_the_printed_review_line(packs: PackRegistry) -> None:
    result = parse(pdf([_form("To be reviewed on Wed 18 February 2026")]), pack="portsmouth", packs=packs)
    assert result.data.review_date == datetime.date(2026, 2, 18)  # type: ignore[attr-defined]
    assert any(w.field == "review_date" and "loosely" in w.message for w in result.warnings)


def it_takes_no_sentence_going_on_past_its_date_for_a_label(packs: PackRegistry) -> None:
    result = parse(
        pdf([_form("To be reviewed on Wed 18 February 2026 if the team changes")]),
        pack="portsmouth",
        packs=packs,
    )
    assert result.data.review_date is None  # type: ignore[attr-defined]
