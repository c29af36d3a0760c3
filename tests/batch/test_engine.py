"""generate(): one document per row, a manifest, bad rows reported, reruns that skip work."""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import zipfile
from pathlib import Path
from typing import Any

import pytest

from supervision_forms import installed_packs, parse, render
from supervision_forms.batch import RowResult, generate, merge_under
from supervision_forms.batch.worker import jobs_that_pay, usable_cores
from supervision_forms.errors import InvalidData, OutputFolderError
from supervision_forms.models import Agreement
from tests.batch.conftest import RowMaker


def docx_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob("*.docx"))


def manifest(folder: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    return data


def it_writes_one_document_per_row_with_a_manifest(tmp_path: Path, rows: RowMaker) -> None:
    report = generate([rows(0), rows(1)], pack="portsmouth", out=tmp_path)
    assert report.summary() == "2 rows: 2 written, 0 updated, 0 unchanged, 0 failed"
    assert docx_files(tmp_path) == ["Ann-Wheeler-1-2026-01-06.docx", "Tom-Wheeler-0-2026-01-05.docx"]
    listed = manifest(tmp_path)
    assert listed["pack"] == "portsmouth" and listed["summary"]["written"] == 2
    for item in listed["rows"]:
        data = (tmp_path / item["file"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == item["sha256"]
    assert (tmp_path / "Tom-Wheeler-0-2026-01-05.docx").stat().st_mode & 0o777 == 0o600


def it_writes_exactly_what_render_makes(tmp_path: Path, rows: RowMaker) -> None:
    generate([rows(0)], pack="portsmouth", out=tmp_path)
    expected = render(rows(0), pack="portsmouth")
    assert (tmp_path / "Tom-Wheeler-0-2026-01-05.docx").read_bytes() == expected
    assert parse(tmp_path / "Tom-Wheeler-0-2026-01-05.docx").data == Agreement.model_validate(rows(0))


def it_reports_a_bad_row_by_number_and_field_without_its_value(tmp_path: Path, rows: RowMaker) -> None:
    bad = rows(1) | {"review_date": "Jane Secret", "duration_minutes": "lots"}
    report = generate([rows(0), bad, rows(2)], pack="portsmouth", out=tmp_path)
    assert [r.status for r in report.rows] == ["written", "failed", "written"]
    [failure] = report.failures
    assert failure.describe() == (
        "row 2, review_date: is not a date we can read (write it as 16/11/2026); "
        "duration_minutes: is not a length of time we can read (write it as 90 mins or 1.5 hours)"
    )
    text = (tmp_path / "manifest.json").read_text(encoding="utf-8")
    assert "Jane Secret" not in text and "lots" not in text
    assert manifest(tmp_path)["rows"][1] == {
        "row": 2,
        "status": "failed",
        "errors": [
            {"field": "review_date", "message": "is not a date we can read (write it as 16/11/2026)"},
            {"field": "duration_minutes", "message": failure.errors[1].message},
        ],
    }


def it_merges_defaults_under_each_row(tmp_path: Path) -> None:
    defaults = {
        "supervisor": {"name": "Priya Nair", "role": "Team Manager"},
        "frequency": {"description": "Monthly"},
    }
    row = {"supervisee": {"name": "Tom"}, "supervisor": {"role": "Practice Lead", "name": None}}
    generate([row], pack="surrey", out=tmp_path, defaults=defaults)
    [file] = tmp_path.glob("*.docx")
    data = parse(file).data
    assert isinstance(data, Agreement)
    assert (data.supervisor.name, data.supervisor.role, data.frequency.description) == (
        "Priya Nair",
        "Practice Lead",
        "Monthly",
    )


def it_refuses_defaults_that_do_not_fit_the_model(tmp_path: Path) -> None:
    with pytest.raises(InvalidData, match=r"defaults: invalid data: supervisor\.nmae"):
        generate([{}], pack="surrey", out=tmp_path, defaults={"supervisor": {"nmae": "x"}})
    assert not (tmp_path / "manifest.json").exists()


def it_skips_rows_already_done_on_a_rerun(tmp_path: Path, rows: RowMaker) -> None:
    generate([rows(0), rows(1)], pack="portsmouth", out=tmp_path)
    before = {p.name: p.stat().st_mtime_ns for p in tmp_path.glob("*.docx")}
    again = generate([rows(0), rows(1)], pack="portsmouth", out=tmp_path)
    assert [r.status for r in again.rows] == ["unchanged", "unchanged"]
    assert {p.name: p.stat().st_mtime_ns for p in tmp_path.glob("*.docx")} == before


def it_updates_its_own_file_when_a_row_changes(tmp_path: Path, rows: RowMaker) -> None:
    generate([rows(0)], pack="portsmouth", out=tmp_path)
    changed = rows(0) | {"location": "Room 9"}
    report = generate([changed], pack="portsmouth", out=tmp_path)
    assert [r.status for r in report.rows] == ["updated"]
    assert (tmp_path / "Tom-Wheeler-0-2026-01-05.docx").read_bytes() == render(changed, pack="portsmouth")


def it_never_replaces_a_file_it_did_not_make_unless_told(tmp_path: Path, rows: RowMaker) -> None:
    theirs = tmp_path / "Tom-Wheeler-0-2026-01-05.docx"
    theirs.write_bytes(b"someone else's work")
    report = generate([rows(0)], pack="portsmouth", out=tmp_path)
    assert report.rows[0].status == "failed"
    assert "not what this batch wrote" in report.rows[0].describe() and "Tom" not in report.rows[0].describe()
    assert theirs.read_bytes() == b"someone else's work"
    report = generate([rows(0)], pack="portsmouth", out=tmp_path, overwrite=True)
    assert report.rows[0].status == "written"
    assert theirs.read_bytes() == render(rows(0), pack="portsmouth")


def it_refuses_to_replace_its_own_file_once_someone_edited_it(tmp_path: Path, rows: RowMaker) -> None:
    generate([rows(0)], pack="portsmouth", out=tmp_path)
    edited = tmp_path / "Tom-Wheeler-0-2026-01-05.docx"
    edited.write_bytes(edited.read_bytes() + b"edited")
    report = generate([rows(0) | {"location": "Room 9"}], pack="portsmouth", out=tmp_path)
    assert report.rows[0].status == "failed"
    assert edited.read_bytes().endswith(b"edited")


def it_adopts_an_identical_file_a_killed_run_left_unrecorded(tmp_path: Path, rows: RowMaker) -> None:
    (tmp_path / "Tom-Wheeler-0-2026-01-05.docx").write_bytes(render(rows(0), pack="portsmouth"))
    report = generate([rows(0)], pack="portsmouth", out=tmp_path)
    assert [r.status for r in report.rows] == ["unchanged"]
    assert manifest(tmp_path)["rows"][0]["file"] == "Tom-Wheeler-0-2026-01-05.docx"


def it_gives_colliding_names_numbers_in_roster_order(tmp_path: Path, rows: RowMaker) -> None:
    twin = rows(0) | {"location": "Elsewhere"}
    generate([rows(0), twin, rows(0)], pack="portsmouth", out=tmp_path)
    assert docx_files(tmp_path) == [
        "Tom-Wheeler-0-2026-01-05-2.docx",
        "Tom-Wheeler-0-2026-01-05-3.docx",
        "Tom-Wheeler-0-2026-01-05.docx",
    ]
    assert (tmp_path / "Tom-Wheeler-0-2026-01-05-2.docx").read_bytes() == render(twin, pack="portsmouth")


def it_keeps_hostile_names_inside_the_folder(tmp_path: Path) -> None:
    out = tmp_path / "out"
    hostile = ["../../escape", "/etc/passwd", "CON", "a:b", "..", "x" * 400, "C:\\Windows\\win.ini"]
    report = generate([{"supervisee": {"name": n}} for n in hostile], pack="surrey", out=out)
    assert report.ok
    made = {p.name for p in tmp_path.rglob("*") if p.is_file() and p.suffix == ".docx"}
    assert made == {r.file for r in report.rows}
    assert all((out / name).is_file() for name in made)


def it_renders_in_worker_processes_to_the_same_bytes(tmp_path: Path, rows: RowMaker) -> None:
    batch = [rows(i) for i in range(20)]
    one = generate(batch, pack="portsmouth", out=tmp_path / "one", jobs=1)
    two = generate(batch, pack="portsmouth", out=tmp_path / "two", jobs=2)
    assert [(r.file, r.sha256) for r in one.rows] == [(r.file, r.sha256) for r in two.rows]


def it_calls_progress_once_per_row(tmp_path: Path, rows: RowMaker) -> None:
    seen: list[RowResult] = []
    generate([rows(0), {"review_date": "x"}, rows(2)], pack="portsmouth", out=tmp_path, progress=seen.append)
    assert sorted(r.row for r in seen) == [1, 2, 3]


def it_zips_the_documents_and_the_manifest(tmp_path: Path, rows: RowMaker) -> None:
    report = generate([rows(0), rows(1)], pack="portsmouth", out=tmp_path, zip=True)
    assert report.zip == tmp_path / "agreements.zip"
    with zipfile.ZipFile(report.zip) as archive:
        assert sorted(archive.namelist()) == sorted([*docx_files(tmp_path), "manifest.json"])
        assert archive.read("manifest.json") == (tmp_path / "manifest.json").read_bytes()


def it_holds_the_folder_against_a_second_batch(tmp_path: Path, rows: RowMaker) -> None:
    def second(_: RowResult) -> None:
        with pytest.raises(OutputFolderError, match="another batch"):
            generate([rows(1)], pack="portsmouth", out=tmp_path)

    generate([rows(0)], pack="portsmouth", out=tmp_path, progress=second)


def it_refuses_a_manifest_it_did_not_write(tmp_path: Path, rows: RowMaker) -> None:
    (tmp_path / "manifest.json").write_text('{"files": []}')
    with pytest.raises(OutputFolderError, match="not a supervision-forms batch manifest"):
        generate([rows(0)], pack="portsmouth", out=tmp_path)


def it_cleans_up_temp_files_a_killed_run_left(tmp_path: Path, rows: RowMaker) -> None:
    stale = tmp_path / ".Tom-Wheeler-0-2026-01-05.docx.k2j3h4.tmp"
    stale.write_bytes(b"half")
    generate([rows(0)], pack="portsmouth", out=tmp_path)
    assert not stale.exists()


def it_merges_nested_defaults_without_changing_them() -> None:
    defaults = {"supervisor": {"name": "A", "role": "B"}}
    assert merge_under(defaults, {"supervisor": {"role": "C"}, "location": None}) == {
        "supervisor": {"name": "A", "role": "C"}
    }
    assert defaults == {"supervisor": {"name": "A", "role": "B"}}


def it_uses_a_pack_given_as_an_object(tmp_path: Path, rows: RowMaker) -> None:
    many = [rows(index) for index in range(60)]  # enough for worker processes, which get the pack
    report = generate(many, pack=installed_packs().get("sefton"), out=tmp_path, jobs=2)
    assert report.ok


def it_records_what_a_row_contradicts_in_the_manifest_and_warns_once(
    tmp_path: Path, rows: RowMaker, recwarn: pytest.WarningsRecorder
) -> None:
    odd = merge_under(rows(1), {"frequency": {"description": "Every 6 weeks", "every": 6, "unit": "week"}})
    for jobs in (1, 2):
        out = tmp_path / f"jobs-{jobs}"
        report = generate(
            [rows(0), odd, merge_under(odd, {"supervisee": {"name": "Kim Odd"}})],
            pack="portsmouth",
            out=out,
            jobs=jobs,
        )
        assert report.ok
        listed = {item["row"]: item.get("warnings", []) for item in manifest(out)["rows"]}
        assert listed[1] == [] and len(listed[2]) == 1 and listed[3] == listed[2]
        assert "frequency.description" in listed[2][0] and "6 weeks" not in listed[2][0]
        assert [w for w in report.warnings if "differs from what the form prints" in w] == [
            "2 rows gave a value that differs from what the form prints; the value is shown in the annex "
            '(see "warnings" in the manifest)'
        ]
    assert not recwarn.list  # no warning per row


def it_counts_its_own_process_among_the_jobs(tmp_path: Path, rows: RowMaker) -> None:
    """The batch's process reads, validates and records every row: with 2 jobs it runs
    beside one worker, not two (which would fight it for the cores)."""
    processes = jobs_that_pay(2, 60)
    alive: set[int] = set()

    def count_workers(result: RowResult) -> None:
        alive.update(child.pid or 0 for child in multiprocessing.active_children())

    report = generate(
        [rows(i) for i in range(60)], pack="portsmouth", out=tmp_path, jobs=2, progress=count_workers
    )
    assert report.summary() == "60 rows: 60 written, 0 updated, 0 unchanged, 0 failed"
    assert len(alive) == processes - 1


def it_starts_no_more_worker_processes_than_a_roster_of_its_size_pays_for() -> None:
    cores = usable_cores()
    assert jobs_that_pay(4, 12) == 1  # a team's dozen: done before a second process would start
    assert jobs_that_pay(4, 49) == 1
    assert jobs_that_pay(4, 50) == min(2, cores)
    assert jobs_that_pay(2, 10_000) == min(2, cores)
    assert jobs_that_pay(64, 10_000) == cores
    assert jobs_that_pay(2, None) == min(2, cores)  # size unknown: as asked
    assert jobs_that_pay(1, 10_000) == 1
