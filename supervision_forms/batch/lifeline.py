"""Child processes that die with their parent, even when the parent is killed outright."""

from __future__ import annotations

import ctypes
import os
import signal
import sys

PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int) -> None:
    """Ask the kernel to SIGKILL this process when its parent dies (Linux), and exit now if
    `parent` (the pid the parent gave) is already gone. Elsewhere, only the check."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)  # this process's own symbols: libc's prctl
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass  # no prctl: the caller's parent check still applies
    if os.getppid() != parent:
        os._exit(1)
