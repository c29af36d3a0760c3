"""The checks across one worker's documents: sessions overdue, short sessions, case reviews,
topics each quarter, the agreement's review, a new supervisor, and every document's own rules."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from itertools import pairwise

from ..models.agreement import Agreement, CareerStage
from ..models.records import TOPIC_LABELS, CaseRecord
from ..standards.calendar import add_months
from ..standards.documents import check_document, rearranged_in_time
from ..standards.findings import Finding, sort_key
from ..standards.frequency import Limit, agreed_interval, breach, limits_on, next_due, stage_of
from ..standards.rules import RuleBook
from ..text.dates import MONTH_NAMES
from ..validation import model_findings
from .team import Dated, Worker, person_key

REVIEW_NOTICE_DAYS = 30
LABELS: dict[str, str] = {str(topic): label for topic, label in TOPIC_LABELS.items()}


@dataclass(frozen=True)
class SessionCount:
    """Sessions held on time and late, with the next due date."""

    on_time: int
    late: int
    next_due: datetime.date | None
    overdue_now: int | None  # days the next session is overdue, when it is


@dataclass(frozen=True)
class Context:
    """What every check of one worker needs."""

    worker: Worker
    book: RuleBook
    as_of: datetime.date

    @property
    def council(self) -> str:
        return self.book.council

    def agreement_on(self, day: datetime.date) -> Agreement | None:
        """The agreement in force on `day`, or the first one for days before any."""
        found = self.worker.agreement_on(day) or next(iter(self.worker.agreements), None)
        return found.model if found else None

    def stage_on(self, day: datetime.date) -> CareerStage:
        return stage_of(self.agreement_on(day))

    def start_of_stage(self, stage: CareerStage) -> datetime.date | None:
        """When the supervisee began at this stage: the first agreement that says so, else the
        first agreement or session."""
        dates = [
            a.date for a in self.worker.agreements if a.date and a.model.supervisee.career_stage == stage
        ]
        return min(dates, default=None) or self.first_day()

    def first_day(self) -> datetime.date | None:
        days = [a.date for a in self.worker.agreements if a.date] + self.worker.session_dates
        return min(days, default=None)

    def limits_on(self, day: datetime.date) -> list[Limit]:
        stage = self.stage_on(day)
        start = self.start_of_stage(stage) or day
        return limits_on(self.book, stage, day, start=start, agreed=agreed_interval(self.agreement_on(day)))

    def rearranged_in_time(self, *, planned_by: datetime.date, held: datetime.date) -> bool:
        """True when the session held on `held` was planned by `planned_by`, cancelled, and
        rearranged as the council's cancellation rule allows (Surrey: within 2 weeks)."""
        rule = self.book.first("rearranged_within")
        if rule is None or rule.days is None:
            return False
        return any(
            c.model.rearranged_date == held
            and c.date is not None
            and c.date <= planned_by
            and not rearranged_in_time(c.model, self.book, self.as_of)
            for c in self.worker.cancellations
        )

    def session_file(self, day: datetime.date) -> str | None:
        """The general record of a session, else its first case record."""
        files = [r.file for r in self.worker.general_records if r.date == day]
        files += [r.file for r in self.worker.case_records if r.date == day]
        return files[0] if files else None


def sessions_overdue(ctx: Context) -> tuple[list[Finding], SessionCount]:
    """Each session later than the rules allow after the one before, and the next if overdue.
    The first agreement's date counts as the start, as if a session."""
    sessions = ctx.worker.session_dates
    first_agreed = [a.date for a in ctx.worker.agreements if a.date][:1]
    points = sorted({*sessions, *first_agreed})
    findings = [late for previous, day in pairwise(points) if (late := _late(ctx, previous, day))]
    if not points:
        return findings, SessionCount(0, 0, None, None)
    due = next_due(ctx.limits_on(points[-1]), points[-1])
    missing = _missing(ctx, points[-1], bool(sessions))
    overdue_now = None if due is None or ctx.as_of <= due else (ctx.as_of - due).days
    count = SessionCount(len(sessions) - len(findings), len(findings), due, overdue_now)
    return findings + missing, count


def _late(ctx: Context, previous: datetime.date, day: datetime.date) -> Finding | None:
    broken_limits = [limit for limit in ctx.limits_on(previous) if day > limit.due_after(previous)]
    broken = breach(broken_limits, ctx.council)
    if broken is None:
        return None
    due = min(limit.due_after(previous) for limit in broken_limits)
    if ctx.rearranged_in_time(planned_by=due, held=day):
        return None
    return Finding(
        f"{broken.council}.session.overdue",
        broken.level,
        "date",
        f"the session on {day.isoformat()} was {(day - due).days} days overdue "
        f"(due by {due.isoformat()}, {broken.strictest.interval.describe()})",
        broken.source,
        ctx.session_file(day),
    )


def _missing(ctx: Context, last: datetime.date, any_session: bool) -> list[Finding]:
    broken_limits = [limit for limit in ctx.limits_on(last) if ctx.as_of > limit.due_after(last)]
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
        )
    ]


def shorter_than_agreed(ctx: Context) -> list[Finding]:
    rule = ctx.book.first("states_arrangements")
    source = rule.source if rule else "the agreement"
    findings = []
    for record in ctx.worker.general_records:
        minutes = record.model.duration_minutes
        agreement = ctx.agreement_on(record.date) if record.date else None
        agreed = agreement.duration_minutes if agreement else None
        if minutes is None or agreed is None or minutes >= agreed or record.date is None:
            continue
        findings.append(
            Finding(
                f"{ctx.council}.session.shorter_than_agreed",
                "warning",
                "duration_minutes",
                f"the session on {record.date.isoformat()} lasted {minutes} minutes; {agreed} were agreed",
                source,
                record.file,
            )
        )
    return findings


def case_reviews(ctx: Context) -> list[Finding]:
    """Each case reviewed within the rule's months of the last review, while it is open (its
    latest record plans a next review)."""
    rule = ctx.book.first("case_review_within")
    if rule is None or rule.months is None:
        return []
    findings = []
    for records in _by_case(ctx.worker.case_records).values():
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
                    )
                )
        last = dated[-1] if dated else None
        if last is None or last.date is None or last.model.next_review_date is None:
            continue
        review_by = add_months(last.date, rule.months)
        if ctx.as_of > review_by:
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
                )
            )
    return findings


def _by_case(records: list[Dated[CaseRecord]]) -> dict[str, list[Dated[CaseRecord]]]:
    cases: dict[str, list[Dated[CaseRecord]]] = {}
    for record in records:
        child = record.model.child
        key = person_key(child.id) or person_key(child.name)
        if key:
            cases.setdefault(key, []).append(record)
    return cases


def topics_each_quarter(ctx: Context) -> list[Finding]:
    """Every topic covered in every whole calendar quarter (the rule's period) since the start."""
    rule = ctx.book.first("topics_quarterly")
    first = ctx.first_day()
    if rule is None or rule.months is None or first is None:
        return []
    findings = []
    for begins, ends in _periods(first, ctx.as_of, rule.months):
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
                    f"{_period_name(begins, rule.months)}: supervision did not cover {words}",
                    rule.source,
                )
            )
    return findings


def _periods(
    first: datetime.date, as_of: datetime.date, months: int
) -> list[tuple[datetime.date, datetime.date]]:
    """Whole periods of `months` calendar months (quarters for 3), counted from January, that
    begin on or after `first` and end before `as_of`."""
    begins = datetime.date(first.year, months * ((first.month - 1) // months) + 1, 1)
    if begins < first:
        begins = add_months(begins, months)
    periods = []
    while (ends := add_months(begins, months) - datetime.timedelta(days=1)) < as_of:
        periods.append((begins, ends))
        begins = add_months(begins, months)
    return periods


def _period_name(begins: datetime.date, months: int) -> str:
    """'Q2 2026 (April to June)' for quarters, else 'April to May 2026'."""
    span = f"{MONTH_NAMES[begins.month - 1]} to {MONTH_NAMES[begins.month + months - 2]}"
    if months == 3:
        return f"Q{(begins.month - 1) // 3 + 1} {begins.year} ({span})"
    return f"{span} {begins.year}"


def agreement_review(ctx: Context) -> list[Finding]:
    """The agreement in force reviewed by its review date (or within the rule's months)."""
    rule = ctx.book.first("review_within")
    latest = ctx.worker.latest_agreement
    if rule is None or rule.months is None or latest is None:
        return []
    due = latest.model.review_date or (latest.date and add_months(latest.date, rule.months))
    if due is None:
        return []
    if ctx.as_of > due:
        return [
            Finding(
                f"{rule.council}.agreement.review_overdue",
                rule.level,
                "review_date",
                f"the agreement's review was due by {due.isoformat()}: {(ctx.as_of - due).days} days overdue",
                rule.source,
                latest.file,
            )
        ]
    if (due - ctx.as_of).days <= REVIEW_NOTICE_DAYS:
        return [
            Finding(
                f"{rule.council}.agreement.review_due",
                "info",
                "review_date",
                f"the agreement is due for review by {due.isoformat()}",
                rule.source,
                latest.file,
            )
        ]
    return []


def agreement_exists(ctx: Context) -> list[Finding]:
    rule = ctx.book.first("agreement_required")
    if rule is None or ctx.worker.agreements:
        return []
    return [
        Finding(
            f"{rule.council}.agreement.missing",
            rule.level,
            "agreement",
            "no supervision agreement was found for this supervisee",
            rule.source,
        )
    ]


def new_supervisor(ctx: Context) -> list[Finding]:
    """Sessions with someone other than the agreement's supervisor, kept up (two sessions in
    a row, or the latest one), with no new agreement: one cover session is not a change."""
    rule = ctx.book.first("new_agreement_on_change")
    if rule is None:
        return []
    sessions = sorted(
        {(r.date, person_key(r.model.supervisor.name), r.file) for r in ctx.worker.general_records if r.date}
    )
    changes: dict[str, tuple[datetime.date, str]] = {}
    for index, (day, supervisor, file) in enumerate(sessions):
        agreement = ctx.worker.agreement_on(day)
        agreed = person_key(agreement.model.supervisor.name) if agreement else ""
        if not supervisor or not agreed or supervisor == agreed or supervisor in changes:
            continue
        following = sessions[index + 1 : index + 2]
        if not following or following[0][1] == supervisor:
            changes[supervisor] = (day, file)
    return [
        Finding(
            f"{rule.council}.agreement.new_supervisor",
            rule.level,
            "supervisor.name",
            f"from {day.isoformat()} sessions are with a new supervisor, but there is no new agreement",
            rule.source,
            file,
        )
        for day, file in changes.values()
    ]


def document_rules(ctx: Context) -> list[Finding]:
    """Each document's own rules (signatures, sharing, the child's file, cancellations)."""
    findings = []
    for document in ctx.worker.documents:
        for finding in model_findings(document.model) + check_document(
            document.model, ctx.council, as_of=ctx.as_of
        ):
            findings.append(
                Finding(
                    finding.rule, finding.level, finding.field, finding.message, finding.source, document.file
                )
            )
    return findings


def worker_findings(ctx: Context) -> tuple[list[Finding], SessionCount]:
    """Every finding for one worker, errors first, and how their sessions went."""
    overdue, count = sessions_overdue(ctx)
    findings = [
        *agreement_exists(ctx),
        *agreement_review(ctx),
        *new_supervisor(ctx),
        *overdue,
        *shorter_than_agreed(ctx),
        *case_reviews(ctx),
        *topics_each_quarter(ctx),
        *document_rules(ctx),
    ]
    return sorted(findings, key=sort_key), count
