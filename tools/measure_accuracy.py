"""Field accuracy of reading filled council forms, per producer (format) and per council.

    .venv/bin/python tools/measure_accuracy.py CORPUS [--producers a,b] [--errors [N]] [--json FILE]
    .venv/bin/python tools/measure_accuracy.py CORPUS --build N [--seed S] [--held-out] [--producers ...]

CORPUS is a folder made by `python -m tools.corpus` (or `tests/corpus/fixtures`); with
--build N it is made first, N forms per council. Every file in every producer's folder is
read with the public `supervision_forms.parse()`, the pack detected as a user's would be,
and each field the form has is compared with its truth: text with white space collapsed
and curly quotes as straight ones (typesetters curl them), dates and numbers exactly, the
list of meeting dates as one field. Each field is

- right: the value read equals the truth (both empty counts as right);
- wrong: the reader put a value that differs from the truth (a value where the truth is
  empty included): worse than a miss;
- missed: the reader left it empty where the truth has a value. A missed field's writing
  (as typed on the form, `written` in the truth) is then looked for in what the reader
  kept in `unmapped`, word for word in any order: found there, it was kept for a person
  to place; not found, it may be lost (or OCR misread it), and the report counts it.

A file that cannot be read counts every field as missed, and is listed with the reason
(the error's class and message). A file read as another council's form is still compared
field by field (the model is common) and is listed too. Page images (`NAME.pN.png`)
count the fields printed on that page (`files.json` in their folder), and a field from
another page only when the reader puts a value in it (then a wrong value, unless it is the
document's own value: then the page list was wrong, and the field is tallied apart).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if importlib.util.find_spec("supervision_forms") is None:  # the code on PYTHONPATH, else this checkout's
    sys.path.insert(0, str(ROOT))

if importlib.util.find_spec("tools") is None:
    sys.path.append(str(ROOT))

from supervision_forms import SupervisionFormsError, parse  # noqa: E402
from tools.corpus.check import words  # noqa: E402

# Kept for tests/forms/test_corpus.py: the floors it asserts for the first three formats.
TARGETS = {"docx": 0.97, "resaved": 0.97, "pdf": 0.93}
# The aims of issues 9 and 10, by producer (shown as a mark; not a test).
AIMS = {
    "docx": 0.995, "resaved": 0.995, "web": 0.995, "strict": 0.995,
    "doc": 0.98, "dot": 0.98, "rtf": 0.98, "odt": 0.98, "dotx": 0.98,
    "scan": 0.90, "scan-tif": 0.90, "scan-png": 0.90, "scan-jpg": 0.90, "ps-garbled": 0.90,
}  # fmt: skip
TEXT_PDF_AIM = 0.97
NOT_READ = {"html"}  # intermediate folders parse does not take
FILE_LIST = "files.json"


def aim(producer: str) -> float:
    return AIMS.get(producer, TEXT_PDF_AIM)


# --- comparing ----------------------------------------------------------------------------


def empty(value: Any) -> bool:
    return value is None or value == "" or value == []


QUOTES = str.maketrans({"‘": "'", "’": "'", "‛": "'", "′": "'", "“": '"', "”": '"', "„": '"'})


def same(expected: Any, got: Any) -> bool:
    if isinstance(expected, str) and isinstance(got, str):
        return " ".join(expected.translate(QUOTES).split()) == " ".join(got.translate(QUOTES).split())
    if empty(expected) and empty(got):
        return True
    return bool(expected == got)


def values(data: dict[str, Any], fields: Iterable[str]) -> dict[str, Any]:
    """The value of each field path (dotted) in a model's JSON; lists whole."""
    out = {}
    for path in fields:
        node: Any = data
        for part in path.split("."):
            node = node.get(part) if isinstance(node, dict) else None
        out[path] = node
    return out


# --- one file -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Failure:
    file: str
    field: str
    expected: Any
    got: Any
    kept: bool | None = None  # a missed field: its writing found in `unmapped` (None: not known)


@dataclass
class Outcome:
    """How one file read: counts, the failures, and why it was not read (if so)."""

    file: str  # producer/file name
    producer: str
    item: str
    council: str
    edition: str
    fields: int = 0
    right: int = 0
    wrong: list[Failure] = field(default_factory=list)
    missed: list[Failure] = field(default_factory=list)
    error: str | None = None  # why it was not read
    crashed: bool = False  # the reader raised something other than a SupervisionFormsError
    misplaced: int = 0  # fields the page list puts elsewhere, read here as the document's own value
    pack: str | None = None  # the council it was read as


@dataclass(frozen=True)
class Target:
    """A file to read and what to compare: the fields counted, and those expected empty."""

    path: Path
    producer: str
    item: str
    counted: tuple[str, ...] | None = None  # None: every field of the form
    elsewhere: tuple[str, ...] = ()  # fields on other pages: expected empty here


def read_one(target: Target, item: dict[str, Any]) -> Outcome:
    fields = list(target.counted) if target.counted is not None else list(item["fields"])
    truth = values(item["data"], fields)
    label = f"{target.producer}/{target.path.name}"
    outcome = Outcome(label, target.producer, target.item, item["council"], item.get("edition", "current"))
    outcome.fields = len(fields)
    try:
        result = parse(target.path)
    except Exception as error:  # a reader that raises anything is reported, not fatal
        message = str(error).replace(target.path.name, "FILE")
        outcome.error = f"{type(error).__name__}: {_one_line(message)}"
        outcome.crashed = not isinstance(error, SupervisionFormsError)
        outcome.missed = [Failure(label, f, truth[f], None) for f in fields]
        return outcome
    outcome.pack = result.pack
    data = result.data.model_dump(mode="json")
    got = values(data, fields)
    unmapped = _plain_words("\n".join(entry.text for entry in getattr(result, "unmapped", [])))
    for path in fields:
        if same(truth[path], got[path]):
            outcome.right += 1
        elif empty(got[path]):
            written = item.get("written", {}).get(path)
            kept = None if not written else not _plain_words(written) - unmapped
            outcome.missed.append(Failure(label, path, truth[path], None, kept))
        else:
            outcome.wrong.append(Failure(label, path, truth[path], got[path]))
    # fields this file does not show (on another page): counted only when a value is read.
    # A value read exactly as the document's own cannot come from a page without it (a
    # scan carries no data): the page list was wrong there, so it is tallied apart.
    whole = values(item["data"], target.elsewhere)
    for path, value in values(data, target.elsewhere).items():
        if empty(value):
            continue
        if same(whole[path], value):
            outcome.misplaced += 1
            continue
        outcome.fields += 1
        outcome.wrong.append(Failure(label, path, None, value))
    return outcome


def _plain_words(text: str) -> Counter[str]:
    """The words of a text without their accents and hyphens (OCR that drops an accent, or a
    typesetter's hyphen at a line's end, has still kept the word)."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return words(plain.replace("-", ""))


def _one_line(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= 160 else line[:157] + "..."


# --- the corpus ---------------------------------------------------------------------------


def targets(corpus: Path, producers: Iterable[str] | None, names: Iterable[str]) -> list[Target]:
    """Every file of the chosen producers' folders that belongs to a form of the corpus."""
    known = set(names)
    folders = sorted(p for p in corpus.iterdir() if p.is_dir() and p.name not in NOT_READ)
    wanted = set(producers) if producers is not None else None
    found = []
    for folder in folders:
        if wanted is not None and folder.name not in wanted:
            continue
        listed = _file_list(folder)
        for path in sorted(folder.iterdir()):
            if path.name == FILE_LIST or path.name.startswith("."):
                continue
            if path.name in listed:
                entry = listed[path.name]
                found.append(
                    Target(
                        path,
                        folder.name,
                        entry["item"],
                        tuple(entry["fields"]),
                        tuple(entry.get("elsewhere", ())),
                    )
                )
                continue
            stem = path.name.split(".", 1)[0]
            if stem in known:
                found.append(Target(path, folder.name, stem))
    return found


def _file_list(folder: Path) -> dict[str, dict[str, Any]]:
    listing = folder / FILE_LIST
    if not listing.exists():
        return {}
    loaded: dict[str, dict[str, Any]] = json.loads(listing.read_text(encoding="utf-8"))
    return loaded


def _read_packed(args: tuple[Target, dict[str, Any]]) -> Outcome:
    return read_one(*args)


def run(corpus: Path, producers: Iterable[str] | None = None, jobs: int = 1) -> list[Outcome]:
    """Read every file of the corpus (optionally only some producers' folders)."""
    truth: dict[str, dict[str, Any]] = json.loads((corpus / "truth.json").read_text(encoding="utf-8"))
    work = [(target, truth[target.item]) for target in targets(corpus, producers, truth)]
    if jobs <= 1:
        return [read_one(*pair) for pair in work]
    with ProcessPoolExecutor(jobs) as pool:
        return list(pool.map(_read_packed, work, chunksize=4))


@dataclass
class Tally:
    files: int = 0
    fields: int = 0
    right: int = 0
    wrong: int = 0
    missed: int = 0
    unread: int = 0
    misplaced: int = 0
    not_kept: int = 0  # missed fields whose writing is not in `unmapped`

    def add(self, outcome: Outcome) -> None:
        self.files += 1
        self.fields += outcome.fields
        self.right += outcome.right
        self.wrong += len(outcome.wrong)
        self.missed += len(outcome.missed)
        self.unread += outcome.error is not None
        self.misplaced += outcome.misplaced
        self.not_kept += (
            sum(failure.kept is False for failure in outcome.missed) if outcome.error is None else 0
        )

    @property
    def accuracy(self) -> float:
        return self.right / self.fields if self.fields else 0.0


def tally(outcomes: Iterable[Outcome], by: str = "council") -> dict[tuple[str, str], Tally]:
    """Counts per (producer, council) (by="council") or (producer, edition) (by="edition")."""
    table: dict[tuple[str, str], Tally] = defaultdict(Tally)
    for outcome in outcomes:
        table[(outcome.producer, getattr(outcome, by))].add(outcome)
        table[(outcome.producer, "all")].add(outcome)
    return dict(table)


def measure(corpus: Path, formats: list[str], show: bool) -> dict[tuple[str, str], tuple[int, int]]:
    """(council, producer) -> (fields right, fields) for the given producers' folders."""
    outcomes = run(corpus, formats)
    if show:
        for failure in worst(outcomes, 0):
            print(f"{failure.file} {failure.field}: expected {failure.expected!r} got {failure.got!r}")
    counts = tally(outcomes)
    return {
        (council, producer): (t.right, t.fields)
        for (producer, council), t in counts.items()
        if council != "all"
    }


def worst(outcomes: Iterable[Outcome], limit: int) -> list[Failure]:
    """Wrong values first, then misses; within each, one failure of each field in turn
    (commonest field first), so that the first few show the range of what goes wrong."""
    outcomes = list(outcomes)
    wrong = [f for o in outcomes for f in o.wrong]
    missed = [f for o in outcomes for f in o.missed if o.error is None]
    ordered = _round_robin(wrong) + _round_robin(missed)
    return ordered[:limit] if limit else ordered


def _round_robin(failures: list[Failure]) -> list[Failure]:
    by_field: dict[str, list[Failure]] = defaultdict(list)
    for failure in sorted(failures, key=lambda f: (f.file.split("/")[0], f.file)):
        by_field[failure.field].append(failure)
    queues = sorted(by_field.values(), key=lambda group: -len(group))
    out = []
    for turn in range(max((len(q) for q in queues), default=0)):
        out += [queue[turn] for queue in queues if turn < len(queue)]
    return out


# --- report -------------------------------------------------------------------------------


def report(outcomes: list[Outcome], by: str, errors: int | None) -> list[str]:
    lines = []
    counts = tally(outcomes, by)
    head = f"{'producer':<11} {by:<11} {'files':>5} {'fields':>7} {'right':>6} {'wrong':>6} {'missed':>7}"
    lines.append(head + f" {'unread':>6} {'accuracy':>9}  aim")
    producers = sorted({p for p, _ in counts}, key=_producer_order)
    for producer in producers:
        groups = sorted(g for p, g in counts if p == producer and g != "all")
        for group in [*groups, "all"]:
            t = counts[(producer, group)]
            mark = ("ok" if t.accuracy >= aim(producer) else "below") if group == "all" else ""
            lines.append(
                f"{producer:<11} {group:<11} {t.files:>5} {t.fields:>7} {t.right:>6} {t.wrong:>6}"
                f" {t.missed:>7} {t.unread:>6} {t.accuracy:>9.3f}  {aim(producer):.3f} {mark}".rstrip()
            )
    every = Tally()
    for outcome in outcomes:
        every.add(outcome)
    lines.append(
        f"{'ALL':<11} {'':<11} {every.files:>5} {every.fields:>7} {every.right:>6} {every.wrong:>6}"
        f" {every.missed:>7} {every.unread:>6} {every.accuracy:>9.3f}"
    )
    if every.fields:
        lines.append(
            f"wrong values: {every.wrong} of {every.fields} fields ({every.wrong / every.fields:.2%})"
        )
    if every.missed:
        not_kept = ", ".join(
            f"{p} {t.not_kept}" for (p, group), t in sorted(counts.items()) if group == "all" and t.not_kept
        )
        lines.append(
            f"missed fields whose writing is not in unmapped (lost, or misread by OCR): {every.not_kept}"
            f" of {every.missed}" + (f" ({not_kept})" if not_kept else "")
        )
    if every.misplaced:
        lines.append(
            f"not counted: {every.misplaced} fields that the page list puts on another page,"
            " read here as the document's own value"
        )
    unread = [o for o in outcomes if o.error is not None]
    misread = [o for o in outcomes if o.error is None and o.pack not in (None, o.council)]
    if unread or misread:
        lines.append("")
        lines.append("files not read (every field counted missed):")
        reasons: dict[tuple[str, str], list[str]] = defaultdict(list)
        for outcome in unread:
            reasons[(outcome.producer, outcome.error or "")].append(outcome.file)
        for (producer, reason), files in sorted(reasons.items()):
            lines.append(f"  {producer:<11} {len(files):>4} x {reason}  (e.g. {files[0]})")
        for outcome in misread:
            lines.append(f"  {outcome.file}: read as {outcome.pack}'s form, not {outcome.council}'s")
    if errors is not None:
        lines.append("")
        lines.append("worst failures (wrong values first, a field at a time, commonest first):")
        for failure in worst(outcomes, errors):
            kind = "WRONG " if not empty(failure.got) else "LOST  " if failure.kept is False else "missed"
            expected, got = _differing(failure.expected, failure.got)
            lines.append(f"  {kind} {failure.file} {failure.field}: expected {expected} got {got}")
    return lines


def floors(outcomes: list[Outcome]) -> list[str]:
    """Today's accuracy (rounded down) and wrong values per producer, as Python literals."""
    counts = {p: t for (p, group), t in tally(outcomes).items() if group == "all"}
    order = sorted(counts, key=_producer_order)
    accuracy = ", ".join(f'"{p}": {int(counts[p].accuracy * 1000) / 1000}' for p in order)
    wrong = ", ".join(f'"{p}": {counts[p].wrong}' for p in order)
    return [f"FLOORS = {{{accuracy}}}", f"WRONG = {{{wrong}}}"]


def _differing(expected: Any, got: Any) -> tuple[str, str]:
    """Both values, long texts cut to the part where they first differ."""
    if isinstance(expected, str) and isinstance(got, str):
        a, b = " ".join(expected.split()), " ".join(got.split())
        start = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
        if start > 30 and (len(a) > 80 or len(b) > 80):
            return _short("…" + a[start - 20 :]), _short("…" + b[start - 20 :])
    return _short(expected), _short(got)


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 90 else text[:87] + "..."


def _producer_order(name: str) -> tuple[int, str]:
    order = ["docx", "resaved", "web", "strict", "doc", "dot", "rtf", "odt", "dotx", "pdf", "wordlike"]
    return (order.index(name) if name in order else len(order), name)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--build", type=int, metavar="N", help="build the corpus first, N forms per council")
    parser.add_argument("--seed", type=int, default=1, help="with --build: the corpus seed")
    parser.add_argument("--held-out", action="store_true", help="with --build: the held-out generator")
    parser.add_argument(
        "--producers",
        help="producers (folders) to read, comma-separated (default all); with --build also what to make",
    )
    parser.add_argument("--formats", help=argparse.SUPPRESS)  # the old name of --producers
    parser.add_argument("--by", choices=("council", "edition"), default="council")
    parser.add_argument(
        "--errors", type=int, nargs="?", const=25, metavar="N", help="list the N worst failures (0: all)"
    )
    parser.add_argument("--jobs", type=int, default=1, help="files read in parallel (processes)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write every file's outcome as JSON")
    parser.add_argument(
        "--floors", action="store_true", help="print today's accuracy and wrong values per producer as Python"
    )
    args = parser.parse_args(argv)
    chosen = args.producers or args.formats
    producers = chosen.split(",") if chosen else None
    if args.build:
        from tools.corpus.build import build_corpus

        build_corpus(
            args.corpus,
            args.build,
            args.seed,
            producers=producers or ["all"],
            realistic=True,
            held_out=args.held_out,
            older=max(1, args.build // 4),
        )
        producers = None if not chosen else _with_docx(producers)
    measured = Path(sys.modules["supervision_forms"].__file__ or "").parent
    print(f"measuring the code in {measured}", file=sys.stderr)
    outcomes = run(args.corpus, producers, args.jobs)
    print("\n".join(report(outcomes, args.by, args.errors)))
    if args.floors:
        print("\n".join(floors(outcomes)))
    if args.json:
        args.json.write_text(json.dumps([asdict(o) for o in outcomes], indent=1, ensure_ascii=False), "utf-8")
    counts = tally(outcomes)
    below = [p for (p, group), t in counts.items() if group == "all" and t.accuracy < aim(p)]
    return 1 if below else 0


def _with_docx(producers: list[str]) -> list[str]:
    return producers if "docx" in producers else ["docx", *producers]


if __name__ == "__main__":
    sys.exit(main())
