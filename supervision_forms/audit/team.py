"""A team's documents grouped by supervisee, each worker's put in date order."""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Generic, TypeVar

from pydantic import BaseModel

from ..models.agreement import Agreement
from ..models.records import Cancellation, CaseRecord, GeneralRecord
from ..reading.text import fold as normalise
from .load import Document, FileProblem

NATIONAL = "national"
M = TypeVar("M", bound=BaseModel)


def person_key(name: str | None) -> str:
    """Names compared the way people write them: case, punctuation and spacing ignored."""
    return normalise(name or "")


@dataclass(frozen=True)
class Dated(Generic[M]):
    """A document's model with its date and file."""

    date: datetime.date | None
    model: M
    file: str


@dataclass(frozen=True)
class Worker:
    """One supervisee's agreements and records, each list oldest first (undated first)."""

    key: str
    documents: tuple[Document, ...]

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
        records = sorted(self._records(), key=lambda r: r.date or datetime.date.min)
        for dated in [*reversed(self.agreements), *reversed(records)]:
            if dated.model.supervisee.name:
                return dated.model.supervisee.name
        return self.key

    def supervisor(self) -> str | None:
        """The supervisor on the latest session record, else on the latest agreement."""
        records = sorted(self._records(), key=lambda r: r.date or datetime.date.min)
        for dated in [*reversed(records), *reversed(self.agreements)]:
            name = dated.model.supervisor.name
            if name:
                return name
        return None

    def pack(self, default: str | None) -> str:
        """The council whose rules apply: the latest agreement's pack, else the records' most
        common pack, else `default`, else the national defaults."""
        latest = self.latest_agreement
        if latest is not None:
            for document in self.documents:
                if document.file == latest.file and document.pack:
                    return document.pack
        counts = Counter(d.pack for d in self.documents if d.pack)
        if counts:
            return counts.most_common(1)[0][0]
        return default or NATIONAL

    def _records(self) -> list[Dated[GeneralRecord] | Dated[CaseRecord]]:
        return [*self.general_records, *self.case_records]


def _dated(
    documents: tuple[Document, ...], kind: type[M], when: Callable[[M], datetime.date | None]
) -> list[Dated[M]]:
    found = [Dated(when(d.model), d.model, d.file) for d in documents if isinstance(d.model, kind)]
    return sorted(found, key=lambda item: (item.date or datetime.date.min, item.file))


def supervisee_name(model: BaseModel) -> str | None:
    """The supervisee named on any document model."""
    if isinstance(model, Agreement | GeneralRecord | CaseRecord | Cancellation):
        return model.supervisee.name
    return None


def group_by_supervisee(documents: list[Document]) -> tuple[list[Worker], list[FileProblem]]:
    """Workers in name order; a document that names no supervisee is a problem."""
    by_key: dict[str, list[Document]] = {}
    problems: list[FileProblem] = []
    for document in documents:
        key = person_key(supervisee_name(document.model))
        if not key:
            problems.append(FileProblem(document.file, "names no supervisee, so it belongs to no one"))
            continue
        by_key.setdefault(key, []).append(document)
    return [Worker(key, tuple(by_key[key])) for key in sorted(by_key)], problems
