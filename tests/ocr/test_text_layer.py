"""needs_ocr: a PDF page whose text layer is missing or garbage is read by OCR instead."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from supervision_forms.ocr import needs_ocr

from ..conftest import SEEDS, shared_file
from .conftest import FIXTURES


def _pages(name: str) -> list[str]:
    reader = PdfReader(FIXTURES / name)
    return [page.extract_text() for page in reader.pages]


def it_keeps_the_text_layer_of_a_pdf_that_has_one() -> None:
    assert _pages("cancellation.pdf") and not any(needs_ocr(text) for text in _pages("cancellation.pdf"))


def it_reads_a_pdf_printed_through_postscript_by_ocr() -> None:
    """pdftops then ps2pdf: the fonts lose their map to Unicode, and pypdf's text is
    control characters."""
    assert all(needs_ocr(text) for text in _pages("cancellation-printed.pdf"))


def it_reads_a_pdf_whose_text_is_drawn_as_outlines_by_ocr() -> None:
    assert all(needs_ocr(text) for text in _pages("cancellation-outlines.pdf"))


@pytest.mark.parametrize(
    "garbage",
    [
        "",
        "  \n\t ",
        "!!\"# $%&' ()*+ ,-./ !!\"# $%&' ()*+ ,-./ 0123 !\"#$ %&'( )*+,",  # pdftotext's, from the same PDF
        "/g12 /g45 /g46 /g99 /g3 /g17 /g45 /g88",  # glyph names
        "\ue001\ue002\ue003 \ue004\ue005 Name",  # private-use characters
        "\ufffd\ufffd\ufffd \ufffd\ufffd \ufffd\ufffd\ufffd",
        # letters that make no words: each letter shifted, as a font with its own encoding gives
        "6XSHUYLVLRQ $JUHHPHQW 1DPH RI VXSHUYLVRU *UDFH 2NDIRU 1DPH RI VWDII PHPEHU 'DQLHO 3ULFH "
        "'DWH RI WKLV DJUHHPHQW 7KLV DJUHHPHQW VHWV RXW WKH DUUDQJHPHQWV VKDUHG YDOXHV DQG SXUSRVH",
    ],
)
def it_says_a_missing_or_garbage_text_layer_needs_ocr(garbage: str) -> None:
    assert needs_ocr(garbage)


@pytest.mark.parametrize(
    "text",
    [
        "Page 3 of 3",
        "Signed: ________ Date: 22/06/26",
        "Supervisor: Grace Okafor\nSupervisee: Daniel Price\nDate: 16 November 2026",
        "Name of supervisor • Grace Okafor  Review date 12/2027",
        "Zoë Brontë-Łukasz signed on behalf of the Service Manager",
    ],
)
def it_keeps_short_and_plain_text(text: str) -> None:
    assert not needs_ocr(text)


@pytest.mark.parametrize("council", sorted(SEEDS))
def it_keeps_the_text_of_every_councils_form(council: str) -> None:
    text = Path(shared_file("seeds", SEEDS[council])).read_text(encoding="utf-8")
    pages = [text[start : start + 3000] for start in range(0, len(text), 3000)]
    assert not any(needs_ocr(page) for page in pages)
