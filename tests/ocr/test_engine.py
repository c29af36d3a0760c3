"""Tesseract read in this process, through its C library: no program started for a read, the
same words and confidences as the `tesseract` program gives, a CPU-time limit kept, and safe
from threads."""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence

import pytest
from PIL import Image

from supervision_forms.errors import DocumentTooLarge
from supervision_forms.ocr import engine, tesseract
from supervision_forms.ocr.latin import latin_model
from supervision_forms.ocr.second import stacked
from supervision_forms.ocr.tesseract import Word, read_words
from supervision_forms.threads import ONE_THREAD

from .scans import Scanner, scan_pdf_page

pytestmark = pytest.mark.usefixtures("tesseract")


@pytest.fixture(autouse=True)
def one_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    """This process as a reading worker is started: on one thread (`threads`)."""
    for name, value in ONE_THREAD.items():
        monkeypatch.setenv(name, value)


def _require_engine() -> None:
    if not engine.engine_available():
        if os.environ.get("CI"):
            pytest.fail("CI must have Tesseract's C library (libtesseract5)")
        pytest.skip("Tesseract's C library is not installed")


@pytest.fixture(scope="module")
def page(cancellation: bytes) -> Image.Image:
    return scan_pdf_page(cancellation, 0, Scanner(dpi=200, degrees=0.0)).convert("L")


def _by_program(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tesseract, "engine_available", lambda: False)


def _no_program(*_arguments: object, **_options: object) -> bytes:
    raise AssertionError("a program was started")


def _texts(words: Sequence[Word]) -> list[str]:
    return [w.text for w in words]


def it_reads_a_page_without_starting_a_program(page: Image.Image, monkeypatch: pytest.MonkeyPatch) -> None:
    _require_engine()
    monkeypatch.setattr(tesseract, "run_bounded", _no_program)
    words = read_words(page, 200.0, "x")
    assert {"supervision", "Please"} <= {t.strip("()") for t in _texts(words)}


def it_reads_the_same_words_and_confidences_as_the_program(
    page: Image.Image, monkeypatch: pytest.MonkeyPatch
) -> None:
    _require_engine()
    in_process = read_words(page, 200.0, "x")
    strip, _ = stacked(page, in_process[:12])
    in_process_strip = read_words(strip, 400.0, "x", single_block=True)
    _by_program(monkeypatch)
    assert read_words(page, 200.0, "x") == in_process
    assert read_words(strip, 400.0, "x", single_block=True) == in_process_strip


def it_reads_with_the_latin_model_as_the_program_does(
    page: Image.Image, monkeypatch: pytest.MonkeyPatch
) -> None:
    _require_engine()
    model = latin_model()
    if model is None:
        pytest.skip("the Latin-script model is not installed")
    strip, _ = stacked(page, read_words(page, 200.0, "x")[:8])
    in_process = read_words(strip, 400.0, "x", single_block=True, model=model)
    assert in_process
    _by_program(monkeypatch)
    assert read_words(strip, 400.0, "x", single_block=True, model=model) == in_process


def it_stops_a_read_over_its_cpu_time(page: Image.Image, monkeypatch: pytest.MonkeyPatch) -> None:
    _require_engine()
    monkeypatch.setattr(tesseract, "run_bounded", _no_program)
    monkeypatch.setattr(tesseract, "CPU_SECONDS", 0.001)
    with pytest.raises(DocumentTooLarge, match="over the limit"):
        read_words(page, 200.0, "x")


def it_reads_from_threads_as_from_one(page: Image.Image) -> None:
    _require_engine()
    alone = read_words(page, 200.0, "x")
    found: list[list[Word]] = []
    threads = [threading.Thread(target=lambda: found.append(read_words(page, 200.0, "x"))) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert found == [alone] * 3


def it_runs_the_program_in_a_process_not_started_on_one_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    # a caller's own process: its settings are never changed, OCR runs Tesseract's program
    monkeypatch.delenv("OMP_THREAD_LIMIT", raising=False)
    assert not engine.engine_available()
    assert "OMP_THREAD_LIMIT" not in os.environ
