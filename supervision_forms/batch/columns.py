"""Roster columns: which model field a header names, and how a cell becomes that field's value.

Headers are model paths: `supervisee.name`, `frequency.description`, `meeting_dates`
(a list, its dates separated by `;`), or one list item such as `meeting_dates.0`.
Cells are read as what they say, never evaluated: a spreadsheet formula is just text.
A cell that cannot be converted is passed on as written, so the model names the field
and the reason; nothing here raises for a bad cell.
"""

from __future__ import annotations

import datetime
import difflib
import re
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from ..errors import RosterError
from ..models.paths import Leaf, generic, leaf_map

LIST_SEPARATOR = ";"
MAX_COLUMNS = 1_000
MAX_HEADER_SHOWN = 40
_DAY_FIRST = re.compile(r"^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})$")
_MIDNIGHT = re.compile(r"^(\d{4}-\d{2}-\d{2})[ T]00:00(?::00(?:\.0+)?)?$")
_INDEX = re.compile(r"^\d+$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Column:
    """One roster column: the concrete model path it fills and that field's facts."""

    position: int  # 0-based
    path: str  # concrete: "supervisee.name", "meeting_dates", "meeting_dates.2"
    leaf: Leaf
    whole_list: bool  # the cell holds every item of a list, separated by ';'

    def value(self, cell: Any) -> Any:
        """The field's value for a cell, or None for an empty cell."""
        if self.whole_list:
            return _list_value(cell, self.leaf)
        return scalar_value(cell, self.leaf)


def read_header(cells: list[Any], model: type[BaseModel], label: str) -> list[Column]:
    """Check a header row and map each named column to a model path. Blank headers are
    allowed only over empty columns (checked row by row)."""
    if len(cells) > MAX_COLUMNS:
        raise RosterError(f"{label}: more than {MAX_COLUMNS} columns")
    known = leaf_map(model)
    columns: list[Column] = []
    seen: dict[str, int] = {}
    for position, cell in enumerate(cells):
        header = "" if cell is None else str(cell).strip()
        if not header:
            continue
        column = _column(position, header, known, label)
        clash = next((p for p in seen if _overlaps(p, column.path)), None)
        if clash is not None:
            raise RosterError(
                f"{label}: columns {seen[clash] + 1} and {position + 1} both give '{_shown(column.path)}'"
            )
        seen[column.path] = position
        columns.append(column)
    if not columns:
        raise RosterError(
            f"{label}: the first row must hold column headers (model paths such as supervisee.name)"
        )
    return columns


def _column(position: int, header: str, known: dict[str, Leaf], label: str) -> Column:
    path = header.lower()
    parts = path.split(".")
    if all(re.fullmatch(r"[a-z_][a-z0-9_]*|\d+", part) for part in parts) and not _INDEX.match(parts[0]):
        shape = generic(path)  # "meeting_dates.0" -> "meeting_dates[]"
        if shape in known:  # one field, or one item of a list
            return Column(position, path, known[shape], whole_list=False)
        if f"{shape}[]" in known and "[]" not in shape:  # the whole list: meeting_dates
            return Column(position, path, known[f"{shape}[]"], whole_list=True)
    hint = difflib.get_close_matches(path, [p.replace("[]", "") for p in known], n=1)
    suggestion = f" (did you mean '{hint[0]}'?)" if hint else ""
    raise RosterError(
        f"{label}: column {position + 1} '{_shown(header)}' is not a field of the model{suggestion}"
    )


def _overlaps(a: str, b: str) -> bool:
    return a == b or a.startswith(f"{b}.") or b.startswith(f"{a}.")


def _shown(text: str) -> str:
    return text if len(text) <= MAX_HEADER_SHOWN else text[: MAX_HEADER_SHOWN - 1] + "…"


def is_empty(cell: Any) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def scalar_value(cell: Any, leaf: Leaf) -> Any:
    """A cell as the value of one field of the given kind (None when empty)."""
    if is_empty(cell):
        return None
    if leaf.kind == "date":
        return _date_value(cell)
    if leaf.kind == "int":
        return _int_value(cell)
    text = _text(cell)
    if leaf.kind == "choice":
        return next((choice for choice in leaf.choices if choice.casefold() == text.casefold()), text)
    return text


def _list_value(cell: Any, leaf: Leaf) -> list[Any] | None:
    if is_empty(cell):
        return None
    if not isinstance(cell, str):
        return [scalar_value(cell, leaf)]
    items = [scalar_value(item, leaf) for item in cell.split(LIST_SEPARATOR)]
    return [item for item in items if item is not None]


def _text(cell: Any) -> str:
    if isinstance(cell, str):
        return cell
    if isinstance(cell, datetime.datetime):
        return cell.date().isoformat() if cell.time() == datetime.time() else cell.isoformat(" ")
    if isinstance(cell, datetime.date):
        return cell.isoformat()
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell)


def _date_value(cell: Any) -> Any:
    """A date from a spreadsheet date, an ISO date, or a British DD/MM/YYYY date.
    Anything else goes on as text, for the model to report."""
    if isinstance(cell, datetime.datetime):
        return cell.date() if cell.time() == datetime.time() else cell.isoformat(" ")
    if isinstance(cell, datetime.date):
        return cell
    text = _text(cell).strip()
    midnight = _MIDNIGHT.match(text)
    if midnight:
        text = midnight.group(1)
    if _ISO_DATE.match(text):
        try:
            return datetime.date.fromisoformat(text)
        except ValueError:
            return text
    day_first = _DAY_FIRST.match(text)
    if day_first:
        day, _, month, year = day_first.groups()
        try:
            return datetime.date(int(year), int(month), int(day))
        except ValueError:
            return text
    return text


def _int_value(cell: Any) -> Any:
    if isinstance(cell, bool):
        return _text(cell)
    if isinstance(cell, float) and cell.is_integer():
        return int(cell)
    if isinstance(cell, (int, float)):
        return cell
    return _text(cell).strip()
