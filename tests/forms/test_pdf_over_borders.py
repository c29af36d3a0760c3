"""A date typed over a label in a table's left cell, running past the cell's right
border: it stays in its own cell, apart from the name that wraps in the next cell, and is
read as the answer to the label it was typed over."""

from __future__ import annotations

import datetime

from supervision_forms import PackRegistry, parse

from .pdfkit import Rule, Text, cell, pdf

NAMES: list[Text | Rule] = [
    Text(60, 100, "Name Supervisee: Jane Smith"),
    Text(60, 120, "Name Supervisor/Manager: Tom Jones"),
]


def _signatures() -> list[Text | Rule]:
    # the date runs from x 59.9 to 159, past the border at 157.5; the name's cell starts at 161
    return [
        *NAMES,
        Text(60, 400, "Parties to the Contract:"),
        *(r for x0, x1 in ((55, 157.5), (157.5, 300), (300, 450)) for r in cell(x0, 410, x1, 436)),
        *(r for x0, x1 in ((55, 157.5), (157.5, 300), (300, 450)) for r in cell(x0, 436, x1, 480)),
        Text(161, 424, "Supervisee Jane Smith"),
        Text(305, 424, "Date: 30/09/25"),
        Text(161, 449, "Supervisor Tom"),
        Text(305, 449, "Date: 03/10/25"),
        Text(60, 462, "Next review:"),
        Text(161, 462, "Pryce-Jones"),
        Text(60, 500, "Note: the agreement is reviewed every year."),
        Text(59.9, 462, "Tue 11 August 2026"),  # (typed over the label, a little left, drawn last)
    ]


def it_wraps_a_name_in_its_cell_past_a_date_run_over_the_border_beside_it(packs: PackRegistry) -> None:
    result = parse(pdf([_signatures()]), pack="sefton", document="agreement", packs=packs)
    assert result.data.signatures.supervisor.name == "Tom Pryce-Jones"  # type: ignore[attr-defined]


def it_reads_a_date_typed_over_its_reworded_label(packs: PackRegistry) -> None:
    result = parse(pdf([_signatures()]), pack="sefton", document="agreement", packs=packs)
    assert result.data.review_date == datetime.date(2026, 8, 11)  # type: ignore[attr-defined]
