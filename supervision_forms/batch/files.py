"""The output folder: one batch at a time, no half-written files, hashes, the zip of it all."""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import stat
import sys
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import OutputFolderError
from ..files import atomic_output

LOCK_FILE = ".supervision-forms.lock"
PDF_WORK_PREFIX = ".sf-pdf-"
# temp files left by a killed run: ".<name>.<random>.tmp" (write_atomic and atomic_output)
_STALE_TEMP = re.compile(r"^\..+\.(docx|pdf|zip|json|jsonl)\.[A-Za-z0-9_]+\.tmp$")
_CHUNK = 1 << 16


@contextlib.contextmanager
def folder_lock(out: Path) -> Iterator[None]:
    """Hold the output folder for this batch; a second batch on it fails at once."""
    path = out / LOCK_FILE
    handle = path.open("a+b")
    try:
        try:
            _lock(handle)
        except OSError:
            raise OutputFolderError(f"{out}: another batch is writing to this folder") from None
        yield
    finally:
        handle.close()  # closing releases the lock


def _lock(handle: BinaryIO) -> None:
    if sys.platform == "win32":
        import msvcrt

        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
    else:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)


def remove_stale_temporaries(out: Path) -> int:
    """Delete the temp files and folders a killed batch left behind (call with the lock)."""
    removed = 0
    for entry in os.scandir(out):
        if entry.name.startswith(PDF_WORK_PREFIX) and entry.is_dir(follow_symlinks=False):
            shutil.rmtree(entry.path, ignore_errors=True)
            removed += 1
        elif _STALE_TEMP.match(entry.name) and entry.is_file(follow_symlinks=False):
            Path(entry.path).unlink(missing_ok=True)
            removed += 1
    return removed


def file_sha256(path: Path) -> str | None:
    """The hash of a regular file (not followed through a link); None if there is none."""
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return None
        digest = hashlib.sha256()
        with path.open("rb") as handle:
            while chunk := handle.read(_CHUNK):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def occupied(path: Path) -> bool:
    """Something (a file, a folder, a link) already has this name."""
    return os.path.lexists(path)


def zip_files(target: Path, files: Iterable[Path]) -> Path:
    """One zip of the files, under their own names; written whole or not at all.
    Word and PDF files are stored as they are (they are compressed already)."""
    with atomic_output(target) as handle, zipfile.ZipFile(handle, "w") as archive:
        for file in files:
            method = zipfile.ZIP_STORED if file.suffix in (".docx", ".pdf") else zipfile.ZIP_DEFLATED
            archive.write(file, file.name, compress_type=method)
    return target
