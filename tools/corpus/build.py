"""Build the corpus: filled original forms, their truth, LibreOffice re-saves and PDFs."""

from __future__ import annotations

import argparse
import io
import json
import random
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import portsmouth, sefton, surrey
from .answers import Answers
from .fill import HOWS
from .form import Form, Style
from .seeds import SEEDS, Seed

LAYOUTS: dict[str, Callable[[Form, Seed], None]] = {
    "portsmouth": portsmouth.build,
    "surrey": surrey.build,
    "sefton": sefton.build,
}
FORMATS = ("docx", "resaved", "pdf")


@dataclass(frozen=True)
class Item:
    """One filled form: where its files are and what it should read as."""

    council: str
    name: str
    truth: dict[str, object]
    style: Style
    fields: list[str]  # the model paths this form has


def make_form(council: str, number: int, seed: int, seeds: Path = SEEDS) -> tuple[bytes, Item]:
    """One filled copy of a council's original form, as .docx bytes, with its truth."""
    rng = random.Random(f"{seed}/{council}/{number}")
    style = Style.random(rng, HOWS[number % len(HOWS)])
    form = Form(rng, style, Answers(rng))
    LAYOUTS[council](form, Seed(council, seeds))
    buffer = io.BytesIO()
    form.doc.save(buffer)
    item = Item(council, f"{council}-{number:03d}", _truth(form.truth), style, sorted(form.truth))
    return buffer.getvalue(), item


def _truth(flat: dict[str, object]) -> dict[str, object]:
    """The agreement the form should read as (JSON), through the model so derived parts agree."""
    from supervision_forms.models import Agreement
    from supervision_forms.models.paths import unflatten

    return Agreement.model_validate(unflatten(flat)).model_dump(mode="json")


def build_corpus(
    out: Path, per_council: int, seed: int = 1, office: bool = True, seeds: Path = SEEDS
) -> list[Item]:
    """Write `out/docx/*.docx`, `out/truth.json`, and with `office` `out/resaved/` and `out/pdf/`."""
    (out / "docx").mkdir(parents=True, exist_ok=True)
    items = []
    for council in LAYOUTS:
        for number in range(per_council):
            data, item = make_form(council, number, seed, seeds)
            (out / "docx" / f"{item.name}.docx").write_bytes(data)
            items.append(item)
    truth = {
        item.name: {
            "council": item.council,
            "style": vars(item.style),
            "fields": item.fields,
            "data": item.truth,
        }
        for item in items
    }
    (out / "truth.json").write_text(json.dumps(truth, indent=1, ensure_ascii=False), encoding="utf-8")
    if office:
        convert_all(out)
    return items


def convert_all(out: Path) -> None:
    """Re-save every .docx with LibreOffice, and export each to PDF: one soffice call each."""
    from supervision_forms.office import convert

    files = sorted((out / "docx").glob("*.docx"))
    with tempfile.TemporaryDirectory() as scratch:
        resaved = convert(files, "docx:MS Word 2007 XML", Path(scratch))
        (out / "resaved").mkdir(exist_ok=True)
        for path in resaved:
            shutil.move(str(path), out / "resaved" / path.name)
    convert(files, "pdf", out / "pdf")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.corpus", description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--per-council", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--seeds", type=Path, default=SEEDS, help="the folder of seed texts")
    parser.add_argument("--no-office", action="store_true", help="skip re-saves and PDFs")
    args = parser.parse_args(argv)
    items = build_corpus(args.out, args.per_council, args.seed, not args.no_office, args.seeds)
    sys.stdout.write(f"{len(items)} forms in {args.out}\n")
    return 0
