"""The strip of words read a second time: never taller than Tesseract reads."""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw

from supervision_forms.ocr.second import MAX_SIDE, confirmed, stacked
from supervision_forms.ocr.tesseract import Word


def _tall_words(count: int, height: int) -> tuple[Image.Image, list[Word]]:
    """A page read sideways: Tesseract's "words" are a column of text, a line tall each."""
    image = Image.new("L", (count * 40 + 40, height + 40), 255)
    draw = ImageDraw.Draw(image)
    words = []
    for at in range(count):
        left = 20 + at * 40
        draw.rectangle((left + 8, 30, left + 16, height), fill=0)
        words.append(Word("l", left, 20, left + 24, 20 + height, 0.6))
    return image, words


def it_stacks_only_the_words_that_fit_in_an_image_tesseract_reads() -> None:
    image, words = _tall_words(40, 1000)  # 40 words, each 1,000 px tall, 2,000 enlarged
    strip, places = stacked(image, words)
    assert strip.height <= MAX_SIDE and strip.width <= MAX_SIDE
    assert 0 < len(places) < len(words)
    assert all(top < bottom <= strip.height for top, bottom in places)


def it_stacks_none_when_not_one_word_fits() -> None:
    image, words = _tall_words(1, MAX_SIDE)
    assert stacked(image, words)[1] == []


@pytest.mark.usefixtures("tesseract")
def it_reads_again_the_words_that_fit_and_leaves_the_others_as_unsure_as_they_were() -> None:
    image, words = _tall_words(40, 1000)
    out = confirmed(image, words, 200, "page")  # Tesseract refused the whole strip before
    assert len(out) == len(words)
    assert all(word.confidence == 0.6 for word in out[len(stacked(image, words)[1]) :])
