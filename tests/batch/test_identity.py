"""A row keeps its file: matched by who it is (employee ID, or name and details), never by
its place among rows with the same name; files whose rows are gone are kept, as orphans."""

from __future__ import annotations

import copy
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from supervision_forms import render
from supervision_forms.batch import generate
from supervision_forms.batch.manifest import Journal
from supervision_forms.errors import OutputFolderError
from tests.batch.conftest import EXAMPLE


def tom(team: str, **changes: Any) -> dict[str, Any]:
    row = copy.deepcopy(EXAMPLE)
    row["supervisee"] |= {"name": "Tom Wheeler", "team": team}
    row["signatures"]["supervisee"]["name"] = "Tom Wheeler"
    for key, value in changes.items():
        row[key] = value
    return row


def listed(out: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    return data


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def files_of(report: Any) -> list[str | None]:
    return [row.file for row in report.rows]


PLAIN, SECOND = "Tom-Wheeler-2026-11-16.docx", "Tom-Wheeler-2026-11-16-2.docx"


def it_keeps_each_namesakes_file_when_one_leaves(tmp_path: Path) -> None:
    north, south = tom("North"), tom("South", location="Room 2")
    first = generate([north, south], pack="portsmouth", out=tmp_path)
    assert files_of(first) == [PLAIN, SECOND]
    norths = (tmp_path / PLAIN).read_bytes()

    again = generate([south], pack="portsmouth", out=tmp_path)

    assert [(r.file, r.status) for r in again.rows] == [(SECOND, "unchanged")]
    assert (tmp_path / PLAIN).read_bytes() == norths  # never overwritten with the other Tom's data
    assert again.orphaned == (PLAIN,)
    assert [item["file"] for item in listed(tmp_path)["orphaned"]] == [PLAIN]
    assert (tmp_path / SECOND).read_bytes() == render(south, pack="portsmouth")


def it_keeps_each_namesakes_file_whatever_their_order(tmp_path: Path) -> None:
    north, south = tom("North"), tom("South")
    generate([north, south], pack="portsmouth", out=tmp_path)
    south_changed = tom("South", location="Room 9")
    again = generate([south_changed, north], pack="portsmouth", out=tmp_path)
    assert [(r.file, r.status) for r in again.rows] == [(SECOND, "updated"), (PLAIN, "unchanged")]
    assert (tmp_path / SECOND).read_bytes() == render(south_changed, pack="portsmouth")


def it_follows_a_person_whose_team_changed(tmp_path: Path) -> None:
    generate([tom("North")], pack="portsmouth", out=tmp_path)
    again = generate([tom("South")], pack="portsmouth", out=tmp_path)
    assert [(r.file, r.status) for r in again.rows] == [(PLAIN, "updated")] and again.orphaned == ()


def it_tells_namesakes_apart_by_employee_id(tmp_path: Path) -> None:
    one = tom("North") | {"supervisee": {"name": "Tom Wheeler", "team": "North", "employee_id": "E1"}}
    two = tom("North") | {"supervisee": {"name": "Tom Wheeler", "team": "North", "employee_id": "E2"}}
    first = generate([one, two], pack="portsmouth", out=tmp_path)
    assert first.ok and files_of(first) == [PLAIN, SECOND] and first.warnings == ()
    two_moved = copy.deepcopy(two)
    two_moved["location"] = "Elsewhere"
    again = generate([two_moved, one], pack="portsmouth", out=tmp_path)
    assert [(r.file, r.status) for r in again.rows] == [(SECOND, "updated"), (PLAIN, "unchanged")]
    assert "E1" not in (tmp_path / "manifest.json").read_text()  # kept as a hash only


def it_warns_when_two_rows_cannot_be_told_apart(tmp_path: Path) -> None:
    report = generate([tom("North"), tom("North", location="Room 2")], pack="portsmouth", out=tmp_path)
    assert files_of(report) == [PLAIN, SECOND]
    assert report.warnings == (
        "rows 1 and 2 give the same person (name, date, team, role and supervisor); add an Employee ID "
        "column so that each keeps its own file on later runs",
    )


def it_repairs_a_file_that_went_missing(tmp_path: Path) -> None:
    generate([tom("North")], pack="portsmouth", out=tmp_path)
    (tmp_path / PLAIN).unlink()
    again = generate([tom("North")], pack="portsmouth", out=tmp_path)
    assert [r.status for r in again.rows] == ["written"]
    [row] = listed(tmp_path)["rows"]
    assert row["sha256"] == sha(tmp_path / PLAIN)


def it_forgets_an_orphan_once_someone_changed_or_removed_it(tmp_path: Path) -> None:
    generate([tom("North"), tom("South")], pack="portsmouth", out=tmp_path)
    (tmp_path / SECOND).write_bytes(b"edited by a manager")
    report = generate([tom("North")], pack="portsmouth", out=tmp_path)
    assert report.orphaned == () and listed(tmp_path)["orphaned"] == []
    assert (tmp_path / SECOND).read_bytes() == b"edited by a manager"


def it_finishes_after_a_crash_and_a_roster_fix_without_calling_its_own_file_taken(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def crash(self: Journal, result: Any) -> None:
        raise KeyboardInterrupt  # killed after the file was written, before it was recorded

    with monkeypatch.context() as patched:
        patched.setattr(Journal, "record", crash)
        with pytest.raises(KeyboardInterrupt):
            generate([tom("North", location="Room 1")], pack="portsmouth", out=tmp_path)
    assert (tmp_path / PLAIN).exists() and not (tmp_path / "manifest.json").exists()
    fixed = tom("North", location="Room 2")
    report = generate([fixed], pack="portsmouth", out=tmp_path)
    assert [(r.file, r.status) for r in report.rows] == [(PLAIN, "written")]
    assert (tmp_path / PLAIN).read_bytes() == render(fixed, pack="portsmouth")


@pytest.mark.parametrize("name", [".supervision-forms.lock", ".manifest-journal.jsonl", "manifest.json"])
def it_never_follows_a_symbolic_link_in_the_folder(tmp_path: Path, name: str) -> None:
    out, target = tmp_path / "out", tmp_path / "elsewhere.txt"
    out.mkdir()
    target.write_text("precious")
    (out / name).symlink_to(target)
    with pytest.raises(OutputFolderError, match=f"{name}: a symbolic link; remove it"):
        generate([tom("North")], pack="portsmouth", out=out)
    assert target.read_text() == "precious"


def it_writes_a_row_that_names_no_supervisee_as_a_draft_and_says_so(tmp_path: Path) -> None:
    nameless = tom("North")
    nameless["supervisee"]["name"] = "  "
    report = generate(
        [tom("North"), nameless, {**nameless, "location": "Room 2"}], pack="portsmouth", out=tmp_path
    )
    assert report.ok and files_of(report)[1:] == ["unnamed-2026-11-16.docx", "unnamed-2026-11-16-2.docx"]
    assert any(w.startswith("row 2 (and 1 more) names no supervisee") for w in report.warnings), (
        report.warnings
    )
