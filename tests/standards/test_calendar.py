"""Working days skip weekends and England and Wales bank holidays; intervals on the calendar."""

from __future__ import annotations

import datetime

import pytest

from supervision_forms.standards import (
    Interval,
    add_months,
    add_working_days,
    is_working_day,
    working_days_between,
)

D = datetime.date


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (D(2026, 4, 3), False),  # Good Friday
        (D(2026, 4, 6), False),  # Easter Monday
        (D(2026, 12, 28), False),  # Boxing Day falls on a Saturday: observed on the Monday
        (D(2026, 8, 31), False),  # Summer bank holiday in England and Wales (not Scotland's)
        (D(2026, 8, 3), True),  # Scotland's summer bank holiday is a working day here
        (D(2026, 4, 4), False),  # a Saturday
        (D(2026, 4, 7), True),
    ],
)
def it_knows_working_days_in_england_and_wales(day: datetime.date, working: bool) -> None:
    assert is_working_day(day) is working


def it_counts_five_working_days_across_easter() -> None:
    assert add_working_days(D(2026, 3, 30), 5) == D(2026, 4, 8)
    assert working_days_between(D(2026, 3, 30), D(2026, 4, 8)) == 5
    assert working_days_between(D(2026, 3, 30), D(2026, 4, 9)) == 6


def it_adds_months_clamping_to_the_months_end() -> None:
    assert add_months(D(2026, 1, 31), 1) == D(2026, 2, 28)
    assert add_months(D(2027, 12, 15), 2) == D(2028, 2, 15)
    assert add_months(D(2026, 3, 10), -3) == D(2025, 12, 10)


def it_takes_a_month_interval_as_a_session_in_every_calendar_month() -> None:
    monthly = Interval(1, "month")
    assert monthly.after(D(2026, 3, 8)) == D(2026, 4, 8)
    assert monthly.due_after(D(2026, 3, 8)) == D(2026, 4, 30)
    assert Interval(4, "week").due_after(D(2026, 3, 8)) == D(2026, 4, 5)


def it_compares_intervals_of_different_units() -> None:
    assert Interval(1, "month").looser_than(Interval(4, "week"))
    assert not Interval(4, "week").looser_than(Interval(1, "month"))
    assert Interval(6, "week").looser_than(Interval(1, "month"))
    assert not Interval(2, "week").looser_than(Interval(14, "day"))
