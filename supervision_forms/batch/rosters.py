"""Reading a team roster one row at a time: .csv (and tab-separated text), .xlsx, .json, .jsonl.

A roster row becomes a mapping in the model's JSON shape. Spreadsheets are read as Excel
shows them (see `workbook` and `delimited`); headers as HR writes them (see `headers`);
cells as people write them (see `columns`). Rows are streamed, so memory stays flat
however long the roster is. A row that cannot be read is still yielded, with its
problems, so the batch can report it and carry on; only a roster that cannot be read at
all (wrong format, no header row, a column refused) raises `RosterError`. What was
skipped or guessed is said in `warnings`; hidden and filtered-out rows are counted.

Row numbers are what a person would look for: the spreadsheet's row number, the line of
a .jsonl file, the position of an object in a .json array.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

from pydantic import BaseModel

from ..errors import FieldError, RosterError
from ..files import display_name
from ..models.paths import flatten, generic, leaf_map, unflatten
from ..packs import Pack
from ..text.dates import date_shaped, read_whole_date
from . import delimited, jsonrows
from .cells import CellError, NoCachedValue, as_error, cell_name, column_letters, is_empty
from .columns import BadCell, Column, scalar_value, text_value
from .headers import IDENTITY_PATH, IGNORE, Headings, load_column_map, path_shaped, shown
from .workbook import MAX_COLUMNS, Sheet, Workbook

TEXT_SUFFIXES = (".csv", ".tsv", ".txt")
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
JSON_SUFFIXES = (".json", ".jsonl")
SUFFIXES = (*TEXT_SUFFIXES, *WORKBOOK_SUFFIXES, *JSON_SUFFIXES)
COMMENT = "#"  # a row whose first cell starts with this is a note, not a person
MAX_TITLE_ROWS = 5  # rows holding one text cell (a title) allowed above the header
MAX_HINT_ROWS = 100_000  # a larger declared size is padding: no progress estimate
OTHER_SHEET_ROWS = 2  # a sheet with a header and a row "holds rows"


@dataclass(frozen=True)
class RosterRow:
    """One row: its number, its values in the model's JSON shape, and any problems reading
    it; the sheet it came from (workbooks); the employee ID it gives, if any; and the
    header each field was read from (for messages)."""

    number: int
    values: Mapping[str, Any] = field(default_factory=dict)
    problems: tuple[FieldError, ...] = ()
    sheet: str | None = None
    employee_id: str | None = None
    labels: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class RowReader:
    """What turns one sheet's cells into a row: its columns (small, and sent to the
    batch's worker processes with the cells, which they read there)."""

    sheet: str | None
    columns: tuple[Column, ...]
    labels: Mapping[str, str]

    def row(self, number: int, cells: list[Any], found: tuple[FieldError, ...] = ()) -> RosterRow:
        """The row's values in the model's JSON shape; `found`: problems the roster found
        already (a value in a column with no header), listed after the cells' own."""
        flat: dict[str, Any] = {}
        problems: list[FieldError] = []
        employee_id: str | None = None
        for column in self.columns:
            cell = as_error(cells[column.position]) if column.position < len(cells) else None
            try:
                value = column.value(cell)
            except BadCell as bad:
                where = f"cell {cell_name(column.position, number)} " if bad.names_cell else ""
                problems.append(FieldError(column.header, where + bad.reason))
                continue
            if value is None:
                continue
            if column.identity:
                employee_id = str(value)
            if column.leaf is not None:
                flat[column.path] = value
        problems.extend(found)
        return RosterRow(number, unflatten(flat), tuple(problems), self.sheet, employee_id, self.labels)


@dataclass(frozen=True, slots=True)
class UnreadRow:
    """A row as the roster holds it, to be read where the work is (`read`): a sheet's
    cells, or an object of a JSON roster."""

    number: int
    cells: Any  # a list of cells (with `reader`), or a JSON object
    reader: RowReader | None = None
    found: tuple[FieldError, ...] = ()

    @property
    def sheet(self) -> str | None:
        return self.reader.sheet if self.reader is not None else None

    def read(self, model: type[BaseModel]) -> RosterRow:
        if self.reader is None:
            return object_row(self.number, self.cells, model)
        return self.reader.row(self.number, self.cells, self.found)


@dataclass
class _Table:
    """One sheet (or the whole text file) after its header row."""

    rows: Iterator[tuple[int, list[Any], bool]]
    reader: RowReader
    where: str  # ", sheet 'Team B'" for messages
    ignored: frozenset[int]  # positions of headers we do not know, or mapped to nothing


class Roster:
    """An open roster file. Headers are checked on opening; rows are read as you iterate.

    `pack` lends its printed labels as headers. A workbook's first visible sheet that
    holds rows is read, or the `sheet` named, or with `all_sheets` every visible sheet
    that holds rows. `columns` maps other headers to model paths (a TOML file or a
    mapping); unknown headers are ignored with a warning, or refused with `strict_columns`.
    Use it as a context manager, or call `close()`."""

    def __init__(
        self,
        path: Path,
        model: type[BaseModel],
        *,
        pack: Pack | None = None,
        sheet: str | None = None,
        all_sheets: bool = False,
        columns: Path | Mapping[str, str] | None = None,
        strict_columns: bool = False,
    ) -> None:
        self.path = Path(path)
        self.label = display_name(self.path.name)
        self.model = model
        self.warnings: list[str] = []
        """What was guessed or left out, one line each, in the order found."""
        self.hidden_rows = 0
        """Rows with values that Excel hides (hidden, or filtered out): skipped."""
        self.sheets: list[str] = []
        """The sheets read, for a workbook."""
        self.size_hint: int | None = None
        """About how many rows there are (for a progress bar), when cheap to know."""
        self._strict = strict_columns
        self._book: Workbook | None = None
        self._tables: list[_Table] = []
        self._json: jsonrows.Source | None = None
        self._stray_warned: set[tuple[str | None, int]] = set()
        suffix = self.path.suffix.lower()
        if suffix == ".xls":
            raise RosterError(f"{self.label}: an Excel 97-2003 workbook (.xls); save it as .xlsx or CSV")
        if suffix not in SUFFIXES:
            raise RosterError(f"{self.label}: a roster must be .csv, .xlsx, .json or .jsonl")
        if not self.path.is_file():
            raise RosterError(f"{self.label}: cannot be read (no such file)")
        if (sheet is not None or all_sheets) and suffix not in WORKBOOK_SUFFIXES:
            raise RosterError(f"{self.label}: only a workbook (.xlsx) has sheets to choose from")
        mapping = load_column_map(columns) if isinstance(columns, Path) else columns
        map_label = display_name(columns.name) if isinstance(columns, Path) else "the column map"
        self._headings = Headings(model, pack=pack, mapping=mapping, mapping_label=map_label)
        try:
            if suffix in TEXT_SUFFIXES:
                self._open_text()
            elif suffix in WORKBOOK_SUFFIXES:
                self._open_workbook(sheet, all_sheets)
            else:
                self._open_json(suffix)
        except BaseException:
            self.close()
            raise

    # --- opening -------------------------------------------------------------------------

    def _open_text(self) -> None:
        form = delimited.sniff(self.path)
        if form.warning is not None:
            self.warnings.append(f"{self.label} {form.warning}")
        self.size_hint = max(delimited.count_records(self.path, form) - 1, 0)
        source = ((number, cells, False) for number, cells in delimited.rows(self.path, form))
        table = self._table(source, None)
        if table is None:
            raise RosterError(f"{self.label}: the roster is empty")
        self._tables.append(table)

    def _open_workbook(self, name: str | None, all_sheets: bool) -> None:
        book = self._book = Workbook(self.path, self.label)
        if name is not None:
            chosen = [self._named_sheet(book, name)]
        elif all_sheets:
            chosen = [s for s in book.sheets if s.visible and _holds_rows(book, s, 1)]
        else:
            first = next((s for s in book.sheets if s.visible and _holds_rows(book, s, 1)), None)
            chosen = [first] if first is not None else []
            others = [
                s
                for s in book.sheets
                if s.visible and s is not first and _holds_rows(book, s, OTHER_SHEET_ROWS)
            ]
            if others:
                names = ", ".join(f"'{shown(s.name)}'" for s in others)
                verb = "hold" if len(others) > 1 else "holds"
                self.warnings.append(
                    f"{self.label}: only sheet '{shown(chosen[0].name)}' was read; {names} also "
                    f"{verb} rows (use --all-sheets, or --sheet NAME)"
                )
        if name is None:
            self._warn_hidden_rosters(book)
        declared = 0
        for sheet in chosen:
            rows = ((r.number, r.cells, r.hidden) for r in book.rows(sheet))
            table = self._table(rows, sheet.name if len(chosen) > 1 or name or all_sheets else None, sheet)
            if table is not None:
                self._tables.append(table)
                self.sheets.append(sheet.name)
                declared += max((book.declared_rows(sheet) or 0) - 1, 0)
        if not self._tables:
            raise RosterError(f"{self.label}: the roster is empty")
        self.size_hint = declared if 0 < declared <= MAX_HINT_ROWS else None

    def _warn_hidden_rosters(self, book: Workbook) -> None:
        """A hidden sheet is not read; say so when it looks like a roster (headers we know,
        rows under them), not when it is a lookup list behind a drop-down."""
        for sheet in book.sheets:
            if not sheet.visible and self._looks_like_roster(book, sheet):
                self.warnings.append(
                    f"{self.label}: sheet '{shown(sheet.name)}' is hidden and was not read, though it "
                    "holds rows under roster headers (use --sheet NAME to read it)"
                )

    def _looks_like_roster(self, book: Workbook, sheet: Sheet) -> bool:
        rows = book.rows(sheet)
        try:  # the header row and one row under it are enough
            filled = (r.cells for r in rows if any(not is_empty(cell) for cell in r.cells))
            header = next(filled, None)
            if header is None or next(filled, None) is None:
                return False
            headings = (self._headings.name(text_value(c).strip()) for c in header if not is_empty(c))
            return len({h.path for h in headings if h is not None and h.path}) >= 2
        finally:
            rows.close()

    def _named_sheet(self, book: Workbook, name: str) -> Sheet:
        exact = [s for s in book.sheets if s.name == name]
        folded = [s for s in book.sheets if s.name.casefold() == name.strip().casefold()]
        if exact or folded:
            return (exact or folded)[0]
        names = ", ".join(f"'{shown(s.name)}'" for s in book.sheets)
        raise RosterError(f"{self.label}: no sheet named '{shown(name)}'; its sheets are {names}")

    def _open_json(self, suffix: str) -> None:
        if suffix == ".jsonl":
            self.size_hint = jsonrows.count_lines(self.path)
            self._json = jsonrows.jsonl_objects(self.path, self.label)
        else:
            self._json = jsonrows.json_objects(self.path, self.label)

    def _table(
        self, rows: Iterator[tuple[int, list[Any], bool]], sheet: str | None, info: Sheet | None = None
    ) -> _Table | None:
        """Find the header row (after any title rows) and map its columns; None when the
        sheet holds nothing."""
        where = f", sheet '{shown(sheet)}'" if sheet is not None else ""
        titles = 0
        for number, raw, _ in rows:
            cells = [as_error(cell) for cell in raw]
            filled = [cell for cell in cells if not is_empty(cell)]
            if not filled:
                continue
            if _looks_like_data(filled):
                raise RosterError(
                    f"{self.label}{where}: the first row looks like data, not column headers; "
                    "add a header row naming each column (e.g. Supervisee name, Start date)"
                )
            columns, unknown = self._columns(cells, where)
            if columns:
                self._warn_unknown(unknown, where)
                labels = {column.path: column.header for column in columns}
                used = {column.position for column in columns}
                ignored = frozenset(p for p, c in enumerate(cells) if not is_empty(c) and p not in used)
                return _Table(rows, RowReader(sheet, tuple(columns), labels), where, ignored)
            if len(filled) == 1 and titles < MAX_TITLE_ROWS:
                titles += 1  # a title above the header
                continue
            if len(cells) > MAX_COLUMNS:
                raise RosterError(f"{self.label}{where}: more than {MAX_COLUMNS} columns")
            named = ", ".join(f"'{shown(h)}'" for _, h in unknown[:4])
            raise RosterError(
                f"{self.label}{where}: row {number} should name the columns, but none of its "
                f"headers is one we know ({named}); use the form's labels (e.g. Supervisee name, "
                "Start date) or map them with --columns"
            )
        return None

    def _columns(self, cells: list[Any], where: str) -> tuple[list[Column], list[tuple[int, str]]]:
        if len(cells) > MAX_COLUMNS and any(not is_empty(c) for c in cells[MAX_COLUMNS:]):
            raise RosterError(f"{self.label}{where}: more than {MAX_COLUMNS} columns")
        columns: list[Column] = []
        unknown: list[tuple[int, str]] = []
        seen: dict[str, Column] = {}
        for position, cell in enumerate(cells):
            header = "" if is_empty(cell) else text_value(cell).strip()
            if not header:
                continue
            heading = self._headings.name(header)
            if heading is None:
                if path_shaped(header):
                    self._refuse(position, header, where)
                unknown.append((position, header))
                continue
            if heading.path == IGNORE:
                continue
            column = Column(position, shown(header), heading.path, heading.leaf, heading.whole_list)
            clash = next((c for p, c in seen.items() if _overlaps(p, column.path)), None)
            if clash is not None:
                raise RosterError(
                    f"{self.label}{where}: columns {column_letters(clash.position)} '{clash.header}' and "
                    f"{column_letters(position)} '{column.header}' both give '{column.path}'"
                )
            seen[column.path] = column
            columns.append(column)
        if unknown and columns and self._strict:
            self._refuse_all(unknown, where)
        return columns, unknown

    def _refuse(self, position: int, header: str, where: str) -> None:
        hint = self._headings.suggestion(header)
        suggestion = f" (did you mean '{hint}'?)" if hint else ""
        raise RosterError(
            f"{self.label}{where}: column {column_letters(position)} '{shown(header)}' is not a "
            f"field of the model{suggestion}"
        )

    def _refuse_all(self, unknown: list[tuple[int, str]], where: str) -> None:
        named = self._named(unknown, letters=True)
        noun, verb = ("column", "is not a field") if len(unknown) == 1 else ("columns", "are not fields")
        raise RosterError(
            f"{self.label}{where}: {noun} {named} {verb} of the model "
            "(map them with --columns, or leave out --strict-columns to ignore them)"
        )

    def _named(self, unknown: list[tuple[int, str]], letters: bool = False) -> str:
        parts = []
        for position, header in unknown[:8]:
            hint = self._headings.suggestion(header)
            letter = f"{column_letters(position)} " if letters else ""
            parts.append(f"{letter}'{shown(header)}'" + (f" (did you mean '{hint}'?)" if hint else ""))
        more = f" and {len(unknown) - 8} more" if len(unknown) > 8 else ""
        return ", ".join(parts) + more

    def _warn_unknown(self, unknown: list[tuple[int, str]], where: str) -> None:
        if not unknown:
            return
        plural = "s" if len(unknown) > 1 else ""
        self.warnings.append(
            f"{self.label}{where}: ignored {len(unknown)} column{plural} we do not know: "
            f"{self._named(unknown)} (map them with --columns, or refuse them with --strict-columns)"
        )

    # --- rows ----------------------------------------------------------------------------

    def __iter__(self) -> Iterator[RosterRow]:
        for row in self.unread():
            yield row if isinstance(row, RosterRow) else row.read(self.model)

    def unread(self) -> Iterator[RosterRow | UnreadRow]:
        """The rows as `__iter__` gives them, each left unread where reading it is
        row-by-row work (the batch reads them in its worker processes); a row that is
        wrong as a whole (not an object, not a readable CSV row) comes as a `RosterRow`
        with its problem."""
        if self._json is not None:
            for number, item in self._json:
                if isinstance(item, FieldError):
                    yield RosterRow(number, problems=(item,))
                else:
                    yield UnreadRow(number, item)
            return
        for table in self._tables:
            for number, raw, hidden in table.rows:
                if raw and raw[0] is delimited.UNREADABLE:
                    yield RosterRow(number, problems=(FieldError("", "is not a readable CSV row"),))
                    continue
                cells = raw  # read where the work is (Excel's error codes too), but for the
                if cells:  # first cell: an error code there is not a comment
                    cells[0] = as_error(cells[0])
                if _blank_or_comment(cells):
                    continue
                if hidden:
                    self.hidden_rows += 1
                    continue
                yield UnreadRow(number, cells, table.reader, tuple(self._strays(number, cells, table)))

    def _strays(self, number: int, cells: list[Any], table: _Table) -> list[FieldError]:
        """Values in columns with no header: a warning once per column (a row problem with
        strict columns)."""
        used = {column.position for column in table.reader.columns}
        problems = []
        for position, cell in enumerate(cells):
            if position in used or position in table.ignored or is_empty(cell):
                continue
            if self._strict:
                letter = column_letters(position)
                problems.append(FieldError("", f"has a value in column {letter}, which has no header"))
            elif (table.reader.sheet, position) not in self._stray_warned:
                self._stray_warned.add((table.reader.sheet, position))
                self.warnings.append(
                    f"{self.label}{table.where}: ignored column {column_letters(position)}, which has "
                    f"values but no header or one we do not know (first at row {number})"
                )
        return problems[:1]

    def close(self) -> None:
        if self._json is not None:
            self._json.close()
        for table in self._tables:
            close = getattr(table.rows, "close", None)
            if close is not None:
                close()
        if self._book is not None:
            self._book.close()

    def __enter__(self) -> Roster:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()


def object_row(number: int, item: Any, model: type[BaseModel]) -> RosterRow:
    """A row given as an object in the model's JSON shape (a JSON roster, or a mapping
    passed to `generate`); text values are read as in a spreadsheet (British dates,
    durations in words), and an employee ID is taken as the row's identity."""
    if not isinstance(item, Mapping):
        return RosterRow(number, problems=(FieldError("", "is not a JSON object"),))
    known = leaf_map(model)
    flat = flatten(dict(item))
    employee = flat.get(IDENTITY_PATH)
    if generic(IDENTITY_PATH) not in known:
        flat.pop(IDENTITY_PATH, None)
    problems = []
    for path, value in flat.items():
        leaf = known.get(generic(path))
        if leaf is None or not isinstance(value, str):
            continue
        try:
            flat[path] = scalar_value(value, leaf)
        except BadCell as bad:
            problems.append(FieldError(path, bad.reason))
    employee_id = None if is_empty(employee) else text_value(employee).strip()
    return RosterRow(number, unflatten(flat), tuple(problems), None, employee_id)


def _holds_rows(book: Workbook, sheet: Sheet, count: int) -> bool:
    """True when the sheet has at least `count` visible rows with a value."""
    found = 0
    rows = book.rows(sheet)
    try:  # stop reading at once: the rest of a large sheet is not needed
        for row in rows:
            if not row.hidden and any(not is_empty(cell) for cell in row.cells):
                found += 1
                if found >= count:
                    return True
    finally:
        rows.close()
    return False


def _looks_like_data(cells: list[Any]) -> bool:
    """A header row holds words; a row holding numbers, dates or formula results is data."""
    for cell in cells:
        if isinstance(cell, str):
            if date_shaped(cell) or read_whole_date(cell) is not None:
                return True
        elif isinstance(cell, (CellError, NoCachedValue)) or not isinstance(cell, str):
            return True
    return False


def _blank_or_comment(cells: list[Any]) -> bool:
    if all(is_empty(cell) for cell in cells):
        return True
    first = cells[0] if cells else None
    return isinstance(first, str) and first.lstrip().startswith(COMMENT)


def _overlaps(a: str, b: str) -> bool:
    return a == b or a.startswith(f"{b}.") or b.startswith(f"{a}.")
