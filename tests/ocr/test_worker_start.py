"""A fresh reading worker imports what its task uses, never the whole form reader: a scanned
page image read by a fresh worker paid for parse, the packs and the models twice (once here,
once in the worker), and for the PDF reader it did not use, on top of its OCR."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from supervision_forms.reading import worker

from .conftest import FIXTURES

FORM_READER = {"supervision_forms.reading.parse", "supervision_forms.packs", "supervision_forms.models"}
IMPORTED = re.compile(r"^import '([\w.]+)'", re.M)
PDF_READER = {"supervision_forms.reading.pdf_pages", "pypdf", "pypdfium2"}
PIXELS = {"numpy", "PIL"}  # only the OCR of a page needs them (about 0.2 s of CPU to load)
CONVERSION = {"supervision_forms.conversion", "supervision_forms.office"}  # .doc, .rtf, .odt only


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


def it_starts_a_worker_for_a_pdf_without_the_pixels() -> None:
    assert "numpy" not in _imported_by_a_worker("pdf")  # a text PDF needs no OCR


def it_starts_a_worker_without_pydantic() -> None:
    for task in worker.TASKS:  # the models are the parent's (pydantic: about 0.04 s of CPU to load)
        assert "pydantic" not in _imported_by_a_worker(task)


def it_reads_forms_without_loading_what_only_ocr_or_conversion_uses() -> None:
    probe = "import json, sys\nimport supervision_forms.reading\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    loaded = {name.partition(".")[0] for name in json.loads(done.stdout)} | set(json.loads(done.stdout))
    assert "supervision_forms.reading.parse" in loaded
    assert not (PIXELS | CONVERSION) & loaded
