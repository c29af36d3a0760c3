"""Accents English data cannot write, read by a second read with Tesseract's Latin-script
model: taken only when its letters agree with English data's and its accents account for
the marks in the pixels; otherwise the word is left unsure, never given without them."""

from __future__ import annotations

import io
import os
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from supervision_forms.ocr import latin, ocr_image
from supervision_forms.ocr.accents import Marks, accent_missed, accounts_for
from supervision_forms.ocr.tesseract import ACCENTED_SURE, Word

FONT = Path("/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf")  # fonts-liberation2 (.ci/run)
NAMES = "Dáithí Wiśniewska and Mícheál Addo"


def _bare(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def _word(text: str, confidence: float = 0.93) -> Word:
    return Word(text, 10, 10, 100, 30, confidence)


def it_takes_the_latin_spelling_when_its_letters_agree_and_its_accents_are_the_marks_seen() -> None:
    read = latin.judged(_word("Daithi"), _word("Dáithí", 0.91), Marks(3, False))
    assert (read.text, read.confidence) == ("Dáithí", 0.91)


@pytest.mark.parametrize(
    ("english", "again", "marks"),
    [
        ("Olafsdottir", "Olafsdóttir", Marks(2, True)),  # the accent over its capital left out
        ("Olafsdottir", "Olafsdóttir", Marks(2, False)),  # ... and not seen in the pixels either
        ("Micheal", "Mícheál", Marks(1, False)),  # more accents than the pixels show
        ("Daithi", "Dáithí", Marks(3, False)),  # agreed, but the Latin read unsure (below)
        ("Daithi", "Dáithe", Marks(3, False)),  # other letters
    ],
)
def it_leaves_unsure_a_word_the_latin_read_gives_accents_it_cannot_vouch_for(
    english: str, again: str, marks: Marks
) -> None:
    sure = 0.85 if again == "Dáithí" else 0.95
    read = latin.judged(_word(english), _word(again, sure), marks)
    assert (read.text, read.confidence) == (english, ACCENTED_SURE)


def it_keeps_english_datas_word_when_the_latin_read_writes_no_accent() -> None:
    assert latin.judged(_word("Addo"), _word("Addo", 0.4), Marks(0, False)) == _word("Addo")


def it_leaves_a_lone_capital_unsure_unless_the_latin_read_confirms_it() -> None:
    assert latin.judged(_word("O"), _word("To", 0.14), Marks(0, False)).confidence == ACCENTED_SURE
    assert latin.judged(_word("O"), None, Marks(0, False)).confidence == ACCENTED_SURE
    assert latin.judged(_word("O"), _word("O", 0.95), Marks(0, False)).confidence == 0.93


def it_counts_the_marks_a_spelling_accounts_for() -> None:
    assert accounts_for("Wiśniewska", Marks(3, False))
    assert accounts_for("Ólafsdóttir", Marks(2, True))
    assert not accounts_for("Ólafsdóttir", Marks(2, False))
    assert not accounts_for("Mícheál", Marks(3, False))


def _ink(text: str, size: int) -> tuple[np.ndarray, Word]:
    image = Image.new("L", (700, 90), 255)
    ImageDraw.Draw(image).text((10, 30), text, font=ImageFont.truetype(str(FONT), size), fill=0)
    mask = np.asarray(image) < 128
    rows, columns = np.flatnonzero(mask.any(axis=1)), np.flatnonzero(mask.any(axis=0))
    box = (int(columns[0]), int(rows[0]), int(columns[-1]) + 1, int(rows[-1]) + 1)
    return mask, Word(_bare(text), *box, 0.93)


@pytest.mark.skipif(not FONT.exists(), reason="needs fonts-liberation2")
@pytest.mark.parametrize("size", [20, 24])  # words 15 to 18 pixels tall, as on a 150 dpi scan
def it_finds_accents_on_a_coarse_scan(size: int) -> None:
    for name in ("Dáithí", "Wiśniewska", "Mícheál"):
        assert accent_missed(*_ink(name, size)), name
    for plain in ("Micheal", "Daithi", "Wisniewska", "Olivia", "Kilimanjaro", "adjustments"):
        assert not accent_missed(*_ink(plain, size)), plain


@pytest.fixture
def page_of_names() -> bytes:
    """A page at 200 dpi: a line of names with accents among lines of English."""
    image = Image.new("L", (1654, 700), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT), 31)
    lines = ["Supervision agreement", f"Names: {NAMES}", "Both agreed the plan for the year."]
    for number, line in enumerate(lines):
        draw.text((150, 150 + 90 * number), line, font=font, fill=0)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", dpi=(200, 200))
    return buffer.getvalue()


def _require_latin() -> None:
    if latin.latin_model() is None:
        if os.environ.get("CI"):
            pytest.fail("CI must have Tesseract's Latin-script model (tesseract-ocr-script-latn)")
        pytest.skip("not installed: tesseract-ocr-script-latn")


@pytest.fixture
def no_latin_model(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """Tesseract's data folder as it is without tesseract-ocr-script-latn."""
    latin._latin_model.cache_clear()
    monkeypatch.setattr(latin, "data_folder", lambda: tmp_path)
    yield
    latin._latin_model.cache_clear()


@pytest.mark.skipif(not FONT.exists(), reason="needs fonts-liberation2")
def it_reads_names_with_accents_english_data_cannot_write_or_leaves_them_unsure(
    tesseract: None, page_of_names: bytes
) -> None:
    _require_latin()
    words = ocr_image(page_of_names, label="names.png")[0].words
    accented = {_bare(name): name for name in NAMES.split() if _bare(name) != name}
    names = [w for w in words if _bare(w.text).lower() in {n.lower() for n in accented}]
    assert len(names) == 3
    right = [w for w in names if w.text == accented.get(_bare(w.text))]
    assert right  # "Dáithí": English data read "Daithi"
    assert all(w in right or w.confidence <= ACCENTED_SURE for w in names)  # never without them, sure


@pytest.mark.skipif(not FONT.exists(), reason="needs fonts-liberation2")
def it_leaves_accented_names_unsure_without_the_latin_model(
    tesseract: None, no_latin_model: None, page_of_names: bytes
) -> None:
    assert latin.latin_model() is None
    words = ocr_image(page_of_names, label="names.png")[0].words
    names = [w for w in words if _bare(w.text) in _bare(NAMES).split() and _bare(w.text) != w.text]
    plain = [w for w in words if w.text in {"Daithi", "Wisniewska", "Micheal"}]
    assert not names  # English data writes no "á" nor "ś"
    assert plain and all(w.confidence <= ACCENTED_SURE for w in plain)


def it_reads_again_by_latin_only_words_that_may_be_accented_names() -> None:
    flagged, clean = Marks(3, False), Marks(0, False)
    assert latin._may_be_accented(_word("Daithi"), flagged)
    assert latin._may_be_accented(_word("Renée"), clean)  # English data's own "é"
    assert latin._may_be_accented(_word("O"), clean)  # a lone capital: its pixels cannot tell
    assert not latin._may_be_accented(_word("Addo"), clean)
    assert not latin._may_be_accented(_word("and"), flagged)  # left unsure, not worth a read
    assert not latin._may_be_accented(_word("A"), clean)
