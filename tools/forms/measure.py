"""Measuring `pack init` on councils' blank forms against their truth.

For each council: the blank form is built and made into a pack with `pack init` (no hand
edits); then

- places: each true answer place found and given the right model path (a place the
  model has no field for counts as right when it gets a field of the council's own);
- fidelity: the blank form's printed lines found in the rendered example (`pack test`);
- round trip: the example's values read back from our own document;
- hand-filled: the form filled in by hand (python-docx, as a person types into it), read
  with the generated pack, as .docx and as a PDF made by LibreOffice: values read right
  at each true place's path.

    .venv/bin/python -m tools.forms [--pdf] [--keep DIR] [-v]
    .venv/bin/python -m tools.forms --blanks DIR [--filled DIR]   # the blank forms (and filled copies)
"""

from __future__ import annotations

import datetime
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from supervision_forms import PackRegistry, installed_packs, load_pack, parse
from supervision_forms.models.paths import flatten
from supervision_forms.office import convert, soffice
from supervision_forms.packs.authoring import InitReport, init_pack
from supervision_forms.packs.authoring.assign import Mapped
from supervision_forms.packs.authoring.checks import check_pack
from supervision_forms.packs.authoring.text import clean_label, fold
from supervision_forms.packs.spec import choice_values

from . import Council
from .kit import Form, Truth

VERBOSE = False
NAMES = {"supervisor": "Bernadette Oyelaran-Cole", "supervisee": "Tomasz Wiśniewski"}
DATES = [datetime.date(2026, 4, 6) + datetime.timedelta(weeks=4 * n) for n in range(6)]
TEXTS = {
    "frequency.description": "Every four weeks",
    "duration_minutes": "90",
    "location": "Room 3.12, Market Street offices",
    "interruptions": "only for an emergency about a child's immediate safety",
    "recording.storage": "the secure supervision drive",
    "supervisee.role": "Social Worker (level 2)",
    "line_manager.name": "Hilary Ndlovu",
    "other_issues": "Phased return after leave until the end of May",
}


@dataclass
class Result:
    """One council's numbers."""

    council: str
    folder: Path = Path()  # the pack made
    places: int = 0
    mapped_right: int = 0
    found_extra: int = 0  # places found that the truth does not list
    fidelity: float = 0.0
    round_trip: tuple[int, int] = (0, 0)
    docx: tuple[int, int] = (0, 0)
    pdf: tuple[int, int] | None = None
    misses: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # what `pack test` reports

    @property
    def mapping(self) -> float:
        return self.mapped_right / self.places if self.places else 0.0

    def row(self) -> str:
        pdf = f"{_share(self.pdf):.2f} ({self.pdf[0]}/{self.pdf[1]})" if self.pdf else "-"
        docx = f"{_share(self.docx):.2f} ({self.docx[0]}/{self.docx[1]})"
        mapped = f"{self.mapped_right}/{self.places} ({self.mapping:.2f})"
        trip = f"{_share(self.round_trip):.2f}"
        cells = [self.council, mapped, str(self.found_extra), f"{self.fidelity:.3f}", trip, docx, pdf]
        return "| " + " | ".join(cells) + " |"


def _share(pair: tuple[int, int] | None) -> float:
    return pair[0] / pair[1] if pair and pair[1] else 0.0


def answers(truth: Iterable[Truth]) -> dict[str, Any]:
    """What a person writes in each place (by path, or by label for the council's own)."""
    found: dict[str, Any] = {}
    extra = 0
    for place in truth:
        key = place.label if place.path == "extra" else place.path
        if place.kind == "choice":
            found[key] = place.options[min(1, len(place.options) - 1)]
        elif place.kind == "dates":
            found[key] = DATES
        elif place.kind == "date":
            found[key] = datetime.date(2026, 3, 9) if "review" not in key else datetime.date(2027, 3, 8)
        elif place.path.endswith(".name"):
            who = "supervisor" if "supervisor" in place.path else "supervisee"
            found[key] = NAMES[who]
        elif place.path in TEXTS:
            found[key] = TEXTS[place.path]
        else:
            extra += 1
            found[key] = f"We agreed this together at the first session, note {extra}"
    return found


def build(council: Council, values: dict[str, Any] | None = None) -> Form:
    form = Form(council.title, answers=values)
    council.build(form)
    return form


def pair(truth: list[Truth], mapped: list[Mapped]) -> list[tuple[Truth, Mapped | None]]:
    """Each true place with the place `pack init` found for it (by label, in order)."""
    free = list(mapped)
    out: list[tuple[Truth, Mapped | None]] = []
    for place in truth:
        want = fold(clean_label(place.label))
        match = next((m for m in free if want in _names(m)), None)
        if match is not None:
            free.remove(match)
        out.append((place, match))
    return out


def _ends(item: Mapped, want: str) -> bool:
    """A long printed label ending in the label wanted ("... and there will only be interruptions if")."""
    return fold(clean_label(item.slot.label)).endswith(want)


def _names(item: Mapped) -> set[str]:
    slot = item.slot
    names = {fold(clean_label(slot.label)), *(fold(clean_label(c)) for c in slot.context)}
    names.update(fold(clean_label(head)) for _, head in slot.columns)
    return names


def right_path(place: Truth, item: Mapped | None) -> bool:
    if item is None:
        return False
    paths = [p.removesuffix("[]") for p in item.paths]
    if place.path == "extra":
        return any(p.startswith("extra.") for p in paths)
    return place.path in paths


def measure(council: Council, folder: Path, *, pdf: bool = False) -> Result:
    blank = build(council)
    shutil.rmtree(folder / council.name, ignore_errors=True)  # a fresh pack: no choices kept from before
    report: InitReport = init_pack(
        blank.to_bytes(),
        folder / council.name,
        name=council.name,
        council=council.council,
        label=council.name,
    )
    result = Result(council.name, folder / council.name, places=len(blank.truth))
    pairs = pair(blank.truth, report.places)
    result.mapped_right = sum(right_path(t, m) for t, m in pairs)
    result.misses = [
        f"{t.label[:50]} -> {', '.join(m.paths) if m else 'not found'} (want {t.path})"
        for t, m in pairs
        if not right_path(t, m)
    ]
    result.found_extra = len(report.places) - sum(1 for _, m in pairs if m is not None)
    pack = load_pack(folder / council.name)
    check = check_pack(pack)[0]
    result.fidelity = check.fidelity or 0.0
    result.round_trip = (check.read_back, check.read_back_of)
    result.problems = [str(problem) for problem in check.problems]
    values = answers(blank.truth)
    filled = build(council, values)
    registry = PackRegistry([*(p for p in installed_packs() if p.name != pack.name), pack])
    docx = folder / f"{council.name}-filled.docx"
    docx.write_bytes(filled.to_bytes())
    result.docx = _read_right(docx, registry, pairs, values)
    if pdf and soffice() is not None:
        made = convert([docx], "pdf", folder / "pdf")
        result.pdf = _read_right(made[0], registry, pairs, values)
    return result


def _read_right(
    path: Path, registry: PackRegistry, pairs: list[tuple[Truth, Mapped | None]], values: dict[str, Any]
) -> tuple[int, int]:
    data = parse(path, packs=registry).data
    flat = flatten(data)
    right = 0
    for place, item in pairs:
        key = place.label if place.path == "extra" else place.path
        wanted = values.get(key)
        if item is None or wanted is None or not right_path(place, item):
            continue
        same = _same(flat, item.paths[0].removesuffix("[]"), wanted, place)
        right += same
        if not same and VERBOSE:
            got = flat.get(item.paths[0].removesuffix("[]"))
            print(f"    {path.name}: {place.label[:40]!r} {item.paths[0]}: want {wanted!r} got {got!r}")
    return right, len(pairs)


def _same(flat: dict[str, Any], path: str, wanted: Any, place: Truth) -> bool:
    if isinstance(wanted, list):
        got = [v for k, v in sorted(flat.items()) if k.startswith(path + ".")]
        return sorted(got) == sorted(wanted)
    got = flat.get(path)
    if isinstance(got, str) and isinstance(wanted, datetime.date):  # a date kept as the council's own text
        return got == f"{wanted.day} {wanted:%B %Y}"
    if place.kind == "choice":
        return got == choice_values((wanted,))[0]
    if path == "duration_minutes":
        return got == 90
    return got == wanted


def main(argv: list[str]) -> int:
    from . import COUNCILS

    if "--blanks" in argv:  # just write each council's blank form (and, with --filled, a copy filled in)
        out = Path(argv[argv.index("--blanks") + 1])
        filled = Path(argv[argv.index("--filled") + 1]) if "--filled" in argv else None
        for council in COUNCILS:
            out.mkdir(parents=True, exist_ok=True)
            blank = build(council)
            (out / f"{council.name}-agreement.docx").write_bytes(blank.to_bytes())
            print(out / f"{council.name}-agreement.docx")
            if filled is not None:
                filled.mkdir(parents=True, exist_ok=True)
                copy = build(council, answers(blank.truth))
                (filled / f"{council.name}-agreement.docx").write_bytes(copy.to_bytes())
                print(filled / f"{council.name}-agreement.docx")
        return 0
    global VERBOSE
    VERBOSE = "-v" in argv
    pdf = "--pdf" in argv
    keep = argv[argv.index("--keep") + 1] if "--keep" in argv else None
    folder = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="forms-"))
    print(
        "| council | places mapped right | places found beyond the truth | fidelity | round trip "
        "| hand-filled .docx | hand-filled PDF |"
    )
    print("|---|---|---|---|---|---|---|")
    results = [measure(council, folder, pdf=pdf) for council in COUNCILS]
    for result in results:
        print(result.row())
    for result in results:
        for miss in result.misses:
            print(f"  {result.council}: {miss}")
    print()
    print("| our councils (no hand edits) | places mapped right | fidelity | round trip | engine-filled |")
    print("|---|---|---|---|---|")
    for line in measure_seeded(folder):
        print(line)
    return 0


def measure_seeded(folder: Path) -> list[str]:
    """Our three councils: `pack init` on each blank form with no pack file (no hand edits;
    the same council's installed pack left out of what it knows), against the hand-edited
    pack file as truth; the round trips of the packs as built (tools/build_packs.py)."""
    import tomllib

    from tools.forms.seeds import BLANKS
    from tools.forms.seeds.common import to_bytes

    root = Path(__file__).resolve().parents[2] / "templates"
    rows = []
    for blank in BLANKS:
        truth = tomllib.loads((root / blank.council / "pack.toml").read_text(encoding="utf-8"))
        fields = truth["documents"][blank.document]["fields"]
        target = folder / f"{blank.council}-{blank.document}"
        shutil.rmtree(target, ignore_errors=True)
        report = init_pack(to_bytes(blank.build()), target, name=blank.council, document=blank.document)
        right = 0
        for path, spec in fields.items():
            wants = [fold(clean_label(text)) for text in (spec["label"], *spec.get("aliases", ()))]
            found = [m for m in report.places for want in wants if want in _names(m) or _ends(m, want)]
            right += any(path in [p.removesuffix("[]") for p in m.paths] for m in found)
        check = next(c for c in check_pack(load_pack(root / blank.council)) if c.kind == blank.document)
        trip = f"{check.read_back}/{check.read_back_of}"
        filled = f"{check.hand_filled}/{check.hand_filled_of}"
        rows.append(
            f"| {blank.council} {blank.document} | {right}/{len(fields)} ({right / len(fields):.2f}) "
            f"| {check.fidelity:.3f} | {trip} | {filled} |"
        )
    return rows
