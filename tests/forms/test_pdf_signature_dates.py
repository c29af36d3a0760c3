"""A signature's date written on a line of its own under the name, in the name's drawn
cell, with the form's own date cell left empty: it is the signature's date (the name's
line had room for it: the date was put on a new line, not wrapped)."""

from __future__ import annotations

import datetime

import pytest

from supervision_forms import PackRegistry, parse

from .pdfkit import Rule, Text, cell, pdf


def _signature_rows(under: str) -> list[Text | Rule]:
    items: list[Text | Rule] = [
        Text(60, 100, "Staff member"),
        Text(230, 100, "Jane Smith"),
        Text(60, 150, "Signed manager"),
        Text(230, 150, "Eluned Wisniewska"),
        Text(230, 163, under),
        Text(405, 150, "Date"),
        Text(60, 200, "Signed staff member"),
        Text(230, 200, "Jane Smith"),
        Text(405, 200, "Date"),
        Text(465, 200, "15-04-2025"),
    ]
    for top, bottom in ((140, 172), (172, 210)):
        for left, right in ((55, 225), (225, 400), (400, 460), (460, 560)):
            items.extend(cell(left, top, right, bottom))
    return items


def it_reads_a_signature_s_date_written_under_the_name_in_its_cell(packs: PackRegistry) -> None:
    result = parse(
        pdf([_signature_rows("Date: 04/05/26")]), pack="portsmouth", document="agreement", packs=packs
    )
    signature = result.data.signatures.supervisor  # type: ignore[attr-defined]
    assert signature.name == "Eluned Wisniewska"
    assert signature.date == datetime.date(2026, 5, 4)


def it_leaves_a_line_under_the_name_without_a_date_out_of_it(packs: PackRegistry) -> None:
    result = parse(
        pdf([_signature_rows("Team manager")]), pack="portsmouth", document="agreement", packs=packs
    )
    signature = result.data.signatures.supervisor  # type: ignore[attr-defined]
    assert signature.name == "Eluned Wisniewska"
    assert signature.date is None


def _sefton_signature_row(name: str, date: str, under: str) -> list[Text | Rule]:
    """A signature row drawn without upright borders (one cell): the name, the date beside
    it, and a line under the name's start."""
    return [
        Text(60, 100, "Name Supervisee: Jane Smith"),
        Text(60, 115, "Name Supervisor/Manager: Tom Jones"),
        Rule(55, 300, 540, 300),
        Text(180, 315, name),
        Text(365, 315, date),
        Text(180, 329, under),
        Rule(55, 340, 540, 340),
    ]


def it_leaves_a_name_s_wrapped_line_to_the_name_not_the_date_beside_it(packs: PackRegistry) -> None:
    # a row drawn without upright borders (one cell): the name wraps under its own start,
    # not under the date at the end of the line
    page = _sefton_signature_row("Supervisee Marie-Claire", "Date: 24 NOVEMBER 2025", "Pryce-Jones")
    result = parse(pdf([page]), pack="sefton", document="agreement", packs=packs)
    signature = result.data.signatures.supervisee  # type: ignore[attr-defined]
    assert signature.name == "Marie-Claire Pryce-Jones"
    assert signature.date == datetime.date(2025, 11, 24)


@pytest.mark.parametrize("uprights", [True, False])
def it_reads_a_date_set_centred_over_two_lines_beside_its_label(packs: PackRegistry, uprights: bool) -> None:
    # the row is two lines tall; the label sits on the lower one, the date starts a line higher
    page: list[Text | Rule] = [
        Text(60, 100, "Staff member"),
        Text(230, 100, "Jane Smith"),
        Text(60, 163, "Signed manager"),
        Text(230, 163, "Tom Jones"),
        Text(405, 163, "Date"),
        Text(465, 150, "Wed 10"),
        Text(465, 163, "December 2025"),
    ]
    for left, right in ((55, 225), (225, 400), (400, 460), (460, 545)) if uprights else [(55, 545)]:
        page.extend(cell(left, 138, right, 172))
    result = parse(pdf([page]), pack="portsmouth", document="agreement", packs=packs)
    assert result.data.signatures.supervisor.date == datetime.date(2025, 12, 10)  # type: ignore[attr-defined]


def it_wraps_a_date_to_its_cell_s_start_under_a_name_that_had_room_left(packs: PackRegistry) -> None:
    # the line under starts under the name, but the name's line had room for it: it is the
    # date's year wrapped from the end of the line
    page = _sefton_signature_row("Supervisee Jane Smith", "Date: 24 November", "2025")
    result = parse(pdf([page]), pack="sefton", document="agreement", packs=packs)
    signature = result.data.signatures.supervisee  # type: ignore[attr-defined]
    assert signature.name == "Jane Smith"
    assert signature.date == datetime.date(2025, 11, 24)


def it_finds_a_signature_s_date_label_on_a_line_of_its_own_under_the_name_in_its_cell(
    packs: PackRegistry,
) -> None:
    # the label wrapped over two lines, the name under it and "Date:" under the name, all at
    # the cell's left edge (a browser's print of the Surrey form)
    page: list[Text | Rule] = [
        Text(62, 100, "Name of supervisor"),
        Text(62, 114, "Tom Jones"),
        *cell(56, 280, 540, 350),
        Text(62, 295, "Signature of", 10),
        Text(62, 308, "supervisor:", 10),
        Text(62, 321, "Micheal Fitzpatrick-Ojo", 10),
        Text(62, 334, "Date: 08-06-2025", 10),
    ]
    signed = parse(pdf([page]), pack="surrey", packs=packs).data.signatures.supervisor  # type: ignore[attr-defined]
    assert (signed.name, signed.date) == ("Micheal Fitzpatrick-Ojo", datetime.date(2025, 6, 8))
