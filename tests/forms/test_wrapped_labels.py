"""PDF labels wrapped over several lines of their drawn cell are read whole, and a word
or two the form prints beside a label is not its answer."""

from __future__ import annotations

from supervision_forms import PackRegistry, parse

from .pdfkit import Rule, Text, cell, pdf

OPENING: list[Text | Rule] = [
    *cell(55, 80, 215, 110),
    *cell(215, 80, 540, 110),
    Text(60, 95, "Manager"),
    Text(220, 95, "Tom Jones"),
]


def _read(page: list[Text | Rule], packs: PackRegistry) -> object:
    return parse(pdf([[*OPENING, *page]]), pack="portsmouth", document="agreement", packs=packs)


def it_reads_a_label_naming_its_field_wrapped_in_its_narrow_drawn_cell(packs: PackRegistry) -> None:
    # "Signature -" alone names both signatures; with the line it wrapped onto, the supervisee's
    page: list[Text | Rule] = [
        *cell(55, 400, 125, 430),
        *cell(125, 400, 330, 430),
        *cell(330, 400, 380, 430),
        *cell(380, 400, 540, 430),
        Text(60, 413, "Signature -"),
        Text(60, 426, "supervisee"),
        Text(130, 413, "Jane Smith"),
        Text(335, 413, "Date"),
        Text(385, 413, "04/03/2026"),
    ]
    result = _read(page, packs)
    assert result.data.signatures.supervisee.name == "Jane Smith"  # type: ignore[attr-defined]
    assert str(result.data.signatures.supervisee.date) == "2026-03-04"  # type: ignore[attr-defined]
    assert not any("supervisee" in u.text for u in result.unmapped)  # type: ignore[attr-defined]


def it_matches_a_reworded_label_on_its_first_lines_and_takes_its_wrapped_examples_with_it(
    packs: PackRegistry,
) -> None:
    # the first line asks what today's label asks; the lines it wraps onto only give examples
    page: list[Text | Rule] = [
        *cell(55, 110, 160, 170),
        *cell(160, 110, 540, 170),
        Text(60, 124, "Factors to"),
        Text(60, 138, "acknowledge (for"),
        Text(60, 152, "instance faith,"),
        Text(60, 166, "disability)"),
        Text(165, 124, "None known."),
    ]
    result = _read(page, packs)
    assert result.data.relationship_factors == "None known."  # type: ignore[attr-defined]
    assert not any("disability" in u.text or "faith" in u.text for u in result.unmapped)  # type: ignore[attr-defined]


def it_keeps_every_line_of_a_label_over_several_lines_out_of_unmapped(packs: PackRegistry) -> None:
    page: list[Text | Rule] = [
        *cell(55, 110, 160, 150),
        *cell(160, 110, 540, 150),
        Text(60, 124, "How we resolve"),
        Text(60, 138, "difficulties that arise"),
        Text(165, 124, "We talk it through first."),
    ]
    result = _read(page, packs)
    assert result.data.difficulty_resolution == "We talk it through first."  # type: ignore[attr-defined]
    assert not any("arise" in u.text for u in result.unmapped)  # type: ignore[attr-defined]


def it_reads_a_date_under_a_name_where_the_form_prints_a_word_beside_it(packs: PackRegistry) -> None:
    # "Date:" typed after the name; the form's own "DATE" cell beside it is not the date
    page: list[Text | Rule] = [
        *cell(55, 400, 160, 440),
        *cell(160, 400, 330, 440),
        *cell(330, 400, 380, 440),
        *cell(380, 400, 540, 440),
        Text(60, 413, "Signed manager"),
        Text(165, 413, "Tom Jones Date:"),
        Text(165, 427, "3 March 2026"),
        Text(335, 413, "DATE"),
    ]
    result = _read(page, packs)
    assert result.data.signatures.supervisor.name == "Tom Jones"  # type: ignore[attr-defined]
    assert str(result.data.signatures.supervisor.date) == "2026-03-03"  # type: ignore[attr-defined]


def it_reads_a_label_and_its_answer_whose_row_a_page_break_splits(packs: PackRegistry) -> None:
    # the label's last words start the next page: they are no label of their own
    first: list[Text | Rule] = [
        *OPENING,
        *cell(55, 780, 160, 810),
        *cell(160, 780, 440, 810),
        Text(60, 795, "How we will know it"),
        Text(165, 795, "Sessions turn into a list of cases with no reflection and"),
    ]
    second: list[Text | Rule] = [
        *cell(55, 60, 160, 90),
        *cell(160, 60, 440, 90),
        Text(60, 75, "is not working"),
        Text(165, 75, "one of us keeps postponing them."),
    ]
    result = parse(pdf([first, second]), pack="portsmouth", document="agreement", packs=packs)
    signs = " ".join((result.data.not_working_signs or "").split())  # type: ignore[attr-defined]
    assert (
        signs == "Sessions turn into a list of cases with no reflection and one of us keeps postponing them."
    )
    assert not result.unmapped  # type: ignore[attr-defined]


def it_ends_a_reworded_label_where_a_line_starts_anew_not_at_the_next_label_s_question_mark(
    packs: PackRegistry,
) -> None:
    # a table drawn without borders; "Anything else relevant?" is the next row's label
    page: list[Text | Rule] = [
        Text(60, 100, "Staff member"),
        Text(230, 100, "Jane Smith"),
        Text(60, 130, "How will we recognise when the"),
        Text(230, 130, "Sessions turn into a caseload list."),
        Text(60, 144, "supervisory relationship is not"),
        Text(60, 158, "working effectively"),
        Text(60, 190, "Resolving difficulties"),
        Text(230, 190, "Name it early, in the session, and agree one thing each to"),
        Text(60, 204, "between us"),
        Text(230, 204, "change."),
        Text(60, 218, "Anything else relevant?"),
        Text(230, 218, "Supervisee is working a four-day week until September."),
    ]
    result = parse(pdf([page]), pack="portsmouth", document="agreement", packs=packs)
    resolution = result.data.difficulty_resolution  # type: ignore[attr-defined]
    assert resolution in (None, "Name it early, in the session, and agree one thing each to change.")
    assert any("Supervisee is working" in u.text for u in result.unmapped) or result.data.other_issues  # type: ignore[attr-defined]
