"""Whether a PDF page's text layer can be used, or the page needs OCR."""

from __future__ import annotations


def needs_ocr(page_text: str) -> bool:
    return not page_text.strip()
