"""Checks of a period's sessions: each on time, long enough (per session, or as a total over
weeks), recorded, and every document dated."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from itertools import pairwise

from ..models import Agreement, Cancellation
from ..standards.calendar import add_working_days
from ..standards.documents import agreed_duration, rearranged_in_time
from ..standards.findings import Finding
from ..standards.frequency import breach, next_due
from ..standards.rules import Rule, RuleBook
from .context import Context
from .identity import document_date

RECORD_GRACE_WORKING_DAYS = 5  # a rearranged session's record may take a few days to file


@dataclass(frozen=True)
class SessionCount:
    """Sessions held on time and late, the late ones' days, and the next due date."""

    on_time: int
    late: int
    next_due: datetime.date | None
    overdue_now: int | None  # days the next session is overdue, when it is
    late_days: tuple[datetime.date, ...] = ()


def sessions_overdue(ctx: Context) -> tuple[list[Finding], SessionCount]:
    """Each session later than the rules allow after the one before, and, in the current
    period, the next if overdue. The period's first agreement counts as a start, as if a
    session; the first session after a move is judged from there, not from the old council."""
    sessions = ctx.worker.session_dates
    first_agreed = [a.date for a in ctx.worker.agreements if a.date][:1]
    points = sorted({*sessions, *first_agreed})
    late = {day: found for previous, day in pairwise(points) if (found := _late(ctx, previous, day))}
    findings = list(late.values())
    if not points:
        return findings, SessionCount(0, 0, None, None)
    due = next_due(ctx.limits_after(points[-1]), points[-1])
    current = ctx.period.current
    missing = _missing(ctx, points[-1], bool(sessions)) if current else []
    overdue_now = (ctx.as_of - due).days if current and due is not None and ctx.as_of > due else None
    count = SessionCount(len(sessions) - len(late), len(late), due, overdue_now, tuple(late))
    return findings + missing, count


def _late(ctx: Context, previous: datetime.date, day: datetime.date) -> Finding | None:
    broken_limits = [limit for limit in ctx.limits_after(previous) if day > limit.due_after(previous)]
    broken = breach(broken_limits, ctx.council)
    if broken is None:
        return None
    due = min(limit.due_after(previous) for limit in broken_limits)
    if _rearranged_in_time(ctx, planned_by=due, held=day):
        return None
    return Finding(
        f"{broken.council}.session.overdue",
        broken.level,
        "date",
        f"the session on {day.isoformat()} was {(day - due).days} days overdue "
        f"(due by {due.isoformat()}, {broken.strictest.interval.describe()})",
        broken.source,
        ctx.session_file(day),
        rule_ids=broken.rule_ids,
    )


def _rearranged_in_time(ctx: Context, *, planned_by: datetime.date, held: datetime.date) -> bool:
    """True when the session held on `held` was planned by `planned_by`, cancelled, and
    rearranged as the council's cancellation rule allows (Surrey: within 2 weeks)."""
    rule = ctx.book.first("rearranged_within")
    if rule is None or rule.days is None:
        return False
    return any(
        c.model.rearranged_date == held
        and c.date is not None
        and c.date <= planned_by
        and not rearranged_in_time(c.model, ctx.book, ctx.as_of)
        for c in ctx.worker.cancellations
    )


def _missing(ctx: Context, last: datetime.date, any_session: bool) -> list[Finding]:
    broken_limits = [limit for limit in ctx.limits_after(last) if ctx.as_of > limit.due_after(last)]
    broken = breach(broken_limits, ctx.council)
    if broken is None:
        return []
    due = min(limit.due_after(last) for limit in broken_limits)
    since = f"no session since {last.isoformat()}" if any_session else "no session since the agreement"
    return [
        Finding(
            f"{broken.council}.session.overdue",
            broken.level,
            "date",
            f"{since}: the next is {(ctx.as_of - due).days} days overdue (due by {due.isoformat()}, "
            f"{broken.strictest.interval.describe()})",
            broken.source,
            rule_ids=broken.rule_ids,
        )
    ]


# ---------------------------------------------------------------- how long


def durations(ctx: Context) -> list[Finding]:
    """Each session against the agreed length; a council's total over weeks (Portsmouth: 90
    minutes every 4 weeks); and, where the agreement states no length, the national minimum
    per session. A session the council's total already flags is not flagged again."""
    findings: list[Finding] = []
    totals = _short_totals(ctx)
    flagged = {f.document for f in totals}
    for record in ctx.worker.general_records:
        minutes, day = record.model.duration_minutes, record.date
        if minutes is None or day is None or record.file in flagged:
            continue
        agreement = ctx.agreement_on(day)
        agreed = agreement.duration_minutes if agreement else None
        if agreed is not None and minutes < agreed:
            findings.append(_shorter_than_agreed(ctx, record.file, day, minutes, agreed))
            continue
        for rule in ctx.book.rules("min_duration", stage=ctx.stage_on(day)):
            applies = rule.per_weeks is None and (agreed is None or not rule.agreement_silent)
            if applies and rule.minutes is not None and minutes < rule.minutes:
                findings.append(
                    Finding(
                        f"{rule.council}.session.short",
                        rule.level,
                        "duration_minutes",
                        f"the session on {day.isoformat()} lasted {minutes} minutes; at least "
                        f"{rule.minutes} are expected"
                        + (" where the agreement states no length" if rule.agreement_silent else ""),
                        rule.source,
                        record.file,
                        rule_ids=(rule.id,),
                    )
                )
                break
    return totals + findings


def _shorter_than_agreed(ctx: Context, file: str, day: datetime.date, minutes: int, agreed: int) -> Finding:
    rule = ctx.book.first("states_arrangements")
    return Finding(
        f"{ctx.council}.session.shorter_than_agreed",
        "warning",
        "duration_minutes",
        f"the session on {day.isoformat()} lasted {minutes} minutes; {agreed} were agreed",
        rule.source if rule else "the agreement",
        file,
        rule_ids=(rule.id,) if rule else (),
    )


def _short_totals(ctx: Context) -> list[Finding]:
    """Weeks, counted from each session, with less supervision in total than the council's
    minimum. Weeks not yet over, or holding a session of unknown length, are not judged; nor
    are sessions that merely keep to an agreement already found short of the rule."""
    findings = []
    lengths: dict[datetime.date, int | None] = {day: None for day in ctx.worker.session_dates}
    files: dict[datetime.date, str] = {}
    for record in ctx.worker.general_records:
        if record.date is not None and record.model.duration_minutes is not None:
            lengths[record.date] = (lengths.get(record.date) or 0) + record.model.duration_minutes
            files.setdefault(record.date, record.file)
    for day in sorted(lengths):
        rule = _total_rule(ctx, day)
        if rule is None or rule.per_weeks is None or rule.minutes is None or day not in files:
            continue
        ends = day + datetime.timedelta(weeks=rule.per_weeks, days=-1)
        if ends > ctx.last_day:
            continue
        inside = [lengths[d] for d in lengths if day <= d <= ends]
        if any(length is None for length in inside):
            continue
        total = sum(length or 0 for length in inside)
        if total >= rule.minutes or _agreement_short_of(ctx.agreement_on(day), rule):
            continue
        findings.append(
            Finding(
                f"{rule.council}.session.short_total",
                rule.level,
                "duration_minutes",
                f"the {rule.per_weeks} weeks from the session on {day.isoformat()} held {total} minutes "
                f"of supervision (at least {rule.minutes} required)",
                rule.source,
                files[day],
                rule_ids=(rule.id,),
            )
        )
    return findings


def _total_rule(ctx: Context, day: datetime.date) -> Rule | None:
    rules = ctx.book.rules("min_duration", stage=ctx.stage_on(day))
    return next((r for r in rules if r.per_weeks is not None), None)


def _agreement_short_of(agreement: Agreement | None, rule: Rule) -> bool:
    """True when the agreement itself plans less than the rule (its own finding covers it)."""
    if agreement is None or agreement.duration_minutes is None:
        return False
    return bool(agreed_duration(agreement, RuleBook(rule.council, [rule])))


# ---------------------------------------------------------------- recorded and dated


def sessions_recorded(ctx: Context) -> list[Finding]:
    """A general record for each session known to have been held: a day with a case record,
    or a cancelled session's new date now past."""
    rule = ctx.first("session_recorded")
    if rule is None:
        return []
    recorded = {r.date for r in ctx.worker.general_records if r.date}
    findings = []
    for record in ctx.worker.case_records:
        if record.date is not None and record.date not in recorded:
            recorded.add(record.date)  # one finding per day
            findings.append(
                Finding(
                    rule.id,
                    rule.level,
                    "date",
                    f"the case record of {record.date.isoformat()} shows a session that day, "
                    "but there is no general record of it",
                    rule.source,
                    record.file,
                    rule_ids=(rule.id,),
                )
            )
    held = {r.date for r in ctx.worker.case_records if r.date} | recorded
    cancelled_again = {c.model.planned_date for c in ctx.worker.cancellations}
    for cancellation in ctx.worker.cancellations:
        new = cancellation.model.rearranged_date
        if new is None or new in held or new in cancelled_again:
            continue
        if add_working_days(new, RECORD_GRACE_WORKING_DAYS) >= ctx.last_day:
            continue
        held.add(new)
        findings.append(
            Finding(
                rule.id,
                rule.level,
                "rearranged_date",
                f"the session rearranged to {new.isoformat()} has no record",
                rule.source,
                cancellation.file,
                rule_ids=(rule.id,),
            )
        )
    return findings


def undated(ctx: Context) -> list[Finding]:
    """Every document without its date: it cannot count as a session or an agreement."""
    findings = []
    for document in ctx.worker.documents:
        if document_date(document.model) is not None:
            continue
        field = (
            "agreement_date"
            if isinstance(document.model, Agreement)
            else "planned_date"
            if isinstance(document.model, Cancellation)
            else "date"
        )
        what = document.kind.replace("_", " ")
        findings.append(
            Finding(
                "audit.undated",
                "warning",
                field,
                f"this {what} has no date, so the audit could not place it in time "
                "(it was not counted as a session or an agreement)",
                "audit: every document dated",
                document.file,
            )
        )
    return findings
