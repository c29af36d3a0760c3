"""One page image read: deskewed, its specks cleaned, its tick boxes and rules found (and the
boxes whitened, or Tesseract reads them as letters), its words read. A page that reads badly
is checked for being upside down or sideways, and read again upright if it was."""

from __future__ import annotations

from dataclasses import replace

from PIL import Image

from .accents import marks_of, missed
from .deskew import estimate_skew, straighten
from .glyphs import full_stop
from .latin import with_accents
from .marks import rules_and_boxes, verdict
from .model import OcrBox, OcrPage, OcrRule, OcrWord
from .pixels import despeckle, grey, ink
from .punctuation import doubted
from .raster import PageImage
from .second import confirmed
from .tesseract import ACCENTED_SURE, BAR, BAR_AS_I, BAR_IN_TEXT, read_words, upright_turn
from .unread import unread_words

SKEW_DPI = 150.0  # the skew is estimated on the page at about this resolution
BOX_MARGIN = 1.0  # points around a tick box whitened before Tesseract reads the page
CHECK_TURN_BELOW = 0.5  # mean confidence: under it, the page may be upside down or sideways
BAR_ON_RULE = 2.0  # points: a "|" this near a drawn vertical line is that line
LEADER_HEIGHT = 0.3  # of the page's usual word height: ink this flat is dots, not letters
DOT_PITCH = 3.0  # points between the dots of a leader, to count them
DOTS_SURE = 0.95  # confidence of dots told by their shape (Tesseract reads them as "eeee")
DASHES = set("-–—_~=")
WORD_GAP = 0.8  # of the word's height: a gap this wide at most is between words of a line


def read_page(page: PageImage, label: str) -> OcrPage:
    """The page's words, boxes and rules, in points on the deskewed (and upright) page."""
    failure = f"{label}: OCR failed on page {page.number}"
    read = _read(page, failure)
    if not read.words or (read.mean_confidence >= CHECK_TURN_BELOW and not _sideways(read.words)):
        return read
    turn = upright_turn(page.image, page.dpi, failure)
    if not turn:
        return read
    width, height = (page.height, page.width) if turn in (90, 270) else (page.width, page.height)
    turned = replace(page, image=page.image.rotate(-turn, expand=True), width=width, height=height)
    again = _read(turned, failure)
    upright = _sideways(read.words) and not _sideways(again.words)
    if not upright and again.mean_confidence <= read.mean_confidence:
        return read
    return replace(again, skew_degrees=round(turn + again.skew_degrees, 2))


def _read(page: PageImage, failure: str) -> OcrPage:
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
        ] = 255
        ticked, confidence = verdict(square.ink)
        boxes.append(
            OcrBox(
                *_points(square.left, square.top, square.right + 1, square.bottom + 1, across, down),
                ticked,
                confidence,
            )
        )
    rules = tuple(OcrRule(*_points(a, b, c + 1, d + 1, across, down)) for a, b, c, d in lines)
    words = []
    cleaned = Image.fromarray(pixels)
    first = read_words(cleaned, page.dpi, failure)
    first += unread_words(cleaned, first, lines, page.dpi, failure)
    found = confirmed(cleaned, first, page.dpi, failure)
    specks = inked & ~mask
    seen = [marks_of(mask, word, specks) for word in found]
    for word, marks in zip(with_accents(cleaned, found, seen, page.dpi, failure), seen, strict=True):
        if word.confidence > ACCENTED_SURE and missed(word.text, marks):
            word = replace(word, confidence=ACCENTED_SURE)  # an accent English data read past
        words.append(
            OcrWord(
                word.text,
                *_points(word.left, word.top, word.right, word.bottom, across, down),
                round(word.confidence, 3),
            )
        )

    def drawn_stop(word: OcrWord) -> bool:
        box = (
            round(word.top / down),
            round(word.bottom / down),
            round(word.x0 / across),
            round(word.x1 / across),
        )
        return full_stop(mask[box[0] : box[1], box[2] : box[3]])

    words = doubted(_bars(_dotted(words), rules), drawn_stop)
    return OcrPage(
        round(page.width, 2),
        round(page.height, 2),
        tuple(words),
        tuple(boxes),
        rules,
        degrees,
        _mean_confidence(tuple(words)),
    )


def _dotted(words: list[OcrWord]) -> list[OcrWord]:
    """Words whose ink is far flatter than letters are dots (a full stop, or a dot leader
    Tesseract read as "eeteneee" or "cotcsanca"): their text becomes the dots they are.
    Dashes and underscores are flat too, and stay as read."""
    heights = sorted(w.bottom - w.top for w in words)
    if not heights:
        return words
    usual = heights[len(heights) // 2]
    out = []
    for word in words:
        height, width = word.bottom - word.top, word.x1 - word.x0
        if height >= LEADER_HEIGHT * usual or set(word.text) <= DASHES:
            out.append(word)
            continue
        if width <= LEADER_HEIGHT * usual:  # one dot: a full stop, or a speck
            out.append(replace(word, text="."))
        else:
            dots = "." * max(2, round(width / DOT_PITCH))
            out.append(replace(word, text=dots, confidence=max(word.confidence, DOTS_SURE)))
    return out


def _bars(words: list[OcrWord], rules: tuple[OcrRule, ...]) -> list[OcrWord]:
    """Tesseract's "|" words: on a drawn vertical line, that line (dropped); otherwise the
    word "I" (a sans-serif capital I is a bar), as sure as Tesseract was only when a word
    follows it closely on its line (or it ends its line, close after a word) and it is no
    taller than the page's text."""
    heights = sorted(w.bottom - w.top for w in words if w.text != BAR)
    usual = heights[len(heights) // 2] if heights else 0.0
    out = []
    for word in words:
        if word.text != BAR:
            out.append(word)
            continue
        if _on_rule(word, rules):
            continue
        height = word.bottom - word.top
        on_line = [o for o in words if o is not word and o.shares_line(word)]
        after = [o.x0 - word.x1 for o in on_line if o.x0 >= word.x1]
        before = [word.x0 - o.x1 for o in on_line if o.x1 <= word.x0]
        close = WORD_GAP * height
        in_text = height <= 1.5 * usual and (
            min(after, default=close + 1) <= close or (not after and min(before, default=close + 1) <= close)
        )
        sure = min(word.confidence, BAR_IN_TEXT if in_text else BAR_AS_I)
        out.append(replace(word, text="I", confidence=sure))
    return out


def _on_rule(word: OcrWord, rules: tuple[OcrRule, ...]) -> bool:
    """Whether a "|" read by Tesseract lies on a drawn vertical line (a table border)."""
    middle = (word.x0 + word.x1) / 2
    return any(
        not rule.horizontal
        and rule.x0 - BAR_ON_RULE <= middle <= rule.x1 + BAR_ON_RULE
        and rule.top < word.bottom
        and word.top < rule.bottom
        for rule in rules
    )


def _sideways(words: tuple[OcrWord, ...]) -> bool:
    """Whether most longer words stand on end: Tesseract reads a sideways page's lines, but
    the words' boxes are then tall and narrow."""
    longer = [w for w in words if len(w.text) >= 4]
    return len(longer) >= 3 and sum(w.bottom - w.top > w.x1 - w.x0 for w in longer) > len(longer) / 2


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
