"""Roster cells as field values: British dates, Excel dates, durations as people write
them, career stages in their own words. A cell that cannot be read raises `BadCell` with
a reason in plain English; the reason quotes the cell only when it is shaped like the
value wanted (a date such as 31/02/2027), never free text, which may be personal.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Any

from ..models.paths import Leaf, in_minutes
from ..text.career import read_career_stage
from ..text.dates import date_shaped, read_whole_date
from ..text.durations import read_duration_minutes
from .cells import CellError, NoCachedValue, is_empty
from .headers import IDENTITY_PATH, shown

LIST_SEPARATOR = ";"
_TIME_OF_DAY = re.compile(r"[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$")
_WHOLE_NUMBER = re.compile(r"(\d{1,9})(?:\.0+)?(?:\s+[^\W\d]+)*")
_DURATION_SHAPED = re.compile(r"[\d\s.,:½¼¾hrsminute]+", re.IGNORECASE)


class BadCell(Exception):
    """A cell that cannot be the field's value; `reason` is safe to show."""

    def __init__(self, reason: str, names_cell: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.names_cell = names_cell  # the reason reads after the cell's name: "cell A7 ..."


@dataclass(frozen=True)
class Column:
    """One roster column: where it is, its header as written, and the field it fills."""

    position: int  # 0-based
    header: str  # as written, for messages
    path: str  # concrete: "supervisee.name", "meeting_dates", "meeting_dates.2"
    leaf: Leaf | None  # None: the employee ID, which the model has no field for
    whole_list: bool  # the cell holds every item of a list, separated by ';'

    @property
    def identity(self) -> bool:
        return self.path == IDENTITY_PATH

    def value(self, cell: Any) -> Any:
        """The field's value for a cell, or None for an empty cell; raises BadCell."""
        _check_cell(cell)
        if is_empty(cell):
            return None
        if self.leaf is None:
            return text_value(cell).strip()
        if self.whole_list:
            return _list_value(cell, self.leaf)
        return scalar_value(cell, self.leaf)


def _check_cell(cell: Any) -> None:
    if isinstance(cell, CellError):
        raise BadCell(f"shows the Excel error {cell.code}", names_cell=True)
    if isinstance(cell, NoCachedValue):
        raise BadCell(
            "holds a formula with no saved result; open the workbook in Excel and save it", names_cell=True
        )


def scalar_value(cell: Any, leaf: Leaf) -> Any:
    """A cell as the value of one field of the given kind (None when empty)."""
    _check_cell(cell)
    if is_empty(cell):
        return None
    if leaf.kind == "date":
        return date_value(cell)
    if leaf.kind == "int":
        return minutes_value(cell) if in_minutes(leaf.path) else whole_number(cell)
    text = text_value(cell).strip() if leaf.kind == "choice" else text_value(cell)
    if leaf.kind == "choice":
        return choice_value(text, leaf)
    return text


def _list_value(cell: Any, leaf: Leaf) -> list[Any] | None:
    if not isinstance(cell, str):
        return [scalar_value(cell, leaf)]
    items = [scalar_value(item, leaf) for item in cell.split(LIST_SEPARATOR)]
    return [item for item in items if item is not None] or None


def text_value(cell: Any) -> str:
    """A cell's text as the spreadsheet shows it."""
    if isinstance(cell, str):
        return cell
    if isinstance(cell, bool):
        return "TRUE" if cell else "FALSE"
    if isinstance(cell, datetime.datetime):
        return cell.date().isoformat() if cell.time() == datetime.time() else cell.isoformat(" ", "minutes")
    if isinstance(cell, (datetime.date, datetime.time)):
        return cell.isoformat()
    if isinstance(cell, datetime.timedelta):
        minutes = round(cell.total_seconds() / 60)
        return f"{minutes // 60}:{minutes % 60:02d}"
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell)


def date_value(cell: Any) -> datetime.date:
    """A date from an Excel date, or from text in any British style ('14th March 2026',
    '14/03/2026', '2026-03-14'); a time of day after it is dropped."""
    if isinstance(cell, datetime.datetime):
        return cell.date()
    if isinstance(cell, datetime.date):
        return cell
    if isinstance(cell, (datetime.time, datetime.timedelta)):
        raise BadCell("is a time, not a date")
    if isinstance(cell, bool):
        raise BadCell("is TRUE or FALSE, not a date")
    if isinstance(cell, (int, float)):
        raise BadCell(f"{text_value(cell)} is a number, not a date (format the column as dates)")
    text = str(cell).strip()
    reading = read_whole_date(_TIME_OF_DAY.sub("", text))
    if reading is not None:
        return reading.value
    if date_shaped(text):
        raise BadCell(f"{shown(text)} is not a real date")
    raise BadCell("is not a date we can read (write it as 16/11/2026)")


def minutes_value(cell: Any) -> int:
    """Minutes from '90', '90 mins', '1.5 hours', '1h30', or an Excel time of 1:30."""
    if isinstance(cell, bool):
        raise BadCell("is TRUE or FALSE, not a length of time")
    if isinstance(cell, datetime.time):
        return cell.hour * 60 + cell.minute
    if isinstance(cell, datetime.timedelta):
        return round(cell.total_seconds() / 60)
    if isinstance(cell, (int, float)):
        if float(cell).is_integer():
            return int(cell)
        raise BadCell(f"{text_value(cell)} is not a whole number of minutes (write 1.5 hours, or 90)")
    if isinstance(cell, (datetime.date, datetime.datetime)):
        raise BadCell("is a date, not a length of time")
    text = str(cell).strip()
    minutes = read_duration_minutes(text.lower())
    if minutes is None:
        shaped = _DURATION_SHAPED.fullmatch(text) and any(c.isdigit() for c in text)
        shape = f"{shown(text)} " if shaped else ""
        raise BadCell(f"{shape}is not a length of time we can read (write it as 90 mins or 1.5 hours)")
    return minutes


def whole_number(cell: Any) -> int:
    """A whole number: 5, 5.0, '5', '5 working days'."""
    if isinstance(cell, bool) or not isinstance(cell, (int, float, str)):
        raise BadCell("is not a whole number")
    if isinstance(cell, (int, float)):
        if float(cell).is_integer():
            return int(cell)
        raise BadCell(f"{text_value(cell)} is not a whole number")
    match = _WHOLE_NUMBER.fullmatch(cell.strip())
    if match is None:
        raise BadCell("is not a whole number")
    return int(match.group(1))


def choice_value(text: str, leaf: Leaf) -> str:
    """One of the field's choices, named as stored ('nqsw'), as printed ('Child in need'),
    or in people's words for a career stage ('ASYE'). Other text goes on as written, for
    the model to accept (a cancellation 'by' a person's name) or refuse."""
    folded = " ".join(text.casefold().replace("_", " ").split())
    for choice, label in leaf.choice_labels().items():
        if folded in (choice.casefold().replace("_", " "), " ".join(label.casefold().split())):
            return choice
    if leaf.path.endswith("career_stage"):
        stage = read_career_stage(text)
        if stage is not None and stage in leaf.choices:
            return stage
    return text
