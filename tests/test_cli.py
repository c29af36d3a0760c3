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
    assert set(envelope) == {"pack", "document", "format", "data", "warnings", "unmapped", "confidence"}
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
        (["render", "{missing}", "--pack", "surrey", "-o", "{out}"], "missing.json: no such file"),
        (["render", "{broken}", "--pack", "surrey", "-o", "{out}"], "broken.json: not valid JSON (line 1"),
        (
            ["render", "{latin}", "--pack", "surrey", "-o", "{out}"],
            "latin.json: cannot be read (not UTF-8 text)",
        ),
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
    (tmp_path / "latin.json").write_bytes('{"review_date": "Zoë"}'.encode("latin-1"))
    names = {k: str(tmp_path / f"{k}.json") for k in ("missing", "broken", "invalid", "latin")} | {
        "out": str(tmp_path / "o.docx")
    }
    code, _, err = run_cli(capsys, *[a.format(**names) for a in args])
    assert code == 2
    assert message in err
    assert len(err.strip().splitlines()) == 1 and not err.strip().endswith(":")
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


# --- the command line as click users expect it -------------------------------------------


def _sefton(tmp_path: Path, **changes: object) -> Path:
    from supervision_forms import installed_packs

    data = installed_packs().get("sefton").example("agreement").model_dump(mode="json") | changes
    path = tmp_path / "in.json"
    path.write_text(json.dumps(data))
    return path


def it_prints_the_full_help_when_run_alone(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(capsys)
    assert (code, err) == (0, "")
    assert out.startswith("Usage: supervision-forms") and "Commands:" in out
    assert all(f"  {name} " in out for name in ("render", "parse", "batch", "audit", "extract"))


def it_says_its_version(capsys: pytest.CaptureFixture[str]) -> None:
    from supervision_forms import __version__

    assert run_cli(capsys, "--version")[:2] == (0, f"supervision-forms {__version__}\n")


def it_lists_each_command_with_the_first_line_of_its_own_help() -> None:
    import click

    from supervision_forms.cli.app import COMMANDS, app

    context = click.Context(app)
    for name, (_, line) in COMMANDS.items():
        command = app.get_command(context, name)
        assert command is not None and command.get_short_help_str(1000) == line, name
    assert set(app.commands) == set(COMMANDS)


def it_prints_a_person_readable_parse_on_a_terminal_and_json_when_asked(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run_cli(capsys, "render", str(_sefton(tmp_path)), "-p", "sefton", "-o", str(tmp_path / "a.docx"))
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    code, out, _ = run_cli(capsys, "parse", str(tmp_path / "a.docx"))
    assert code == 0 and out.startswith("sefton agreement (confidence 1.00)\n")
    assert "  supervisee.name: Aisha Rahman\n" in out
    code, out, _ = run_cli(capsys, "parse", str(tmp_path / "a.docx"), "--json")
    assert json.loads(out)["data"]["supervisee"]["name"] == "Aisha Rahman"


def it_prints_findings_for_people_on_a_terminal_and_json_when_asked(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = _sefton(tmp_path, review_date="2026-01-01", agreement_date="2026-06-01")
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    code, out, err = run_cli(capsys, "validate", str(source), "-p", "sefton")
    assert code == 1 and out.startswith("error") and not out.lstrip().startswith("{")
    assert err.startswith("error: ")
    code, out, _ = run_cli(capsys, "validate", str(source), "-p", "sefton", "--json")
    assert code == 1 and json.loads(out)["findings"]


def it_says_less_with_q_and_more_with_v(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    recording = {"storage": "Mosaic", "responsible": "Supervisor", "share_within_working_days": 5}
    source = _sefton(tmp_path, recording=recording)
    out = str(tmp_path / "a.docx")
    assert run_cli(capsys, "render", str(source), "-p", "sefton", "-o", out)[2].startswith(
        "warning: recording.storage: "
    )
    assert run_cli(capsys, "render", str(source), "-p", "sefton", "-o", out, "-q")[2] == ""
    assert run_cli(capsys, "-v", "render", str(source), "-p", "sefton", "-o", out)[2].endswith(
        "wrote a.docx (sefton agreement, " + f"{Path(out).stat().st_size:,} bytes)\n"
    )


def it_takes_debug_anywhere_on_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "x.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    done = subprocess.run(
        [sys.executable, "-m", "supervision_forms", "parse", str(bad), "--debug"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2 and "Traceback" in done.stderr


@pytest.mark.parametrize("when", ["24/11/2026", "24 November 2026", "24th Nov 2026", "2026-11-24"])
def it_takes_british_dates_for_as_of(capsys: pytest.CaptureFixture[str], tmp_path: Path, when: str) -> None:
    code, out, _ = run_cli(
        capsys, "validate", str(_sefton(tmp_path)), "-p", "sefton", "--as-of", when, "--json"
    )
    assert code == 0 and "findings" in json.loads(out)


def it_says_when_an_as_of_date_does_not_exist(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run_cli(
        capsys, "validate", str(_sefton(tmp_path)), "-p", "sefton", "--as-of", "31/02/2027"
    )
    assert code == 2 and "31/02/2027 is not a real date" in err and len(err.splitlines()) == 1


def it_names_a_missing_output_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "not-made-yet" / "a.docx"
    code, _, err = run_cli(capsys, "render", str(_sefton(tmp_path)), "-p", "sefton", "-o", str(out))
    assert code == 2 and f"{out.parent}: the output folder does not exist" in err
    assert not out.parent.exists()


def it_writes_the_document_to_stdout_with_a_dash(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "supervision_forms",
            "render",
            str(_sefton(tmp_path)),
            "-p",
            "sefton",
            "-o",
            "-",
        ],
        capture_output=True,
        check=True,
        cwd=tmp_path,
    )
    assert done.stdout.startswith(b"PK\x03\x04") and not (tmp_path / "-").exists()
    from supervision_forms import parse

    assert parse(done.stdout).data.supervisee.name == "Aisha Rahman"  # type: ignore[attr-defined]


@pytest.mark.libreoffice
def it_writes_a_real_pdf_for_a_pdf_name(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from tests.conftest import needs_libreoffice

    needs_libreoffice()
    out = tmp_path / "aisha.pdf"
    code, _, err = run_cli(capsys, "render", str(_sefton(tmp_path)), "-p", "sefton", "-o", str(out))
    assert (code, err) == (0, "")
    assert out.read_bytes().startswith(b"%PDF-")
    from supervision_forms import parse

    assert parse(out).data.supervisee.name == "Aisha Rahman"  # type: ignore[attr-defined]


def it_completes_command_names_in_the_shell(tmp_path: Path) -> None:
    import os

    env = os.environ | {
        "_SUPERVISION_FORMS_COMPLETE": "bash_complete",
        "COMP_WORDS": "supervision-forms ren",
        "COMP_CWORD": "1",
    }
    done = subprocess.run(
        [sys.executable, "-c", "from supervision_forms.cli import main; main()"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.stdout.split() == ["plain,render"]
