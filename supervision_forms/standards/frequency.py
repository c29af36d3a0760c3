"""How often supervision must happen for someone: the council's limits, and the agreement's."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from ..models.agreement import Agreement, CareerStage
from .calendar import Interval, add_months, holiday_block_after, interval_in_phases
from .findings import Level, worst
from .rules import RuleBook

ASSUMED_STAGE: CareerStage = "qualified"
AGREEMENT = "agreement"
ASYE_MONTHS = 12  # the assessed and supported year in employment
AFTER_ASYE: CareerStage = "qualified"


@dataclass(frozen=True)
class Limit:
    """A longest allowed gap between sessions, and the rule (or agreement) that sets it."""

    interval: Interval
    level: Level
    source: str
    council: str
    rule: str  # a rule id, or "agreement"
    calendar_months: bool = True  # the council's reading of "monthly"

    def due_after(self, day: datetime.date) -> datetime.date:
        """The latest day for the next session. The agreement's own interval allows the days
        of a bank holiday block straight after `day`: a session moved earlier off a holiday
        leaves the next one on its regular day (the council's rules allow nothing extra)."""
        due = self.interval.due_after(day, calendar_months=self.calendar_months)
        if self.rule == AGREEMENT and self.interval.unit != "month":
            due += datetime.timedelta(days=holiday_block_after(day))
        return due


def stage_of(agreement: Agreement | None) -> CareerStage:
    """The supervisee's career stage; qualified when the agreement does not say."""
    if agreement is None or agreement.supervisee.career_stage is None:
        return ASSUMED_STAGE
    return agreement.supervisee.career_stage


def stage_on(stage: CareerStage, day: datetime.date, stage_start: datetime.date | None) -> CareerStage:
    """The stage on `day`: a newly qualified worker counts as qualified once their ASYE year,
    begun on `stage_start`, has ended."""
    if stage == "nqsw" and stage_start is not None and day >= add_months(stage_start, ASYE_MONTHS):
        return AFTER_ASYE
    return stage


def agreed_interval(agreement: Agreement | None) -> Interval | None:
    """The agreement's fixed frequency (the first phase of a phased one)."""
    if agreement is None or agreement.frequency.every is None or agreement.frequency.unit is None:
        return None
    return Interval(agreement.frequency.every, agreement.frequency.unit)


def is_phased(agreement: Agreement | None) -> bool:
    return agreement is not None and bool(agreement.frequency.in_phases())


def agreed_on(agreement: Agreement | None, day: datetime.date, start: datetime.date) -> Interval | None:
    """The agreed interval on `day`: the phase in force for phases that began on `start`
    (None after the last ends), else the fixed frequency."""
    if agreement is None:
        return None
    phases = agreement.frequency.in_phases()
    if phases:
        return interval_in_phases(phases, day, start)
    return agreed_interval(agreement)


def agreed_during(
    agreement: Agreement | None, day: datetime.date, *, start: datetime.date, stage_now: CareerStage
) -> Interval | None:
    """The agreed interval on `day` while the stage the agreement was made for holds: one made
    for a newly qualified supervisee stops setting the pace when their first year ends (until
    a new agreement, the council's rules for qualified staff apply)."""
    if stage_of(agreement) == "nqsw" and stage_now != "nqsw":
        return None
    return agreed_on(agreement, day, start)


def limits_on(
    book: RuleBook,
    stage: CareerStage,
    day: datetime.date,
    *,
    start: datetime.date,
    agreed: Interval | None,
    agreed_phased: bool = False,
) -> list[Limit]:
    """Every limit in force on `day` for someone at `stage` since `start`.

    The agreed interval in force that day is a limit too, binding as the agreement (a warning
    when only it is broken). While a council's phased rule runs (newly qualified staff), an
    agreement that states a single frequency usually describes only the first phase: then the
    rule alone sets the pace; an agreement with phases of its own keeps its own pace.
    """
    calendar_months = book.settings.calendar_months
    limits: list[Limit] = []
    phased_rule = False
    for rule in book.rules("max_interval", stage=stage):
        interval = rule.interval_on(day, start)
        if interval is not None:
            limits.append(Limit(interval, rule.level, rule.source, rule.council, rule.id, calendar_months))
            phased_rule = phased_rule or bool(rule.phases)
    if agreed is not None and (agreed_phased or not phased_rule):
        arrangements = book.first("states_arrangements")
        source = arrangements.source if arrangements else AGREEMENT
        limits.append(
            Limit(agreed, "warning", f"the agreement ({source})", book.council, AGREEMENT, calendar_months)
        )
    return limits


def strictest(limits: list[Limit]) -> Limit | None:
    """The limit with the shortest interval."""
    return min(limits, key=lambda limit: limit.interval.nominal_days, default=None)


def next_due(limits: list[Limit], last: datetime.date) -> datetime.date | None:
    """The latest date the session after one on `last` may take place."""
    return min((limit.due_after(last) for limit in limits), default=None)


@dataclass(frozen=True)
class Breach:
    """Limits broken together: the worst level, the council, and every clause involved."""

    level: Level
    council: str
    source: str
    strictest: Limit
    rule_ids: tuple[str, ...]


def breach(broken: list[Limit], home: str) -> Breach | None:
    """Summarise broken limits: council rules first; the agreement only when alone."""
    if not broken:
        return None
    rules = [limit for limit in broken if limit.rule != AGREEMENT] or broken
    tightest = strictest(broken)
    assert tightest is not None
    councils = [limit.council for limit in rules]
    council = home if home in councils else councils[0]
    sources = list(dict.fromkeys(limit.source for limit in rules))
    ids = tuple(dict.fromkeys(limit.rule for limit in rules if limit.rule != AGREEMENT))
    return Breach(worst([limit.level for limit in broken]), council, "; ".join(sources), tightest, ids)
