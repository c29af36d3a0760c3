"""Ink no word explains is read again: text Tesseract's page layout passes over is not lost."""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw

from supervision_forms.ocr.page import read_page
from supervision_forms.ocr.raster import image_page
from supervision_forms.ocr.tesseract import Word
from supervision_forms.ocr.unread import unread_words

from .conftest import FIXTURES

pytestmark = pytest.mark.usefixtures("tesseract")


def it_reads_an_answer_typed_as_a_tracked_change_that_the_page_read_passed_over() -> None:
    # A LibreOffice PDF of a form, rendered at 200 dpi: the printed prompt deleted and the
    # answer inserted with track changes on, both grey, struck through and underlined.
    # Tesseract's page layout takes that block for a picture and gives no word of it.
    data = (FIXTURES / "tracked-change.png").read_bytes()
    words = [w.text for w in read_page(image_page(data, 0, "page")[0], "page").words]
    assert "Supervisee" in words  # the answer's last paragraph, printed black, was read before
    assert {"youth", "justice", "children", "care"} <= set(words)


def it_adds_no_words_for_a_scribble() -> None:
    image = Image.new("L", (1400, 400), 255)
    draw = ImageDraw.Draw(image)
    draw.line([(200 + 12 * i, 200 + (-1) ** i * (25 + 9 * (i % 4))) for i in range(60)], fill=0, width=4)
    printed = [Word("Signed", 40, 190, 150, 215, 0.96)]
    assert unread_words(image, printed, [], 200, "page") == []


def it_adds_nothing_where_every_line_of_ink_has_its_words() -> None:
    image = Image.new("L", (600, 200), 255)
    ImageDraw.Draw(image).rectangle((40, 80, 300, 100), fill=0)
    assert unread_words(image, [Word("ink", 40, 80, 300, 100, 0.97)], [], 200, "page") == []
