"""Reading untrusted files in long-lived worker processes, each document limited in CPU time.

A worker is this module run in a new Python (`command(task)`): started once,
it reads one request after another from its standard input and answers on its standard
output. The parent measures the CPU time a worker spends on each document (from
`/proc/<pid>/stat`); a worker over its limit is killed (and a new one started when next
needed), so a busy machine slows a reading down but never refuses it. Each worker also
limits its memory. Nothing here forks the caller: `parse` is safe from threads and
process pools, and a script needs no `if __name__ == "__main__":` guard.

Requests and answers are JSON (never pickle: an answer comes from code that read an
untrusted file). A request is one line of JSON naming a task and the payload's length,
then the payload; an answer is its length (8 ASCII digits) and a JSON object.
"""

from __future__ import annotations

import atexit
import importlib
import json
import os
import select
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from typing import IO, Any

from ..errors import (
    CorruptDocument,
    DocumentTooLarge,
    EncryptedDocument,
    NeedsOcr,
    NotASupervisionForm,
    SupervisionFormsError,
    UnsupportedFormat,
)
from ..threads import ONE_THREAD

TASKS = {  # all a worker will run
    "pdf": "supervision_forms.reading.pdf_pages:extract",
    "ocr": "supervision_forms.reading.scan:ocr_task",
}
MEMORY_BYTES = 2 * 2**30  # address space a worker may use
BACKSTOP = 30.0  # wall-clock seconds per CPU second before a stuck worker is given up
MAX_WORKERS = 4
START_SECONDS = 60.0  # wall-clock time a new worker may take to import its code
# A worker is started by this code, not `-m`: its package is registered without running its
# __init__, which imports the whole form reader (parse, packs, models: about 0.8 s of CPU a
# fresh worker never uses; a scanned page image paid it on top of its OCR). The task it is
# started for is its argument.
LAUNCH = (
    "import importlib.util, sys\n"
    f"spec = importlib.util.find_spec({__package__!r})\n"
    "sys.modules[spec.name] = importlib.util.module_from_spec(spec)\n"
    f"from {__name__} import _serve\n"
    "_serve(sys.argv[1])\n"
)
READY = b"ready\n"
ERRORS: dict[str, type[SupervisionFormsError]] = {
    cls.__name__: cls
    for cls in (
        CorruptDocument,
        DocumentTooLarge,
        EncryptedDocument,
        NeedsOcr,
        NotASupervisionForm,
        UnsupportedFormat,
    )
}
ERRORS["OcrUnavailable"] = NeedsOcr  # the OCR package's own (it says what to install)
Task = Callable[[bytes, str], dict[str, Any]]


class WorkerUnavailable(Exception):
    """A worker process started but did not become ready (mapped to `CorruptDocument`)."""


def command(task: str) -> list[str]:
    """The command that starts a worker for a task (it runs the others too)."""
    return [sys.executable, "-c", LAUNCH, task]


class Worker:
    """One worker process and the CPU time it has used."""

    def __init__(self, task: str) -> None:
        self.process = subprocess.Popen(
            command(task),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            close_fds=True,
            env={**os.environ, **ONE_THREAD},
        )
        self.ticks = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
        assert self.process.stdout is not None
        ready, _, _ = select.select([self.process.stdout], [], [], START_SECONDS)
        if not ready or self.process.stdout.read(len(READY)) != READY:  # start-up is not counted
            self.close()
            raise WorkerUnavailable("the reading worker did not start")

    def cpu(self) -> float:
        """CPU seconds the worker has used (wall-clock time where /proc is not there)."""
        try:
            with open(f"/proc/{self.process.pid}/stat", "rb") as handle:
                fields = handle.read().rsplit(b")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / self.ticks
        except (OSError, IndexError, ValueError):
            return time.monotonic()

    def run(self, task: str, payload: bytes, label: str, seconds: float) -> dict[str, Any]:
        """The task's answer; `DocumentTooLarge` when it needs over `seconds` of CPU time."""
        assert self.process.stdin is not None and self.process.stdout is not None
        start, began = self.cpu(), time.monotonic()
        header = json.dumps({"task": task, "label": label, "size": len(payload)}).encode() + b"\n"
        try:
            self.process.stdin.write(header + payload)
            self.process.stdin.flush()
        except OSError:
            raise CorruptDocument(f"{label}: the reader stopped unexpectedly on this file") from None
        stdout = self.process.stdout
        while True:
            used = self.cpu() - start
            if used > seconds or time.monotonic() - began > BACKSTOP * seconds:
                raise DocumentTooLarge(f"{label}: reading it took over {seconds:g} seconds; refused")
            ready, _, _ = select.select([stdout], [], [], max(0.01, seconds - used))
            if ready:
                return _answer(stdout, label)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                stream.close()


def _answer(stdout: IO[bytes], label: str) -> dict[str, Any]:
    size = stdout.read(8)
    try:
        return dict(json.loads(stdout.read(int(size))))
    except ValueError:  # the worker died (no answer) or wrote something else
        raise CorruptDocument(f"{label}: the reader stopped unexpectedly on this file") from None


def _checked(answer: dict[str, Any], label: str) -> dict[str, Any]:
    """The answer, or the library error the worker answered with, raised."""
    if "error" in answer:
        kind = ERRORS.get(str(answer["error"]), CorruptDocument)
        raise kind(f"{label}: {answer.get('message') or 'the file could not be read'}")
    return answer


class Pool:
    """Idle workers, and a cap on how many run at once (callers beyond it wait)."""

    def __init__(self, size: int) -> None:
        self.idle: list[Worker] = []
        self.lock = threading.Lock()
        self.slots = threading.BoundedSemaphore(size)

    def run(self, task: str, payload: bytes, label: str, seconds: float) -> dict[str, Any]:
        with self.slots:
            with self.lock:
                worker = self.idle.pop() if self.idle else None
            if worker is None:
                worker = Worker(task)  # OSError where no process can be started at all
            try:
                answer = worker.run(task, payload, label, seconds)
            except BaseException:
                worker.close()  # over its limit, dead, or interrupted: never reused
                raise
            with self.lock:
                self.idle.append(worker)  # an answer, even a refusal, leaves the worker sound
            return _checked(answer, label)

    def close(self) -> None:
        with self.lock:
            idle, self.idle = self.idle, []
        for worker in idle:
            worker.close()


_pool: Pool | None = None
_pool_lock = threading.Lock()


def run(task: str, payload: bytes, label: str, seconds: float) -> dict[str, Any]:
    """Run a named task on `payload` in a worker, limited to `seconds` of CPU time. Where
    no worker can be started, the task runs here (bounded by its own size limits only)."""
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = Pool(min(MAX_WORKERS, os.cpu_count() or 1))
        pool = _pool
    try:
        return pool.run(task, payload, label, seconds)
    except WorkerUnavailable:
        raise CorruptDocument(f"{label}: the PDF reader could not be started") from None
    except OSError:  # no process can be started here (a sandbox): read without the time limit
        return _call(task, payload, label)


def shutdown() -> None:
    """Stop the workers (they are started again when next needed)."""
    global _pool
    with _pool_lock:
        pool, _pool = _pool, None
    if pool is not None:
        pool.close()


def _forget_in_child() -> None:
    """A forked child must not share its parent's workers: it starts its own."""
    global _pool, _pool_lock
    _pool, _pool_lock = None, threading.Lock()


atexit.register(shutdown)
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_in_child)


def _call(task: str, payload: bytes, label: str) -> dict[str, Any]:
    module, _, name = TASKS[task].partition(":")
    function: Task = getattr(importlib.import_module(module), name)
    return function(payload, label)


def _serve(first: str) -> None:
    """The worker's loop: a request in, an answer out, until the parent goes. The code of
    the task it was started for (`first`) is imported before the first request, so never
    counted in its time; another task's, when first asked for, is counted in that request
    (a text PDF's: about 0.3 s of its 5 s; an image's OCR needs no PDF code)."""
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))
    except (ImportError, ValueError, OSError):
        pass
    requests, answers = sys.stdin.buffer, sys.stdout.buffer
    importlib.import_module(TASKS[first].partition(":")[0])
    answers.write(READY)
    answers.flush()
    while True:
        line = requests.readline()
        if not line:
            return
        request = json.loads(line)
        payload = requests.read(int(request["size"]))
        try:
            answer = _call(str(request["task"]), payload, str(request["label"]))
        except SupervisionFormsError as error:
            message = str(error).removeprefix(f"{request['label']}: ")
            answer = {"error": type(error).__name__, "message": message}
        except MemoryError:
            answer = {"error": "DocumentTooLarge", "message": "the file is over the reading limits (memory)"}
        except Exception:  # the task maps its own failures; anything else is a damaged file
            answer = {"error": "CorruptDocument", "message": "the file could not be read"}
        body = json.dumps(answer, ensure_ascii=False).encode("utf-8", "replace")
        answers.write(b"%08d" % len(body) + body)
        answers.flush()
