"""Library calls from many threads change nothing process-wide: warnings filters, locale,
environment, working directory, signal handlers, limits."""

from __future__ import annotations

import csv
import datetime
import locale
import os
import re
import signal
import sys
import tempfile
import warnings
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import numpy  # noqa: F401  (see below)
import openpyxl  # noqa: F401

from supervision_forms import parse
from supervision_forms.batch import Roster, generate
from supervision_forms.models import Agreement
from tests.batch.xlsx_kit import Formula, SheetSpec, write_workbook
from tests.conftest import REPO
from tests.faults.kit import rows

PACKAGE = REPO / "supervision_forms"
# What changes state for the whole process; a child process may set its own signals.
FORBIDDEN = re.compile(
    r"catch_warnings|simplefilter|filterwarnings\(|setlocale\(|os\.chdir|os\.environ\[[^\]]+\]\s*=|"
    r"os\.putenv|os\.environ\.(update|setdefault|pop)|tempfile\.tempdir\s*=|field_size_limit\(\d|"
    r"setrecursionlimit|signal\.signal\("
)
# A worker sets up its own process; the command line owns the process it runs in.
OWN_PROCESS = ("batch/worker.py", "cli/")


# numpy adds its own warnings filters when it is first imported (openpyxl imports it), once
# per process; imported here first, so that the test measures what our calls change.


def state() -> dict[str, Any]:
    return {
        "warnings": list(warnings.filters),
        "locale": locale.setlocale(locale.LC_ALL),
        "environment": dict(os.environ),
        "cwd": os.getcwd(),
        "signals": {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGCHLD)},
        "recursion": sys.getrecursionlimit(),
        "tempdir": tempfile.tempdir,
        "csv": csv.field_size_limit(),
    }


def it_changes_nothing_process_wide_when_called_from_threads(tmp_path: Path) -> None:
    book = write_workbook(
        tmp_path / "team.xlsx",
        [
            SheetSpec(
                "Team",
                [
                    ["Staff member", "Start date", "Supervisor"],
                    [Formula('PROPER("ann smith")', "Ann Smith"), datetime.date(2026, 11, 16), "Priya"],
                ],
            )
        ],
    )
    first = generate(rows(2), pack="portsmouth", out=tmp_path / "seed")
    document = tmp_path / "seed" / (first.rows[0].file or "")
    before = state()

    def work(index: int) -> None:
        with Roster(book, Agreement) as roster:
            found = list(roster)
        generate(found, pack="surrey", out=tmp_path / f"out{index}")
        parse(document)

    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(work, range(8)))
    generate(rows(60), pack="portsmouth", out=tmp_path / "pool", jobs=2)  # enough rows for a pool

    assert state() == before


def it_has_no_call_that_changes_process_wide_state_in_the_library() -> None:
    offending = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(PACKAGE).as_posix()
        if name.startswith(OWN_PROCESS):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            code = line.split("#", 1)[0]
            if FORBIDDEN.search(code):
                offending.append(f"{name}:{number}: {line.strip()}")
    assert offending == []
