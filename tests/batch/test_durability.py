"""Files are synced in groups, and the journal records a file only once it is synced."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path

import pytest

from supervision_forms.batch import RowResult, engine, generate
from supervision_forms.batch.manifest import Journal
from tests.batch.conftest import RowMaker


@pytest.mark.parametrize("jobs", [1, 2])
def it_records_no_file_before_it_is_synced_and_syncs_in_groups(
    tmp_path: Path, rows: RowMaker, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    synced: set[str] = set()
    calls: list[int] = []
    recorded: list[str] = []
    sync = engine.sync_files
    record = Journal.record

    def syncing(folder: Path, names: Iterable[str]) -> None:
        group = list(names)
        calls.append(len(group))
        sync(folder, group)
        synced.update(group)

    def recording(journal: Journal, result: RowResult) -> None:
        if result.status in ("written", "updated"):
            assert result.file in synced, "recorded before it was synced"
            recorded.append(result.file or "")
        record(journal, result)

    monkeypatch.setattr(engine, "sync_files", syncing)
    monkeypatch.setattr(Journal, "record", recording)
    count = engine.SYNC_GROUP * 2 + 3
    report = generate([rows(i) for i in range(count)], pack="portsmouth", out=tmp_path, jobs=jobs)
    assert report.ok and sorted(recorded) == sorted(r.file or "" for r in report.rows)
    assert sum(calls) == count and len(calls) < count / 4  # in groups, not one by one


@pytest.mark.parametrize("jobs", [1, 2])
def it_goes_on_making_files_while_a_group_is_syncing(
    tmp_path: Path, rows: RowMaker, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    """A sync waits on the disk: the next group is made meanwhile, not after it."""
    next_group = threading.Event()
    waited: list[bool] = []
    groups: list[engine._Batch] = []
    sync, start = engine.sync_files, engine._Batch._sync

    def slow_first_sync(folder: Path, names: Iterable[str]) -> None:
        if not waited:  # the first group's sync ends only once the next group is ready
            waited.append(next_group.wait(timeout=20))
        sync(folder, names)

    def starting(batch: engine._Batch) -> None:
        if batch._unsynced:
            groups.append(batch)
            if len(groups) == 2:
                next_group.set()
        start(batch)

    monkeypatch.setattr(engine, "sync_files", slow_first_sync)
    monkeypatch.setattr(engine._Batch, "_sync", starting)
    count = engine.SYNC_GROUP * 3
    report = generate([rows(i) for i in range(count)], pack="portsmouth", out=tmp_path, jobs=jobs)
    assert report.ok and len(report.rows) == count
    assert waited == [True], "the batch stood still while its first group was syncing"


@pytest.mark.parametrize("jobs", [1, 2])
def it_records_a_file_gone_before_its_sync_as_failed_and_the_others_as_written(
    tmp_path: Path, rows: RowMaker, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    sync = engine.sync_files
    removed: list[str] = []

    def removing_one(folder: Path, names: Iterable[str]) -> None:
        group = list(names)
        if not removed:  # someone deletes a file of the first group as it is written
            removed.append(group[1])
            (folder / group[1]).unlink()
        sync(folder, group)

    monkeypatch.setattr(engine, "sync_files", removing_one)
    count = engine.SYNC_GROUP + 2
    report = generate([rows(i) for i in range(count)], pack="portsmouth", out=tmp_path, jobs=jobs)
    failed = [row for row in report.rows if row.status == "failed"]
    assert len(failed) == 1 and failed[0].file is None
    assert [error.message for error in failed[0].errors] == [engine.VANISHED]
    written = sorted(row.file or "" for row in report.rows if row.status == "written")
    assert len(written) == count - 1 and removed[0] not in written
    assert written == sorted(path.name for path in tmp_path.glob("*.docx"))
