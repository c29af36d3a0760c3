"""What OCR gives the reader: each page's words, tick boxes and drawn table lines.

Every coordinate is in PDF points (1/72 inch) from the top-left corner of the page, y growing
down, on the page as it is after deskewing (see `OcrPage.skew_degrees`). An image with no
resolution recorded is taken to be at 72 dpi (one pixel a point).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import NeedsOcr, SupervisionFormsError
from ..geometry import Rule


class OcrUnavailable(NeedsOcr):
    """Tesseract (or, for PDFs, poppler's pdftoppm) is not installed: a scan needs OCR
    that cannot be done here."""


class ScanUnreadable(SupervisionFormsError):
    """OCR ran on a scan (or a PDF without usable text) and found no text: a blank page, or
    one too faint or too coarse to read. It needs a person, or a better scan."""

    reason = "no text found by OCR"


@dataclass(frozen=True)
class OcrWord:
    """A word as Tesseract read it; `confidence` is Tesseract's own, from 0 to 1."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    confidence: float

    def shares_line(self, other: OcrWord) -> bool:
        """Whether the two words are on one line: their ink overlaps by over half the
        shorter's height (boxes are the ink's, so equal tops cannot be asked for)."""
        shared = min(self.bottom, other.bottom) - max(self.top, other.top)
        return shared > 0.5 * min(self.bottom - self.top, other.bottom - other.top)


@dataclass(frozen=True)
class OcrBox:
    """A small drawn square (a tick box). `ticked` is None when the ink inside is too
    little for a tick and too much for an empty box; `confidence` (0 to 1) is how clear
    the verdict is."""

    x0: float
    top: float
    x1: float
    bottom: float
    ticked: bool | None
    confidence: float


OcrRule = Rule  # one shape for the PDF reader and OCR


@dataclass(frozen=True)
class OcrPage:
    """One page read by OCR. `skew_degrees` is how far the page was turned anticlockwise on
    the scanner (undone before reading); `mean_confidence` is the words' mean confidence,
    weighted by their length (0 for a page without words)."""

    width: float
    height: float
    words: tuple[OcrWord, ...]
    boxes: tuple[OcrBox, ...]
    rules: tuple[OcrRule, ...]
    skew_degrees: float
    mean_confidence: float
