"""Scans read by OCR into the pages every other reader reads (`page.Page`).

A PDF page with no usable text layer, and every page of a PNG, JPEG or TIFF file, is read
by OCR (`supervision_forms.ocr`: deskewed, tick boxes and rules found in the pixels, words
by Tesseract) in a reading worker (`worker.py`), one page a request: the worker's own
work is limited in CPU time per page, each Tesseract run by its own limit, and nothing
forks the caller. The page comes back as a `Page`:

- words keep Tesseract's confidence; they are grouped into lines by the overlap of their
  ink, and each line's words are given the box a PDF's text layer would give them (from
  the cap height up, the descenders down), so the layout groups them into the same lines;
- each tick box becomes a word of its own, ☒ or ☐, as a box drawn in a font reads; a box
  that cannot be told ticked or not becomes □ with no confidence, which never ticks;
- drawn rules stay rules (table borders, answer lines).
"""

from __future__ import annotations

import itertools
import json
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from typing_extensions import TypeIs

from ..errors import CorruptDocument
from . import worker
from .page import Box, Page, Rule, Word

if TYPE_CHECKING:  # the OCR package (numpy, Pillow) is imported where pages are read
    from ..ocr import OcrBox, OcrPage, OcrWord

SECONDS_PER_PAGE = 40.0  # CPU seconds of the worker on a page, its Tesseract reads included (in-process)
TICKED, EMPTY, UNDECIDED = "☒", "☐", "□"
CAP_HEIGHT = 0.72  # of the font size: the ink of a line's capitals and ascenders above its baseline
ASCENT, DESCENT = 0.9, 0.22  # of the font size: a text layer's word box above and below the baseline
JOIN_OVERLAP = 0.5  # of the shorter: ink that overlaps a line's this much is on that line
SPECK = 0.5  # OCR confidence: a word of punctuation only, under it, is a speck of dirt


def ocr_pdf(data: bytes, numbers: Sequence[int], label: str) -> dict[int, Page]:
    """The given pages of a PDF (0-based) read by OCR."""
    from ..ocr.tesseract import require_tesseract

    require_tesseract()  # a clear message here, before any worker is asked
    found = {}
    for number in numbers:
        answer = _ask({"source": "pdf", "page": number}, data, label)
        found[number] = _cleaned(Page.from_json(answer["page"]))
    return found


def ocr_image(data: bytes, label: str) -> list[Page]:
    """Every page (frame) of a PNG, JPEG or TIFF file read by OCR."""
    from ..ocr.tesseract import require_tesseract

    require_tesseract()
    first = _ask({"source": "image", "page": 0}, data, label)
    pages = [Page.from_json(first["page"])]
    for number in range(1, int(first["pages"])):
        pages.append(Page.from_json(_ask({"source": "image", "page": number}, data, label)["page"]))
    return [_cleaned(page) for page in pages]


def _cleaned(page: Page) -> Page:
    """An OCR'd page with its words glued to leaders given back apart, and without the
    marks OCR read from specks of dirt (the reader's side: `ocr_leaders`, `ocr_specks`)."""
    from .ocr_leaders import apart
    from .ocr_specks import without_specks

    return without_specks(apart(page))


def _ask(request: dict[str, Any], data: bytes, label: str) -> dict[str, Any]:
    head = json.dumps(request).encode() + b"\n"
    return worker.run("ocr", head + data, label, SECONDS_PER_PAGE)


def ocr_task(payload: bytes, label: str) -> dict[str, Any]:
    """The worker's task: one page of a PDF or an image file read by OCR, as JSON, with
    how many pages the file has."""
    from ..ocr.page import read_page
    from ..ocr.raster import image_page, pdf_page

    head, _, data = payload.partition(b"\n")
    try:
        request = json.loads(head)
        number = int(request["page"])
        source = str(request["source"])
    except (ValueError, KeyError, TypeError):
        raise CorruptDocument(f"{label}: the OCR request was malformed") from None
    image, count = pdf_page(data, number, label) if source == "pdf" else image_page(data, number, label)
    return {"page": to_page(read_page(image, label), number).to_json(), "pages": count}


# --- OcrPage -> Page ------------------------------------------------------------------------


@dataclass
class _Line:
    """Words whose ink overlaps, with the line's usual top and bottom of ink."""

    items: list[OcrWord | OcrBox]
    top: float
    bottom: float

    def add(self, item: OcrWord | OcrBox) -> None:
        self.items.append(item)
        words = [i for i in self.items if not _is_box(i)] or self.items
        self.top = statistics.median(i.top for i in words)
        self.bottom = statistics.median(i.bottom for i in words)

    def overlap(self, item: OcrWord | OcrBox) -> float:
        """How much of the shorter of the item and the line the two share (0 to 1)."""
        shared = min(item.bottom, self.bottom) - max(item.top, self.top)
        shorter = min(item.bottom - item.top, self.bottom - self.top)
        return shared / shorter if shorter > 0 else 0.0


def to_page(ocr: OcrPage, number: int) -> Page:
    """An OCR'd page as the reader's `Page` (see the module's docstring)."""
    lines = _group([w for w in ocr.words if not _speck(w)] + list(ocr.boxes))
    bands = _bands(lines)
    words = []
    for line, (top, bottom, size) in zip(lines, bands, strict=True):
        for item in sorted(line.items, key=lambda i: i.x0):
            if _is_box(item):  # a box told ticked or not is as sure as a clear word; one not told, not at all
                glyph, sure = (
                    (UNDECIDED, 0.0) if item.ticked is None else (TICKED if item.ticked else EMPTY, 1.0)
                )
                words.append(Word(glyph, item.x0, top, item.x1, bottom, size, sure))
            else:
                words.append(Word(item.text, item.x0, top, item.x1, bottom, size, item.confidence))
    return Page(
        number,
        ocr.width,
        ocr.height,
        tuple(words),
        tuple(Rule(r.x0, r.top, r.x1, r.bottom) for r in ocr.rules),
        tuple(Box(b.x0, b.top, b.x1, b.bottom, b.ticked) for b in ocr.boxes),
    )


def _group(items: Iterable[OcrWord | OcrBox]) -> list[_Line]:
    """Words (and boxes) in lines, top first: each joins the line its ink overlaps most
    (by half of the shorter at least), or starts one."""
    lines: list[_Line] = []
    for item in sorted(items, key=lambda i: (i.top + i.bottom, i.x0)):
        recent = [line for line in lines[-12:] if line.bottom > item.top]
        best = max(recent, key=lambda line: line.overlap(item), default=None)
        if best is not None and best.overlap(item) >= JOIN_OVERLAP:
            best.add(item)
        else:
            lines.append(_Line([item], item.top, item.bottom))
    return sorted(lines, key=lambda line: line.top + line.bottom)


def _bands(lines: list[_Line]) -> list[tuple[float, float, float]]:
    """Each line's top, bottom and font size, as a text layer would give them; lines that
    would overlap meet halfway, so each word is on its own line however the page is read."""
    bands = []
    for line in lines:
        size = max(1.0, (line.bottom - line.top) / CAP_HEIGHT)
        bands.append([line.bottom - ASCENT * size, line.bottom + DESCENT * size, size])
    for upper, lower in itertools.pairwise(bands):
        if upper[1] > lower[0]:
            middle = (upper[1] + lower[0]) / 2
            upper[1] = lower[0] = middle
    return [(round(top, 2), round(max(bottom, top + 0.1), 2), round(size, 2)) for top, bottom, size in bands]


def _speck(word: OcrWord) -> bool:
    """Whether a word is punctuation only, read with little confidence: dirt, not text (no
    field's confidence is taken from punctuation, so it must not get into one)."""
    return word.confidence < SPECK and not any(c.isalnum() for c in word.text)


def _is_box(item: OcrWord | OcrBox) -> TypeIs[OcrBox]:
    return hasattr(item, "ticked")
