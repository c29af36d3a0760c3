"""Scans read by OCR: words where they are on the page, the skew undone, boxes and rules."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from supervision_forms.ocr import OcrPage, ocr_image, ocr_pdf_pages

from .scans import Scanner, png, scan_pdf_page, true_words, word_scores

pytestmark = pytest.mark.usefixtures("tesseract")


def _near(page: OcrPage, text: str, x0: float, top: float, within: float = 4.0) -> bool:
    return any(w.text == text and abs(w.x0 - x0) <= within and abs(w.top - top) <= within for w in page.words)


def it_reads_the_words_of_a_skewed_noisy_scan_where_they_are_on_the_page(cancellation: bytes) -> None:
    image = scan_pdf_page(cancellation, 0, Scanner(dpi=200, degrees=1.5))
    [page] = ocr_image(png(image, 200), label="scan.png")
    truth = true_words(cancellation, 0)
    recall, precision = word_scores([w.text for w in page.words], [w.text for w in truth])
    assert recall >= 0.95 and precision >= 0.95
    assert page.skew_degrees == pytest.approx(1.5, abs=0.1)
    assert (page.width, page.height) == pytest.approx((595.3, 841.9), abs=0.5)
    placed = [w for w in truth if w.text in ("Okafor", "Cancellations", "Rescheduled")]
    assert placed and all(_near(page, w.text, w.x0, w.top) for w in placed)
    assert all(0 <= w.confidence <= 1 for w in page.words)
    assert 0.8 <= page.mean_confidence <= 1


def it_finds_the_tick_boxes_and_reads_which_is_ticked(cancellation: bytes) -> None:
    image = scan_pdf_page(cancellation, 0, Scanner(dpi=150, degrees=-2.0, seed=4))
    [page] = ocr_image(png(image, 150), label="scan.png")
    assert [b.ticked for b in page.boxes] == [True, False, False]  # Supervisor, Supervisee, Other
    assert all(b.confidence >= 0.8 for b in page.boxes)
    assert all(7 <= b.x1 - b.x0 <= 10 and 270 <= b.x0 <= 273 for b in page.boxes)
    assert not any(set(w.text) & set("☐☒") for w in page.words)
    labels = {w.text: w for w in page.words}
    assert (
        labels["Supervisee"].x0 > page.boxes[1].x1 and abs(labels["Supervisee"].top - page.boxes[1].top) < 4
    )


def it_finds_the_table_rules_for_the_cells(cancellation: bytes) -> None:
    image = scan_pdf_page(cancellation, 0, Scanner(dpi=200, degrees=0.7, seed=5))
    [page] = ocr_image(png(image, 200), label="scan.png")
    across = [r for r in page.rules if r.horizontal]
    down = [r for r in page.rules if not r.horizontal]
    assert len(across) >= 10 and all(r.bottom - r.top <= 3 for r in across)
    assert all(r.x1 - r.x0 == pytest.approx(452, abs=6) for r in across)  # the tables' full width
    assert len(down) >= 5 and all(r.x1 - r.x0 <= 3 for r in down)
    # the label column's right border: the rows' labels end before it, their answers start after
    border = min((r for r in down if 250 < r.x0 < 280), key=lambda r: r.x0)
    okafor = next(w for w in page.words if w.text == "Okafor")
    assert not border.x0 < okafor.x0  # Okafor's table has its border further left
    november = [w for w in page.words if w.text == "November" and w.top > border.top]
    assert november and all(w.x0 > border.x1 for w in november)


def it_reads_every_page_of_a_multipage_tiff(cancellation: bytes) -> None:
    first = scan_pdf_page(cancellation, 0, Scanner(dpi=150, degrees=0.5))
    second = first.rotate(180).rotate(180)  # a second frame of the same page
    buffer = io.BytesIO()
    first.save(buffer, format="TIFF", save_all=True, append_images=[second], dpi=(150, 150))
    pages = ocr_image(buffer.getvalue(), label="scan.tif")
    assert len(pages) == 2
    assert all("Cancellations" in {w.text for w in p.words} for p in pages)


def it_reads_a_jpeg_with_no_resolution_as_72_dpi(cancellation: bytes) -> None:
    image = scan_pdf_page(cancellation, 0, Scanner(dpi=150, degrees=0.0, noise=3))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=90)
    [page] = ocr_image(buffer.getvalue(), label="photo.jpg")
    assert (page.width, page.height) == (image.width, image.height)  # a point a pixel
    okafor = next(w for w in page.words if w.text == "Okafor")
    assert okafor.x0 == pytest.approx(258.2 * 150 / 72, abs=6)


def it_reads_a_scanned_pdf_page_by_page(cancellation: bytes) -> None:
    image = scan_pdf_page(cancellation, 0, Scanner(dpi=200, degrees=-0.8))
    buffer = io.BytesIO()
    image.save(buffer, format="PDF", resolution=200)
    blank = Image.new("L", image.size, 255)
    blank.save(buffer := io.BytesIO(), format="PDF", resolution=200, save_all=True, append_images=[image])
    pages = ocr_pdf_pages(buffer.getvalue(), [1], label="scan.pdf")
    assert len(pages) == 1
    [page] = pages
    assert page.skew_degrees == pytest.approx(-0.8, abs=0.1)
    assert _near(page, "Okafor", 258.2, 118.6, within=5)
    [empty] = ocr_pdf_pages(buffer.getvalue(), [0], label="scan.pdf")
    assert empty.words == () and empty.mean_confidence == 0.0


def it_reads_a_pdf_whose_fonts_lost_their_unicode_map(cancellation: bytes) -> None:
    from .conftest import FIXTURES

    printed = (FIXTURES / "cancellation-printed.pdf").read_bytes()
    [page] = ocr_pdf_pages(printed, label="printed.pdf")
    truth = [w.text for w in true_words(cancellation, 0)]
    recall, precision = word_scores([w.text for w in page.words], truth)
    assert recall >= 0.97 and precision >= 0.97
    assert page.skew_degrees == 0.0
    assert [b.ticked for b in page.boxes] == [True, False, False]


def it_reads_a_pdf_page_turned_by_its_rotate_entry_and_sets_it_upright(cancellation: bytes) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    writer.add_page(PdfReader(io.BytesIO(cancellation)).pages[0])
    writer.pages[0].rotate(90)
    buffer = io.BytesIO()
    writer.write(buffer)
    [page] = ocr_pdf_pages(buffer.getvalue(), label="turned.pdf")  # shown landscape, text on end
    assert page.skew_degrees == 270.0  # /Rotate 90 turns it clockwise: 270 anticlockwise
    assert (page.width, page.height) == pytest.approx((595.3, 841.9), abs=0.5)
    assert _near(page, "Okafor", 258.2, 118.6, within=5)


def it_gives_the_same_words_from_threads_as_alone(cancellation: bytes) -> None:
    from concurrent.futures import ThreadPoolExecutor

    image = scan_pdf_page(cancellation, 0, Scanner(dpi=150, degrees=0.4, seed=6))
    half = png(image.crop((0, 0, image.width, image.height // 2)), 150)
    alone = ocr_image(half, label="half.png")
    with ThreadPoolExecutor(2) as pool:
        together = list(pool.map(lambda _: ocr_image(half, label="half.png"), range(2)))
    assert together == [alone, alone]


@pytest.mark.parametrize("turned", [180, 270])
def it_sets_a_page_scanned_upside_down_or_sideways_upright(cancellation: bytes, turned: int) -> None:
    image = scan_pdf_page(cancellation, 0, Scanner(dpi=200, degrees=0.5, seed=8))
    [page] = ocr_image(png(image.rotate(turned, expand=True), 200), label="turned.png")
    assert (page.width, page.height) == pytest.approx((595.3, 841.9), abs=0.5)
    assert page.skew_degrees == pytest.approx(turned + 0.5, abs=0.1)
    assert _near(page, "Okafor", 258.2, 118.6, within=5)
    assert [b.ticked for b in page.boxes] == [True, False, False]
