"""A second read of the words Tesseract was unsure of, each on its own.

Tesseract reads a word in the context of its line; a word it was fairly but not fully
sure of (0.5 to 0.9) is read again alone, cut out of the page and enlarged, all such words
of a page stacked in one strip so Tesseract runs once more per page, not once per word.
When the second read spells the word exactly as the first did, and is sure of it, the
two independent reads agree: the word is taken as sure as the second read was (never
above it). When they differ, the word stays as unsure as it was. Nothing is ever changed
to the second read's spelling: a second read only confirms.
"""

from __future__ import annotations

from dataclasses import replace

from PIL import Image

from .tesseract import Word, read_words

LOW, SURE = 0.5, 0.9  # words read with a confidence in [LOW, SURE) are read again
ENLARGE = 2  # times: a word is read again at twice the resolution
MARGIN = 0.25  # of the word's height: paper kept round a word cut out
GAP = 1.0  # of the tallest word's height: paper between two words in the strip
MAX_WORDS = 60  # words read again on a page at most (the least sure first)
MAX_SIDE = 32767  # pixels: Tesseract reads no taller or wider image


def confirmed(image: Image.Image, words: list[Word], dpi: float | None, failure: str) -> list[Word]:
    """The words, those a second read alone spells the same way and is sure of now as
    sure as that read was."""
    unsure = sorted(
        (i for i, w in enumerate(words) if LOW <= w.confidence < SURE and _readable(w)),
        key=lambda i: words[i].confidence,
    )[:MAX_WORDS]
    if not unsure:
        return words
    strip, places = stacked(image, [words[i] for i in unsure])
    if not places:
        return words
    again = read_words(strip, dpi * ENLARGE if dpi else None, failure, single_block=True)
    out = list(words)
    for index, (top, bottom) in zip(unsure, places, strict=False):  # those that did not fit stay unsure
        inside = [w for w in again if top <= (w.top + w.bottom) / 2 < bottom]
        if len(inside) == 1 and inside[0].text == words[index].text and inside[0].confidence >= SURE:
            out[index] = replace(words[index], confidence=inside[0].confidence)
    return out


def _readable(word: Word) -> bool:
    """Whether a word is worth reading again: letters or digits, none accented (English
    data confuses accents however often it reads them)."""
    return word.text.isascii() and any(c.isalnum() for c in word.text)


def stacked(image: Image.Image, words: list[Word]) -> tuple[Image.Image, list[tuple[int, int]]]:
    """The words cut out, enlarged and stacked on white paper, and where each one's slot
    is, top to bottom, in the strip: as many of them, in order, as fit in an image Tesseract
    reads (on a page read sideways, "words" a line tall stack past its limit)."""
    crops = []
    for word in words:
        pad = max(2, round(MARGIN * (word.bottom - word.top)))
        box = (
            max(0, word.left - pad),
            max(0, word.top - pad),
            min(image.width, word.right + pad),
            min(image.height, word.bottom + pad),
        )
        crop = image.crop(box)
        crops.append(crop.resize((crop.width * ENLARGE, crop.height * ENLARGE), Image.Resampling.LANCZOS))
    gap = max(8, round(GAP * max(c.height for c in crops)))
    fit, height = 0, gap
    for crop in crops:
        if height + crop.height + gap > MAX_SIDE or crop.width + 2 * gap > MAX_SIDE:
            break
        height += crop.height + gap
        fit += 1
    crops = crops[:fit]
    if not crops:
        return Image.new("L", (1, 1), 255), []
    width = max(c.width for c in crops) + 2 * gap
    strip = Image.new("L", (width, height), 255)
    places = []
    y = gap
    for crop in crops:
        strip.paste(crop, (gap, y))
        places.append((y - gap // 2, y + crop.height + gap // 2))
        y += crop.height + gap
    return strip, places
