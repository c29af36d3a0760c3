"""Our three councils' packs are made the way any council's is: each template is what `pack
init` makes of the council's blank form (tools/forms/blanks) with the pack's pack.toml."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from supervision_forms import load_pack
from supervision_forms.packs.authoring import init_pack
from supervision_forms.packs.authoring.checks import check_pack
from tools.forms.seeds import BLANKS, Blank
from tools.forms.seeds.common import to_bytes

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("blank", BLANKS, ids=[b.file for b in BLANKS])
def it_makes_each_template_from_the_councils_blank_form(blank: Blank, tmp_path: Path) -> None:
    kept = ROOT / "tools" / "forms" / "blanks" / blank.file
    assert to_bytes(blank.build()) == kept.read_bytes()  # the blank form kept is the one the seeds make
    folder = tmp_path / blank.council
    shutil.copytree(ROOT / "templates" / blank.council, folder)
    report = init_pack(kept.read_bytes(), folder, name=blank.council, document=blank.document)
    assert report.missing == [] and all(m.kept for m in report.places)  # pack.toml says where each goes
    made = zipfile.ZipFile(folder / f"{blank.document}.docx").read("word/document.xml")
    committed = zipfile.ZipFile(ROOT / "templates" / blank.council / f"{blank.document}.docx").read(
        "word/document.xml"
    )
    assert made == committed, "run `make templates`"
    assert (folder / "pack.toml").read_text() == (
        ROOT / "templates" / blank.council / "pack.toml"
    ).read_text()


@pytest.mark.parametrize("name", ["portsmouth", "surrey", "sefton"])
def it_passes_pack_test_on_each_of_our_packs(name: str) -> None:
    checks = check_pack(load_pack(ROOT / "templates" / name))
    assert [str(p) for c in checks for p in c.problems] == []
    assert all(c.hand_filled == c.hand_filled_of > 0 for c in checks)
