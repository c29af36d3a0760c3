"""A supervisee's documents, each kind in date order, and the councils they were under.

A worker's history is split into periods, one for each run of documents under one council
(a move from Sefton to Portsmouth makes two). Each period is judged by its own council's rules;
a document that names no pack (bare JSON) belongs to the council of the documents around it.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Generic, TypeVar

from pydantic import BaseModel

from ..models import (
    Agreement,
    Cancellation,
    CaseFileAudit,
    CaseRecord,
    GeneralRecord,
    Observation,
)
from ..standards.findings import Finding
from ..text import names
from .identity import document_date
from .load import Document

NATIONAL = "national"
M = TypeVar("M", bound=BaseModel)


def person_key(name: str | None) -> str:
    """Names compared the way people write them: case, accents, apostrophes, punctuation and
    spacing ignored."""
    return names.key(name)


@dataclass(frozen=True)
class Dated(Generic[M]):
    """A document's model with its date and file."""

    date: datetime.date | None
    model: M
    file: str


@dataclass(frozen=True)
class Worker:
    """One supervisee's documents (each kind oldest first, undated first), and what the audit
    noted about who they are."""

    key: str
    documents: tuple[Document, ...]
    notes: tuple[Finding, ...] = ()

    @cached_property
    def agreements(self) -> list[Dated[Agreement]]:
        return _dated(self.documents, Agreement, lambda m: m.agreement_date)

    @cached_property
    def general_records(self) -> list[Dated[GeneralRecord]]:
        return _dated(self.documents, GeneralRecord, lambda m: m.date)

    @cached_property
    def case_records(self) -> list[Dated[CaseRecord]]:
        return _dated(self.documents, CaseRecord, lambda m: m.date)

    @cached_property
    def cancellations(self) -> list[Dated[Cancellation]]:
        return _dated(self.documents, Cancellation, lambda m: m.planned_date)

    @cached_property
    def observations(self) -> list[Dated[Observation]]:
        return _dated(self.documents, Observation, lambda m: m.date)

    @cached_property
    def case_file_audits(self) -> list[Dated[CaseFileAudit]]:
        return _dated(self.documents, CaseFileAudit, lambda m: m.date)

    @property
    def latest_agreement(self) -> Dated[Agreement] | None:
        agreements = self.agreements
        return agreements[-1] if agreements else None

    def agreement_on(self, day: datetime.date) -> Dated[Agreement] | None:
        """The agreement in force on `day`: the latest made by then."""
        made = [a for a in self.agreements if a.date is not None and a.date <= day]
        return made[-1] if made else None

    @cached_property
    def session_dates(self) -> list[datetime.date]:
        """Days with a session: every dated general or case record (case decisions are
        recorded from formal sessions, 001 §5 and 003 §4)."""
        days = {r.date for r in self.general_records if r.date} | {
            r.date for r in self.case_records if r.date
        }
        return sorted(days)

    def name(self) -> str:
        """The supervisee's name as written on the latest agreement, else on the latest record."""
        for model in self._latest_first():
            supervisee = getattr(model, "supervisee", None)
            if supervisee is not None and supervisee.name:
                return str(supervisee.name)
        return self.key

    def employee_id(self) -> str | None:
        for model in self._latest_first():
            supervisee = getattr(model, "supervisee", None)
            if supervisee is not None and supervisee.employee_id:
                return str(supervisee.employee_id)
        return None

    def team(self) -> str | None:
        for model in self._latest_first():
            supervisee = getattr(model, "supervisee", None)
            if supervisee is not None and supervisee.team:
                return str(supervisee.team)
        return None

    def supervisor(self) -> str | None:
        """The supervisor on the latest session record, else on the latest agreement."""
        records = sorted(self._records(), key=lambda r: r.date or datetime.date.min)
        for dated in [*reversed(records), *reversed(self.agreements)]:
            name = dated.model.supervisor.name
            if name:
                return name
        return None

    def _latest_first(self) -> list[BaseModel]:
        records = sorted(self._records(), key=lambda r: r.date or datetime.date.min)
        others = sorted(
            (d for d in self.documents if not isinstance(d.model, Agreement | GeneralRecord | CaseRecord)),
            key=lambda d: document_date(d.model) or datetime.date.min,
        )
        return [
            *(a.model for a in reversed(self.agreements)),
            *(r.model for r in reversed(records)),
            *(d.model for d in reversed(others)),
        ]

    def _records(self) -> list[Dated[GeneralRecord] | Dated[CaseRecord]]:
        return [*self.general_records, *self.case_records]


def _dated(
    documents: tuple[Document, ...], kind: type[M], when: Callable[[M], datetime.date | None]
) -> list[Dated[M]]:
    found = [Dated(when(d.model), d.model, d.file) for d in documents if isinstance(d.model, kind)]
    return sorted(found, key=lambda item: (item.date or datetime.date.min, item.file))


# ---------------------------------------------------------------- periods


@dataclass(frozen=True)
class Period:
    """A run of a worker's history under one council: its documents, and its first and last
    days (the last period runs to the audit's day)."""

    council: str
    begins: datetime.date | None
    ends: datetime.date | None  # the day before the next period begins; None for the last
    worker: Worker

    @property
    def current(self) -> bool:
        return self.ends is None


def councils_of(worker: Worker, default: str | None) -> dict[str, str]:
    """Each document's council (file -> pack name): its own pack, else that of the latest
    document with a pack before it, else of the first after it, else `default`, else the
    national defaults."""
    dated = sorted(worker.documents, key=lambda d: (document_date(d.model) or datetime.date.min, d.file))
    packed = [d for d in dated if d.pack]
    found: dict[str, str] = {}
    for document in dated:
        if document.pack:
            found[document.file] = document.pack
            continue
        # Documents with the same supervisor first: a move usually brings a new one.
        boss = getattr(getattr(document.model, "supervisor", None), "name", None)
        same = [d for d in packed if names.may_be_same(boss, _supervisor(d))]
        found[document.file] = _nearest(document, same or packed) or default or NATIONAL
    return found


def _supervisor(document: Document) -> str | None:
    return getattr(getattr(document.model, "supervisor", None), "name", None)


def _nearest(document: Document, packed: list[Document]) -> str | None:
    """The pack of the latest of `packed` on or before the document's day, else of the first
    after it (undated: the last of them)."""
    if not packed:
        return None
    day = document_date(document.model)
    if day is None:
        return packed[-1].pack
    before = [d.pack for d in packed if (when := document_date(d.model)) is not None and when <= day]
    after = [d.pack for d in packed if (when := document_date(d.model)) is not None and when > day]
    return before[-1] if before else after[0] if after else packed[-1].pack


def periods_of(worker: Worker, default: str | None) -> list[Period]:
    """The worker's history split where the council changes, oldest first."""
    councils = councils_of(worker, default)
    dated = sorted(
        (d for d in worker.documents if document_date(d.model) is not None),
        key=lambda d: (document_date(d.model), d.file),
    )
    runs: list[tuple[str, datetime.date, list[Document]]] = []
    for document in dated:
        council, day = councils[document.file], document_date(document.model)
        assert day is not None
        if runs and runs[-1][0] == council:
            runs[-1][2].append(document)
        else:
            runs.append((council, day, [document]))
    if not runs:  # nothing dated: one period of the documents' council
        council = next(iter(councils.values()), default or NATIONAL)
        runs = [(council, datetime.date.min, [])]
    undated = [d for d in worker.documents if document_date(d.model) is None]
    periods = []
    for index, (council, begins, documents) in enumerate(runs):
        later = runs[index + 1][1] if index + 1 < len(runs) else None
        ends = later - datetime.timedelta(days=1) if later else None
        # An undated document goes to the last period of its own council.
        mine = [d for d in undated if councils[d.file] == council and _last_of(runs, index, council)]
        begins_on = None if begins == datetime.date.min else begins
        part = Worker(worker.key, tuple(documents + mine), worker.notes)
        periods.append(Period(council, begins_on, ends, part))
    return periods


def _last_of(runs: list[tuple[str, datetime.date, list[Document]]], index: int, council: str) -> bool:
    return all(run[0] != council for run in runs[index + 1 :])
