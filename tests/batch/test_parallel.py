"""Rows read, validated and rendered in the worker processes: the same files, names and
problems as with one job, from a roster as HR writes one."""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path
from typing import Any

import pytest

from supervision_forms.batch import Roster, generate, worker
from supervision_forms.batch.report import BatchReport
from supervision_forms.batch.rosters import RowReader, UnreadRow
from supervision_forms.batch.worker import Work, _may_fork, jobs_that_pay
from supervision_forms.models.paths import flatten
from tests.batch.conftest import RowMaker, agreement_row, write_jsonl

ROWS = 120
HR_HEADERS = {
    "supervisee.name": "SUPERVISEE NAME",
    "supervisee.role": "Job Title",
    "supervisee.team": "team",
    "supervisor.name": "Supervisor",
    "agreement_date": "Start Date",
    "review_date": "Review date",
    "duration_minutes": "Duration (minutes)",
}


def hr_roster(path: Path, count: int) -> Path:
    """HR's own headers and casing, two columns we do not know, British dates, a person
    every 20 rows with the same name as the one before (another team), and a few rows
    that fail: a date that does not exist, a duration nobody can read."""
    items = []
    for index in range(count):
        row = agreement_row(index - 1 if index % 20 == 0 and index else index)
        if index % 20 == 0 and index:
            row["supervisee"]["team"] = "Another team"
        items.append(flatten(row))
    paths = sorted({key for item in items for key in item})
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([*(HR_HEADERS.get(p, p) for p in paths), "Cost Centre", "Notes"])
        for index, item in enumerate(items):
            cells = {p: _british(v) for p, v in item.items()}
            if index % 37 == 36:
                cells["review_date"] = "31/02/2027"
            if index % 53 == 52:
                cells["duration_minutes"] = "a while"
            writer.writerow([*("" if cells.get(p) is None else cells[p] for p in paths), "CC 1", ""])
    return path


def _british(value: Any) -> Any:
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        return f"{value[8:]}/{value[5:7]}/{value[:4]}"
    return value


def outcome(report: BatchReport) -> dict[str, Any]:
    """What a batch made, as the user sees it: files and their bytes, rows, problems."""
    folder = report.out
    rows = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["rows"]
    return {
        "files": {p.name: p.read_bytes() for p in sorted(folder.glob("*.docx"))},
        "rows": rows,
        "errors": (folder / "errors.csv").read_text(encoding="utf-8") if report.errors_file else None,
        "summary": report.summary(),
        "warnings": report.warnings,
    }


def run(roster: Path, out: Path, jobs: int) -> BatchReport:
    with Roster(roster, _model(), pack=_pack()) as rows:
        return generate(rows, pack="portsmouth", out=out, jobs=jobs)


def _pack() -> Any:
    from supervision_forms.registry import installed_packs

    return installed_packs().get("portsmouth")


def _model() -> Any:
    return _pack().model("agreement")


@pytest.mark.skipif(jobs_that_pay(2, ROWS) < 2, reason="one usable core: no worker is started")
def it_writes_the_same_files_names_and_problems_with_two_jobs_as_with_one(tmp_path: Path) -> None:
    roster = hr_roster(tmp_path / "team.csv", ROWS)
    one, two = run(roster, tmp_path / "one", 1), run(roster, tmp_path / "two", 2)
    assert outcome(two) == outcome(one)
    failures = {(r.row, e.field, e.message) for r in one.failures for e in r.errors}
    assert failures == {
        (38, "Review date", "31/02/2027 is not a real date"),
        (75, "Review date", "31/02/2027 is not a real date"),
        (112, "Review date", "31/02/2027 is not a real date"),
        (54, "Duration (minutes)", "is not a length of time we can read (write it as 90 mins or 1.5 hours)"),
        (107, "Duration (minutes)", "is not a length of time we can read (write it as 90 mins or 1.5 hours)"),
    }
    assert sum(name.endswith("-2.docx") for name in outcome(one)["files"]) == 5  # the same names
    assert any("Cost Centre" in warning for warning in one.warnings)


@pytest.mark.skipif(jobs_that_pay(2, ROWS) < 2, reason="one usable core: no worker is started")
@pytest.mark.skipif(not _may_fork(), reason="workers are spawned here: they would not be watched")
@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def it_reads_rows_from_their_cells_in_its_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    """The batch's own process hands rows on unread: a worker reads a row's cells (or its
    JSON object), validates it and tells who it is."""
    readers = tmp_path / "readers"
    read = UnreadRow.read

    def watched(self: UnreadRow, model: Any) -> Any:
        with readers.open("a", encoding="utf-8") as handle:
            handle.write(f"{os.getpid()}\n")
        return read(self, model)

    monkeypatch.setattr(UnreadRow, "read", watched)  # forked workers have it too
    roster = tmp_path / f"team{suffix}"
    if suffix == ".csv":
        hr_roster(roster, ROWS)
    else:
        write_jsonl(roster, [agreement_row(i) for i in range(ROWS)])
    report = run(roster, tmp_path / "out", 2)
    assert len(report.rows) == ROWS
    pids = readers.read_text(encoding="utf-8").split()
    assert len(pids) == ROWS  # each row read once
    assert {int(pid) for pid in pids} - {os.getpid()}, "every row was read in the batch's own process"


def it_fails_a_row_whose_reading_breaks_and_writes_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rows: RowMaker
) -> None:
    """A bug met reading one row fails that row, named by its number, without its values;
    the batch goes on."""
    row = RowReader.row

    def broken(self: RowReader, number: int, cells: list[Any], found: Any = ()) -> Any:
        if number == 4:
            raise TypeError("Staff Member 2 is private")
        return row(self, number, cells, found)

    monkeypatch.setattr(RowReader, "row", broken)
    roster = hr_roster(tmp_path / "team.csv", 6)
    report = run(roster, tmp_path / "out", 1)
    assert report.summary() == "6 rows: 5 written, 0 updated, 0 unchanged, 1 failed"
    [failure] = report.failures
    assert failure.row == 4 and [e.message for e in failure.errors] == ["could not be read (TypeError)"]
    assert "private" not in (tmp_path / "out" / "errors.csv").read_text(encoding="utf-8")


@pytest.mark.skipif(jobs_that_pay(2, ROWS) < 2, reason="one usable core: no worker is started")
@pytest.mark.skipif(not _may_fork(), reason="workers are spawned here: they would not be watched")
def it_renders_a_row_where_it_is_made_ready_so_that_no_row_travels_twice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker renders a row as soon as it has read and validated it (a draft beside its
    file); the batch's own process only renames it into place: no row is sent back to be
    rendered, and no draft is left over."""
    sent = tmp_path / "sent"
    run_jobs = Work.run

    def watched(self: Work, jobs: Any) -> Any:
        with sent.open("a", encoding="utf-8") as handle:
            handle.write("".join(f"{type(job).__name__}\n" for job in jobs))
        return run_jobs(self, jobs)

    monkeypatch.setattr(Work, "run", watched)  # forked workers have it too
    report = run(hr_roster(tmp_path / "team.csv", ROWS), tmp_path / "out", 2)
    assert report.summary() == f"{ROWS} rows: {ROWS - 5} written, 0 updated, 0 unchanged, 5 failed"
    assert sorted(set(sent.read_text(encoding="utf-8").split())) == ["PrepareJob"]
    assert not [p.name for p in (tmp_path / "out").iterdir() if p.name.startswith(".draft")]


@pytest.mark.parametrize("jobs", [1, 2])
def it_drafts_no_row_whose_file_an_earlier_run_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    """On a rerun, a row with an earlier run's fingerprint is not rendered ahead (it is
    most likely unchanged): only the row that changed is rendered."""
    roster = hr_roster(tmp_path / "team.csv", 12)
    run(roster, tmp_path / "out", jobs)
    with roster.open(encoding="utf-8", newline="") as handle:
        table = list(csv.reader(handle))
    table[3][table[0].index("Duration (minutes)")] = "45"  # one row changes
    with roster.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(table)
    renders = tmp_path / "renders"
    render = worker.render_model

    def watched(*args: Any) -> Any:
        with renders.open("a", encoding="utf-8") as handle:
            handle.write("1\n")
        return render(*args)

    monkeypatch.setattr(worker, "render_model", watched)
    report = run(roster, tmp_path / "out", jobs)
    assert report.summary() == "12 rows: 0 written, 1 updated, 11 unchanged, 0 failed"
    assert renders.read_text(encoding="utf-8").split() == ["1"]
