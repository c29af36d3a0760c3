"""The output folder: one batch at a time, no half-written files, hashes, the zip of it all."""

from __future__ import annotations

import contextlib
import ctypes
import errno
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
from ..files import CLOEXEC, atomic_output, display_name, open_no_follow

LOCK_FILE = ".supervision-forms.lock"
PDF_WORK_PREFIX = ".sf-pdf-"
# temp files left by a killed run: ".<name>.<random>.tmp" (write_atomic and atomic_output)
_STALE_TEMP = re.compile(r"^\..+\.(docx|pdf|zip|json|jsonl)\.[A-Za-z0-9_]+\.tmp$")
_CHUNK = 1 << 16


@contextlib.contextmanager
def folder_lock(out: Path) -> Iterator[None]:
    """Hold the output folder for this batch; a second batch on it fails at once. The
    lock file is never opened through a symbolic link."""
    path = out / LOCK_FILE
    try:
        descriptor = open_no_follow(path, os.O_RDWR | os.O_CREAT)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise OutputFolderError(f"{display_name(path)}: a symbolic link; remove it") from None
        raise
    handle = open(descriptor, "a+b")  # noqa: SIM115
    try:
        try:
            _lock(handle)
        except OSError:
            raise OutputFolderError(f"{display_name(out)}: another batch is writing to this folder") from None
        _HELD.add(handle.fileno())
        yield
    finally:
        _HELD.discard(descriptor)
        handle.close()  # closing releases the lock


_HELD: set[int] = set()  # descriptors of the locks this process holds


def inherited_descriptors() -> list[int]:
    """What a forked child must close at once: the folder locks its parent holds (a lock
    outlives its holder while any copy of its descriptor is open)."""
    return sorted(_HELD)


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
    """The hash of a regular file (never followed through a link); None if there is none."""
    try:
        descriptor = open_no_follow(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    with open(descriptor, "rb") as handle:
        try:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return None
            digest = hashlib.sha256()
            while chunk := handle.read(_CHUNK):
                digest.update(chunk)
        except OSError:
            return None
    return digest.hexdigest()


def sync_files(folder: Path, names: Iterable[str]) -> None:
    """Make files of `folder`, written without a sync, durable with their names: on Linux
    one syncfs of the folder's file system for the whole group (a few times cheaper than
    a sync per file), elsewhere an fsync per file, then one of the folder."""
    descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | CLOEXEC)
    try:
        if _syncfs(descriptor):
            return
        for name in names:
            try:
                handle = open_no_follow(folder / name, os.O_RDONLY)
            except OSError:
                continue  # gone: the check before recording it says so
            try:
                os.fsync(handle)
            finally:
                os.close(handle)
        with contextlib.suppress(OSError):  # some systems cannot sync a folder
            os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _syncfs(descriptor: int) -> bool:
    """syncfs(2) where there is one; False when it is missing or failed."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return bool(libc.syncfs(descriptor) == 0)
    except (OSError, AttributeError):
        return False


class FolderGuard:
    """Notices when the output folder is deleted, or replaced by another of the same name
    (a sync tool, a colleague), while the batch runs."""

    def __init__(self, out: Path) -> None:
        self._out = out
        self._descriptor = os.open(out, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        status = os.fstat(self._descriptor)
        self._identity = (status.st_dev, status.st_ino)

    def check(self) -> None:
        """Raise OutputFolderError unless the folder is still the one the batch began in."""
        try:
            now = os.stat(self._out)
            kept = os.fstat(self._descriptor).st_nlink > 0
        except OSError:
            now, kept = None, False
        if now is None or (now.st_dev, now.st_ino) != self._identity or not kept:
            raise OutputFolderError(
                f"{display_name(self._out)}: the folder was removed or replaced while the batch ran; "
                "stopped. Run the batch again to finish"
            )

    def close(self) -> None:
        os.close(self._descriptor)


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
