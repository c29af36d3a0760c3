"""Scans and images read by OCR (Tesseract), for the reader: each page's words, tick boxes
and drawn table lines, in PDF points on the deskewed page. See `model` for the types.

    pages = ocr_pdf_pages(data, [2], label="scan.pdf")   # 0-based page numbers; None: all
    pages = ocr_image(data, label="scan.tif")            # PNG, JPEG, TIFF: one OcrPage a frame

`needs_ocr(text)` tells whether a PDF page's text layer is missing or garbage.

What the reader should know:
- Coordinates: points from the top-left of the page as it is after deskewing (and, for a page
  scanned upside down or sideways, after setting it upright: `skew_degrees` is then 90, 180
  or 270 plus the small skew). An image with no resolution recorded is in pixels (72 dpi).
- Words: Tesseract's, in its reading order; their boxes are the ink's (a word without
  ascenders is shorter than its neighbours), so group words into lines by the overlap of
  their vertical extents, not by equal tops. `confidence` is Tesseract's own, 0 to 1; on our
  scans, words at 0.9 or more were right over 99 % of the time, from 0.8 to 0.9 about 85 %,
  under 0.8 under half (benchmarks/ocr_accuracy.py's scans). Tick-box glyphs are never words: the
  boxes are whitened before Tesseract reads the page.
- Rules: drawn lines at least 20 points long (vertical ones shorter than 40 points only where
  they meet a horizontal one), from table borders, answer lines and underlines. Cells are
  the rectangles between neighbouring horizontal rules and vertical rules that span them.
- Boxes: squares of 6 to 20 points; `ticked` is None when the ink inside is neither clearly
  a mark nor clearly nothing, and `confidence` is then 0.
- Cost: about as much CPU as Tesseract itself (about 2 s an A4 page on one core), limited
  in CPU time and memory per page, never by the clock.
"""

from __future__ import annotations

from collections.abc import Sequence

from .model import OcrBox, OcrPage, OcrRule, OcrUnavailable, OcrWord, ScanUnreadable
from .tesseract import require_tesseract, tesseract_available
from .textlayer import needs_ocr

__all__ = [
    "OcrBox",
    "OcrPage",
    "OcrRule",
    "OcrUnavailable",
    "OcrWord",
    "ScanUnreadable",
    "needs_ocr",
    "ocr_image",
    "ocr_pdf_pages",
    "tesseract_available",
]


def ocr_pdf_pages(data: bytes, pages: Sequence[int] | None = None, *, label: str) -> list[OcrPage]:
    """The given pages of a PDF (0-based; all when None) read by OCR. `label` names the
    file in errors (never its content)."""
    from .page import read_page  # numpy and Pillow: loaded only where pages are read
    from .raster import pdf_page_images

    require_tesseract()
    return [read_page(page, label) for page in pdf_page_images(data, pages, label)]


def ocr_image(data: bytes, *, label: str) -> list[OcrPage]:
    """A PNG, JPEG or TIFF image read by OCR: one page for each frame of the file."""
    from .page import read_page
    from .raster import image_pages

    require_tesseract()
    return [read_page(page, label) for page in image_pages(data, label)]
