"""Files: writing whole or not at all, opening without following links, and showing file
names safely in messages."""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from .errors import MissingFile

NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
CLOEXEC = getattr(os, "O_CLOEXEC", 0)


@contextlib.contextmanager
def atomic_output(path: Path, mode: int = 0o600, durable: bool = True) -> Iterator[BinaryIO]:
    """Stream into a temp file beside `path`, renamed into place only when complete
    (and, if `durable`, synced to disk first; else the caller syncs it later).
    A missing folder is `MissingFile`, naming the folder as given."""
    path = Path(path)
    fd, temp = _temp_beside(path)
    with _replacing(fd, temp, path, mode, durable), os.fdopen(fd, "wb", closefd=False) as handle:
        yield handle


def write_atomic(path: Path, data: bytes, mode: int = 0o600, durable: bool = True) -> None:
    """Write bytes whole or not at all (owner-only by default), as `atomic_output` does,
    without a file object (a batch writes thousands)."""
    path = Path(path)
    fd, temp = _temp_beside(path)
    with _replacing(fd, temp, path, mode, durable):
        _write_all(fd, data)


def write_temporary(path: Path, data: bytes, mode: int = 0o600) -> str:
    """Write bytes to a new temp file beside `path`, named as `write_atomic` names its own
    (so a run that is killed leaves nothing a later one does not clear away), not synced
    and not renamed: the caller renames it into place, or removes it. Its file name."""
    fd, temp = _temp_beside(Path(path))
    with _replacing(fd, temp, None, mode, durable=False):
        _write_all(fd, data)
    return os.path.basename(temp)


def _temp_beside(path: Path) -> tuple[int, str]:
    """A new owner-only temp file beside `path`, opened for writing, and its name."""
    temp = os.path.join(path.parent, f".{path.name}.{secrets.token_hex(6)}.tmp")
    try:
        return os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | NOFOLLOW | CLOEXEC, 0o600), temp
    except FileNotFoundError:
        raise MissingFile(f"{path.parent}: the output folder does not exist") from None


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


@contextlib.contextmanager
def _replacing(fd: int, temp: str, path: Path | None, mode: int, durable: bool) -> Iterator[None]:
    """Around writing `fd`: then synced (if `durable`), given `mode`, closed and renamed
    to `path` (None: left for the caller to rename); on any failure the temp file is removed."""
    try:
        try:
            yield
            if durable:
                os.fsync(fd)
            if hasattr(os, "fchmod"):
                os.fchmod(fd, mode)
        finally:
            os.close(fd)
        if not hasattr(os, "fchmod"):
            os.chmod(temp, mode)
        if path is not None:
            os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def open_no_follow(path: Path, flags: int, mode: int = 0o600) -> int:
    """os.open that refuses a symbolic link in the last part of the path (raises OSError,
    ELOOP on POSIX); the descriptor is not inherited by child processes."""
    return os.open(path, flags | NOFOLLOW | CLOEXEC, mode)


def escape_controls(text: str) -> str:
    """Text safe to print on one line: every character that is not printable (controls,
    bidirectional and other format characters, separators) as an escape (\\n, \\x1b,
    \\u202e); the bytes of a name that was not UTF-8 (os.fsdecode's surrogateescape) as
    \\xNN. Such characters can forge a line, recolour a terminal or reorder what is shown."""
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else _escape(char) for char in text)


def display_name(name: str | bytes | os.PathLike[str] | os.PathLike[bytes]) -> str:
    """A file name or path as it may be shown in a message: whatever bytes it holds,
    printable on one line, never able to forge or reorder a line."""
    return escape_controls(os.fsdecode(name))


def _escape(char: str) -> str:
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8
        return f"\\x{code - 0xDC00:02x}"
    return char.encode("unicode_escape").decode("ascii")
