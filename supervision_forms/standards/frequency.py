"""How often supervision must happen for someone: the council's limits, and the agreement's."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from ..models.agreement import Agreement, CareerStage
from .calendar import Interval
from .findings import Level, worst
from .rules import RuleBook

ASSUMED_STAGE: CareerStage = "qualified"
AGREEMENT = "agreement"


@dataclass(frozen=True)
class Limit:
    """A longest allowed gap between sessions, and the rule (or agreement) that sets it."""

    interval: Interval
    level: Level
    source: str
    council: str
    rule: str  # a rule id, or "agreement"

    def due_after(self, day: datetime.date) -> datetime.date:
        return self.interval.due_after(day)


def stage_of(agreement: Agreement | None) -> CareerStage:
    """The supervisee's career stage; qualified when the agreement does not say."""
    if agreement is None or agreement.supervisee.career_stage is None:
        return ASSUMED_STAGE
    return agreement.supervisee.career_stage


def agreed_interval(agreement: Agreement | None) -> Interval | None:
    if agreement is None or agreement.frequency.every is None or agreement.frequency.unit is None:
        return None
    return Interval(agreement.frequency.every, agreement.frequency.unit)


def limits_on(
    book: RuleBook,
    stage: CareerStage,
    day: datetime.date,
    *,
    start: datetime.date,
    agreed: Interval | None,
) -> list[Limit]:
    """Every limit in force on `day` for someone at `stage` since `start`.

    A phased rule (newly qualified staff) sets the pace on its own while its phases run: the
    agreement then usually describes only the first phase. Otherwise the agreed frequency
    is a limit too, binding as the agreement (a warning when only it is broken).
    """
    limits: list[Limit] = []
    phased = False
    for rule in book.rules("max_interval", stage=stage):
        interval = rule.interval_on(day, start)
        if interval is not None:
            limits.append(Limit(interval, rule.level, rule.source, rule.council, rule.id))
            phased = phased or bool(rule.phases)
    if agreed is not None and not phased:
        arrangements = book.first("states_arrangements")
        source = arrangements.source if arrangements else AGREEMENT
        limits.append(Limit(agreed, "warning", f"the agreement ({source})", book.council, AGREEMENT))
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
    return Breach(worst([limit.level for limit in broken]), council, "; ".join(sources), tightest)
