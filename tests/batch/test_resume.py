"""The acceptance run: 1,000 agreements from an .xlsx roster with a bad row and hostile
names, killed half way, then run again: nothing lost, nothing written twice."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.batch.conftest import spreadsheet_rows, write_xlsx
from tests.conftest import REPO

ROWS = 1_000
HOSTILE = ["../../escape", "CON", "a:b*c", "/etc/passwd", "\u200f" + "x" * 300]  # bidi controls are refused


def batch_command(roster: Path, out: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "supervision_forms",
        "batch",
        str(roster),
        "-p",
        "portsmouth",
        "-o",
        str(out),
    ]


def done_rows(journal: Path) -> int:
    """Rows the journal records as done (it also holds a plan before each file is written)."""
    return sum(1 for line in journal.read_bytes().splitlines() if line.startswith(b'{"row"'))


def wait_for_journal(out: Path, lines: int, process: subprocess.Popen[bytes]) -> None:
    journal = out / ".manifest-journal.jsonl"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if journal.exists() and done_rows(journal) >= lines:
            return
        time.sleep(0.01)
    pytest.fail("the batch did not get going (or finished before it could be killed)")


@pytest.fixture(scope="module")
def roster(tmp_path_factory: pytest.TempPathFactory) -> Path:
    headers, cells = spreadsheet_rows(ROWS)
    name = headers.index("supervisee.name")
    for index, hostile in enumerate(HOSTILE):
        cells[index * 100][name] = hostile
    bad = list(cells[0])
    bad[headers.index("review_date")] = "next Tuesday"
    cells.insert(500, bad)  # spreadsheet row 502
    return write_xlsx(tmp_path_factory.mktemp("roster") / "team.xlsx", headers, cells)


def it_resumes_after_being_killed_without_losing_or_duplicating_a_file(tmp_path: Path, roster: Path) -> None:
    out = tmp_path / "out"
    environment = {**os.environ, "PYTHONPATH": str(REPO)}
    process = subprocess.Popen(
        [*batch_command(roster, out), "--jobs", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=environment,
        start_new_session=True,  # its own process group: the workers die with it
    )
    try:
        wait_for_journal(out, 300, process)
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    assert not (out / "manifest.json").exists(), "killed too late to test resuming"
    done_before = done_rows(out / ".manifest-journal.jsonl")

    rerun = subprocess.run(
        [*batch_command(roster, out), "--jobs", "2"],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )

    assert rerun.returncode == 1
    assert rerun.stderr.splitlines()[0] == (
        "row 502, review_date: is not a date we can read (write it as 16/11/2026)"
    )
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    rows = manifest["rows"]
    assert len(rows) == ROWS + 1
    assert manifest["summary"]["failed"] == 1
    assert manifest["summary"]["unchanged"] >= done_before  # adopted too: written, not yet journaled
    assert manifest["summary"]["unchanged"] + manifest["summary"]["written"] == ROWS
    files = [row["file"] for row in rows if row["status"] != "failed"]
    on_disk = sorted(p.name for p in out.iterdir() if p.suffix == ".docx")
    assert sorted(files) == on_disk and len(set(files)) == ROWS
    assert not any(name.endswith("-2.docx") for name in on_disk)  # nothing written twice under a new name
    for row in rows[:: ROWS // 50]:
        if row["status"] != "failed":
            assert hashlib.sha256((out / row["file"]).read_bytes()).hexdigest() == row["sha256"]
    leftovers = sorted(p.name for p in out.iterdir() if p.name.startswith("."))
    assert leftovers == [".supervision-forms.lock"]
    assert {p.resolve().parent for p in out.iterdir()} == {out.resolve()}
