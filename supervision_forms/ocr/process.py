"""Running an OCR helper program (Tesseract, pdftoppm) on untrusted input, bounded by CPU
time and memory, never by the clock: a busy machine gives the same result as an idle one.

The program reads its input from a pipe, so nothing is written to disk. The limits are set
on the new process before it is sent its input, so the input is never handled unbounded
(and no code runs between fork and exec: this is safe from threads).
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
from collections.abc import Sequence

from ..errors import CorruptDocument, DocumentTooLarge
from ..threads import ONE_THREAD


def run_bounded(
    argv: Sequence[str], data: bytes, *, cpu_seconds: int, memory_bytes: int, failure: str
) -> bytes:
    """The program's standard output for `data` on its standard input. Over the CPU time:
    `DocumentTooLarge`; any other failure: `CorruptDocument` with the message `failure`
    (the program's own messages may quote the file, so they are never passed on).
    A missing program raises FileNotFoundError, for the caller to explain."""
    env = {**os.environ, **ONE_THREAD}
    process = subprocess.Popen(
        list(argv),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    try:
        try:
            resource.prlimit(process.pid, resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
            resource.prlimit(process.pid, resource.RLIMIT_AS, (memory_bytes, memory_bytes))
        except ProcessLookupError:  # it has already stopped; its exit status says why
            pass
        output, _ = process.communicate(data)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    if process.returncode in (-signal.SIGXCPU, -signal.SIGKILL):
        raise DocumentTooLarge(f"{failure}: over the limit of {cpu_seconds} s of CPU time")
    if process.returncode != 0:
        raise CorruptDocument(failure)
    return output
