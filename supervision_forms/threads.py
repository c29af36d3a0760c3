"""Native libraries on one thread. OpenMP (Tesseract's) reads this setting as it loads, so a
process started with it runs their work in the calling thread, where its CPU time is counted
against the limits. Set for the processes we start, never changed in the caller's."""

from __future__ import annotations

import os

ONE_THREAD = {"OMP_THREAD_LIMIT": "1"}


def one_thread_here() -> bool:
    """Whether this process was started on one thread (a reading worker is)."""
    return all(os.environ.get(name) == value for name, value in ONE_THREAD.items())
