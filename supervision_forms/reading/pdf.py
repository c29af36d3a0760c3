"""Reading PDFs: each page's words with their boxes, drawn rules and tick boxes, and the
document's keywords, form fields and attached data.

The reading itself (`pdf_pages.py`) runs in a worker process (`worker.py`) limited in
CPU time and memory; the worker answers with plain JSON, made into `PdfText` here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import DocumentTooLarge
from . import worker
from .page import Page

MAX_PDF_BYTES = 50 * 1024 * 1024
SECONDS_PER_PDF = 5.0  # CPU seconds; a 60-page form reads in well under 1 s


@dataclass(frozen=True)
class PdfText:
    """What a PDF holds for reading: its pages, keywords, form fields and attached data."""

    pages: tuple[Page, ...]
    keywords: str
    fields: dict[str, str] = field(default_factory=dict)  # AcroForm text fields
    attached: str | None = None  # our data, in a PDF we made
    scanned: tuple[int, ...] = ()  # pages without a usable text layer, to be read by OCR


def read_pdf(data: bytes, label: str, *, seconds: float | None = None) -> PdfText:
    """The pages, keywords, form fields and attached data of a PDF; clear errors otherwise.
    Pages without a usable text layer are there as the PDF has them (see `scan.py`).

    Reading is bounded: by size and pages here, by pypdf's limits (tightened), by the
    drawing instructions per page, and by `seconds` of CPU time (default
    `SECONDS_PER_PDF`; `DocumentTooLarge` when it runs over)."""
    if len(data) > MAX_PDF_BYTES:
        raise DocumentTooLarge(f"{label}: the PDF is over {MAX_PDF_BYTES // 2**20} MB")
    answer = worker.run("pdf", data, label, SECONDS_PER_PDF if seconds is None else seconds)
    return PdfText(
        tuple(Page.from_json(page) for page in answer["pages"]),
        str(answer["keywords"]),
        {str(k): str(v) for k, v in answer["fields"].items()},
        answer.get("attached"),
        tuple(int(number) for number in answer.get("scanned", ())),
    )
