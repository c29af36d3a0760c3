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

from ..errors import FieldError
from ..files import atomic_output
from ..office import Conversion, ConverterPool
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

    def __init__(self, out: Path, jobs: int, pack: str, document: str) -> None:
        self._out = out
        self._pack, self._document = pack, document
        # LibreOffice's folders and the PDFs go in the pool's folder inside `out`, so that a
        # PDF is renamed into place; all of it goes when the stage closes or the batch is killed
        self._pool = ConverterPool(jobs, work=out, prefix=PDF_WORK_PREFIX)
        self._work = self._pool.root
        self._pool.start()  # LibreOffice starts while the first documents are rendered
        self._queue: list[_Waiting] = []
        self._running: dict[Future[list[Conversion]], list[_Waiting]] = {}

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
            future = self._pool.submit([item.docx for item in batch], self._work, carry=False)
            self._running[future] = batch

    def harvest(self) -> list[RowResult]:
        """Results of the conversions that have finished (raises OfficeError if
        LibreOffice could not be started at all)."""
        finished: list[RowResult] = []
        for future in [f for f in self._running if f.done()]:
            batch = self._running.pop(future)
            for item, conversion in zip(batch, future.result(), strict=True):
                finished.append(self._place(item, conversion))
        self._feed()
        return finished

    def _place(self, item: _Waiting, conversion: Conversion) -> RowResult:
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
        self._pool.close(abort=abort)


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
