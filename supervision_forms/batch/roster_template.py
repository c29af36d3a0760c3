"""A roster for a manager to fill in: every column the model has, a short hint under each
header, and the pack's example as the first row. Written as .xlsx or .csv."""

from __future__ import annotations

import csv
import datetime
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import RosterError
from ..files import write_atomic
from ..models.paths import Leaf, leaves, title_of
from ..packs import Pack
from .columns import LIST_SEPARATOR
from .rosters import COMMENT

HINT_PREFIX = f"{COMMENT} "  # the hint row is a note: the roster reader skips it
EXAMPLE_DATE = "2026-11-16 or 16/11/2026"
DROPDOWN_ROWS = 5_000


@dataclass(frozen=True)
class TemplateColumn:
    header: str
    hint: str
    example: Any
    choices: tuple[str, ...] = ()


def template_columns(pack: Pack, document: str) -> list[TemplateColumn]:
    """The roster's columns for a pack's document, in the model's order."""
    model = pack.model(document)
    spec = pack.document(document)
    example = _example_as_written(pack, document)
    columns = []
    for leaf in leaves(model):
        label = spec.fields.get(leaf.path.removesuffix("[]"))
        for header in _headers(leaf.path, example):
            parts = [title_of(model, header), _kind_hint(leaf)]
            parts.append(
                f"on the form: ‘{label.label}’" if label else "not on this form: printed in an annex"
            )
            if leaf.special_category:
                parts.append("special-category data")
            hint = "; ".join(p for p in parts if p)
            value = _example(example, header)
            if leaf.kind == "date" and isinstance(value, str) and "[]" not in leaf.path:
                value = datetime.date.fromisoformat(value)
            columns.append(TemplateColumn(header, hint, value, leaf.choices))
    return columns


def _example_as_written(pack: Pack, document: str) -> dict[str, Any]:
    """The pack's example as its JSON file has it (without values the model derives),
    checked against the model first."""
    spec = pack.document(document)
    if spec.example is None:
        return {}
    pack.example(document)  # raises if the example is broken
    raw = json.loads((pack.root / spec.example).read_text(encoding="utf-8"))
    return raw if isinstance(raw, dict) else {}


def _headers(path: str, example: dict[str, Any]) -> list[str]:
    """'meeting_dates[]' -> 'meeting_dates' (the whole list in one cell); a field of a list
    of records -> one column per item of the example (at least one):
    'decisions[].action' -> 'decisions.0.action', 'decisions.1.action'."""
    if path.endswith("[]") and path.count("[]") == 1:
        return [path[:-2]]
    if "[]" not in path:
        return [path]
    head, _, rest = path.partition("[]")
    items = _example(example, head)
    count = max(1, len(items)) if isinstance(items, list) else 1
    return [f"{head}.{index}{rest}".replace("[]", ".0") for index in range(count)]


def _kind_hint(leaf: Leaf) -> str:
    if leaf.path.endswith("[]") and leaf.path.count("[]") == 1:
        return f"several, separated by '{LIST_SEPARATOR}'" + ("; dates" if leaf.kind == "date" else "")
    if leaf.kind == "date":
        return f"a date: {EXAMPLE_DATE}"
    if leaf.kind == "int":
        return "a whole number"
    if leaf.kind == "choice":
        return "one of: " + ", ".join(leaf.choices)
    return ""


def _example(data: Any, header: str) -> Any:
    node = data
    for part in header.split("."):
        if isinstance(node, dict):
            node = node.get(part)
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            return None
    if isinstance(node, list) and not any(isinstance(item, dict) for item in node):
        return f"{LIST_SEPARATOR} ".join(_plain(item) for item in node) or None
    return node


def _plain(value: Any) -> str:
    return value.isoformat() if isinstance(value, datetime.date) else str(value)


def write_roster_template(
    pack: Pack, out: Path, *, document: str = "agreement", overwrite: bool = False
) -> Path:
    """Write a roster template (.xlsx or .csv, by `out`'s suffix) for a pack's document."""
    suffix = out.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise RosterError(f"{out.name}: a roster template is .xlsx or .csv")
    if out.exists() and not overwrite:
        raise RosterError(f"{out.name}: already exists (use --overwrite to replace it)")
    columns = template_columns(pack, document)
    content = _xlsx(columns) if suffix == ".xlsx" else _csv(columns)
    write_atomic(out, content)
    return out


def _csv(columns: list[TemplateColumn]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([c.header for c in columns])
    writer.writerow([HINT_PREFIX + columns[0].hint, *(c.hint for c in columns[1:])])
    writer.writerow(["" if c.example is None else _plain(c.example) for c in columns])
    return buffer.getvalue().encode("utf-8-sig")  # the BOM lets Excel see UTF-8


def _xlsx(columns: list[TemplateColumn]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Roster"
    hint_font = Font(italic=True, color="666666")
    for index, column in enumerate(columns, start=1):
        header = sheet.cell(row=1, column=index, value=column.header)
        header.font = Font(bold=True)
        hint = sheet.cell(row=2, column=index, value=(HINT_PREFIX if index == 1 else "") + column.hint)
        hint.font = hint_font
        hint.alignment = Alignment(wrap_text=True, vertical="top")
        example = sheet.cell(row=3, column=index, value=column.example)
        if isinstance(column.example, datetime.date):
            example.number_format = "yyyy-mm-dd"
        if isinstance(column.example, str):
            example.data_type = "s"  # text stays text, even if it starts with '='
        sheet.column_dimensions[get_column_letter(index)].width = 26
        if column.choices:  # a drop-down list in Excel
            rule = DataValidation(type="list", formula1=f'"{",".join(column.choices)}"', allow_blank=True)
            sheet.add_data_validation(rule)
            letter = get_column_letter(index)
            rule.add(f"{letter}3:{letter}{DROPDOWN_ROWS}")
    sheet.freeze_panes = "A3"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
