"""Checks of one document against its council's rules: small functions returning findings."""

from __future__ import annotations

import datetime
from typing import Any

from pydantic import BaseModel

from ..models.agreement import Agreement, CareerStage
from ..models.common import Signatures
from ..models.records import Cancellation, CaseRecord, GeneralRecord
from ..packs import Pack, PackRegistry
from .calendar import (
    Interval,
    add_months,
    add_working_days,
    is_bank_holiday,
    is_working_day,
    phase_end,
    working_days_between,
)
from .findings import Finding, Level
from .frequency import (
    AFTER_ASYE,
    ASYE_MONTHS,
    Limit,
    agreed_interval,
    agreed_on,
    breach,
    is_phased,
    limits_on,
    stage_of,
)
from .rules import NATIONAL, Rule, RuleBook, rulebook

STAGE_WORDS: dict[CareerStage, str] = {
    "student": "students",
    "nqsw": "newly qualified staff",
    "qualified": "qualified staff",
    "senior": "senior staff",
    "manager": "managers",
    "unqualified": "unqualified staff",
}
ROLE_WORDS = {"supervisor": "the supervisor", "supervisee": "the supervisee"}
NOTICE_RULE = "standards.national_defaults_only"


def check_document(
    model: BaseModel,
    council: str | Pack | RuleBook,
    *,
    as_of: datetime.date | None = None,
    packs: PackRegistry | None = None,
) -> list[Finding]:
    """Findings for one document under a council's rules (a pack, its name, or its rule
    book). A council without rules of its own gets the national defaults and an info finding
    saying so. Checks that depend on today (a record not yet shared) run only when `as_of`
    is given."""
    book = council if isinstance(council, RuleBook) else rulebook(council, packs)
    notice = [] if isinstance(council, RuleBook) else notice_findings(book)
    return notice + _checks(model, book, as_of)


def notice_findings(book: RuleBook) -> list[Finding]:
    """An info finding when only the national defaults apply to a council."""
    if book.notice is None:
        return []
    return [Finding(NOTICE_RULE, "info", "", book.notice, "national default")]


def _checks(model: BaseModel, book: RuleBook, as_of: datetime.date | None) -> list[Finding]:
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
    """Frequency, duration, review date, signatures, record sharing, planned dates, and the
    parts to be discussed and recorded."""
    return [
        *stage_assumed(agreement),
        *arrangements_stated(agreement, book),
        *agreed_frequency(agreement, book),
        *agreed_duration(agreement, book),
        *review_date(agreement, book),
        *signatures(agreement.signatures, book, "agreement"),
        *agreed_sharing(agreement, book),
        *meeting_dates(agreement, book),
        *meeting_dates_cover(agreement, book),
        *discussed_and_recorded(agreement, book),
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
    frequency = agreement.frequency
    if frequency.description is None and frequency.every is None and not frequency.phases:
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
    """The agreed frequency against the council's limits for the supervisee's stage.

    A single agreed frequency is held to a phased rule's most relaxed phase (the agreement may
    be made at any point in it). An agreement with phases is walked phase by phase from its
    date up to its review (what follows is for the review to settle)."""
    stage = stage_of(agreement)
    if is_phased(agreement):
        return _phased_frequency(agreement, book, stage)
    agreed = agreed_interval(agreement)
    if agreed is None:
        return []
    limits = [
        Limit(interval, rule.level, rule.source, rule.council, rule.id)
        for rule in book.rules("max_interval", stage=stage)
        if (interval := _loosest(rule)) is not None
    ]
    return _frequency_breach(agreed, limits, book, f"for {STAGE_WORDS[stage]}")


def _phased_frequency(agreement: Agreement, book: RuleBook, stage: CareerStage) -> list[Finding]:
    start = agreement.agreement_date or datetime.date(2000, 1, 3)
    phases = agreement.frequency.in_phases()
    boundaries = {start}
    for phase in phases:
        if (end := phase_end(phase, start)) is not None:
            boundaries.add(end)
    for rule in book.rules("max_interval"):
        boundaries.update(e for p in rule.phases if (e := phase_end(p, start)) is not None)
    asye_end = add_months(start, ASYE_MONTHS) if stage == "nqsw" else None
    if asye_end is not None:
        boundaries.add(asye_end)
    # Phases from the review on are for the review to settle: not judged now.
    review = agreement.review_date or add_months(start, ASYE_MONTHS)
    for day in sorted(d for d in boundaries if d < review):
        agreed = agreed_on(agreement, day, start)
        if agreed is None:
            break
        now = AFTER_ASYE if asye_end is not None and day >= asye_end else stage
        limits = limits_on(book, now, day, start=start, agreed=None)
        when = "" if day == start else f" from {_span_words(start, day)}"
        found = _frequency_breach(agreed, limits, book, f"for {STAGE_WORDS[now]}", when)
        if found:
            return found
    return []


def _span_words(start: datetime.date, day: datetime.date) -> str:
    days = (day - start).days
    if days % 7 == 0 and days < 26 * 7:
        return f"week {days // 7 + 1}"
    months = round(days / 30.4375)
    return f"month {months + 1}"


def _frequency_breach(
    agreed: Interval, limits: list[Limit], book: RuleBook, whom: str, when: str = ""
) -> list[Finding]:
    found = breach([limit for limit in limits if agreed.looser_than(limit.interval)], book.council)
    if found is None:
        return []
    return [
        Finding(
            f"{found.council}.agreement.frequency",
            found.level,
            "frequency.description",
            f"the agreed frequency{when} ({agreed.describe()}) is less often than the rule {whom} "
            f"({found.strictest.interval.describe()})",
            found.source,
            rule_ids=found.rule_ids,
        )
    ]


def _loosest(rule: Rule) -> Interval | None:
    if not rule.phases:
        return rule.interval
    return max((Interval(p.every, p.unit) for p in rule.phases), key=lambda i: i.nominal_days)


def agreed_duration(agreement: Agreement, book: RuleBook) -> list[Finding]:
    """The agreed length against the council's minimum: per session, or as a total over the
    rule's weeks at the agreed frequency (its most relaxed phase)."""
    minutes = agreement.duration_minutes
    if minutes is None:
        return []
    stage = stage_of(agreement)
    for rule in book.rules("min_duration", stage=stage):
        if rule.minutes is None:
            continue
        if rule.per_weeks is None:
            if minutes < rule.minutes:
                message = (
                    f"sessions of {minutes} minutes are shorter than the minimum of {rule.minutes} "
                    f"minutes for {STAGE_WORDS[stage]}"
                )
                return [_finding(rule, "agreement.duration", "duration_minutes", message)]
            continue
        total = minutes * _sessions_per(agreement, rule.per_weeks)
        if total < rule.minutes:
            message = (
                f"sessions of {minutes} minutes at the agreed frequency give {total} minutes every "
                f"{rule.per_weeks} weeks, less than the minimum of {rule.minutes} for {STAGE_WORDS[stage]}"
            )
            return [_finding(rule, "agreement.duration", "duration_minutes", message)]
    return []


def _sessions_per(agreement: Agreement, weeks: int) -> int:
    """Whole sessions in `weeks` at the agreed frequency's most relaxed phase (at least one)."""
    phases = agreement.frequency.in_phases()
    intervals = [Interval(p.every, p.unit) for p in phases]
    if not intervals and agreement.frequency.every and agreement.frequency.unit:
        intervals = [Interval(agreement.frequency.every, agreement.frequency.unit)]
    if not intervals:
        return 1
    loosest = max(intervals, key=lambda i: i.nominal_days)
    return max(1, int(weeks * 7 // loosest.nominal_days))


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
    stage, phased = stage_of(agreement), is_phased(agreement)
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
                Finding(
                    f"{book.council}.agreement.meeting_dates",
                    "warning",
                    field,
                    message,
                    source,
                    rule_ids=(arrangements.id,) if arrangements else (),
                )
            )
        if previous is not None:
            agreed = agreed_on(agreement, previous, start)
            limits = limits_on(book, stage, previous, start=start, agreed=agreed, agreed_phased=phased)
            broken = breach([limit for limit in limits if day > limit.due_after(previous)], book.council)
            if broken is not None:
                message = (
                    f"the meeting planned for {day.isoformat()} is later than the rules allow "
                    f"after the one before ({broken.strictest.due_after(previous).isoformat()})"
                )
                found.append(
                    Finding(
                        f"{broken.council}.agreement.meeting_dates",
                        "warning",
                        field,
                        message,
                        broken.source,
                        rule_ids=broken.rule_ids,
                    )
                )
        previous = day
    return found


def meeting_dates_cover(agreement: Agreement, book: RuleBook) -> list[Finding]:
    """Sefton's table of meeting dates for the next 12 months: a blank table is noted, a
    short one is a finding."""
    rule = book.first("meeting_dates_cover")
    if rule is None or rule.months is None or not _signed(agreement.signatures):
        return []
    if not agreement.meeting_dates:
        return [
            _finding(
                rule,
                f"{rule.id.split('.', 1)[1]}_blank",
                "meeting_dates",
                f"the table of meeting dates for the next {rule.months} months is blank",
                level="info",
            )
        ]
    start = agreement.agreement_date or min(agreement.meeting_dates)
    reach = add_months(start, rule.months - 1).replace(day=1)
    last = max(agreement.meeting_dates)
    if last >= reach:
        return []
    return [
        _finding(
            rule,
            None,
            "meeting_dates",
            f"the meeting dates end on {last.isoformat()}: they do not cover the {rule.months} months "
            f"after the agreement (to {add_months(start, rule.months).isoformat()})",
        )
    ]


def discussed_and_recorded(agreement: Agreement, book: RuleBook) -> list[Finding]:
    """The parts to be discussed and recorded, left blank in a signed agreement."""
    if not _signed(agreement.signatures):
        return []
    found = []
    for rule in book.rules("completed_when_signed", document="agreement"):
        blank = [path for path in rule.fields if _value(agreement, path) is None]
        for path in blank:
            found.append(
                _finding(
                    rule,
                    None,
                    path,
                    f"the agreement is signed but '{_title(agreement, path)}' is blank",
                )
            )
    return found


def _signed(signed: Signatures) -> bool:
    return signed.supervisor.name is not None or signed.supervisee.name is not None


def _value(model: BaseModel, path: str) -> Any:
    value: Any = model
    for part in path.split("."):
        value = getattr(value, part, None)
    if isinstance(value, list) and not value:
        return None
    return value


def _title(model: BaseModel, path: str) -> str:
    from ..models.paths import title_of

    try:
        return title_of(type(model), path)
    except KeyError:
        return path


# ---------------------------------------------------------------- records


def check_general_record(
    record: GeneralRecord, book: RuleBook, *, as_of: datetime.date | None = None
) -> list[Finding]:
    """Signatures, the record shared in time, and the parts each record should have."""
    return [
        *signatures(record.signatures, book, "general_record"),
        *shared_in_time(record, book, as_of),
        *record_completed(record, book, "general_record"),
    ]


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


def record_completed(model: BaseModel, book: RuleBook, document: str) -> list[Finding]:
    """Fields each record of a kind should have filled in (the agenda; the case summary)."""
    found = []
    for rule in book.rules("record_completed", document=document):
        for path in rule.fields:
            if _value(model, path) is None:
                found.append(
                    _finding(
                        rule,
                        None,
                        path,
                        f"the record has no {_title(model, path).lower()}",
                    )
                )
    return found


def check_case_record(
    record: CaseRecord, book: RuleBook, *, as_of: datetime.date | None = None
) -> list[Finding]:
    """Signatures, decisions on the child's file in time, the next review, clear decisions."""
    return [
        *signatures(record.signatures, book, "case_record"),
        *on_child_file_in_time(record, book, as_of),
        *filled_in_time(record, book, "case_record", as_of),
        *next_review_in_time(record, book),
        *decisions_clear(record, book),
        *record_completed(record, book, "case_record"),
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


def filled_in_time(
    model: CaseRecord | GeneralRecord, book: RuleBook, document: str, as_of: datetime.date | None
) -> list[Finding]:
    """A date the record should show once some working days have passed (Surrey: the case
    form saved to the child's record); a case record with no decisions needs none."""
    found = []
    for rule in book.rules("filled_within", document=document):
        if model.date is None or as_of is None or rule.working_days is None:
            continue
        if isinstance(model, CaseRecord) and not model.decisions:
            continue
        deadline = add_working_days(model.date, rule.working_days)
        for path in rule.fields:
            if _value(model, path) is None and as_of > deadline:
                found.append(
                    _finding(
                        rule,
                        None,
                        path,
                        f"the record does not show '{_title(model, path)}' "
                        f"{rule.working_days} working days after the session",
                    )
                )
    return found


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


def _finding(
    rule: Rule, name: str | None, field: str, message: str, *, level: Level | None = None
) -> Finding:
    """A finding of `rule`, named '<council>.<name>' (or after the rule itself), at the rule's
    level unless given."""
    named = rule.id if name is None else f"{rule.council}.{name}"
    return Finding(named, level or rule.level, field, message, rule.source, rule_ids=(rule.id,))


__all__ = ["NATIONAL", "check_document", "notice_findings"]
