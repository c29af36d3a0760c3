"""Each pack's rendered agreement carries the council's printed text (shared/checks/fidelity.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from supervision_forms import render
from supervision_forms.models import Agreement
from tests.conftest import PACK_NAMES, SEEDS, shared_file

THRESHOLD = 0.95


@pytest.mark.parametrize("name", PACK_NAMES)
@pytest.mark.parametrize("which", ["example", "empty"])
def it_reproduces_the_councils_printed_text(
    name: str, which: str, tmp_path: Path, examples: dict[str, Agreement]
) -> None:
    checker = shared_file("checks", "fidelity.py")
    seed = shared_file("seeds", SEEDS[name])
    docx = tmp_path / f"{name}.docx"
    docx.write_bytes(render(examples[name] if which == "example" else Agreement(), pack=name))
    done = subprocess.run(
        [sys.executable, str(checker), str(seed), str(docx), "--quiet"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert float(done.stdout.strip()) >= THRESHOLD
