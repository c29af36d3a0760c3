"""Every document the library writes is valid Office Open XML (ECMA-376 transitional), as
the shared validator checks it: every pack and document kind, an empty model, a model
filled in everywhere, any agreement in any council's layout, a third-party pack built
with python-docx, and a batch's output.

The validator lives outside the repository: `SUPERVISION_FORMS_OOXML_VALIDATOR`, or
`../shared/ooxml/validate.py` beside the checkout. Without it the tests are skipped,
except under CI, where they fail.
"""

from __future__ import annotations

import contextlib
import datetime
import os
import subprocess
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from supervision_forms import PackRegistry, load_pack, render
from supervision_forms.batch import generate
from supervision_forms.errors import RenderWarning
from supervision_forms.models import DOCUMENT_MODELS
from supervision_forms.models.paths import leaves, unflatten
from tests.conftest import PACK_NAMES, SHARED
from tests.tiny_pack import make_tiny_pack

VALIDATOR_VARIABLE = "SUPERVISION_FORMS_OOXML_VALIDATOR"


def validator() -> Path:
    path = Path(os.environ.get(VALIDATOR_VARIABLE) or SHARED / "ooxml" / "validate.py")
    if not path.is_file():
        reason = f"the OOXML validator is not at {path} (set {VALIDATOR_VARIABLE})"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return path


def assert_valid(files: list[Path]) -> None:
    """One validator run over all the files: 0 errors and 0 package problems in each."""
    assert files
    done = subprocess.run(
        [sys.executable, str(validator()), *map(str, files)], capture_output=True, text=True, check=False
    )
    problems = [line for line in done.stdout.splitlines() if line.startswith("   ")]
    assert done.returncode == 0 and not problems, done.stdout[-3000:]
    assert f"{len(files)} files, 0 errors" in done.stdout


def filled(model: type[BaseModel]) -> dict[str, Any]:
    """Every field of a model filled in (three items in each list), with text that XML
    must escape and a line break."""
    values: dict[str, Any] = {}
    for leaf in leaves(model):
        if leaf.kind == "date":
            value: Any = datetime.date(2026, 3, 14)
        elif leaf.kind == "int":
            value = 5
        elif leaf.kind == "choice":
            value = leaf.choices[0]
        else:
            value = f"{leaf.title} & <more>\nsecond line"
        if "[]" in leaf.path:
            for number in range(3):
                path = leaf.path.replace("[]", f".{number}")
                values[path] = leaf.choices[number] if leaf.kind == "choice" else value
        else:
            values[leaf.path] = value
    if "frequency.description" in values:  # every/unit follow the description
        values["frequency.description"] = "Every 4 weeks"
        values["frequency.every"], values["frequency.unit"] = 4, "week"
    for number in range(3):  # a phase ends so many weeks or months in, not both
        values.pop(f"frequency.phases.{number}.until_months", None)
    return unflatten(values)


def _kinds(packs: PackRegistry) -> list[tuple[str, str]]:
    return [(pack.name, kind) for pack in packs for kind in pack.documents]


def it_writes_valid_documents_for_every_pack_and_kind_full_empty_and_example(
    packs: PackRegistry, tmp_path: Path
) -> None:
    files = []
    for name, kind in _kinds(packs):
        pack = packs.get(name)
        for label, data in (
            ("example", pack.example(kind)),
            ("empty", DOCUMENT_MODELS[kind]()),
            ("filled", filled(DOCUMENT_MODELS[kind])),
        ):
            path = tmp_path / f"{name}-{kind}-{label}.docx"
            with quietly():
                path.write_bytes(render(data, pack=name, document=kind))
            files.append(path)
    assert_valid(files)


def it_writes_valid_documents_for_any_council_in_any_layout(packs: PackRegistry, tmp_path: Path) -> None:
    files = []
    for source, kind in _kinds(packs):
        example = packs.get(source).example(kind)
        for target in PACK_NAMES:
            if kind in packs.get(target).documents and target != source:
                path = tmp_path / f"{source}-{kind}-in-{target}.docx"
                with quietly():
                    path.write_bytes(render(example, pack=target, document=kind))
                files.append(path)
    assert_valid(files)


def it_writes_valid_documents_from_a_third_party_template(tmp_path: Path) -> None:
    pack = load_pack(make_tiny_pack(tmp_path / "tiny"))
    path = tmp_path / "tiny.docx"
    with quietly():
        path.write_bytes(render(filled(DOCUMENT_MODELS["agreement"]), pack=pack))
    assert_valid([path])


def it_writes_valid_documents_in_a_batch(packs: PackRegistry, tmp_path: Path) -> None:
    rows = [
        {"supervisee": {"name": f"Worker {number}"}, "agreement_date": "2026-01-05", "location": "Room 2"}
        for number in range(3)
    ]
    for name in PACK_NAMES:
        report = generate(rows, pack=name, out=tmp_path / name)
        assert report.ok
    assert_valid(sorted(tmp_path.rglob("*.docx")))


def it_ships_valid_templates() -> None:
    root = Path(__file__).resolve().parents[1] / "templates"
    assert_valid(sorted(root.glob("*/*.docx")))


@contextlib.contextmanager
def quietly() -> Iterator[None]:
    """A council's printed text may disagree with data made for another: that is a render
    warning, not what these tests are about."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RenderWarning)
        yield
