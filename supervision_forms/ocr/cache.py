"""Files made once from Tesseract's data and kept in the user's cache folder, so a fresh
worker does not make them again (Tesseract's English word list, a slim copy of its Latin
model: about a second of CPU each).

A file is named after what it is made from: the data file's path, size, change time and
inode, and the maker's version. A changed or reinstalled model is a new name, never mixed
up with the old one. Each file has a checksum beside it and is used only when the two
agree (a file cut short by a full disk, or damaged, is made again). Both are written under
a temporary name and renamed into place, so concurrent workers never see half a file; two
that make the same file at once write the same bytes.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..files import write_atomic
from ..user_cache import user_cache

SUM = ".sha256"


def cached(source: Path, kind: str, suffix: str = "") -> Path | None:
    """The intact cached file of `kind` made from `source` (its name ending in `suffix`);
    None when there is none."""
    try:
        path = _path(source, kind, suffix)
    except OSError:  # the source is gone
        return None
    return path if _intact(path) else None


def keep(source: Path, kind: str, data: bytes, suffix: str = "") -> Path | None:
    """`data`, the file of `kind` made from `source`, cached; None when the cache folder
    cannot be written (the caller then does without it)."""
    try:
        path = _path(source, kind, suffix)
        _write(path, data)
        _write(path.with_name(path.name + SUM), hashlib.sha256(data).hexdigest().encode())
    except OSError:
        return None
    return path


def _path(source: Path, kind: str, suffix: str) -> Path:
    folder = user_cache()
    if folder is None:
        raise OSError("no cache folder: the user has no home")
    return folder / f"{kind}-{_identity(source, kind)}{suffix}"


def _identity(source: Path, kind: str) -> str:
    """A short digest of the source file's identity (never its bytes: they are large)."""
    real = source.resolve()
    status = real.stat()
    key = f"{real}\0{status.st_size}\0{status.st_mtime_ns}\0{status.st_ino}\0{kind}"
    return hashlib.sha256(key.encode()).hexdigest()[:24]


def _intact(path: Path) -> bool:
    try:
        expected = path.with_name(path.name + SUM).read_bytes().decode("ascii").strip()
        return hashlib.sha256(path.read_bytes()).hexdigest() == expected
    except (OSError, UnicodeDecodeError):
        return False


def _write(path: Path, data: bytes) -> None:
    """`data` into `path`, atomically: a reader sees the old file or the whole new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, data, durable=False)
