"""Field accuracy of reading filled original council forms, per council and per format.

    .venv/bin/python tools/measure_accuracy.py CORPUS [--build N] [--seed S] [--errors]

CORPUS is a folder made by `python -m tools.corpus` (with --build N it is made first,
N forms per council). Every file is read with `parse()`, the pack detected as a user's
would be; each field the form has is compared with its truth (text with white space
collapsed, dates and numbers exactly, a list of dates as one field). A file that cannot
be read counts every one of its fields as wrong.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from supervision_forms import parse  # noqa: E402
from supervision_forms.errors import SupervisionFormsError  # noqa: E402
from supervision_forms.models.paths import flatten  # noqa: E402

FORMATS = {"docx": ".docx", "resaved": ".docx", "pdf": ".pdf"}
TARGETS = {"docx": 0.97, "resaved": 0.97, "pdf": 0.93}


def same(expected: Any, got: Any) -> bool:
    if isinstance(expected, str) and isinstance(got, str):
        return " ".join(expected.split()) == " ".join(got.split())
    return bool(expected == got)


def values(data: dict[str, Any], fields: list[str]) -> dict[str, Any]:
    flat = flatten(data)
    out = {}
    for path in fields:
        if path == "meeting_dates":
            out[path] = data.get("meeting_dates", [])
        else:
            out[path] = flat.get(path)
    return out


def measure(corpus: Path, formats: list[str], show: bool) -> dict[tuple[str, str], tuple[int, int]]:
    truth = json.loads((corpus / "truth.json").read_text(encoding="utf-8"))
    tally: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for fmt in formats:
        folder = corpus / fmt
        if not folder.is_dir():
            continue
        for name, item in sorted(truth.items()):
            path = folder / (name + FORMATS[fmt])
            fields = item["fields"]
            expected = values(item["data"], fields)
            key = (item["council"], fmt)
            tally[key][1] += len(fields)
            try:
                result = parse(path)
            except SupervisionFormsError as error:
                if show:
                    print(f"{fmt:8} {name}: FAILED {error}")
                continue
            got = values(result.data.model_dump(mode="json"), fields)
            if result.pack != item["council"]:
                if show:
                    print(f"{fmt:8} {name}: read as {result.pack}")
                continue
            for field in fields:
                if same(expected[field], got[field]):
                    tally[key][0] += 1
                elif show:
                    print(f"{fmt:8} {name} {field}: expected {expected[field]!r} got {got[field]!r}")
    return {key: (right, total) for key, (right, total) in tally.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--build", type=int, metavar="N", help="build the corpus first, N forms per council")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--formats", default="docx,resaved,pdf")
    parser.add_argument("--errors", action="store_true", help="show each wrong field")
    args = parser.parse_args(argv)
    if args.build:
        from tools.corpus.build import build_corpus

        build_corpus(args.corpus, args.build, args.seed)
    results = measure(args.corpus, args.formats.split(","), args.errors)
    failed = False
    print(f"{'council':<12} {'format':<8} {'fields':>7} {'right':>7} {'accuracy':>9}  target")
    for (council, fmt), (right, total) in sorted(results.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        accuracy = right / total if total else 0.0
        target = TARGETS[fmt]
        failed |= accuracy < target
        mark = "ok" if accuracy >= target else "BELOW"
        print(f"{council:<12} {fmt:<8} {total:>7} {right:>7} {accuracy:>9.3f}  {target:.2f} {mark}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
