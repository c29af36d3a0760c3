"""Older editions' labels no word matches, found by the form's order alone: only where
everything else between the labels found around them is accounted for."""

from __future__ import annotations

import datetime

from supervision_forms import PackRegistry, parse

from .kit import document, read, table
from .pdfkit import Rule, Text, cell, pdf

FACTORS = (
    "Are there any factors to acknowledge as relevant to the development of the supervisory relationship"
)


def _brings(packs: PackRegistry, rows: list[list[str]]) -> object:
    data = document(lambda doc: table(doc, [["Manager", "Tom Jones"], *rows, [FACTORS, "None known."]]))
    return read(data, packs.get("portsmouth"))


def it_reads_the_one_label_between_two_found_labels_for_the_one_field_missing_there(
    packs: PackRegistry,
) -> None:
    result = _brings(packs, [["Background and experience", "Ten years in youth justice."]])
    assert result.data.supervisee_brings == "Ten years in youth justice."  # type: ignore[attr-defined]
    assert any(w.field == "supervisee_brings" and "order" in w.message for w in result.warnings)  # type: ignore[attr-defined]


def it_keeps_what_it_took_for_a_label_by_order_in_unmapped(packs: PackRegistry) -> None:
    # no word of it is the label's: it may be writing (here a name, the label's row above lost)
    result = _brings(packs, [["Amy Smith", "Ten years in youth justice."]])
    assert result.data.supervisee_brings == "Ten years in youth justice."  # type: ignore[attr-defined]
    assert "Amy Smith" in {u.text for u in result.unmapped}  # type: ignore[attr-defined]


def it_leaves_the_field_empty_when_other_unknown_text_shares_its_place(packs: PackRegistry) -> None:
    # a row the pack does not know (a team) sits there too: which label is the field's is not known
    rows = [["Team", "Children in care"], ["Background and experience", "Ten years in youth justice."]]
    result = _brings(packs, rows)
    assert result.data.supervisee_brings is None  # type: ignore[attr-defined]
    kept = {u.text for u in result.unmapped}  # type: ignore[attr-defined]
    assert {"Team", "Background and experience", "Ten years in youth justice."} <= kept


def it_takes_no_sentence_for_a_label(packs: PackRegistry) -> None:
    result = _brings(packs, [["We met twice.", "Ten years in youth justice."]])
    assert result.data.supervisee_brings is None  # type: ignore[attr-defined]


def it_reads_a_label_found_by_order_that_wraps_in_its_drawn_cell(packs: PackRegistry) -> None:
    page: list[Text | Rule] = [
        *cell(55, 80, 215, 110),
        *cell(215, 80, 540, 110),
        Text(60, 95, "Manager"),
        Text(220, 95, "Tom Jones"),
        *cell(55, 110, 215, 150),
        *cell(215, 110, 540, 150),
        Text(60, 124, "Background, experience"),
        Text(220, 124, "Ten years in youth justice, and"),
        Text(60, 138, "and learning style"),
        Text(220, 138, "a practice educator since 2020."),
        *cell(55, 150, 215, 200),
        *cell(215, 150, 540, 200),
        Text(60, 164, "Are there any factors to"),
        Text(60, 178, "acknowledge as relevant to the"),
        Text(60, 192, "development of the supervisory relationship"),
        Text(220, 164, "None known."),
    ]
    result = parse(pdf([page]), pack="portsmouth", document="agreement", packs=packs)
    brings = result.data.supervisee_brings  # type: ignore[attr-defined]
    assert " ".join(brings.split()) == "Ten years in youth justice, and a practice educator since 2020."
    assert not any("learning style" in u.text for u in result.unmapped)


def it_reads_a_label_found_by_order_with_its_answer_under_it_in_its_drawn_cell(packs: PackRegistry) -> None:
    # the date under the label, in its cell, is its answer, not a second line of the label
    page: list[Text | Rule] = [
        *cell(55, 80, 540, 125),
        Text(60, 95, "Supervisor:"),
        Text(60, 109, "Tom Jones"),
        *cell(55, 125, 540, 150),
        Text(60, 140, "Worker's name: Jane Smith"),
        *cell(55, 150, 540, 195),
        Text(60, 165, "Settled on:"),
        Text(60, 179, "15-03-2025"),
        *cell(55, 195, 200, 225),
        *cell(200, 195, 540, 225),
        Text(60, 210, "Supervision Frequency and duration?"),
        Text(205, 210, "Monthly, 90 minutes"),
    ]
    result = parse(pdf([page]), pack="surrey", document="agreement", packs=packs)
    assert str(result.data.agreement_date) == "2025-03-15"  # type: ignore[attr-defined]
    assert any(w.field == "agreement_date" and "order" in w.message for w in result.warnings)  # type: ignore[attr-defined]


def _anything_else(packs: PackRegistry, answer: str) -> object:
    """An edition printing no review date, its "other issues" row worded unlike the form's."""
    rows = [
        ["Manager", "Tom Jones"],
        ["What methods will be used to resolve any difficulties in working together", "Talk early."],
        ["Anything else to add", answer],
        ["Signed manager", "Tom Jones"],
    ]
    return read(document(lambda doc: table(doc, rows)), packs.get("portsmouth"))


def it_reads_a_label_by_order_where_the_other_field_missing_there_could_not_take_its_answer(
    packs: PackRegistry,
) -> None:
    result = _anything_else(packs, "A four-day week until September.")
    assert result.data.other_issues == "A four-day week until September."  # type: ignore[attr-defined]
    assert result.data.review_date is None  # type: ignore[attr-defined]


def it_leaves_a_label_by_order_unread_where_another_field_missing_there_could_take_its_answer(
    packs: PackRegistry,
) -> None:
    result = _anything_else(packs, "4 March 2026")  # (the review date's, as much as the other issues')
    assert result.data.other_issues is None  # type: ignore[attr-defined]
    assert result.data.review_date is None  # type: ignore[attr-defined]


def it_finds_a_reworded_date_label_in_a_word_table_by_the_date_in_the_cell_beside_it(
    packs: PackRegistry,
) -> None:
    # an older edition's wording shares one word with the label ("agreement"); the row
    # above it has an empty answer cell, which must not take this row's label for its answer
    rows = [
        ["Name of supervisor", "Jane Smith"],
        ["Name of staff member", ""],
        ["Agreement made", "29/12/25"],
        ["Availability of manager for management oversight outside of formal supervision", "Daily."],
    ]
    result = read(document(lambda doc: table(doc, rows)), packs.get("surrey"))
    assert result.data.agreement_date == datetime.date(2025, 12, 29)  # type: ignore[attr-defined]
    assert result.data.supervisee.name is None  # type: ignore[attr-defined]


def it_takes_no_line_of_writing_for_a_label_found_by_order_that_reads_no_answer(packs: PackRegistry) -> None:
    # the review date's label is not printed; the supervisor's name, set a line above its
    # label (a typesetter's bottom-aligned row), is the only text between the labels around it
    page: list[Text | Rule] = [
        Text(57, 100, "Staff member"),
        Text(217, 100, "Jane Smith"),
        Text(57, 200, "Any other relevant issues for this agreement"),
        Text(300, 200, "None known."),
        Text(217, 240, "Eluned Kowalczyk Date:"),
        Text(57, 252, "Signed manager:"),
        Text(217, 252, "03-05-2025"),
        Text(378, 252, "Date:"),
        Text(57, 270, "Signed staff member:"),
        Text(217, 270, "Jane Smith"),
        Text(378, 270, "Date: 2 May 2025"),
    ]
    result = parse(pdf([page]), pack="portsmouth", document="agreement", packs=packs)
    assert result.data.review_date is None  # type: ignore[attr-defined]
    assert any("Eluned Kowalczyk" in u.text for u in result.unmapped)  # type: ignore[attr-defined]
