"""PDF: a date label an older edition words its own way ("Next review:"), found between
the labels around it in the form's order: in a cell left of the label before it in
reading order, or with its date on the line under it in its cell."""

from __future__ import annotations

import datetime

from supervision_forms import PackRegistry, parse

from .pdfkit import Rule, Text, cell, pdf

NAMES: list[Text | Rule] = [
    Text(60, 100, "Name Supervisee: Jane Smith"),
    Text(60, 120, "Name Supervisor/Manager: Tom Jones"),
]


def _signed(review: list[Text]) -> list[Text | Rule]:
    """An older edition's signature table: the review date's label in the left cell of a
    row, worded its own way."""
    return [
        *NAMES,
        Text(60, 412, "Parties to the Contract:"),
        Text(175, 432, "Supervisee Jane Smith"),
        Text(305, 432, "Date: 30/09/25"),
        Text(175, 452, "Supervisor Tom Jones"),
        Text(305, 452, "Date: 03/10/25"),
        *review,
        *(
            r
            for top, bottom in ((400, 420), (420, 440), (440, 484))
            for x0, x1 in ((55, 170), (170, 300), (300, 500))
            for r in cell(x0, top, x1, bottom)
        ),
    ]


def it_finds_a_reworded_date_label_left_of_the_signature_before_it(packs: PackRegistry) -> None:
    page = _signed([Text(60, 452, "Next review: 08/10/26")])
    result = parse(pdf([page]), pack="sefton", document="agreement", packs=packs)
    assert result.data.review_date == datetime.date(2026, 10, 8)  # type: ignore[attr-defined]


def it_finds_a_reworded_date_label_by_the_date_under_it_in_its_cell(packs: PackRegistry) -> None:
    page = _signed([Text(60, 472, "Next review:"), Text(60, 485, "08/10/26")])
    page = [i for i in page if not (isinstance(i, Rule) and i.y0 == i.y1 == 484)]  # (the table ends lower)
    page += [Rule(55, 496, 500, 496)]
    result = parse(pdf([page]), pack="sefton", document="agreement", packs=packs)
    assert result.data.review_date == datetime.date(2026, 10, 8)  # type: ignore[attr-defined]
