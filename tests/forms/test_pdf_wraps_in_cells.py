"""PDF answers in drawn cells never wrap into another row: not over a page break into
the next row's cell (its label under this row's), nor into a cell below on the same page
whose border was not found between the lines."""

from __future__ import annotations

from supervision_forms import PackRegistry, parse

from .pdfkit import Rule, Text, cell, pdf

NAMES: list[Text | Rule] = [
    Text(60, 100, "Name Supervisee: Jane Smith"),
    Text(60, 120, "Name Supervisor/Manager: Tom Jones"),
]


def _row(top: float, name: str, label: str, date: str) -> list[Text | Rule]:
    """A row of the signature table: the name filling its narrow cell, the label, the date."""
    return [
        Text(60, top + 14, name),
        Text(135, top + 14, label),
        Text(255, top + 14, date),
        *(r for x0, x1 in ((55, 125), (125, 250), (250, 400)) for r in cell(x0, top, x1, top + 32)),
    ]


def it_wraps_no_name_over_a_page_break_into_the_next_row(packs: PackRegistry) -> None:
    first: list[Text | Rule] = [
        *NAMES,
        Text(60, 770, "Parties to the Contract:"),
        *_row(780, "Jane Smith", "Supervisee", "Date: 30/09/25"),
    ]
    second: list[Text | Rule] = [
        *_row(40, "Tom Pryce-", "Supervisor", "Date: 03/10/25"),
        Text(60, 67, "Jones"),
        Text(60, 120, "To be reviewed on: 04/10/2026"),
    ]
    result = parse(pdf([first, second]), pack="sefton", document="agreement", packs=packs)
    signatures = result.data.signatures  # type: ignore[attr-defined]
    assert signatures.supervisee.name == "Jane Smith"
    assert signatures.supervisor.name == "Tom Pryce-Jones"


def it_wraps_no_name_into_the_cell_below_where_the_lines_boxes_overlap_its_border(
    packs: PackRegistry,
) -> None:
    # the label set a little lower than the name: its line's box reaches over the border under the
    # name; the cell under it holds the next row's writing
    page: list[Text | Rule] = [
        *NAMES,
        Text(60, 400, "Parties to the Contract:"),
        Text(60, 424, "Jane Smith"),
        Text(135, 427, "Supervisee"),
        Text(255, 427, "Date: 30/09/25"),
        Text(60, 439, "Tom Jones"),
        *cell(55, 410, 125, 428),
        *cell(55, 428, 125, 446),
        *cell(125, 410, 250, 446),
        *cell(250, 410, 400, 446),
        Text(60, 480, "To be reviewed on: 04/10/2026"),
    ]
    result = parse(pdf([page]), pack="sefton", document="agreement", packs=packs)
    assert result.data.signatures.supervisee.name == "Jane Smith"  # type: ignore[attr-defined]
