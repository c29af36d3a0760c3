"""Build the corpus: filled original forms, their truth, and every producer's files."""

from __future__ import annotations

import argparse
import io
import json
import random
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path

from docx.document import Document as DocxDocument

from . import portsmouth, sefton, surrey
from .answers import Answers
from .fill import HOWS
from .form import Form, Style
from .item import Item, Job
from .producers import PRODUCERS, chosen
from .seeds import SEEDS, Seed

LAYOUTS: dict[str, Callable[[Form, Seed], None]] = {
    "portsmouth": portsmouth.build,
    "surrey": surrey.build,
    "sefton": sefton.build,
}
FORMATS = ("docx", "resaved", "pdf")  # what `office=True` makes (the first corpus)


def make_form(
    council: str,
    number: int,
    seed: int,
    seeds: Path = SEEDS,
    *,
    realistic: bool = False,
    held_out: bool = False,
    edition: str = "current",
) -> tuple[bytes, Item]:
    """One filled copy of a council's original form, as .docx bytes, with its truth.

    `realistic` adds what real archives hold (page furniture, protective markings, long
    answers, accents, Symbol bullets, names and dates on one line...); `held_out` draws
    names, answers and fonts from pools the tuning corpus never uses; `edition="older"`
    lays out an earlier version of the council's form."""
    rng = random.Random(f"{seed}/{council}/{number}" + ("/held-out" if held_out else ""))
    style = Style.random(
        rng, HOWS[number % len(HOWS)], realistic=realistic, held_out=held_out, edition=edition
    )
    form = Form(rng, style, Answers(rng, held_out=held_out, realistic=realistic))
    LAYOUTS[council](form, Seed(council, seeds))
    form.finish()
    _slim(form.doc)
    buffer = io.BytesIO()
    form.doc.save(buffer)
    name = f"{council}-{'old-' if edition == 'older' else ''}{number:03d}"
    item = Item(council, name, _truth(form.truth), style, sorted(form.truth), dict(form.written), edition)
    return buffer.getvalue(), item


def _slim(doc: DocxDocument) -> None:
    """Drop what python-docx's template carries and Word no longer writes (a Word 2010
    stylesWithEffects part, a thumbnail): smaller files, as Word's own are."""
    for rid, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            doc.part.drop_rel(rid)
    package = doc.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            package.rels.pop(rid)


def _truth(flat: dict[str, object]) -> dict[str, object]:
    """The agreement the form should read as (JSON), through the model so derived parts agree."""
    from supervision_forms.models import Agreement
    from supervision_forms.models.paths import unflatten

    return Agreement.model_validate(unflatten(flat)).model_dump(mode="json")


def build_corpus(
    out: Path,
    per_council: int,
    seed: int = 1,
    office: bool = True,
    seeds: Path = SEEDS,
    *,
    producers: Sequence[str] | None = None,
    realistic: bool = False,
    held_out: bool = False,
    older: int = 0,
    councils: Sequence[str] = tuple(LAYOUTS),
    log: Callable[[str], None] | None = None,
) -> list[Item]:
    """Write `out/docx/*.docx`, `out/truth.json`, and each producer's folder.

    Without `producers`, `office` makes LibreOffice's re-saves and PDFs (the first corpus).
    `older` forms per council are earlier editions of the form, on top of `per_council`."""
    (out / "docx").mkdir(parents=True, exist_ok=True)
    items = []
    for council in councils:
        for edition, count in (("current", per_council), ("older", older)):
            for number in range(count):
                data, item = make_form(
                    council, number, seed, seeds, realistic=realistic, held_out=held_out, edition=edition
                )
                (out / "docx" / f"{item.name}.docx").write_bytes(data)
                items.append(item)
    write_truth(out, items)
    wanted = producers if producers is not None else (["office"] if office else [])
    job = Job(out, [item.name for item in items], seed, held_out)
    for producer in chosen(wanted):
        missing = producer.missing()
        if missing:
            raise RuntimeError(f"producer {producer.name} needs {', '.join(missing)}")
        started = time.monotonic()
        producer.run(job)
        if log:
            log(f"{producer.name}: {len(items)} forms in {time.monotonic() - started:.0f} s")
    return items


def write_truth(out: Path, items: Sequence[Item]) -> None:
    truth = {
        item.name: {
            "council": item.council,
            "edition": item.edition,
            "style": asdict(item.style),  # type: ignore[call-overload]
            "fields": item.fields,
            "written": item.written,
            "data": item.truth,
        }
        for item in items
    }
    (out / "truth.json").write_text(json.dumps(truth, indent=1, ensure_ascii=False), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.corpus", description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--per-council", type=int, default=40)
    parser.add_argument(
        "--older", type=int, default=None, help="older-edition forms per council (default 1/4)"
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--held-out", action="store_true", help="names, answers and fonts never tuned on")
    parser.add_argument("--plain", action="store_true", help="the plain fills of the first corpus")
    parser.add_argument(
        "--producers",
        default="all",
        help="comma-separated producers or groups ("
        + ", ".join(p.name for p in PRODUCERS)
        + "; office, archive, pdfs, scans, all)",
    )
    parser.add_argument("--seeds", type=Path, default=SEEDS, help="the folder of seed texts")
    parser.add_argument("--no-office", action="store_true", help="only the .docx files and their truth")
    args = parser.parse_args(argv)
    older = args.older if args.older is not None else max(1, args.per_council // 4)
    producers = [] if args.no_office else args.producers.split(",")
    items = build_corpus(
        args.out,
        args.per_council,
        args.seed,
        seeds=args.seeds,
        producers=producers,
        realistic=not args.plain,
        held_out=args.held_out,
        older=older,
        log=lambda line: sys.stdout.write(line + "\n"),
    )
    sys.stdout.write(f"{len(items)} forms in {args.out}\n")
    return 0
