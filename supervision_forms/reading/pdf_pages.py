"""The worker's task for a PDF: its pages' words with their boxes, drawn rules and tick
boxes (pypdfium2), and the document's keywords, form fields and attached data (pypdf).
Runs in a worker process (`worker.py`); answers with plain JSON."""

from __future__ import annotations

import bisect
import ctypes
import dataclasses
import io
import logging
import unicodedata
from dataclasses import dataclass
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pypdf import PdfReader, apply_configuration, get_configuration
from pypdf.errors import DependencyError, LimitReachedError

from ..errors import CorruptDocument, DocumentTooLarge, EncryptedDocument, SupervisionFormsError
from ..ocr.textlayer import needs_ocr
from ..pdfdata import ATTACHMENT  # the data our own PDFs carry
from .page import OVERDRAWN, Box, Page, Rule, Word
from .text import SYMBOLS

MAX_PAGES = 60
MAX_PAGE_CONTENT = 8_000_000  # bytes of drawing instructions on one page (a form's have ~100,000)
MAX_ATTACHMENT = 2_000_000
BOX_SIZES = (6.0, 18.0)  # points: a square this size is taken for a tick box (bullets are smaller)
THIN = 2.0  # points: a filled shape this thin is a drawn line
WORD_GAP = 0.25  # of the font size: a wider gap between characters separates words
DRAWN_BACK = 0.5  # of the font size: a character starting this far back, before the one before it
# began, is drawn over it (a text box typed over a label), not kerned or a ligature's part
STRIKE_BAND = (0.25, 0.7)  # of a word's box, from its top: where the middle of a line striking it lies
STRUCK_BAND = (0.1, 0.8)  # and where a line that strikes other words strikes it too
ALONE = set("☐☒☑□■•▪◦➢✓✔") | set(SYMBOLS.values())  # glyphs that are a word of their own
PICTURED = 0.6  # share of a page covered by pictures: with few words on it, it is a scan
FEW_WORDS = 30  # fewer words of text than a filled form's page has (a scanner's stamp)
PASSWORD_NEEDED = 4  # pdfium's FPDF_ERR_PASSWORD
PYPDF_LIMITS = {  # pypdf's own limits (75 MB streams), tightened: we only need the text
    "zlib_maximum_output_length": 16_000_000,
    "lzw_maximum_output_length": 16_000_000,
    "run_length_maximum_output_length": 16_000_000,
    "brotli_maximum_output_length": 16_000_000,
    "array_based_stream_maximum_output_length": 16_000_000,
    "stream_decoding_work_maximum_length": 64_000_000,
    "page_tree_maximum_entries": 10_000,
    "jbig2dec_binary": None,  # never run an external program on an uploaded file
}


def extract(data: bytes, label: str) -> dict[str, Any]:
    """The worker's task: everything `PdfText` holds, as JSON."""
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)  # its messages may quote the file
    try:
        with apply_configuration(get_configuration().with_overwrites(**PYPDF_LIMITS)):
            keywords, fields, attached = _document(data, label)
        pages, pictured = _pages(data, label)
    except SupervisionFormsError:
        raise
    except (LimitReachedError, MemoryError):
        raise DocumentTooLarge(f"{label}: the PDF is over the reading limits (a PDF bomb?)") from None
    except Exception as error:  # pypdf's and pdfium's failures are many: all mean damage
        raise CorruptDocument(f"{label}: the PDF is damaged or unreadable") from error
    return {
        "pages": [p.to_json() for p in pages],
        "scanned": [page.number for page in pages if _scanned(page, pictured[page.number])],
        "keywords": keywords,
        "fields": fields,
        "attached": attached,
    }


def _document(data: bytes, label: str) -> tuple[str, dict[str, str], str | None]:
    """Keywords, form fields and our attached data; the drawing instructions checked for size."""
    reader = PdfReader(io.BytesIO(data), strict=False)
    _unlock(reader, label)
    if len(reader.pages) > MAX_PAGES:
        raise DocumentTooLarge(f"{label}: the PDF has over {MAX_PAGES} pages")
    for page in reader.pages:
        if _content_size(page.get("/Contents")) > MAX_PAGE_CONTENT:
            raise DocumentTooLarge(f"{label}: the PDF is over the reading limits (a page too large)")
    info = reader.metadata
    keywords = str(info.get("/Keywords", "")) if info else ""
    fields = {
        str(name): str(value)
        for name, value in (reader.get_form_text_fields() or {}).items()
        if value not in (None, "")
    }
    attached = None
    if "supervision-forms" in keywords:
        found = reader.attachments.get(ATTACHMENT) or []
        if found and len(found[0]) <= MAX_ATTACHMENT:
            attached = found[0].decode("utf-8", "replace")
    return keywords, fields, attached


def _content_size(contents: Any) -> int:
    """Bytes of a page's drawing instructions, decoded (within pypdf's limits)."""
    if contents is None:
        return 0
    contents = contents.get_object()
    parts = contents if isinstance(contents, list) else [contents]
    return sum(len(part.get_object().get_data()) for part in parts)


def _unlock(reader: PdfReader, label: str) -> None:
    """Open a PDF that is encrypted without a password to open (only edits restricted);
    refuse one that needs a password."""
    if not reader.is_encrypted:
        return
    try:
        opened = bool(reader.decrypt(""))
    except DependencyError:  # pragma: no cover - `cryptography` is a dependency
        opened = False
    if not opened:
        raise EncryptedDocument(f"{label}: the PDF is password-protected")


def _pages(data: bytes, label: str) -> tuple[list[Page], list[float]]:
    """Each page, and the share of each page that pictures cover (a scan: nearly all)."""
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if getattr(error, "err_code", None) == PASSWORD_NEEDED:
            raise EncryptedDocument(f"{label}: the PDF is password-protected") from None
        raise CorruptDocument(f"{label}: the PDF is damaged or unreadable") from None
    try:
        pages, pictured = [], []
        for number in range(len(document)):
            page = document[number]
            textpage = page.get_textpage()
            height = page.get_height()
            rules, boxes = _drawn(page, height)
            pages.append(
                Page(number, page.get_width(), height, _words(textpage, height, rules), rules, boxes)
            )
            pictured.append(_pictured(page, page.get_width(), height))
            textpage.close()
            page.close()
        return pages, pictured
    finally:
        document.close()


# spacing accents a typesetter draws apart, over (or under) their letter, and the
# combining marks they stand for (TeX's OT1 fonts do: "s" and "´" for "ś")
ACCENTS = {
    "\u00b4": "\u0301", "\u02cb": "\u0300", "\u00a8": "\u0308", "\u02c6": "\u0302", "\u02dc": "\u0303",
    "\u00b8": "\u0327", "\u02c7": "\u030c", "\u02d8": "\u0306", "\u02d9": "\u0307", "\u02da": "\u030a",
    "\u02db": "\u0328", "\u02dd": "\u030b", "\u00af": "\u0304",
}  # fmt: skip
ACCENT_REACH = 40  # characters either side of an accent where its letter is looked for


@dataclass
class _Glyph:
    """One character of a page's text with its box (PDF points from the bottom)."""

    char: str
    left: float
    right: float
    top: float
    bottom: float
    size: float


def _glyphs(textpage: Any) -> list[_Glyph]:
    """The page's characters with their boxes, in the order the PDF gives them. A glyph
    the font maps to no character is U+FFFD, with no height of its own (its box is no
    glyph's, often far taller than the line)."""
    count = textpage.count_chars()
    text = textpage.get_text_range(0, count) if count > 0 else ""
    if len(text) != count:  # characters outside the BMP: one at a time
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, i) or 0xFFFD) for i in range(count))
    rect = pdfium_c.FS_RECTF()
    glyphs: list[_Glyph] = []
    for index, char in enumerate(text):
        if char.isspace() or char in "\x00\ufffe":
            glyphs.append(_Glyph(char, 0.0, 0.0, 0.0, 0.0, 0.0))
            continue
        unmapped = char < " " or char == "\ufffd" or "\ud800" <= char <= "\udfff"
        pdfium_c.FPDFText_GetLooseCharBox(textpage.raw, index, rect)
        size = pdfium_c.FPDFText_GetFontSize(textpage.raw, index) or (rect.top - rect.bottom)
        if unmapped:
            middle = (rect.top + rect.bottom) / 2
            glyphs.append(_Glyph("\ufffd", rect.left, rect.right, middle, middle, 0.0))
        else:
            glyphs.append(_Glyph(SYMBOLS.get(char, char), rect.left, rect.right, rect.top, rect.bottom, size))
    return _accented(glyphs)


def _accented(glyphs: list[_Glyph]) -> list[_Glyph]:
    """Accents drawn apart put on the letter they sit over ("s" + "´" -> "ś"), where the
    two make one character; an accent over no letter stays as it is."""
    out = list(glyphs)
    gone: set[int] = set()
    for index, glyph in enumerate(glyphs):
        mark = ACCENTS.get(glyph.char)
        if mark is None:
            continue
        middle = (glyph.left + glyph.right) / 2
        for other in range(max(0, index - ACCENT_REACH), min(len(glyphs), index + ACCENT_REACH)):
            letter = out[other]
            if (
                other != index
                and letter.char.isalpha()
                and letter.left <= middle <= letter.right
                and letter.bottom < glyph.top
                and glyph.bottom < letter.top
            ):
                composed = unicodedata.normalize("NFC", letter.char + mark)
                if len(composed) == 1:
                    out[other] = dataclasses.replace(letter, char=composed)
                    gone.update({index, *_kerned_apart(glyphs, index)})
                break
    return [glyph for index, glyph in enumerate(out) if index not in gone]


def _kerned_apart(glyphs: list[_Glyph], index: int) -> set[int]:
    """The spaces a reader put on either side of an accent that was moved onto its letter
    where the glyphs either side of them touch ("Wi ´sniewska": TeX kerns the accent
    along; no space was written)."""
    if not 0 < index < len(glyphs) - 1:
        return set()
    before, after = index - 1, index + 1
    while before > 0 and glyphs[before].char == " ":
        before -= 1
    while after < len(glyphs) - 1 and glyphs[after].char == " ":
        after += 1
    left, right = glyphs[before], glyphs[after]  # (a space at either end: no size, so not level)
    spaces = {n for n in range(before + 1, after) if n != index and glyphs[n].char == " "}
    touch = abs(right.left - left.right) <= WORD_GAP * max(left.size, right.size)
    return spaces if touch and left.bottom < (right.top + right.bottom) / 2 < left.top else set()


Chars = list[tuple[str, float, float]]  # a word's characters: character, left, right
Drawn = tuple[Chars, float, float, float]  # a word's characters, top, bottom, font size


def _words(textpage: Any, height: float, rules: tuple[Rule, ...]) -> tuple[Word, ...]:
    """The page's characters grouped into words, in the order the PDF gives them. Text
    struck through (a tracked deletion, as Word and LibreOffice print it) becomes words
    with no text, which keep their room."""
    drawn: list[Drawn] = []
    chars: Chars = []
    top = bottom = size = 0.0
    for glyph in _glyphs(textpage):
        char = glyph.char
        if char == "\ufffe" and chars:  # a hyphen that ends a line (pdfium marks it so)
            chars.append(("-", chars[-1][2], chars[-1][2]))
            char = " "
        if char.isspace() or char in "\x00\ufffe":
            drawn.append((chars, height - top, height - bottom, size))
            chars = []
            continue
        if chars and (
            char in ALONE
            or chars[-1][0] in ALONE
            or glyph.left - chars[-1][2] > WORD_GAP * size
            or glyph.left < chars[-1][2] - 2 * size
            or (glyph.left < chars[-1][2] - OVERDRAWN * size and chars[-1][0].islower() and char.isupper())
            or (
                glyph.left < chars[-1][2] - DRAWN_BACK * size and glyph.left < chars[-1][1] - OVERDRAWN * size
            )
            or not (bottom - 0.5 * size < (glyph.top + glyph.bottom) / 2 < top + 0.5 * size)
        ):
            drawn.append((chars, height - top, height - bottom, size))
            chars = []
        if not chars:
            top, bottom, size = glyph.top, glyph.bottom, glyph.size
            if not size:  # (a glyph without a character first: the line's size is not known)
                size = 10.0
        chars.append((char, glyph.left, glyph.right))
        if glyph.size:
            top, bottom = max(top, glyph.top), min(bottom, glyph.bottom)
    drawn.append((chars, height - top, height - bottom, size))
    strikes = strike_lines([word for word in drawn if word[0]], rules)
    return tuple(part for word in drawn if word[0] for part in _struck_apart(*word, strikes))


def strike_lines(words: list[Drawn], rules: tuple[Rule, ...]) -> list[Rule]:
    """The drawn lines that strike text through: each runs through the middle band of
    a word it crosses. (An underline runs lower, near the baseline: a line counts by its
    middle.)"""
    flat = sorted((r for r in rules if r.horizontal), key=lambda r: r.top)
    found: dict[Rule, None] = {}
    for chars, top, bottom, _ in words:
        band = (top + STRIKE_BAND[0] * (bottom - top), top + STRIKE_BAND[1] * (bottom - top))
        first = bisect.bisect_left(flat, band[0] - THIN, key=lambda r: r.top)
        for rule in flat[first:]:
            if rule.top > band[1]:
                break
            if band[0] <= (rule.top + rule.bottom) / 2 <= band[1] and any(_crosses(rule, c) for c in chars):
                found[rule] = None
    return list(found)


def _crosses(rule: Rule, char: tuple[str, float, float]) -> bool:
    return min(rule.x1, char[2]) - max(rule.x0, char[1]) >= 0.6 * (char[2] - char[1])


def _struck_apart(chars: Chars, top: float, bottom: float, size: float, strikes: list[Rule]) -> list[Word]:
    """A word, split where a line striking text through (`strike_lines`) crosses part of
    it (STRUCK_BAND); the struck parts have no text. A word of short letters ("see"), its
    box drawn differently, is struck by the line that strikes the words beside it."""
    low, high = (top + share * (bottom - top) for share in STRUCK_BAND)
    crossing = [r for r in strikes if low <= (r.top + r.bottom) / 2 <= high]
    parts: list[tuple[bool, Chars]] = []
    for char in chars:
        struck = any(_crosses(r, char) for r in crossing)
        if parts and parts[-1][0] == struck:
            parts[-1][1].append(char)
        else:
            parts.append((struck, [char]))
    return [
        Word(
            "" if struck else _unswapped("".join(c[0] for c in part)),
            round(part[0][1], 2),
            round(top, 2),
            round(max(c[2] for c in part), 2),
            round(bottom, 2),
            round(size, 2),
        )
        for struck, part in parts
    ]


def _unswapped(text: str) -> str:
    """A word with ligatures whose Unicode a producer wrote byte-swapped ("ﬁ" as
    U+6600 U+6900, Ghostscript does) read as the letters they are, where the word has
    Latin letters too or is all such characters."""
    swapped = [0x2000 <= ord(c) < 0x7F00 and ord(c) & 0xFF == 0 for c in text]
    if not any(swapped) or not (all(swapped) or any(c.isascii() and c.isalpha() for c in text)):
        return text
    return "".join(chr(ord(c) >> 8) if flag else c for c, flag in zip(text, swapped, strict=True))


def _drawn(page: Any, height: float) -> tuple[tuple[Rule, ...], tuple[Box, ...]]:
    """Lines drawn on a page (thin shapes, and the sides of stroked rectangles) and tick
    boxes (small squares; ticked when another shape is drawn inside)."""
    rules: list[Rule] = []
    squares: list[tuple[float, float, float, float]] = []
    marks: list[tuple[float, float, float, float]] = []
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    for shape in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=3):
        left, bottom, right, top = shape.get_bounds()
        x0, y0, x1, y1 = left, height - top, right, height - bottom
        width, tall = x1 - x0, y1 - y0
        if (tall <= THIN and width > THIN) or (width <= THIN and tall > THIN):
            rules.append(Rule(round(x0, 2), round(y0, 2), round(x1, 2), round(y1, 2)))
            continue
        upright = _upright(shape)
        if upright and BOX_SIZES[0] <= width <= BOX_SIZES[1] and abs(width - tall) <= 2.0:
            squares.append((x0, y0, x1, y1))
            continue
        pdfium_c.FPDFPath_GetDrawMode(shape.raw, ctypes.byref(fill), ctypes.byref(stroke))
        if stroke.value and upright and pdfium_c.FPDFPath_CountSegments(shape.raw) <= 5:
            rules.extend(
                Rule(round(a, 2), round(b, 2), round(c, 2), round(d, 2))
                for a, b, c, d in ((x0, y0, x1, y0), (x0, y1, x1, y1), (x0, y0, x0, y1), (x1, y0, x1, y1))
            )
        elif width < BOX_SIZES[1] and tall < BOX_SIZES[1]:
            marks.append((x0, y0, x1, y1))
    boxes = tuple(
        Box(
            round(x0, 2),
            round(y0, 2),
            round(x1, 2),
            round(y1, 2),
            any(_inside(m, (x0, y0, x1, y1)) for m in marks),
        )
        for x0, y0, x1, y1 in squares
    )
    return tuple(rules), boxes


def _scanned(page: Page, pictured: float) -> bool:
    """Whether a page is to be read by OCR: its text layer is missing or garbage (fonts
    without a map to Unicode), or a picture covers it with only a few words of text on
    it (a scan with a stamp or a page number added)."""
    text = " ".join(word.text for word in page.words if word.text)
    return needs_ocr(text) or (pictured >= PICTURED and len(text.split()) < FEW_WORDS)


def _pictured(page: Any, width: float, height: float) -> float:
    """The share of the page that pictures cover (their areas added, within the page)."""
    covered = 0.0
    for picture in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3):
        left, bottom, right, top = picture.get_bounds()
        across = min(right, width) - max(left, 0.0)
        down = min(top, height) - max(bottom, 0.0)
        covered += max(0.0, across) * max(0.0, down)
    return round(min(1.0, covered / max(1.0, width * height)), 3)


def _upright(shape: Any) -> bool:
    """Whether every segment of a path runs straight across or straight down (a
    rectangle), unlike a tick or a cross."""
    x, y = ctypes.c_float(), ctypes.c_float()
    previous: tuple[float, float] | None = None
    for index in range(pdfium_c.FPDFPath_CountSegments(shape.raw)):
        segment = pdfium_c.FPDFPath_GetPathSegment(shape.raw, index)
        pdfium_c.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y))
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        if kind == pdfium_c.FPDF_SEGMENT_BEZIERTO:
            return False
        point = (x.value, y.value)
        moved = previous is not None and min(abs(point[0] - previous[0]), abs(point[1] - previous[1])) > 0.5
        if kind == pdfium_c.FPDF_SEGMENT_LINETO and moved:
            return False
        previous = point
    return True


def _inside(mark: tuple[float, float, float, float], box: tuple[float, float, float, float]) -> bool:
    return box[0] - 1 <= mark[0] and mark[2] <= box[2] + 1 and box[1] - 1 <= mark[1] and mark[3] <= box[3] + 1
