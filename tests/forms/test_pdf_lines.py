"""PDF lines: a row border drawn where tightly set rows' line boxes overlap parts the
rows; a row ends where the next label starts, drawn border or not; a printed heading is
never an answer; a justified line's wider space after a sentence parts no columns; a printed
list item's hanging indent is the form's text, not left-over writing."""

from __future__ import annotations

from supervision_forms import PackRegistry, parse
from supervision_forms.reading.forms.layout import from_pages
from supervision_forms.reading.page import Page, Word

from .pdfkit import BULLET, Rule, Text, cell, pdf


def _rows(border: Rule) -> list[Text | Rule]:
    """Two rows set 12 points apart (their line boxes overlap), the first answer filling its line."""
    return [
        Rule(55, 80, 540, 80),
        Rule(55, 80, 55, 140),
        Rule(215, 80, 215, 140),
        Rule(540, 80, 540, 140),
        Rule(55, 140, 540, 140),
        Text(60, 95, "What does the supervisee"),
        Text(60, 107, "bring to this relationship"),
        Text(220, 95, "Ten years in youth justice before moving into the care team,"),
        Text(220, 107, "and a practice educator since 2020, with students each year in"),
        border,
        Text(60, 119, "Any other relevant issues"),
        Text(60, 131, "for this agreement"),
        Text(220, 119, "None known at the time of writing."),
    ]


def it_parts_tightly_set_rows_at_a_border_drawn_where_their_lines_overlap(packs: PackRegistry) -> None:
    result = parse(
        pdf([_rows(Rule(55, 108.9, 540, 108.9))]), pack="portsmouth", document="agreement", packs=packs
    )
    assert result.data.other_issues == "None known at the time of writing."  # type: ignore[attr-defined]
    assert " ".join(result.data.supervisee_brings.split()) == (  # type: ignore[attr-defined]
        "Ten years in youth justice before moving into the care team, "
        "and a practice educator since 2020, with students each year in"
    )


def it_never_joins_the_next_row_s_answer_onto_a_row_drawn_without_a_border_under_it(
    packs: PackRegistry,
) -> None:
    for underline in (Rule(400, 108.9, 480, 108.9), Rule(400, 300, 480, 300)):  # (no row border)
        result = parse(pdf([_rows(underline)]), pack="portsmouth", document="agreement", packs=packs)
        brings = result.data.supervisee_brings  # type: ignore[attr-defined]
        assert brings is None or "None known" not in brings
        assert any(w.field == "supervisee_brings" and "next row" in w.message for w in result.warnings)  # type: ignore[attr-defined]


def _signature_rows() -> list[Text | Rule]:
    """Two signature rows set so tightly that the border between them crosses the top of
    the lower row's line box; the manager's name fills its cell, and the next row's
    label is worded unlike the form's."""
    items: list[Text | Rule] = [
        Text(60, 100, "Staff member"),
        Text(230, 100, "Jane Smith"),
        Text(60, 150, "Signed manager"),
        Text(230, 150, "Eluned Wisniewska"),
        Text(360, 150, "Date"),
        Text(420, 150, "15-04-2025"),
        Text(60, 163, "Signature - supervisee"),
        Text(230, 163, "Bronwen Addo"),
        Text(360, 163, "Date"),
    ]
    for top, bottom in ((140, 155), (155, 168)):
        for left, right in ((55, 225), (225, 355), (355, 415), (415, 520)):
            items += cell(left, top, right, bottom)
    return items


def it_parts_rows_at_a_border_drawn_through_the_top_of_the_lower_row_s_line_box(packs: PackRegistry) -> None:
    result = parse(pdf([_signature_rows()]), pack="portsmouth", document="agreement", packs=packs)
    signatures = result.data.signatures  # type: ignore[attr-defined]
    assert signatures.supervisor.name == "Eluned Wisniewska"
    assert signatures.supervisee.name == "Bronwen Addo"


def it_keeps_a_printed_list_item_s_hanging_indent_out_of_unmapped(packs: PackRegistry) -> None:
    page: list[Text | Rule] = [
        Text(60, 95, "Manager"),
        Text(220, 95, "Tom Jones"),
        Text(220, 320, "facilitate their aspiration to"),
        Text(236, 334, "progress."),
        Text(220, 348, f"{BULLET} To provide pastoral care, emotional regulation and support as"),
        Text(236, 362, "required"),
    ]
    result = parse(pdf([page]), pack="portsmouth", document="agreement", packs=packs)
    assert not any("required" in u.text for u in result.unmapped)  # type: ignore[attr-defined]


def _undrawn_row(first_line: str) -> list[Text | Rule]:
    """A table drawn without borders: the permissions row's label wraps onto a second line
    of its own words, and the answer's column goes on at that line in lower case."""
    return [
        Text(60, 95, "Manager"),
        Text(220, 95, "Tom Jones"),
        Text(60, 110, "Staff member"),
        Text(220, 110, "Jane Smith, senior practitioner in the children in care team"),
        Text(60, 170, "Agreed 'permissions' e.g. it's"),
        Text(220, 170, first_line),
        Text(60, 184, "(see the procedures)"),
        Text(220, 184, "written down."),
    ]


def it_leaves_an_answer_unread_whose_row_ends_where_its_sentence_runs_on(packs: PackRegistry) -> None:
    # the first line stops with room left (a typesetter may break early): no sentence's end
    page = _undrawn_row("The supervisee may ask for it to be")
    result = parse(pdf([page]), pack="portsmouth", document="agreement", packs=packs)
    assert result.data.permissions is None  # type: ignore[attr-defined]
    assert any(w.field == "permissions" and "mid-sentence" in w.message for w in result.warnings)  # type: ignore[attr-defined]


def it_reads_an_answer_whose_row_ends_after_its_sentence_s_end(packs: PackRegistry) -> None:
    page = _undrawn_row("The supervisee may ask for a review.")
    result = parse(pdf([page]), pack="portsmouth", document="agreement", packs=packs)
    assert result.data.permissions == "The supervisee may ask for a review."  # type: ignore[attr-defined]


def it_takes_no_printed_heading_at_the_top_of_the_next_page_for_an_empty_answer(packs: PackRegistry) -> None:
    first: list[Text | Rule] = [
        Text(60, 100, "Name of staff member"),
        Text(60, 114, "Jane Smith"),
        Text(60, 770, "How will the supervisee raise any issues regarding the supervision process?"),
    ]
    second: list[Text | Rule] = [
        Text(84, 100, "Content of Supervision"),  # (indented: right of the label's column)
        Text(
            60, 120, "The content and focus of supervision will be in line with the departmental supervision"
        ),
        Text(60, 134, "procedures. The purpose of supervision is to support/ develop high quality practice"),
    ]
    result = parse(pdf([first, second]), pack="surrey", document="agreement", packs=packs)
    assert result.data.supervisee.name == "Jane Smith"  # type: ignore[attr-defined]
    assert result.data.raise_process_issues is None  # type: ignore[attr-defined]


def _spaced(words: list[str], gaps: list[float], top: float = 100.0, x: float = 56.0) -> list[Word]:
    """A line of words 6 points a letter, set with the gaps given between them."""
    drawn = []
    for text, gap in zip(words, [*gaps, 0.0], strict=True):
        drawn.append(Word(text, x, top, x + 6.0 * len(text), top + 11.0, 11.0))
        x += 6.0 * len(text) + gap
    return drawn


def it_keeps_a_justified_line_whole_across_the_wider_space_after_a_sentence() -> None:
    words = ["for", "Keeping", "chronologies", "current.", "Supervisee", "name", "and"]
    layout = from_pages([Page(0, 595.0, 842.0, tuple(_spaced(words, [5.5, 5.5, 5.5, 10.3, 5.5, 5.5])))])
    assert [p.text for p in layout.pieces] == [" ".join(words)]


def it_parts_a_line_after_a_sentence_where_other_lines_start_a_column() -> None:
    column = _spaced(["based", "on", "strength", "finished", "case"], [4.0, 4.0, 12.0, 4.0])
    line = _spaced(["of", "trust", "respect.", "a", "break"], [4.5, 4.5, 10.9, 4.5], top=114.0, x=56.1)
    layout = from_pages([Page(0, 595.0, 842.0, (*column, *line))])
    assert [p.text for p in layout.pieces if p.line == 1] == ["of trust respect.", "a break"]


def it_reads_the_lines_an_answer_wrapped_onto_under_a_line_of_dot_leaders(packs: PackRegistry) -> None:
    page: list[Text | Rule] = [
        Text(62, 160, "d) What I will contribute as the supervisor .................."),
        Text(62, 186, "e) As the supervisor I am responsible for"),
        Text(84, 202, "." * 60),
        Text(62, 228, "Making sure the record is on the system within a week. Signing off"),
        Text(62, 242, "assessments within the timescales."),
        Text(62, 270, "f)"),
        Text(84, 270, "As the supervisee I am responsible for ...................."),
    ]
    result = parse(pdf([page]), pack="sefton", document="agreement", packs=packs)
    assert result.data.expectations.supervisor_responsible_for == (  # type: ignore[attr-defined]
        "Making sure the record is on the system within a week. "
        "Signing off assessments within the timescales."
    )


def it_keeps_words_ocr_read_with_rough_overlapping_boxes_in_one_piece() -> None:
    """A text layer's word starting 0.2 em back over the one before is drawn over it (a
    piece of its own); OCR's word boxes overlap that much on ordinary text."""

    def pieces(confidence: float) -> list[str]:
        words = (
            Word("Date:", 100, 100, 128, 110, 10, confidence),
            Word("21", 130, 100, 142, 110, 10, confidence),
            Word("June", 140, 100, 166, 110, 10, confidence),
            Word("2026", 164, 100, 190, 110, 10, confidence),
        )
        return [piece.text for piece in from_pages([Page(0, 600, 800, words)]).pieces]

    assert pieces(0.93) == ["Date: 21 June 2026"]
    assert pieces(1.0) != ["Date: 21 June 2026"]


def it_carries_a_list_item_on_under_its_text_past_a_number_a_tracked_change_renumbered(
    packs: PackRegistry,
) -> None:
    # LibreOffice prints a number a tracked change altered as "c)[d)]" (old, then new): too
    # wide for its tab, so the item's text starts on past the list's hanging indent, and
    # its wrapped lines start at that indent
    page: list[Text | Rule] = [
        Text(60, 100, "Name Supervisee: Jane Smith"),
        Text(60, 120, "Name Supervisor/Manager: Tom Jones"),
        Text(62, 200, "a)"),
        Text(84, 200, "What I want from you as my supervisor Backing in court."),
        Text(62, 225, "c)[d)] As the supervisor I am responsible for Making sure the record is on the"),
        Text(84, 239, "system within a week."),
        Text(62, 264, "[e)] As the supervisee I am responsible for Telling me about any risk that"),
        Text(84, 278, "changes between sessions."),
        Text(60, 320, "The longest line of the page runs out to the right margin, as printed text does."),
    ]
    result = parse(pdf([page]), pack="sefton", document="agreement", packs=packs)
    expectations = result.data.expectations  # type: ignore[attr-defined]
    assert expectations.supervisor_responsible_for == "Making sure the record is on the system within a week."
    assert (
        expectations.supervisee_responsible_for == "Telling me about any risk that changes between sessions."
    )
