"""OCR's errors: one clear line naming the file, never its content, never a traceback."""

from __future__ import annotations

import io
import struct
import sys
import zlib
from pathlib import Path

import pytest
from PIL import Image

from supervision_forms.errors import CorruptDocument, DocumentTooLarge, SupervisionFormsError
from supervision_forms.ocr import OcrUnavailable, ocr_image, ocr_pdf_pages
from supervision_forms.ocr.process import run_bounded


def _png_header(width: int, height: int) -> bytes:
    """A PNG that claims to be width x height, with hardly any data: a decompression bomb."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )


def _png(size: tuple[int, int] = (200, 100)) -> bytes:
    buffer = io.BytesIO()
    Image.new("L", size, 255).save(buffer, format="PNG")
    return buffer.getvalue()


def it_says_how_to_install_tesseract_when_it_is_missing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(OcrUnavailable) as caught:
        ocr_image(_png(), label="scan.png")
    assert isinstance(caught.value, SupervisionFormsError)
    assert "apt-get install tesseract-ocr tesseract-ocr-eng" in str(caught.value)
    assert "\n" not in str(caught.value)
    with pytest.raises(OcrUnavailable):
        ocr_pdf_pages(b"%PDF-1.4", label="scan.pdf")


@pytest.mark.usefixtures("tesseract")
@pytest.mark.parametrize(
    ("data", "error"),
    [
        (_png_header(100_000, 100_000), DocumentTooLarge),  # Pillow's own bomb limit
        (_png_header(10_000, 10_000), DocumentTooLarge),  # Pillow warns; we refuse
        (_png_header(8_000, 8_000), DocumentTooLarge),  # under Pillow's limit, over ours
        (_png()[:60], CorruptDocument),  # truncated
        (b"GIF89a" + b"\0" * 100, CorruptDocument),  # not a format we read
        (b"Dear Ms Okafor, about Daniel Price", CorruptDocument),  # not an image at all
    ],
)
def it_refuses_hostile_images_with_one_clear_line(data: bytes, error: type[Exception]) -> None:
    with pytest.raises(error) as caught:
        ocr_image(data, label="upload-7.png")
    message = str(caught.value)
    assert message.startswith("upload-7.png: ") and "\n" not in message
    assert "Okafor" not in message and "Price" not in message


@pytest.mark.usefixtures("tesseract")
def it_refuses_a_tiff_of_too_many_pages() -> None:
    frames = [Image.new("L", (20, 20), 255) for _ in range(61)]
    buffer = io.BytesIO()
    frames[0].save(buffer, format="TIFF", save_all=True, append_images=frames[1:])
    with pytest.raises(DocumentTooLarge, match="over 60 pages"):
        ocr_image(buffer.getvalue(), label="stack.tif")


@pytest.mark.usefixtures("tesseract")
def it_refuses_a_damaged_pdf_and_a_page_it_does_not_have(cancellation: bytes) -> None:
    with pytest.raises(CorruptDocument, match=r"^bad\.pdf: "):
        ocr_pdf_pages(b"%PDF-1.4 Daniel Price\n%%EOF", label="bad.pdf")
    with pytest.raises(ValueError, match="page 3"):
        ocr_pdf_pages(cancellation, [3], label="form.pdf")


def it_stops_a_helper_program_at_its_cpu_time_limit() -> None:
    spin = [sys.executable, "-c", "while True: pass"]
    with pytest.raises(DocumentTooLarge, match="over the limit of 1 s of CPU time"):
        run_bounded(spin, b"", cpu_seconds=1, memory_bytes=1 << 30, failure="scan.png: OCR failed on page 1")


def it_stops_a_helper_program_at_its_memory_limit() -> None:
    hog = [sys.executable, "-c", "x = bytearray(2 << 30)"]
    with pytest.raises(CorruptDocument, match=r"^scan\.png: OCR failed on page 1$"):
        run_bounded(
            hog, b"", cpu_seconds=10, memory_bytes=512 << 20, failure="scan.png: OCR failed on page 1"
        )
