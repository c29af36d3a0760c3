"""The PDF stage of a batch: written documents go to LibreOffice in batches, and the PDFs
come back into the output folder, each with its row's data attached (the model the
document was rendered from: nothing is read back) and renamed into place whole.
Optionally, all the PDFs are merged into one pack with a bookmark per person."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from ..docx.slim import slim_copy
from ..errors import FieldError
from ..files import atomic_output
from ..office import Conversion, ConverterPool, OwnedFolder
from ..pdfdata import attach_payload, data_payload
from .files import PDF_WORK_PREFIX, file_sha256
from .report import RowResult


@dataclass(frozen=True, slots=True)
class _Waiting:
    result: RowResult  # the row, its .docx done
    docx: Path
    pdf: Path
    model: BaseModel  # what the .docx shows: the PDF carries it


class PdfStage:
    """Converts finished rows' documents to PDF, a few files per LibreOffice call."""

    def __init__(
        self, out: Path, jobs: int, pack: str, document: str, pool: ConverterPool | None = None
    ) -> None:
        """`pool`: converters already started (this stage closes them); else `jobs` new ones."""
        self._out = out
        self._pack, self._document = pack, document
        if pool is None:
            pool = ConverterPool(jobs)
            pool.start()  # LibreOffice starts while the first documents are rendered
        self._pool = pool
        # the PDFs are made in a folder of ours inside `out`, so that each is renamed into
        # place; it goes when the stage closes, or if the batch is killed
        try:
            self._folder = OwnedFolder(out, PDF_WORK_PREFIX)
        except BaseException:
            self._pool.close(abort=True)
            raise
        self._work = self._folder.path
        self._inputs = self._work / "in"  # what LibreOffice converts (`_source`)
        try:
            self._inputs.mkdir()
        except BaseException:
            self.close(abort=True)
            raise
        self._queue: list[_Waiting] = []
        self._running: dict[Future[list[Conversion]], list[_Waiting]] = {}
        import pypdf  # noqa: F401  (loaded now, while LibreOffice starts, not between two conversions)

    @property
    def in_flight(self) -> int:
        """Rows waiting for, or in, a conversion."""
        return len(self._queue) + sum(len(batch) for batch in self._running.values())

    @property
    def limit(self) -> int:
        """How many rows may be in flight before the batch waits for this stage."""
        return self._pool.batch_size * (self._pool.size + 1)

    @property
    def futures(self) -> set[Future[list[Conversion]]]:
        return set(self._running)

    def add(self, result: RowResult, docx: Path, pdf: Path, model: BaseModel) -> None:
        """Queue a row whose .docx, rendered from `model`, is written."""
        self._queue.append(_Waiting(result, docx, pdf, model))
        self._feed()

    def flush(self) -> None:
        """Send what is queued, even a short call, as converters come free."""
        self._feed(final=True)

    def _feed(self, final: bool = False) -> None:
        """Hand what waits to the idle converters. A long-running converter takes its
        share of the queue at once (at most a call's worth), so that the converters end
        together; one that starts LibreOffice for every call waits for a full call,
        until the batch's end (`final`)."""
        while self._queue and len(self._running) < self._pool.size:
            share = min(self._pool.batch_size, -(-len(self._queue) // self._pool.size))
            if not self._pool.long_running:
                share = min(self._pool.batch_size, len(self._queue))
                if share < self._pool.batch_size and not final:
                    return
            batch, self._queue = self._queue[:share], self._queue[share:]
            sources = [self._source(item.docx) for item in batch]
            future = self._pool.submit(sources, self._work, carry=False)
            self._running[future] = batch

    def _source(self, docx: Path) -> Path:
        """What LibreOffice converts: the document's lighter copy (the same pages, see
        `docx.slim`), or the document itself where there is none."""
        copy = self._inputs / docx.name
        try:
            if slim_copy(docx, copy):
                return copy
        except OSError:
            copy.unlink(missing_ok=True)
        return docx

    def harvest(self) -> list[RowResult]:
        """Results of the conversions that have finished (raises OfficeError if
        LibreOffice could not be started at all)."""
        done = [(future, self._running.pop(future)) for future in [f for f in self._running if f.done()]]
        self._feed()  # the converters that came free get work before these PDFs are placed
        finished: list[RowResult] = []
        for future, batch in done:
            for item, conversion in zip(batch, future.result(), strict=True):
                finished.append(self._place(item, conversion))
        return finished

    def _place(self, item: _Waiting, conversion: Conversion) -> RowResult:
        (self._inputs / item.docx.name).unlink(missing_ok=True)
        if conversion.output is not None:
            self._attach(conversion.output, item.model)
            try:
                os.replace(conversion.output, item.pdf)
                os.chmod(item.pdf, 0o600)
            except OSError as error:
                return _failed(
                    item.result, f"the PDF could not be written ({error.strerror or type(error).__name__})"
                )
            sha = file_sha256(item.pdf)
            if sha is not None:
                return dataclasses.replace(item.result, pdf=item.pdf.name, pdf_sha256=sha)
        return _failed(item.result, conversion.error or "LibreOffice did not convert it")

    def _attach(self, pdf: Path, model: BaseModel) -> None:
        """Attach the row's data to its PDF; one that cannot take it is left without (it
        is still read from its text)."""
        from pypdf.errors import PyPdfError

        try:
            content = pdf.read_bytes()
            pdf.write_bytes(attach_payload(content, data_payload(self._pack, self._document, model)))
        except (OSError, ValueError, PyPdfError):
            pass

    def close(self, abort: bool = False) -> None:
        """Stop the converters (at once with `abort`) and remove the work folder."""
        try:
            self._pool.close(abort=abort)
        finally:
            self._folder.remove()


def _failed(result: RowResult, reason: str) -> RowResult:
    """The row failed at the PDF step; its .docx stays recorded, so a rerun only converts."""
    return dataclasses.replace(result, status="failed", errors=(FieldError("", f"PDF: {reason}"),))


def merge_pdfs(target: Path, items: Iterable[tuple[Path, str]]) -> Path:
    """One PDF of all `items` (path, bookmark title), in order, with a bookmark each."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    try:
        for path, title in items:
            writer.append(str(path), outline_item=title)
        with atomic_output(target) as handle:
            writer.write(handle)
    finally:
        writer.close()
    return target
