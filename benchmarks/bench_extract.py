"""Benchmark: `supervision-forms extract DIR -o team.csv --jobs 2` on 1,000 filled agreements.

    .venv/bin/python benchmarks/bench_extract.py [--documents 1000] [--jobs 2]

The agreements are the councils' original layouts filled in by hand (tools/corpus),
60 different ones copied to make up the number. The command runs as a user runs it
(a new process, startup included); the target is under 15 s with --jobs 2 on a 2-core
machine. It also runs with --jobs 1 in the same session, and prints the speed-up.
"""

from __future__ import annotations

import argparse
import csv
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools.corpus.build import LAYOUTS, make_form  # noqa: E402

DISTINCT_PER_COUNCIL = 20
TARGET_SECONDS = 15.0


def make_folder(folder: Path, documents: int) -> None:
    forms = [
        make_form(council, number, seed=7)[0] for council in LAYOUTS for number in range(DISTINCT_PER_COUNCIL)
    ]
    for number in range(documents):
        (folder / f"agreement-{number:04d}.docx").write_bytes(forms[number % len(forms)])


def run(folder: Path, out: Path, jobs: int) -> float:
    command = [
        sys.executable,
        "-m",
        "supervision_forms",
        "extract",
        str(folder),
        "-o",
        str(out),
        "--jobs",
        str(jobs),
    ]
    start = time.perf_counter()
    completed = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
    elapsed = time.perf_counter() - start
    if completed.returncode != 0:
        sys.stderr.write(completed.stderr)
        raise SystemExit(f"extract failed with exit code {completed.returncode}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="bench-extract-"))
    try:
        folder = scratch / "team"
        folder.mkdir()
        make_folder(folder, args.documents)
        parallel = run(folder, scratch / "team.csv", args.jobs)
        single = run(folder, scratch / "team-1.csv", 1)
        with (scratch / "team.csv").open(encoding="utf-8-sig", newline="") as table:
            rows = sum(1 for _ in csv.reader(table)) - 1
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    verdict = "within" if parallel < TARGET_SECONDS else "OVER"
    print(f"documents:        {args.documents} ({rows} rows written)")
    print(f"--jobs {args.jobs}:         {parallel:.2f} s, {args.documents / parallel:.0f} documents/s")
    print(f"--jobs 1:         {single:.2f} s, {args.documents / single:.0f} documents/s")
    print(f"speed-up:         {single / parallel:.2f}x with {args.jobs} jobs")
    print(f"target:           under {TARGET_SECONDS:.0f} s with --jobs 2: {verdict}")
    return 0 if parallel < TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
