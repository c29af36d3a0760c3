"""What every check of one period of a worker's history needs: the period, its council's rules,
the day of the audit, and what evidence the folder holds at all.

A rule whose evidence the folder never holds (no observation records, no record noting the
session's mode) is not judged against anyone: the audit says once that it could not check it.
The team may keep that evidence elsewhere, and a false accusation is worse than a gap.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..models.agreement import Agreement, CareerStage
from ..models.paths import flatten
from ..standards.frequency import (
    Limit,
    agreed_during,
    is_phased,
    limits_on,
    next_due,
    stage_of,
    stage_on,
)
from ..standards.rules import Rule, RuleBook
from .load import Document
from .team import Period, Worker

# The record kinds or fields each check judges by; a check is judged when the folder holds
# at least one of them.
_EVIDENCE: dict[str, tuple[tuple[str, str | None], ...]] = {
    "session_recorded": (("general_record", None),),
    "face_to_face_usual": (("general_record", "mode"),),
    "pdr_within": (("general_record", "pdr"),),
    "observed_within": (("observation", None),),
    "group_attendance": (("group_session", None),),
    "group_agreement_required": (("group_agreement", None),),
    "supervisor_trained": (("training", None),),
    "case_file_audit_within": (("case_file_audit", None),),
    "meeting_dates_cover": (("agreement", "meeting_dates"),),
}
_FIELD_CHECKS = ("record_completed", "completed_when_signed", "filled_within")
KIND_WORDS = {
    "agreement": "agreements",
    "general_record": "general records",
    "case_record": "case records",
    "observation": "observation records",
    "group_session": "group session records",
    "group_agreement": "group agreements",
    "training": "training records",
    "case_file_audit": "case-file audits",
}


@dataclass(frozen=True)
class Evidence:
    """The document kinds the folder holds, and which of their fields are ever filled."""

    kinds: frozenset[str]
    fields: frozenset[tuple[str, str]]

    @classmethod
    def of(cls, documents: Iterable[Document]) -> Evidence:
        kinds: set[str] = set()
        fields: set[tuple[str, str]] = set()
        for document in documents:
            kinds.add(document.kind)
            for path, value in flatten(document.model).items():
                if value is not None:
                    top = ".".join(p for p in path.split(".") if not p.isdigit())
                    fields.add((document.kind, top))
                    fields.add((document.kind, top.split(".")[0]))
        return cls(frozenset(kinds), frozenset(fields))

    def needs(self, rule: Rule) -> tuple[tuple[str, str | None], ...]:
        if rule.check in _FIELD_CHECKS:
            kinds = rule.documents or ("agreement",)
            return tuple((kind, path) for kind in kinds for path in rule.fields)
        return _EVIDENCE.get(rule.check, ())

    def judges(self, rule: Rule) -> bool:
        """True when the folder holds some of the evidence the rule is judged by."""
        needed = self.needs(rule)
        return not needed or any(self.holds(kind, path) for kind, path in needed)

    def holds(self, kind: str, path: str | None = None) -> bool:
        return kind in self.kinds if path is None else (kind, path) in self.fields

    def missing(self, rule: Rule) -> str:
        """What the folder lacks, in words: 'no observation records', 'no general record with
        'mode' filled in'."""
        needed = self.needs(rule)
        kinds = sorted({KIND_WORDS.get(kind, kind) for kind, path in needed if path is None})
        fields = sorted({path for _, path in needed if path})
        owners = sorted({KIND_WORDS.get(kind, kind) for kind, path in needed if path})
        words = [f"no {kind}" for kind in kinds]
        if fields:
            words.append(f"no {' or '.join(owners)} with {', '.join(repr(f) for f in fields)} filled in")
        return "; ".join(words)


@dataclass(frozen=True)
class Context:
    """One period of a worker's history, judged by its council's rules on `as_of`."""

    period: Period
    book: RuleBook
    as_of: datetime.date
    asye_start: datetime.date | None
    evidence: Evidence
    team: tuple[Document, ...] = ()  # group sessions, group agreements, training records

    @property
    def worker(self) -> Worker:
        return self.period.worker

    @property
    def council(self) -> str:
        return self.book.council

    @property
    def last_day(self) -> datetime.date:
        """The last day this period is judged to: the audit's day, or the day before a move."""
        return self.as_of if self.period.ends is None else min(self.as_of, self.period.ends)

    def rules(self, check: Any, **where: Any) -> list[Rule]:
        """The council's rules of a check that the folder's evidence lets the audit judge."""
        return [r for r in self.book.rules(check, **where) if self.evidence.judges(r)]

    def first(self, check: Any) -> Rule | None:
        found = self.rules(check)
        return found[0] if found else None

    def agreement_on(self, day: datetime.date) -> Agreement | None:
        """The period's agreement in force on `day`, or its first for days before any."""
        found = self.worker.agreement_on(day) or next(iter(self.worker.agreements), None)
        return found.model if found else None

    def stage_on(self, day: datetime.date) -> CareerStage:
        return stage_on(stage_of(self.agreement_on(day)), day, self.asye_start)

    def first_day(self) -> datetime.date | None:
        days = [a.date for a in self.worker.agreements if a.date] + self.worker.session_dates
        return min(days, default=None)

    def phase_start(self, agreement: Agreement | None) -> datetime.date:
        """Where phases count from: the ASYE year's start for a newly qualified supervisee,
        else the agreement's date (or the period's first day)."""
        if agreement is not None and stage_of(agreement) == "nqsw" and self.asye_start is not None:
            return self.asye_start
        if agreement is not None and agreement.agreement_date is not None:
            return agreement.agreement_date
        return self.first_day() or self.as_of

    def limits_on(self, day: datetime.date) -> list[Limit]:
        agreement = self.agreement_on(day)
        stage = self.stage_on(day)
        start = self.asye_start if stage == "nqsw" and self.asye_start else self.phase_start(agreement)
        agreed = agreed_during(agreement, day, start=self.phase_start(agreement), stage_now=stage)
        return limits_on(
            self.book, stage, day, start=start, agreed=agreed, agreed_phased=is_phased(agreement)
        )

    def limits_after(self, day: datetime.date) -> list[Limit]:
        """The limits on the gap after a session on `day`. When a phase or the newly qualified
        year ends before the next session falls due, the rules in force by then apply, if
        they allow longer: the last fortnightly session of the year is followed by a monthly one."""
        now = self.limits_on(day)
        due = next_due(now, day)
        if due is None or due <= day:
            return now
        then = self.limits_on(due)
        later = next_due(then, day)
        return then if later is not None and later > due else now

    def session_file(self, day: datetime.date) -> str | None:
        """The general record of a session, else its first case record."""
        files = [r.file for r in self.worker.general_records if r.date == day]
        files += [r.file for r in self.worker.case_records if r.date == day]
        return files[0] if files else None
