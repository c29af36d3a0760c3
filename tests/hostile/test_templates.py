"""Third-party packs: unsafe templates are refused when they load, and `pack lint` lists why."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from supervision_forms.cli import main
from supervision_forms.docx import security, template
from supervision_forms.errors import TemplateSecurityError
from supervision_forms.packs.pack import load_pack
from tests.hostile.templates import TEMPLATES, TemplateCase, hostile_pack, relationship
from tests.tiny_pack import make_tiny_pack


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    out, err = capsys.readouterr()
    return int(exit_info.value.code or 0), out, err


@pytest.mark.parametrize("case", TEMPLATES, ids=[c.name for c in TEMPLATES])
def it_refuses_to_load_a_pack_whose_template_is_unsafe(case: TemplateCase, tmp_path: Path) -> None:
    folder = hostile_pack(tmp_path / "evil", case)
    with pytest.raises(TemplateSecurityError) as raised:
        load_pack(folder)
    assert "\n" not in str(raised.value)


@pytest.mark.parametrize("case", TEMPLATES, ids=[c.name for c in TEMPLATES])
def it_lints_each_unsafe_template_with_its_rule(
    case: TemplateCase, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = hostile_pack(tmp_path / "evil", case)
    code, out, err = run_cli(capsys, "pack", "lint", str(folder), "--json")
    rules = {finding["rule"] for finding in json.loads(out)["findings"]}
    assert (code, case.rule in rules) == (1, True), rules
    assert err.count("\n") == 1


def it_passes_a_clean_pack_with_exit_code_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = make_tiny_pack(tmp_path / "tiny")
    relationship("word/_rels/document.xml.rels", "hyperlink", "https://www.example.gov.uk/")(folder)
    code, out, err = run_cli(capsys, "pack", "lint", str(folder))
    assert (code, err) == (0, "")
    assert "no problems" in out


def it_lists_every_finding_not_just_the_first(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = make_tiny_pack(tmp_path / "tiny")
    for case in TEMPLATES:
        if case.name in ("DDE field", "remote attached template", "macros (.docm)", "altChunk"):
            case.spoil(folder)
    code, out, _ = run_cli(capsys, "pack", "lint", str(folder))
    assert code == 1
    assert {"dde-field", "attached-template", "macro", "altchunk"} <= set(
        re.findall(r"\[([\w-]+)\]$", out, re.M)
    )


def it_reports_pack_file_problems_after_the_safety_checks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = make_tiny_pack(tmp_path / "tiny", extra_fields='"location" = { label = "Where" }')
    code, out, _ = run_cli(capsys, "pack", "lint", str(folder))
    assert code == 1
    assert "location" in out and "[pack]" in out


@pytest.mark.parametrize("problem", ["no pack file", "template outside the folder", "template not a docx"])
def it_exits_2_when_the_pack_cannot_be_read(
    problem: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = make_tiny_pack(tmp_path / "tiny")
    if problem == "no pack file":
        (folder / "pack.toml").unlink()
    elif problem == "template outside the folder":
        toml = (folder / "pack.toml").read_text().replace('"agreement.docx"', '"../../../etc/passwd"')
        (folder / "pack.toml").write_text(toml)
    else:
        (folder / "agreement.docx").write_text("not a zip")
    code, out, err = run_cli(capsys, "pack", "lint", str(folder))
    assert (code, out) == (2, "")
    assert err.startswith("supervision-forms: ") and err.count("\n") == 1


def it_checks_the_same_filters_and_parts_the_template_engine_renders() -> None:
    assert frozenset(template.FILTERS) == security.SAFE_FILTERS
    assert security.TEMPLATED_PART.pattern == template.TEMPLATED_PART.pattern


def it_reads_a_field_code_split_over_runs_and_skips_nested_results() -> None:
    from lxml import etree

    from tests.hostile.templates import NESTED, field

    xml = f'<w:body xmlns:w="{security.W[1:-1]}">{field(" DD|EAUTO x ")}{field(" PAGE ")}{NESTED}</w:body>'
    codes = [code.strip() for code in security.field_instructions(etree.fromstring(xml))]
    assert codes == ["DDEAUTO x", "PAGE", "QUOTE 68 68 69", '"c:\\\\windows\\\\system32\\\\cmd.exe"']
