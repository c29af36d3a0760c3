"""The command line: every unusable input is exit 2 and one line on stderr; no traceback,
and nothing from a third-party library shows through."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pytest

from supervision_forms.cli import main
from tests.hostile.corpus import DOCUMENTS, Case

FAILING = [pytest.param(case, id=case.name) for case in DOCUMENTS if case.expected is not None]


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    out, err = capsys.readouterr()
    return int(exit_info.value.code or 0), out, err


def one_line(err: str) -> bool:
    return err.startswith("supervision-forms: ") and err.count("\n") == 1 and "Traceback" not in err


@pytest.mark.parametrize("case", FAILING)
def it_exits_2_with_one_line_for_each_hostile_document(
    case: Case, genuine_docx: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "upload.docx"
    path.write_bytes(case.build(genuine_docx))
    code, out, err = run_cli(capsys, "parse", str(path))
    assert (code, out) == (2, "")
    assert one_line(err) and "upload.docx" in err


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["parse", "missing.docx"], "missing.docx"),
        (["parse", "."], "folder"),
        (["render", "{in}", "--pack", "surrey", "-o", "no/such/folder/a.docx"], "no/such/folder"),
        (["render", "{nested}", "--pack", "surrey", "-o", "a.docx"], "nested too deeply"),
        (["render", "{in}", "--pack", "nowhere", "-o", "a.docx"], "unknown pack"),
        (["pack", "lint", "missing-folder"], "missing-folder"),
    ],
)
def it_exits_2_with_one_line_for_unusable_arguments(
    args: list[str],
    says: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in.json").write_text("{}")
    (tmp_path / "nested.json").write_text("[" * 100_000 + "]" * 100_000)
    filled = [a.format(**{"in": "in.json", "nested": "nested.json"}) for a in args]
    code, out, err = run_cli(capsys, *filled)
    assert (code, out) == (2, "")
    assert one_line(err) and says in err


def it_shows_a_bug_as_one_line_and_the_traceback_only_with_debug(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> bytes:
        raise KeyError("Zebra")

    (tmp_path / "a.docx").write_bytes(b"PK\x03\x04")
    parse_module = importlib.import_module("supervision_forms.reading.parse")
    monkeypatch.setattr(parse_module, "load_bytes", lambda source: (broken(), "a.docx"))
    code, _, err = run_cli(capsys, "parse", str(tmp_path / "a.docx"))
    assert code == 2 and one_line(err) and "KeyError" in err and "Zebra" not in err
    code, _, err = run_cli(capsys, "--debug", "parse", str(tmp_path / "a.docx"))
    assert code == 2 and "Traceback" in err


def it_prints_nothing_else_on_stderr_in_a_real_process(genuine_docx: bytes, tmp_path: Path) -> None:
    hostile = {case.name: case for case in DOCUMENTS}
    names = ["PDF garbage body", "PDF truncated", "zip bomb: 400 MB declared", "billion laughs"]
    for number, name in enumerate(names):
        (tmp_path / f"{number}.bin").write_bytes(hostile[name].build(genuine_docx))
    for number in range(len(names)):
        done = subprocess.run(
            [sys.executable, "-m", "supervision_forms", "parse", str(tmp_path / f"{number}.bin")],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert (done.returncode, done.stdout) == (2, "")
        assert one_line(done.stderr), done.stderr
