"""Reading a folder of filled forms at once, into one table: a row per document.

    >>> from supervision_forms.extract import extract, find_documents, write_table
    >>> documents = list(extract(find_documents("team/"), jobs=2))
    >>> write_table(documents, "team.xlsx")

Each document is read with `parse()` (the pack detected unless given). A file that
cannot be read is kept as an `Extracted` with its error (one line, naming no values),
and the rest go on. Tables are written as .csv, .xlsx or .jsonl. In a spreadsheet, text
that starts with = + - or @ is stored as text, never as a formula.
"""

from __future__ import annotations

import contextlib
import csv
import datetime
import hashlib
import io
import json
import os
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from .errors import SupervisionFormsError, UnsupportedFormat
from .files import atomic_output
from .inventory import Kind, inventory, shown_name
from .models import DOCUMENT_MODELS
from .models.paths import flatten, generic, leaves
from .reading import ParseResult, parse
from .registry import installed_packs

FORMATS = (".csv", ".xlsx", ".jsonl")
INFO_COLUMNS = ("file", "status", "pack", "document", "format", "confidence", "warnings", "unmapped")
RISKY_START = ("=", "+", "-", "@", "\t", "\r")  # what spreadsheets take for a formula
DATE_FORMAT = "dd/mm/yyyy"  # how a spreadsheet shows the date cells
LIST_SEPARATOR = ";"
CHUNK = 8  # documents handed to a worker at a time
READ = "read"


@dataclass(frozen=True)
class Extracted:
    """One file of the folder: its reading, or the reason it was not read (`reason`, a
    category for counting: "damaged", "encrypted"...; `error`, the one-line detail), or
    the other file of the folder that holds the same document (`same_as`)."""

    file: str  # the path relative to the folder, shown escaped
    result: ParseResult | None
    error: str | None = None
    reason: str | None = None
    same_as: str | None = None

    @property
    def status(self) -> str:
        if self.result is None:
            return f"not read: {self.reason or 'unusable'}"
        return f"same document as {self.same_as}" if self.same_as else READ


def find_documents(folder: str | os.PathLike[str]) -> list[Path]:
    """The documents in a folder and its subfolders to read, in name order (see `inventory`)."""
    return [entry.path for entry in inventory(folder) if entry.kind is Kind.DOCUMENT]


def extract_folder(
    folder: str | os.PathLike[str],
    *,
    pack: str | None = None,
    document: str | None = None,
    jobs: int = 1,
    redact: bool = False,
) -> Iterator[Extracted]:
    """Every file of `folder` accounted for, in name order: each document read (or not,
    with its reason), and every other file that is not ours, as not read."""
    entries = [e for e in inventory(folder) if e.kind in (Kind.DOCUMENT, Kind.OTHER)]
    documents = [e.path for e in entries if e.kind is Kind.DOCUMENT]
    read = extract(documents, root=Path(folder), pack=pack, document=document, jobs=jobs, redact=redact)
    seen: dict[str, str] = {}
    for entry in entries:
        if entry.kind is Kind.OTHER:
            category = "link not followed" if entry.path.is_symlink() else "unsupported"
            yield Extracted(entry.name, None, entry.reason, category)
            continue
        yield _first_copy(next(read), seen)


def _first_copy(item: Extracted, seen: dict[str, str]) -> Extracted:
    """`item`, marked as the same document as an earlier file with the same reading (a
    .docx and its PDF): one document is counted once."""
    if item.result is None:
        return item
    key = _content_key(item.result)
    if key in seen:
        return replace(item, same_as=seen[key])
    seen[key] = item.file
    return item


def _content_key(result: ParseResult) -> str:
    data = json.dumps(result.data.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(f"{result.pack}|{result.document}|{data}".encode()).hexdigest()


def extract(
    files: Sequence[Path],
    *,
    root: Path | None = None,
    pack: str | None = None,
    document: str | None = None,
    jobs: int = 1,
    redact: bool = False,
) -> Iterator[Extracted]:
    """Read each file, in order, with `jobs` worker processes; files are named relative
    to `root` (their common folder by default)."""
    base = root or (Path(os.path.commonpath([p.parent for p in files])) if files else Path("."))
    tasks = [(str(path), _name(path, base), pack, document, redact) for path in files]
    if jobs <= 1 or len(tasks) <= 1:
        yield from (_read_one(*task) for task in tasks)
        return
    _warm_up()  # forked workers start with the packs loaded and their forms worked out
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(_read_star, tasks, chunksize=CHUNK)


def _name(path: Path, base: Path) -> str:
    try:
        return shown_name(path.relative_to(base).as_posix())
    except ValueError:
        return shown_name(path.name)


def _warm_up() -> None:
    for pack in installed_packs():
        for kind in pack.documents:
            pack.knowledge(kind)


def _read_star(task: tuple[str, str, str | None, str | None, bool]) -> Extracted:
    return _read_one(*task)


def _read_one(path: str, name: str, pack: str | None, document: str | None, redact: bool) -> Extracted:
    try:
        result = parse(path, pack=pack, document=document, redact=redact)
    except SupervisionFormsError as error:
        return Extracted(name, None, _without_label(str(error), Path(path).name), error.reason)
    except Exception as error:  # a bug must not stop the folder; it is reported like a bad file
        return Extracted(name, None, f"internal error ({type(error).__name__})", "internal error")
    return Extracted(name, result)


def _without_label(message: str, label: str) -> str:
    return message.removeprefix(f"{label}: ")


def tally(documents: Iterable[Extracted]) -> tuple[int, Counter[str], int]:
    """How many files were read, why the others were not (by reason), and how many in all."""
    read = 0
    not_read: Counter[str] = Counter()
    total = 0
    for item in documents:
        total += 1
        if item.result is None:
            not_read[item.reason or "unusable"] += 1
        else:
            read += 1
    return read, not_read, total


# --- the table ------------------------------------------------------------------------


def columns(documents: Iterable[Extracted]) -> list[str]:
    """The table's columns: the information columns, then every model path the read
    documents' kinds have, in model order (lists of dates as one column)."""
    return _columns_of({d.result.document for d in documents if d.result is not None})


def _columns_of(kinds: set[str]) -> list[str]:
    paths: list[str] = []
    for kind, model in DOCUMENT_MODELS.items():
        if kind not in kinds:
            continue
        for leaf in leaves(model):
            path = leaf.path.removesuffix("[]")
            if "[]" not in path and path not in paths:
                paths.append(path)
    return [*INFO_COLUMNS, *paths]


def row(document: Extracted, names: Sequence[str]) -> dict[str, Any]:
    """A document's cells, by column name (lists of scalars joined with ';'; lists of
    items numbered: decisions.0.action)."""
    result = document.result
    if result is None:
        return {"file": document.file, "status": document.status, "warnings": document.error}
    cells: dict[str, Any] = {
        "file": document.file,
        "status": document.status,
        "pack": result.pack,
        "document": result.document,
        "format": result.source_format,
        "confidence": result.confidence,
        "warnings": "; ".join(f"{w.field}: {w.message}" if w.field else w.message for w in result.warnings),
        "unmapped": len(result.unmapped),
    }
    data = result.data.model_dump(mode="json")
    scalar_lists = {
        leaf.path.removesuffix("[]") for leaf in leaves(type(result.data)) if leaf.path.endswith("[]")
    }
    for name in scalar_lists:
        cells[name] = LIST_SEPARATOR.join(str(v) for v in _at(data, name) or [])
    for path, value in flatten(data).items():
        if generic(path).removesuffix("[]") not in scalar_lists:
            cells[path] = value
    return cells


def _at(data: dict[str, Any], dotted: str) -> Any:
    """The value at a dotted path of a JSON object ("extra.dates"), or None."""
    node: Any = data
    for part in dotted.split("."):
        node = node.get(part) if isinstance(node, dict) else None
    return node


def check_output(out: str | os.PathLike[str]) -> Path:
    """The output path, if it names a table format we write."""
    target = Path(out)
    if target.suffix.lower() not in FORMATS:
        raise UnsupportedFormat(f"{target.name}: the output must be .csv, .xlsx or .jsonl")
    return target


def write_table(documents: Iterable[Extracted], out: str | os.PathLike[str]) -> int:
    """Write a row for every file (read or not, with its status) to a .csv, .xlsx or
    .jsonl file (written whole or not at all, readable by its owner only); how many
    documents were read into it. `documents` may be a stream: see `TableWriter`."""
    with TableWriter(out) as table:
        for document in documents:
            table.add(document)
    return table.read


class TableWriter:
    """Writes the table as documents come, holding none of them: a .jsonl line is written
    at once; a .csv or .xlsx row waits as its cells in a spill file beside the output
    (owner-only) until the columns are known, at the end. Written whole or not at all:
    nothing is left if the `with` block fails."""

    def __init__(self, out: str | os.PathLike[str]) -> None:
        self.target = check_output(out)
        self.read = 0
        self._suffix = self.target.suffix.lower()
        self._kinds: set[str] = set()
        self._keys: set[str] = set()
        self._stack = contextlib.ExitStack()
        if self._suffix == ".jsonl":
            self._output = self._stack.enter_context(atomic_output(self.target))
        else:
            self._output = self._stack.enter_context(
                tempfile.TemporaryFile(dir=self.target.parent, prefix=".extract-")  # noqa: SIM115
            )

    def add(self, document: Extracted) -> None:
        self.read += document.result is not None
        if self._suffix == ".jsonl":
            self._output.write((json.dumps(_json_line(document), ensure_ascii=False) + "\n").encode("utf-8"))
            return
        if document.result is not None:
            self._kinds.add(document.result.document)
        every = row(document, ())
        self._keys.update(every)
        cells = {key: value for key, value in every.items() if value is not None}
        self._output.write((json.dumps(cells, ensure_ascii=False) + "\n").encode("utf-8"))

    def _finish(self) -> None:
        if self._suffix == ".jsonl":
            return
        names = _columns_of(self._kinds)
        names += sorted(self._keys - set(names))  # list items such as decisions.0.action
        self._output.seek(0)
        rows = (json.loads(line) for line in self._output)
        with atomic_output(self.target) as handle:  # owner-only: the table holds personal data
            if self._suffix == ".xlsx":
                _write_xlsx(rows, names, handle)
            else:
                text = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="")
                _write_csv(rows, names, text)
                text.flush()
                text.detach()  # the handle is closed by atomic_output

    def __enter__(self) -> TableWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: Any) -> None:
        if kind is not None:  # atomic_output removes its temp file when told of the failure
            self._stack.__exit__(kind, error, trace)
            return
        try:
            self._finish()
        except BaseException as failure:
            self._stack.__exit__(type(failure), failure, failure.__traceback__)
            raise
        self._stack.close()


def _json_line(document: Extracted) -> dict[str, Any]:
    line: dict[str, Any] = {"file": document.file, "status": document.status}
    if document.result is None:
        line["reason"] = document.reason
        line["error"] = document.error
    else:
        line.update(document.result.envelope())
        line["confidence"] = document.result.confidence
    return line


def _write_csv(rows: Iterable[dict[str, Any]], names: list[str], out: TextIO) -> None:
    writer = csv.writer(out)
    writer.writerow(names)
    for cells in rows:
        writer.writerow([_csv_cell(cells.get(name)) for name in names])


def _csv_cell(value: Any) -> Any:
    """A cell's text; text a spreadsheet would run as a formula gets a leading quote."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(RISKY_START):
        return "'" + value
    return value


def _write_xlsx(rows: Iterable[dict[str, Any]], names: list[str], out: BinaryIO) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=False)
    sheet = book.active
    assert sheet is not None
    sheet.title = "documents"
    sheet.append(names)
    dates = {generic(name) for name in names} & _date_paths()
    for number, cells in enumerate(rows, 2):
        for column, name in enumerate(names, 1):
            value = cells.get(name)
            if value is None:
                continue
            day = _day(value) if generic(name) in dates else None
            cell = sheet.cell(row=number, column=column, value=day or value)
            if day is not None:
                cell.number_format = DATE_FORMAT  # a real date: it sorts and filters as one
            elif isinstance(value, str):
                cell.data_type = "s"  # text stays text, even if it starts with '='
    sheet.freeze_panes = "B2"
    book.save(out)


def _date_paths() -> set[str]:
    """The generic paths of every date field (not lists of dates: those are one text cell)."""
    return {
        leaf.path
        for model in DOCUMENT_MODELS.values()
        for leaf in leaves(model)
        if leaf.kind == "date" and not leaf.path.endswith("[]")
    }


def _day(value: Any) -> datetime.date | None:
    if isinstance(value, str):
        with contextlib.suppress(ValueError):
            return datetime.date.fromisoformat(value)
    return None
