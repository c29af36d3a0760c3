"""Privacy: special-category values stay out of errors, findings and logs; --redact blanks
them; files are written for their owner only."""

from __future__ import annotations

import json
import logging
import os
import stat
from pathlib import Path

import pytest

from supervision_forms import PackRegistry
from supervision_forms.cli import main
from supervision_forms.errors import InvalidData
from supervision_forms.models import Agreement, GeneralRecord
from supervision_forms.privacy import REDACTED, special_category_paths
from supervision_forms.reading import parse
from supervision_forms.render import render, render_to_file
from supervision_forms.validation import validate_data

SECRET = "Zebra-Secret-4711 has a long-term health condition"


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    out, err = capsys.readouterr()
    return int(exit_info.value.code or 0), out, err


def it_marks_the_special_category_fields_in_the_models() -> None:
    assert "relationship_factors" in special_category_paths(Agreement)
    assert {"wellbeing", "absence"} <= special_category_paths(GeneralRecord)


def it_keeps_values_out_of_validation_errors_and_findings(packs: PackRegistry) -> None:
    bad = {"relationship_factors": SECRET + "\x07", "supervisee": {"name": SECRET, "career_stage": SECRET}}
    with pytest.raises(InvalidData) as raised:
        render(bad, pack="surrey", packs=packs)
    findings = validate_data(bad, pack="surrey", packs=packs)
    shown = str(raised.value) + json.dumps([f.as_json() for f in findings])
    assert "relationship_factors" in shown and "supervisee.career_stage" in shown
    assert "Zebra" not in shown


def it_keeps_values_out_of_the_command_line_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.json"
    source.write_text(json.dumps({"relationship_factors": SECRET + "\x0c", "location": SECRET * 400}))
    code, out, err = run_cli(
        capsys, "render", str(source), "--pack", "surrey", "-o", str(tmp_path / "a.docx")
    )
    assert code == 2 and err.count("\n") == 1
    assert "Zebra" not in out + err
    assert not (tmp_path / "a.docx").exists()


def it_logs_no_values_while_reading(packs: PackRegistry, caplog: pytest.LogCaptureFixture) -> None:
    data = packs.get("surrey").example("agreement").model_copy(update={"relationship_factors": SECRET})
    with caplog.at_level(logging.DEBUG):
        parse(render(data, pack="surrey", packs=packs), packs=packs)
    assert "Zebra" not in caplog.text


def it_redacts_special_category_values_when_parsing(
    tmp_path: Path, packs: PackRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    data = packs.get("sefton").example("agreement").model_copy(update={"relationship_factors": SECRET})
    document = tmp_path / "a.docx"
    document.write_bytes(render(data, pack="sefton", packs=packs))
    code, out, _ = run_cli(capsys, "parse", str(document), "--redact")
    envelope = json.loads(out)
    assert code == 0 and envelope["data"]["relationship_factors"] == REDACTED
    assert "Zebra" not in out
    code, out, _ = run_cli(capsys, "parse", str(document))
    assert json.loads(out)["data"]["relationship_factors"] == SECRET


def it_writes_output_for_the_owner_only_even_over_a_wider_file(tmp_path: Path, packs: PackRegistry) -> None:
    out = tmp_path / "a.docx"
    out.write_bytes(b"old")
    os.chmod(out, 0o644)
    render_to_file(packs.get("surrey").example("agreement"), out, pack="surrey", packs=packs)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["a.docx"]  # no temporary file left behind
