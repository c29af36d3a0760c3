"""Words Tesseract was unsure of are read again alone: a second read that spells a word the
same way and is sure of it confirms it; one that differs, or is unsure too, changes nothing,
and the second read's spelling is never taken. A word read without the accent drawn over
its capital ("Ozturk" for "Öztürk") is unsure."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from supervision_forms.ocr import second
from supervision_forms.ocr.accents import _mark_above
from supervision_forms.ocr.tesseract import Word

PAGE = Image.new("L", (400, 200), 255)


def _rereads(monkeypatch: pytest.MonkeyPatch, answers: list[tuple[str, float]]) -> None:
    """Tesseract's second read, made to give `answers`, one in each slot of the strip."""

    def read_words(strip: Image.Image, dpi: float | None, failure: str, *, single_block: bool) -> list[Word]:
        assert single_block
        slot = strip.height / len(answers)
        return [
            Word(text, 10, round(i * slot + slot / 2) - 2, 60, round(i * slot + slot / 2) + 2, sure)
            for i, (text, sure) in enumerate(answers)
        ]

    monkeypatch.setattr(second, "read_words", read_words)


def it_confirms_a_word_a_second_read_alone_spells_the_same_and_is_sure_of(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    words = [Word("Fortnightly", 10, 10, 90, 30, 0.82), Word("weeks", 100, 10, 150, 30, 0.97)]
    _rereads(monkeypatch, [("Fortnightly", 0.95)])
    out = second.confirmed(PAGE, words, 200.0, "x")
    assert out[0] == Word("Fortnightly", 10, 10, 90, 30, 0.95)
    assert out[1] == words[1]  # a sure word is not read again


def it_leaves_a_word_unsure_when_the_second_read_differs_or_is_unsure_too(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    words = [Word("Called", 10, 10, 60, 30, 0.89), Word("l1ne", 70, 10, 100, 30, 0.6)]
    _rereads(monkeypatch, [("l1ne", 0.8), ("called", 0.97)])  # the least sure is read first
    assert second.confirmed(PAGE, words, 200.0, "x") == words


def it_never_reads_again_a_word_with_accents_or_one_it_can_hardly_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    words = [Word("Zoé", 10, 10, 40, 30, 0.75), Word("c}", 50, 10, 60, 30, 0.3)]
    _rereads(monkeypatch, [])
    assert second.confirmed(PAGE, words, 200.0, "x") == words


def _mask(*marks: tuple[int, int, int, int]) -> np.ndarray:
    mask = np.zeros((80, 200), dtype=bool)
    mask[30:50, 10:100] = True  # the word's ink
    for top, bottom, left, right in marks:
        mask[top:bottom, left:right] = True
    return mask


OZTURK = Word("Ozturk", 10, 30, 100, 50, 0.95)


def it_finds_the_accent_over_a_capital_that_was_read_without_it() -> None:
    assert _mark_above(_mask((24, 27, 13, 15), (24, 27, 19, 21)), OZTURK)  # two dots over the O


def it_takes_no_other_ink_above_a_word_for_an_accent() -> None:
    assert not _mark_above(_mask(), OZTURK)  # nothing above
    assert not _mark_above(_mask((10, 28, 14, 16)), OZTURK)  # a descender of the line above
    assert not _mark_above(_mask((24, 27, 80, 84)), OZTURK)  # over a later letter
    assert not _mark_above(_mask((25, 27, 10, 100)), OZTURK)  # a rule
    assert not _mark_above(_mask((24, 27, 13, 15)), Word("ozturk", 10, 30, 100, 50, 0.95))
