"""Every check of one worker: each period of their history judged by the rules of the council
they were under, and each document by its own council's rules."""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Callable
from dataclasses import dataclass

from ..standards.documents import check_document
from ..standards.findings import Finding, sort_key
from ..standards.rules import RuleBook
from ..validation import model_findings
from .agreements import agreement_exists, agreement_review, new_supervisor
from .content import (
    case_file_audits,
    case_reviews,
    face_to_face,
    group_attendance,
    observed,
    pdr_linked,
    topics_each_quarter,
)
from .context import Context, Evidence
from .load import Document
from .sessions import SessionCount, durations, sessions_overdue, sessions_recorded, undated
from .team import Period, Worker, periods_of

PERIOD_CHECKS: tuple[Callable[[Context], list[Finding]], ...] = (
    agreement_exists,
    agreement_review,
    new_supervisor,
    durations,
    sessions_recorded,
    case_reviews,
    case_file_audits,
    topics_each_quarter,
    pdr_linked,
    face_to_face,
    observed,
    group_attendance,
    undated,
)


@dataclass(frozen=True)
class WorkerAudit:
    """One worker's findings, their periods, and how the current period's sessions went."""

    findings: list[Finding]
    periods: list[Period]
    count: SessionCount
    current: Context | None


def asye_start(worker: Worker) -> datetime.date | None:
    """When the newly qualified year began: the first agreement naming the supervisee newly
    qualified."""
    days = [a.date for a in worker.agreements if a.date and a.model.supervisee.career_stage == "nqsw"]
    return min(days, default=None)


def audit_periods(
    worker: Worker,
    *,
    as_of: datetime.date,
    default_pack: str | None,
    books: Callable[[str], RuleBook],
    evidence: Evidence,
    team: tuple[Document, ...] = (),
) -> WorkerAudit:
    """Every finding for one worker, errors first, and how their sessions went."""
    findings: list[Finding] = list(worker.notes)
    periods = periods_of(worker, default_pack)
    started = asye_start(worker)
    on_time, late = 0, 0
    late_days: list[datetime.date] = []
    due: datetime.date | None = None
    overdue_now: int | None = None
    current: Context | None = None
    for period in periods:
        ctx = Context(period, books(period.council), as_of, started, evidence, team)
        overdue, counted = sessions_overdue(ctx)
        findings += overdue
        for check in PERIOD_CHECKS:
            findings += check(ctx)
        findings += document_rules(ctx)
        on_time, late = on_time + counted.on_time, late + counted.late
        late_days += counted.late_days
        if period.current:
            due, overdue_now, current = counted.next_due, counted.overdue_now, ctx
    count = SessionCount(on_time, late, due, overdue_now, tuple(late_days))
    return WorkerAudit(sorted(findings, key=sort_key), periods, count, current)


def document_rules(ctx: Context) -> list[Finding]:
    """Each document's own rules (signatures, sharing, the child's file, cancellations), as
    far as the folder's evidence lets them be judged."""
    unjudged = [r.id for r in ctx.book.applicable() if not ctx.evidence.judges(r)]
    findings = []
    for document in ctx.worker.documents:
        for finding in model_findings(document.model) + check_document(
            document.model, ctx.book, as_of=ctx.as_of
        ):
            if any(finding.rule.startswith(rule) for rule in unjudged):
                continue
            findings.append(dataclasses.replace(finding, document=document.file))
    return findings
