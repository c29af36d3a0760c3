"""Rows made ready and rendered to files: in worker processes started once and reused,
and in the batch's own process.

A worker reads a row from its cells, validates it and tells who it is (`prepare`), and
renders it at once into a draft beside its file-to-be (see `Draft`), so that a row
travels to a worker once and its model never comes back; it renders and writes a
document it is told to only where no draft could be made. It reports back without
personal values. The parent decides what must be decided in roster order (names,
whether a file may be written), renames each draft into place, and when its workers
have enough queued, does a share of the work itself rather than wait.
Workers are forked from the parent once it has loaded the pack and compiled the one
template the batch uses, before any thread starts, so a worker costs a fork, not a
Python start-up; where forking is not safe (another thread is running, not POSIX) they
are spawned and load the pack themselves. The batch's own process counts as one of its
jobs (it names every row and records every file, and works besides): N jobs are the
parent and N-1 workers, never more processes than usable cores.
A worker writes its files without syncing each: the parent syncs them in groups before
the journal records them (see engine). A worker never outlives the batch: it asks the
kernel to kill it when its parent dies (Linux), and checks on its parent besides. When a
worker dies (or a task fails as a whole), its rows are sent again, each alone, so a row
that kills its worker fails alone and the others are written.
"""

from __future__ import annotations

import contextlib
import hashlib
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel

from ..errors import SupervisionFormsError
from ..files import write_atomic, write_temporary
from ..packs import Pack, load_pack
from ..render import render_model
from .files import file_sha256, inherited_descriptors
from .lifeline import die_with_parent
from .prepare import Draft, Prepared, PrepareJob, Preparer

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
WORKER_DIED = "the worker process stopped while working on this row, twice"


@dataclass(frozen=True, slots=True)
class RenderJob:
    ticket: int  # the parent's handle for the row
    model: BaseModel
    path: Path
    mode: WriteMode
    attempt: int = 1

    def failed(self, message: str) -> Rendered:
        return Rendered(self.ticket, error=message)


@dataclass(frozen=True, slots=True)
class Rendered:
    ticket: int
    sha256: str | None = None
    wrote: bool = False
    error: str | None = None
    notes: tuple[str, ...] = ()  # what render would warn of (value-free)


class Renderer:
    """Renders jobs for one pack and document kind; the template is compiled once."""

    def __init__(self, pack: Pack, document: str) -> None:
        self._pack = pack
        self._document = document
        pack.template(document)  # this one only: a worker compiles no other

    def run(self, jobs: Sequence[RenderJob]) -> list[Rendered]:
        return [self.one(job) for job in jobs]

    def one(self, job: RenderJob) -> Rendered:
        made = self._made(job.model)
        if isinstance(made, str):
            return Rendered(job.ticket, error=made)
        content, notes = made
        digest = hashlib.sha256(content).hexdigest()
        if job.mode == "adopt":
            if file_sha256(job.path) == digest:
                return Rendered(job.ticket, digest, notes=notes)
            return Rendered(job.ticket, error=NOT_OURS)
        try:
            write_atomic(job.path, content, durable=False)  # synced in groups by the parent
        except (OSError, SupervisionFormsError) as error:
            return Rendered(job.ticket, error=unwritten(error))
        return Rendered(job.ticket, digest, wrote=True, notes=notes)

    def draft(self, row: Prepared, drafts: Drafts) -> Prepared:
        """The row with its document drafted (see `Draft`); as it was when that fails, or
        when the row's file is likely made already (its fingerprint is an earlier run's):
        the batch then asks for a render once it knows the row's file."""
        if row.model is None or row.fingerprint in drafts.skip:
            return row
        made = self._made(row.model)
        if isinstance(made, str):
            return row
        content, notes = made
        try:
            name = write_temporary(drafts.folder / f"draft-{row.ticket}.docx", content)
        except (OSError, SupervisionFormsError):
            return row
        draft = Draft(name, hashlib.sha256(content).hexdigest(), notes)
        return replace(row, draft=draft, model=row.model if drafts.keep_model else None)

    def _made(self, model: BaseModel) -> tuple[bytes, tuple[str, ...]] | str:
        """The document's bytes and what render would warn of; or why it failed."""
        try:
            content, notes = render_model(model, self._pack, self._document)
        except SupervisionFormsError as error:  # messages are value-free by design
            return str(error)
        except Exception as error:  # a bug must not stop the other rows
            return f"could not be rendered ({type(error).__name__})"
        return content, tuple(notes)


def unwritten(error: OSError | SupervisionFormsError) -> str:
    """Why a row's file could not be written, without its name."""
    if isinstance(error, OSError):
        return f"the file could not be written ({error.strerror or type(error).__name__})"
    return "the file could not be written (no such folder)"  # the batch notices and stops


@dataclass(frozen=True)
class Drafts:
    """Where ready rows are drafted (see `Draft`), and which not: rows whose fingerprint
    an earlier run's file has (most are unchanged); `keep_model` when the batch needs a
    drafted row's model still (to make its PDF)."""

    folder: Path
    skip: frozenset[str] = frozenset()
    keep_model: bool = False


@dataclass(frozen=True, slots=True)
class Work:
    """What the batch's processes do to its rows: make them ready, render them."""

    preparer: Preparer
    renderer: Renderer
    drafts: Drafts | None = None  # None: rows are rendered only when asked (RenderJob)

    @classmethod
    def of(
        cls, pack: Pack, document: str, defaults: Mapping[str, Any], titles: bool, drafts: Drafts | None
    ) -> Work:
        return cls(Preparer(pack, document, defaults, titles), Renderer(pack, document), drafts)

    def run(self, jobs: Sequence[Job]) -> list[Outcome]:
        return [
            self._prepared(job) if isinstance(job, PrepareJob) else self.renderer.one(job) for job in jobs
        ]

    def _prepared(self, job: PrepareJob) -> Prepared:
        row = self.preparer.one(job)
        return row if self.drafts is None else self.renderer.draft(row, self.drafts)


Job = PrepareJob | RenderJob
Outcome = Prepared | Rendered
_work: Work | None = None  # one per worker process, set by start_worker


def start_worker(
    parent: int,
    pack: Pack | Traversable | Path,
    document: str,
    defaults: Mapping[str, Any],
    titles: bool,
    drafts: Drafts | None,
) -> None:
    """Process-pool initializer: die with the batch, then get ready to work. A forked
    worker is given the parent's pack, its template compiled already; a spawned one
    loads the pack itself, compiling only the template it needs."""
    global _work
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    die_with_parent(parent)
    for descriptor in inherited_descriptors():  # a forked worker must not hold the folder lock
        with contextlib.suppress(OSError):
            os.close(descriptor)
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    chosen = pack if isinstance(pack, Pack) else load_pack(pack, compile_templates=False)
    _work = Work.of(chosen, document, defaults, titles, drafts)


def _exit_with_parent(parent: int) -> None:
    """A killed batch must not leave its workers behind, waiting for work forever. The
    parent is the one the batch named: if it died before this worker got going, the
    worker's parent is already someone else, and it exits at once."""
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)


def run_in_worker(jobs: Sequence[Job]) -> list[Outcome]:
    """Process-pool task: a chunk of jobs, done with this process's work."""
    if _work is None:
        raise RuntimeError("worker not started")
    return _work.run(jobs)


def usable_cores() -> int:
    """The cores this process may run on (its affinity), at least one."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


ROWS_PER_EXTRA_JOB = 50  # a short roster is done before an extra worker process would pay for its start


def jobs_that_pay(asked: int, rows: int | None) -> int:
    """Processes (the batch's own and its workers) worth running for `rows` rows
    (unknown: as many as asked): never more than the usable cores, and one more per
    ROWS_PER_EXTRA_JOB rows, so that asking for more jobs never makes a short batch
    slower than one job."""
    most = max(1, min(asked, usable_cores()))
    return most if rows is None else min(most, 1 + rows // ROWS_PER_EXTRA_JOB)


class WorkPool:
    """Where rows are worked on: in this process (one job), or in worker processes
    started at once (each with the pack loaded and its template compiled) and in this
    one. `jobs` counts this process too, busy naming and recording every row: a worker
    more than `jobs` - 1 would only fight it and the others for the usable cores. While
    every worker has CHUNKS_PER_JOB tasks queued, a further task is done here, at once."""

    def __init__(
        self,
        pack: Pack,
        document: str,
        jobs: int,
        defaults: Mapping[str, Any],
        titles: bool,
        drafts: Drafts | None = None,
    ) -> None:
        self._pack = pack
        self._document = document
        self._defaults = defaults
        self._titles = titles
        self._drafts = drafts
        self.workers = min(jobs, usable_cores()) - 1  # 0: all done here
        self.chunk_size = 1 if self.workers == 0 else CHUNK
        self._queued_most = max(1, self.workers * CHUNKS_PER_JOB)
        self.most_in_flight = 2 * self._queued_most  # rows sent again after a worker died add to it
        self._local = Work.of(pack, document, defaults, titles, drafts)
        self._pool: ProcessPoolExecutor | None = None
        self._generation = 0
        self._restarts = 0
        self.running: dict[Future[list[Outcome]], list[Job]] = {}
        self._born: dict[Future[list[Outcome]], int] = {}
        if self.workers > 0:
            self._executor()  # now, while this process may still fork cheaply

    def submit(self, chunk: Sequence[Job]) -> None:
        future: Future[list[Outcome]]
        again = any(job.attempt > 1 for job in chunk)  # its worker died: never risk this process
        if self.workers == 0 or (not again and self._queued() >= self._queued_most):
            future = Future()
            future.set_result(self._local.run(chunk))
        else:
            try:
                future = self._executor().submit(run_in_worker, chunk)
            except BrokenProcessPool:  # a worker died since the last look: start afresh
                self._restart()
                future = self._executor().submit(run_in_worker, chunk)
            self._born[future] = self._generation
        self.running[future] = list(chunk)

    def _queued(self) -> int:
        """Tasks sent to the workers and not done yet."""
        return sum(1 for future in self._born if not future.done())

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            forking = _may_fork()
            self._pack.template(self._document)  # compiled before the fork, shared by all
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=multiprocessing.get_context("fork" if forking else "spawn"),
                initializer=start_worker,
                initargs=(
                    os.getpid(),
                    self._pack if forking else self._pack.root,
                    self._document,
                    self._defaults,
                    self._titles,
                    self._drafts,
                ),
            )
            if forking:  # a fork pool starts its processes on the first task: start them now
                self._pool.submit(int).result()
        return self._pool

    def collect(self) -> list[Outcome]:
        """Outcomes of the tasks that have finished. Rows of a worker that died are sent
        again, each alone, and come back later."""
        outcomes: list[Outcome] = []
        for future in [f for f in self.running if f.done()]:
            chunk = self.running.pop(future)
            outcomes.extend(self._outcomes(future, chunk, self._born.pop(future, self._generation)))
        return outcomes

    def _outcomes(self, future: Future[list[Outcome]], chunk: list[Job], born: int) -> list[Outcome]:
        try:
            return future.result()
        except BrokenProcessPool:
            if born == self._generation:
                self._restart()
            for job in chunk:
                if job.attempt < ATTEMPTS:
                    self.submit([replace(job, attempt=job.attempt + 1)])
            return [job.failed(WORKER_DIED) for job in chunk if job.attempt >= ATTEMPTS]
        except Exception as error:  # e.g. a row that cannot be sent to a worker
            if len(chunk) > 1:  # each alone: only the row at fault fails
                for job in chunk:
                    self.submit([job])
                return []
            return [job.failed(f"could not be worked on ({type(error).__name__})") for job in chunk]

    def _restart(self) -> None:
        self._restarts += 1
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
        self._generation += 1
        if self._restarts > MAX_POOL_RESTARTS:
            raise SupervisionFormsError("the worker processes keep stopping; the batch was halted")

    def close(self, abort: bool = False) -> None:
        """Stop the workers: after the work in flight, or at once (`abort`)."""
        pool, self._pool = self._pool, None
        if pool is None:
            return
        if abort:
            for process in list(getattr(pool, "_processes", {}).values()):
                process.kill()  # they hold no state worth keeping: the journal has it all
        pool.shutdown(wait=True, cancel_futures=True)


def _may_fork() -> bool:
    """Forking copies only the calling thread: safe while it is the only one (a host
    application's threads, or this batch's LibreOffice helpers, rule it out)."""
    return (
        sys.platform.startswith("linux")
        and "fork" in multiprocessing.get_all_start_methods()
        and threading.active_count() == 1
    )
