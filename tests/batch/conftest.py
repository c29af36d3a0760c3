"""Rosters built in code for the batch tests."""

from __future__ import annotations

import copy
import datetime
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from supervision_forms.models.paths import flatten
from tests.conftest import REPO

EXAMPLE = json.loads(
    (REPO / "templates" / "portsmouth" / "example-agreement.json").read_text(encoding="utf-8")
)
FIRST = ["Tom", "Ann", "Siân", "Zoë", "Mohammed", "Li"]
LAST = ["Wheeler", "Smith", "O'Brien", "Nguyễn", "Jones", "Patel"]

RowMaker = Callable[[int], dict[str, Any]]


def agreement_row(index: int) -> dict[str, Any]:
    """A distinct, valid agreement (JSON shape) for roster row `index`."""
    row = copy.deepcopy(EXAMPLE)
    row["supervisee"]["name"] = f"{FIRST[index % len(FIRST)]} {LAST[index // len(FIRST) % len(LAST)]} {index}"
    row["agreement_date"] = (datetime.date(2026, 1, 5) + datetime.timedelta(days=index % 300)).isoformat()
    row["signatures"]["supervisee"]["name"] = row["supervisee"]["name"]
    return row


@pytest.fixture
def rows() -> RowMaker:
    return agreement_row


def spreadsheet_rows(count: int) -> tuple[list[str], list[list[Any]]]:
    """Headers (model paths) and cells for `count` agreements."""
    flat = [flatten(agreement_row(i)) for i in range(count)]
    headers = sorted({key for item in flat for key in item})
    return headers, [[item.get(h) for h in headers] for item in flat]


def write_xlsx(path: Path, headers: list[str], cells: list[list[Any]]) -> Path:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Roster")
    sheet.append(headers)
    for row in cells:
        sheet.append(row)
    book.save(path)
    return path


def write_jsonl(path: Path, items: list[Any]) -> Path:
    path.write_text("".join(json.dumps(item) + "\n" for item in items), encoding="utf-8")
    return path
