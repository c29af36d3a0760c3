"""The command line offers the records like the agreement: example, validate, render, parse."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from supervision_forms.cli import main
from tests.records.conftest import RECORD_IDS, RECORDS


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    out, err = capsys.readouterr()
    return int(exit_info.value.code or 0), out, err


@pytest.mark.parametrize(("pack", "kind"), RECORDS, ids=RECORD_IDS)
def it_prints_an_example_that_validates_renders_and_parses_back(
    pack: str, kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, example, _ = run_cli(capsys, "example", "--pack", pack, "--document", kind)
    assert code == 0
    source = tmp_path / "record.json"
    source.write_text(example, encoding="utf-8")

    code, out, _ = run_cli(capsys, "validate", str(source), "--pack", pack, "--document", kind, "--json")
    assert code == 0
    assert [f for f in json.loads(out)["findings"] if f["level"] == "error"] == []

    docx = tmp_path / "record.docx"
    code, _, _ = run_cli(capsys, "render", str(source), "--pack", pack, "--document", kind, "-o", str(docx))
    assert code == 0

    code, out, _ = run_cli(capsys, "parse", str(docx), "--json")
    envelope = json.loads(out)
    assert (code, envelope["pack"], envelope["document"]) == (0, pack, kind)
    assert envelope["data"] == json.loads(example)
    assert envelope["unmapped"] == []


def it_refuses_a_record_a_pack_does_not_offer(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(capsys, "example", "--pack", "surrey", "--document", "case_record")
    assert code == 2
    assert "case_record" in err


@pytest.mark.parametrize("kind", ["case_record", "general_record", "cancellation"])
def it_prints_the_json_schema_of_each_record(kind: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "schema", "--document", kind)
    assert code == 0
    assert json.loads(out)["type"] == "object"
