"""Reading PDFs: their text (with pypdf) and their identity stamp."""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass

from pypdf import PdfReader
from pypdf.errors import PdfReadError, PyPdfError

from ..errors import CorruptDocument, DocumentTooLarge, EncryptedDocument, NotASupervisionForm

MAX_PAGES = 60
MAX_PDF_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class PdfText:
    text: str
    keywords: str
    fields: dict[str, str]  # AcroForm fields, where the PDF has them


def read_pdf(data: bytes, label: str) -> PdfText:
    """The text of every page, the keywords and any form fields; clear errors otherwise."""
    if len(data) > MAX_PDF_BYTES:
        raise DocumentTooLarge(f"{label}: the PDF is over {MAX_PDF_BYTES // 2**20} MB")
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise EncryptedDocument(f"{label}: the PDF is password-protected")
        if len(reader.pages) > MAX_PAGES:
            raise DocumentTooLarge(f"{label}: the PDF has over {MAX_PAGES} pages")
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata
        keywords = str(info.get("/Keywords", "")) if info else ""
        fields = {
            str(name): str(value)
            for name, value in (reader.get_form_text_fields() or {}).items()
            if value not in (None, "")
        }
    except (EncryptedDocument, DocumentTooLarge):
        raise
    except (
        PdfReadError,
        PyPdfError,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        IndexError,
        RecursionError,
        OverflowError,
        ZeroDivisionError,
        AssertionError,
    ):
        raise CorruptDocument(f"{label}: the PDF is damaged or unreadable") from None
    text = "\n".join(pages)
    if not text.strip() and not fields:
        raise NotASupervisionForm(f"{label}: the PDF has no text layer (a scan?); it needs OCR first")
    return PdfText(text, keywords, fields)
