"""What an audit returns: per worker, their sessions and findings; and the files it could not read."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from ..standards.findings import Finding
from .load import FileProblem


@dataclass(frozen=True)
class WorkerReport:
    """One supervisee: who supervises them, under which pack's rules, how their sessions went."""

    supervisee: str
    supervisor: str | None
    pack: str
    career_stage: str | None  # None when no agreement says
    last_session: datetime.date | None
    next_due: datetime.date | None
    on_time: int
    late: int
    overdue_now: int | None
    documents: tuple[str, ...]
    findings: tuple[Finding, ...]

    @property
    def errors(self) -> int:
        return sum(f.level == "error" for f in self.findings)

    @property
    def warnings(self) -> int:
        return sum(f.level == "warning" for f in self.findings)

    def as_json(self) -> dict[str, Any]:
        return {
            "supervisee": self.supervisee,
            "supervisor": self.supervisor,
            "pack": self.pack,
            "career_stage": self.career_stage,
            "last_session": _iso(self.last_session),
            "next_due": _iso(self.next_due),
            "sessions": {"on_time": self.on_time, "late": self.late, "overdue_now_days": self.overdue_now},
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
    copies: tuple[FileProblem, ...] = ()  # set aside: the same document as another file

    @property
    def findings(self) -> list[Finding]:
        return [f for w in self.workers for f in w.findings]

    def as_json(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of.isoformat(),
            "files_read": self.files_read,
            "redacted": self.redacted,
            "workers": [w.as_json() for w in self.workers],
            "unreadable": [p.as_json() for p in self.unreadable],
            "copies": [p.as_json() for p in self.copies],
        }


def _iso(day: datetime.date | None) -> str | None:
    return day.isoformat() if day else None
