"""An accent the scan's blur joined to its letter ("ś" of "Wiśniewska" drawn as one piece of
ink) is found all the same: a piece rising above the short letters with no stem under it.
English data reads such a name without its accent, sure; it must not be taken as sure."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from supervision_forms.ocr.accents import marks_of, missed
from supervision_forms.ocr.pixels import Mask
from supervision_forms.ocr.tesseract import Word

FONT = Path("/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf")  # fonts-liberation2 (.ci/run)
pytestmark = pytest.mark.skipif(not FONT.exists(), reason="needs fonts-liberation2")


def _blurred(text: str, read: str) -> tuple[Mask, Word]:
    """`text` drawn at about 11 points at 200 dpi, its ink spread a pixel up and down (as a
    scan's blur does: an accent then touches its letter), and its box read as `read`."""
    image = Image.new("L", (900, 120), 255)
    ImageDraw.Draw(image).text((20, 40), text, font=ImageFont.truetype(str(FONT), 31), fill=0)
    drawn = np.asarray(image) < 128
    mask = drawn.copy()
    mask[1:] |= drawn[:-1]
    mask[:-1] |= drawn[1:]
    rows, columns = np.flatnonzero(mask.any(axis=1)), np.flatnonzero(mask.any(axis=0))
    return mask, Word(read, int(columns[0]), int(rows[0]), int(columns[-1]) + 1, int(rows[-1]) + 1, 0.93)


@pytest.mark.parametrize(
    ("name", "read"), [("Wiśniewska", "Wisniewska"), ("Kraśko", "Krasko"), ("Zieliński", "Zielinski")]
)
def it_finds_an_accent_joined_to_its_short_letter(name: str, read: str) -> None:
    mask, word = _blurred(name, read)
    marks = marks_of(mask, word)
    assert marks.resting == 1
    assert missed(read, marks)


@pytest.mark.parametrize(
    "name",
    ["Wisniewska", "Kowalczyk", "Bronwen", "Llewellyn", "Thompson", "Fitzpatrick", "Agreement", "Providing"],
)
def it_takes_ascenders_dots_and_capitals_for_no_accent(name: str) -> None:
    mask, word = _blurred(name, name)
    assert marks_of(mask, word).resting == 0
    assert not missed(name, marks_of(mask, word))


def it_passes_over_words_that_are_not_names() -> None:
    mask, word = _blurred("wiśniewska", "wisniewska")  # a word in lower case: rarely accented
    assert marks_of(mask, word).resting == 0
