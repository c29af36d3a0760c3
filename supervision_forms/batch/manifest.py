"""The manifest: which row became which file, its hash and status.

`manifest.json` is written whole at the end of a batch. While a batch runs, each finished
row is also appended to a journal, so a batch that is killed half way loses nothing: the
next run reads the manifest and the journal together and skips what is already done.
The journal is removed once the manifest is written.
"""

from __future__ import annotations

import datetime
import json
import os
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, TextIO

from ..errors import OutputFolderError
from ..files import atomic_output
from .naming import comparison_key
from .report import STATUSES, RowResult

MANIFEST = "manifest.json"
JOURNAL = ".manifest-journal.jsonl"
FORMAT = 1


@dataclass(frozen=True, slots=True)
class Done:
    """What an earlier run made for one file stem."""

    file: str
    fingerprint: str
    sha256: str
    pdf: str | None
    pdf_sha256: str | None


def load_previous(out: Path) -> dict[str, Done]:
    """Earlier runs' finished rows, by file stem (compared as Windows would)."""
    done: dict[str, Done] = {}
    for item in _manifest_rows(out / MANIFEST):
        _remember(done, item)
    for item in _journal_rows(out / JOURNAL):
        _remember(done, item)
    return done


def stem_key(file: str) -> str:
    return comparison_key(Path(file).stem)


def _remember(done: dict[str, Done], item: Mapping[str, Any]) -> None:
    file, fingerprint, sha = item.get("file"), item.get("fingerprint"), item.get("sha256")
    if not (isinstance(file, str) and isinstance(fingerprint, str) and isinstance(sha, str)):
        return
    pdf, pdf_sha = item.get("pdf"), item.get("pdf_sha256")
    done[stem_key(file)] = Done(
        file,
        fingerprint,
        sha,
        pdf if isinstance(pdf, str) else None,
        pdf_sha if isinstance(pdf_sha, str) else None,
    )


def _manifest_rows(path: Path) -> list[Mapping[str, Any]]:
    if not path.exists():
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        raise OutputFolderError(f"{path}: damaged; move it away to start this folder afresh") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("rows"), list):
        raise OutputFolderError(f"{path}: not a supervision-forms batch manifest; use another folder")
    return [row for row in data["rows"] if isinstance(row, dict)]


def _journal_rows(path: Path) -> Iterator[Mapping[str, Any]]:
    if not path.exists():
        return
    with path.open("r", encoding="utf-8", errors="replace") as handle:
        for line in handle:
            try:
                item = json.loads(line)
            except json.JSONDecodeError:
                continue  # the last line of a killed run may be cut short
            if isinstance(item, dict):
                yield item


class Journal:
    """Appends each finished row as one JSON line, flushed at once."""

    def __init__(self, out: Path) -> None:
        self.path = out / JOURNAL
        descriptor = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)  # names people
        self._handle: TextIO = open(descriptor, "a", encoding="utf-8")  # noqa: SIM115

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


def write_manifest(out: Path, about: Mapping[str, Any], rows: Sequence[RowResult]) -> Path:
    """Write manifest.json: `about` (pack, document, roster...), a summary, then every row,
    one per line, streamed to disk (no copy of the whole manifest in memory)."""
    counts = {status: sum(row.status == status for row in rows) for status in STATUSES}
    head = {
        "format": FORMAT,
        **about,
        "finished": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "summary": {"rows": len(rows), **counts},
    }
    path = out / MANIFEST
    with atomic_output(path) as handle:
        opening = json.dumps(head, indent=1, ensure_ascii=False).removesuffix("\n}")  # left open for rows
        handle.write(opening.encode("utf-8"))
        handle.write(b',\n "rows": [')
        for index, row in enumerate(rows):
            separator = b"\n  " if index == 0 else b",\n  "
            handle.write(separator + json.dumps(row.as_json(), ensure_ascii=False).encode("utf-8"))
        handle.write(b"\n ]\n}\n")
    return path
