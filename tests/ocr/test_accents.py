"""Accents Tesseract's English data reads past ("Wiśniewska" read "Wisniewska" at 0.91):
found in the pixels, so the word is not taken as sure."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from supervision_forms.ocr.accents import accent_missed
from supervision_forms.ocr.tesseract import Word

FONT = Path("/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf")  # fonts-liberation2 (.ci/run)
pytestmark = pytest.mark.skipif(not FONT.exists(), reason="needs fonts-liberation2")


def _ink(text: str, rule_above: bool = False) -> tuple[np.ndarray, Word]:
    """`text` drawn at about 11 points at 200 dpi, its ink, and its box as Tesseract gives
    it (as high as its letters without accents: the accent over a capital left out, as
    Tesseract may)."""
    image = Image.new("L", (900, 120), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT), 31)
    draw.text((20, 40), text, font=font, fill=0)
    mask = np.asarray(image) < 128
    plain = Image.new("L", (900, 120), 255)
    ImageDraw.Draw(plain).text((20, 40), text.encode("ascii", "ignore").decode() or "O", font=font, fill=0)
    letters = np.asarray(plain) < 128  # where the letters without accents are
    rows, columns = np.flatnonzero(letters.any(axis=1)), np.flatnonzero(mask.any(axis=0))
    top, bottom = int(rows[0]), int(rows[-1]) + 1
    if rule_above:
        accent = np.flatnonzero(mask[:top].any(axis=1))
        mask = mask.copy()
        mask[int(accent[0]) - 2 : int(accent[0]), 10:880] = True  # a form's line touching the accent
    read = (
        text.replace("ś", "s")
        .replace("ń", "n")
        .replace("Ó", "O")
        .replace("ó", "o")
        .replace("ñ", "n")
        .replace("ï", "i")
    )
    return mask, Word(read, int(columns[0]), top, int(columns[-1]) + 1, bottom, 0.93)


@pytest.mark.parametrize("name", ["Wiśniewska", "Iñaki", "Ólafsdóttir", "Kraków", "Anaïs", "Eloïse"])
def it_finds_an_accent_over_a_letter_inside_a_word_read_without_it(name: str) -> None:
    mask, word = _ink(name)
    assert word.text.isascii()
    assert accent_missed(mask, word)


def it_finds_an_accent_over_a_capital_touching_a_rule_just_above_it() -> None:
    mask, word = _ink("Ó", rule_above=True)
    assert accent_missed(mask, word)


@pytest.mark.parametrize(
    "text",
    [
        "Wisniewska",
        "Okafor",
        "Fitzpatrick-Ojo",
        "supervision",
        "adjustments",
        "O",
        "Kilimanjaro",
        "it's",
        "D'Arcy",
        "O'Neill",
    ],
)
def it_takes_dots_of_i_and_j_and_apostrophes_for_no_accent(text: str) -> None:
    mask, word = _ink(text)
    assert not accent_missed(mask, word)


def it_takes_a_rules_ragged_edge_above_a_capital_for_no_accent() -> None:
    mask, word = _ink("Out")
    mask = mask.copy()
    mask[word.top - 6 : word.top - 4, 5:880] = True  # the rule
    mask[word.top - 4, word.left + 2 : word.left + 12] = True  # one row of its edge, frayed
    assert not accent_missed(mask, word)
