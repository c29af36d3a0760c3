"""Every file in a folder, accounted for: the documents to read, the files our own batches
wrote (passed over quietly), system clutter, and everything else, each with its reason.

`extract` and `audit` both walk folders through here, so a file is never passed over in
silence: a caller either reads it or reports it.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from .errors import MissingFile, UnsupportedFormat
from .files import display_name

DOCUMENT_SUFFIXES = frozenset(
    {
        ".docx",
        ".dotx",
        ".pdf",
        ".doc",
        ".dot",
        ".rtf",
        ".odt",
        ".ott",
        ".png",
        ".jpg",
        ".jpeg",
        ".tif",
        ".tiff",
    }
)
BATCH_FILES = frozenset({"manifest.json", ".manifest-journal.jsonl", ".supervision-forms.lock", "errors.csv"})
SYSTEM_FILES = frozenset({".ds_store", "thumbs.db", "desktop.ini", "icon\r"})


class Kind(StrEnum):
    DOCUMENT = "document"  # to be read
    OURS = "ours"  # written by our own batch: passed over quietly
    SYSTEM = "system"  # hidden files, Word's lock files, Thumbs.db: passed over quietly
    OTHER = "other"  # a file of a kind not read, or a link not followed: reported


@dataclass(frozen=True)
class Entry:
    """One file under the folder: its path, its name relative to the folder (for people),
    and what is done with it."""

    path: Path
    name: str
    kind: Kind

    @property
    def reason(self) -> str:
        """Why an `OTHER` entry is not read."""
        if self.path.is_symlink():
            return "a symbolic link, not followed"
        return f"not a document this library reads ({self.path.suffix.lower() or 'no extension'})"


def inventory(folder: str | os.PathLike[str], suffixes: frozenset[str] = DOCUMENT_SUFFIXES) -> list[Entry]:
    """Every file under `folder` (subfolders too, symbolic links not followed), in name
    order, each marked with what to do with it; `suffixes` are the ones to read."""
    root = Path(folder)
    if not root.exists():
        raise MissingFile(f"{shown_name(root.name)}: no such folder")
    if not root.is_dir():
        raise UnsupportedFormat(f"{shown_name(root.name)}: not a folder")
    entries = []
    for path in _files(root):
        relative = path.relative_to(root)
        entries.append(Entry(path, shown_name(relative.as_posix()), _kind(path, relative, suffixes)))
    return sorted(entries, key=lambda e: e.name.lower())


def _files(root: Path) -> list[Path]:
    found: list[Path] = []
    for directory, folders, names in os.walk(root, followlinks=False):
        folders.sort()
        found.extend(Path(directory) / name for name in names)
    return [path for path in found if path.is_symlink() or path.is_file()]  # not devices or pipes


def _kind(path: Path, relative: Path, suffixes: frozenset[str]) -> Kind:
    name = path.name
    if path.is_symlink():
        return Kind.OTHER
    if any(part.startswith(".") for part in relative.parts[:-1]) or name.startswith(("~$", ".~lock")):
        return Kind.SYSTEM
    if name.lower() in SYSTEM_FILES:
        return Kind.SYSTEM
    if _written_by_batch(path):
        return Kind.OURS
    if name.startswith("."):
        return Kind.SYSTEM
    return Kind.DOCUMENT if path.suffix.lower() in suffixes else Kind.OTHER


def _written_by_batch(path: Path) -> bool:
    """The batch's own files beside its manifest: the manifest, journal, lock, error list,
    and its bundles (`agreements.zip`, the merged `agreements.pdf`)."""
    if path.name in BATCH_FILES:
        return path.name != "errors.csv" or (path.parent / "manifest.json").is_file()
    if not (path.parent / "manifest.json").is_file():
        return False
    stem, suffix = path.stem, path.suffix.lower()
    return suffix in (".zip", ".pdf") and stem.endswith("s") and stem[:-1] in _DOCUMENT_KINDS


_DOCUMENT_KINDS = frozenset({"agreement", "case_record", "general_record", "cancellation"})


def shown_name(name: str) -> str:
    """A file name fit for one line of a message or a table cell (see files.display_name)."""
    return display_name(name)


def summary(read: int, not_read: Counter[str], total: int) -> str:
    """ "63 of 79 files read; 16 not: 9 old format, 7 need OCR"."""
    line = f"{read} of {total} files read"
    missing = sum(not_read.values())
    if missing:
        parts = ", ".join(f"{count} {reason}" for reason, count in not_read.most_common())
        line += f"; {missing} not: {parts}"
    return line
