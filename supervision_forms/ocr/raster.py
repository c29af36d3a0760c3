"""Page images to read: PDF pages rendered by poppler's pdftoppm, and image files (PNG, JPEG,
TIFF, one page a frame) opened with Pillow. Every image is bounded in size before it is
decoded, and comes out grey with its scale in points a pixel."""

from __future__ import annotations

import contextlib
import io
import math
import re
import shutil
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

from ..errors import CorruptDocument, DocumentTooLarge
from .model import OcrUnavailable
from .process import run_bounded

PDF_DPI = 200  # as many words right as at 300 dpi, in two thirds of the time (benchmarks/ocr_accuracy.py)
MAX_DPI = 200  # finer images are scaled down to this, for the same reason
MAX_PIXELS = 60_000_000  # one page image (A4 at 600 dpi is 35 million)
MAX_BYTES = 50 * 1024 * 1024
MAX_PAGES = 60
UNKNOWN_DPI = 72.0  # for the coordinates of an image whose resolution is not known
A4_WIDTH = 8.27  # inches
PLAUSIBLE_DPI = (50.0, 2400.0)  # outside: the file's resolution is not believed
FORMATS = ("PNG", "JPEG", "TIFF")
POPPLER = "apt-get install poppler-utils"
CPU_SECONDS = 20
MEMORY_BYTES = 1 << 30


@dataclass(frozen=True)
class PageImage:
    """A grey page image, its page number in the file (from 1) and its size in points.
    `dpi` is the image's resolution, None when the file did not say; `scale` is the
    resolution the image is taken to have all the same for finding specks, boxes and rules
    (the page taken for A4 when the file does not say)."""

    image: Image.Image
    number: int
    width: float
    height: float
    dpi: float | None
    scale: float


def pdf_page_images(data: bytes, pages: Sequence[int] | None, label: str) -> Iterator[PageImage]:
    """The PDF's pages (0-based numbers; all when None), rendered grey at `PDF_DPI`, or
    less where a page is so large that it would be over `MAX_PIXELS`."""
    sizes = _pdf_page_sizes(_bounded(data, label), label)
    wanted = range(len(sizes)) if pages is None else pages
    for number in wanted:
        _check_page(number, len(sizes))
    for number in wanted:
        yield _render(data, number, sizes[number], label)


def pdf_page(data: bytes, number: int, label: str) -> tuple[PageImage, int]:
    """One page of a PDF (0-based) rendered as `pdf_page_images` does, and how many
    pages the PDF has."""
    sizes = _pdf_page_sizes(_bounded(data, label), label)
    _check_page(number, len(sizes))
    return _render(data, number, sizes[number], label), len(sizes)


def _bounded(data: bytes, label: str) -> bytes:
    if len(data) > MAX_BYTES:
        raise DocumentTooLarge(f"{label}: the PDF is over {MAX_BYTES // 2**20} MB")
    return data


def _check_page(number: int, count: int) -> None:
    if not 0 <= number < count:
        raise ValueError(f"page {number} is not in the PDF (it has {count})")


def _render(data: bytes, number: int, size: tuple[float, float], label: str) -> PageImage:
    width, height = size
    dpi = min(PDF_DPI, 72 * math.sqrt(MAX_PIXELS / max(1.0, width * height)))
    page, failure = str(number + 1), f"{label}: page {number + 1} could not be rendered for OCR"
    rendered = _poppler(
        "pdftoppm", data, failure, "-gray", "-r", f"{dpi:.3f}", "-f", page, "-l", page, "-singlefile"
    )
    try:
        image = Image.open(io.BytesIO(rendered), formats=["PPM"])
        image.load()
    except (OSError, SyntaxError):
        raise CorruptDocument(failure) from None
    return PageImage(image.convert("L"), number + 1, width, height, dpi, dpi)


def _pdf_page_sizes(data: bytes, label: str) -> list[tuple[float, float]]:
    """Each page's width and height in points as shown (turned by its /Rotate)."""
    failure = f"{label}: the PDF is damaged or unreadable"
    report = _poppler("pdfinfo", data, failure, "-f", "1", "-l", str(MAX_PAGES + 1)).decode("latin-1")
    sizes = {
        int(n): (float(w), float(h))
        for n, w, h in re.findall(r"^Page +(\d+) size: +([\d.]+) x ([\d.]+)", report, re.M)
    }
    turns = {int(n): int(r) for n, r in re.findall(r"^Page +(\d+) rot: +(-?\d+)", report, re.M)}
    if len(sizes) > MAX_PAGES:
        raise DocumentTooLarge(f"{label}: the PDF has over {MAX_PAGES} pages")
    ordered = []
    for number in range(1, len(sizes) + 1):
        if number not in sizes:
            raise CorruptDocument(failure)
        width, height = sizes[number]
        ordered.append((height, width) if turns.get(number, 0) % 180 else (width, height))
    return ordered


def _poppler(program: str, data: bytes, failure: str, *options: str) -> bytes:
    """What poppler's `program` prints for the PDF `data` (its standard input), bounded."""
    found = shutil.which(program)
    if found is None:
        raise OcrUnavailable(f"reading scanned PDFs needs poppler's {program}: {POPPLER}")
    return run_bounded(
        [found, *options, "-"], data, cpu_seconds=CPU_SECONDS, memory_bytes=MEMORY_BYTES, failure=failure
    )


def image_pages(data: bytes, label: str) -> Iterator[PageImage]:
    """Each page of a PNG, JPEG or TIFF file (a TIFF may hold many), grey, turned upright as
    its EXIF says, and scaled down to `MAX_DPI` where finer."""
    with _opened(data, label) as opened:
        for number, frame in enumerate(ImageSequence.Iterator(opened), start=1):
            yield _page(frame, number, label)


def image_page(data: bytes, number: int, label: str) -> tuple[PageImage, int]:
    """One page (0-based) of an image file, as `image_pages` gives it, and how many pages
    the file has."""
    with _opened(data, label) as opened:
        frames = getattr(opened, "n_frames", 1)
        if not 0 <= number < frames:
            raise ValueError(f"page {number} is not in the image (it has {frames})")
        opened.seek(number)
        return _page(opened, number + 1, label), frames


@contextlib.contextmanager
def _opened(data: bytes, label: str) -> Iterator[Image.Image]:
    """The image file opened (not yet decoded), its failures as the library's errors."""
    if len(data) > MAX_BYTES:
        raise DocumentTooLarge(f"{label}: the image is over {MAX_BYTES // 2**20} MB")
    try:
        opened = Image.open(io.BytesIO(data), formats=list(FORMATS))
        if getattr(opened, "n_frames", 1) > MAX_PAGES:
            raise DocumentTooLarge(f"{label}: the image has over {MAX_PAGES} pages")
        yield opened
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise DocumentTooLarge(f"{label}: the image is too large (a decompression bomb?)") from None
    except UnidentifiedImageError:
        raise CorruptDocument(f"{label}: not a PNG, JPEG or TIFF image that can be read") from None
    except (OSError, SyntaxError, ValueError, EOFError, MemoryError):  # truncated or damaged
        raise CorruptDocument(f"{label}: the image is damaged or truncated") from None


def _page(frame: Image.Image, number: int, label: str) -> PageImage:
    width, height = frame.size
    if width * height > MAX_PIXELS:
        raise DocumentTooLarge(f"{label}: an image page is over {MAX_PIXELS // 1_000_000} million pixels")
    dpi_x, dpi_y = _dpi(frame)
    upright = ImageOps.exif_transpose(_grey(frame))
    if upright.size != (width, height):  # a quarter turn swaps the axes and their resolutions
        dpi_x, dpi_y = dpi_y, dpi_x
    size = (upright.width * 72 / (dpi_x or UNKNOWN_DPI), upright.height * 72 / (dpi_y or UNKNOWN_DPI))
    known = dpi_x is not None and dpi_y is not None
    if dpi_x is None or dpi_y is None:  # taken for an A4 page, to size what is on it
        dpi_x = dpi_y = min(max(min(upright.size) / A4_WIDTH, PLAUSIBLE_DPI[0]), PLAUSIBLE_DPI[1])
    scale = min(max(dpi_x, dpi_y), MAX_DPI)  # square pixels (a fax's are not), at most MAX_DPI
    scaled = (max(1, round(upright.width * scale / dpi_x)), max(1, round(upright.height * scale / dpi_y)))
    if scaled != upright.size:
        upright = upright.resize(scaled, Image.Resampling.LANCZOS)
    upright.load()
    return PageImage(upright, number, size[0], size[1], scale if known else None, scale)


def _grey(frame: Image.Image) -> Image.Image:
    """The frame in 8-bit grey: deeper greys scaled down (Pillow's conversion clips them),
    transparency laid on white paper."""
    if frame.mode.startswith("I;16"):
        return Image.fromarray((np.asarray(frame, dtype=np.uint32) // 257).astype(np.uint8))
    if frame.mode in ("I", "F"):
        values = np.asarray(frame, dtype=np.float64)
        low, high = float(values.min()), float(values.max())
        return Image.fromarray(((values - low) * (255 / ((high - low) or 1))).astype(np.uint8))
    if frame.mode in ("RGBA", "LA", "PA") or "transparency" in frame.info:
        paper = Image.new("RGBA", frame.size, "white")
        return Image.alpha_composite(paper, frame.convert("RGBA")).convert("L")
    return frame.convert("L")


def _dpi(frame: Image.Image) -> tuple[float | None, float | None]:
    """The image's resolution across and down, each None where the file does not tell."""
    found = frame.info.get("dpi")
    try:
        across, down = (float(v) for v in found)  # type: ignore[union-attr]
    except (TypeError, ValueError):
        return None, None
    low, high = PLAUSIBLE_DPI
    if not (low <= across <= high and low <= down <= high):
        return None, None
    return across, down
