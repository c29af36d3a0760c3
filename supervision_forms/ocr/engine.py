"""Tesseract in this process, through its C library (libtesseract's C API, by ctypes).

Each run of the `tesseract` program pays about 0.2 s of CPU to start and load its model
(0.35 s for the Latin one), and a page takes two or three runs. Here each model is loaded
once a process and kept, so a reading worker pays that once, not on every page. The reads
are the program's own: the same engine, settings, resolution and words (its TSV's rows).

Limits: a read stops when its thread has used `cpu_seconds` of CPU time on it (Tesseract
asks a cancel callback between words; in a process started on one thread (`threads`, as the
reading worker is) it reads in the calling thread), and raises `DocumentTooLarge`; the
reading worker also counts this CPU against the page. Without the library (another system,
another version), or in another process, `engine_available()` is False and callers run the
program instead.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import CorruptDocument, DocumentTooLarge
from ..threads import one_thread_here

if TYPE_CHECKING:
    from PIL import Image

LIBRARY = "tesseract"
MAJOR = "5"  # the C API this binding is written against
CANCEL = ctypes.CFUNCTYPE(ctypes.c_bool, ctypes.c_void_p, ctypes.c_int)
WORD = 3  # Tesseract's RIL_WORD: its result iterators' level of words


class _Models:
    """The loaded models of this process, one handle each, used by one thread at a time."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.handles: dict[tuple[str, str], int] = {}


_models = _Models()


def _forget_in_child() -> None:
    global _models
    _models = _Models()  # a forked child loads its own (the parent's lock may be held)


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_in_child)


def engine_available() -> bool:
    """Whether Tesseract's C library (version 5) can be used in this process: one started
    on one thread (the reading worker)."""
    return one_thread_here() and _library() is not None


def tsv(
    image: Image.Image,
    *,
    folder: Path,
    language: str,
    page_mode: int,
    dpi: float | None,
    cpu_seconds: float,
    failure: str,
) -> str:
    """The words' rows of Tesseract's TSV (no header) for a grey image, read with `language`
    from `folder` in page segmentation mode `page_mode`."""
    library = _library() if one_thread_here() else None
    if library is None:
        raise CorruptDocument(failure)
    grey = image if image.mode == "L" else image.convert("L")
    data = grey.tobytes()
    with _model(library, folder, language, failure) as handle:
        library.TessBaseAPISetPageSegMode(handle, page_mode)
        library.TessBaseAPISetVariable(handle, b"user_defined_dpi", str(round(dpi) if dpi else 0).encode())
        library.TessBaseAPISetImage(handle, data, grey.width, grey.height, 1, grey.width)
        over = _read(library, handle, cpu_seconds)
        rows = _word_rows(library, handle) if not over else None
        library.TessBaseAPIClear(handle)
    if over:
        raise DocumentTooLarge(f"{failure}: over the limit of {cpu_seconds:g} s of CPU time")
    if rows is None:
        raise CorruptDocument(failure)
    return rows


def _word_rows(library: ctypes.CDLL, handle: int) -> str | None:
    """The words' rows of the TSV the program writes (level 5; the block, paragraph, line and
    word numbers left 0), walking Tesseract's result iterator a word at a time: its own TSV
    writer walks it a glyph at a time, and costs 0.03-0.1 s of CPU a page more."""
    words = library.TessBaseAPIGetIterator(handle)
    if not words:
        return None
    box = [ctypes.c_int() for _ in range(4)]
    rows = []
    try:
        place = library.TessResultIteratorGetPageIterator(words)
        while True:
            text = library.TessResultIteratorGetUTF8Text(words, WORD)
            if text:
                word = ctypes.string_at(text).decode("utf-8", errors="replace")
                library.TessDeleteText(text)
                library.TessPageIteratorBoundingBox(place, WORD, *box)
                left, top, right, bottom = (b.value for b in box)
                confidence = library.TessResultIteratorConfidence(words, WORD)
                rows.append(
                    f"5\t0\t0\t0\t0\t0\t{left}\t{top}\t{right - left}\t{bottom - top}\t{confidence:f}\t{word}"
                )
            if not library.TessResultIteratorNext(words, WORD):
                return "\n".join(rows)
    finally:
        library.TessResultIteratorDelete(words)


def _read(library: ctypes.CDLL, handle: int, cpu_seconds: float) -> bool:
    """Recognise the image set; whether it was stopped for going over its CPU time."""
    start = time.thread_time()
    stopped = [False]

    def cancel(_this: object, _words: int) -> bool:
        stopped[0] = stopped[0] or time.thread_time() - start > cpu_seconds
        return stopped[0]

    callback = CANCEL(cancel)
    monitor = library.TessMonitorCreate()
    try:
        library.TessMonitorSetCancelFunc(monitor, callback)
        library.TessBaseAPIRecognize(handle, monitor)
    finally:
        library.TessMonitorDelete(monitor)
    return stopped[0] or time.thread_time() - start > cpu_seconds


@contextmanager
def _model(library: ctypes.CDLL, folder: Path, language: str, failure: str) -> Iterator[int]:
    with _models.lock:
        key = (str(folder), language)
        handle = _models.handles.get(key)
        if handle is None:
            handle = library.TessBaseAPICreate()
            if library.TessBaseAPIInit3(handle, str(folder).encode(), language.encode()) != 0:
                library.TessBaseAPIDelete(handle)
                raise CorruptDocument(failure)
            library.TessBaseAPISetVariable(handle, b"debug_file", os.devnull.encode())
            _models.handles[key] = handle
        yield handle


@functools.cache
def _library() -> ctypes.CDLL | None:
    name = ctypes.util.find_library(LIBRARY)
    if name is None or not name.endswith(f".so.{MAJOR}"):
        return None
    try:
        library = ctypes.CDLL(name)
    except OSError:
        return None
    pointer, text, number = ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int
    for function, arguments, result in (
        ("TessBaseAPICreate", [], pointer),
        ("TessBaseAPIInit3", [pointer, text, text], number),
        ("TessBaseAPISetVariable", [pointer, text, text], ctypes.c_bool),
        ("TessBaseAPISetPageSegMode", [pointer, number], None),
        ("TessBaseAPISetImage", [pointer, text, number, number, number, number], None),
        ("TessBaseAPIRecognize", [pointer, pointer], number),
        ("TessBaseAPIGetIterator", [pointer], pointer),
        ("TessResultIteratorGetPageIterator", [pointer], pointer),
        ("TessResultIteratorGetUTF8Text", [pointer, number], pointer),
        ("TessResultIteratorConfidence", [pointer, number], ctypes.c_float),
        ("TessResultIteratorNext", [pointer, number], ctypes.c_bool),
        ("TessResultIteratorDelete", [pointer], None),
        ("TessPageIteratorBoundingBox", [pointer, number, *[ctypes.POINTER(number)] * 4], ctypes.c_bool),
        ("TessBaseAPIClear", [pointer], None),
        ("TessBaseAPIDelete", [pointer], None),
        ("TessDeleteText", [pointer], None),
        ("TessMonitorCreate", [], pointer),
        ("TessMonitorSetCancelFunc", [pointer, CANCEL], None),
        ("TessMonitorDelete", [pointer], None),
    ):
        try:
            bound = getattr(library, function)
        except AttributeError:
            return None
        bound.argtypes, bound.restype = arguments, result
    return library
