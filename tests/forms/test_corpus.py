"""Field accuracy on a small corpus of filled original forms (the full one: tools/measure_accuracy.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import needs_libreoffice, shared_file
from tools.corpus.build import build_corpus
from tools.measure_accuracy import TARGETS, measure


def _accuracy(results: dict[tuple[str, str], tuple[int, int]], fmt: str) -> dict[str, float]:
    return {council: right / total for (council, kind), (right, total) in results.items() if kind == fmt}


def it_reads_filled_word_forms_of_every_council_accurately(tmp_path: Path) -> None:
    build_corpus(tmp_path, per_council=6, seed=21, office=False, seeds=shared_file("seeds"))
    accuracy = _accuracy(measure(tmp_path, ["docx"], show=False), "docx")
    assert set(accuracy) == {"portsmouth", "surrey", "sefton"}
    assert all(value >= TARGETS["docx"] for value in accuracy.values()), accuracy


@pytest.mark.libreoffice
def it_reads_libreoffice_resaves_and_pdf_exports_accurately(tmp_path: Path) -> None:
    needs_libreoffice()
    build_corpus(tmp_path, per_council=3, seed=22, office=True, seeds=shared_file("seeds"))
    results = measure(tmp_path, ["resaved", "pdf"], show=False)
    for fmt in ("resaved", "pdf"):
        right = sum(r for (_, kind), (r, _) in results.items() if kind == fmt)
        total = sum(t for (_, kind), (_, t) in results.items() if kind == fmt)
        assert total and right / total >= TARGETS[fmt], (fmt, results)
