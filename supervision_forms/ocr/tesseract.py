"""Tesseract on one page image: its words with their boxes, read in this process through its
C library (`engine.py`) where that is found, else by running the `tesseract` program."""

from __future__ import annotations

import functools
import io
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import CorruptDocument
from .engine import engine_available, tsv
from .model import OcrUnavailable
from .process import run_bounded

if TYPE_CHECKING:  # Pillow (and numpy) are loaded only where pages are read, not by the reader
    from PIL import Image

INSTALL = "on Debian or Ubuntu: apt-get install tesseract-ocr tesseract-ocr-eng"
CPU_SECONDS = 30  # a dense A4 page at 300 dpi takes about 2 s
MEMORY_BYTES = 1 << 30
PAGE_MODE, BLOCK_MODE = 3, 6  # Tesseract's page segmentation: a whole page; one block of lines
SETTINGS = ("-l", "eng", "--psm", str(PAGE_MODE))
BLOCK = ("-l", "eng", "--psm", str(BLOCK_MODE))
LINE_GLYPHS = set("_=~¦")  # a word of only these is a drawn line read as text
BAR = "|"  # a drawn line, or the word "I" (`page.py` tells which)
BAR_AS_I = 0.5  # confidence at most of a "|" read as the word "I" (it may be a line's stub)
BAR_IN_TEXT = 0.85  # ... and of one with a word just after it on its line, no taller than text
UNSURE = 0.75  # confidence at most of a word a check doubts (the reader takes 0.9 as sure)
ACCENTED_SURE = UNSURE  # ... of a word with accented letters: English data confuses them
# (ë read as é at 0.9), so such a word is never taken as sure
MODEL_SUFFIX = ".traineddata"
TESSDATA = re.compile(rb'"([^"]+)"')  # the data folder `--list-langs` names
MIN_ORIENTATION_CONFIDENCE = 5.0  # Tesseract's own scale: an upright page's turn is found at 15-25


@dataclass(frozen=True)
class Word:
    """A word in pixels of the image Tesseract read; `confidence` from 0 to 1."""

    text: str
    left: int
    top: int
    right: int
    bottom: int
    confidence: float


def tesseract_available() -> bool:
    """Whether Tesseract is installed, with its English data."""
    program = shutil.which("tesseract")
    return program is not None and _speaks_english(program)


def _speaks_english(program: str) -> bool:
    return b"\neng\n" in _languages(program).replace(b"\r", b"") + b"\n"


def english_data() -> Path | None:
    """The file of Tesseract's English data, where Tesseract names its data folder."""
    folder = data_folder()
    return folder / "eng.traineddata" if folder is not None else None


def data_folder() -> Path | None:
    """Tesseract's data folder, as `tesseract --list-langs` names it."""
    program = shutil.which("tesseract")
    folder = TESSDATA.search(_languages(program)) if program is not None else None
    return Path(folder[1].decode()) if folder is not None else None


@functools.cache
def _languages(program: str) -> bytes:
    """What `tesseract --list-langs` prints: its data folder, then a language a line."""
    try:
        return subprocess.run([program, "--list-langs"], capture_output=True, check=False).stdout
    except OSError:
        return b""


def require_tesseract() -> str:
    """Tesseract's path; `OcrUnavailable`, saying how to install it, when it is missing."""
    program = shutil.which("tesseract")
    if program is None or not _speaks_english(program):
        raise OcrUnavailable(f"OCR needs Tesseract with its English data ({INSTALL})")
    return program


def read_words(
    image: Image.Image,
    dpi: float | None,
    failure: str,
    *,
    single_block: bool = False,
    model: Path | None = None,
) -> list[Word]:
    """Tesseract's words on a grey page image (`dpi` where known); with `single_block`,
    the image is read as one block of lines (a strip of words cut out of a page). `model`:
    a traineddata file to read with instead of English (a strip only)."""
    program = require_tesseract()
    folder = model.parent if model is not None else data_folder()
    if folder is not None and engine_available():
        rows = tsv(
            image,
            folder=folder,
            language=model.name.removesuffix(MODEL_SUFFIX) if model is not None else "eng",
            page_mode=BLOCK_MODE if single_block or model is not None else PAGE_MODE,
            dpi=dpi,
            cpu_seconds=CPU_SECONDS,
            failure=failure,
        )
        return parse_tsv(rows, english=model is None)
    if model is not None:
        language = ["--tessdata-dir", str(model.parent), "-l", model.name.removesuffix(MODEL_SUFFIX)]
        argv = [program, "stdin", "stdout", *language, *BLOCK[2:], "-c", "tessedit_create_tsv=1"]
    else:
        argv = [program, "stdin", "stdout", *(BLOCK if single_block else SETTINGS), "tsv"]
    if dpi:
        argv[3:3] = ["--dpi", str(round(dpi))]
    output = run_bounded(
        argv,
        _pnm(image),
        cpu_seconds=CPU_SECONDS,
        memory_bytes=MEMORY_BYTES,
        failure=failure,
    )
    return parse_tsv(output.decode("utf-8", errors="replace"), english=model is None)


def upright_turn(image: Image.Image, dpi: float | None, failure: str) -> int:
    """How far to turn the page clockwise (0, 90, 180 or 270) to set its text upright, by
    Tesseract's orientation detection; 0 when it cannot tell (too little text, no `osd` data)."""
    argv = [
        require_tesseract(),
        "stdin",
        "stdout",
        "--psm",
        "0",
        *(["--dpi", str(round(dpi))] if dpi else []),
    ]
    try:
        report = run_bounded(
            argv, _pnm(image), cpu_seconds=CPU_SECONDS, memory_bytes=MEMORY_BYTES, failure=failure
        ).decode("utf-8", errors="replace")
    except CorruptDocument:  # "Too few characters", or no osd.traineddata
        return 0
    turn = re.search(r"^Rotate: (\d+)", report, re.M)
    sure = re.search(r"^Orientation confidence: ([\d.]+)", report, re.M)
    if turn is None or sure is None or float(sure[1]) < MIN_ORIENTATION_CONFIDENCE:
        return 0
    return int(turn[1]) % 360 if int(turn[1]) in (90, 180, 270) else 0


def _pnm(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PPM")  # uncompressed: quicker to pass than PNG
    return buffer.getvalue()


def accented(text: str) -> bool:
    """Whether the text has a letter outside plain ASCII ("é", "ś")."""
    return any(c.isalpha() and not c.isascii() for c in text)


def parse_tsv(text: str, *, english: bool = True) -> list[Word]:
    """The words (level 5 rows) of Tesseract's TSV output; read with `english` data, a
    word with accented letters is never sure."""
    words = []
    for line in text.splitlines():  # the header row, if any, is not of level 5
        cells = line.split("\t")
        if len(cells) != 12 or cells[0] != "5":
            continue
        try:
            left, top, width, height = (int(v) for v in cells[6:10])
            confidence = float(cells[10])
        except ValueError:
            continue
        word = cells[11].strip()
        if word and confidence >= 0 and (word == BAR or not set(word) <= LINE_GLYPHS | {BAR}):
            sure = min(confidence, 100.0) / 100
            if english and accented(word):
                sure = min(sure, ACCENTED_SURE)
            words.append(Word(word, left, top, left + width, top + height, sure))
    return words
