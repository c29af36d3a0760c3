"""A fresh reading worker imports what its task uses, never the whole form reader: a scanned
page image read by a fresh worker paid for parse, the packs and the models twice (once here,
once in the worker), and for the PDF reader it did not use, on top of its OCR."""

from __future__ import annotations

import re
import subprocess

from supervision_forms.reading import worker

from .conftest import FIXTURES

FORM_READER = {"supervision_forms.reading.parse", "supervision_forms.packs", "supervision_forms.models"}
IMPORTED = re.compile(r"^import '([\w.]+)'", re.M)
PDF_READER = {"supervision_forms.reading.pdf_pages", "pypdf", "pypdfium2"}


def _imported_by_a_worker(task: str) -> set[str]:
    """The modules a worker started for `task` imports before it is ready (it stops when its
    input closes)."""
    command = worker.command(task)
    command[1:1] = ["-v"]  # Python names each module it imports
    started = subprocess.run(command, input=b"", capture_output=True, check=True, timeout=120)
    assert started.stdout == worker.READY
    return set(IMPORTED.findall(started.stderr.decode()))


def it_starts_a_worker_without_the_form_reader() -> None:
    for task in worker.TASKS:
        imported = _imported_by_a_worker(task)
        assert "supervision_forms.reading.worker" in imported
        assert not imported & FORM_READER


def it_starts_a_worker_for_an_image_without_the_pdf_reader() -> None:
    assert not _imported_by_a_worker("ocr") & PDF_READER
    assert "supervision_forms.reading.pdf_pages" in _imported_by_a_worker("pdf")


def it_runs_another_task_than_the_one_it_was_started_for() -> None:
    started = worker.Worker("ocr")
    try:
        answer = started.run("pdf", (FIXTURES / "cancellation.pdf").read_bytes(), "form.pdf", 30.0)
    finally:
        started.close()
    assert "error" not in answer
