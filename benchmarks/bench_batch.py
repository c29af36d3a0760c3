"""Batch generation against the naive docxtpl loop, measured in the same run.

The naive loop is what a script would do: for each person, load the template with
docxtpl, render, save (and, for PDFs, call `soffice --convert-to pdf` on the file).
`supervision-forms batch --jobs 2` does the same agreements from a roster. Both use the
Portsmouth agreement template and the same rows. Prints docs/s and the ratio, without
and with --pdf, and the batch's peak memory for two roster sizes.

    .venv/bin/python benchmarks/bench_batch.py [--rows 1000] [--naive 200] [--pdf-rows 120]
"""

from __future__ import annotations

import argparse
import copy
import csv
import datetime
import io
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from docxtpl import DocxTemplate
from jinja2 import Environment

from supervision_forms.docx.template import make_environment
from supervision_forms.models.paths import flatten

REPO = Path(__file__).resolve().parents[1]
PACK = "portsmouth"
TEMPLATE = REPO / "templates" / PACK / "agreement.docx"
EXAMPLE = json.loads((REPO / "templates" / PACK / "example-agreement.json").read_text(encoding="utf-8"))


def agreement(index: int) -> dict[str, Any]:
    row = copy.deepcopy(EXAMPLE)
    row["supervisee"]["name"] = f"Staff Member {index}"
    row["agreement_date"] = (datetime.date(2026, 1, 5) + datetime.timedelta(days=index % 300)).isoformat()
    return row


def write_roster(path: Path, count: int) -> Path:
    flat = [flatten(agreement(i)) for i in range(count)]
    headers = sorted({key for item in flat for key in item})
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(headers)
        for item in flat:
            writer.writerow(["" if item.get(h) is None else item[h] for h in headers])
    return path


def naive_environment() -> Environment:
    """A plain Jinja environment with the filters the template uses; autoescape on, or
    an '&' in the data would corrupt the document."""
    env = Environment(autoescape=True)
    env.filters.update(make_environment().filters)
    return env


def naive_loop(count: int, out: Path, pdf: bool) -> float:
    """Seconds for the naive loop over `count` agreements."""
    out.mkdir(parents=True)
    env = naive_environment()
    start = time.perf_counter()
    for index in range(count):
        document = DocxTemplate(str(TEMPLATE))
        document.render({**agreement(index), "annex": ""}, jinja_env=env)
        path = out / f"agreement-{index}.docx"
        buffer = io.BytesIO()
        document.save(buffer)
        path.write_bytes(buffer.getvalue())
        if pdf:  # one call per document, with one profile kept between calls
            profile = f"-env:UserInstallation={(out / 'profile').as_uri()}"
            subprocess.run(
                ["soffice", profile, "--headless", "--convert-to", "pdf", "--outdir", str(out), str(path)],
                capture_output=True,
                check=True,
            )
    return time.perf_counter() - start


def batch_run(roster: Path, out: Path, pdf: bool) -> tuple[float, int]:
    """Seconds for `supervision-forms batch --jobs 2` (interpreter start included) and
    the largest peak resident memory among its processes (main and workers) in KB."""
    command = [sys.executable, "-m", "supervision_forms", "batch", str(roster), "-p", PACK, "-o", str(out)]
    command += ["--jobs", "2"] + (["--pdf"] if pdf else [])
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    errors = process.stderr.read().decode() if process.stderr else ""
    if process.stderr:
        process.stderr.close()
    if process.returncode != 0:
        raise SystemExit(f"batch failed ({process.returncode}): {errors}")
    return elapsed, usage.ru_maxrss


def compare(label: str, naive_docs: int, naive_seconds: float, batch_docs: int, batch_seconds: float) -> None:
    naive_rate = naive_docs / naive_seconds
    batch_rate = batch_docs / batch_seconds
    print(
        f"{label:<8} naive docxtpl: {naive_rate:8.1f} docs/s ({naive_docs} docs in {naive_seconds:.2f} s)   "
        f"batch --jobs 2: {batch_rate:8.1f} docs/s ({batch_docs} docs in {batch_seconds:.2f} s)   "
        f"ratio {batch_rate / naive_rate:5.1f}x"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1000, help="roster size for the batch")
    parser.add_argument("--naive", type=int, default=200, help="documents for the naive loop")
    parser.add_argument("--pdf-rows", type=int, default=120, help="roster size for batch --pdf (0: skip)")
    parser.add_argument("--naive-pdf", type=int, default=10, help="documents for the naive loop with PDFs")
    args = parser.parse_args()
    print(f"cpus: {os.cpu_count()}; python {sys.version.split()[0]}; template: {TEMPLATE.relative_to(REPO)}")
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as temp:
        work = Path(temp)
        roster = write_roster(work / "team.csv", args.rows)
        naive_loop(3, work / "warm", pdf=False)  # imports and disk caches, for both sides
        naive_seconds = naive_loop(args.naive, work / "naive", pdf=False)
        batch_seconds, memory = batch_run(roster, work / "batch", pdf=False)
        compare("docx", args.naive, naive_seconds, args.rows, batch_seconds)
        double = write_roster(work / "team-x4.csv", args.rows * 4)
        _, memory_x4 = batch_run(double, work / "batch-x4", pdf=False)
        print(
            f"memory   batch peak (largest process): {memory // 1024} MB for {args.rows} rows, "
            f"{memory_x4 // 1024} MB for {args.rows * 4} rows"
        )
        if args.pdf_rows:
            naive_pdf_seconds = naive_loop(args.naive_pdf, work / "naive-pdf", pdf=True)
            pdf_roster = write_roster(work / "team-pdf.csv", args.pdf_rows)
            pdf_seconds, _ = batch_run(pdf_roster, work / "batch-pdf", pdf=True)
            compare("docx+pdf", args.naive_pdf, naive_pdf_seconds, args.pdf_rows, pdf_seconds)


if __name__ == "__main__":
    main()
