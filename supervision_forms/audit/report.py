"""What an audit returns: per worker, their sessions and findings; findings about the team; and
the files it could not read."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from ..standards.findings import Finding
from .load import FileProblem
from .teamwide import TeamNote

IDENTITY_QUESTION = "identity.check"


@dataclass(frozen=True)
class WorkerReport:
    """One supervisee: who supervises them, under which councils' rules, how their sessions went."""

    supervisee: str
    supervisor: str | None
    pack: str  # the council whose rules apply now
    career_stage: str | None  # None when no agreement says
    last_session: datetime.date | None
    next_due: datetime.date | None
    on_time: int
    late: int
    overdue_now: int | None
    documents: tuple[str, ...]
    findings: tuple[Finding, ...]
    employee_id: str | None = None
    team: str | None = None
    councils: tuple[tuple[str, datetime.date | None], ...] = ()  # (council, from) oldest first
    within_timescale: bool | None = None  # this quarter; None when not supervised here then
    due_soon: bool = False  # next session due within the council's 'due soon' days

    @property
    def errors(self) -> int:
        return sum(f.level == "error" for f in self.findings)

    @property
    def warnings(self) -> int:
        return sum(f.level == "warning" for f in self.findings)

    @property
    def identity_questions(self) -> list[Finding]:
        return [f for f in self.findings if f.rule == IDENTITY_QUESTION]

    def as_json(self) -> dict[str, Any]:
        return {
            "supervisee": self.supervisee,
            "employee_id": self.employee_id,
            "team": self.team,
            "supervisor": self.supervisor,
            "pack": self.pack,
            "councils": [{"pack": pack, "from": _iso(since)} for pack, since in self.councils],
            "career_stage": self.career_stage,
            "last_session": _iso(self.last_session),
            "next_due": _iso(self.next_due),
            "sessions": {"on_time": self.on_time, "late": self.late, "overdue_now_days": self.overdue_now},
            "this_quarter": {"within_timescale": self.within_timescale, "due_soon": self.due_soon},
            "documents": list(self.documents),
            "findings": [f.as_json() for f in self.findings],
        }


@dataclass(frozen=True)
class AuditReport:
    """A team's audit on a day."""

    as_of: datetime.date
    workers: tuple[WorkerReport, ...]
    unreadable: tuple[FileProblem, ...]
    files_read: int
    redacted: bool = False
    team: tuple[TeamNote, ...] = ()  # findings about the team, not one supervisee
    notes: tuple[TeamNote, ...] = ()  # about the audit itself: rules it could not check
    quarter: tuple[datetime.date, datetime.date] | None = None
    copies: tuple[FileProblem, ...] = ()  # set aside: the same document as another file

    @property
    def findings(self) -> list[Finding]:
        """Every finding: each worker's, then the team's."""
        return [*(f for w in self.workers for f in w.findings), *(n.finding for n in self.team)]

    @property
    def identity_questions(self) -> list[Finding]:
        return [f for f in self.findings if f.rule == IDENTITY_QUESTION]

    def as_json(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of.isoformat(),
            "files_read": self.files_read,
            "redacted": self.redacted,
            "summary": self.summary(),
            "workers": [w.as_json() for w in self.workers],
            "team": [n.as_json() for n in self.team],
            "notes": [n.as_json() for n in self.notes],
            "unreadable": [p.as_json() for p in self.unreadable],
            "copies": [p.as_json() for p in self.copies],
        }

    def summary(self) -> dict[str, Any]:
        """The team view: supervised within timescale this quarter, due soon, overdue, identity
        questions."""
        judged = [w for w in self.workers if w.within_timescale is not None]
        within = sum(bool(w.within_timescale) for w in judged)
        return {
            "quarter": [_iso(day) for day in self.quarter] if self.quarter else None,
            "supervisees": len(self.workers),
            "within_timescale": within,
            "within_timescale_percent": round(100 * within / len(judged)) if judged else None,
            "due_soon": sum(w.due_soon for w in self.workers),
            "overdue_now": sum(w.overdue_now is not None for w in self.workers),
            "identity_questions": len(self.identity_questions),
        }


def _iso(day: datetime.date | None) -> str | None:
    return day.isoformat() if day else None
