"""The manifest: which row became which file, its hash, status and identity.

`manifest.json` is written whole at the end of a batch, listing every row and the files
of earlier runs that no row claims any more ("orphaned": kept, never reused). While a
batch runs, a journal records each file before it is written (a plan) and each finished
row after, so a batch that is killed half way loses nothing: the next run reads the
manifest and the journal together. The journal is removed once the manifest is written.
Neither is ever opened through a symbolic link.
"""

from __future__ import annotations

import datetime
import errno
import json
import os
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, TextIO

from ..errors import OutputFolderError
from ..files import atomic_output, display_name, open_no_follow
from .identity import Identity, Previous
from .naming import comparison_key
from .report import STATUSES, RowResult

MANIFEST = "manifest.json"
JOURNAL = ".manifest-journal.jsonl"
FORMAT = 2
READABLE_FORMATS = (1, 2)
MAX_MANIFEST_BYTES = 512 * 2**20


def load_previous(out: Path) -> list[Previous]:
    """What earlier runs made here, one entry per file stem, the latest word kept: the
    manifest's rows and orphans, then the journal of a run that did not finish."""
    found: dict[str, Previous] = {}
    for item in [*_manifest_rows(out / MANIFEST), *_journal_rows(out / JOURNAL)]:
        entry = _entry(item)
        if entry is not None:
            found[comparison_key(entry.stem)] = entry
    return list(found.values())


def _entry(item: Mapping[str, Any]) -> Previous | None:
    file = item.get("file")
    if not isinstance(file, str) or not file or "/" in file or "\\" in file:
        return None
    planned = item.get("planned") is True
    sha = item.get("sha256")
    if not planned and not isinstance(sha, str):
        return None

    def text(key: str) -> str | None:
        value = item.get(key)
        return value if isinstance(value, str) else None

    stem = file.rsplit(".", 1)[0]
    return Previous(
        file,
        Identity.from_json(item.get("identity"), stem),
        text("content"),
        text("fingerprint"),
        None if planned else text("sha256"),
        text("pdf"),
        text("pdf_sha256"),
    )


def _read(path: Path, limit: int) -> bytes | None:
    """A file's bytes, never through a link; None when it is not there."""
    try:
        descriptor = open_no_follow(path, os.O_RDONLY)
    except FileNotFoundError:
        return None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise OutputFolderError(f"{display_name(path)}: a symbolic link; remove it") from None
        raise
    with open(descriptor, "rb") as handle:
        return handle.read(limit + 1)


def _manifest_rows(path: Path) -> list[Mapping[str, Any]]:
    raw = _read(path, MAX_MANIFEST_BYTES)
    if raw is None:
        return []
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise OutputFolderError(
            f"{display_name(path)}: damaged; move it away to start this folder afresh"
        ) from None
    if (
        not isinstance(data, dict)
        or data.get("format") not in READABLE_FORMATS
        or not isinstance(data.get("rows"), list)
    ):
        raise OutputFolderError(
            f"{display_name(path)}: not a supervision-forms batch manifest; use another folder"
        )
    rows: list[Any] = data["rows"]
    orphaned = data.get("orphaned")
    if isinstance(orphaned, list):
        rows = rows + orphaned
    return [row for row in rows if isinstance(row, dict)]


def _journal_rows(path: Path) -> Iterator[Mapping[str, Any]]:
    raw = _read(path, MAX_MANIFEST_BYTES)
    if raw is None:
        return
    for line in raw.decode("utf-8", errors="replace").splitlines():
        try:
            item = json.loads(line)
        except json.JSONDecodeError:
            continue  # the last line of a killed run may be cut short
        if isinstance(item, dict):
            yield item


class Journal:
    """Appends plans and finished rows as JSON lines, flushed at once (owner-only: it
    names people). Refuses a symbolic link in its place."""

    def __init__(self, out: Path) -> None:
        self.path = out / JOURNAL
        try:
            descriptor = open_no_follow(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
        except OSError as error:
            if error.errno == errno.ELOOP:
                raise OutputFolderError(f"{display_name(self.path)}: a symbolic link; remove it") from None
            raise
        self._handle: TextIO = open(descriptor, "a", encoding="utf-8")  # noqa: SIM115

    def plan(self, file: str, identity: Identity, content: str) -> None:
        """Say a file is about to be written for an identity, before it is."""
        item = {"planned": True, "file": file, "content": content, "identity": identity.as_json()}
        self._handle.write(json.dumps(item, ensure_ascii=False) + "\n")

    def flush(self) -> None:
        """Make the plans so far reach the disk's cache before their files are written."""
        self._handle.flush()

    def record(self, result: RowResult) -> None:
        if result.sha256 is None:  # nothing was made for the row
            return
        self._handle.write(json.dumps(result.as_json(), ensure_ascii=False) + "\n")
        self._handle.flush()

    def close(self) -> None:
        self._handle.close()

    def remove(self) -> None:
        self.close()
        self.path.unlink(missing_ok=True)

    def __enter__(self) -> Journal:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()


def write_manifest(
    out: Path, about: Mapping[str, Any], rows: Sequence[RowResult], orphaned: Sequence[Previous] = ()
) -> Path:
    """Write manifest.json: `about` (pack, document, roster...), a summary, every row,
    then the orphaned files, one per line, streamed to disk."""
    counts = {status: sum(row.status == status for row in rows) for status in STATUSES}
    head = {
        "format": FORMAT,
        **about,
        "finished": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "summary": {"rows": len(rows), **counts, "orphaned": len(orphaned)},
    }
    path = out / MANIFEST
    with atomic_output(path) as handle:
        opening = json.dumps(head, indent=1, ensure_ascii=False).removesuffix("\n}")  # left open for rows
        handle.write(opening.encode("utf-8"))
        _write_list(handle, "rows", (row.as_json() for row in rows))
        _write_list(handle, "orphaned", (orphan_json(entry) for entry in orphaned))
        handle.write(b"\n}\n")
    return path


def orphan_json(entry: Previous) -> dict[str, Any]:
    item: dict[str, Any] = {"file": entry.file, "sha256": entry.sha256}
    if entry.pdf is not None:
        item |= {"pdf": entry.pdf, "pdf_sha256": entry.pdf_sha256}
    if entry.content is not None:
        item["content"] = entry.content
    if entry.fingerprint is not None:
        item["fingerprint"] = entry.fingerprint
    item["identity"] = entry.identity.as_json()
    return item


def _write_list(handle: Any, name: str, items: Iterator[dict[str, Any]]) -> None:
    handle.write(f',\n "{name}": ['.encode())
    for index, item in enumerate(items):
        separator = b"\n  " if index == 0 else b",\n  "
        handle.write(separator + json.dumps(item, ensure_ascii=False).encode("utf-8"))
    handle.write(b"\n ]")
