"""Scans read through the same reader as text PDFs: images and PDF pages without a usable
text layer are read by OCR, every field OCR read is warned about with its confidence, a
word OCR was unsure of never becomes a value, and without Tesseract the error says how to
install it (and that the file needs OCR, never that it is not a form)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from pypdf import PdfReader, PdfWriter

from supervision_forms import NeedsOcr, NotASupervisionForm, parse
from supervision_forms.extract import extract_folder
from supervision_forms.ocr import ScanUnreadable
from supervision_forms.reading import scan
from supervision_forms.reading.forms.read import PRINTED_SOURCE
from supervision_forms.reading.page import Page
from supervision_forms.reading.result import ParseResult
from tests.ocr.conftest import require_ocr_tools

from .scans import Scanner, png, scan_pdf_page

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "fixtures"
IMAGE = CORPUS / "scan-png" / "surrey-000.p1.png"  # the first page of a filled form, scanned
SCANNED_PDF = CORPUS / "scan" / "surrey-000.pdf"  # a whole form scanned: pictures only
GARBLED_PDF = CORPUS / "ps-garbled" / "surrey-000.pdf"  # text in fonts without a Unicode map
WHICH = shutil.which
CANCELLATIONS = ["cancellation.pdf", "cancellation-outlines.pdf", "cancellation-printed.pdf"]  # boxes 3 ways
INSTALL = "apt-get install tesseract-ocr tesseract-ocr-eng"


def _truth(item: str) -> dict[str, Any]:
    truth: dict[str, Any] = json.loads((CORPUS / "truth.json").read_text(encoding="utf-8"))[item]
    return truth


def _value(data: dict[str, Any], path: str) -> Any:
    node: Any = data
    for part in path.split("."):
        node = node.get(part) if isinstance(node, dict) else None
    return node


@pytest.fixture(scope="module", autouse=True)
def _tesseract() -> None:
    """Every test here reads scans: skipped without Tesseract and poppler (never in CI)."""
    require_ocr_tools()


@pytest.fixture(scope="module")
def image_result() -> ParseResult:
    return parse(IMAGE)


@pytest.fixture(scope="module")
def image_pages() -> list[Page]:
    return scan.ocr_image(IMAGE.read_bytes(), IMAGE.name)


def _without_tesseract(name: str) -> str | None:
    return None if name == "tesseract" else WHICH(name)


def it_reads_a_scanned_image_of_a_form_with_the_form_reader(image_result: ParseResult) -> None:
    image_read = image_result.envelope()
    assert (image_read["pack"], image_read["document"]) == ("surrey", "agreement")
    assert image_read["format"] == "png" and image_read["read_by"] == "ocr"
    on_page = json.loads((IMAGE.parent / "files.json").read_text(encoding="utf-8"))[IMAGE.name]["fields"]
    data, truth = image_read["data"], _truth("surrey-000")["data"]
    right = [path for path in on_page if _value(data, path) == _value(truth, path)]
    assert len(right) >= len(on_page) // 2, right


def it_warns_that_every_field_ocr_read_was_read_by_ocr_with_its_confidence(
    image_result: ParseResult,
) -> None:
    image_read = image_result.envelope()
    read = set(image_result.sources)
    assert read
    warned = {w["field"]: w["message"] for w in image_read["warnings"] if "read by OCR" in w["message"]}
    assert read <= set(warned)
    for path in read:
        assert "confidence" in warned[path]
        assert 0 < image_read["confidence"][path] < 1


def it_never_makes_a_value_of_a_word_ocr_was_unsure_of(
    monkeypatch: pytest.MonkeyPatch, image_pages: list[Page]
) -> None:
    sure = parse(IMAGE)
    name = sure.data.model_dump()["management_availability"]
    assert name, "the answer is read when OCR is sure of it"
    unsure = {word for word in name.split()}

    def doubtful(request: dict[str, Any], data: bytes, label: str) -> dict[str, Any]:
        page = image_pages[int(request["page"])].to_json()
        for word in page["words"]:
            if word[0] in unsure:
                word[-1] = 0.4
        return {"page": page, "pages": len(image_pages)}

    monkeypatch.setattr(scan, "_ask", doubtful)
    read = parse(IMAGE)
    assert read.data.model_dump()["management_availability"] is None
    assert any(name.split()[0] in u.text for u in read.unmapped)
    assert any(w.field == "management_availability" and "left empty" in w.message for w in read.warnings)
    assert set(read.sources) < set(sure.sources)


def it_reads_a_pdf_of_pictures_by_ocr_page_by_page() -> None:
    read = parse(SCANNED_PDF)
    assert (read.pack, read.document, read.source_format) == ("surrey", "agreement", "pdf")
    assert read.read_by == "ocr" and read.ocr_pages == (1, 2, 3)
    truth, data = _truth("surrey-000"), read.data.model_dump(mode="json")
    right = [path for path in truth["fields"] if _value(data, path) == _value(truth["data"], path)]
    assert len(right) >= len(truth["fields"]) // 3, right


def it_reads_a_pdf_whose_fonts_give_garbage_text_by_ocr() -> None:
    read = parse(GARBLED_PDF)
    assert read.read_by == "ocr" and read.pack == "surrey"
    assert read.sources and all(
        source.startswith("page ") or source == PRINTED_SOURCE for source in read.sources.values()
    )


@pytest.mark.parametrize("path", [IMAGE, SCANNED_PDF, GARBLED_PDF], ids=["image", "scan", "garbled"])
def it_says_a_scan_needs_ocr_and_how_to_install_it_when_tesseract_is_missing(
    monkeypatch: pytest.MonkeyPatch, path: Path
) -> None:
    monkeypatch.setattr(shutil, "which", _without_tesseract)
    with pytest.raises(NeedsOcr) as raised:
        parse(path)
    assert not isinstance(raised.value, NotASupervisionForm)
    message = str(raised.value)
    assert "needs OCR" in message and INSTALL in message and "Debian" in message
    assert "\n" not in message and path.name in message


def it_lists_scans_in_extract_as_read_or_needing_ocr_only_when_ocr_cannot_run(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "page.png").write_bytes(IMAGE.read_bytes())
    [read] = list(extract_folder(tmp_path))
    assert read.status == "read" and read.result is not None and read.result.read_by == "ocr"
    monkeypatch.setattr(shutil, "which", _without_tesseract)
    [refused] = list(extract_folder(tmp_path))
    assert refused.result is None and refused.reason == NeedsOcr.reason
    assert refused.error is not None and INSTALL in refused.error


def _mixed(tmp_path: Path) -> Path:
    """The text PDF of a form with its last page as a scan (a signed page scanned back in)."""
    text, scanned = PdfReader(CORPUS / "pdf" / "surrey-000.pdf"), PdfReader(SCANNED_PDF)
    writer = PdfWriter()
    for page in text.pages[:-1]:
        writer.add_page(page)
    writer.add_page(scanned.pages[len(text.pages) - 1])
    path = tmp_path / "mixed.pdf"
    with path.open("wb") as out:
        writer.write(out)
    return path


def it_reads_the_scanned_pages_of_a_pdf_by_ocr_and_the_others_by_their_text(tmp_path: Path) -> None:
    path = _mixed(tmp_path)
    pages = len(PdfReader(path).pages)
    read = parse(path)
    assert read.read_by == "text+ocr" and read.ocr_pages == (pages,)
    ocr = [p for p, source in read.sources.items() if source.startswith(f"page {pages},")]
    text = [p for p, source in read.sources.items() if not source.startswith(f"page {pages},")]
    by_ocr = {w.field for w in read.warnings if "read by OCR" in w.message}
    assert text and not by_ocr & set(text)
    assert set(ocr) <= by_ocr


def it_reads_the_text_pages_and_names_the_scanned_ones_when_tesseract_is_missing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = _mixed(tmp_path)
    monkeypatch.setattr(shutil, "which", _without_tesseract)
    read = parse(path)
    assert read.pack == "surrey" and read.read_by == "text" and not read.ocr_pages
    [unread] = [w.message for w in read.warnings if "no usable text layer" in w.message]
    assert INSTALL in unread


def it_says_ocr_read_nothing_on_a_blank_scan_rather_than_that_it_needs_ocr(tmp_path: Path) -> None:
    blank = tmp_path / "blank.png"
    Image.new("L", (1240, 1754), 255).save(blank, dpi=(150, 150))
    with pytest.raises(ScanUnreadable, match="OCR read no text"):
        parse(blank)
    [listed] = list(extract_folder(tmp_path))
    assert listed.reason == ScanUnreadable.reason != NeedsOcr.reason


@pytest.mark.parametrize("fixture", CANCELLATIONS)
def it_reads_a_scanned_form_as_its_text_pdf_reads_with_its_tick_boxes_from_the_pixels(fixture: str) -> None:
    pdf = (Path(__file__).resolve().parent / "fixtures" / fixture).read_bytes()
    image = png(scan_pdf_page(pdf, 0, Scanner(dpi=200, degrees=1.0, seed=4)), 200)
    text, scanned = parse(pdf), parse(image)
    assert scanned.read_by == "ocr"
    expected, got = text.data.model_dump(), scanned.data.model_dump()
    assert expected["cancelled_by"] and got["cancelled_by"] == expected["cancelled_by"]  # a ticked box
    assert not [path for path in expected if got[path] not in (None, expected[path])]  # never wrong
    assert sum(got[path] == expected[path] for path in expected) >= len(expected) - 1
