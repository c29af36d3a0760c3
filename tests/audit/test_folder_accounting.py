"""The audit accounts for every file of a team's folder, and counts one document once."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from supervision_forms import parse, render
from supervision_forms.audit import audit_folder
from supervision_forms.cli import main
from supervision_forms.models import Agreement

AS_OF = datetime.date(2026, 11, 24)


@pytest.fixture
def folder(tmp_path: Path, examples: dict[str, Agreement]) -> Path:
    """A batch's output: two agreements, a copy of one, its parse envelope, and the
    batch's own files; plus a spreadsheet someone left there."""
    team = tmp_path / "team"
    team.mkdir()
    (team / "daniel.docx").write_bytes(render(examples["surrey"], pack="surrey"))
    (team / "aisha.docx").write_bytes(render(examples["sefton"], pack="sefton"))
    (team / "daniel (copy).docx").write_bytes((team / "daniel.docx").read_bytes())
    envelope = parse(team / "aisha.docx").envelope()
    (team / "aisha.json").write_text(json.dumps(envelope), encoding="utf-8")
    (team / "manifest.json").write_text(json.dumps({"format": 1, "rows": []}), encoding="utf-8")
    (team / ".manifest-journal.jsonl").write_text("", encoding="utf-8")
    (team / "agreements.zip").write_bytes(b"PK\x05\x06" + bytes(18))
    (team / "rota.xlsx").write_bytes(b"PK\x05\x06" + bytes(18))
    return team


def it_counts_a_document_and_its_copies_once_and_says_which_was_used(folder: Path) -> None:
    report = audit_folder(folder, as_of=AS_OF)
    assert report.files_read == 2
    assert sorted((c.file, c.problem) for c in report.copies) == [
        ("aisha.json", "the same document as aisha.docx, which was used"),
        ("daniel.docx", "the same document as daniel (copy).docx, which was used"),
    ]
    assert sorted(d for w in report.workers for d in w.documents) == ["aisha.docx", "daniel (copy).docx"]


def it_lists_a_stray_file_but_never_the_batch_s_own(folder: Path) -> None:
    report = audit_folder(folder, as_of=AS_OF)
    assert [(p.file, p.problem) for p in report.unreadable] == [
        ("rota.xlsx", "not a document this library reads (.xlsx)")
    ]
    assert report.as_json()["copies"][0]["file"] == "aisha.json"


def it_exits_1_and_says_so_in_one_line_when_a_file_was_not_used(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as ended:
        main(["audit", str(folder), "--as-of", "2026-11-24", "--json"])
    err = capsys.readouterr().err
    assert ended.value.code == 1
    assert err.splitlines() == [
        "audit: 2 documents read, 1 files not used (2 copies of another file counted once); "
        + err.split("; ", 1)[1].rstrip("\n")
    ]
