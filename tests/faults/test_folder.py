"""The output folder misbehaves: removed or replaced mid-run, full, read-only. The
manifest never names a file that is not there with its hash, and a rerun repairs."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from supervision_forms.batch import RowResult, generate
from supervision_forms.errors import OutputFolderError
from tests.faults.disks import file_size_limit, is_root, small_disk
from tests.faults.kit import (
    Batch,
    assert_every_row_once,
    journal_lines,
    manifest,
    rows,
    wait_for,
    write_roster,
)

ROWS = 40
RUNNING = 2_000  # rows of a batch still running when the journal shows its first ones


def assert_manifest_true(out: Path) -> None:
    """Whatever the manifest lists as made is there, with its hash."""
    if not (out / "manifest.json").exists():
        return
    for row in manifest(out)["rows"]:
        if row.get("sha256"):
            assert hashlib.sha256((out / row["file"]).read_bytes()).hexdigest() == row["sha256"]


@pytest.mark.parametrize("recreated", [True, False])
def it_stops_when_the_folder_is_replaced_or_removed_mid_run(tmp_path: Path, recreated: bool) -> None:
    out = tmp_path / "out"
    seen: list[RowResult] = []

    def sync_tool(result: RowResult) -> None:
        seen.append(result)
        if len(seen) == 5:
            out.rename(tmp_path / "moved-away")
            if recreated:
                out.mkdir()

    with pytest.raises(OutputFolderError, match="the folder was removed or replaced while the batch ran"):
        generate(rows(ROWS), pack="portsmouth", out=out, progress=sync_tool)
    assert not (out / "manifest.json").exists()

    if not recreated:
        out.mkdir()
    report = generate(rows(ROWS), pack="portsmouth", out=out)  # the rerun repairs
    assert report.ok and len(report.rows) == ROWS
    assert_every_row_once(out, ROWS)


def it_stops_a_running_batch_whose_folder_a_colleague_replaced(tmp_path: Path) -> None:
    roster = write_roster(tmp_path / "team.jsonl", rows(RUNNING))
    out = tmp_path / "out"
    batch = Batch(tmp_path, roster, out, "--jobs", "2")
    batch.start()
    wait_for(lambda: journal_lines(out) >= 10, "rows to be done")
    out.rename(tmp_path / "old-out")
    out.mkdir()
    code, _, err = batch.finish()
    assert code == 2
    assert err == (
        f"supervision-forms: {out}: the folder was removed or replaced while the batch ran; stopped. "
        "Run the batch again to finish\n"
    )
    assert not (out / "manifest.json").exists()
    assert batch.wait_until_alone() == []
    rerun = Batch(tmp_path, roster, out, "--jobs", "2").run()
    assert rerun.returncode == 0, rerun.stderr
    assert_every_row_once(out, RUNNING)


def it_fails_cleanly_on_a_full_disk_and_finishes_once_there_is_room(tmp_path: Path) -> None:
    roster = write_roster(tmp_path / "team.jsonl", rows(ROWS))
    with small_disk(tmp_path / "disk", "400k") as disk:
        out = tmp_path / "disk" / "out"
        limit: dict[str, Any] = {} if disk is not None else {"preexec_fn": file_size_limit(30_000)}
        full = Batch(tmp_path, roster, out).run(**limit)
        assert full.returncode in (1, 2), full.stderr
        assert "Traceback" not in full.stderr and full.stderr.count("\n") <= 4
        assert_manifest_true(out)
        if disk is not None:
            assert "No space left on device" in full.stderr
            disk.resize("50m")
        rerun = Batch(tmp_path, roster, out).run()
        assert rerun.returncode == 0, rerun.stderr
        assert_every_row_once(out, ROWS)


def it_says_plainly_that_a_folder_is_read_only(tmp_path: Path) -> None:
    roster = write_roster(tmp_path / "team.jsonl", rows(3))
    with small_disk(tmp_path / "disk", "10m") as disk:
        out = tmp_path / "disk" / "out"
        out.mkdir()
        if disk is not None:
            disk.read_only(True)
        elif is_root():
            pytest.skip("root may write anywhere, and this system does not let it mount a read-only disk")
        else:
            out.chmod(0o500)
        refused = Batch(tmp_path, roster, out).run()
        assert refused.returncode == 2
        assert refused.stderr.startswith(f"supervision-forms: {out}: cannot be used (")
        assert refused.stderr.count("\n") == 1
        if disk is not None:
            disk.read_only(False)
        else:
            out.chmod(0o700)
        assert Batch(tmp_path, roster, out).run().returncode == 0
        assert_every_row_once(out, 3)


def it_removes_nothing_it_did_not_make_when_cleaning_up(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / ".notes.docx.mine.txt").write_text("keep")
    (out / ".sf-pdf-not-a-folder").write_text("keep")
    generate(rows(2), pack="portsmouth", out=out)
    assert (out / ".notes.docx.mine.txt").read_text() == "keep"
    assert (out / ".sf-pdf-not-a-folder").read_text() == "keep"
    shutil.rmtree(out)
    assert not os.path.exists(out)
