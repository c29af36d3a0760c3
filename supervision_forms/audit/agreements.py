"""Checks of a period's agreements: one exists, it is reviewed in time, and a new supervisor
brings a new one."""

from __future__ import annotations

import datetime

from ..standards.calendar import add_months
from ..standards.findings import Finding
from ..text import names
from .context import Context

REVIEW_NOTICE_DAYS = 30


def agreement_review(ctx: Context) -> list[Finding]:
    """The period's latest agreement reviewed by its review date (or within the rule's months),
    judged to the audit's day, or to the day before a move."""
    rule = ctx.first("review_within")
    latest = ctx.worker.latest_agreement
    if rule is None or rule.months is None or latest is None:
        return []
    due = latest.model.review_date or (latest.date and add_months(latest.date, rule.months))
    if due is None:
        return []
    if ctx.last_day > due:
        return [
            Finding(
                f"{rule.council}.agreement.review_overdue",
                rule.level,
                "review_date",
                f"the agreement's review was due by {due.isoformat()}: "
                f"{(ctx.last_day - due).days} days overdue",
                rule.source,
                latest.file,
                rule_ids=(rule.id,),
            )
        ]
    if ctx.period.current and (due - ctx.as_of).days <= REVIEW_NOTICE_DAYS:
        return [
            Finding(
                f"{rule.council}.agreement.review_due",
                "info",
                "review_date",
                f"the agreement is due for review by {due.isoformat()}",
                rule.source,
                latest.file,
                rule_ids=(rule.id,),
            )
        ]
    return []


def agreement_exists(ctx: Context) -> list[Finding]:
    rule = ctx.first("agreement_required")
    if rule is None or ctx.worker.agreements:
        return []
    return [
        Finding(
            f"{rule.council}.agreement.missing",
            rule.level,
            "agreement",
            "no supervision agreement was found for this supervisee"
            + (
                ""
                if ctx.period.begins is None
                else f" under these rules from {ctx.period.begins.isoformat()}"
            ),
            rule.source,
            rule_ids=(rule.id,),
        )
    ]


def new_supervisor(ctx: Context) -> list[Finding]:
    """Sessions with someone other than the agreement's supervisor, kept up (two sessions in
    a row, or the latest one), with no new agreement: one cover session is not a change.
    Supervisors' names are compared as names are (a short form is the same person)."""
    rule = ctx.first("new_agreement_on_change")
    if rule is None:
        return []
    sessions = sorted(
        {(r.date, r.model.supervisor.name or "", r.file) for r in ctx.worker.general_records if r.date}
    )
    changes: dict[str, tuple[datetime.date, str]] = {}
    for index, (day, supervisor, file) in enumerate(sessions):
        agreement = ctx.worker.agreement_on(day)
        agreed = agreement.model.supervisor.name if agreement else None
        if not supervisor or not agreed or names.may_be_same(supervisor, agreed):
            continue
        if any(names.may_be_same(supervisor, known) for known in changes):
            continue
        following = sessions[index + 1 : index + 2]
        if not following or names.may_be_same(following[0][1], supervisor):
            changes[supervisor] = (day, file)
    return [
        Finding(
            f"{rule.council}.agreement.new_supervisor",
            rule.level,
            "supervisor.name",
            f"from {day.isoformat()} sessions are with a new supervisor, but there is no new agreement",
            rule.source,
            file,
            rule_ids=(rule.id,),
        )
        for day, file in changes.values()
    ]
