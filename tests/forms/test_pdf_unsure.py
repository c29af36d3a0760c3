"""PDF answers whose place the drawing settles, and those it does not: never a wrong value.

Each test draws the layout that once gave a plausible wrong value: the geometry either
settles the answer (then it is read whole), or it does not (then the field stays empty,
the text goes to `unmapped` and a warning says why).
"""

from __future__ import annotations

import datetime

from supervision_forms import PackRegistry, parse

from ..ocr.conftest import require_ocr_tools
from .pdfkit import BOX, SQUARE, SQUARED_TIMES, STRAY_FI, Rule, Text, cell, pdf

SEFTON_NAMES: list[Text | Rule] = [
    Text(60, 100, "Name Supervisee: Jane Smith"),
    Text(60, 120, "Name Supervisor/Manager: Tom Jones"),
]


def it_leaves_a_right_hand_answer_empty_when_its_cell_holds_only_the_prompt(packs: PackRegistry) -> None:
    # the label's own cell carries a printed hint this pack does not know, under the label
    page: list[Text | Rule] = [
        Text(60, 100, "Staff member: Jane Smith"),
        *cell(55, 200, 215, 260),
        *cell(215, 200, 540, 260),
        Text(60, 212, "Are there any factors to acknowledge"),
        Text(60, 225, "as relevant to the development of"),
        Text(60, 238, "the supervisory relationship"),
        Text(60, 251, "(for example culture, gender)"),
        Text(220, 212, "To be discussed and recorded by supervisee and supervisor"),
    ]
    result = parse(pdf([page]), pack="portsmouth", packs=packs)
    assert result.data.relationship_factors is None  # type: ignore[attr-defined]


def it_reads_an_answer_set_on_after_the_prompt_wrapped_at_the_top_of_its_cell(packs: PackRegistry) -> None:
    # the prompt's first line is printed text at the top of the answer's cell: not a heading
    page: list[Text | Rule] = [
        Text(60, 100, "Staff member: Jane Smith"),
        *cell(55, 200, 215, 250),
        *cell(215, 200, 540, 250),
        Text(60, 212, "Any other relevant"),
        Text(60, 225, "issues for this"),
        Text(60, 238, "agreement"),
        Text(220, 212, "To be discussed and recorded by supervisee and"),
        Text(220, 225, "supervisor Reasonable adjustments agreed through"),
        Text(220, 238, "occupational health are in place."),
    ]
    result = parse(pdf([page]), pack="portsmouth", packs=packs)
    assert result.data.other_issues == (  # type: ignore[attr-defined]
        "Reasonable adjustments agreed through occupational health are in place."
    )


def it_ends_an_answer_under_its_label_at_a_drawn_row_border(packs: PackRegistry) -> None:
    page: list[Text | Rule] = [
        Text(60, 100, "Name of staff member"),
        Text(60, 114, "Jane Smith"),
        *cell(55, 200, 540, 250),
        *cell(55, 250, 540, 270),
        Text(60, 212, "6. Any other relevant issues for this agreement?"),
        Text(60, 226, "Supervisee is working a four-day week until September."),
        Text(60, 240, "Reasonable adjustments are in place."),
        Text(60, 263, "To be reviewed on: 20th May 2027"),  # an older edition's label, another row
    ]
    result = parse(pdf([page]), pack="surrey", packs=packs)
    assert result.data.other_issues == (  # type: ignore[attr-defined]
        "Supervisee is working a four-day week until September.\nReasonable adjustments are in place."
    )


def it_reads_a_dot_leader_answer_past_a_line_of_dots_alone(packs: PackRegistry) -> None:
    # the gap from the label to the answer is wide only because a line of dots sits between
    page: list[Text | Rule] = [
        *SEFTON_NAMES,
        *(Text(60, 140 + 13 * n, f"Printed paragraph line {n} of the form's own text.") for n in range(6)),
        Text(60, 240, "The supervision meeting will take place in privacy and there will only be"),
        Text(60, 253, "interruptions if"),
        Text(60, 279, "................................................................................"),
        Text(
            60,
            305,
            "a child is missing and a decision is needed now, or the court calls about a hearing that is",
        ),
        Text(60, 318, "listed today"),
        Text(60, 344, "The frequency of supervision will be .......... monthly"),
    ]
    result = parse(pdf([page]), pack="sefton", packs=packs)
    assert result.data.interruptions == (  # type: ignore[attr-defined]
        "a child is missing and a decision is needed now, or the court calls about a hearing "
        "that is listed today"
    )


def it_takes_no_line_of_a_wrapped_sentence_for_a_reworded_label(packs: PackRegistry) -> None:
    # "the review date" says what "Date of Review:" says, but it carries on the line above
    page: list[Text | Rule] = [
        *SEFTON_NAMES,
        Text(
            60,
            200,
            "The supervision meeting will take place in privacy and there will only be interruptions if",
        ),
        Text(
            60,
            214,
            "a child is missing and a decision is needed now, or a court calls; frequency may change; see",
        ),
        Text(60, 228, "the review date below."),
        Text(60, 260, "Next review: 3rd March 2027"),  # (an older edition's label)
    ]
    result = parse(pdf([page]), pack="sefton", packs=packs)
    assert result.data.interruptions == (  # type: ignore[attr-defined]
        "a child is missing and a decision is needed now, or a court calls; frequency may change; see "
        "the review date below."
    )
    assert result.data.review_date != "below."  # type: ignore[attr-defined]


def it_carries_a_signature_name_on_to_its_cell_on_the_next_page(packs: PackRegistry) -> None:
    first: list[Text | Rule] = [
        *SEFTON_NAMES,
        *cell(170, 780, 300, 830),  # a narrow cell: "Briain" has no room after "Dáithí Ó"
        *cell(300, 780, 520, 830),
        Text(175, 820, "Supervisor"),
        Text(250, 820, "Dáithí Ó"),
        Text(305, 820, "Date: 06/11/25"),
    ]
    second: list[Text | Rule] = [
        *cell(170, 40, 300, 60),
        Text(175, 52, "Briain"),
        Text(60, 100, "Date of Review: 3rd March 2027"),
    ]
    result = parse(pdf([first, second]), pack="sefton", packs=packs)
    assert result.data.signatures.supervisor.name == "Dáithí Ó Briain"  # type: ignore[attr-defined]


def it_reads_a_name_and_date_typed_together_over_the_lines_of_their_cell(packs: PackRegistry) -> None:
    page: list[Text | Rule] = [
        Text(60, 100, "Staff member: Jane Smith"),
        *cell(55, 300, 215, 370),
        *cell(215, 300, 315, 370),
        *cell(315, 300, 370, 370),
        *cell(370, 300, 540, 370),
        Text(60, 312, "Signed staff member:"),
        Text(220, 312, "Tomasz"),
        Text(320, 312, "Date:"),
        Text(220, 325, "Fitzpatrick-Ojo"),
        Text(220, 338, "Date: 7"),
        Text(220, 351, "NOVEMBER 2025"),
    ]
    result = parse(pdf([page]), pack="portsmouth", packs=packs)
    signature = result.data.signatures.supervisee  # type: ignore[attr-defined]
    assert (signature.name, signature.date) == ("Tomasz Fitzpatrick-Ojo", datetime.date(2025, 11, 7))


def it_reads_an_answer_typed_after_a_dots_label_that_runs_on_below_it(packs: PackRegistry) -> None:
    # an HTML form printed: the answer box follows the label on its line and wraps to the margin
    page: list[Text | Rule] = [
        *SEFTON_NAMES,
        Text(60, 200, "a) What I want from you as my supervisor"),
        Text(330, 200, "Straight answers and time to think out loud, and"),
        Text(60, 214, "backing in court."),
        Text(60, 240, "b) What I will contribute as a supervisee"),
        Text(60, 260, "The longest printed line of the page runs right out to the page's right margin."),
    ]
    result = parse(pdf([page]), pack="sefton", packs=packs)
    assert result.data.expectations.want_from_supervisor == (  # type: ignore[attr-defined]
        "Straight answers and time to think out loud, and backing in court."
    )


def it_leaves_options_printed_in_columns_after_a_label_unread(packs: PackRegistry) -> None:
    # the tick boxes were lost in printing: which option was chosen is not known
    page: list[Text | Rule] = [
        *SEFTON_NAMES,
        Text(60, 200, "Method of recording the session will be by"),
        Text(290, 200, "handwritten notes"),
        Text(390, 200, "typed notes"),
        Text(460, 200, "the electronic record"),
    ]
    result = parse(pdf([page]), pack="sefton", packs=packs)
    assert result.data.recording.method is None  # type: ignore[attr-defined]


def it_never_takes_text_drawn_above_a_label_s_words_for_its_answer(packs: PackRegistry) -> None:
    # the indented line above is another label's answer; an answer typed higher than its
    # label sits after the label's words, not over them
    page: list[Text | Rule] = [
        *SEFTON_NAMES,
        Text(
            60,
            200,
            "The supervision meeting will take place in privacy and there will only be interruptions if",
        ),
        Text(120, 214, "the court calls about a hearing listed today"),
        Text(60, 230, "The frequency of supervision will be"),
    ]
    result = parse(pdf([page]), pack="sefton", packs=packs)
    assert result.data.frequency.description is None  # type: ignore[attr-defined]


def it_leaves_an_answer_tangled_with_its_label_s_words_unread(packs: PackRegistry) -> None:
    # a text box typed over the label: the two lines' words interleave, each word drawn on
    # its own from left to right (the order they are drawn in does not tell whose is whose)
    label = [(60, "e)"), (72.84, "As"), (88.73, "the"), (107.08, "supervisor"), (160.87, "I"), (166.99, "am")]
    label += [(185.3, "responsible"), (244.6, "for")]
    answer = [(60, "Signing"), (99.74, "off"), (115.03, "assessments"), (182.2, "within"), (213.37, "the")]
    answer += [(231.72, "timescales.")]
    words = sorted([(x, 200.0, w) for x, w in label] + [(x, 200.5, w) for x, w in answer])
    page: list[Text | Rule] = [
        *SEFTON_NAMES,
        *(Text(x, y, f"{word} ") for x, y, word in words),
        Text(60, 214, "f) As the supervisee I am responsible for ........ Keeping chronologies current."),
    ]
    result = parse(pdf([page]), pack="sefton", packs=packs)
    assert result.data.expectations.supervisor_responsible_for is None  # type: ignore[attr-defined]
    assert any(w.field == "expectations.supervisor_responsible_for" for w in result.warnings)
    assert result.data.expectations.supervisee_responsible_for == "Keeping chronologies current."  # type: ignore[attr-defined]


def it_reads_an_answer_typed_over_its_label_where_each_is_drawn_as_one_run(packs: PackRegistry) -> None:
    # the same lines, each drawn whole: a word carries on the text drawn just before it
    page: list[Text | Rule] = [
        *SEFTON_NAMES,
        Text(60, 200, "e) As the supervisor I am"),  # (ends at x 182.3)
        Text(60, 200.5, "Signing off assessments"),  # (ends at x 179.2)
        Text(185.3, 200, "responsible for"),
        Text(182.2, 200.5, "within the timescales."),
        Text(60, 214, "f) As the supervisee I am responsible for ........ Keeping chronologies current."),
    ]
    result = parse(pdf([page]), pack="sefton", packs=packs)
    expectations = result.data.expectations  # type: ignore[attr-defined]
    assert expectations.supervisor_responsible_for == "Signing off assessments within the timescales."


def _dates_table(rows: list[tuple[str, str]], *, tight: bool = False) -> list[Text | Rule]:
    """Sefton's meeting dates: a drawn table. When `tight`, each row's text but the last
    but one reaches below the border under it (as LibreOffice draws 14.3 pt rows of 12 pt
    text), so only some borders lie clear between two lines of text."""
    items: list[Text | Rule] = [Text(60, 180, "Dates of Supervision Meetings (next 12 months):")]
    for number, (month, day) in enumerate([("Month", "Date"), *rows]):
        top = 190 + 14.3 * number
        baseline = 13.1 if tight and number != len(rows) - 1 else 10.0
        items.extend([*cell(55, top, 200, top + 14.3), *cell(200, top, 400, top + 14.3)])
        items.extend([Text(60, top + baseline, month), Text(205, top + baseline, day)])
    return items


def it_tells_a_table_s_rows_apart_by_their_drawn_cells(packs: PackRegistry) -> None:
    rows = [
        ("July", "Sun 13 July 2025"),
        ("August", "13 AUGUST 2025"),
        ("Sept", "13/09/2025"),
        ("Oct", "13/10/2025"),
    ]
    result = parse(
        pdf([[*SEFTON_NAMES, *_dates_table(rows, tight=True)]]),
        pack="sefton",
        document="agreement",
        packs=packs,
    )
    assert result.data.meeting_dates == [  # type: ignore[attr-defined]
        datetime.date(2025, 7, 13),
        datetime.date(2025, 8, 13),
        datetime.date(2025, 9, 13),
        datetime.date(2025, 10, 13),
    ]


def it_reads_a_table_of_dates_on_over_a_page_under_its_headings_printed_again(packs: PackRegistry) -> None:
    # a typeset table without borders runs over the page: the next page prints its
    # headings again, its columns set anew; the dates under them are the same list
    first: list[Text | Rule] = [
        *SEFTON_NAMES,
        Text(60, 180, "Dates of Supervision Meetings (next 12 months):"),
    ]
    first += [Text(60, 200, "Month"), Text(330, 200, "Date")]
    first += [Text(60, 214 + 14 * n, m) for n, m in enumerate(["July 2025", "August 2025"])]
    first += [Text(330, 214 + 14 * n, d) for n, d in enumerate(["13-07-2025", "13-08-2025"])]
    second: list[Text | Rule] = [Text(60, 80, "Month"), Text(200, 80, "Date")]
    second += [Text(60, 94 + 14 * n, m) for n, m in enumerate(["September 2025", "October 2025"])]
    second += [Text(200, 94 + 14 * n, d) for n, d in enumerate(["13-09-2025", "13-10-2025"])]
    result = parse(pdf([first, second]), pack="sefton", document="agreement", packs=packs)
    assert result.data.meeting_dates == [  # type: ignore[attr-defined]
        datetime.date(2025, 7, 13),
        datetime.date(2025, 8, 13),
        datetime.date(2025, 9, 13),
        datetime.date(2025, 10, 13),
    ]


def it_leaves_a_list_of_dates_unread_when_a_row_holds_two(packs: PackRegistry) -> None:
    rows = [("July", "13 July 2025"), ("August and September", "13 August 2025 and 13 September 2025")]
    result = parse(
        pdf([[*SEFTON_NAMES, *_dates_table(rows)]]), pack="sefton", document="agreement", packs=packs
    )
    assert result.data.meeting_dates == []  # type: ignore[attr-defined]
    assert any(w.field == "meeting_dates" for w in result.warnings)
    assert any("13 September 2025" in u.text for u in result.unmapped)


def it_carries_a_name_on_in_a_table_drawn_without_borders(packs: PackRegistry) -> None:
    # a typeset table: no rules, the date column close by, so the name had no room left
    page: list[Text | Rule] = [
        Text(60, 100, "Name of staff member"),
        Text(60, 114, "Jane Smith"),
        Text(57, 300, "Signature of supervisee: Micheal"),
        Text(268, 300, "Date: Wed 31 December 2025"),
        Text(57, 313, "Nwachukwu"),
        Text(60, 340, "The longest line of the page runs out to the right margin, as printed text does."),
    ]
    result = parse(pdf([page]), pack="surrey", packs=packs)
    signature = result.data.signatures.supervisee  # type: ignore[attr-defined]
    assert (signature.name, signature.date) == ("Micheal Nwachukwu", datetime.date(2025, 12, 31))


def it_keeps_a_date_label_without_its_date_out_of_a_name(packs: PackRegistry) -> None:
    page: list[Text | Rule] = [
        Text(60, 100, "Staff member: Jane Smith"),
        *cell(55, 300, 215, 340),
        *cell(215, 300, 315, 340),
        *cell(315, 300, 370, 340),
        Text(60, 312, "Signed staff member:"),
        Text(220, 312, "Tomasz"),
        Text(320, 312, "Date:"),
        Text(220, 325, "Fitzpatrick-Ojo Date:"),
    ]
    result = parse(pdf([page]), pack="portsmouth", packs=packs)
    assert result.data.signatures.supervisee.name == "Tomasz Fitzpatrick-Ojo"  # type: ignore[attr-defined]


def it_wraps_a_cell_s_line_from_its_last_piece(packs: PackRegistry) -> None:
    # "Date: 03-" typed after the name in the same drawn cell wraps, not the name
    page: list[Text | Rule] = [
        Text(60, 100, "Staff member: Jane Smith"),
        *cell(55, 300, 215, 340),
        *cell(215, 300, 370, 340),
        *cell(370, 300, 540, 340),
        Text(60, 312, "Signed manager:"),
        Text(220, 312, "Dai Evans-Price"),
        Text(313, 312, "Date: 03-"),
        Text(375, 312, "Date:"),
        Text(220, 325, "04-2026"),
    ]
    result = parse(pdf([page]), pack="portsmouth", packs=packs)
    assert result.data.signatures.supervisor.name == "Dai Evans-Price"  # type: ignore[attr-defined]


def it_reads_dot_leaders_a_typesetter_spaced_out_as_leaders(packs: PackRegistry) -> None:
    page: list[Text | Rule] = [
        *SEFTON_NAMES,
        Text(
            60,
            200,
            "The supervision meeting will take place in privacy and there will only be interruptions if",
        ),
        Text(60, 214, ". . . . . . . . . . . . . . . . . . . . the court calls about a hearing listed today"),
        Text(60, 240, "The frequency of supervision will be ...................... monthly"),
    ]
    result = parse(pdf([page]), pack="sefton", packs=packs)
    assert result.data.interruptions == "the court calls about a hearing listed today"  # type: ignore[attr-defined]


def it_tells_a_full_stop_from_spaced_dot_leaders_by_their_spacing(packs: PackRegistry) -> None:
    page: list[Text | Rule] = [
        *SEFTON_NAMES,
        Text(
            60,
            200,
            "The supervision meeting will take place in privacy and there will only be interruptions if",
        ),
        Text(60, 214, ". . . . . . . . . . the court calls about a hearing listed today. . . . . . . . ."),
        Text(
            60, 240, "f) As the supervisee I am responsible for . . . . . . . . Keeping records.. . . . . . ."
        ),
    ]
    result = parse(pdf([page]), pack="sefton", packs=packs)
    assert result.data.interruptions == "the court calls about a hearing listed today"  # type: ignore[attr-defined]
    assert result.data.expectations.supervisee_responsible_for == "Keeping records."  # type: ignore[attr-defined]


def it_reads_a_field_whose_own_label_ends_another_answer(packs: PackRegistry) -> None:
    # an older edition prints "Duration:" at the end of the frequency's line
    page: list[Text | Rule] = [
        *SEFTON_NAMES,
        Text(60, 200, "Frequency of supervision: every three weeks Duration: 45 mins"),
    ]
    result = parse(pdf([page]), pack="sefton", packs=packs)
    assert result.data.frequency.description == "every three weeks"  # type: ignore[attr-defined]
    assert result.data.duration_minutes == 45  # type: ignore[attr-defined]


def it_leaves_a_frequency_empty_when_its_boxes_are_ticked_nowhere(packs: PackRegistry) -> None:
    # the boxes on the label's line are empty; the last option wrapped under them
    page: list[Text | Rule] = [
        *SEFTON_NAMES,
        Text(
            60,
            200,
            f"Frequency of supervision: {BOX} Every 2 weeks {BOX} Every 4 weeks {BOX} Every 6 weeks {BOX}",
        ),
        Text(60, 214, "Other Duration: 1 hour"),
    ]
    result = parse(pdf([page]), pack="sefton", packs=packs)
    assert result.data.frequency.description is None  # type: ignore[attr-defined]
    kept = " ".join(u.text for u in result.unmapped)
    assert result.data.duration_minutes == 60 or "1 hour" in kept  # type: ignore[attr-defined]


def it_takes_no_length_of_time_for_a_frequency(packs: PackRegistry) -> None:
    page: list[Text | Rule] = [*SEFTON_NAMES, Text(60, 200, "The frequency of supervision will be 60 mins")]
    result = parse(pdf([page]), pack="sefton", packs=packs)
    assert result.data.frequency.description is None  # type: ignore[attr-defined]
    assert any(w.field == "frequency.description" for w in result.warnings)


def it_takes_no_word_that_only_asks_for_a_field_s_label(packs: PackRegistry) -> None:
    # "May" names a month here, not the field "others who may see the record"
    page: list[Text | Rule] = [
        *SEFTON_NAMES,
        Text(60, 200, "Month"),
        Text(200, 200, "Date"),
        Text(60, 214, "Apr"),
        Text(200, 214, "17/04/26"),
        Text(60, 228, "May"),
        Text(200, 228, "17/05/26"),
    ]
    result = parse(pdf([page]), pack="sefton", document="agreement", packs=packs)
    assert result.data.recording.others_who_may_see is None  # type: ignore[attr-defined]


def it_carries_no_name_on_past_a_paragraph_s_gap(packs: PackRegistry) -> None:
    # the name's line is the page's widest (no room left), the next text far below it
    page: list[Text | Rule] = [*SEFTON_NAMES, Text(60, 200, "Month"), Text(200, 200, "Date")]
    result = parse(pdf([page]), pack="sefton", document="agreement", packs=packs)
    assert result.data.supervisor.name == "Tom Jones"  # type: ignore[attr-defined]


def it_reads_an_older_edition_s_label_that_names_its_field_in_other_words(packs: PackRegistry) -> None:
    # "To be reviewed on:" for "Date of Review:", under an answer that fills its lines
    page: list[Text | Rule] = [
        *SEFTON_NAMES,
        Text(60, 200, "e) As the supervisor I am responsible for ......... Signing off assessments within"),
        Text(60, 214, "timescales, and making sure that every record is on the system within a week."),
        Text(60, 228, "To be reviewed on: 20th May 2027"),
    ]
    result = parse(pdf([page]), pack="sefton", document="agreement", packs=packs)
    data = result.data
    assert data.expectations.supervisor_responsible_for.endswith("within a week.")  # type: ignore[attr-defined]
    assert data.review_date == datetime.date(2027, 5, 20)  # type: ignore[attr-defined]


def it_reads_a_line_the_form_also_prints_where_it_wraps_into_the_writer_s_text(packs: PackRegistry) -> None:
    # a narrow cell: "Practical arrangements" (a heading elsewhere on the form) fills its
    # line and runs on into "are written down.", which the form does not print
    page: list[Text | Rule] = [
        Text(60, 100, "Name of staff member"),
        Text(60, 114, "Jane Smith"),
        *cell(55, 190, 181, 330),
        Text(60, 200, "How will any issues of"),
        Text(60, 213, "concern that have arisen"),
        Text(60, 226, "during supervision in"),
        Text(60, 239, "relation to the"),
        Text(60, 252, "supervisees practice be"),
        Text(60, 265, "addressed?"),
        Text(60, 278, "Openly."),
        Text(60, 291, "Practical arrangements"),
        Text(60, 304, "are written down."),
        Text(60, 400, "The longest line of the page runs out to the right margin, as printed text does."),
    ]
    result = parse(pdf([page]), pack="surrey", document="agreement", packs=packs)
    assert result.data.concerns_addressed == (  # type: ignore[attr-defined]
        "Openly.\nPractical arrangements are written down."
    )


def it_reads_a_ligature_its_font_maps_to_a_stray_character_as_the_form_s_words_show(
    packs: PackRegistry,
) -> None:
    # Ghostscript's font map gives "fi" as U+CF00, in the printed label and the answer alike
    page: list[Text | Rule] = [
        Text(60, 100, "Staff member: Jane Smith"),
        Text(60, 200, f"What methods will be used to resolve any dif{STRAY_FI}culties in working together"),
        Text(60, 214, f"Talk it through at the next session, however dif{STRAY_FI}cult."),
    ]
    result = parse(pdf([page]), pack="portsmouth", document="agreement", packs=packs)
    assert result.data.difficulty_resolution == (  # type: ignore[attr-defined]
        "Talk it through at the next session, however difficult."
    )


def it_reads_a_ligature_mapped_to_a_stray_character_where_only_english_words_show_it(
    packs: PackRegistry,
) -> None:
    # the form prints no word with it: "suf?cient" is a word with "fi" alone (Tesseract's list)
    require_ocr_tools()
    page: list[Text | Rule] = [
        Text(60, 100, "Staff member: Jane Smith"),
        Text(60, 200, "Any other relevant issues for this agreement"),
        Text(60, 214, f"Time is suf{STRAY_FI}cient for now."),
    ]
    result = parse(pdf([page]), pack="portsmouth", document="agreement", packs=packs)
    assert result.data.other_issues == "Time is sufficient for now."  # type: ignore[attr-defined]


def it_keeps_two_names_in_the_rows_of_a_borderless_table_apart(packs: PackRegistry) -> None:
    # LaTeX: each name sits left of its role, the next column close to the longer name
    page: list[Text | Rule] = [
        *SEFTON_NAMES,
        Text(60, 300, "Parties to the"),
        Text(60, 313, "Contract:"),
        Text(60, 326, "Krzysztof Mahmood"),
        Text(166, 326, "Supervisee"),
        Text(330, 326, "Date: 19 June 2025"),
        Text(60, 339, "Ebere Diaye"),
        Text(166, 339, "Supervisor"),
        Text(330, 339, "Date: 5 July 2025"),
        Text(60, 400, "The longest line of the page runs out to the right margin, as printed text does."),
    ]
    result = parse(pdf([page]), pack="sefton", document="agreement", packs=packs)
    signatures = result.data.signatures  # type: ignore[attr-defined]
    assert (signatures.supervisee.name, signatures.supervisor.name) == ("Krzysztof Mahmood", "Ebere Diaye")


def it_keeps_the_full_stop_of_an_answer_whose_sentence_began_a_line_above(packs: PackRegistry) -> None:
    # the first line stops short (a line of its own); the second alone reads as no sentence
    page: list[Text | Rule] = [
        *SEFTON_NAMES,
        Text(60, 200, "b) What I will contribute as a supervisee? .... Preparation, and"),
        Text(60, 214, "ideas for the team.........."),
        Text(
            60, 240, "c) What I want from you as the supervisee? ..........................................."
        ),
    ]
    result = parse(pdf([page]), pack="sefton", document="agreement", packs=packs)
    answer = result.data.expectations.contribute_as_supervisee  # type: ignore[attr-defined]
    assert answer == "Preparation, and\nideas for the team."


def it_ends_a_row_at_a_numbered_heading_indented_in_the_label_s_column(packs: PackRegistry) -> None:
    # a typeset table without borders; the next section's heading sits past a list indent
    page: list[Text | Rule] = [
        Text(60, 100, "Name of staff member"),
        Text(60, 114, "Jane Smith"),
        Text(57, 300, "Supervision"),
        Text(268, 300, "Once every 4 weeks"),
        Text(57, 313, "Frequency and duration?"),
        Text(63, 326, "2. What support is available?"),
        Text(60, 360, "The longest line of the page runs out to the right margin, as printed text does."),
    ]
    result = parse(pdf([page]), pack="surrey", packs=packs)
    assert result.data.frequency.description == "Once every 4 weeks"  # type: ignore[attr-defined]


def it_reads_typeset_boxes_and_ends_the_answers_column_at_a_heading_left_of_it(packs: PackRegistry) -> None:
    # LaTeX: "⊠" is a ticked box; the next section's heading is indented, left of the answers
    page: list[Text | Rule] = [
        Text(60, 100, "Name of staff member"),
        Text(60, 114, "Jane Smith"),
        Text(57, 300, "Supervision"),
        Text(268, 300, f"{SQUARE} Weekly {SQUARE} Fortnightly {SQUARED_TIMES} Monthly"),
        Text(57, 313, "Frequency and duration?"),
        Text(268, 313, "Duration: 90 minutes"),
        Text(85, 326, "2. What support is available?"),
        Text(60, 360, "The longest line of the page runs out to the right margin, as printed text does."),
    ]
    result = parse(pdf([page]), pack="surrey", document="agreement", packs=packs)
    assert result.data.frequency.description == "Monthly"  # type: ignore[attr-defined]
    assert result.data.duration_minutes == 90  # type: ignore[attr-defined]


def it_ends_a_right_hand_answer_at_a_note_across_both_columns(packs: PackRegistry) -> None:
    page: list[Text | Rule] = [
        Text(60, 100, "Name of staff member"),
        Text(60, 114, "Jane Smith"),
        Text(57, 300, "What methods will be used to"),
        Text(268, 300, "Name it early, in the session, and agree one thing each"),
        Text(57, 313, "resolve any difficulties in"),
        Text(268, 313, "to change."),
        Text(57, 326, "working together?"),
        Text(
            63, 350, "NB: If difficulties arise between the supervisor and supervisee that cannot be resolved"
        ),
    ]
    result = parse(pdf([page]), pack="surrey", document="agreement", packs=packs)
    assert result.data.difficulty_resolution == (  # type: ignore[attr-defined]
        "Name it early, in the session, and agree one thing each to change."
    )


def _typeset_rows(rows: list[tuple[float, str]], answers: list[tuple[float, str]]) -> list[Text | Rule]:
    """A typeset table without any rule: label lines left, answer lines right (y, text)."""
    return [
        Text(60, 100, "Staff member: Jane Smith"),
        *(Text(57, y, text, 8) for y, text in rows),  # (small type: a line half a line lower is a line)
        *(Text(217, y, text, 8) for y, text in answers),
        Text(
            60, 700, "The longest line of the page runs out to the right margin, as printed text does here."
        ),
    ]


def it_leaves_an_answer_unread_when_it_runs_on_into_the_next_undrawn_row(packs: PackRegistry) -> None:
    # which row "Reasonable adjustments … in / place." belongs to, the drawing does not say
    rows = [
        (300, "What methods will be used to"),
        (312, "resolve any difficulties in"),
        (324, "working together"),
        (342, "Any other relevant issues for this agreement"),
    ]
    answers = [
        (300, "Bring in the principal social worker for an independent view."),
        (312, "Swap to a different supervisor for a period if both agree."),
        (336, "Reasonable adjustments agreed through occupational health are in"),
        (348, "place."),
    ]
    result = parse(pdf([_typeset_rows(rows, answers)]), pack="portsmouth", document="agreement", packs=packs)
    assert result.data.difficulty_resolution is None  # type: ignore[attr-defined]
    assert result.data.other_issues is None  # type: ignore[attr-defined]
    assert any("no row borders" in w.message for w in result.warnings)


def it_leaves_an_answer_unread_when_its_label_sits_between_answer_lines(packs: PackRegistry) -> None:
    # a label centred in its row, wrapped in its column: which answer lines above its
    # first line are its row's, the drawing does not say
    rows = [
        (306, "How will we recognise when"),
        (318, "the supervisory relationship is"),
        (330, "not working effectively"),
    ]
    answers = [
        (300, "The supervisee stops bringing cases they find difficult."),
        (312, "Either of us feels we are going through the motions."),
        (324, "Actions come back unchanged."),
        (336, "One of us dreads the session."),
    ]
    result = parse(pdf([_typeset_rows(rows, answers)]), pack="portsmouth", document="agreement", packs=packs)
    assert result.data.not_working_signs is None  # type: ignore[attr-defined]
    assert any(w.field == "not_working_signs" for w in result.warnings)


def it_reads_the_rows_beside_a_label_a_typesetter_centred_over_them_at_its_whole_width(
    packs: PackRegistry,
) -> None:
    # LaTeX's multirow: a label of one line, not wrapped in its column but run over the
    # answers', set half a line under its row's first line (as if each row were a line)
    rows = [
        (282, "Agreed 'permissions'"),
        (312, "How will we recognise when the supervisory relationship is not working effectively"),
    ]
    answers = [
        (282, "It is fine to bring half-formed worries."),
        (294, "Either of us may ask for a break."),
        (306, "The supervisee stops bringing cases they find difficult."),
        (318, "Either of us feels we are going through the motions."),
    ]
    result = parse(pdf([_typeset_rows(rows, answers)]), pack="portsmouth", document="agreement", packs=packs)
    data = result.data
    assert data.permissions == (  # type: ignore[attr-defined]
        "It is fine to bring half-formed worries.\nEither of us may ask for a break."
    )
    assert data.not_working_signs == (  # type: ignore[attr-defined]
        "The supervisee stops bringing cases they find difficult.\n"
        "Either of us feels we are going through the motions."
    )


def it_leaves_a_name_empty_when_the_text_in_its_place_is_no_name(packs: PackRegistry) -> None:
    page: list[Text | Rule] = [
        Text(60, 100, "Name Supervisee: was previously a peer in this team"),
        Text(60, 120, "Name Supervisor/Manager: Tom Jones 3rd March"),
    ]
    result = parse(pdf([page]), pack="sefton", packs=packs)
    assert result.data.supervisee.name is None  # type: ignore[attr-defined]
    assert result.data.supervisor.name is None  # type: ignore[attr-defined]
    kept = [item.text for item in result.unmapped]
    assert "was previously a peer in this team" in kept and "Tom Jones 3rd March" in kept
    assert any(w.field == "supervisee.name" and "person's name" in w.message for w in result.warnings)


def it_leaves_a_list_of_dates_unread_when_a_row_is_no_date(packs: PackRegistry) -> None:
    # a date misread (as OCR gives a smudged one): a list without it would be wrong
    rows = [("July", "26 July 2025"), ("", "x*x2Gth"), ("September", "26 September 2025")]
    result = parse(
        pdf([[*SEFTON_NAMES, *_dates_table(rows)]]), pack="sefton", document="agreement", packs=packs
    )
    assert result.data.meeting_dates == []  # type: ignore[attr-defined]
    assert any(w.field == "meeting_dates" and "not a date" in w.message for w in result.warnings)
    assert any("x*x2Gth" in u.text for u in result.unmapped)
    assert any("26 September 2025" in u.text for u in result.unmapped)


def it_reads_a_line_of_tick_boxes_split_at_its_gaps_and_wrapped(packs: PackRegistry) -> None:
    # the boxes' font sets wide gaps: the line comes apart in pieces, and its last option wraps
    page: list[Text | Rule] = [
        *SEFTON_NAMES,
        Text(60, 200, f"Method of recording the session will be by {BOX} handwritten notes"),
        Text(440, 200, f"{BOX} typed"),
        Text(60, 214, "notes"),
        Text(110, 214, f"{SQUARED_TIMES} the electronic record and the person responsible for recording the"),
        Text(60, 228, "session will be the supervisor."),
    ]
    result = parse(pdf([page]), pack="sefton", packs=packs)
    assert result.data.recording.method == "the electronic record"  # type: ignore[attr-defined]


def it_takes_no_dot_leaders_before_an_answer_for_the_end_of_a_sentence(packs: PackRegistry) -> None:
    page: list[Text | Rule] = [
        *SEFTON_NAMES,
        Text(60, 200, "The supervision meeting will take place in privacy and there will only be"),
        Text(60, 214, "interruptions if"),
        Text(60, 228, "............. a child is missing and a decision is needed now............."),
    ]
    result = parse(pdf([page]), pack="sefton", packs=packs)
    assert result.data.interruptions == "a child is missing and a decision is needed now"  # type: ignore[attr-defined]


def _hyphenated(answer: tuple[str, str]) -> list[Text | Rule]:
    """A page whose printed text shows that its producer hyphenates ("individ-/uals"), and
    an answer whose first line ends in a word broken at a hyphen."""
    return [
        *SEFTON_NAMES,
        Text(
            60,
            170,
            "e) Provide both regular constructive feedback to the supervisee, and to link with the individ-",
        ),
        Text(60, 184, "uals Performance Development Plan and Review process."),
        Text(60, 220, f"b) What I will contribute as a supervisee ............ {answer[0]}"),
        Text(60, 234, answer[1]),
    ]


def it_leaves_an_answer_unread_where_a_typesetter_may_have_broken_a_word_at_a_hyphen(
    packs: PackRegistry,
) -> None:
    # "long-/term" may be "longterm" or "long-term": both are English spellings
    require_ocr_tools()  # (Tesseract's English word list)
    page = _hyphenated(("Preparation and honest long-", "term plans."))
    result = parse(pdf([page]), pack="sefton", document="agreement", packs=packs)
    assert result.data.expectations.contribute_as_supervisee is None  # type: ignore[attr-defined]
    assert any("hyphen" in w.message for w in result.warnings)
    assert any("Preparation and honest" in u.text for u in result.unmapped)


def it_joins_or_keeps_a_typesetter_s_broken_word_as_its_english_spelling(packs: PackRegistry) -> None:
    # "updates" is English and "up-dates" is not; "four-day" is, and "fourday" is not
    require_ocr_tools()
    for answer, read in (
        (("Preparation and honest up-", "dates."), "Preparation and honest updates."),
        (("Preparation on my four-", "day week."), "Preparation on my four-day week."),
    ):
        result = parse(pdf([_hyphenated(answer)]), pack="sefton", document="agreement", packs=packs)
        assert result.data.expectations.contribute_as_supervisee == read  # type: ignore[attr-defined]


def it_takes_no_part_of_a_label_s_printed_hint_set_apart_from_it_for_the_answer(packs: PackRegistry) -> None:
    # a justified line stretched the space after "(e.g." wide enough to split the line
    page: list[Text | Rule] = [
        Text(60, 100, "Name of staff member"),
        Text(60, 114, "Jane Smith"),
        Text(60, 200, "What does the supervisee bring to supervision (e.g."),
        Text(350, 200, "previous work experience, previous"),
        Text(60, 214, "experience of being supervised, and preferred learning style)"),
        Text(60, 240, "1. Practical Arrangements"),
    ]
    result = parse(pdf([page]), pack="surrey", packs=packs)
    assert result.data.supervisee_brings is None  # type: ignore[attr-defined]


def it_takes_nothing_from_another_label_s_drawn_cell_for_an_answer_on_the_line(packs: PackRegistry) -> None:
    # "Date of Review:" and its date fill the left cell; the supervisor's name, under
    # "Supervisor" in the cell beside it, sits on the label's line
    page: list[Text | Rule] = [
        *SEFTON_NAMES,
        *cell(55, 300, 170, 330),
        *cell(170, 300, 340, 330),
        *cell(340, 300, 540, 330),
        Text(175, 314, "Supervisee Jane Smith"),
        Text(345, 314, "Date: 10/02/26"),
        *cell(55, 330, 170, 380),
        *cell(170, 330, 340, 380),
        *cell(340, 330, 540, 380),
        Text(175, 344, "Supervisor"),
        Text(345, 344, "Date: 29/01/26"),
        Text(60, 358, "Date of Review:"),
        Text(175, 358, "Tom Jones"),
        Text(60, 372, "Fri 15 January 2027"),
    ]
    result = parse(pdf([page]), pack="sefton", document="agreement", packs=packs)
    assert result.data.review_date == datetime.date(2027, 1, 15)  # type: ignore[attr-defined]
    assert result.data.signatures.supervisor.name == "Tom Jones"  # type: ignore[attr-defined]


def it_reads_an_older_label_s_words_inside_an_answer_as_the_answer_where_no_value_follows(
    packs: PackRegistry,
) -> None:
    # "Duration:" would name the duration, but no length of time follows it: it is the writer's
    page: list[Text | Rule] = [
        *SEFTON_NAMES,
        Text(60, 200, "a) What I want from you as my supervisor ...... Backing in court. Duration: longer"),
        Text(60, 214, "sessions when court work is heavy."),
    ]
    result = parse(pdf([page]), pack="sefton", document="agreement", packs=packs)
    assert result.data.expectations.want_from_supervisor == (  # type: ignore[attr-defined]
        "Backing in court. Duration: longer sessions when court work is heavy."
    )


def it_ends_a_dot_leader_answer_at_the_leaders_that_fill_its_last_line(packs: PackRegistry) -> None:
    # the next answer was typed loose, over where its label is printed
    page: list[Text | Rule] = [
        *SEFTON_NAMES,
        Text(60, 200, "c) What I want from you as the supervisee ............... Curiosity about your"),
        Text(60, 214, "practice................"),
        Text(60, 228, "Honest feedback."),
    ]
    result = parse(pdf([page]), pack="sefton", document="agreement", packs=packs)
    assert result.data.expectations.want_from_supervisee == "Curiosity about your practice."  # type: ignore[attr-defined]


def it_reads_a_name_beside_a_label_wrapped_over_two_lines_from_both(packs: PackRegistry) -> None:
    # a narrow column broke the name although the line had room before "DATE:"
    page: list[Text | Rule] = [
        Text(60, 100, "Staff member: Jane Smith"),
        Text(60, 300, "SIGNED STAFF"),
        Text(220, 300, "Jane"),
        Text(330, 300, "DATE:"),
        Text(390, 300, "Sun 31 August 2025"),
        Text(60, 314, "MEMBER:"),
        Text(220, 314, "Smith"),
    ]
    result = parse(pdf([page]), pack="portsmouth", document="agreement", packs=packs)
    assert result.data.signatures.supervisee.name == "Jane Smith"  # type: ignore[attr-defined]


def it_leaves_an_answer_unread_when_the_next_label_sits_between_two_of_its_lines(packs: PackRegistry) -> None:
    # a borderless table whose labels are centred in their rows: the line just above the
    # next label may end this answer or start the next
    page: list[Text | Rule] = [
        Text(60, 100, "Staff member: Jane Smith"),
        Text(60, 200, "Are there any factors"),
        Text(220, 200, "We have different first languages."),
        Text(220, 214, "The supervisee may disagree."),
        Text(60, 228, "Agreed 'permissions'"),
        Text(220, 242, "It is fine to bring half-formed worries."),
    ]
    result = parse(pdf([page]), pack="portsmouth", document="agreement", packs=packs)
    assert result.data.relationship_factors is None  # type: ignore[attr-defined]
    assert any("We have different first languages." in u.text for u in result.unmapped)


def it_takes_no_rest_of_an_older_label_wrapped_in_its_cell_for_the_answer(packs: PackRegistry) -> None:
    # "Resolving difficulties between us" is matched by its first words; the right cell is empty
    page: list[Text | Rule] = [
        Text(60, 100, "Staff member: Jane Smith"),
        *cell(55, 200, 170, 240),
        *cell(170, 200, 540, 240),
        Text(60, 212, "How will we recognise", 9),
        Text(60, 222, "when the supervisory", 9),
        Text(60, 232, "relationship is not working?", 7),
        Text(175, 212, "One of us dreads the session."),
        *cell(55, 240, 170, 270),
        *cell(170, 240, 540, 270),
        Text(60, 252, "Resolving difficulties"),
        Text(60, 265, "between us"),
        *cell(55, 270, 170, 300),
        *cell(170, 270, 540, 300),
        Text(60, 282, "Any other relevant issues", 9),
        Text(60, 292, "for this agreement?", 9),
        Text(175, 282, "Phased return."),
    ]
    result = parse(pdf([page]), pack="portsmouth", document="agreement", packs=packs)
    assert result.data.difficulty_resolution is None  # type: ignore[attr-defined]
    assert result.data.other_issues == "Phased return."  # type: ignore[attr-defined]


def it_leaves_an_answer_unread_that_runs_on_mid_sentence_into_what_ends_it(packs: PackRegistry) -> None:
    # the answer's next line is indented past where dot-leader answers wrap to
    page: list[Text | Rule] = [
        *SEFTON_NAMES,
        Text(60, 200, "a) What I want from you as my supervisor? ........................... Backing in"),
        Text(110, 214, "court and time to think out loud."),
    ]
    result = parse(pdf([page]), pack="sefton", document="agreement", packs=packs)
    assert result.data.expectations.want_from_supervisor is None  # type: ignore[attr-defined]
    assert any("mid-sentence" in w.message for w in result.warnings)


def it_reads_an_answer_on_past_a_small_box_drawn_between_its_lines(packs: PackRegistry) -> None:
    # an empty input box (8 points wide) drawn between two lines is no row border
    page: list[Text | Rule] = [
        *SEFTON_NAMES,
        Text(60, 160, "KEY TASKS OF SUPERVISEE"),
        Text(60, 176, "Chairing the team's weekly allocation meeting."),
        *cell(60, 181, 68, 187),
        Text(60, 200, "Link worker for two foster carers' households."),
        Text(60, 240, "MANDATE FOR SUPERVISION:"),
    ]
    result = parse(pdf([page]), pack="sefton", document="agreement", packs=packs)
    assert result.data.key_tasks == (  # type: ignore[attr-defined]
        "Chairing the team's weekly allocation meeting.\nLink worker for two foster carers' households."
    )


def it_leaves_a_name_unsure_when_it_ends_in_a_word_broken_at_its_hyphen(packs: PackRegistry) -> None:
    # "Pryce-" ends the line; "Jones" sits on the next, beside another label: never "Pryce"
    page: list[Text | Rule] = [
        *SEFTON_NAMES,
        Text(60, 300, "Parties to the Contract:"),
        Text(160, 314, "Supervisor Oluwaseun Pryce-"),
        Text(330, 314, "Date: 03/10/25"),
        Text(60, 326, "Date of Review:"),
        Text(160, 326, "Jones"),
        Text(60, 338, "04-10-2026"),
    ]
    result = parse(pdf([page]), pack="sefton", document="agreement", packs=packs)
    assert result.data.signatures.supervisor.name is None  # type: ignore[attr-defined]
    assert any("broken at its hyphen" in w.message for w in result.warnings)
    assert any("Oluwaseun Pryce" in u.text for u in result.unmapped)


def it_keeps_writing_drawn_on_the_first_line_of_a_wrapped_label(packs: PackRegistry) -> None:
    # a name in a text box drawn on the label's first line: the label, found over both
    # lines, uses them up whole, so the name is kept apart (older wordings are not)
    from supervision_forms.reading.forms.labels import Hit
    from supervision_forms.reading.forms.layout import Layout, Piece
    from supervision_forms.reading.forms.read import _inside_labels

    know = packs.get("surrey").knowledge("agreement")
    infos = {info.path: info for info in know.fields}

    def kept(first: str, second: str) -> list[tuple[int, str, str]]:
        pieces = [Piece(first, "line 1", 1, 60.0, 300.0), Piece(second, "line 2", 2, 60.0, 60.0)]
        hit = Hit("signatures.supervisee.name", 0, 0, 1, len(second), 80.0, pieces=(0, 1))
        return list(_inside_labels(Layout(pieces, structured=False), [hit], infos, know))

    path = "signatures.supervisee.name"
    assert kept("Signature of Rukhsana Kowalczyk", "supervisee:") == [(0, path, "Rukhsana Kowalczyk")]
    assert kept("Signature of", "supervisee:") == []
    assert kept("Signed by the", "member of staff:") == []  # a wording the form does not have


def it_keeps_a_last_line_of_writing_that_the_form_happens_to_print_too(packs: PackRegistry) -> None:
    # the year of a date wrapped onto the page's last line: printed elsewhere on the form
    # ("August 2025"), but with no line under it to be part of that printed text
    page: list[Text | Rule] = [
        Text(60, 100, "Staff member: Jane Smith"),
        Text(60, 600, "Signed staff member:"),
        Text(220, 600, "Jane Smith"),
        Text(330, 600, "Date:"),
        Text(220, 614, "Date: 20th Sep."),
        Text(220, 628, "2025"),
    ]
    result = parse(pdf([page]), pack="portsmouth", document="agreement", packs=packs)
    assert "2025" in " ".join(entry.text for entry in result.unmapped)


def it_keeps_the_end_of_a_doubted_answer_that_reads_as_words_the_form_prints(packs: PackRegistry) -> None:
    # the answer's last line is words the form prints elsewhere: the answer is doubted as
    # running on into printed text, and that line is kept with it, not dropped as printed
    page: list[Text | Rule] = [
        Text(47, 100, "Name of supervisor  Tom Jones"),
        Text(47, 300, "Availability of manager for management oversight outside of formal"),
        Text(47, 314, "supervision and how this will be recorded"),
        Text(47, 328, "A quick call is fine for urgent"),
        Text(47, 342, "decisions; I will add a note to"),
        Text(47, 356, "the child's record"),
        Text(47, 370, "Agreed 'permissions'"),
        Text(262, 370, "It is fine to bring half-formed worries."),
    ]
    result = parse(pdf([page]), pack="surrey", document="agreement", packs=packs)
    assert result.data.management_availability is None  # type: ignore[attr-defined]
    assert "note to\nthe child's record" in " ".join(entry.text for entry in result.unmapped)
