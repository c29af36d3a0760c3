"""Files: writing whole or not at all, opening without following links, and showing file
names safely in messages."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
CLOEXEC = getattr(os, "O_CLOEXEC", 0)
# Control characters (C0, DEL, C1), bidirectional controls and line separators: they can
# forge lines, recolour a terminal or reorder what is shown. Lone surrogates stand for
# the bytes of a name that is not UTF-8 (os.fsdecode's surrogateescape).
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


@contextlib.contextmanager
def atomic_output(path: Path, mode: int = 0o600) -> Iterator[BinaryIO]:
    """Stream into a temp file beside `path`, renamed into place only when complete."""
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def write_atomic(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Write bytes whole or not at all (owner-only by default)."""
    with atomic_output(Path(path), mode) as handle:
        handle.write(data)


def open_no_follow(path: Path, flags: int, mode: int = 0o600) -> int:
    """os.open that refuses a symbolic link in the last part of the path (raises OSError,
    ELOOP on POSIX); the descriptor is not inherited by child processes."""
    return os.open(path, flags | NOFOLLOW | CLOEXEC, mode)


def escape_controls(text: str) -> str:
    """Text safe to print on one line: control, bidirectional and separator characters
    as escapes (\\n, \\x1b, \\u202e), bytes that were not UTF-8 as \\xNN."""
    return _UNSAFE.sub(_escape, text)


def display_name(name: str | bytes | os.PathLike[str] | os.PathLike[bytes]) -> str:
    """A file name or path as it may be shown in a message: whatever bytes it holds,
    printable on one line, never able to forge or reorder a line."""
    return escape_controls(os.fsdecode(name))


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"
