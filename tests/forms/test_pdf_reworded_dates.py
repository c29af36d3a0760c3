"""PDF: a date label an older edition words its own way ("Next review:"), found between
the labels around it in the form's order: in a cell left of the label before it in
reading order, or with its date on the line under it in its cell, wrapped on to the
cell's start, or typed higher beside it; a date after a label wrapped in its cell."""

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


def _below_the_table(review: list[Text]) -> list[Text | Rule]:
    """The signature table run on lower, the review date's label and date in its last row."""
    page = [i for i in _signed(review) if not (isinstance(i, Rule) and i.y0 == i.y1 == 484)]
    return [*page, Rule(55, 510, 500, 510), Rule(55, 484, 55, 510), Rule(170, 484, 170, 510)]


def it_finds_a_reworded_date_label_by_its_date_wrapped_on_to_the_start_of_its_cell(
    packs: PackRegistry,
) -> None:
    page = _below_the_table(
        [Text(60, 492, "Next review:"), Text(134, 492, "8"), Text(60, 505, "OCTOBER 2026")]
    )
    result = parse(pdf([page]), pack="sefton", document="agreement", packs=packs)
    assert result.data.review_date == datetime.date(2026, 10, 8)  # type: ignore[attr-defined]


def it_finds_a_reworded_date_label_by_its_date_typed_higher_beside_it(packs: PackRegistry) -> None:
    page = _below_the_table([Text(140, 492, "08/10/26"), Text(60, 504, "Next review:")])
    result = parse(pdf([page]), pack="sefton", document="agreement", packs=packs)
    assert result.data.review_date == datetime.date(2026, 10, 8)  # type: ignore[attr-defined]


def it_reads_a_date_after_the_last_line_of_its_label_wrapped_in_its_cell(packs: PackRegistry) -> None:
    page = _below_the_table([Text(60, 492, "Date of"), Text(60, 505, "Review:"), Text(110, 505, "08/10/26")])
    result = parse(pdf([page]), pack="sefton", document="agreement", packs=packs)
    assert result.data.review_date == datetime.date(2026, 10, 8)  # type: ignore[attr-defined]
