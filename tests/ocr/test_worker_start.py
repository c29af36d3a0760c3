"""A fresh reading worker imports what its tasks use, never the whole form reader: a scanned
page image read by a fresh worker paid for parse, the packs and the models twice (once here,
once in the worker) on top of its OCR."""

from __future__ import annotations

import subprocess

from supervision_forms.reading import worker

FORM_READER = ("supervision_forms.reading.parse", "supervision_forms.packs", "supervision_forms.models")


def _imported_by_a_worker() -> set[str]:
    """The modules a worker imports before it is ready (it stops when its input closes)."""
    command = worker.command()
    command[1:1] = ["-X", "importtime"]
    started = subprocess.run(command, input=b"", capture_output=True, check=True, timeout=120)
    assert started.stdout == worker.READY
    lines = started.stderr.decode().splitlines()
    return {line.rsplit("|", 1)[-1].strip() for line in lines if line.startswith("import time:")}


def it_starts_a_worker_without_the_form_reader() -> None:
    imported = _imported_by_a_worker()
    assert "supervision_forms.reading.worker" in imported
    assert "supervision_forms.ocr.page" in imported  # its OCR task's code is loaded before it is ready
    assert not imported & set(FORM_READER)
