"""Answers a page break may have cut: a scan of some pages of a form (one image a page)
holds an answer at the top of its first page that may have begun on the page before, or
one at the foot of its last page that may go on onto the next. Left empty, kept."""

from __future__ import annotations

from typing import Any

from supervision_forms.reading.ocr_fields import judged
from supervision_forms.reading.page import Page, Word
from supervision_forms.reading.result import ParseResult
from supervision_forms.registry import installed_packs

ANSWER = "We agreed to keep the first half hour for reflection."
LABEL = "Any other relevant issues for this agreement?"  # its label on the Surrey form


def _judged(*lines: tuple[str, float, float], source: str) -> ParseResult:
    """`other_issues` read from a page of these lines (text, left, top)."""
    words = []
    for text, left, top in lines:
        x = left
        for word in text.split():
            words.append(Word(word, x, top, x + 6 * len(word), top + 12, 12.0, 0.96))
            x += 6 * len(word) + 4
    pack = next(p for p in installed_packs() if p.name == "surrey")
    data: Any = pack.model("agreement").model_validate({"other_issues": ANSWER})
    read = ParseResult("surrey", "agreement", data, sources={"other_issues": source})
    return judged(read, [Page(0, 595.0, 842.0, tuple(words))], {0}, pack.knowledge("agreement"))


def it_leaves_empty_an_answer_starting_a_page_with_nothing_above_it_but_the_header() -> None:
    result = _judged(
        ("OFFICIAL-SENSITIVE", 250.0, 20.0),
        (ANSWER, 200.0, 90.0),
        ("Review date", 72.0, 400.0),
        source="page 1, line 2",
    )
    assert result.data.other_issues is None
    assert any("may begin on a page before" in w.message for w in result.warnings)
    assert [item.text for item in result.unmapped] == [ANSWER]


def it_reads_an_answer_under_its_label_at_the_top_of_a_page() -> None:
    result = _judged(
        ("OFFICIAL-SENSITIVE", 250.0, 20.0),
        (LABEL, 200.0, 80.0),
        (ANSWER, 200.0, 95.0),
        ("Review date", 72.0, 400.0),
        source="page 1, line 3",
    )
    assert result.data.other_issues == ANSWER


def it_leaves_empty_an_answer_at_the_foot_of_the_last_page_when_the_form_goes_on() -> None:
    result = _judged(
        (LABEL, 72.0, 600.0),
        (ANSWER, 72.0, 700.0),
        ("Page 2 of 3", 72.0, 800.0),
        source="page 1, line 2",
    )
    assert result.data.other_issues is None
    assert any("may go on onto the next page" in w.message for w in result.warnings)


def it_reads_an_answer_with_text_under_it_in_its_column_at_the_foot_of_a_page() -> None:
    result = _judged(
        (LABEL, 72.0, 600.0),
        (ANSWER, 72.0, 700.0),
        ("Review date", 72.0, 730.0),
        ("Page 2 of 3", 72.0, 800.0),
        source="page 1, line 2",
    )
    assert result.data.other_issues == ANSWER
