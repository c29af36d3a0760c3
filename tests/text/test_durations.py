"""Tests for supervision_forms.text.durations."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from supervision_forms.text import read_duration_minutes


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        # bare numbers are minutes
        ("90", 90),
        ("  90  ", 90),
        ("45", 45),
        ("2", 2),
        ("0", 0),
        ("90 approx", 90),
        ("90 minimum", 90),
        # minutes
        ("90 minutes", 90),
        ("90 Minutes", 90),
        ("90 mins", 90),
        ("90 min", 90),
        ("90mins", 90),
        ("90m", 90),
        ("1 minute", 1),
        ("45 minutes minimum", 45),
        ("a minimum of 45 minutes", 45),
        ("forty-five minutes", 45),
        ("forty five minutes", 45),
        ("ninety minutes", 90),
        ("thirty mins", 30),
        ("fifteen minutes", 15),
        ("1.5 minutes", 2),
        # hours
        ("1.5 hours", 90),
        ("1.5 hrs", 90),
        ("1.5hr", 90),
        ("1.5h", 90),
        ("1.25 hours", 75),
        (".5 hour", 30),
        ("0.75 hours", 45),
        ("1½ hours", 90),
        ("1 ½ hours", 90),
        ("½ hour", 30),
        ("1¼ hours", 75),
        ("1 1/2 hours", 90),
        ("1/2 hour", 30),
        ("2 hours", 120),
        ("two hours", 120),
        ("Two Hours", 120),
        ("one hour", 60),
        ("an hour", 60),
        ("An hour", 60),
        ("a hour", 60),
        ("minimum of 1.5 hours", 90),
        ("Minimum of 1.5 hours.", 90),
        ("at least 1 hour", 60),
        ("1.33 hours", 80),
        # hours and minutes
        ("1 hour 30 minutes", 90),
        ("1 hour and 30 minutes", 90),
        ("1 hour, 30 minutes", 90),
        ("1 hr 30", 90),
        ("1 hr 30 mins", 90),
        ("1hr30", 90),
        ("1h30", 90),
        ("1h 30m", 90),
        ("2 hours 15 minutes", 135),
        ("one hour fifteen minutes", 75),
        ("1:30", 90),
        ("01:30", 90),
        ("2:00", 120),
        ("0:45", 45),
        ("1:30 hours", 90),
        # halves and quarters in words
        ("an hour and a half", 90),
        ("An hour and a half.", 90),
        ("one and a half hours", 90),
        ("one-and-a-half hours", 90),
        ("two and a half hours", 150),
        ("1 and a half hours", 90),
        ("1 hour and a half", 90),
        ("one hour and a half", 90),
        ("half an hour", 30),
        ("half hour", 30),
        ("a half hour", 30),
        ("Half an hour", 30),
        ("an hour and a quarter", 75),
        ("one and a quarter hours", 75),
        ("a quarter of an hour", 15),
        ("quarter of an hour", 15),
        ("three quarters of an hour", 45),
        # ranges give the lower bound
        ("60-90 minutes", 60),
        ("60 - 90 minutes", 60),
        ("60–90 minutes", 60),
        ("60 to 90 minutes", 60),
        ("60-90 mins", 60),
        ("60-90", 60),
        ("1-1.5 hours", 60),
        ("1 to 2 hours", 60),
        ("45 minutes - 1 hour", 45),
        ("between 1 and 1.5 hours", 60),
        ("between 60 and 90 minutes", 60),
        ("1 hour - 1 hour 30 minutes", 60),
        # surrounding text
        ("Duration: 90 minutes", 90),
        ("Length of session: 1.5 hours (minimum)", 90),
        ("Every 4 weeks, 90 minutes", 90),
        ("Supervision 1: 90 minutes", 90),
        ("approx. 2 hours", 120),
        ("an hour or so is fine", 60),
    ],
)
def test_reads_durations(text: str, minutes: int) -> None:
    assert read_duration_minutes(text) == minutes


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "as needed",
        "N/A",
        "TBC",
        "....",
        "____",
        "hours",
        "minutes",
        "every 4 weeks",
        "4 weeks",
        "monthly",
        "1.5",
        "1:75",
        "10 am",
        "3 sessions",
        "half hours",  # the number before it lost ("one and a" on the line above)
    ],
)
def test_text_without_a_duration_is_none(text: str) -> None:
    assert read_duration_minutes(text) is None


def test_unit_amount_beats_earlier_bare_number() -> None:
    assert read_duration_minutes("Item 3 - length 90 minutes") == 90


@given(st.integers(min_value=0, max_value=10_000))
def test_bare_and_minutes_round_trip(minutes: int) -> None:
    assert read_duration_minutes(str(minutes)) == minutes
    assert read_duration_minutes(f"{minutes} minutes") == minutes
    assert read_duration_minutes(f"{minutes} mins") == minutes


@given(st.integers(min_value=0, max_value=24), st.integers(min_value=0, max_value=59))
def test_hours_and_minutes_round_trip(hours: int, minutes: int) -> None:
    total = hours * 60 + minutes
    assert read_duration_minutes(f"{hours}:{minutes:02d}") == total
    assert read_duration_minutes(f"{hours} hours {minutes} minutes") == total
    assert read_duration_minutes(f"{hours}h{minutes}") == total


@given(st.integers(min_value=1, max_value=500), st.integers(min_value=0, max_value=500))
def test_range_gives_lower_bound(low: int, extra: int) -> None:
    assert read_duration_minutes(f"{low}-{low + extra} minutes") == low


@given(st.text())
def test_never_raises(text: str) -> None:
    result = read_duration_minutes(text)
    assert result is None or result >= 0


@pytest.mark.parametrize("text", ["1" * 5000, "1234567 minutes", "9" * 5000 + " hours"])
def test_huge_numbers_are_none(text: str) -> None:
    assert read_duration_minutes(text) is None


@pytest.mark.parametrize("text", ["1 " * 5000, "1-" * 5000, " " * 20000 + "x", "1 hour and " * 2000])
def test_long_text_is_handled(text: str) -> None:
    read_duration_minutes(text)
