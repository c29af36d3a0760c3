"""Accents over a name's capital inside Tesseract's word box ("Émile": the box's top is the
accent's, so nothing stands above it), and apostrophes a scan's blur brings over the next
letter: on real scans, read by the whole OCR."""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from supervision_forms.ocr import accents, ocr_image
from supervision_forms.ocr import page as ocr_page
from supervision_forms.ocr.tesseract import ACCENTED_SURE

from .scans import Scanner, scan

FONTS = Path("/usr/share/fonts/truetype/liberation2")  # fonts-liberation2 (.ci/run)
pytestmark = pytest.mark.skipif(not FONTS.exists(), reason="needs fonts-liberation2")
ACCENTED = ["Ólafur", "Émile", "Éadaoin", "Ódhrán", "Ólafsdóttir"]
# Not yet: an accent blurred into a capital with no tall letter after it to measure it by
# ("Ágnes", "Ásta" at 150 dpi: the "Á" is one piece of ink; no "l", "d" or "h" shows a capital's height).
PLAIN = ["Olivia", "Amelia", "Evans", "Isabel", "Oliver", "Stephen", "Carla", "Nadia", "Zara", "Yusuf"]
DOTS_AFTER = ["Signature", "Simon", "Aidan", "Nigel", "Eileen", "Sian", "Ciaran", "Zia", "Signing"]
APOSTROPHES = ["Children's", "Supervisor's", "Worker's", "Manager's", "O'Neill", "D'Arcy", "Team's"]
SCANS = [("Sans", 150, 11), ("Sans", 150, 12), ("Sans", 200, 10), ("Serif", 200, 12)]


def _bare(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def _scanned(words: list[str], font: str, dpi: int, points: int) -> bytes:
    """The words typed in lines of three at `points` on a page scanned at `dpi`."""
    size = round(points * dpi / 72)
    image = Image.new("L", (int(8.27 * dpi), int(3 * dpi)), 255)
    draw = ImageDraw.Draw(image)
    typeface = ImageFont.truetype(str(FONTS / f"Liberation{font}-Regular.ttf"), size)
    lines = ["Supervision agreement for the year"] + [
        "Name: " + "  ".join(words[i : i + 3]) for i in range(0, len(words), 3)
    ]
    for number, line in enumerate(lines):
        top = dpi // 3 + number * size * 2
        draw.text((dpi // 2, top), line, font=typeface, fill=0)
        draw.line(
            (dpi // 2, top + round(1.2 * size), image.width - dpi // 2, top + round(1.2 * size)),
            fill=0,
            width=2,
        )
    buffer = io.BytesIO()
    scan(image, Scanner(dpi=dpi, degrees=0.6, seed=points)).save(buffer, format="PNG", dpi=(dpi, dpi))
    return buffer.getvalue()


@pytest.mark.parametrize(("font", "dpi", "points"), SCANS)
def it_never_reads_a_name_without_its_capitals_accent_as_sure(
    tesseract: None, font: str, dpi: int, points: int
) -> None:
    words = ocr_image(_scanned(ACCENTED, font, dpi, points), label="names.png")[0].words
    names = [w for w in words if _bare(w.text) in {_bare(n) for n in ACCENTED}]
    assert len(names) >= len(ACCENTED) - 1
    wrong = [w.text for w in names if w.text not in ACCENTED and w.confidence > ACCENTED_SURE]
    assert not wrong


def _flagged(
    monkeypatch: pytest.MonkeyPatch, words: list[str], font: str, dpi: int, points: int
) -> list[str]:
    """Those of the words the pixel check took for accented words read without accents
    (and how many of them Tesseract read as they are)."""
    seen: list[tuple[str, accents.Marks]] = []

    def marks_of(mask: accents.Mask, word: accents.Word, specks: accents.Mask | None = None) -> accents.Marks:
        marks = accents.marks_of(mask, word, specks)
        seen.append((word.text, marks))
        return marks

    monkeypatch.setattr(ocr_page, "marks_of", marks_of)
    ocr_image(_scanned(words, font, dpi, points), label="team.png")
    read = [(text, marks) for text, marks in seen if text in words]
    assert len(read) >= len(words) - 1
    return [text for text, marks in read if accents.missed(text, marks)]


@pytest.mark.parametrize(("font", "dpi", "points"), SCANS)
def it_takes_plain_capitals_for_no_accent(
    tesseract: None, monkeypatch: pytest.MonkeyPatch, font: str, dpi: int, points: int
) -> None:
    assert not _flagged(monkeypatch, PLAIN, font, dpi, points)


@pytest.mark.parametrize(("font", "dpi", "points"), SCANS)
def it_takes_the_dot_of_an_i_after_a_capital_for_no_accent(
    tesseract: None, monkeypatch: pytest.MonkeyPatch, font: str, dpi: int, points: int
) -> None:
    assert not _flagged(monkeypatch, DOTS_AFTER, font, dpi, points)


@pytest.mark.parametrize("word", ["Signature", "Signing", "Nigel", "Eigg"])
def it_takes_the_dot_of_an_i_for_no_accent_where_a_tail_touches_the_line_under_it(word: str) -> None:
    """A form's answer line under the word, from its first column on, touched by the tail
    of a "g" (not by the capital): the line and that letter are one piece of ink."""
    image = Image.new("L", (600, 90), 255)
    draw = ImageDraw.Draw(image)
    draw.text((10, 20), word, font=ImageFont.truetype(str(FONTS / "LiberationSans-Regular.ttf"), 31), fill=0)
    mask = np.asarray(image) < 128
    rows, columns = np.flatnonzero(mask.any(axis=1)), np.flatnonzero(mask.any(axis=0))
    mask = mask.copy()
    mask[int(rows[-1]) - 1 : int(rows[-1]) + 1, int(columns[0]) : int(columns[-1]) + 1] = True
    box = accents.Word(word, int(columns[0]), int(rows[0]), int(columns[-1]) + 1, int(rows[-1]) + 1, 0.93)
    assert not accents.accent_missed(mask, box)
