"""Reading a team roster one row at a time: .csv, .xlsx, .json and .jsonl.

A roster row becomes a mapping in the model's JSON shape. Rows are streamed, so memory
stays flat however long the roster is. A row that cannot be read is still yielded, with
its problem, so the batch can report it and carry on; only a roster that cannot be read
at all (wrong format, unknown column) raises `RosterError`.

Row numbers are what a person would look for: the spreadsheet row (the header is row 1),
the line of a .jsonl file, the position of an object in a .json array.
"""

from __future__ import annotations

import codecs
import csv
import json
import warnings
import zipfile
from collections.abc import Generator, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any, TextIO

from pydantic import BaseModel

from ..errors import FieldError, RosterError
from ..models.paths import unflatten
from .columns import MAX_COLUMNS, Column, is_empty, read_header

SUFFIXES = (".csv", ".xlsx", ".json", ".jsonl")
COMMENT = "#"  # a row whose first cell starts with this is a note, not a person
CHUNK = 1 << 16
MAX_ROW_CHARS = 2_000_000
MAX_XLSX_BYTES = 200 * 2**20
MAX_XLSX_UNPACKED = 2 * 2**30
MAX_XLSX_RATIO = 200

Source = Generator[tuple[int, Any], None, None]


@dataclass(frozen=True)
class RosterRow:
    """One row: its number, its values in the model's JSON shape, and any problem reading it."""

    number: int
    values: Mapping[str, Any] = field(default_factory=dict)
    problems: tuple[FieldError, ...] = ()


class Roster:
    """An open roster file. The header is checked on opening; rows are read as you iterate.

    Use it as a context manager, or call `close()`."""

    def __init__(self, path: Path, model: type[BaseModel]) -> None:
        self.path = Path(path)
        self.label = self.path.name
        suffix = self.path.suffix.lower()
        if suffix not in SUFFIXES:
            raise RosterError(f"{self.label}: a roster must be .csv, .xlsx, .json or .jsonl")
        if not self.path.is_file():
            raise RosterError(f"{self.label}: cannot be read (no such file)")
        self.size_hint: int | None = None
        """About how many rows there are (for a progress bar), when cheap to know."""
        self._columns: list[Column] | None = None
        if suffix == ".csv":
            encoding = _csv_encoding(self.path)
            self.size_hint = max(_csv_records(self.path, encoding) - 1, 0)
            self._source = _csv_cells(self.path, encoding)
        elif suffix == ".xlsx":
            _check_xlsx(self.path, self.label)
            self._source = _xlsx_cells(self.path, self.label)
            _, self.size_hint = next(self._source)  # the sheet's declared size comes first
        elif suffix == ".jsonl":
            self.size_hint = _count_lines(self.path)
            self._source = _jsonl_objects(self.path, self.label)
        else:
            self._source = _json_objects(self.path, self.label)
        if suffix in (".csv", ".xlsx"):
            try:
                self._columns = self._read_header(model)
            except BaseException:
                self.close()
                raise

    def _read_header(self, model: type[BaseModel]) -> list[Column]:
        try:
            _, cells = next(self._source)
        except StopIteration:
            raise RosterError(f"{self.label}: the roster is empty") from None
        return read_header(list(cells), model, self.label)

    def __iter__(self) -> Iterator[RosterRow]:
        for number, item in self._source:
            if isinstance(item, FieldError):
                yield RosterRow(number, problems=(item,))
            elif self._columns is None:
                yield _object_row(number, item)
            elif not _blank_or_comment(item):
                yield _cells_row(number, item, self._columns)

    def close(self) -> None:
        self._source.close()

    def __enter__(self) -> Roster:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()


def _blank_or_comment(cells: list[Any]) -> bool:
    if all(is_empty(cell) for cell in cells):
        return True
    first = cells[0] if cells else None
    return isinstance(first, str) and first.lstrip().startswith(COMMENT)


def _cells_row(number: int, cells: list[Any], columns: list[Column]) -> RosterRow:
    used = {column.position for column in columns}
    stray = [i for i, cell in enumerate(cells) if i not in used and not is_empty(cell)]
    if stray:
        reason = f"has a value in column {stray[0] + 1}, which has no header"
        return RosterRow(number, problems=(FieldError("", reason),))
    flat: dict[str, Any] = {}
    for column in columns:
        value = column.value(cells[column.position]) if column.position < len(cells) else None
        if value is not None:
            flat[column.path] = value
    return RosterRow(number, unflatten(flat))


def _object_row(number: int, item: Any) -> RosterRow:
    if not isinstance(item, dict):
        return RosterRow(number, problems=(FieldError("", "is not a JSON object"),))
    return RosterRow(number, item)


# --- CSV -------------------------------------------------------------------------------


def _csv_encoding(path: Path) -> str:
    """UTF-8 (with or without Excel's BOM) if the whole file decodes as UTF-8, else
    Windows-1252, which Excel's plain "CSV" uses in the UK."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(CHUNK):
                decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8-sig"


def _csv_records(path: Path, encoding: str) -> int:
    """How many records (rows) the file holds; a cell may span lines."""
    with path.open("r", encoding=encoding, errors="replace", newline="") as handle:
        try:
            return sum(1 for _ in csv.reader(handle))
        except csv.Error:
            return 0


def _csv_cells(path: Path, encoding: str) -> Source:
    with path.open("r", encoding=encoding, errors="replace", newline="") as handle:
        reader = csv.reader(handle)
        number = 0
        while True:
            number += 1  # the row a spreadsheet shows, whatever line breaks its cells hold
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error:
                yield number, FieldError("", "is not a readable CSV row")
                continue
            yield number, cells


# --- Excel -----------------------------------------------------------------------------


def _check_xlsx(path: Path, label: str) -> None:
    """Refuse workbooks that are not zips, or would unpack to far more than they weigh."""
    if path.stat().st_size > MAX_XLSX_BYTES:
        raise RosterError(f"{label}: the workbook is over {MAX_XLSX_BYTES // 2**20} MB")
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise RosterError(f"{label}: not an Excel .xlsx workbook") from None
    if sum(i.file_size for i in infos) > MAX_XLSX_UNPACKED or any(
        i.file_size > 1_000_000 and i.file_size > MAX_XLSX_RATIO * max(i.compress_size, 1) for i in infos
    ):
        raise RosterError(f"{label}: the workbook unpacks to suspiciously much (zip bomb?)")
    if any(i.flag_bits & 0x1 for i in infos):
        raise RosterError(f"{label}: the workbook is encrypted")


def _xlsx_cells(path: Path, label: str) -> Source:
    from openpyxl import load_workbook  # openpyxl is slow to import; only .xlsx needs it

    try:
        with warnings.catch_warnings():  # openpyxl warns about features it ignores
            warnings.simplefilter("ignore")
            book = load_workbook(path, read_only=True, data_only=False, keep_links=False)
    except Exception as error:  # openpyxl raises many kinds for a broken file
        raise RosterError(f"{label}: not a readable Excel workbook ({type(error).__name__})") from None
    try:
        sheet = book.worksheets[0]
        rows, width = _declared_size(sheet)
        yield 0, None if rows is None else max(rows - 1, 0)
        for number, cells in enumerate(sheet.iter_rows(values_only=True, max_col=width), start=1):
            yield number, list(cells)
    except (KeyError, ValueError, TypeError, OSError, zipfile.BadZipFile) as error:
        raise RosterError(f"{label}: the workbook is damaged ({type(error).__name__})") from None
    finally:
        book.close()


def _declared_size(sheet: Any) -> tuple[int | None, int | None]:
    """(rows, columns) from the sheet's dimension; columns capped, so a sheet claiming
    16,384 columns is not padded out to them."""
    try:
        rows, columns = sheet.max_row, sheet.max_column
    except (ValueError, TypeError):
        return None, None
    width = min(columns, MAX_COLUMNS + 1) if isinstance(columns, int) and columns > 0 else None
    return (rows if isinstance(rows, int) else None), width


# --- JSON ------------------------------------------------------------------------------


def _count_lines(path: Path) -> int:
    with path.open("rb") as handle:
        return sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(CHUNK), b""))


def _jsonl_objects(path: Path, label: str) -> Source:
    with path.open("r", encoding="utf-8-sig", errors="strict", newline="") as handle:
        number = 0
        while True:
            try:
                line = handle.readline(MAX_ROW_CHARS + 1)
            except UnicodeDecodeError:
                raise RosterError(f"{label}: not UTF-8 text (after line {number})") from None
            if not line:
                return
            number += 1
            if len(line) > MAX_ROW_CHARS:
                while line and not line.endswith("\n"):  # skip the rest of an overlong line
                    line = handle.readline(CHUNK)
                yield number, FieldError("", f"is longer than {MAX_ROW_CHARS:,} characters")
                continue
            if not line.strip():
                continue
            try:
                yield number, json.loads(line)
            except json.JSONDecodeError as error:
                yield number, FieldError("", f"is not valid JSON (at character {error.pos + 1})")


def _json_objects(path: Path, label: str) -> Source:
    """The objects of a top-level JSON array, decoded one at a time (or one object)."""
    with path.open("r", encoding="utf-8-sig", errors="strict") as handle:
        stream = _JsonStream(handle, label)
        first = stream.next_char()
        if first == "{":
            item = stream.decode()
            if isinstance(item, FieldError):
                yield 1, item
                return
            if stream.next_char() != "":
                yield 2, FieldError("", "follows the first object; a .json roster holds one array")
                return
            yield 1, item
            return
        if first != "[":
            raise RosterError(f"{label}: a .json roster must be an array of objects")
        stream.advance()
        number = 0
        if stream.next_char() == "]":
            return
        while True:
            number += 1
            item = stream.decode()
            yield number, item
            if isinstance(item, FieldError):
                return
            separator = stream.next_char()
            stream.advance()
            if separator == "]":
                return
            if separator != ",":
                yield number + 1, FieldError("", "is not valid JSON (rows from here on were not read)")
                return


class _JsonStream:
    """Text read in chunks, decoding one JSON value at a time."""

    def __init__(self, handle: TextIO, label: str) -> None:
        self._handle = handle
        self._label = label
        self._buffer = ""
        self._pos = 0
        self._eof = False
        self._decoder = json.JSONDecoder()

    def _fill(self) -> bool:
        if self._eof:
            return False
        try:
            chunk = self._handle.read(CHUNK)
        except UnicodeDecodeError:
            raise RosterError(f"{self._label}: not UTF-8 text") from None
        if not chunk:
            self._eof = True
            return False
        self._buffer = self._buffer[self._pos :] + chunk
        self._pos = 0
        return True

    def next_char(self) -> str:
        """The next character that is not white space ('' at the end)."""
        while True:
            while self._pos < len(self._buffer) and self._buffer[self._pos] in " \t\r\n":
                self._pos += 1
            if self._pos < len(self._buffer):
                return self._buffer[self._pos]
            if not self._fill():
                return ""

    def advance(self) -> None:
        self._pos += 1

    def decode(self) -> Any:
        """The next value, or a FieldError when it is not valid JSON."""
        self.next_char()  # raw_decode does not skip white space itself
        while True:
            try:
                value, end = self._decoder.raw_decode(self._buffer, self._pos)
            except json.JSONDecodeError:
                value, end = None, -1
            complete = end != -1 and (end < len(self._buffer) or self._eof)
            if complete:
                self._pos = end
                return value
            if len(self._buffer) - self._pos > MAX_ROW_CHARS:
                return FieldError("", f"is longer than {MAX_ROW_CHARS:,} characters")
            if not self._fill():
                if end != -1:
                    self._pos = end
                    return value
                return FieldError("", "is not valid JSON (rows from here on were not read)")
