"""PDF lines that start anew though the line above had no room left: after a printed
title set across the page, a label worded an older edition's way starts its line."""

from __future__ import annotations

from supervision_forms import PackRegistry, parse

from .pdfkit import Rule, Text, cell, pdf

TITLE = Text(60, 60, "Appendix 1 - SEFTON COUNCIL CHILDREN'S SERVICES SUPERVISION AGREEMENT", size=12)
PARTIES: list[Text | Rule] = [  # the signature table, its labels in cells of their own
    Text(60, 412, "Parties to the Contract:"),
    Text(175, 432, "Supervisee"),
    Text(305, 432, "Date: 30/09/25"),
    Text(175, 452, "Supervisor"),
    Text(305, 452, "Date: 03/10/25"),
    *(
        r
        for top in (400, 420, 440)
        for x0, x1 in ((55, 170), (170, 300), (300, 500))
        for r in cell(x0, top, x1, top + 20)
    ),
]


def it_finds_a_reworded_label_on_the_line_after_a_title_set_across_the_page(packs: PackRegistry) -> None:
    page: list[Text | Rule] = [
        TITLE,
        *PARTIES,
        Text(60, 80, "Supervisee's name Jane Smith"),
        Text(60, 100, "SUPERVISOR'S NAME: Tom Jones"),
        Text(60, 120, "KEY TASKS OF SUPERVISEE:"),
        Text(60, 133, "Casework with children in care."),
    ]
    result = parse(pdf([page]), pack="sefton", document="agreement", packs=packs)
    assert result.data.supervisee.name == "Jane Smith"  # type: ignore[attr-defined]


def it_takes_no_label_from_a_line_an_answer_ran_onto(packs: PackRegistry) -> None:
    # the same words at the start of a line an answer (not the form's text) wrapped onto
    page: list[Text | Rule] = [
        TITLE,
        *PARTIES,
        Text(60, 80, "SUPERVISOR'S NAME: Tom Jones"),
        Text(60, 100, "KEY TASKS OF SUPERVISEE:"),
        Text(60, 113, "Casework with children in care, checking on the new starter in the team and her"),
        Text(60, 126, "supervisee name badge and training."),
    ]
    result = parse(pdf([page]), pack="sefton", document="agreement", packs=packs)
    assert result.data.supervisee.name is None  # type: ignore[attr-defined]


def it_takes_no_label_the_form_does_not_print_from_an_answer_it_cannot_answer(packs: PackRegistry) -> None:
    # an older edition: "Duration:" typed on the frequency's line; an answer's line starting "Duration:"
    page: list[Text | Rule] = [
        TITLE,
        Text(60, 80, "Name Supervisee: Jane Smith"),
        Text(60, 100, "Name Supervisor/Manager: Tom Jones"),
        Text(60, 140, "Frequency of supervision: every 6 weeks Duration: 60 mins"),
        Text(70, 180, "As supervisor I am responsible for ......................................"),
        Text(60, 200, "Signing off assessments within the timescales."),
        Text(60, 213, "Duration: longer sessions when court work is heavy."),
        Text(70, 240, "As supervisee I am responsible for ......................................"),
        Text(60, 260, "Keeping chronologies current."),
        *PARTIES,
    ]
    result = parse(pdf([page]), pack="sefton", document="agreement", packs=packs)
    data = result.data
    assert data.duration_minutes == 60  # type: ignore[attr-defined]
    assert data.expectations.supervisor_responsible_for.endswith("court work is heavy.")  # type: ignore[attr-defined]


def it_reads_an_answer_on_to_its_list_item_s_hanging_indent(packs: PackRegistry) -> None:
    # "a) What …" in one piece; the item's next lines set in at the list's tab stop, as "b)" shows
    page: list[Text | Rule] = [
        TITLE,
        Text(60, 80, "Name Supervisee: Jane Smith"),
        Text(60, 100, "Name Supervisor/Manager: Tom Jones"),
        Text(60, 200, "a) What I want from you as my supervisor Straight answers."),
        Text(80, 213, "Backing in court."),
        Text(60, 226, "b)"),
        Text(80, 226, "What I will contribute as a supervisee Preparation and honest updates."),
        Text(80, 239, "Curiosity about the work."),
        *PARTIES,
    ]
    result = parse(pdf([page]), pack="sefton", document="agreement", packs=packs)
    expectations = result.data.expectations  # type: ignore[attr-defined]
    assert " ".join(expectations.want_from_supervisor.split()) == "Straight answers. Backing in court."
