"""Small file systems for the fault tests: a tmpfs of a given size, mounted where we may
(root, or CAP_SYS_ADMIN), made read-only or larger on demand. Where mounting is not
allowed, a test falls back to a per-process file size limit (RLIMIT_FSIZE), which makes
writes fail as a full disk does, without mounting anything or preloading a library."""

from __future__ import annotations

import contextlib
import os
import resource
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path


class SmallDisk:
    def __init__(self, where: Path) -> None:
        self.where = where

    def _mount(self, options: str) -> bool:
        result = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(self.where)],
            capture_output=True,
            check=False,
        )
        return result.returncode == 0

    def resize(self, size: str) -> None:
        subprocess.run(
            ["mount", "-o", f"remount,size={size}", str(self.where)], check=True, capture_output=True
        )

    def read_only(self, on: bool) -> None:
        subprocess.run(
            ["mount", "-o", "remount," + ("ro" if on else "rw"), str(self.where)],
            check=True,
            capture_output=True,
        )


@contextlib.contextmanager
def small_disk(where: Path, size: str) -> Iterator[SmallDisk | None]:
    """A tmpfs of `size` at `where`, or None where this process may not mount."""
    where.mkdir(parents=True, exist_ok=True)
    disk = SmallDisk(where)
    unmountable = os.environ.get("SF_FAULTS_NO_MOUNT") == "1"  # to try the fallback where mounting works
    if unmountable or shutil.which("mount") is None or not disk._mount(f"size={size},mode=0700"):
        yield None
        return
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True, check=False)


def file_size_limit(limit: int) -> Callable[[], None]:
    """A preexec_fn: the child (and what it starts) cannot write any file past `limit`
    bytes; Python ignores SIGXFSZ, so the write fails with EFBIG, as on a full disk."""

    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0
