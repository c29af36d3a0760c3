"""PDF answers in drawn cells and typeset columns: an answer under its label set in from
the cell's edge; a name wrapped at its hyphen beside another cell's label; a date wrapped
from a line's end to the start of the next; a signature's date near a name label an older
edition words its own way; a short printed phrase ending an answer run onto it; options
whose tick boxes a producer dropped; a label's word inside printed prose drawn word by word."""

from __future__ import annotations

import datetime

from supervision_forms import PackRegistry, parse
from supervision_forms.reading.ticks import untick_options
from supervision_forms.reading.unwrap import Line, wraps

from .pdfkit import Rule, Text, cell, pdf

SEFTON_NAMES: list[Text | Rule] = [
    Text(60, 100, "Name Supervisee: Jane Smith"),
    Text(60, 120, "Name Supervisor/Manager: Tom Pryce-Jones"),
]


def _parties(*, inner_borders: bool) -> list[Text | Rule]:
    """Sefton's signature table: the review date's label left of the supervisor's row,
    its date under it, set in; the supervisor's name wrapped at its hyphen beside it."""
    items: list[Text | Rule] = [
        Text(60, 412, "Parties to the Contract:"),
        Text(175, 432, "Supervisee Jane Smith"),
        Text(305, 432, "Date: 30/09/25"),
        Text(175, 452, "Supervisor Tom Pryce-"),
        Text(305, 452, "Date: 03/10/25"),
        Text(60, 465, "Date of Review:"),
        Text(175, 465, "Jones"),
        Text(95, 478, "04-10-2026"),
    ]
    if not inner_borders:  # (a typesetter's table: one cell, the name's line filled by its date)
        return [*items, *cell(55, 400, 500, 484)]
    rows = ((400, 420), (420, 440), (440, 484))
    return items + [
        r
        for top, bottom in rows
        for x0, x1 in ((55, 170), (170, 300), (300, 500))
        for r in cell(x0, top, x1, bottom)
    ]


def it_reads_a_date_set_in_under_its_label_and_a_name_wrapped_at_its_hyphen_beside_it(
    packs: PackRegistry,
) -> None:
    result = parse(pdf([[*SEFTON_NAMES, *_parties(inner_borders=True)]]), pack="sefton", packs=packs)
    assert result.data.review_date == datetime.date(2026, 10, 4)  # type: ignore[attr-defined]
    assert result.data.signatures.supervisor.name == "Tom Pryce-Jones"  # type: ignore[attr-defined]


def it_takes_no_line_under_a_label_for_the_wrap_of_a_piece_with_text_after_it(packs: PackRegistry) -> None:
    page = [*SEFTON_NAMES, *_parties(inner_borders=False)]
    page = [i for i in page if not (isinstance(i, Text) and i.text in ("Jones", "Supervisor Tom Pryce-"))]
    page.append(Text(175, 465, "Supervisor Tom Jones"))  # (on the review label's line, a date after it)
    page = [
        Text(345, 465, "Date: 03/10/25") if isinstance(i, Text) and i.text == "Date: 03/10/25" else i
        for i in page
    ]
    result = parse(pdf([page]), pack="sefton", document="agreement", packs=packs)
    assert result.data.review_date == datetime.date(2026, 10, 4)  # type: ignore[attr-defined]
    assert result.data.signatures.supervisor.name == "Tom Jones"  # type: ignore[attr-defined]


def it_finds_a_signature_s_date_near_a_name_label_worded_its_own_way(packs: PackRegistry) -> None:
    # the name typed into the label's first line; the date wrapped from the line's end
    page: list[Text | Rule] = [
        Text(60, 100, "Name of supervisor: Tom Jones"),
        Text(60, 120, "Name of staff member: Jane Smith"),
        *cell(55, 390, 540, 436),
        Text(60, 400, "Signature of Tom Jones"),
        Text(60, 413, "supervisor:"),
        Text(460, 413, "Date: 30"),
        Text(60, 426, "DECEMBER 2025"),
    ]
    result = parse(pdf([page]), pack="surrey", packs=packs)
    assert result.data.signatures.supervisor.date == datetime.date(2025, 12, 30)  # type: ignore[attr-defined]


def it_reads_a_review_date_whose_label_shares_one_word_with_the_form_s(packs: PackRegistry) -> None:
    page: list[Text | Rule] = [
        *SEFTON_NAMES,
        Text(60, 140, "KEY TASKS OF SUPERVISEE:"),
        Text(60, 153, "Casework with children in care."),
        Text(60, 400, "Next review: 26th Sep. 2026"),
    ]
    result = parse(pdf([page]), pack="sefton", document="agreement", packs=packs)
    assert result.data.review_date == datetime.date(2026, 9, 26)  # type: ignore[attr-defined]
    assert any(w.field == "review_date" and "loosely" in w.message for w in result.warnings)


def it_reads_an_answer_to_its_end_on_a_short_line_the_form_also_prints(packs: PackRegistry) -> None:
    # a typesetter's table: one wide cell, the answer set in a narrower column than it
    page: list[Text | Rule] = [
        Text(60, 100, "Supervisor: Tom Jones"),
        Text(60, 120, "Supervisee: Jane Smith"),
        *cell(55, 190, 540, 270),
        Text(60, 200, "Availability of manager for management oversight outside of formal supervision and"),
        Text(60, 213, "how this will be recorded"),
        Text(60, 226, "Out of hours, the duty manager decides and"),
        Text(60, 239, "emails me; I will add a note to the"),
        Text(60, 252, "child's record."),
    ]
    result = parse(pdf([page]), pack="surrey", packs=packs)
    assert " ".join(result.data.management_availability.split()) == (  # type: ignore[attr-defined]
        "Out of hours, the duty manager decides and emails me; I will add a note to the child's record."
    )


def it_reads_the_options_cell_beside_a_label_cell_whole(packs: PackRegistry) -> None:
    # "Other" in a cell of its own, left of where the first option's text starts
    page: list[Text | Rule] = [
        Text(60, 100, "Supervisor: Tom Jones"),
        Text(60, 120, "Supervisee: Jane Smith"),
        *cell(55, 190, 250, 222),
        *cell(250, 190, 540, 206),
        *cell(250, 206, 290, 222),
        *cell(290, 206, 540, 222),
        Text(60, 200, "Supervision"),
        Text(275, 200, "Every 2 weeks    Every 4 weeks    Every 6 weeks"),
        Text(60, 216, "Frequency and duration?"),
        Text(255, 216, "Other"),
        Text(295, 216, "Duration: 60 mins"),
    ]
    result = parse(pdf([page]), pack="surrey", packs=packs)
    assert result.data.duration_minutes == 60  # type: ignore[attr-defined]
    assert result.data.frequency.description is None  # type: ignore[attr-defined]


def it_leaves_options_printed_side_by_side_without_tick_boxes_unread(packs: PackRegistry) -> None:
    page: list[Text | Rule] = [
        *SEFTON_NAMES,
        Text(
            60, 200, "Method of recording the session will be by handwritten notes typed notes the electronic"
        ),
        Text(60, 213, "record and the person responsible for recording the session will be the supervisor."),
    ]
    result = parse(pdf([page]), pack="sefton", document="agreement", packs=packs)
    assert result.data.recording.method is None  # type: ignore[attr-defined]
    assert any(w.field == "recording.method" and "tick box" in w.message for w in result.warnings)


def it_tells_a_row_of_options_from_an_answer() -> None:
    assert untick_options("handwritten notes typed notes the electronic record")
    assert untick_options("Every 2 weeks Every 4 weeks Every 6 weeks")
    for answer in (
        "typed notes",
        "the team and the manager",
        "notes, typed notes",
        "Weekly catch ups and weekly supervision",
    ):
        assert not untick_options(answer)


def it_takes_no_word_of_printed_prose_drawn_word_by_word_for_a_label(packs: PackRegistry) -> None:
    words = ["a)", "What", "I", "want", "from", "you", "as", "my", "supervisor"]
    page: list[Text | Rule] = [*SEFTON_NAMES]
    page += [Text(60 + 40 * n, 200, word) for n, word in enumerate(words)]
    page += [
        Text(60, 420, "Parties to the Contract:"),
        Text(60, 440, "Jane Smith"),
        Text(180, 440, "Supervisee"),
        Text(360, 440, "Date: 15 November 2025"),
        Text(60, 453, "Tom Pryce-Jones"),
        Text(180, 453, "Supervisor"),
        Text(360, 453, "Date: 28 November 2025"),
        *cell(55, 410, 540, 460),
    ]
    result = parse(pdf([page]), pack="sefton", document="agreement", packs=packs)
    assert result.data.signatures.supervisee.name == "Jane Smith"  # type: ignore[attr-defined]
    assert result.data.signatures.supervisor.name == "Tom Pryce-Jones"  # type: ignore[attr-defined]


def it_joins_lines_a_bold_word_s_taller_box_sets_further_apart_at_the_top() -> None:
    upper = Line("Supervisor Tom Pryce-", room=2.0, lead=30.0, top=597.1, size=11.0, bottom=611.5)
    lower = Line("Jones", room=130.0, lead=27.0, top=613.1, size=11.0, bottom=624.1)
    assert wraps(upper, lower)
    assert not wraps(upper, Line("Jones", room=130.0, lead=27.0, top=620.0, size=11.0, bottom=631.0))
