"""Noise OCR read from a form's dot leader as words of its own ("supervisor ……… eee",
"supervisee i………", "………0...c") is left out of the page: it is the dots, not an answer."""

from __future__ import annotations

import pytest

from supervision_forms.reading.ocr_leaders import apart
from supervision_forms.reading.page import Page, Word

DOTS = "........................"


def _kept(*line: tuple[str, float, float, float]) -> list[str]:
    """The words kept of a line of (text, left edge, right edge, confidence) words."""
    words = tuple(Word(text, x0, 300.0, x1, 312.0, 12.0, sure) for text, x0, x1, sure in line)
    return [word.text for word in apart(Page(0, 595.0, 842.0, words)).words]


@pytest.mark.parametrize(
    "noise",
    [
        ("eee", 343.0, 357.0, 0.0),  # read over the dots' end
        ("ert", 300.0, 310.0, 0.2),  # read inside them
        ("i", 268.0, 285.0, 0.0),  # touching their start
        ("vuaeees", 356.0, 376.0, 0.0),  # touching their end
    ],
)
def it_leaves_out_a_leader_s_noise_read_unsure_as_a_word_touching_its_dots(
    noise: tuple[str, float, float, float],
) -> None:
    line = (("supervisor", 229.0, 281.0, 0.97), (DOTS, 285.0, 356.0, 0.95), noise)
    assert _kept(*line) == ["supervisor", DOTS]


@pytest.mark.parametrize(
    "word",
    [
        ("eee", 343.0, 357.0, 0.6),  # read sure enough: OCR's to judge
        ("one", 362.0, 380.0, 0.2),  # clear of the dots: a word of its own
        ("10", 343.0, 357.0, 0.2),  # a figure is no leader's noise
        ("Time", 343.0, 367.0, 0.2),  # nor a capital
    ],
)
def it_keeps_any_other_word_beside_a_leader(word: tuple[str, float, float, float]) -> None:
    line = (("supervisor", 229.0, 281.0, 0.97), (DOTS, 285.0, 356.0, 0.95), word)
    assert _kept(*line) == ["supervisor", DOTS, word[0]]


@pytest.mark.parametrize(
    ("read", "kept"),
    [
        (".........0...c", "........."),  # dots and their noise, with dots among it
        ("..........ce..s", ".........."),
        ("......Time", "......Time"),  # a word typed against the dots
        ("......e.g.", "......e.g."),
    ],
)
def it_reads_a_word_of_dots_and_their_noise_as_the_dots(read: str, kept: str) -> None:
    assert _kept((read, 285.0, 356.0, 0.0)) == [kept]
