"""The batch commands: exit codes, a few plain lines on failure, and roster templates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from supervision_forms import installed_packs, parse
from supervision_forms.cli import main
from tests.batch.conftest import RowMaker, write_jsonl


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    out, err = capsys.readouterr()
    return int(exit_info.value.code or 0), out, err


def it_writes_a_roster_and_says_so_in_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, rows: RowMaker
) -> None:
    roster = write_jsonl(tmp_path / "team.jsonl", [rows(0), rows(1)])
    code, out, err = run_cli(
        capsys, "batch", str(roster), "--pack", "portsmouth", "-o", str(tmp_path / "out")
    )
    assert (code, err) == (0, "")  # no progress bar when stderr is not a terminal
    assert (
        out
        == f"2 rows: 2 written, 0 updated, 0 unchanged, 0 failed; see {tmp_path / 'out' / 'manifest.json'}\n"
    )


def it_exits_1_and_names_the_failed_rows_without_values(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, rows: RowMaker
) -> None:
    bad = [
        rows(0) | {"review_date": "Jane Secret"},
        rows(1),
        {"supervisee": {"name": "x\u0007"}},
        {"nope": 1},
    ]
    roster = write_jsonl(tmp_path / "team.jsonl", bad)
    code, out, err = run_cli(capsys, "batch", str(roster), "-p", "portsmouth", "-o", str(tmp_path / "out"))
    assert code == 1
    lines = err.splitlines()
    assert lines == [
        "row 1, review_date: is not a date we can read (write it as 16/11/2026)",
        "row 3, supervisee.name: contains a control character Word documents cannot hold (U+0007)",
        f"3 of 4 rows failed; all are listed in {tmp_path / 'out' / 'errors.csv'}",
    ]
    assert "Jane" not in out + err
    assert out.startswith("4 rows: 1 written, 0 updated, 0 unchanged, 3 failed")


def it_prints_the_report_as_json(capsys: pytest.CaptureFixture[str], tmp_path: Path, rows: RowMaker) -> None:
    roster = write_jsonl(tmp_path / "team.jsonl", [rows(0)])
    code, out, _ = run_cli(capsys, "batch", str(roster), "-p", "portsmouth", "-o", str(tmp_path), "--json")
    report = json.loads(out)
    assert code == 0
    assert report["summary"] == {
        "rows": 1,
        "written": 1,
        "updated": 0,
        "unchanged": 0,
        "failed": 0,
        "orphaned": 0,
        "hidden_rows": 0,
    }
    assert report["rows"][0]["file"] == "Tom-Wheeler-0-2026-01-05.docx"


@pytest.mark.parametrize(
    ("roster_text", "message"),
    [
        ("supervisee.nmae\nTom\n", "team.csv: column A 'supervisee.nmae' is not a field of the model"),
        ("", "team.csv: the roster is empty"),
    ],
)
def it_exits_2_in_one_line_when_the_roster_cannot_be_used(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, roster_text: str, message: str
) -> None:
    (tmp_path / "team.csv").write_text(roster_text)
    code, _, err = run_cli(
        capsys, "batch", str(tmp_path / "team.csv"), "-p", "surrey", "-o", str(tmp_path / "o")
    )
    assert code == 2
    assert err.startswith(f"supervision-forms: {message}") and err.count("\n") == 1
    assert not (tmp_path / "o").exists()


def it_exits_2_for_bad_defaults(capsys: pytest.CaptureFixture[str], tmp_path: Path, rows: RowMaker) -> None:
    roster = write_jsonl(tmp_path / "team.jsonl", [rows(0)])
    (tmp_path / "team.json").write_text('{"frequency": {"every": 0, "unit": "week"}}')
    code, _, err = run_cli(
        capsys,
        "batch",
        str(roster),
        "-p",
        "surrey",
        "-o",
        str(tmp_path / "o"),
        "--defaults",
        str(tmp_path / "team.json"),
    )
    assert code == 2
    assert "defaults: invalid data: frequency.every" in err


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def it_writes_a_roster_template_whose_example_row_renders(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, suffix: str
) -> None:
    template = tmp_path / f"team{suffix}"
    code, out, _ = run_cli(capsys, "roster-template", "--pack", "sefton", "-o", str(template))
    assert code == 0 and f"Wrote {template}" in out
    code, out, err = run_cli(capsys, "batch", str(template), "-p", "sefton", "-o", str(tmp_path / "out"))
    assert (code, err) == (0, "")
    [document] = (tmp_path / "out").glob("*.docx")
    assert parse(document).data == installed_packs().get("sefton").example("agreement")


def it_puts_a_hint_under_each_header_of_the_csv_template(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    run_cli(capsys, "roster-template", "--pack", "portsmouth", "-o", str(tmp_path / "team.csv"))
    header, hint, example = (tmp_path / "team.csv").read_text(encoding="utf-8-sig").splitlines()[:3]
    assert header.startswith("supervisor.name,supervisor.role,")
    assert hint.startswith("# Supervisor: Name; on the form: ‘Manager’,")
    assert "meeting_dates" in header and "several, separated by ';'; dates" in hint
    assert example.startswith("Priya Nair,Team Manager,")


def it_marks_choices_and_dates_in_the_xlsx_template(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    run_cli(capsys, "roster-template", "--pack", "portsmouth", "-o", str(tmp_path / "team.xlsx"))
    sheet = load_workbook(tmp_path / "team.xlsx").active
    assert sheet is not None
    headers = [cell.value for cell in sheet[1]]
    column = headers.index("supervisee.career_stage") + 1
    assert sheet.cell(row=2, column=1).value.startswith("# ")  # type: ignore[union-attr]
    assert any("nqsw" in str(rule.formula1) for rule in sheet.data_validations.dataValidation)
    assert sheet.cell(row=3, column=column).value == "qualified"
    assert sheet.cell(row=3, column=headers.index("agreement_date") + 1).is_date


def it_does_not_overwrite_a_roster_template_unless_told(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "team.csv").write_text("mine")
    code, _, err = run_cli(capsys, "roster-template", "-p", "surrey", "-o", str(tmp_path / "team.csv"))
    assert code == 2 and "already exists" in err
    assert (tmp_path / "team.csv").read_text() == "mine"
    code, _, _ = run_cli(
        capsys, "roster-template", "-p", "surrey", "-o", str(tmp_path / "team.csv"), "--overwrite"
    )
    assert code == 0
