"""Working days and repeating intervals on the calendar of England and Wales."""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass
from functools import cache
from typing import Literal

import holidays

from ..models.agreement import FrequencyPhase

Unit = Literal["day", "week", "month"]
_NOMINAL_DAYS: dict[Unit, float] = {"day": 1.0, "week": 7.0, "month": 365.25 / 12}
_UNIT_WORDS: dict[Unit, str] = {"day": "day", "week": "week", "month": "month"}


@cache
def _bank_holidays(year: int) -> frozenset[datetime.date]:
    """England and Wales bank holidays of one year (the `holidays` library, subdivision ENG)."""
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year))


def is_bank_holiday(day: datetime.date) -> bool:
    return day in _bank_holidays(day.year)


def is_working_day(day: datetime.date) -> bool:
    """Monday to Friday and not a bank holiday in England and Wales."""
    return day.weekday() < 5 and not is_bank_holiday(day)


def add_working_days(day: datetime.date, count: int) -> datetime.date:
    """The date `count` working days after `day` (`day` itself need not be a working day)."""
    current = day
    remaining = count
    while remaining > 0:
        current += datetime.timedelta(days=1)
        if is_working_day(current):
            remaining -= 1
    return current


def working_days_between(start: datetime.date, end: datetime.date) -> int:
    """Working days after `start` up to and including `end` (0 when `end` is not later)."""
    days = 0
    current = start
    while current < end:
        current += datetime.timedelta(days=1)
        days += is_working_day(current)
    return days


def holiday_block_after(day: datetime.date) -> int:
    """Days off straight after `day` when they include a bank holiday (Good Friday to Easter
    Monday after a Thursday: 4), else 0: a session held before such a block may stand in for
    one that fell inside it."""
    following = day + datetime.timedelta(days=1)
    block = 0
    holiday = False
    while not is_working_day(following):
        holiday = holiday or is_bank_holiday(following)
        block += 1
        following += datetime.timedelta(days=1)
    return block if holiday else 0


def previous_working_day(day: datetime.date) -> datetime.date:
    """`day` itself when it is a working day, else the last working day before it."""
    while not is_working_day(day):
        day -= datetime.timedelta(days=1)
    return day


def next_working_day(day: datetime.date) -> datetime.date:
    """`day` itself when it is a working day, else the first working day after it."""
    while not is_working_day(day):
        day += datetime.timedelta(days=1)
    return day


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` calendar months later, clamped to the month's end (31 Jan -> 28 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return datetime.date(year, month + 1, min(day.day, last))


def end_of_month(day: datetime.date) -> datetime.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


@dataclass(frozen=True, order=True)
class Interval:
    """Once every `every` days, weeks or months.

    A month interval means "in every Nth calendar month", as councils audit monthly
    supervision: after a session in March, a monthly session is due by the end of April.
    """

    every: int
    unit: Unit

    @property
    def nominal_days(self) -> float:
        """The length in days, months averaged; for comparing intervals of different units."""
        return self.every * _NOMINAL_DAYS[self.unit]

    def after(self, day: datetime.date) -> datetime.date:
        """The planned date one interval after `day` (same day of the month for months)."""
        if self.unit == "month":
            return add_months(day, self.every)
        return day + datetime.timedelta(days=self.every * (7 if self.unit == "week" else 1))

    def due_after(self, day: datetime.date, *, calendar_months: bool = True) -> datetime.date:
        """The latest date the next session may take place after one on `day`. Months are
        calendar months (a monthly session is due by the end of the next month) unless
        `calendar_months` is False: then by the same date next month."""
        if self.unit == "month" and calendar_months:
            return end_of_month(add_months(day.replace(day=1), self.every))
        return self.after(day)

    def looser_than(self, other: Interval) -> bool:
        """True when sessions at this interval would be further apart than at `other`."""
        if self.unit == other.unit:
            return self.every > other.every
        return self.nominal_days > other.nominal_days

    def describe(self) -> str:
        """'every 4 weeks', 'every month', 'every day'."""
        word = _UNIT_WORDS[self.unit]
        return f"every {word}" if self.every == 1 else f"every {self.every} {word}s"


# ---------------------------------------------------------------- phases and quarters


def phase_end(phase: FrequencyPhase, start: datetime.date) -> datetime.date | None:
    """The first day after a phase, counted from `start`; None when it never ends."""
    if phase.until_weeks is not None:
        return start + datetime.timedelta(weeks=phase.until_weeks)
    if phase.until_months is not None:
        return add_months(start, phase.until_months)
    return None


def interval_in_phases(
    phases: tuple[FrequencyPhase, ...], day: datetime.date, start: datetime.date
) -> Interval | None:
    """The interval of the phase in force on `day` for phases that began on `start`; None
    once the last has ended."""
    for phase in phases:
        end = phase_end(phase, start)
        if end is None or day < end:
            return Interval(phase.every, phase.unit)
    return None


def phase_words(phases: tuple[FrequencyPhase, ...]) -> str:
    """'every week for 6 weeks, then every 2 weeks to 12 months, then every month'."""
    words = []
    for phase in phases:
        text = Interval(phase.every, phase.unit).describe()
        if phase.until_weeks is not None:
            text += f" for {phase.until_weeks} weeks"
        elif phase.until_months is not None:
            text += f" to {phase.until_months} months"
        words.append(text)
    return ", then ".join(words)


def quarter_of(day: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The first and last day of the quarter holding `day` (January to March, April to June...;
    a financial year's quarters are the same spans, numbered from April)."""
    begins = datetime.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    return begins, add_months(begins, 3) - datetime.timedelta(days=1)


def quarter_number(begins: datetime.date, *, financial: bool = False) -> tuple[int, str]:
    """(number, year label) of the quarter beginning on `begins`: (2, '2026') for April 2026,
    or (1, '2026/27') counted from April."""
    if not financial:
        return (begins.month - 1) // 3 + 1, str(begins.year)
    start_year = begins.year if begins.month >= 4 else begins.year - 1
    return (begins.month - 4) % 12 // 3 + 1, f"{start_year}/{(start_year + 1) % 100:02d}"
