"""Writing files whole or not at all: a temp file beside the target, then a rename."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from .errors import MissingFile


@contextlib.contextmanager
def atomic_output(path: Path, mode: int = 0o600) -> Iterator[BinaryIO]:
    """Stream into a temp file beside `path`, renamed into place only when complete.
    A missing folder is `MissingFile`, naming the folder as given."""
    try:
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except FileNotFoundError:
        raise MissingFile(f"{path.parent}: the output folder does not exist") from None
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
