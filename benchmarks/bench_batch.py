"""Batch generation, measured against its baselines in the same run; every figure is a ratio
or sits beside its baseline.

Baselines (in this process, CPU time per document, in `--repeat` interleaved rounds; each
ratio is the median of the rounds' own ratios, with its range):
- naive: what a script would do: for each person, load the template with docxtpl,
  render, save;
- render floor: a minimal Jinja render of the template's document.xml plus a zip write;
- write+fsync floor: writing pre-rendered bytes to a new file and fsyncing it.

Measured: our renderer in this process (render, hash, write without a sync) per
document; `supervision-forms batch` end to end as a user runs it (interpreter start-up,
imports, roster reading, syncing and the manifest included) with --jobs 1, 2 and 4 at 40
and 1,000 rows (10,000 with --big); growth at 1k/10k rows (and 50k with --big) with
distinct names and with all rows under one name; `--pdf` against one `soffice
--convert-to pdf` call over the same documents; and --jobs 1 against --jobs 2 in
interleaved rounds, on a roster as HR writes one (its own header casing, columns we do
not know, two people with the same name, a bad row), with the batch's own CPU time
beside its workers'. Wall time on a shared machine is noisy:
CPU time (the batch and its workers) is printed beside it, and the growth ratios use it.
Memory is the batch process's own peak (VmHWM, read from /proc while it runs: ru_maxrss
would include the memory of this benchmark, inherited through fork).

    .venv/bin/python benchmarks/bench_batch.py                 # every pack: about 10 min each, loaded
    .venv/bin/python benchmarks/bench_batch.py --big           # adds 10k x jobs and 50k growth
    .venv/bin/python benchmarks/bench_batch.py --packs portsmouth,sefton --pdf-rows 0
    .venv/bin/python benchmarks/bench_batch.py --sizes '' --growth 0 --pdf-rows 0 --rounds 5
"""

from __future__ import annotations

import argparse
import copy
import csv
import datetime
import io
import itertools
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docxtpl import DocxTemplate
from jinja2 import Environment

from supervision_forms.batch.worker import Renderer, RenderJob
from supervision_forms.docx.fastzip import CHANGING_LEVEL
from supervision_forms.docx.template import make_environment
from supervision_forms.models.paths import flatten
from supervision_forms.office import PDF_A3
from supervision_forms.registry import installed_packs

REPO = Path(__file__).resolve().parents[1]


# --- rows -------------------------------------------------------------------------------


def example(pack: str) -> dict[str, Any]:
    chosen = installed_packs().get(pack)
    data: dict[str, Any] = chosen.example("agreement").model_dump(mode="json", exclude_none=True)
    return data


def agreement(base: dict[str, Any], index: int, one_name: bool = False) -> dict[str, Any]:
    row = copy.deepcopy(base)
    if not one_name:
        row["supervisee"]["name"] = f"Staff Member {index}"
        day = datetime.date(2026, 1, 5) + datetime.timedelta(days=index % 300)
        row["agreement_date"] = day.isoformat()
    return row


def write_roster(path: Path, base: dict[str, Any], count: int, one_name: bool = False) -> Path:
    headers = sorted(flatten(base))
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(headers)
        for index in range(count):
            item = flatten(agreement(base, index, one_name))
            writer.writerow(["" if item.get(h) is None else item[h] for h in headers])
    return path


HR_HEADERS = {  # as HR writes them; the other columns are headed with their model paths
    "supervisee.name": "SUPERVISEE NAME",
    "supervisee.role": "Job Title",
    "supervisee.team": "team",
    "supervisor.name": "Supervisor",
    "agreement_date": "Start Date",
    "review_date": "Review date",
    "duration_minutes": "Duration (minutes)",
}
HR_EXTRA = ("Cost Centre", "Notes")  # columns the batch does not know: ignored, with a warning


def write_hr_roster(path: Path, base: dict[str, Any], count: int) -> Path:
    """A roster as HR writes one: its own headers, two columns we do not know, British
    dates, every 25th person with the same name as the one before (another team), and
    every 100th row with a date that does not exist (a row that fails)."""
    paths = sorted(flatten(base))
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([*(HR_HEADERS.get(p, p) for p in paths), *HR_EXTRA])
        for index in range(count):
            row = agreement(base, index if index % 25 else index - 1)
            if index % 25 == 0 and index:
                row["supervisee"]["team"] = f"{row['supervisee'].get('team', '')} (North)"
            item = flatten(row)
            for key, value in item.items():
                if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
                    item[key] = f"{value[8:]}/{value[5:7]}/{value[:4]}"
            if index % 100 == 99:
                item["review_date"] = "31/02/2027"
            writer.writerow(["" if item.get(p) is None else item[p] for p in paths] + ["CC-1", "ok"])
    return path


# --- baselines, in this process ----------------------------------------------------------


def best(repeat: int, run: Callable[[], float]) -> float:
    return min(run() for _ in range(repeat))


def interleaved(kinds: dict[str, Callable[[], float]], rounds: int) -> dict[str, list[float]]:
    """Each kind measured once a round, in an order turned every round (and reversed every
    other), so that a burst of load hits all kinds alike; a list of results per kind."""
    seen: dict[str, list[float]] = {kind: [] for kind in kinds}
    names = list(kinds)
    for round_ in range(rounds):
        turn = names[round_ % len(names) :] + names[: round_ % len(names)]
        for name in turn if round_ % 2 == 0 else turn[::-1]:
            seen[name].append(kinds[name]())
    return seen


def paired(seen: dict[str, list[float]], top: str, bottom: str) -> str:
    """The median of the rounds' own ratios top / bottom, and their range."""
    ratios = sorted(a / b for a, b in zip(seen[top], seen[bottom], strict=True))
    return f"{statistics.median(ratios):7.2f}x [{ratios[0]:.2f}-{ratios[-1]:.2f}]"


WALL: dict[str, float] = {}  # wall seconds per document of the last in-process measurement, by name


def cpu_per_doc(count: int, one: Callable[[int], None], name: str = "") -> float:
    """CPU seconds per document (and its wall time kept in WALL, the lowest seen)."""
    start, clock = time.process_time(), time.perf_counter()
    for index in range(count):
        one(index)
    wall = (time.perf_counter() - clock) / count
    WALL[name] = min(WALL.get(name, wall), wall)
    return (time.process_time() - start) / count


def naive_environment() -> Environment:
    """Plain Jinja with the filters the template uses; autoescape on, or an '&' in the
    data would corrupt the document."""
    env = Environment(autoescape=True)
    env.filters.update(make_environment().filters)
    return env


def naive(template: Path, base: dict[str, Any], out: Path, count: int) -> float:
    env = naive_environment()

    def one(index: int) -> None:
        document = DocxTemplate(str(template))
        document.render({**agreement(base, index), "annex": ""}, jinja_env=env)
        buffer = io.BytesIO()
        document.save(buffer)
        (out / f"naive-{index}.docx").write_bytes(buffer.getvalue())

    return cpu_per_doc(count, one, "naive")


def render_floor(
    template: Path, base: dict[str, Any], out: Path, count: int, level: int = 6, made: int = 0
) -> float:
    """A lower bound of the work: a minimal Jinja render of document.xml (compiled once),
    deflated at `level`, and written after the template's bytes (the other parts, already
    compressed, copied as they are; a real zip needs little more than its headers)."""
    source = DocxTemplate(str(template))
    source.init_docx()
    compiled = naive_environment().from_string(source.patch_xml(source.get_xml()))
    rest = template.read_bytes()
    rows = [agreement(base, index) for index in range(max(count, made))]  # made: rows set up (counting)

    def one(index: int) -> None:
        xml = compiled.render({**rows[index], "annex": ""}).encode("utf-8")
        packer = zlib.compressobj(level, zlib.DEFLATED, -15)
        (out / f"floor-{index}.docx").write_bytes(rest + packer.compress(xml) + packer.flush())

    return cpu_per_doc(count, one)


def write_floor(content: bytes, out: Path, count: int) -> float:
    """Wall time per file (an fsync waits for the disk, not the CPU)."""
    start = time.perf_counter()
    for index in range(count):
        with open(out / f"sync-{index}.docx", "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
    return (time.perf_counter() - start) / count


def ours(pack: str, base: dict[str, Any], out: Path, count: int, made: int = 0) -> tuple[float, bytes]:
    """Our renderer as a worker runs it: render, hash, write (synced later, in groups)."""
    chosen = installed_packs().get(pack)
    model = chosen.model("agreement")
    renderer = Renderer(chosen, "agreement")
    models = [model.model_validate(agreement(base, index)) for index in range(max(count, made))]

    def one(index: int) -> None:
        [done] = renderer.run([RenderJob(index, models[index], out / f"ours-{index}.docx", "create")])
        assert done.error is None, done.error

    return cpu_per_doc(count, one), (out / "ours-0.docx").read_bytes()


# --- the batch, end to end, as a separate process ---------------------------------------


@dataclass(frozen=True)
class Run:
    wall: float
    cpu: float  # the batch and its workers
    peak_kb: int  # the batch process's own VmHWM
    own_cpu: float = 0.0  # the batch process alone (as last seen while it ran: a little under)

    def rate(self, rows: int) -> float:
        return rows / self.wall


def batch(roster: Path, pack: str, out: Path, jobs: int | None, pdf: bool = False, ok: int = 0) -> Run:
    command = [sys.executable, "-m", "supervision_forms", "batch", str(roster), "-p", pack, "-o", str(out)]
    command += ([] if jobs is None else ["--jobs", str(jobs)]) + (["--pdf"] if pdf else [])
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak, own = 0, 0.0
    while True:
        peak = max(peak, _vm_hwm(process.pid))
        own = max(own, _own_cpu(process.pid))
        ended, status, usage = os.wait4(process.pid, os.WNOHANG)
        if ended:
            break
        time.sleep(0.01)
    elapsed = time.perf_counter() - start
    errors = process.stderr.read().decode() if process.stderr else ""
    if process.stderr:
        process.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code != ok:
        raise SystemExit(f"batch failed ({code}): {errors[-2000:]}")
    return Run(elapsed, usage.ru_utime + usage.ru_stime, peak, own)


def _own_cpu(pid: int) -> float:
    """CPU seconds of the process itself (not its children), from /proc."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


def _vm_hwm(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def soffice_once(files: list[Path], out: Path, pdf_a: bool) -> Run:
    """One `soffice --convert-to pdf` call over all the files, with a fresh profile; with
    `pdf_a`, the PDF/A-3 export the batch makes (plain PDF export is quicker)."""
    profile = f"-env:UserInstallation={(out / 'profile').as_uri()}"
    target = f"pdf:{PDF_A3}" if pdf_a else "pdf"
    command = ["soffice", profile, "--headless", "--convert-to", target, "--outdir", str(out)]
    start, cpu = time.perf_counter(), _children_cpu()
    subprocess.run([*command, *map(str, files)], capture_output=True, check=True)
    return Run(time.perf_counter() - start, _children_cpu() - cpu, 0)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


# --- report ------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--packs", default="", help="comma-separated packs (default: every installed one)")
    parser.add_argument(
        "--docs", type=int, default=200, help="documents per in-process measurement (naive: a fifth)"
    )
    parser.add_argument(
        "--repeat", type=int, default=7, help="interleaved rounds of the in-process measurements"
    )
    parser.add_argument("--sizes", default="40,1000", help="batch sizes for the --jobs table")
    parser.add_argument("--jobs", default="1,2,4", help="--jobs values for the table")
    parser.add_argument(
        "--batch-repeat", type=int, default=2, help="batch runs per cell: the fastest is shown"
    )
    parser.add_argument("--growth", default="1000,10000", help="sizes for the growth ratios (0: skip)")
    parser.add_argument(
        "--big", action="store_true", help="add 10,000 rows to the table and 50,000 to growth"
    )
    parser.add_argument(
        "--pdf-rows", type=int, default=40, help="rows for --pdf against one soffice call (0: skip)"
    )
    parser.add_argument(
        "--compare", default="5,400,1000", help="HR roster sizes for --jobs 1 against --jobs 2 ('': skip)"
    )
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds of --jobs 1 and 2")
    args = parser.parse_args()
    sizes = [int(n) for n in args.sizes.split(",") if n] + ([10_000] if args.big else [])
    growth = [int(n) for n in args.growth.split(",") if n and int(n) > 0] + ([50_000] if args.big else [])
    jobs = [int(n) for n in args.jobs.split(",")]
    print(f"cpus: {os.cpu_count()}; load average {os.getloadavg()[0]:.1f}; python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as temp:
        work = Path(temp)
        for pack in args.packs.split(",") if args.packs else [p.name for p in installed_packs()]:
            _pack(pack, work / pack, args, sizes, jobs, growth)


def _pack(
    pack: str, work: Path, args: argparse.Namespace, sizes: list[int], jobs: list[int], growth: list[int]
) -> None:
    chosen = installed_packs().get(pack)
    template = Path(str(chosen.root / chosen.document("agreement").template))
    base = example(pack)
    print(f"\n== pack {pack}: {template.relative_to(REPO) if template.is_relative_to(REPO) else template}")

    def fresh(name: str) -> Path:
        folder = work / name
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        return folder

    n = args.docs
    naive(template, base, fresh("warm"), 3)
    content = ours(pack, base, fresh("ours"), 3)[1]  # warm too
    seen = interleaved(
        {
            "naive": lambda: naive(template, base, fresh("naive"), max(10, n // 5)),  # 50x slower
            "floor": lambda: render_floor(template, base, fresh("floor"), n),
            "floor3": lambda: render_floor(template, base, fresh("floor"), n, CHANGING_LEVEL),
            "ours": lambda: ours(pack, base, fresh("ours"), n)[0],
        },
        args.repeat,
    )
    t_sync = best(args.repeat, lambda: write_floor(content, fresh("sync"), n))
    mid = {kind: statistics.median(times) for kind, times in seen.items()}
    print(
        f"per document, one core: CPU ms, median of {args.repeat} interleaved rounds (write+fsync: wall, "
        "best); each ratio is the median of the rounds' own ratios [lowest-highest]:"
    )
    print(f"  naive docxtpl loop      {mid['naive'] * 1e3:7.2f} ms")
    print(f"  minimal render floor    {mid['floor'] * 1e3:7.2f} ms   (document.xml deflated at level 6)")
    print(f"    the same at our level {mid['floor3'] * 1e3:7.2f} ms   (level {CHANGING_LEVEL}, as ours)")
    print(f"  write+fsync floor       {t_sync * 1e3:7.2f} ms")
    print(f"  ours (render+hash+write){mid['ours'] * 1e3:7.2f} ms")
    print(f"  ours / render floor     {paired(seen, 'ours', 'floor')}   (aim <= 1.5x)")
    print(f"  ours / floor, our level {paired(seen, 'ours', 'floor3')}   (the same deflate on both sides)")
    print(f"  naive / ours            {paired(seen, 'naive', 'ours')}   (aim >= 15x)")
    print(f"  ours / write+fsync floor{mid['ours'] / t_sync:7.2f}x")
    print(
        "  (to tell 10% apart on a busy machine, count instructions: benchmarks/count_render.py "
        "under valgrind --tool=callgrind)"
    )

    if sizes:
        print(
            f"batch end to end (start-up included; fastest of {args.batch_repeat} interleaved runs), "
            f"docs/s; vs naive: against the naive loop's wall time, {1 / WALL['naive']:.1f} docs/s "
            "in this run:"
        )
        print(
            f"  {'rows':>6} {'jobs':>4} {'wall s':>8} {'CPU s':>7} {'docs/s':>8} {'vs naive':>9} "
            f"{'vs jobs 1':>9} {'peak MB':>8}"
        )
    for rows in sizes:
        roster = write_roster(work / f"team-{rows}.csv", base, rows)
        best_runs: dict[int | None, Run] = {}
        for _ in range(args.batch_repeat):  # interleaved, so that a burst of load hits all alike
            for count in [*jobs, None]:
                run = batch(roster, pack, fresh(f"batch-{rows}-{count}"), count)
                kept = best_runs.get(count)
                best_runs[count] = run if kept is None or run.wall < kept.wall else kept
        first = best_runs[jobs[0]]
        for count, run in best_runs.items():
            label = "auto" if count is None else str(count)
            print(
                f"  {rows:>6} {label:>4} {run.wall:8.2f} {run.cpu:7.2f} {run.rate(rows):8.1f} "
                f"{run.rate(rows) * WALL['naive']:8.1f}x {first.wall / run.wall:8.2f}x "
                f"{run.peak_kb / 1024:8.0f}"
            )

    start_up = 0.0
    if growth:
        one_row = write_roster(work / "grow-1.csv", base, 1)
        start_up = min(batch(one_row, pack, fresh("grow-1"), 1).cpu for _ in range(3))
        print(
            "growth (CPU seconds per 1,000 rows, --jobs 1, the start-up of a one-row batch, "
            f"{start_up:.2f} s, taken off; a linear batch keeps this flat):"
        )
    for one_name in (False, True) if growth else ():
        runs: list[tuple[int, Run]] = []
        for rows in growth:
            roster = write_roster(work / f"grow-{rows}-{one_name}.csv", base, rows, one_name)
            runs.append((rows, batch(roster, pack, fresh(f"grow-{rows}-{one_name}"), 1)))
        per = [(run.cpu - start_up) / rows * 1000 for rows, run in runs]
        shape = "all one name  " if one_name else "distinct names"
        cells = "  ".join(
            f"{rows:>6}: {p:6.2f} s ({run.peak_kb / 1024:.0f} MB)"
            for (rows, run), p in zip(runs, per, strict=True)
        )
        ratios = "  ".join(f"{b / a:.2f}x" for a, b in itertools.pairwise(per))
        print(f"  {shape} {cells}   growth of per-row cost: {ratios}")

    compare = [int(n) for n in args.compare.split(",") if n]
    if compare:
        print(
            f"--jobs 1 against --jobs 2, HR roster (1 row in 100 fails), {args.rounds} interleaved rounds "
            "(the order swapped each round); CPU: the batch with its workers, and the batch's own process:"
        )
        print(
            f"  {'rows':>6} {'jobs':>4} {'wall s':>7} {'median':>7} {'CPU s':>6} {'own CPU':>7} "
            f"{'wall 1/2 per round':>20}"
        )
    for rows in compare:
        roster = write_hr_roster(work / f"hr-{rows}.csv", base, rows)
        failing = 1 if rows >= 100 else 0  # a row failed: exit code 1
        runs: dict[int, list[Run]] = {1: [], 2: []}
        for round_ in range(args.rounds):
            for count in (1, 2) if round_ % 2 == 0 else (2, 1):
                runs[count].append(batch(roster, pack, fresh(f"hr-{rows}-{count}"), count, ok=failing))
        ratios = [one.wall / two.wall for one, two in zip(runs[1], runs[2], strict=True)]
        for count, kept in runs.items():
            walls = sorted(run.wall for run in kept)
            shown = " ".join(f"{r:.2f}" for r in ratios) if count == 2 else ""
            print(
                f"  {rows:>6} {count:>4} {walls[0]:7.2f} {walls[len(walls) // 2]:7.2f} "
                f"{min(r.cpu for r in kept):6.2f} {min(r.own_cpu for r in kept):7.2f} {shown:>20}"
            )

    if args.pdf_rows and shutil.which("soffice"):
        roster = write_roster(work / "team-pdf.csv", base, args.pdf_rows)
        out = fresh("batch-pdf")
        run = batch(roster, pack, out, 2, pdf=True)
        docs = sorted(out.glob("*.docx"))
        plain = soffice_once(docs, fresh("soffice-plain"), pdf_a=False)
        same = soffice_once(docs, fresh("soffice-pdfa"), pdf_a=True)
        print(
            f"--pdf, {args.pdf_rows} rows: batch --jobs 2 --pdf {run.wall:.1f} s, CPU {run.cpu:.1f} s "
            "(docx and PDF/A-3 with the data carried, start-up included); one soffice call over the "
            f"same .docx files: PDF/A-3 {same.wall:.1f} s, CPU {same.cpu:.1f} s "
            f"(ratio {same.wall / run.wall:.2f}x; CPU {same.cpu / run.cpu:.2f}x), "
            f"plain PDF {plain.wall:.1f} s (ratio {plain.wall / run.wall:.2f}x)"
        )


if __name__ == "__main__":
    main()
