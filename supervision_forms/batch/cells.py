"""What a roster cell can hold besides text, numbers and dates, and how cells are named."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

EXCEL_ERRORS = frozenset(
    {
        "#NULL!",
        "#DIV/0!",
        "#VALUE!",
        "#REF!",
        "#NAME?",
        "#NUM!",
        "#N/A",
        "#GETTING_DATA",
        "#SPILL!",
        "#CALC!",
        "#FIELD!",
        "#BLOCKED!",
        "#CONNECT!",
        "#BUSY!",
        "#UNKNOWN!",
        "#PYTHON!",
    }
)
"""What Excel shows in a cell whose formula failed (a VLOOKUP that found nothing: #N/A)."""
ERROR_MARK = "#"  # in every one of them: text without it is no error (checked at once)


@dataclass(frozen=True, slots=True)
class CellError:
    """A cell showing one of Excel's errors (from a workbook, or as text in a CSV export)."""

    code: str


@dataclass(frozen=True, slots=True)
class NoCachedValue:
    """A formula cell saved without its result (written by a program, never opened in Excel)."""


NO_CACHED_VALUE = NoCachedValue()


def is_empty(cell: Any) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def as_error(cell: Any) -> Any:
    """Text that is exactly one of Excel's error codes becomes a CellError; the rest as is."""
    if isinstance(cell, str) and ERROR_MARK in cell and cell.strip().upper() in EXCEL_ERRORS:
        return CellError(cell.strip().upper())
    return cell


def column_letters(position: int) -> str:
    """0 -> 'A', 25 -> 'Z', 26 -> 'AA', as a spreadsheet names columns."""
    letters = ""
    number = position + 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def column_position(letters: str) -> int:
    """'A' -> 0, 'AA' -> 26: the inverse of column_letters."""
    number = 0
    for letter in letters.upper():
        number = number * 26 + (ord(letter) - ord("A") + 1)
    return number - 1


def cell_name(position: int, row: int) -> str:
    return f"{column_letters(position)}{row}"
