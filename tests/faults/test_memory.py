"""A workbook padded to Excel's row limit costs time, not memory: memory follows the rows
that hold something, not the size the sheet claims."""

from __future__ import annotations

import datetime
import os
import subprocess
import sys
from pathlib import Path

from tests.batch.xlsx_kit import SheetSpec, write_workbook
from tests.conftest import REPO
from tests.faults.kit import DEADLINE

READ = """
import resource, sys
from pathlib import Path
from supervision_forms.batch import Roster
from supervision_forms.models import Agreement
with Roster(Path(sys.argv[1]), Agreement) as roster:
    count = sum(1 for _ in roster)
print(count, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def peak_kilobytes(path: Path) -> tuple[int, int]:
    result = subprocess.run(
        [sys.executable, "-c", READ, str(path)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=DEADLINE * 2,
        check=True,
    )
    rows, peak = result.stdout.split()
    return int(rows), int(peak)


def it_reads_a_padded_sheet_in_the_memory_its_rows_need(tmp_path: Path) -> None:
    people = [["Staff member", "Start date"]] + [
        [f"Person {i}", datetime.date(2026, 1, 1)] for i in range(200)
    ]
    plain = write_workbook(tmp_path / "plain.xlsx", [SheetSpec("Team", people)])
    padded = write_workbook(
        tmp_path / "padded.xlsx",
        [SheetSpec("Team", people, padding=250_000, dimension="A1:Z1048576")],
    )
    rows, baseline = peak_kilobytes(plain)
    padded_rows, peak = peak_kilobytes(padded)
    assert rows == padded_rows == 200
    assert peak - baseline < 30 * 1024, f"{(peak - baseline) // 1024} MB more for empty rows"
