"""Checks of one document against its council's rules: small functions returning findings."""

from __future__ import annotations

import datetime

from pydantic import BaseModel

from ..models.agreement import Agreement, CareerStage
from ..models.common import Signatures
from ..models.records import Cancellation, CaseRecord, GeneralRecord
from .calendar import (
    Interval,
    add_months,
    add_working_days,
    is_bank_holiday,
    is_working_day,
    working_days_between,
)
from .findings import Finding, Level
from .frequency import Limit, agreed_interval, breach, limits_on, stage_of
from .rules import Rule, RuleBook, rulebook

STAGE_WORDS: dict[CareerStage, str] = {
    "student": "students",
    "nqsw": "newly qualified staff",
    "qualified": "qualified staff",
    "senior": "senior staff",
    "manager": "managers",
    "unqualified": "unqualified staff",
}
ROLE_WORDS = {"supervisor": "the supervisor", "supervisee": "the supervisee"}


def check_document(model: BaseModel, council: str, *, as_of: datetime.date | None = None) -> list[Finding]:
    """Findings for one document under a council's rules (a pack name; others get the
    national defaults). Checks that depend on today (a record not yet shared) run only
    when `as_of` is given."""
    book = rulebook(council)
    if isinstance(model, Agreement):
        return check_agreement(model, book)
    if isinstance(model, GeneralRecord):
        return check_general_record(model, book, as_of=as_of)
    if isinstance(model, CaseRecord):
        return check_case_record(model, book, as_of=as_of)
    if isinstance(model, Cancellation):
        return check_cancellation(model, book, as_of=as_of)
    return []


# ---------------------------------------------------------------- agreements


def check_agreement(agreement: Agreement, book: RuleBook) -> list[Finding]:
    """Frequency, duration, review date, signatures, record sharing and planned dates."""
    return [
        *stage_assumed(agreement),
        *arrangements_stated(agreement, book),
        *agreed_frequency(agreement, book),
        *agreed_duration(agreement, book),
        *review_date(agreement, book),
        *signatures(agreement.signatures, book, "agreement"),
        *agreed_sharing(agreement, book),
        *meeting_dates(agreement, book),
    ]


def stage_assumed(agreement: Agreement) -> list[Finding]:
    if agreement.supervisee.career_stage is not None:
        return []
    return [
        Finding(
            "standards.career_stage_assumed",
            "info",
            "supervisee.career_stage",
            "no career stage given: the rules for qualified staff were applied",
            "data model",
        )
    ]


def arrangements_stated(agreement: Agreement, book: RuleBook) -> list[Finding]:
    rule = book.first("states_arrangements")
    if rule is None:
        return []
    found = []
    if agreement.frequency.description is None and agreement.frequency.every is None:
        found.append(
            _finding(
                rule,
                "agreement.frequency_missing",
                "frequency.description",
                "the agreement does not say how often supervision takes place",
            )
        )
    if agreement.duration_minutes is None:
        found.append(
            _finding(
                rule,
                "agreement.duration_missing",
                "duration_minutes",
                "the agreement does not say how long sessions last",
            )
        )
    return found


def agreed_frequency(agreement: Agreement, book: RuleBook) -> list[Finding]:
    """The agreed frequency against the council's limits for the supervisee's stage. A phased
    rule is held to its most relaxed phase: the agreement may be made at any point in it."""
    agreed = agreed_interval(agreement)
    if agreed is None:
        return []
    stage = stage_of(agreement)
    limits = [
        Limit(interval, rule.level, rule.source, rule.council, rule.id)
        for rule in book.rules("max_interval", stage=stage)
        if (interval := _loosest(rule)) is not None
    ]
    found = breach([limit for limit in limits if agreed.looser_than(limit.interval)], book.council)
    if found is None:
        return []
    return [
        Finding(
            f"{found.council}.agreement.frequency",
            found.level,
            "frequency.description",
            f"the agreed frequency ({agreed.describe()}) is less often than the rule for "
            f"{STAGE_WORDS[stage]} ({found.strictest.interval.describe()})",
            found.source,
        )
    ]


def _loosest(rule: Rule) -> Interval | None:
    if not rule.phases:
        return rule.interval
    return max((phase.interval for phase in rule.phases), key=lambda i: i.nominal_days)


def agreed_duration(agreement: Agreement, book: RuleBook) -> list[Finding]:
    minutes = agreement.duration_minutes
    if minutes is None:
        return []
    stage = stage_of(agreement)
    return [
        _finding(
            rule,
            "agreement.duration",
            "duration_minutes",
            f"sessions of {minutes} minutes are shorter than the minimum of {rule.minutes} minutes "
            f"for {STAGE_WORDS[stage]}",
        )
        for rule in book.rules("min_duration", stage=stage)
        if rule.minutes is not None and minutes < rule.minutes
    ][:1]


def review_date(agreement: Agreement, book: RuleBook) -> list[Finding]:
    rule = book.first("review_within")
    if rule is None or rule.months is None:
        return []
    if agreement.review_date is None:
        return [
            _finding(
                rule,
                "agreement.review_missing",
                "review_date",
                "the agreement has no review date",
                level="warning",
            )
        ]
    start = agreement.agreement_date
    if start is not None and agreement.review_date > add_months(start, rule.months):
        return [
            _finding(
                rule,
                "agreement.review",
                "review_date",
                f"the review date is more than {rule.months} months after the agreement date",
            )
        ]
    return []


def signatures(signed: Signatures, book: RuleBook, document: str) -> list[Finding]:
    """Both parties signed, each signature dated."""
    subject = "agreement" if document == "agreement" else "record"
    found = []
    for rule in book.rules("signed_and_dated", document=document):
        for role in ("supervisor", "supervisee"):
            signature = getattr(signed, role)
            if signature.name is None:
                found.append(
                    _finding(
                        rule,
                        f"{subject}.signatures",
                        f"signatures.{role}.name",
                        f"{ROLE_WORDS[role]} has not signed the {subject}",
                    )
                )
            elif signature.date is None:
                found.append(
                    _finding(
                        rule,
                        f"{subject}.signatures",
                        f"signatures.{role}.date",
                        f"{ROLE_WORDS[role]}'s signature is not dated",
                    )
                )
    return found


def agreed_sharing(agreement: Agreement, book: RuleBook) -> list[Finding]:
    agreed = agreement.recording.share_within_working_days
    rule = book.first("shared_within")
    if agreed is None or rule is None or rule.working_days is None or agreed <= rule.working_days:
        return []
    return [
        _finding(
            rule,
            "agreement.record_sharing",
            "recording.share_within_working_days",
            f"records shared within {agreed} working days is later than the "
            f"{rule.working_days} working days allowed",
        )
    ]


def meeting_dates(agreement: Agreement, book: RuleBook) -> list[Finding]:
    """Planned dates on working days, no further apart than the rules allow."""
    if not agreement.meeting_dates:
        return []
    start = agreement.agreement_date or min(agreement.meeting_dates)
    stage, agreed = stage_of(agreement), agreed_interval(agreement)
    arrangements = book.first("states_arrangements")
    source = arrangements.source if arrangements else "the agreement"
    found = []
    previous = agreement.agreement_date
    for index, day in sorted(enumerate(agreement.meeting_dates), key=lambda item: item[1]):
        field = f"meeting_dates.{index}"
        if not is_working_day(day):
            what = "a bank holiday" if is_bank_holiday(day) else "a weekend"
            message = f"the meeting planned for {day.isoformat()} falls on {what}"
            found.append(
                Finding(f"{book.council}.agreement.meeting_dates", "warning", field, message, source)
            )
        if previous is not None:
            limits = limits_on(book, stage, previous, start=start, agreed=agreed)
            broken = breach([limit for limit in limits if day > limit.due_after(previous)], book.council)
            if broken is not None:
                message = (
                    f"the meeting planned for {day.isoformat()} is later than the rules allow "
                    f"after the one before ({broken.strictest.due_after(previous).isoformat()})"
                )
                found.append(
                    Finding(
                        f"{broken.council}.agreement.meeting_dates", "warning", field, message, broken.source
                    )
                )
        previous = day
    return found


# ---------------------------------------------------------------- records


def check_general_record(
    record: GeneralRecord, book: RuleBook, *, as_of: datetime.date | None = None
) -> list[Finding]:
    """Signatures, and the record shared in time."""
    return [*signatures(record.signatures, book, "general_record"), *shared_in_time(record, book, as_of)]


def shared_in_time(record: GeneralRecord, book: RuleBook, as_of: datetime.date | None) -> list[Finding]:
    rule = book.first("shared_within")
    if rule is None or rule.working_days is None or record.date is None:
        return []
    deadline = add_working_days(record.date, rule.working_days)
    if record.shared_date is not None:
        if record.shared_date <= deadline:
            return []
        late = working_days_between(record.date, record.shared_date)
        message = (
            f"the record was shared {late} working days after the session "
            f"(within {rule.working_days} allowed)"
        )
    elif as_of is not None and as_of > deadline:
        message = (
            f"the record has not been shared; it was due within {rule.working_days} "
            f"working days, by {deadline.isoformat()}"
        )
    else:
        return []
    return [_finding(rule, "record.shared_late", "shared_date", message)]


def check_case_record(
    record: CaseRecord, book: RuleBook, *, as_of: datetime.date | None = None
) -> list[Finding]:
    """Signatures, decisions on the child's file in time, the next review, clear decisions."""
    return [
        *signatures(record.signatures, book, "case_record"),
        *on_child_file_in_time(record, book, as_of),
        *next_review_in_time(record, book),
        *decisions_clear(record, book),
    ]


def on_child_file_in_time(record: CaseRecord, book: RuleBook, as_of: datetime.date | None) -> list[Finding]:
    rule = book.first("child_file_within")
    if rule is None or rule.days is None or record.date is None or not record.decisions:
        return []
    deadline = record.date + datetime.timedelta(days=rule.days)
    limit = "24 hours" if rule.days == 1 else f"{rule.days} days"
    recorded = record.recorded_on_child_file
    if recorded is not None:
        if recorded <= deadline:
            return []
        message = (
            f"the decisions reached the child's file {(recorded - record.date).days} days "
            f"after the session (within {limit} required)"
        )
    elif as_of is not None and as_of > deadline:
        message = f"the decisions are not recorded on the child's file (due within {limit})"
    else:
        return []
    return [_finding(rule, "case.child_file_late", "recorded_on_child_file", message)]


def next_review_in_time(record: CaseRecord, book: RuleBook) -> list[Finding]:
    rule = book.first("case_review_within")
    if rule is None or rule.months is None or record.date is None or record.next_review_date is None:
        return []
    if record.next_review_date <= add_months(record.date, rule.months):
        return []
    return [
        _finding(
            rule,
            "case.review_date",
            "next_review_date",
            f"the next case review is planned more than {rule.months} months after this one",
        )
    ]


def decisions_clear(record: CaseRecord, book: RuleBook) -> list[Finding]:
    found = []
    for rule in book.rules("decisions_clear", document="case_record"):
        for index, decision in enumerate(record.decisions):
            missing = [
                word for word, value in (("who", decision.owner), ("by when", decision.due)) if not value
            ]
            if decision.action and missing:
                field = f"decisions.{index}.{'owner' if decision.owner is None else 'due'}"
                found.append(
                    _finding(
                        rule,
                        "case.decisions",
                        field,
                        f"decision {index + 1} does not say {' or '.join(missing)}",
                    )
                )
    return found


def check_cancellation(
    cancellation: Cancellation, book: RuleBook, *, as_of: datetime.date | None = None
) -> list[Finding]:
    """Rearranged in time; cover when the supervisor cancels for more than 2 weeks."""
    return [*rearranged_in_time(cancellation, book, as_of), *absence_cover(cancellation, book, as_of)]


def rearranged_in_time(
    cancellation: Cancellation, book: RuleBook, as_of: datetime.date | None
) -> list[Finding]:
    rule = book.first("rearranged_within")
    start = cancellation.cancelled_date or cancellation.planned_date
    if rule is None or start is None:
        return []
    new = cancellation.rearranged_date
    if rule.days is None:  # "an alternative time made immediately"
        if new is not None:
            return []
        message = "no alternative date was made when the session was cancelled"
    elif new is not None:
        if new <= start + datetime.timedelta(days=rule.days):
            return []
        message = (
            f"the session was rearranged to {(new - start).days} days after the cancellation "
            f"(within {rule.days} days required)"
        )
    elif as_of is not None and as_of > start + datetime.timedelta(days=rule.days):
        message = f"the session has not been rearranged within {rule.days} days of the cancellation"
    else:
        return []
    return [_finding(rule, "cancellation.not_rearranged", "rearranged_date", message)]


def absence_cover(cancellation: Cancellation, book: RuleBook, as_of: datetime.date | None) -> list[Finding]:
    """A supervisor's cancellation leaving over 2 weeks without supervision needs cover."""
    rule = book.first("absence_cover")
    start = cancellation.cancelled_date or cancellation.planned_date
    if (
        rule is None
        or rule.days is None
        or start is None
        or cancellation.cancelled_by != "supervisor"
        or cancellation.cover_arrangements is not None
    ):
        return []
    until = cancellation.rearranged_date or as_of
    if until is None or (until - start).days <= rule.days:
        return []
    return [
        _finding(
            rule,
            "absence.cover",
            "cover_arrangements",
            f"the supervisor cancelled and there is no session for over {rule.days} days: "
            "the supervisor's manager should arrange cover",
        )
    ]


def _finding(rule: Rule, name: str, field: str, message: str, *, level: Level | None = None) -> Finding:
    """A finding of `rule`, named '<council>.<name>', at the rule's level unless given."""
    return Finding(f"{rule.council}.{name}", level or rule.level, field, message, rule.source)
