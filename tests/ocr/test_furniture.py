"""Page furniture on scans: a header or footer that each page repeats is left out of the
layout even where OCR puts it a point or two apart from page to page; on a page scanned
alone, a council's footer over the page number is no answer."""

from __future__ import annotations

from typing import Any

from supervision_forms.reading.detect import detect, on_scanned_pages, page_of_form, page_refused
from supervision_forms.reading.forms.layout import from_pages, reading_text
from supervision_forms.reading.ocr_fields import judged
from supervision_forms.reading.page import Page, Rule, Word
from supervision_forms.reading.result import ParseResult
from supervision_forms.registry import installed_packs


def _page(number: int, footer_top: float, answer: str) -> Page:
    words = []
    x = 72.0
    for text in answer.split():
        words.append(Word(text, x, 300.0, x + 6 * len(text), 312.0, 11.0, 0.96))
        x += 6 * len(text) + 4
    x = 200.0
    for text in ["Children's", "Services", "-", "Workforce", "Development"]:
        words.append(Word(text, x, footer_top, x + 6 * len(text), footer_top + 11, 10.0, 0.96))
        x += 6 * len(text) + 4
    return Page(number, 595.0, 842.0, tuple(words))


def it_leaves_out_a_footer_each_scanned_page_repeats_a_point_or_two_apart() -> None:
    pages = [_page(0, 790.0, "First answer"), _page(1, 791.6, "Second answer"), _page(2, 789.1, "Third one")]
    texts = [piece.text for piece in from_pages(pages).pieces]
    assert texts == ["First answer", "Second answer", "Third one"]


def it_keeps_a_line_repeated_at_heights_far_apart() -> None:
    pages = [_page(0, 700.0, "First answer"), _page(1, 760.0, "Second answer")]
    texts = [piece.text for piece in from_pages(pages).pieces]
    assert sum("Workforce" in text for text in texts) == 2


def _judged(page: Page, value: str, *more: Page) -> ParseResult:
    pack = next(p for p in installed_packs() if p.name == "surrey")
    data: Any = pack.model("agreement").model_validate({"other_issues": value})
    read = ParseResult("surrey", "agreement", data, sources={"other_issues": "page 1, line 1"})
    return judged(read, [page, *more], {0, *(p.number for p in more)}, pack.knowledge("agreement"))


def _lines(*lines: tuple[str, float], rules: tuple[Rule, ...] = ()) -> Page:
    words = []
    for text, top in lines:
        x = 72.0
        for word in text.split():
            words.append(Word(word, x, top, x + 6 * len(word), top + 12, 12.0, 0.96))
            x += 6 * len(word) + 4
    return Page(0, 595.0, 842.0, tuple(words), rules)


def it_takes_a_councils_footer_over_the_page_number_of_a_page_scanned_alone_for_no_answer() -> None:
    page = _lines(("Children's Services - Workforce Development", 768.0), ("Page 2 of 3", 781.0))
    result = _judged(page, "Children's Services - Workforce Development")
    assert result.data.other_issues is None
    assert any("margin" in w.message for w in result.warnings)
    assert not result.unmapped or all("Page 2" not in item.text for item in result.unmapped)


def it_keeps_an_answer_over_the_footer_past_the_cells_border() -> None:
    border = Rule(57.0, 759.0, 525.0, 759.5)  # touching the answer's descenders
    page = _lines(
        ("Talked through openly first.", 745.0),
        ("Children's Services - Workforce Development", 768.0),
        ("Page 2 of 3", 781.0),
        rules=(border,),
    )
    after = Page(1, 595.0, 842.0, ())  # read too: the answer may not go on past the page's end
    result = _judged(page, "Talked through openly first.", after)
    assert result.data.other_issues == "Talked through openly first."


# The last page of Surrey's agreement, scanned alone: its labels are word for word those
# of Portsmouth's form too, so only its footer tells whose form it is.
LAST_PAGE = [
    "6. Any other relevant issues for this agreement?",
    "Supervisee is working a four-day week until September.",
    "To be reviewed on:",
    "30th Jun. 2026",
    "Signature of supervisee: Bronwen Okafor Date:",
    "Signature of supervisor: Date: 26th Jul. 2025",
]
SURREY_FOOTER = [
    "Document last reviewed: November 2023",
    "Reviewed by: Kasey Senior – Service Manager, Practice Standards",
    "Next review date: December 2025",
]


def _page_of(lines: list[str]) -> Page:
    words = []
    for row, line in enumerate(lines):
        x, top = 72.0, 80.0 + 20.0 * row
        for text in line.split():
            words.append(Word(text, x, top, x + 4 * len(text), top + 12, 11.0, 0.96))
            x += 4 * len(text) + 4
    return Page(0, 595.0, 842.0, tuple(words))


def _form_of(lines: list[str]) -> tuple[str, str] | None:
    choice = page_of_form(from_pages([_page_of(lines)]), installed_packs(), None)
    return None if choice is None else (choice.pack.name, choice.document)


def it_takes_a_page_scanned_alone_for_the_form_whose_footer_it_has_when_two_forms_print_its_labels() -> None:
    assert _form_of(LAST_PAGE + SURREY_FOOTER) == ("surrey", "agreement")


def it_does_not_guess_between_two_forms_printing_a_page_s_labels_when_no_footer_tells() -> None:
    assert _form_of(LAST_PAGE) is None


def it_does_not_take_a_council_s_footer_alone_for_a_page_of_its_form() -> None:
    letter = ["Dear colleague, thank you for your letter of last week.", "We will reply soon."]
    assert _form_of(letter + SURREY_FOOTER) is None


def _refused(lines: list[str]) -> str | None:
    refusal = page_refused(from_pages([_page_of(lines)]), installed_packs(), None, "page")
    return None if refusal is None else str(refusal)


def it_refuses_a_page_whose_printed_text_several_forms_print_alike_saying_so() -> None:
    why = _refused(LAST_PAGE)
    assert why is not None and "several forms print alike" in why and "not a supervision form" not in why
    assert "portsmouth" in why and "surrey" in why  # the forms it could be a page of


def it_refuses_a_page_with_a_form_s_printed_words_too_few_to_tell_its_form_saying_so() -> None:
    why = _refused(["To be reviewed on:", "30th Jun. 2026", "Signature of supervisee: Date:"])
    assert why is not None and "too few of any form's printed words" in why
    assert "not a supervision form" not in why


def it_leaves_the_refusal_of_a_page_no_form_prints_to_the_detection() -> None:
    assert _refused(["Dear colleague, thank you for your letter of last week."]) is None


# The first page of an older edition of Surrey's agreement, scanned alone: it asks for the
# names and a date as Surrey's cancellation form does, and prints its cancellation rules.
FIRST_PAGE = [
    "Supervision Agreement",
    "Name of supervisor:",
    "Ann Smith",
    "Worker's name:",
    "Bob Jones",
    "Date agreed:",
    "28/06/26",
    "This agreement sets out the arrangements, shared values and purpose that will",
    "support the development of an effective strength based supervisory relationship.",
    "While some elements of the agreement are related to Surrey's Supervision",
    "Procedures and are therefore non-negotiable, the majority of the document should",
    "be negotiated and agreed between the supervisor and Supervisee.",
    "Supervision sessions should not normally be cancelled, but be rescheduled as soon",
    "as possible, but no later than 2 weeks from the date of cancellation. If the",
    "supervisor is absent from work for more than 2 weeks, the supervisor's manager",
    "must ensure that effective arrangements are in place for the supervision",
    "Cancellations will be recorded on the Supervision Monitoring Form.",
    "A new agreement should always be completed if there is a change of supervisor.",
    "(Please see supervision policy for guidance)",
]


def it_takes_a_page_scanned_alone_for_the_bigger_form_whose_printed_words_it_holds_not_a_smaller_one() -> (
    None
):
    layout = from_pages([_page_of(FIRST_PAGE)])
    by_labels = detect("", layout, reading_text(layout), installed_packs(), "page", None, None)
    assert by_labels.document == "cancellation"  # its labels are all on the page
    choice = on_scanned_pages(by_labels, layout, installed_packs(), None)
    assert (choice.pack.name, choice.document) == ("surrey", "agreement")
