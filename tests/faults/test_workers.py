"""A render worker that dies (a crash, the OOM killer) costs nothing: its rows are sent
again and written; nothing fails."""

from __future__ import annotations

import multiprocessing
import os
import signal
from pathlib import Path

from supervision_forms.batch import RowResult, generate
from tests.faults.kit import (
    Batch,
    assert_every_row_once,
    command_line,
    journal_lines,
    rows,
    wait_for,
    write_roster,
)

ROWS = 80
LONG_ROWS = 2_000


def it_sends_a_dead_workers_rows_again(tmp_path: Path) -> None:
    killed: list[int] = []

    def oom_killer(result: RowResult) -> None:
        if not killed:
            workers = [p for p in multiprocessing.active_children() if "resource_tracker" not in p.name]
            if workers:
                killed.append(workers[0].pid or 0)
                os.kill(workers[0].pid or 0, signal.SIGKILL)

    report = generate(rows(ROWS), pack="portsmouth", out=tmp_path, jobs=2, progress=oom_killer)
    assert killed, "no worker was there to kill"
    assert report.ok, [r.describe() for r in report.failures][:3]
    assert_every_row_once(tmp_path, ROWS)


def it_survives_a_worker_killed_from_outside(tmp_path: Path) -> None:
    # enough rows that the workers are still at work once the journal shows the first ones
    roster = write_roster(tmp_path / "team.jsonl", rows(LONG_ROWS))
    out = tmp_path / "out"
    batch = Batch(tmp_path, roster, out, "--jobs", "2")
    batch.start()
    wait_for(lambda: journal_lines(out) >= 3, "rows to be done")
    workers = [pid for pid in batch.descendants() if "resource_tracker" not in command_line(pid)]
    assert workers
    os.kill(workers[0], signal.SIGKILL)
    code, _, err = batch.finish()
    assert code == 0, err
    assert_every_row_once(out, LONG_ROWS)
