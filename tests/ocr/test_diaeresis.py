"""The dots of a diaeresis ("Anaïs", "Zoë") on a scan are small: one of them is often taken
out of the page's ink as dust, or both are too small to count alone as a mark, and the one
left looks like the dot of an "i". A word read without its diaeresis must not be taken as
sure; the dot of an "i" beside a speck of dust stays one mark."""

from __future__ import annotations

import unicodedata

import pytest

from supervision_forms.ocr import ocr_image
from supervision_forms.ocr.tesseract import ACCENTED_SURE

from .test_capital_accents import FONTS, _flagged, _scanned

pytestmark = pytest.mark.skipif(not FONTS.exists(), reason="needs fonts-liberation2")
DIAERESIS = ["Anaïs", "Zoë", "Noël", "Loïc", "Chloë", "Eloïse"]
DOTS = ["Louis", "Lois", "Eilis", "Davis", "Chris", "Tobias", "Aisling", "Nigel", "Simon"]
SCANS = [("Sans", 150, 10), ("Sans", 200, 10), ("Serif", 150, 10), ("Serif", 200, 12)]


def _bare(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


@pytest.mark.parametrize(("font", "dpi", "points"), SCANS)
def it_never_reads_a_name_without_its_diaeresis_as_sure(
    tesseract: None, font: str, dpi: int, points: int
) -> None:
    words = ocr_image(_scanned(DIAERESIS, font, dpi, points), label="names.png")[0].words
    names = [w for w in words if _bare(w.text) in {_bare(n) for n in DIAERESIS}]
    assert len(names) >= len(DIAERESIS) - 1
    assert not [w.text for w in names if w.text not in DIAERESIS and w.confidence > ACCENTED_SURE]


@pytest.mark.parametrize(("font", "dpi", "points"), SCANS)
def it_takes_the_dot_of_an_i_for_one_mark(
    tesseract: None, monkeypatch: pytest.MonkeyPatch, font: str, dpi: int, points: int
) -> None:
    assert not _flagged(monkeypatch, DOTS, font, dpi, points)
