"""Checks of what a period's supervision covered: topics each quarter, each case reviewed and
its file audited, the link to the PDR, face-to-face sessions, observations, group supervision."""

from __future__ import annotations

import datetime
from itertools import pairwise

from ..models import TOPIC_LABELS, CaseRecord, GroupSession
from ..standards.calendar import add_months, quarter_number
from ..standards.findings import Finding
from ..text import names
from ..text.dates import MONTH_NAMES
from .context import Context
from .team import Dated, person_key

LABELS: dict[str, str] = {str(topic): label for topic, label in TOPIC_LABELS.items()}
MIN_SESSIONS_FOR_MODE = 3  # fewer sessions with a known mode say nothing about what is usual


def periods_of_months(ctx: Context, months: int) -> list[tuple[datetime.date, datetime.date]]:
    """Whole periods of `months` inside this part of the worker's history, ended by the day of
    the audit (or of a move): calendar-aligned (quarters for 3) unless the council counts
    them from the worker's start."""
    first = ctx.first_day()
    if first is None:
        return []
    if ctx.book.settings.quarters == "rolling":
        begins = first
    else:
        begins = datetime.date(first.year, months * ((first.month - 1) // months) + 1, 1)
        if begins < first:
            begins = add_months(begins, months)
    found = []
    while (ends := add_months(begins, months) - datetime.timedelta(days=1)) < ctx.last_day:
        found.append((begins, ends))
        begins = add_months(begins, months)
    return found


def period_name(ctx: Context, begins: datetime.date, months: int) -> str:
    """'Q2 2026 (April to June)' for quarters, else 'April to May 2026'."""
    last = add_months(begins, months) - datetime.timedelta(days=1)
    span = f"{MONTH_NAMES[begins.month - 1]} to {MONTH_NAMES[last.month - 1]}"
    if months == 3 and ctx.book.settings.quarters != "rolling":
        number, year = quarter_number(begins, financial=ctx.book.settings.quarters == "financial")
        return f"Q{number} {year} ({span})"
    return f"{begins.isoformat()} to {last.isoformat()}"


def topics_each_quarter(ctx: Context) -> list[Finding]:
    """Every topic covered in every whole period of the rule (a quarter) since the start."""
    rule = ctx.first("topics_quarterly")
    if rule is None or rule.months is None:
        return []
    findings = []
    for begins, ends in periods_of_months(ctx, rule.months):
        covered = {
            topic
            for record in ctx.worker.general_records
            if record.date and begins <= record.date <= ends
            for topic in record.model.topics
        }
        if any(r.date and begins <= r.date <= ends for r in ctx.worker.case_records):
            covered.add("case_work")
        missing = [topic for topic in rule.topics if topic not in covered]
        if missing:
            words = "; ".join(LABELS.get(topic, topic) for topic in missing)
            findings.append(
                Finding(
                    f"{rule.council}.topics.not_covered",
                    rule.level,
                    "topics",
                    f"{period_name(ctx, begins, rule.months)}: supervision did not cover {words}",
                    rule.source,
                    rule_ids=(rule.id,),
                )
            )
    return findings


# ---------------------------------------------------------------- cases


def by_case(records: list[Dated[CaseRecord]]) -> dict[str, list[Dated[CaseRecord]]]:
    cases: dict[str, list[Dated[CaseRecord]]] = {}
    for record in records:
        child = record.model.child
        key = names.employee_key(child.id) or person_key(child.name)
        if key:
            cases.setdefault(key, []).append(record)
    return cases


def case_reviews(ctx: Context) -> list[Finding]:
    """Each case reviewed within the rule's months of the last review, while it is open (its
    latest record plans a next review)."""
    rule = ctx.first("case_review_within")
    if rule is None or rule.months is None:
        return []
    findings = []
    for records in by_case(ctx.worker.case_records).values():
        dated = [r for r in records if r.date]
        for earlier, later in pairwise(dated):
            assert earlier.date and later.date
            due = add_months(earlier.date, rule.months)
            if later.date > due:
                findings.append(
                    Finding(
                        f"{rule.council}.case.review_overdue",
                        rule.level,
                        "date",
                        f"the case reviewed on {earlier.date.isoformat()} was not reviewed again until "
                        f"{later.date.isoformat()}, {(later.date - due).days} days after the "
                        f"{rule.months} months allowed",
                        rule.source,
                        later.file,
                        rule_ids=(rule.id,),
                    )
                )
        last = dated[-1] if dated else None
        if last is None or last.date is None or last.model.next_review_date is None:
            continue
        review_by = add_months(last.date, rule.months)
        if ctx.last_day > review_by and ctx.period.current:
            findings.append(
                Finding(
                    f"{rule.council}.case.review_overdue",
                    rule.level,
                    "next_review_date",
                    f"an open case last reviewed on {last.date.isoformat()} is "
                    f"{(ctx.as_of - review_by).days} days overdue for review "
                    f"(due by {review_by.isoformat()})",
                    rule.source,
                    last.file,
                    rule_ids=(rule.id,),
                )
            )
    return findings


def case_file_audits(ctx: Context) -> list[Finding]:
    """Each case open for longer than the rule's months has its file audited within them."""
    rule = ctx.first("case_file_audit_within")
    if rule is None or rule.months is None or not ctx.period.current:
        return []
    audits = by_case_audits(ctx)
    since = add_months(ctx.as_of, -rule.months)
    findings = []
    for key, records in by_case(ctx.worker.case_records).items():
        dated = [r for r in records if r.date]
        if not dated or dated[0].date is None or dated[0].date > since:
            continue  # not open that long yet
        last = dated[-1]
        if last.date is not None and last.date < since:
            continue  # no longer seen in supervision: closed
        if any(since <= day <= ctx.as_of for day in audits.get(key, [])):
            continue
        findings.append(
            Finding(
                f"{rule.council}.case.file_not_audited",
                rule.level,
                "child.id",
                f"a case open since {dated[0].date.isoformat()} has no file audit in the last "
                f"{rule.months} months",
                rule.source,
                last.file,
                rule_ids=(rule.id,),
            )
        )
    return findings


def by_case_audits(ctx: Context) -> dict[str, list[datetime.date]]:
    found: dict[str, list[datetime.date]] = {}
    for audit in ctx.worker.case_file_audits:
        child = audit.model.child
        key = names.employee_key(child.id) or person_key(child.name)
        if key and audit.date:
            found.setdefault(key, []).append(audit.date)
    return found


# ---------------------------------------------------------------- over the last months


def _long_enough(ctx: Context, months: int) -> datetime.date | None:
    """The start of the last `months` when the period has lasted that long, else None."""
    first = ctx.first_day()
    since = add_months(ctx.last_day, -months)
    return since if first is not None and first <= since else None


def pdr_linked(ctx: Context) -> list[Finding]:
    rule = ctx.first("pdr_within")
    if rule is None or rule.months is None or (since := _long_enough(ctx, rule.months)) is None:
        return []
    if any(r.date and since < r.date <= ctx.last_day and r.model.pdr for r in ctx.worker.general_records):
        return []
    return [
        Finding(
            f"{rule.council}.pdr.not_linked",
            rule.level,
            "pdr",
            f"no session record since {since.isoformat()} notes the link to the PDR",
            rule.source,
            rule_ids=(rule.id,),
        )
    ]


def face_to_face(ctx: Context) -> list[Finding]:
    rule = ctx.first("face_to_face_usual")
    if rule is None or rule.months is None or rule.share is None:
        return []
    since = add_months(ctx.last_day, -rule.months)
    modes = [
        r.model.mode
        for r in ctx.worker.general_records
        if r.date and since < r.date <= ctx.last_day and r.model.mode is not None
    ]
    usual = sum(mode in rule.modes for mode in modes)
    if len(modes) < MIN_SESSIONS_FOR_MODE or usual >= rule.share * len(modes):
        return []
    return [
        Finding(
            f"{rule.council}.session.not_face_to_face",
            rule.level,
            "mode",
            f"{len(modes) - usual} of the {len(modes)} sessions since {since.isoformat()} with a recorded "
            "mode were not face-to-face",
            rule.source,
            rule_ids=(rule.id,),
        )
    ]


def observed(ctx: Context) -> list[Finding]:
    rule = ctx.first("observed_within")
    if rule is None or rule.months is None or (since := _long_enough(ctx, rule.months)) is None:
        return []
    if any(o.date and since < o.date <= ctx.last_day for o in ctx.worker.observations):
        return []
    return [
        Finding(
            f"{rule.council}.observation.overdue",
            rule.level,
            "observation",
            f"no observation of this supervisee's supervision since {since.isoformat()}",
            rule.source,
            rule_ids=(rule.id,),
        )
    ]


def group_attendance(ctx: Context) -> list[Finding]:
    """At least one group session attended in each whole period of the rule's months."""
    rule = ctx.first("group_attendance")
    if rule is None or rule.months is None:
        return []
    attended = [day for day in _group_days(ctx) if day is not None]
    findings = []
    for begins, ends in periods_of_months(ctx, rule.months):
        if not any(begins <= day <= ends for day in attended):
            findings.append(
                Finding(
                    f"{rule.council}.group.not_attended",
                    rule.level,
                    "group_session",
                    f"{period_name(ctx, begins, rule.months)}: no group supervision attended",
                    rule.source,
                    rule_ids=(rule.id,),
                )
            )
    return findings


def _group_days(ctx: Context) -> list[datetime.date | None]:
    """Days of the team's group sessions this worker attended (by employee ID, else a name
    that may be theirs)."""
    mine_names = {s.name for d in ctx.worker.documents if (s := getattr(d.model, "supervisee", None))}
    mine_ids = {
        names.employee_key(s.employee_id)
        for d in ctx.worker.documents
        if (s := getattr(d.model, "supervisee", None)) and s.employee_id
    }
    days = []
    for document in ctx.team:
        session = document.model
        if not isinstance(session, GroupSession):
            continue
        for person in session.attendees:
            their_id = names.employee_key(person.employee_id)
            if their_id and mine_ids:
                mine = their_id in mine_ids  # IDs on both sides decide
            else:
                mine = any(names.may_be_same(person.name, name) for name in mine_names if name)
            if mine:
                days.append(session.date)
                break
    return days
