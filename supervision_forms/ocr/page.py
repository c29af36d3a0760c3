"""One page image read: deskewed, its tick boxes and rules found, its words read."""

from __future__ import annotations

from PIL import Image

from .deskew import estimate_skew, straighten
from .marks import rules_and_boxes, verdict
from .model import OcrBox, OcrPage, OcrRule, OcrWord
from .pixels import despeckle, grey, ink
from .raster import PageImage
from .tesseract import read_words

SKEW_DPI = 150.0  # the skew is estimated on the page at about this resolution
BOX_MARGIN = 1.0  # points around a tick box whitened before Tesseract reads the page


def read_page(page: PageImage, label: str) -> OcrPage:
    """The page's words, boxes and rules, in points on the deskewed page."""
    small = _for_skew(page)
    degrees = estimate_skew(despeckle(ink(grey(small)), 72 / page.scale * page.image.width / small.width))
    image = straighten(page.image, degrees)
    across, down = page.width / image.width, page.height / image.height  # points a pixel
    pixels = grey(image).copy()
    scale = 72 / page.scale  # points a pixel, on paper
    inked = ink(pixels)
    mask = despeckle(inked, scale)
    pixels[inked & ~mask] = 255
    lines, squares = rules_and_boxes(mask, scale)
    boxes = []
    margin = round(BOX_MARGIN / scale)
    for square in squares:
        pixels[
            max(0, square.top - margin) : square.bottom + margin + 1,
            max(0, square.left - margin) : square.right + margin + 1,
        ] = 255  # Tesseract would read the box as a letter
        ticked, confidence = verdict(square.ink)
        boxes.append(
            OcrBox(
                *_points(square.left, square.top, square.right + 1, square.bottom + 1, across, down),
                ticked,
                confidence,
            )
        )
    failure = f"{label}: OCR failed on page {page.number}"
    words = tuple(
        OcrWord(
            word.text,
            *_points(word.left, word.top, word.right, word.bottom, across, down),
            round(word.confidence, 3),
        )
        for word in read_words(Image.fromarray(pixels), page.dpi, failure)
    )
    rules = tuple(OcrRule(*_points(a, b, c + 1, d + 1, across, down)) for a, b, c, d in lines)
    return OcrPage(
        round(page.width, 2),
        round(page.height, 2),
        words,
        tuple(boxes),
        rules,
        degrees,
        _mean_confidence(words),
    )


def _points(
    left: int, top: int, right: int, bottom: int, across: float, down: float
) -> tuple[float, float, float, float]:
    return round(left * across, 2), round(top * down, 2), round(right * across, 2), round(bottom * down, 2)


def _for_skew(page: PageImage) -> Image.Image:
    image = page.image
    factor = SKEW_DPI / page.scale
    if factor >= 0.9:
        return image
    size = (max(1, round(image.width * factor)), max(1, round(image.height * factor)))
    return image.resize(size, Image.Resampling.BOX)


def _mean_confidence(words: tuple[OcrWord, ...]) -> float:
    weight = sum(len(word.text) for word in words)
    if not weight:
        return 0.0
    return round(sum(word.confidence * len(word.text) for word in words) / weight, 3)
