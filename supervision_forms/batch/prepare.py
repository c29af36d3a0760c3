"""A row made ready for its file: read from its cells, validated, and told apart from
the others (its name, identity and fingerprint), wherever the work is done: in the
batch's worker processes, or in its own. What is left for the batch's own process is
only what must be decided in roster order (which file a row gets)."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError

from ..errors import FieldError, SupervisionFormsError
from ..packs import Pack
from .identity import Identity, identity_of
from .naming import bookmark_title, names_nobody
from .problems import model_problems
from .rosters import RosterRow, UnreadRow


@dataclass(frozen=True, slots=True)
class PrepareJob:
    ticket: int  # the row's place in the roster (its order)
    source: RosterRow | UnreadRow
    attempt: int = 1

    def failed(self, message: str) -> Prepared:
        return Prepared(self.ticket, self.source.number, self.source.sheet, (FieldError("", message),))


@dataclass(frozen=True, slots=True)
class Draft:
    """A ready row's document, rendered at once where the row was made ready and written
    to a temp file in the output folder: the batch renames it into place once the row
    has its name (or removes it), so the row's model need not travel twice."""

    name: str  # of the temp file, in the output folder
    sha256: str
    notes: tuple[str, ...] = ()  # what render would warn of (value-free)


@dataclass(frozen=True, slots=True)
class Prepared:
    """A row ready for its file; or, when `problems` is not empty, a row that failed."""

    ticket: int
    number: int
    sheet: str | None
    problems: tuple[FieldError, ...] = ()
    model: BaseModel | None = None  # None once drafted, unless the batch still needs it (PDFs)
    stem: str = ""  # the name its document would have, before any -2
    identity: Identity | None = None
    content: str | None = None  # hash of the row's data
    fingerprint: str | None = None  # hash of the data and of all else that decides the file
    nameless: bool = False
    title: str | None = None  # its bookmark in a PDF pack, when one is made
    draft: Draft | None = None


class Preparer:
    """Makes rows ready for one pack's document; `defaults` are merged under each row."""

    def __init__(self, pack: Pack, document: str, defaults: Mapping[str, Any], titles: bool) -> None:
        self._model = pack.model(document)
        self._defaults = defaults
        self._titles = titles
        self._fingerprint = fingerprint_base(pack, document)

    def run(self, jobs: list[PrepareJob]) -> list[Prepared]:
        return [self.one(job) for job in jobs]

    def one(self, job: PrepareJob) -> Prepared:
        try:
            return self._prepared(job)
        except SupervisionFormsError as error:  # messages are value-free by design
            return job.failed(str(error))
        except Exception as error:  # a bug must not stop the other rows
            return job.failed(f"could not be read ({type(error).__name__})")

    def _prepared(self, job: PrepareJob) -> Prepared:
        row = job.source if isinstance(job.source, RosterRow) else job.source.read(self._model)
        try:
            model = self._model.model_validate(merge_under(self._defaults, row.values))
        except ValidationError as error:
            found = model_problems(error, row.labels, self._model)
            named = {problem.field for problem in row.problems}
            problems = (*row.problems, *(p for p in found if p.field not in named))
            return Prepared(job.ticket, row.number, row.sheet, problems)
        if row.problems:  # the rest of the row is fine; its bad cells are what is wrong
            return Prepared(job.ticket, row.number, row.sheet, row.problems)
        dumped = model.model_dump_json()
        stem, identity, content = identity_of(model, row.employee_id, dumped)
        digest = hashlib.sha256(self._fingerprint)
        digest.update(dumped.encode("utf-8"))
        return Prepared(
            job.ticket,
            row.number,
            row.sheet,
            model=model,
            stem=stem,
            identity=identity,
            content=content,
            fingerprint=digest.hexdigest(),
            nameless=names_nobody(model),
            title=bookmark_title(model) if self._titles else None,
        )


def merge_under(defaults: Mapping[str, Any], row: Mapping[str, Any]) -> dict[str, Any]:
    """The row over the defaults, nested mappings merged key by key; a row's empty (None)
    value leaves the default in place."""
    merged = dict(defaults)
    for key, value in row.items():
        if value is None:
            continue
        below = merged.get(key)
        if isinstance(value, Mapping) and isinstance(below, Mapping):
            merged[key] = merge_under(below, value)
        else:
            merged[key] = value
    return merged


def fingerprint_base(pack: Pack, document: str) -> bytes:
    """What besides the row decides the output: pack, template bytes, library version."""
    try:
        template = (pack.root / pack.document(document).template).read_bytes()
    except OSError:
        template = b""
    parts = [pack.name, pack.spec.version, document, hashlib.sha256(template).hexdigest(), library_version()]
    return "\0".join(parts).encode("utf-8")


def library_version() -> str:
    from .. import __version__

    return __version__
