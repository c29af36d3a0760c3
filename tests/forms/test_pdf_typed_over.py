"""A name typed over a printed label (the same place on the page, runs of text overlapping)
stays apart from the label: each word carries on the run the PDF drew it with."""

from __future__ import annotations

import datetime

import pytest

from supervision_forms import PackRegistry, parse

from .pdfkit import Rule, Text, cell, pdf, width


@pytest.mark.parametrize("name_first", [False, True])
def it_reads_a_name_typed_over_its_label(packs: PackRegistry, name_first: bool) -> None:
    # the name ends nearer the label's last word than the label's own word before it does
    label, name = Text(60, 400, "Signature of supervisee:"), Text(60, 400, "Jane Harper")
    page: list[Text | Rule] = [
        Text(60, 100, "Name of supervisor: Tom Jones"),
        Text(60, 120, "Name of staff member: Jane Harper"),
        *cell(55, 388, 250, 410),
        *cell(250, 388, 540, 410),
        *([name, label] if name_first else [label, name]),
        Text(255, 400, "Date: 30/12/2025"),
    ]
    result = parse(pdf([page]), pack="surrey", packs=packs)
    assert result.data.signatures.supervisee.name == "Jane Harper"  # type: ignore[attr-defined]


def it_never_reads_an_answer_from_its_lines_after_the_first_typed_over_its_label(packs: PackRegistry) -> None:
    # a text box over a label wrapped over two lines: the answer's first line lies over the
    # label's first, and cannot be told from the printed words under it
    page: list[Text | Rule] = [
        Text(60, 100, "Name Supervisee: Jane Smith"),
        Text(60, 115, "Name Supervisor/Manager: Tom Jones"),
        Text(60, 140, "The supervision meeting will take place in privacy and there will only be"),
        Text(60, 154, "interruptions if"),
        Text(60, 140, "a child is missing and a decision is needed now"),
        Text(60, 154, "Duration: longer sessions when court work is"),
        Text(60, 168, "heavy."),
        Text(60, 190, "The frequency of supervision will be Monthly"),
    ]
    result = parse(pdf([page]), pack="sefton", packs=packs)
    assert result.data.interruptions is None  # type: ignore[attr-defined]
    assert any(w.field == "interruptions" for w in result.warnings)
    assert any("a child is missing" in u.text for u in result.unmapped)


@pytest.mark.parametrize("printed", ["Signature of", "Signature of "])
def it_reads_a_name_typed_over_the_end_of_a_label_s_first_line(printed: str, packs: PackRegistry) -> None:
    # the name's text box starts 2.2 pt back over "of" (the PDF glues "ofMicheal" as one
    # word, or keeps the space it drew after "of"); the label's last line is lower in its cell
    page: list[Text | Rule] = [
        Text(62, 100, "Name of supervisor"),
        Text(62, 114, "Tom Jones"),
        *cell(56, 280, 540, 345),
        Text(62, 300, printed, 10),
        Text(round(62 + width("Signature of", 10) - 2.2, 2), 300, "Micheal Fitzpatrick-Ojo", 10),
        Text(62, 330, "supervisor:", 10),
        Text(458, 330, "Date: 08/06/2025", 10),
    ]
    signed = parse(pdf([page]), pack="surrey", packs=packs).data.signatures.supervisor  # type: ignore[attr-defined]
    assert (signed.name, signed.date) == ("Micheal Fitzpatrick-Ojo", datetime.date(2025, 6, 8))
