"""A full stop drawn as one (a dot of the pen's stroke on the baseline, clear of the letter
before it) is told from a speck OCR read as a full stop (above the baseline, touching the
letter, or larger), so the punctuation check doubts only the speck."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from supervision_forms.ocr.glyphs import full_stop
from supervision_forms.ocr.pixels import Mask

FONT = Path("/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf")  # fonts-liberation2 (.ci/run)
pytestmark = pytest.mark.skipif(not FONT.exists(), reason="needs fonts-liberation2")


def _ink(text: str) -> Mask:
    """`text` drawn at about 11 points at 200 dpi: its ink, cut to its box."""
    image = Image.new("L", (600, 80), 255)
    ImageDraw.Draw(image).text((10, 20), text, font=ImageFont.truetype(str(FONT), 31), fill=0)
    mask = np.asarray(image) < 128
    rows, columns = np.flatnonzero(mask.any(axis=1)), np.flatnonzero(mask.any(axis=0))
    return mask[rows[0] : rows[-1] + 1, columns[0] : columns[-1] + 1]


@pytest.mark.parametrize("word", ["year.", "below.", "supervised.", "notes."])
def it_sees_a_full_stop_drawn_as_one(word: str) -> None:
    assert full_stop(_ink(word))


def _speck(word: str, rows: slice, gap: int) -> Mask:
    """`word`'s ink with a speck after its last letter (`gap` columns after it)."""
    ink = _ink(word)
    mask = np.zeros((ink.shape[0], ink.shape[1] + gap + 4), dtype=np.bool_)
    mask[:, : ink.shape[1]] = ink
    mask[rows, ink.shape[1] + gap : ink.shape[1] + gap + 3] = True
    return mask


def it_takes_a_speck_off_the_baseline_or_touching_the_letter_for_no_full_stop() -> None:
    bottom = _ink("decide").shape[0]  # no descender: its box ends at the baseline
    assert full_stop(_speck("decide", slice(bottom - 3, bottom), gap=3))  # as a full stop is drawn
    assert not full_stop(_speck("decide", slice(bottom - 8, bottom - 5), gap=3))  # above the baseline
    assert not full_stop(_speck("decide", slice(bottom - 3, bottom), gap=0))  # touching the "e"
    assert not full_stop(_speck("decide", slice(bottom - 12, bottom), gap=3))  # a stroke, not a dot


def it_cannot_tell_without_letters() -> None:
    assert not full_stop(np.zeros((4, 4), dtype=np.bool_))
    assert not full_stop(_ink("."))
