"""Scans and images read by OCR (Tesseract), for the reader: each page's words, tick boxes
and drawn table lines, in PDF points on the deskewed page. See `model` for the types.

    pages = ocr_pdf_pages(data, [2], label="scan.pdf")   # 0-based page numbers
    pages = ocr_image(data, label="scan.tif")            # one OcrPage a frame

`needs_ocr(text)` tells whether a PDF page's text layer is missing or garbage.
"""

from __future__ import annotations

from collections.abc import Sequence

from .model import OcrBox, OcrPage, OcrRule, OcrUnavailable, OcrWord
from .page import read_page
from .raster import image_pages, pdf_page_images
from .tesseract import require_tesseract, tesseract_available
from .textlayer import needs_ocr

__all__ = [
    "OcrBox",
    "OcrPage",
    "OcrRule",
    "OcrUnavailable",
    "OcrWord",
    "needs_ocr",
    "ocr_image",
    "ocr_pdf_pages",
    "tesseract_available",
]


def ocr_pdf_pages(data: bytes, pages: Sequence[int] | None = None, *, label: str) -> list[OcrPage]:
    """The given pages of a PDF (0-based; all when None) read by OCR. `label` names the
    file in errors (never its content)."""
    require_tesseract()
    return [read_page(page, label) for page in pdf_page_images(data, pages, label)]


def ocr_image(data: bytes, *, label: str) -> list[OcrPage]:
    """A PNG, JPEG or TIFF image read by OCR: one page for each frame of the file."""
    require_tesseract()
    return [read_page(page, label) for page in image_pages(data, label)]
