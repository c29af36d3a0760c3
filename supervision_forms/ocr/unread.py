"""Ink no word explains, read again: lines of text Tesseract's page layout passed over.

Tesseract's page segmentation can take a block of text for a picture and give no words
for it at all: grey text underlined or struck through, as a tracked change prints, is
one such. The answer a person typed there would be silently lost. So the ink left when
the page's words, drawn rules and tick boxes are taken away is looked for in bands of
lines; each band of about a line's height or more and a few words wide is read again
as one block of lines, and its words are added where no word of the page is. A band
that reads as no sure words (a signature's scribble, a stamp, a logo) adds nothing.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from PIL import Image

from .pixels import Grey, Mask, grey
from .tesseract import Word, read_words

LIGHT = 200  # grey level: ink of grey text (a tracked change) is darker than this
WORD_MARGIN = 0.25  # of a word's height: ink this near a word is the word's own
RULE_MARGIN = 2  # pixels round a drawn rule that are the rule's own
ROW_INK = 3  # pixels of unexplained ink that make a row part of a band
ROW_GAP = 0.4  # of the page's usual word height: rows this far apart are one band
COLUMN_GAP = 2.0  # of the band's height, at most that of a line: columns this far apart part
MIN_HEIGHT = 0.6  # of the usual word height: a band lower than this is not a line of text
MIN_WIDTH = 3.0  # of the usual word height: a region narrower than this is not words
MARGIN = 0.5  # of the usual word height: paper kept round a region read again
SURE = 0.9  # confidence: a line read again is kept when half its words are this sure,
SURE_WORDS = 2  # ... and a region when it gives this many sure words of three letters or more
MAX_REGIONS = 6  # regions read again on a page at most (the largest first)


def unread_words(
    image: Image.Image,
    words: list[Word],
    rules: list[tuple[int, int, int, int]],
    dpi: float | None,
    failure: str,
) -> list[Word]:
    """Words of the text in `image` (the grey page Tesseract read) that its page read gave
    no word for, in the page's pixels; none when every line of ink is explained."""
    if not words:
        return []
    height = float(np.median([w.bottom - w.top for w in words]))
    left = _unexplained(grey(image), words, rules, height)
    found: list[Word] = []
    for top, bottom, x0, x1 in _regions(left, height)[:MAX_REGIONS]:
        pad = round(MARGIN * height)
        x, y = max(0, x0 - pad), max(0, top - pad)
        again = read_words(
            image.crop((x, y, min(image.width, x1 + pad), min(image.height, bottom + pad))),
            dpi,
            failure,
            single_block=True,
        )
        kept = [w for line in _lines(again) if _readable(line) for w in line]
        if sum(w.confidence >= SURE and sum(c.isalpha() for c in w.text) >= 3 for w in kept) < SURE_WORDS:
            continue
        for word in kept:
            placed = replace(
                word, left=word.left + x, top=word.top + y, right=word.right + x, bottom=word.bottom + y
            )
            if not any(_overlap(placed, other) for other in words):
                found.append(placed)
    return found


def _lines(words: list[Word]) -> list[list[Word]]:
    """Words of a block read, in its lines: each word with those whose middle is within it."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.top + w.bottom) / 2):
        middle = (word.top + word.bottom) / 2
        if lines and lines[-1][0].top <= middle <= lines[-1][0].bottom:
            lines[-1].append(word)
        else:
            lines.append([word])
    return lines


def _readable(line: list[Word]) -> bool:
    """Whether a line read again is text: half its words or more sure (a line of struck-
    through or scribbled ink reads as unsure nonsense, and is left out)."""
    return 2 * sum(w.confidence >= SURE for w in line) >= len(line)


def _unexplained(
    pixels: Grey, words: list[Word], rules: list[tuple[int, int, int, int]], height: float
) -> Mask:
    """The page's ink, grey included, without its words' and rules' own."""
    left: Mask = pixels < LIGHT
    for word in words:
        grow = round(WORD_MARGIN * max(height, word.bottom - word.top))
        _clear(left, (word.left, word.top, word.right, word.bottom), grow)
    for rule in rules:
        _clear(left, (rule[0], rule[1], rule[2] + 1, rule[3] + 1), RULE_MARGIN)
    return left


def _clear(mask: Mask, box: tuple[int, int, int, int], grow: int) -> None:
    x0, y0, x1, y1 = box
    mask[max(0, y0 - grow) : y1 + grow, max(0, x0 - grow) : x1 + grow] = False


def _regions(left: Mask, height: float) -> list[tuple[int, int, int, int]]:
    """Bands of rows with unexplained ink, split at wide gaps into (top, bottom, left,
    right) regions the size of words or more; the largest first."""
    rows = np.flatnonzero(left.sum(axis=1) >= ROW_INK)
    regions = []
    for top, bottom in _runs(rows, max(1, round(ROW_GAP * height))):
        if bottom - top < MIN_HEIGHT * height:
            continue
        columns = np.flatnonzero(left[top:bottom].any(axis=0))
        gap = max(1, round(COLUMN_GAP * min(bottom - top, height)))
        for x0, x1 in _runs(columns, gap):
            if x1 - x0 >= MIN_WIDTH * height:
                regions.append((top, bottom, x0, x1))
    return sorted(regions, key=lambda r: -(r[1] - r[0]) * (r[3] - r[2]))


def _runs(indices: np.ndarray, gap: int) -> list[tuple[int, int]]:
    """Runs of sorted indices, parted where two are more than `gap` apart: [start, end)."""
    if not len(indices):
        return []
    breaks = np.flatnonzero(np.diff(indices) > gap)
    starts = [int(indices[0]), *(int(indices[b + 1]) for b in breaks)]
    ends = [*(int(indices[b]) + 1 for b in breaks), int(indices[-1]) + 1]
    return list(zip(starts, ends, strict=True))


def _overlap(a: Word, b: Word) -> bool:
    across = min(a.right, b.right) - max(a.left, b.left)
    down = min(a.bottom, b.bottom) - max(a.top, b.top)
    return across > 0 and down > 0
