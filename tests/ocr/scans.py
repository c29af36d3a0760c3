"""Scans made from PDFs, as a scanner would make them: the page rendered at 150 to 300 dpi,
turned a little, blurred, on grey paper with noise and specks. Deterministic for a seed."""

from __future__ import annotations

import io
import re
import subprocess
from dataclasses import dataclass
from html import unescape

import numpy as np
from PIL import Image, ImageFilter


@dataclass(frozen=True)
class Scanner:
    dpi: int = 200
    degrees: float = 0.0  # turned anticlockwise
    noise: float = 8.0  # standard deviation of the grey levels' noise
    blur: float = 0.7  # Gaussian radius in pixels
    specks: float = 0.0005  # share of pixels with a speck of dust
    seed: int = 1


def render(pdf: bytes, page: int, dpi: int) -> Image.Image:
    """A page (0-based) of a PDF, grey, by poppler's pdftoppm."""
    command = [
        "pdftoppm",
        "-gray",
        "-r",
        str(dpi),
        "-f",
        str(page + 1),
        "-l",
        str(page + 1),
        "-singlefile",
        "-",
    ]
    out = subprocess.run(command, input=pdf, capture_output=True, check=True).stdout
    return Image.open(io.BytesIO(out)).convert("L")


def scan(page: Image.Image, scanner: Scanner) -> Image.Image:
    """What the scanner makes of a clean page image."""
    rng = np.random.default_rng(scanner.seed)
    image = page
    if scanner.degrees:
        image = image.rotate(scanner.degrees, resample=Image.Resampling.BICUBIC, fillcolor=255)
    if scanner.blur:
        image = image.filter(ImageFilter.GaussianBlur(scanner.blur))
    grey = 25 + np.asarray(image, dtype=np.float32) * (225 / 255)  # paper is not white, nor ink black
    if scanner.noise:
        grey += rng.normal(0, scanner.noise, grey.shape)
    grey[rng.random(grey.shape) < scanner.specks] = 30
    return Image.fromarray(np.clip(grey, 0, 255).astype(np.uint8))


def scan_pdf_page(pdf: bytes, page: int, scanner: Scanner) -> Image.Image:
    return scan(render(pdf, page, scanner.dpi), scanner)


def png(image: Image.Image, dpi: float | None) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", **({"dpi": (dpi, dpi)} if dpi else {}))
    return buffer.getvalue()


@dataclass(frozen=True)
class TrueWord:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float


def true_words(pdf: bytes, page: int) -> list[TrueWord]:
    """The words of a PDF page's text layer with their boxes (pdftotext -bbox), in points."""
    command = ["pdftotext", "-bbox", "-f", str(page + 1), "-l", str(page + 1), "-", "-"]
    out = subprocess.run(command, input=pdf, capture_output=True, check=True).stdout.decode()
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
    return [
        TrueWord(unescape(m[5]), float(m[1]), float(m[2]), float(m[3]), float(m[4]))
        for m in re.finditer(pattern, out)
    ]


BOX_GLYPHS = "☐☒☑"


def word_scores(read: list[str], truth: list[str]) -> tuple[float, float]:
    """Recall and precision of the words read against the true ones, as multisets (exact
    text; the tick-box glyphs are not words, OCR reports them as boxes)."""
    from collections import Counter

    wanted = Counter(w for w in truth if w not in BOX_GLYPHS)
    got = Counter(read)
    hits = sum((wanted & got).values())
    return hits / max(1, sum(wanted.values())), hits / max(1, sum(got.values()))
