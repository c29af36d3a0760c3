"""Killed, interrupted, terminated: nothing is left running, nothing is lost, and a rerun
finishes the job with every row exactly once."""

from __future__ import annotations

import os
import random
import signal
from pathlib import Path

from tests.faults.kit import (
    Batch,
    assert_every_row_once,
    journal_lines,
    rows,
    wait_for,
    write_roster,
)

ROWS = 2_000  # enough that the journal shows rows done while the batch still runs (a row takes about 1 ms)
LONG = 3_000  # enough that a loaded machine cannot finish the batch before the signal lands


def it_leaves_no_worker_or_resource_tracker_when_killed_while_workers_start(tmp_path: Path) -> None:
    roster = write_roster(tmp_path / "team.jsonl", rows(ROWS))
    batch = Batch(tmp_path, roster, tmp_path / "out", "--jobs", "2")
    batch.start()
    wait_for(lambda: bool(batch.descendants()), "a worker to be started")
    batch.kill()  # while the workers start

    code, _, _ = batch.finish()  # returns only once nothing holds our pipes open
    assert code == -signal.SIGKILL
    assert batch.wait_until_alone() == []


def it_leaves_no_process_when_killed_mid_batch_and_a_rerun_finishes(tmp_path: Path) -> None:
    roster = write_roster(tmp_path / "team.jsonl", rows(ROWS))
    out = tmp_path / "out"
    killed = Batch(tmp_path, roster, out, "--jobs", "2")
    killed.start()
    wait_for(lambda: journal_lines(out) >= 20, "rows to be done")
    killed.kill()
    killed.finish()
    assert killed.wait_until_alone() == []

    rerun = Batch(tmp_path, roster, out, "--jobs", "2").run()
    assert rerun.returncode == 0, rerun.stderr
    assert_every_row_once(out, ROWS)


def it_survives_being_killed_again_and_again(tmp_path: Path) -> None:
    roster = write_roster(tmp_path / "team.jsonl", rows(ROWS))
    out = tmp_path / "out"
    chance = random.Random(14)
    for _ in range(3):
        batch = Batch(tmp_path, roster, out, "--jobs", "2")
        batch.start()
        done = journal_lines(out)
        target = done + chance.randint(1, 25)
        wait_for(lambda n=target: journal_lines(out) >= n, "progress")
        batch.kill()
        batch.finish()
        assert batch.wait_until_alone() == []
    final = Batch(tmp_path, roster, out, "--jobs", "2").run()
    assert final.returncode == 0, final.stderr
    assert_every_row_once(out, ROWS)


def it_exits_130_on_ctrl_c_and_the_folder_resumes(tmp_path: Path) -> None:
    roster = write_roster(tmp_path / "team.jsonl", rows(LONG))
    out = tmp_path / "out"
    batch = Batch(tmp_path, roster, out, "--jobs", "2")
    batch.start()
    wait_for(lambda: journal_lines(out) >= 10, "rows to be done")
    assert batch.process is not None
    os.killpg(batch.process.pid, signal.SIGINT)  # as a terminal does: the whole foreground group

    code, _, err = batch.finish()
    assert code == 130
    assert err.strip().splitlines()[-1] == "supervision-forms: interrupted; run again to finish"
    assert "Traceback" not in err
    assert batch.wait_until_alone() == []
    assert not (out / "manifest.json").exists() and journal_lines(out) >= 10

    rerun = Batch(tmp_path, roster, out, "--jobs", "2").run()
    assert rerun.returncode == 0, rerun.stderr
    assert_every_row_once(out, LONG)


def it_leaves_no_process_when_terminated(tmp_path: Path) -> None:
    roster = write_roster(tmp_path / "team.jsonl", rows(ROWS))
    out = tmp_path / "out"
    batch = Batch(tmp_path, roster, out, "--jobs", "2")
    batch.start()
    wait_for(lambda: journal_lines(out) >= 10, "rows to be done")
    batch.kill(signal.SIGTERM)
    code, _, _ = batch.finish()
    assert code == -signal.SIGTERM
    assert batch.wait_until_alone() == []
    rerun = Batch(tmp_path, roster, out).run()
    assert rerun.returncode == 0, rerun.stderr
    assert_every_row_once(out, ROWS)


def it_keeps_a_second_batch_off_the_folder(tmp_path: Path) -> None:
    roster = write_roster(tmp_path / "team.jsonl", rows(ROWS))
    out = tmp_path / "out"
    first = Batch(tmp_path, roster, out, "--jobs", "1")
    first.start()
    wait_for(lambda: journal_lines(out) >= 5, "rows to be done")
    first.kill(signal.SIGSTOP)  # held mid-batch, as a slow disk or a busy machine would
    try:
        second = Batch(tmp_path, roster, out).run()
    finally:
        first.kill(signal.SIGCONT)
    assert second.returncode == 2
    assert second.stderr == f"supervision-forms: {out}: another batch is writing to this folder\n"
    code, _, err = first.finish()
    assert code == 0, err
    assert_every_row_once(out, ROWS)
