"""The possessive of a word the form prints ("supervisee's"), which OCR reads unsure where
its dictionary lacks the word, is as sure as the gate when spelled as the form prints it."""

from __future__ import annotations

from typing import Any

import pytest

from supervision_forms.reading.ocr_fields import judged
from supervision_forms.reading.page import Page, Word
from supervision_forms.reading.result import ParseResult
from supervision_forms.registry import installed_packs

ANSWER = "The {} development plan has three parts."


def _judged(word: str, sure: float) -> ParseResult:
    """`ANSWER` with `word` in it, read at `sure` (the other words at 0.97), as the Surrey
    agreement's `other_issues` on one line."""
    text = ANSWER.format(word)
    words, x = [], 72.0
    for piece in text.split():
        words.append(Word(piece, x, 300.0, x + 6 * len(piece), 312.0, 12.0, sure if piece == word else 0.97))
        x += 6 * len(piece) + 4
    pack = next(p for p in installed_packs() if p.name == "surrey")
    data: Any = pack.model("agreement").model_validate({"other_issues": text})
    read = ParseResult("surrey", "agreement", data, sources={"other_issues": "page 1, line 1"})
    return judged(read, [Page(0, 595.0, 842.0, tuple(words))], {0}, pack.knowledge("agreement"))


@pytest.mark.parametrize("word", ["supervisee's", "supervisee’s", "Supervisee's"])
def it_takes_the_possessive_of_a_word_the_form_prints_as_sure(word: str) -> None:
    result = _judged(word, 0.66)
    assert result.data.other_issues == ANSWER.format(word)
    assert any(w.message.startswith("read by OCR (confidence 0.90)") for w in result.warnings)


@pytest.mark.parametrize(
    ("word", "sure"),
    [
        ("supervisee's", 0.4),  # too unsure: the letters may be misread too
        ("SUPErvisee's", 0.7),  # its case misread
        ("supervisor-s", 0.7),  # no possessive
        ("qzxwerty's", 0.7),  # a word the form does not print
        ("supervise's", 0.7),  # a letter lost: not the form's word
    ],
)
def it_keeps_the_doubt_of_any_other_word(word: str, sure: float) -> None:
    assert _judged(word, sure).data.other_issues is None
