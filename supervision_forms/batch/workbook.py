"""Excel workbooks (.xlsx) read as Excel shows them, streamed row by row.

A cell gives the value Excel displays: a formula's saved result (never the formula), a
date for a number formatted as a date, an error such as #N/A as a `CellError`. Hidden and
filtered-out rows are marked, so the roster can skip and count them. Sheets come with
their visibility. Rows are parsed one at a time and dropped, so memory follows the rows
that hold something, not the size the sheet claims (a sheet padded to Excel's million
rows costs time, not memory).
"""

from __future__ import annotations

import datetime
import posixpath
import re
import zipfile
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from lxml import etree

from ..errors import RosterError
from .cells import NO_CACHED_VALUE, CellError, column_position

MAX_BYTES = 200 * 2**20
MAX_UNPACKED = 2 * 2**30
MAX_RATIO = 200
MAX_COLUMNS = 1_000  # cells beyond are not read (the roster refuses wider headers)
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = ("EncryptedPackage".encode("utf-16-le"), "DataSpaces".encode("utf-16-le"))
_DATE_FORMAT_IDS = frozenset({14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 47, *range(27, 37), *range(50, 59)})
_REF = re.compile(r"^([A-Za-z]{1,3})(\d+)$")
_SAFE = {"resolve_entities": False, "no_network": True, "load_dtd": False, "huge_tree": False}
_DAMAGED = (
    KeyError,
    ValueError,
    IndexError,
    TypeError,
    OverflowError,
    OSError,
    EOFError,
    zipfile.BadZipFile,
    etree.LxmlError,
)


@dataclass(frozen=True)
class Sheet:
    name: str
    visible: bool  # "hidden" and "veryHidden" sheets are not
    part: str  # the worksheet's path inside the zip


@dataclass(frozen=True, slots=True)
class SheetRow:
    number: int  # as Excel numbers it
    cells: list[Any]
    hidden: bool  # hidden, or filtered out by an AutoFilter


class Workbook:
    """An open .xlsx; `sheets` in their tab order. Use as a context manager."""

    def __init__(self, path: Path, label: str) -> None:
        self._label = label
        _check_container(path, label)
        try:
            self._zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError, ValueError):
            raise RosterError(f"{label}: not an Excel .xlsx workbook") from None
        try:
            self._read_structure()
        except RosterError:
            self._zip.close()
            raise
        except _DAMAGED as error:
            self._zip.close()
            raise RosterError(f"{label}: the workbook is damaged ({type(error).__name__})") from None

    def _read_structure(self) -> None:
        names = set(self._zip.namelist())
        if "xl/workbook.bin" in names:
            raise RosterError(f"{self._label}: a binary workbook (.xlsb); save it as .xlsx (Excel Workbook)")
        main = _office_document(self._zip) if "_rels/.rels" in names else "xl/workbook.xml"
        if main not in names:
            raise RosterError(f"{self._label}: not an Excel .xlsx workbook")
        relations = _relations(self._zip, main)
        root = _parse(self._zip, main)
        self._epoch_1904 = any(
            _local(e) == "workbookPr" and e.get("date1904") in ("1", "true") for e in root.iter()
        )
        self.sheets: list[Sheet] = []
        for element in root.iter():
            if _local(element) != "sheet":
                continue
            target = relations.get(_relation_id(element) or "")
            if target is None or target[1] not in names:
                continue  # a chart sheet or a dangling entry: nothing to read
            state = element.get("state", "visible")
            self.sheets.append(Sheet(element.get("name", "?"), state == "visible", target[1]))
        by_type = {kind.rsplit("/", 1)[-1]: part for kind, part in relations.values()}
        self._strings = _shared_strings(self._zip, by_type.get("sharedStrings"), names)
        self._date_styles, self._time_styles = _number_styles(self._zip, by_type.get("styles"), names)

    def declared_rows(self, sheet: Sheet) -> int | None:
        """The rows the sheet says it spans (its <dimension>), without reading them."""
        try:
            with self._zip.open(sheet.part) as stream:
                for _, element in etree.iterparse(
                    stream, events=("start",), tag=("{*}dimension", "{*}sheetData"), **_SAFE
                ):
                    if _local(element) == "sheetData":
                        return None
                    last = element.get("ref", "").split(":")[-1]
                    match = _REF.match(last)
                    return int(match.group(2)) if match else None
        except _DAMAGED:
            return None
        return None

    def rows(self, sheet: Sheet) -> Generator[SheetRow, None, None]:
        """The rows that exist in the sheet, in order (rows Excel never wrote are absent)."""
        try:
            with self._zip.open(sheet.part) as stream:
                yield from self._rows(stream)
        except RosterError:
            raise
        except _DAMAGED as error:
            raise RosterError(f"{self._label}: the workbook is damaged ({type(error).__name__})") from None

    def _rows(self, stream: IO[bytes]) -> Iterator[SheetRow]:
        previous = 0
        for _, row in etree.iterparse(stream, events=("end",), tag="{*}row", **_SAFE):
            number = int(row.get("r") or previous + 1)
            previous = number
            filled = any(len(cell) for cell in row)  # a padded row holds only styled, empty cells
            if filled:
                hidden = row.get("hidden") in ("1", "true") or (
                    row.get("customHeight") in ("1", "true") and row.get("ht") in ("0", "0.0")
                )
                cells = self._cells(row)
            row.clear(keep_tail=False)
            parent = row.getparent()
            while row.getprevious() is not None and parent is not None:
                del parent[0]
            if filled:
                yield SheetRow(number, cells, hidden)

    def _cells(self, row: Any) -> list[Any]:
        cells: list[Any] = []
        position = -1
        for cell in row:
            if _local(cell) != "c":
                continue
            match = _REF.match(cell.get("r", ""))
            position = column_position(match.group(1)) if match else position + 1
            if position >= MAX_COLUMNS + 1:
                continue
            value = self._value(cell)
            if value is None:
                continue
            if len(cells) <= position:
                cells.extend([None] * (position + 1 - len(cells)))
            cells[position] = value
        return cells

    def _value(self, cell: Any) -> Any:
        kind = cell.get("t", "n")
        found: Any = None
        formula = False
        inline: Any = None
        for child in cell:
            name = _local(child)
            if name == "v":
                found = child.text or ""
            elif name == "f":
                formula = True
            elif name == "is":
                inline = child
        if kind == "inlineStr":
            return _text_of(inline) if inline is not None else None
        if found is None or (not found.strip() and kind in ("n", "b", "e", "d", "s")):
            return NO_CACHED_VALUE if formula else None  # openpyxl saves formulas with <v></v>
        if kind == "s":
            return self._strings[int(found)]
        if kind == "str":
            return found
        if kind == "b":
            return found.strip() in ("1", "true")
        if kind == "e":
            return CellError(found.strip())
        if kind == "d":
            return datetime.datetime.fromisoformat(found.strip())
        number = float(found) if any(c in found for c in ".eE") else int(found)
        style = int(cell.get("s") or 0)
        if style in self._date_styles:
            return _excel_date(number, self._epoch_1904)
        if style in self._time_styles:
            return datetime.timedelta(days=number)
        return number

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> Workbook:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()


def _check_container(path: Path, label: str) -> None:
    """Refuse what is not an .xlsx, saying what it is: password-protected workbooks and
    old .xls files are OLE files; zip bombs unpack to far more than they weigh."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise RosterError(f"{label}: the workbook is over {MAX_BYTES // 2**20} MB")
    with path.open("rb") as handle:
        magic = handle.read(len(OLE_MAGIC))
        if magic == OLE_MAGIC:
            if _holds_any(handle, _ENCRYPTED):
                raise RosterError(
                    f"{label}: the workbook is password-protected; save a copy without the password "
                    "(File > Info > Protect Workbook) and use that"
                )
            raise RosterError(f"{label}: an Excel 97-2003 workbook (.xls); save it as .xlsx (Excel Workbook)")
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise RosterError(f"{label}: not an Excel .xlsx workbook") from None
    if sum(i.file_size for i in infos) > MAX_UNPACKED or any(
        i.file_size > 1_000_000 and i.file_size > MAX_RATIO * max(i.compress_size, 1) for i in infos
    ):
        raise RosterError(f"{label}: the workbook unpacks to suspiciously much (zip bomb?)")
    if any(i.flag_bits & 0x1 for i in infos):
        raise RosterError(f"{label}: the workbook is password-protected; save a copy without the password")


def _holds_any(handle: IO[bytes], needles: tuple[bytes, ...]) -> bool:
    overlap = max(len(n) for n in needles)
    tail = b""
    while chunk := handle.read(1 << 20):
        window = tail + chunk
        if any(needle in window for needle in needles):
            return True
        tail = window[-overlap:]
    return False


def _local(element: Any) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _parse(archive: zipfile.ZipFile, part: str) -> Any:
    with archive.open(part) as stream:
        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
        return etree.parse(stream, parser).getroot()


def _office_document(archive: zipfile.ZipFile) -> str:
    for element in _parse(archive, "_rels/.rels"):
        if element.get("Type", "").endswith("/officeDocument"):
            return _resolve("", element.get("Target", ""))
    return "xl/workbook.xml"


def _relations(archive: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """A part's relationships: id -> (type, target part)."""
    folder, name = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", f"{name}.rels")
    if rels not in archive.namelist():
        return {}
    found = {}
    for element in _parse(archive, rels):
        if element.get("TargetMode") == "External":
            continue
        found[element.get("Id", "")] = (element.get("Type", ""), _resolve(folder, element.get("Target", "")))
    return found


def _resolve(folder: str, target: str) -> str:
    path = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
    return posixpath.normpath(path)


def _relation_id(element: Any) -> str | None:
    for key, value in element.attrib.items():
        if key.endswith("}id"):
            return str(value)
    return None


def _text_of(element: Any) -> str:
    """The text of a string item: its runs, without phonetic guides (<rPh>)."""
    parts = []
    for node in element.iter():
        if _local(node) == "t" and _local(node.getparent()) != "rPh":
            parts.append(node.text or "")
    return "".join(parts)


def _shared_strings(archive: zipfile.ZipFile, part: str | None, names: set[str]) -> list[str]:
    if part is None or part not in names:
        return []
    strings: list[str] = []
    with archive.open(part) as stream:
        for _, item in etree.iterparse(stream, events=("end",), tag="{*}si", **_SAFE):
            strings.append(_text_of(item))
            item.clear(keep_tail=False)
    return strings


def _number_styles(
    archive: zipfile.ZipFile, part: str | None, names: set[str]
) -> tuple[frozenset[int], frozenset[int]]:
    """Indexes of the cell styles whose number format shows a date, and of those that
    show a length of time ([h]:mm)."""
    if part is None or part not in names:
        return frozenset(), frozenset()
    from openpyxl.styles.numbers import is_date_format, is_timedelta_format

    root = _parse(archive, part)
    custom: dict[int, str] = {}
    dated: set[int] = set()
    timed: set[int] = set()
    for element in root.iter():
        if _local(element) == "numFmt":
            custom[int(element.get("numFmtId", "-1"))] = element.get("formatCode", "")
    for block in root.iter():
        if _local(block) != "cellXfs":
            continue
        for index, xf in enumerate(x for x in block if _local(x) == "xf"):
            number = int(xf.get("numFmtId", "0"))
            code = custom.get(number)
            if code is None:
                timed.update([index] if number == 46 else [])
                dated.update([index] if number in _DATE_FORMAT_IDS and number != 46 else [])
            elif is_timedelta_format(code):
                timed.add(index)
            elif is_date_format(code):
                dated.add(index)
    return frozenset(dated), frozenset(timed)


def _excel_date(number: float, epoch_1904: bool) -> Any:
    """A date-formatted number as the date (and time) Excel shows."""
    from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

    try:
        return from_excel(number, CALENDAR_MAC_1904 if epoch_1904 else CALENDAR_WINDOWS_1900)
    except (ValueError, OverflowError):
        return number
