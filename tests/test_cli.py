"""The command line: JSON out, one-line errors, exit codes 0/1/2, no traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from supervision_forms.cli import main


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    out, err = capsys.readouterr()
    return int(exit_info.value.code or 0), out, err


def it_lists_packs_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "packs", "--json")
    listing = json.loads(out)
    assert code == 0
    assert {
        "name": "surrey",
        "title": listing[2]["title"],
        "documents": ["agreement", "cancellation"],
        "version": "1.0",
    } in listing


@pytest.mark.parametrize("pack", ["portsmouth", "surrey", "sefton"])
def it_renders_the_example_and_parses_it_back(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, pack: str
) -> None:
    code, out, _ = run_cli(capsys, "example", "--pack", pack)
    assert code == 0
    (tmp_path / "in.json").write_text(out)
    code, _, err = run_cli(
        capsys, "render", str(tmp_path / "in.json"), "--pack", pack, "-o", str(tmp_path / "a.docx")
    )
    assert (code, err) == (0, "")
    assert (tmp_path / "a.docx").stat().st_mode & 0o777 == 0o600
    code, parsed, _ = run_cli(capsys, "parse", str(tmp_path / "a.docx"), "--json")
    envelope = json.loads(parsed)
    assert code == 0
    assert set(envelope) == {"pack", "document", "format", "data", "warnings", "unmapped"}
    assert envelope["pack"] == pack and envelope["data"] == json.loads(out)


def it_validates_the_example_without_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    run_cli(capsys, "example", "--pack", "sefton")
    code, out, _ = run_cli(capsys, "example", "--pack", "sefton")
    (tmp_path / "in.json").write_text(out)
    code, out, _ = run_cli(capsys, "validate", str(tmp_path / "in.json"), "--pack", "sefton", "--json")
    assert code == 0
    assert [f for f in json.loads(out)["findings"] if f["level"] == "error"] == []


def it_exits_1_with_findings_for_invalid_data(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text('{"review_date": "soon", "relationship_factors": "secret\\u0007"}')
    code, out, err = run_cli(capsys, "validate", str(tmp_path / "bad.json"), "--pack", "surrey")
    assert code == 1
    fields = {f["field"] for f in json.loads(out)["findings"]}
    assert fields == {"review_date", "relationship_factors"}
    assert "secret" not in out + err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["render", "{missing}", "--pack", "surrey", "-o", "{out}"], "missing.json: cannot be read"),
        (["render", "{broken}", "--pack", "surrey", "-o", "{out}"], "broken.json: not valid JSON (line 1"),
        (
            ["render", "{invalid}", "--pack", "surrey", "-o", "{out}"],
            "invalid.json: invalid data: review_date",
        ),
        (["render", "{invalid}", "--pack", "nowhere", "-o", "{out}"], "unknown pack 'nowhere'"),
        (["parse", "{broken}"], "broken.json: not a document this library reads"),
        (["schema", "--document", "letter"], "unknown document 'letter'"),
    ],
)
def it_gives_one_line_and_exit_2_for_unusable_input(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, args: list[str], message: str
) -> None:
    (tmp_path / "broken.json").write_text("{not json")
    (tmp_path / "invalid.json").write_text('{"review_date": "Jane Smith"}')
    names = {k: str(tmp_path / f"{k}.json") for k in ("missing", "broken", "invalid")} | {
        "out": str(tmp_path / "o.docx")
    }
    code, _, err = run_cli(capsys, *[a.format(**names) for a in args])
    assert code == 2
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err and "Jane" not in err
    assert not (tmp_path / "o.docx").exists()


def it_reads_json_from_stdin(tmp_path: Path) -> None:
    out = tmp_path / "s.docx"
    done = subprocess.run(
        [sys.executable, "-m", "supervision_forms", "render", "-", "--pack", "portsmouth", "-o", str(out)],
        input='{"supervisee": {"name": "Stdin Person"}}',
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert out.exists()


def it_prints_the_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "schema")
    assert code == 0
    assert "supervisee" in json.loads(out)["properties"]


def it_shows_a_traceback_only_with_debug(tmp_path: Path) -> None:
    bad = tmp_path / "x.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    plain = subprocess.run(
        [sys.executable, "-m", "supervision_forms", "parse", str(bad)], capture_output=True, text=True
    )
    debug = subprocess.run(
        [sys.executable, "-m", "supervision_forms", "--debug", "parse", str(bad)],
        capture_output=True,
        text=True,
    )
    assert plain.returncode == debug.returncode == 2
    assert "Traceback" not in plain.stderr and "Traceback" in debug.stderr
