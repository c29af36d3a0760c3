"""A folder at a time: `extract` and the table it writes."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from supervision_forms.cli import main
from supervision_forms.extract import extract, find_documents, write_table
from tests.conftest import shared_file
from tools.corpus.build import make_form


@pytest.fixture(scope="module")
def team(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three filled forms (one a subfolder down), a broken file, and a file to ignore."""
    seeds = shared_file("seeds")
    folder = tmp_path_factory.mktemp("team")
    (folder / "older").mkdir()
    for number, council in enumerate(("portsmouth", "surrey", "sefton")):
        data, _ = make_form(council, number, seed=5, seeds=seeds)
        target = folder / ("older" if council == "sefton" else "") / f"{council}.docx"
        target.write_bytes(data)
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (folder / "~$portsmouth.docx").write_bytes(b"Word lock file")
    (folder / "notes.txt").write_text("not a form", encoding="utf-8")
    return folder


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    with pytest.raises(SystemExit) as ended:
        main(args)
    return int(ended.value.code or 0), capsys.readouterr().err


def it_finds_the_forms_in_a_folder_and_its_subfolders(team: Path) -> None:
    names = [p.relative_to(team).as_posix() for p in find_documents(team)]
    assert names == ["broken.docx", "older/sefton.docx", "portsmouth.docx", "surrey.docx"]


def it_writes_a_row_for_every_file_with_its_status(
    team: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "team.csv"
    code, err = _run(["extract", str(team), "-o", str(out)], capsys)
    assert code == 1
    assert err.splitlines()[0] == "3 of 5 files read; 2 not: 1 damaged, 1 unsupported; table in team.csv"
    assert len(err.splitlines()) <= 3
    assert out.stat().st_mode & 0o777 == 0o600  # personal data: the owner's only
    with out.open(encoding="utf-8-sig", newline="") as table:
        rows = list(csv.DictReader(table))
    assert [(r["file"], r["status"]) for r in rows] == [
        ("broken.docx", "not read: damaged"),
        ("notes.txt", "not read: unsupported"),
        ("older/sefton.docx", "read"),
        ("portsmouth.docx", "read"),
        ("surrey.docx", "read"),
    ]
    read = [r for r in rows if r["status"] == "read"]
    assert [r["pack"] for r in read] == ["sefton", "portsmouth", "surrey"]
    assert all(r["supervisee.name"] and r["format"] == "docx" for r in read)
    assert "warnings" in rows[0] and "unmapped" in rows[0]


def it_lists_each_file_not_read_when_asked(
    team: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = _run(["extract", str(team), "-o", str(tmp_path / "t.csv"), "--verbose"], capsys)
    assert code == 1
    assert "not read: broken.docx: the file is damaged or cut short (its zip does not open)" in err
    assert "not read: notes.txt: not a document this library reads (.txt)" in err
    assert "~$portsmouth" not in err  # Word's lock file is passed over quietly


def it_never_calls_a_folder_with_nothing_readable_a_success(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "old"
    folder.mkdir()
    (folder / "letter.wpd").write_bytes(b"\xffWPC WordPerfect")
    code, err = _run(["extract", str(folder), "-o", str(tmp_path / "t.csv")], capsys)
    assert code == 1
    assert err.startswith("0 of 1 files read; 1 not: 1 unsupported")
    empty = tmp_path / "empty"
    empty.mkdir()
    code, err = _run(["extract", str(empty), "-o", str(tmp_path / "u.csv")], capsys)
    assert code == 1
    assert err.startswith("no files to read in empty")


def it_counts_a_docx_and_a_copy_of_it_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "copies"
    folder.mkdir()
    data, _ = make_form("surrey", 1, seed=5, seeds=shared_file("seeds"))
    (folder / "a.docx").write_bytes(data)
    (folder / "b.docx").write_bytes(data)
    code, err = _run(["extract", str(folder), "-o", str(tmp_path / "t.jsonl")], capsys)
    assert code == 0
    assert "(1 the same document as another file, counted once)" in err
    lines = [json.loads(line) for line in (tmp_path / "t.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [line["status"] for line in lines] == ["read", "same document as a.docx"]


def it_passes_over_a_batch_s_own_files_quietly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    data, _ = make_form("sefton", 2, seed=5, seeds=shared_file("seeds"))
    (folder / "someone-2026-01-01.docx").write_bytes(data)
    for name in ("manifest.json", ".manifest-journal.jsonl", ".supervision-forms.lock", "errors.csv"):
        (folder / name).write_text("{}", encoding="utf-8")
    (folder / "agreements.zip").write_bytes(b"PK\x05\x06" + bytes(18))
    code, err = _run(["extract", str(folder), "-o", str(tmp_path / "t.csv")], capsys)
    assert (code, err.splitlines()[0]) == (0, "1 of 1 files read; table in t.csv")


def it_shows_a_file_name_with_control_characters_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "names"
    folder.mkdir()
    (folder / "evil\nread: forged.docx").write_bytes(b"PK\x03\x04 broken")
    (folder / b"caf\xe9.docx".decode("utf-8", "surrogateescape")).write_bytes(b"PK\x03\x04 broken")
    code, err = _run(["extract", str(folder), "-o", str(tmp_path / "t.csv"), "-v"], capsys)
    assert code == 1
    assert "not read: caf\\xe9.docx: " in err
    assert "not read: evil\\nread: forged.docx: " in err
    assert len(err.splitlines()) == 3


def it_runs_with_two_jobs_and_gives_the_same_rows(team: Path) -> None:
    files = find_documents(team)
    one = [(d.file, d.result.data if d.result else d.error) for d in extract(files, root=team, jobs=1)]
    two = [(d.file, d.result.data if d.result else d.error) for d in extract(files, root=team, jobs=2)]
    assert one == two


def it_stores_text_that_looks_like_a_formula_as_text(tmp_path: Path, team: Path) -> None:
    documents = list(extract(find_documents(team), root=team))
    good = next(d for d in documents if d.result is not None)
    assert good.result is not None
    good.result.data = good.result.data.model_copy(update={"other_issues": '=HYPERLINK("http://x")'})
    write_table([good], tmp_path / "team.xlsx")
    sheet = load_workbook(tmp_path / "team.xlsx").active
    assert sheet is not None
    header = [c.value for c in sheet[1]]
    cell = sheet.cell(row=2, column=header.index("other_issues") + 1)
    assert (cell.value, cell.data_type) == ('=HYPERLINK("http://x")', "s")
    write_table([good], tmp_path / "team.csv")
    with (tmp_path / "team.csv").open(encoding="utf-8-sig", newline="") as table:
        row = next(csv.DictReader(table))
    assert row["other_issues"] == '\'=HYPERLINK("http://x")'


def it_writes_json_lines_with_the_parse_envelope(team: Path, tmp_path: Path) -> None:
    documents = list(extract(find_documents(team), root=team, redact=True))
    written = write_table(documents, tmp_path / "team.jsonl")
    lines = [json.loads(line) for line in (tmp_path / "team.jsonl").read_text(encoding="utf-8").splitlines()]
    assert written == 3
    assert [line["status"] for line in lines] == ["not read: damaged", "read", "read", "read"]
    lines = lines[1:]
    assert {"file", "pack", "document", "data", "warnings", "unmapped", "confidence"} <= set(lines[0])
    assert all(u["text"] == "[redacted]" for line in lines for u in line["unmapped"])


def it_refuses_an_output_it_cannot_write(
    team: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = _run(["extract", str(team), "-o", str(tmp_path / "team.pdf")], capsys)
    assert code == 2
    assert "must be .csv, .xlsx or .jsonl" in err
