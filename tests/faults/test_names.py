"""File names as they come: names that are not UTF-8 (a Windows share, an old Mac) and
names holding control or bidirectional characters are handled, and shown escaped, never
able to forge a line or break a run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from supervision_forms.files import display_name, escape_controls
from tests.conftest import REPO
from tests.faults.kit import DEADLINE, rows, write_roster


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("café.docx", "café.docx"),
        (b"caf\xe9.docx", "caf\\xe9.docx"),
        ("two\nlines.docx", "two\\nlines.docx"),
        ("\x1b[31mred.docx", "\\x1b[31mred.docx"),
        ("cod\u202eexe.docx", "cod\\u202eexe.docx"),
        ("tab\there", "tab\\there"),
        ("nul\x00byte", "nul\\x00byte"),
    ],
)
def it_shows_a_file_name_on_one_safe_line(name: str | bytes, shown: str) -> None:
    assert display_name(name) == shown
    assert display_name(os.fsencode(name) if isinstance(name, str) else name) == shown


def it_leaves_ordinary_text_alone() -> None:
    assert escape_controls("Siân O’Brien – Zoë 名前") == "Siân O’Brien – Zoë 名前"


def batch(*args: str | bytes) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "supervision_forms", "batch", *args],
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=DEADLINE,
        check=False,
    )


def it_finishes_a_roster_and_a_folder_whose_names_are_not_utf8(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path)
    roster = folder + b"/caf\xe9.jsonl"
    write_roster(Path(os.fsdecode(roster)), rows(2))
    out = folder + b"/sortie-\xe9"
    for expected in ("2 written", "2 unchanged"):  # the rerun too: nothing unwritable was recorded
        result = batch(roster, b"-p", b"portsmouth", b"-o", out)
        assert result.returncode == 0, result.stderr
        text = result.stdout.decode("utf-8")  # printable as UTF-8: the names are escaped
        assert expected in text and "sortie-\\xe9" in text
    manifest = json.loads((Path(os.fsdecode(out)) / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["roster"] == "caf\\xe9.jsonl"


def it_escapes_control_characters_in_every_message(tmp_path: Path) -> None:
    roster = tmp_path / "team\nsupervision-forms: all is well\x1b[0m.csv"
    roster.write_text("supervise.name\nAnn\n")
    result = batch(str(roster), "-p", "surrey", "-o", str(tmp_path / "out"))
    assert result.returncode == 2
    err = result.stderr.decode("utf-8")
    assert err.count("\n") == 1 and "\x1b" not in err
    assert err.startswith("supervision-forms: team\\nsupervision-forms: all is well\\x1b[0m.csv: column A")
