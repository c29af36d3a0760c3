"""PDF: a line drawn under a line's words (an underline, as a tracked insertion prints) is
no border between the lines of a drawn cell: a name that wrapped on underlined is one
answer."""

from __future__ import annotations

import datetime

from supervision_forms import PackRegistry, parse

from .pdfkit import Rule, Text, cell, pdf, width

NAMES: list[Text | Rule] = [
    Text(60, 100, "Name Supervisee: Jane Smith"),
    Text(60, 120, "Name Supervisor/Manager: Tom Jones"),
]


def _underlined(x: float, y: float, text: str) -> list[Text | Rule]:
    """A line of text and its underline, run on under the space after it, as Word and
    LibreOffice draw a tracked insertion."""
    return [Text(x, y, text), Rule(x - 0.5, y + 1.5, x + width(text) + 4.0, y + 1.5)]


def _parties(*, underlined: bool) -> list[Text | Rule]:
    """Sefton's signature table, the supervisor's name wrapped in its cell."""
    lines = [(175, 452, "Tom Oluwaseun Adebayo"), (175, 465, "Featherstonehaugh")]
    typed = [
        item
        for x, y, text in lines
        for item in (_underlined(x, y, text) if underlined else [Text(x, y, text)])
    ]
    rows = ((400, 420), (420, 440), (440, 484))
    return [
        Text(60, 412, "Parties to the Contract:"),
        Text(60, 432, "Supervisee"),
        Text(175, 432, "Jane Smith"),
        Text(305, 432, "Date: 30/09/25"),
        Text(60, 452, "Supervisor"),
        Text(305, 452, "Date: 03/10/25"),
        *typed,
        *(
            r
            for top, bottom in rows
            for x0, x1 in ((55, 170), (170, 300), (300, 500))
            for r in cell(x0, top, x1, bottom)
        ),
    ]


def it_reads_an_underlined_name_wrapped_in_its_cell_whole(packs: PackRegistry) -> None:
    for underlined in (False, True):
        result = parse(
            pdf([[*NAMES, *_parties(underlined=underlined)]]),
            pack="sefton",
            document="agreement",
            packs=packs,
        )
        supervisor = result.data.signatures.supervisor  # type: ignore[attr-defined]
        assert (supervisor.name, supervisor.date) == (
            "Tom Oluwaseun Adebayo Featherstonehaugh",
            datetime.date(2025, 10, 3),
        ), underlined
