"""Page furniture on scans: a header or footer that each page repeats is left out of the
layout even where OCR puts it a point or two apart from page to page."""

from __future__ import annotations

from supervision_forms.reading.forms.layout import from_pages
from supervision_forms.reading.page import Page, Word


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
