"""Working days and repeating intervals on the calendar of England and Wales."""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass
from functools import cache
from typing import Literal

import holidays

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

    def due_after(self, day: datetime.date) -> datetime.date:
        """The latest date the next session may take place after one on `day`."""
        if self.unit == "month":
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
