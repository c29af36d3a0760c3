"""The OCR tests need Tesseract and poppler: skipped without them, except in CI."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from supervision_forms.ocr import tesseract_available

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def require_ocr_tools() -> None:
    """Skip without Tesseract (and poppler, which renders PDFs for it), except in CI."""
    missing = [name for name in ("pdftoppm", "pdfinfo", "pdftotext") if shutil.which(name) is None]
    if not tesseract_available():
        missing.append("tesseract (with English data)")
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI must have {', '.join(missing)}")
        pytest.skip(f"not installed: {', '.join(missing)}")


@pytest.fixture
def tesseract() -> None:
    require_ocr_tools()


@pytest.fixture(scope="session")
def cancellation() -> bytes:
    """Surrey's example cancellation form as LibreOffice exports it (one page, three boxes)."""
    return (FIXTURES / "cancellation.pdf").read_bytes()
