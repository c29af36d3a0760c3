"""Benchmark: what start-up costs, each figure against its baseline measured in the same run.

    .venv/bin/python benchmarks/bench_startup.py [--repeat 9]

1. `supervision-forms --help` against a bare click CLI (a group with one command):
   aim within 2x.
2. `import supervision_forms` against `import pydantic`: aim within 3x.
3. A one-file `parse` from the command line against the same parse from inside Python
   (a warm process: the library imported and the pack loaded), and the command's parts.

Times are CPU time (user + system) of the child processes, the median of `--repeat`
runs, so a busy machine changes them little; wall-clock medians are shown beside them.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BARE_CLICK = """
import click

@click.group()
def cli():
    "A bare click command line."

@cli.command()
@click.argument("name")
def hello(name):
    "Say hello."
    click.echo(name)

cli(["--help"], standalone_mode=False)
"""
AIMS = {"--help": 2.0, "import": 3.0}


def child_cost(command: list[str], repeat: int) -> tuple[float, float]:
    """Median CPU seconds and median wall seconds of running `command` `repeat` times."""
    cpu, wall = [], []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, cwd=ROOT)
        wall.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
    return statistics.median(cpu), statistics.median(wall)


def in_process_parse(path: Path, repeat: int) -> tuple[float, float]:
    """Median CPU and wall seconds of `parse(path)` in this (warm) process."""
    from supervision_forms import parse

    parse(path)  # warm: imports, the pack loaded and its template compiled
    cpu, wall = [], []
    for _ in range(repeat):
        start_cpu, start = time.process_time(), time.perf_counter()
        parse(path)
        cpu.append(time.process_time() - start_cpu)
        wall.append(time.perf_counter() - start)
    return statistics.median(cpu), statistics.median(wall)


def command_line() -> list[str]:
    script = shutil.which("supervision-forms", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "supervision_forms"]


def row(label: str, cost: tuple[float, float], base: tuple[float, float] | None, aim: float | None) -> str:
    ratio = f"{cost[0] / base[0]:6.2f}x" if base else "       "
    target = f"(aim <= {aim:g}x: {'met' if base and cost[0] / base[0] <= aim else 'NOT met'})" if aim else ""
    return f"{label:<46} {cost[0] * 1000:8.1f} ms cpu {cost[1] * 1000:8.1f} ms wall  {ratio} {target}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=9)
    repeat = parser.parse_args().repeat
    cli = command_line()
    python = [sys.executable]

    bare_python = child_cost([*python, "-c", "pass"], repeat)
    bare_click = child_cost([*python, "-c", BARE_CLICK], repeat)
    our_help = child_cost([*cli, "--help"], repeat)
    pydantic = child_cost([*python, "-c", "import pydantic"], repeat)
    ours = child_cost([*python, "-c", "import supervision_forms"], repeat)
    ours_used = child_cost([*python, "-c", "import supervision_forms; supervision_forms.Agreement"], repeat)

    with tempfile.TemporaryDirectory(prefix="sf-bench-") as folder:
        from supervision_forms import installed_packs, render

        document = Path(folder) / "aisha.docx"
        document.write_bytes(render(installed_packs().get("sefton").example("agreement"), pack="sefton"))
        parse_cli = child_cost([*cli, "parse", str(document), "--json"], repeat)
        parse_import = child_cost([*python, "-c", "import supervision_forms.reading"], repeat)
        parse_warm = in_process_parse(document, repeat)

    print(f"start-up, median of {repeat} runs ({os.cpu_count()} CPUs; CPU time, wall time beside it)")
    print(row("python -c pass", bare_python, None, None))
    print(row("bare click CLI --help", bare_click, None, None))
    print(row("supervision-forms --help  vs bare click", our_help, bare_click, AIMS["--help"]))
    print(row("import pydantic", pydantic, None, None))
    print(row("import supervision_forms  vs import pydantic", ours, pydantic, AIMS["import"]))
    print(row("... and use a model (imports pydantic)", ours_used, pydantic, None))
    print(row("parse one .docx inside Python (warm)", parse_warm, None, None))
    print(row("import supervision_forms.reading", parse_import, None, None))
    print(row("supervision-forms parse FILE --json  vs warm", parse_cli, parse_warm, None))
    print(f"{'  start-up paid by the command':<46} {(parse_cli[0] - parse_warm[0]) * 1000:8.1f} ms cpu")
    return 0


if __name__ == "__main__":
    sys.exit(main())
