"""Running work on untrusted input with a time limit: in a worker process, killed at the limit.

A signal-based alarm was tried and dropped: an exception raised from a signal handler can
land in a finaliser or a garbage-collector callback, where Python prints it and carries on.
A worker process can always be stopped, and it is always reaped (no zombies).

The worker is forked when this process runs a single thread (on Linux: a few milliseconds,
nothing imported again). With other threads running, forking is unsafe, so a fork server
is used instead: it starts once per process, preloading this library and the main module.
As with any use of multiprocessing, a script run directly must guard its work with
`if __name__ == "__main__":`.
"""

from __future__ import annotations

import multiprocessing
import sys
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.context import BaseContext
from typing import TypeVar

from ..errors import CorruptDocument, DocumentTooLarge, SupervisionFormsError

R = TypeVar("R")
_PRELOAD = ["__main__", "supervision_forms.reading.pdf", "pypdf._text_extraction"]  # fork server: once


def within(seconds: float, label: str, task: Callable[[], R]) -> R:
    """`task()` run in a worker process and stopped after `seconds` (`DocumentTooLarge`
    naming `label`). `task` and its result must pickle: a module-level function, or a
    `functools.partial` of one. The library's own errors raised by the task are raised
    here; anything else the task lets escape becomes `CorruptDocument`."""
    context = _context()
    receiver, sender = context.Pipe(duplex=False)
    worker = context.Process(target=_serve, args=(task, sender), daemon=True)  # type: ignore[attr-defined]
    try:
        worker.start()
    except (AssertionError, OSError, RuntimeError):  # e.g. a daemonic process may not have children
        receiver.close()
        sender.close()
        return task()  # still bounded by the parser's own size limits, not by time
    sender.close()
    try:
        if not receiver.poll(seconds):
            raise DocumentTooLarge(f"{label}: reading it took over {seconds:g} seconds; refused")
        outcome, value = receiver.recv()
    except (EOFError, OSError):  # the worker died: out of memory, or a crash in native code
        raise CorruptDocument(f"{label}: the reader stopped unexpectedly on this file") from None
    finally:
        receiver.close()
        if worker.is_alive():
            worker.kill()
        worker.join()
        worker.close()
    if outcome == "error":
        raise value
    return value  # type: ignore[no-any-return]


def _context() -> BaseContext:
    methods = multiprocessing.get_all_start_methods()
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(_PRELOAD)  # takes effect when the server first starts
        return context
    return multiprocessing.get_context("spawn")


def _serve(task: Callable[[], object], sender: Connection) -> None:
    """The worker: run the task and send back ("ok", result) or ("error", library error)."""
    try:
        sender.send(("ok", task()))
    except SupervisionFormsError as error:
        sender.send(("error", error))
    except Exception:  # the task should map its own failures; never send another kind
        sender.send(("error", CorruptDocument("the file could not be read")))
    finally:
        sender.close()
