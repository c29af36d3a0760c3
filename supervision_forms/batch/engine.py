"""generate(): one document per roster row, written safely into a folder, and resumable.

The parent process reads rows one at a time and hands them on unread: reading a row's
cells, validating it and rendering it (a draft, in one go) happen in worker processes
(and here, with one job, or while the workers have enough queued; see `worker`). The
parent finds each row's file and decides what may be written, in roster order, and
renames the row's draft into place. Work in flight is bounded, so memory stays flat
however long the roster is. Each file is announced in
the journal before it is written and recorded after, only once it is synced to disk
(in groups: one sync for up to SYNC_GROUP files, made by a thread while the batch goes
on) and found there with the hash the worker gave, so a killed batch picks up where it
stopped and the manifest never names a file that is not there. If the folder is removed
or replaced while the batch runs, the batch stops at once.
"""

from __future__ import annotations

import contextlib
import dataclasses
import itertools
import os
import time
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sized
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError

from ..errors import FieldError, InvalidData, OutputFolderError, SupervisionFormsError
from ..files import display_name
from ..packs import Pack, PackRegistry
from ..registry import resolve_pack
from .files import (
    FolderGuard,
    file_sha256,
    folder_lock,
    occupied,
    remove_stale_temporaries,
    sync_files,
    zip_files,
)
from .identity import Claims, Identity, Previous
from .manifest import MANIFEST, Journal, load_previous, write_manifest
from .prepare import Draft, Prepared, PrepareJob, library_version, merge_under
from .problems import write_errors
from .report import BatchReport, RowResult, Status, failed
from .rosters import Roster, RosterRow, UnreadRow, object_row
from .worker import (
    CHUNK,
    CHUNKS_PER_JOB,
    NOT_OURS,
    Drafts,
    Rendered,
    RenderJob,
    WorkPool,
    WriteMode,
    jobs_that_pay,
    unwritten,
)

if TYPE_CHECKING:  # PDFs need LibreOffice and pypdf: imported only when asked for
    from ..office import ConverterPool
    from .pdfs import PdfStage

Progress = Callable[[RowResult], None]
VANISHED = "the file written for this row is not in the folder with the content written"
SYNC_GROUP = 16  # files made durable together, before the journal records them
SYNC_SECONDS = 0.5  # nor does a file wait longer than this for its group
SYNCS_AHEAD = 4  # groups syncing in the background at most; then the batch waits for one
READY_MOST = 2 * CHUNK * CHUNKS_PER_JOB  # rows made ready out of turn, waiting for an earlier one


def generate(
    rows: Iterable[RosterRow | Mapping[str, Any] | BaseModel],
    *,
    pack: str | Pack,
    out: Path,
    document: str = "agreement",
    defaults: Mapping[str, Any] | None = None,
    jobs: int = 1,
    pdf: bool = False,
    pdf_pack: bool = False,
    zip: bool = False,
    overwrite: bool = False,
    packs: PackRegistry | None = None,
    roster: str | None = None,
    progress: Progress | None = None,
    converters: ConverterPool | None = None,
) -> BatchReport:
    """Write one document per row into `out`, with `manifest.json` (and `errors.csv` when
    a row fails); returns every row's status.

    `rows` are roster rows (an open `Roster`), mappings in the model's JSON shape, or
    models; `defaults` is merged under each. With `jobs` > 1, rows are rendered in up to
    `jobs` - 1 worker processes beside this one, which reads and records every row (fewer
    for a short roster, where more would not pay).
    `pdf` also makes a PDF of each (LibreOffice); `pdf_pack` merges
    them into one with a bookmark per person (held in memory while merging: about 300 MB
    per 1,000 agreements); `zip` packs everything into one .zip; `roster` names the source
    in the manifest (a `Roster` names itself); `progress` is called with each row's result
    as it finishes. `converters`: for the PDFs, LibreOffices started earlier (a
    `ConverterPool`, so that they start while the rest loads), which the batch takes over
    and closes; close them yourself if this raises first. A row keeps its file across
    runs (see `identity`); files this batch did not make are never replaced unless
    `overwrite`. Rows already done and unchanged since the last run are skipped. A bad
    row is reported in the result; it never stops the others.
    """
    chosen = resolve_pack(pack, packs)
    model = chosen.model(document)
    chosen.template(document)  # a broken pack fails here, before anything is written
    base = _checked_defaults(defaults, model)
    want_pdf = pdf or pdf_pack
    if want_pdf and converters is None:
        from ..office import OfficeError, soffice

        if soffice() is None:
            raise OfficeError("PDFs need LibreOffice (soffice), which is not installed")
    if isinstance(rows, Roster) and roster is None:
        roster = rows.label
    out = Path(out)
    size = rows.size_hint if isinstance(rows, Roster) else len(rows) if isinstance(rows, Sized) else None
    settings = _Settings(
        chosen,
        document,
        model,
        base,
        out,
        max(1, jobs),
        jobs_that_pay(jobs, size),
        want_pdf,
        pdf_pack,
        overwrite,
    )
    with contextlib.ExitStack() as held:
        with _folder_problems(out, "cannot be used"):
            out.mkdir(parents=True, exist_ok=True, mode=0o700)
            held.enter_context(folder_lock(out))
            guard = FolderGuard(out)
            held.callback(guard.close)
            remove_stale_temporaries(out)
            previous = load_previous(out)
            journal = held.enter_context(Journal(out))
        with _Batch(settings, previous, journal, guard, progress, converters) as batch:
            for row in _roster_rows(rows, model):
                batch.add(row)
            results = batch.finish()
            orphans = batch.orphans()
        guard.check()
        remove_stale_temporaries(out)  # a worker killed mid-write leaves its temp file
        with _folder_problems(out, "the manifest could not be written; nothing is lost: run again"):
            manifest = write_manifest(out, _about(settings, roster), results, orphans)
            errors = write_errors(out, results)
            journal.remove()
        merged = None
        if pdf_pack:
            from .pdfs import merge_pdfs

            merged = merge_pdfs(out / f"{document}s.pdf", batch.bookmarks(results))
        bundle = zip_files(out / f"{document}s.zip", _outputs(out, results, merged)) if zip else None
    warnings = [*(rows.warnings if isinstance(rows, Roster) else []), *batch.warnings]
    return BatchReport(
        out,
        manifest,
        tuple(results),
        bundle,
        merged,
        orphaned=tuple(entry.file for entry in orphans),
        hidden_rows=rows.hidden_rows if isinstance(rows, Roster) else 0,
        warnings=tuple(warnings),
        errors_file=errors,
    )


@dataclass(frozen=True)
class _Settings:
    pack: Pack
    document: str
    model: type[BaseModel]
    defaults: Mapping[str, Any]
    out: Path
    jobs: int  # as asked: the PDF stage's converters
    render_jobs: int  # processes, this one included, that pay for themselves at this size
    pdf: bool
    pdf_pack: bool
    overwrite: bool

    @property
    def reserved_stems(self) -> tuple[str, ...]:
        return ("manifest", "errors", f"{self.document}s")


@dataclass(frozen=True, slots=True)
class _Pending:
    result: RowResult  # filled in when the render comes back
    docx: Path
    pdf: Path
    model: BaseModel | None  # what the document is rendered from (its PDF carries it)


@dataclass(frozen=True, slots=True)
class _Row:
    """A valid row, ready for its file."""

    result: RowResult  # number, sheet, order, content, fingerprint
    identity: Identity
    model: BaseModel | None  # None when drafted and not needed again
    stem: str  # the name its document would have, before any -2
    draft: Draft | None = None


class _Batch:
    """One run over the rows: plans each row, keeps bounded work in flight, collects results."""

    def __init__(
        self,
        settings: _Settings,
        previous: list[Previous],
        journal: Journal,
        guard: FolderGuard,
        progress: Progress | None,
        converters: ConverterPool | None = None,
    ) -> None:
        self._s = settings
        self._journal = journal
        self._guard = guard
        self._progress = progress
        self._claims = Claims(previous, settings.reserved_stems)
        self._waiting: dict[str, list[_Row]] = defaultdict(list)  # by base name, until the end
        self._results: list[RowResult] = []
        self._titles: dict[int, str] = {}
        self._tickets = itertools.count()
        self._order = itertools.count()
        self._pending: dict[int, _Pending] = {}
        self._chunk: list[RenderJob] = []
        self._preparing: list[PrepareJob] = []
        self._ready: dict[int, Prepared] = {}  # made ready before an earlier row, by order
        self._next = 0  # the order of the next row to plan
        self.warnings: list[str] = []
        self._orphans: list[Previous] = []
        drafts = Drafts(
            settings.out,
            frozenset(entry.fingerprint for entry in previous if entry.fingerprint is not None),
            keep_model=settings.pdf,
        )
        self._work = WorkPool(
            settings.pack,
            settings.document,
            settings.render_jobs,
            settings.defaults,
            settings.pdf_pack,
            drafts,
        )
        self._pdfs: PdfStage | None = None
        if settings.pdf:
            from .pdfs import PdfStage

            self._pdfs = PdfStage(
                settings.out, settings.jobs, settings.pack.name, settings.document, converters
            )
        elif converters is not None:
            converters.close()
        self._twins: list[tuple[int, int]] = []
        self._nameless: list[int] = []
        self._unsynced: list[RowResult] = []  # made, not yet syncing nor recorded
        self._sync_due = 0.0
        self._syncing: deque[tuple[Future[list[str | None]], list[RowResult]]] = deque()  # in order
        self._syncer: ThreadPoolExecutor | None = None  # started at the first sync

    def add(self, row: RosterRow | UnreadRow) -> None:
        self._preparing.append(PrepareJob(next(self._order), row))
        if len(self._preparing) >= self._work.chunk_size:
            self._send_preparing()
        self._pump(block=False)
        while self._busy() and self._pump(block=True):
            pass

    def finish(self) -> list[RowResult]:
        """Plan the rows still being made ready, place the rows that waited for the
        roster's end, wait for everything in flight; every row's result, in roster order."""
        self._send_preparing()
        rows = next(self._order)
        while self._next < rows and self._pump(block=True):
            pass
        for waiting in self._waiting.values():
            for item, earlier in zip(
                waiting, self._claims.settle([w.identity for w in waiting]), strict=True
            ):
                self._place(item, earlier)
                self._pump(block=False)
                while self._busy() and self._pump(block=True):
                    pass
        self._waiting.clear()
        self._send()
        while self._renders or (self._pdfs is not None and self._pdfs.in_flight):
            if self._pdfs is not None and not self._renders:
                self._pdfs.flush()
            self._pump(block=True)
        self._sync()
        self._record_synced(most=0)
        self._orphans = [kept for kept in map(self._kept, self._claims.orphans()) if kept is not None]
        noted = sum(1 for result in self._results if result.warnings)
        if noted:
            self.warnings.append(
                f"{noted} row{'s' if noted > 1 else ''} gave a value that differs from what the form "
                'prints; the value is shown in the annex (see "warnings" in the manifest)'
            )
        if self._twins:
            (first, second), more = self._twins[0], len(self._twins) - 1
            others = f" (and {more} more pair{'s' if more > 1 else ''})" if more else ""
            self.warnings.append(
                f"rows {first} and {second}{others} give the same person (name, date, team, role and "
                "supervisor); add an Employee ID column so that each keeps its own file on later runs"
            )
        if self._nameless:
            first, more = self._nameless[0], len(self._nameless) - 1
            others = f" (and {more} more)" if more else ""
            self.warnings.append(
                f"row {first}{others} names no supervisee: its document is a draft called 'unnamed-…' "
                "(is the roster's name column headed so that it is read as supervisee.name?)"
            )
        return sorted(self._results, key=lambda result: result.order)

    def orphans(self) -> list[Previous]:
        """Earlier runs' files no row claimed, still in the folder as they made them."""
        return self._orphans

    def bookmarks(self, results: list[RowResult]) -> Iterator[tuple[Path, str]]:
        for result in results:
            if result.pdf is not None and result.status != "failed":
                yield self._s.out / result.pdf, self._titles.get(result.order, result.pdf)

    # --- planning ------------------------------------------------------------------------

    def _ready_in_turn(self, prepared: Prepared) -> None:
        """Plan the rows made ready, in roster order (names go to the first comer)."""
        self._ready[prepared.ticket] = prepared
        while self._next in self._ready:
            row = self._ready.pop(self._next)
            self._next += 1
            try:
                planned = self._plan(row)
            except OutputFolderError:
                raise  # the folder is gone: the batch stops, it is not this row's problem
            except SupervisionFormsError as error:
                planned = dataclasses.replace(
                    failed(row.number, [FieldError("", str(error))], row.sheet), order=row.ticket
                )
            if planned is not None:
                self._finish(planned)

    def _plan(self, row: Prepared) -> RowResult | None:
        """A finished result (failed, or nothing to do), or None when work was queued or
        the row waits for the roster's end."""
        order = row.ticket
        if row.problems or row.identity is None or row.content is None:
            return dataclasses.replace(failed(row.number, row.problems, row.sheet), order=order)
        identity, model = row.identity, row.model
        if row.nameless:
            self._nameless.append(row.number)
        twin = self._claims.twin_of(identity, row.number)
        if twin is not None:
            self._twins.append((twin, row.number))
        result = RowResult(
            row.number,
            "written",
            fingerprint=row.fingerprint,
            sheet=row.sheet,
            identity=identity,
            content=row.content,
            order=order,
        )
        if self._s.pdf_pack and row.title is not None:
            self._titles[order] = row.title
        earlier = self._claims.claim(identity, row.content)
        item = _Row(result, identity, model, row.stem, row.draft)
        if earlier is False:
            self._waiting[identity.base].append(item)
        else:
            self._place(item, earlier if isinstance(earlier, Previous) else None)
        return None

    def _place(self, item: _Row, earlier: Previous | None) -> None:
        """Give the row its file (its earlier one, or a new free name) and queue the work."""
        stem = earlier.stem if earlier is not None else self._claims.new_stem(item.stem)
        docx, pdf = self._s.out / f"{stem}.docx", self._s.out / f"{stem}.pdf"
        result = dataclasses.replace(item.result, file=docx.name)
        taken = occupied(docx)
        current = file_sha256(docx) if taken else None  # a new name: nothing there to read
        ours = earlier is not None and current is not None and earlier.sha256 in (None, current)
        if (
            ours
            and earlier is not None
            and earlier.sha256 == current
            and earlier.fingerprint == result.fingerprint
        ):
            if item.draft is not None:
                (self._s.out / item.draft.name).unlink(missing_ok=True)
            unchanged = dataclasses.replace(result, status="unchanged", sha256=current)
            self._unchanged(unchanged, earlier, pdf, item.model)
            return
        mode: WriteMode
        status: Status = "written"
        if not taken:
            mode = "create"
        elif ours or self._s.overwrite:
            mode = "replace"
            status = "updated" if ours and earlier is not None and earlier.sha256 else "written"
        else:  # not ours: fine only if it is exactly this row's document (a killed run wrote it)
            mode, status = "adopt", "unchanged"
        if item.draft is not None:
            self._put_in_place(item, dataclasses.replace(result, status=status), docx, pdf, mode, current)
        else:
            self._queue(RenderJob(next(self._tickets), _kept(item.model), docx, mode), result, pdf, status)

    def _put_in_place(
        self, item: _Row, result: RowResult, docx: Path, pdf: Path, mode: WriteMode, current: str | None
    ) -> None:
        """Give a drafted row its file: rename the draft into place (announced first in the
        journal, as a render would be), or, adopting, keep what is there if it is exactly
        the draft (`current`: its hash); the row then goes on as a rendered one."""
        draft = item.draft
        if draft is None:
            raise RuntimeError("a row without a draft")
        temp = self._s.out / draft.name
        ticket = next(self._tickets)
        self._pending[ticket] = _Pending(result, docx, pdf, item.model)
        outcome = Rendered(ticket, draft.sha256, wrote=True, notes=draft.notes)
        if mode == "adopt":
            temp.unlink(missing_ok=True)
            same = current == draft.sha256
            outcome = Rendered(ticket, draft.sha256, notes=draft.notes)
            if not same:
                outcome = Rendered(ticket, error=NOT_OURS)
        else:
            if result.identity is not None and result.content is not None:
                self._journal.plan(docx.name, result.identity, result.content)
            self._journal.flush()  # the plan reaches the disk before the file does
            try:
                os.replace(temp, docx)
            except OSError as error:
                temp.unlink(missing_ok=True)
                outcome = Rendered(ticket, error=unwritten(error))
        self._rendered(outcome)

    def _unchanged(self, result: RowResult, before: Previous, pdf: Path, model: BaseModel | None) -> None:
        pdf_sha = file_sha256(pdf) if before.pdf else None
        if pdf_sha is not None and pdf_sha == before.pdf_sha256:
            self._finish(dataclasses.replace(result, pdf=pdf.name, pdf_sha256=pdf_sha))
        elif self._pdfs is None:
            self._finish(result)
        else:
            self._pdfs.add(result, self._s.out / (result.file or ""), pdf, _kept(model))

    def _queue(self, job: RenderJob, result: RowResult, pdf: Path, status: Status = "written") -> None:
        planned = dataclasses.replace(result, status=status)
        if job.mode != "adopt" and result.identity is not None and result.content is not None:
            self._journal.plan(job.path.name, result.identity, result.content)
        self._pending[job.ticket] = _Pending(planned, job.path, pdf, job.model)
        self._chunk.append(job)
        if len(self._chunk) >= self._work.chunk_size:
            self._send()

    def _kept(self, entry: Previous) -> Previous | None:
        """An orphan as it stands: kept while its file is there as made (a planned file
        a killed run wrote counts as made); None when it is gone or was changed since."""
        sha = file_sha256(self._s.out / entry.file)
        if sha is None or entry.sha256 not in (None, sha):
            return None
        pdf_sha = file_sha256(self._s.out / entry.pdf) if entry.pdf else None
        pdf_kept = pdf_sha is not None and pdf_sha == entry.pdf_sha256
        return dataclasses.replace(
            entry,
            sha256=sha,
            pdf=entry.pdf if pdf_kept else None,
            pdf_sha256=entry.pdf_sha256 if pdf_kept else None,
        )

    # --- work in flight ------------------------------------------------------------------

    @property
    def _renders(self) -> dict[Future[list[Prepared | Rendered]], list[PrepareJob | RenderJob]]:
        return self._work.running

    def _send_preparing(self) -> None:
        if self._preparing:
            chunk, self._preparing = self._preparing, []
            self._work.submit(chunk)

    def _send(self) -> None:
        if self._chunk:
            chunk, self._chunk = self._chunk, []
            self._journal.flush()  # the plans reach the disk before their files do
            self._work.submit(chunk)

    def _busy(self) -> bool:
        if len(self._ready) >= READY_MOST or len(self._renders) >= self._work.most_in_flight:
            return True
        return self._pdfs is not None and self._pdfs.in_flight >= self._pdfs.limit

    def _pump(self, block: bool) -> bool:
        """Collect finished work; with `block`, first wait for some. False if nothing is running."""
        if block:
            running: set[Future[Any]] = set(self._renders)
            if self._pdfs is not None:
                running |= self._pdfs.futures
            if not running:
                return False
            wait(running, return_when=FIRST_COMPLETED)
        while outcomes := self._work.collect():  # work done here comes back at once
            for outcome in outcomes:
                if isinstance(outcome, Prepared):
                    self._ready_in_turn(outcome)
                else:
                    self._rendered(outcome)
        if self._pdfs is not None:
            for result in self._pdfs.harvest():
                self._finish(result)
        self._record_synced()
        return True

    def _rendered(self, outcome: Rendered) -> None:
        pending = self._pending.pop(outcome.ticket)
        if outcome.error is not None:
            self._finish(
                dataclasses.replace(pending.result, status="failed", errors=(FieldError("", outcome.error),))
            )
            return
        status = pending.result.status if outcome.wrote else "unchanged"
        result = dataclasses.replace(
            pending.result, status=status, sha256=outcome.sha256, warnings=outcome.notes
        )
        if self._pdfs is not None:
            self._pdfs.add(result, pending.docx, pending.pdf, _kept(pending.model))
        else:
            self._finish(result)

    def _finish(self, result: RowResult) -> None:
        """Record a row's outcome; a file written for it waits for its group's sync."""
        if _made(result):
            if not self._unsynced:
                self._sync_due = time.monotonic() + SYNC_SECONDS
            self._unsynced.append(result)
            if len(self._unsynced) >= SYNC_GROUP or time.monotonic() >= self._sync_due:
                self._sync()
            return
        self._record(result)

    def _sync(self) -> None:
        """Start making the waiting files durable, all at once, in the background; they
        are recorded once that is done (`_record_synced`)."""
        group, self._unsynced = self._unsynced, []
        if not group:
            return
        self._guard.check()
        if self._syncer is None:
            self._syncer = ThreadPoolExecutor(1, thread_name_prefix="batch-sync")
        names = [result.file or "" for result in group]
        self._syncing.append((self._syncer.submit(_synced, self._s.out, names), group))
        self._record_synced(most=SYNCS_AHEAD)

    def _record_synced(self, most: int | None = None) -> None:
        """Record the groups whose sync is done, in order, first waiting till no more than
        `most` are left syncing (None: no waiting)."""
        while self._syncing and (
            self._syncing[0][0].done() or (most is not None and len(self._syncing) > most)
        ):
            done, group = self._syncing.popleft()
            with _folder_problems(self._s.out, "the documents could not be saved to disk"):
                found = done.result()
            for result, sha256 in zip(group, found, strict=True):
                self._record(result, sha256)

    def _record(self, result: RowResult, found: str | None = None) -> None:
        """Record a row's outcome; a file made for it only if `found` there (its hash,
        after the sync) as the worker wrote it."""
        self._guard.check()  # the folder is still the batch's: else stop, recording nothing more
        if _made(result) and found != result.sha256:
            result = dataclasses.replace(
                result, status="failed", sha256=None, errors=(FieldError("", VANISHED),)
            )
        if result.status == "failed" and result.sha256 is None:
            result = dataclasses.replace(result, file=None, fingerprint=None)  # nothing was made
        self._results.append(result)
        self._journal.record(result)
        if self._progress is not None:
            self._progress(result)

    def __enter__(self) -> _Batch:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        abort = kind is not None  # interrupted or failed: stop the helpers now, do not wait
        try:
            self._work.close(abort=abort)
        finally:
            if self._syncer is not None:  # a sync under way ends; its group stays unrecorded
                self._syncer.shutdown(wait=not abort, cancel_futures=True)
            if self._pdfs is not None:
                self._pdfs.close(abort=abort)


@contextlib.contextmanager
def _folder_problems(out: Path, what: str) -> Iterator[None]:
    """The output folder's own OS errors (read-only, full, gone) as one clear line."""
    try:
        yield
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise OutputFolderError(f"{display_name(out)}: {what} ({reason})") from None


def _synced(out: Path, names: list[str]) -> list[str | None]:
    """Make the files durable, then read back what each holds (its hash; None if gone)."""
    sync_files(out, names)
    return [file_sha256(out / name) for name in names]


def _kept(model: BaseModel | None) -> BaseModel:
    """A row's model, which the batch keeps unless the row is drafted and needs no PDF."""
    if model is None:
        raise RuntimeError("a row's model was not kept")
    return model


def _made(result: RowResult) -> bool:
    """This run wrote the row's document (so it must be synced, then checked, before the
    journal records it)."""
    return result.sha256 is not None and result.file is not None and result.status != "unchanged"


def _checked_defaults(defaults: Mapping[str, Any] | None, model: type[BaseModel]) -> Mapping[str, Any]:
    if defaults is None:
        return {}
    if not isinstance(defaults, Mapping):
        raise InvalidData([], "defaults: must be a JSON object")
    try:
        model.model_validate(defaults)
    except ValidationError as error:
        raise InvalidData.from_validation(error, "defaults") from None
    return defaults


def _roster_rows(
    rows: Iterable[RosterRow | Mapping[str, Any] | BaseModel], model: type[BaseModel]
) -> Iterator[RosterRow | UnreadRow]:
    if isinstance(rows, Roster):  # read in the workers
        yield from rows.unread()
        return
    for index, item in enumerate(rows, start=1):
        if isinstance(item, RosterRow):
            yield item
        elif isinstance(item, BaseModel):
            yield RosterRow(index, item.model_dump(mode="json", exclude_none=True))
        elif isinstance(item, Mapping):
            yield object_row(index, item, model)
        else:
            yield RosterRow(index, problems=(FieldError("", "is not an object"),))


def _about(settings: _Settings, roster: str | None) -> dict[str, Any]:
    return {
        "generator": f"supervision-forms {library_version()}",
        "pack": settings.pack.name,
        "pack_version": settings.pack.spec.version,
        "document": settings.document,
        "roster": display_name(roster) if roster is not None else None,
        "pdf": settings.pdf,
    }


def _outputs(out: Path, results: list[RowResult], pdf_pack: Path | None) -> Iterator[Path]:
    """Every file the batch made for its rows, the PDF pack, then the manifest."""
    for result in results:
        for name in (result.file, result.pdf):
            if name is not None and result.sha256 is not None and (out / name).is_file():
                yield out / name
    if pdf_pack is not None:
        yield pdf_pack
    yield out / MANIFEST


__all__ = ["Identity", "generate", "merge_under"]
