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


def it_writes_one_row_per_document_and_reports_a_broken_file(
    team: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "team.csv"
    code, err = _run(["extract", str(team), "-o", str(out)], capsys)
    assert code == 1
    assert "skipped broken.docx:" in err
    assert out.stat().st_mode & 0o777 == 0o600  # personal data: the owner's only
    with out.open(encoding="utf-8-sig", newline="") as table:
        rows = list(csv.DictReader(table))
    assert [r["file"] for r in rows] == ["older/sefton.docx", "portsmouth.docx", "surrey.docx"]
    assert [r["pack"] for r in rows] == ["sefton", "portsmouth", "surrey"]
    assert all(r["supervisee.name"] for r in rows)
    assert "warnings" in rows[0] and "unmapped" in rows[0]


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
    assert written == len(lines) == 3
    assert {"file", "pack", "document", "data", "warnings", "unmapped", "confidence"} <= set(lines[0])
    assert all(u["text"] == "[redacted]" for line in lines for u in line["unmapped"])


def it_refuses_an_output_it_cannot_write(
    team: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = _run(["extract", str(team), "-o", str(tmp_path / "team.pdf")], capsys)
    assert code == 2
    assert "must be .csv, .xlsx or .jsonl" in err
