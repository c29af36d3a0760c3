"""Rendering rows to files: here, or in worker processes that each load the pack once.

The parent decides everything (names, whether a file may be written); a worker only
renders, hashes and writes what it is told, and reports back without personal values.
A worker never outlives the batch: it asks the kernel to kill it when its parent dies
(Linux), and checks on its parent besides. When a worker dies, its rows are sent again,
each alone, so a row that kills its renderer fails alone and the others are written.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Literal

from pydantic import BaseModel

from ..errors import SupervisionFormsError
from ..files import write_atomic
from ..packs import Pack, load_pack
from ..render import render
from .files import file_sha256
from .lifeline import die_with_parent

WriteMode = Literal["create", "replace", "adopt"]
"""create: a new file; replace: overwrite what is there; adopt: leave what is there if it
is byte-for-byte what this row renders to (a killed run wrote it), else fail."""

PARENT_CHECK_SECONDS = 0.5
CHUNK = 8  # rows per task sent to a worker process
CHUNKS_PER_JOB = 4  # tasks in flight per worker process
ATTEMPTS = 2  # a row whose worker died is sent once more, alone
MAX_POOL_RESTARTS = 12
NOT_OURS = (
    "its file is in the folder but is not what this batch wrote "
    "(changed since, or someone else's); --overwrite replaces it"
)
WORKER_DIED = "the renderer process stopped while rendering this row, twice"


@dataclass(frozen=True, slots=True)
class RenderJob:
    ticket: int  # the parent's handle for the row
    model: BaseModel
    path: Path
    mode: WriteMode
    attempt: int = 1


@dataclass(frozen=True, slots=True)
class Rendered:
    ticket: int
    sha256: str | None = None
    wrote: bool = False
    error: str | None = None


class Renderer:
    """Renders jobs for one pack and document kind; the template is compiled once."""

    def __init__(self, pack: Pack, document: str) -> None:
        self._pack = pack
        self._document = document
        pack.template(document)

    def run(self, jobs: Sequence[RenderJob]) -> list[Rendered]:
        return [self._one(job) for job in jobs]

    def _one(self, job: RenderJob) -> Rendered:
        try:
            content = render(job.model, pack=self._pack, document=self._document)
        except SupervisionFormsError as error:  # messages are value-free by design
            return Rendered(job.ticket, error=str(error))
        except Exception as error:  # a bug must not stop the other rows
            return Rendered(job.ticket, error=f"could not be rendered ({type(error).__name__})")
        digest = hashlib.sha256(content).hexdigest()
        if job.mode == "adopt":
            if file_sha256(job.path) == digest:
                return Rendered(job.ticket, digest)
            return Rendered(job.ticket, error=NOT_OURS)
        try:
            write_atomic(job.path, content)
        except OSError as error:
            reason = error.strerror or type(error).__name__
            return Rendered(job.ticket, error=f"the file could not be written ({reason})")
        except SupervisionFormsError:  # the folder is gone (the batch notices and stops)
            return Rendered(job.ticket, error="the file could not be written (no such folder)")
        return Rendered(job.ticket, digest, wrote=True)


_renderer: Renderer | None = None  # one per worker process, set by start_worker


def start_worker(parent: int, pack_root: Traversable | Path, document: str) -> None:
    """Process-pool initializer: die with the batch, then load and compile the pack once."""
    global _renderer
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    die_with_parent(parent)
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    _renderer = Renderer(load_pack(pack_root), document)


def _exit_with_parent(parent: int) -> None:
    """A killed batch must not leave its workers behind, waiting for work forever. The
    parent is the one the batch named: if it died before this worker got going, the
    worker's parent is already someone else, and it exits at once."""
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)


def run_in_worker(jobs: list[RenderJob]) -> list[Rendered]:
    """Process-pool task: render a chunk of jobs with this process's renderer."""
    if _renderer is None:
        raise RuntimeError("worker not started")
    return _renderer.run(jobs)


class RendererPool:
    """Where rendering happens: in this process (one job) or in a pool of processes, each
    of which loads the pack and compiles its template once."""

    def __init__(self, pack: Pack, document: str, jobs: int) -> None:
        self._pack = pack
        self._document = document
        self._jobs = jobs
        self.chunk_size = 1 if jobs == 1 else CHUNK
        self.max_in_flight = 1 if jobs == 1 else jobs * CHUNKS_PER_JOB
        self._local = Renderer(pack, document) if jobs == 1 else None
        self._pool: ProcessPoolExecutor | None = None
        self._generation = 0
        self._restarts = 0
        self.running: dict[Future[list[Rendered]], list[RenderJob]] = {}
        self._born: dict[Future[list[Rendered]], int] = {}

    def submit(self, chunk: list[RenderJob]) -> None:
        future: Future[list[Rendered]]
        if self._local is not None:
            future = Future()
            future.set_result(self._local.run(chunk))
        else:
            future = self._executor().submit(run_in_worker, chunk)
            self._born[future] = self._generation
        self.running[future] = chunk

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=self._jobs,
                mp_context=multiprocessing.get_context("spawn"),  # no fork: safe beside threads
                initializer=start_worker,
                initargs=(os.getpid(), self._pack.root, self._document),
            )
        return self._pool

    def collect(self) -> list[Rendered]:
        """Outcomes of the chunks that have finished. Rows of a worker that died are sent
        again, each alone, and come back later."""
        outcomes: list[Rendered] = []
        for future in [f for f in self.running if f.done()]:
            chunk = self.running.pop(future)
            outcomes.extend(self._outcomes(future, chunk, self._born.pop(future, self._generation)))
        return outcomes

    def _outcomes(self, future: Future[list[Rendered]], chunk: list[RenderJob], born: int) -> list[Rendered]:
        try:
            return future.result()
        except BrokenProcessPool:
            if born == self._generation:
                self._restart()
            again = [job for job in chunk if job.attempt < ATTEMPTS]
            for job in again:
                self.submit([replace(job, attempt=job.attempt + 1)])
            return [Rendered(job.ticket, error=WORKER_DIED) for job in chunk if job.attempt >= ATTEMPTS]
        except Exception as error:  # e.g. a row that cannot be sent to a worker
            reason = f"could not be rendered ({type(error).__name__})"
        return [Rendered(job.ticket, error=reason) for job in chunk]

    def _restart(self) -> None:
        self._restarts += 1
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
        self._generation += 1
        if self._restarts > MAX_POOL_RESTARTS:
            raise SupervisionFormsError("the renderer processes keep stopping; the batch was halted")

    def close(self, abort: bool = False) -> None:
        """Stop the workers: after the work in flight, or at once (`abort`)."""
        pool, self._pool = self._pool, None
        if pool is None:
            return
        if abort:
            for process in list(getattr(pool, "_processes", {}).values()):
                process.kill()  # they hold no state worth keeping: the journal has it all
        pool.shutdown(wait=True, cancel_futures=True)
