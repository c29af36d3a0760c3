"""Tests for supervision_forms.text.frequency."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from supervision_forms.text import FrequencyReading, Unit, read_frequency

WORDS = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
]
UNITS: list[Unit] = ["day", "week", "month"]


@pytest.mark.parametrize(
    ("text", "every", "unit"),
    [
        ("Monthly", 1, "month"),
        ("MONTHLY", 1, "month"),
        ("monthly supervision", 1, "month"),
        ("Supervision will be monthly.", 1, "month"),
        ("every month", 1, "month"),
        ("Every calendar month", 1, "month"),
        ("each month", 1, "month"),
        ("every 4 weeks", 4, "week"),
        ("Every four weeks", 4, "week"),
        ("every 4 wks", 4, "week"),
        ("four weekly", 4, "week"),
        ("4 weekly", 4, "week"),
        ("4-weekly", 4, "week"),
        ("4 - weekly", 4, "week"),
        ("four-weekly intervals", 4, "week"),
        ("6-weekly", 6, "week"),
        ("six weekly", 6, "week"),
        ("Six-Weekly", 6, "week"),
        ("fortnightly", 2, "week"),
        ("every fortnight", 2, "week"),
        ("once a fortnight", 2, "week"),
        ("bi-weekly", 2, "week"),
        ("biweekly", 2, "week"),
        ("bi weekly", 2, "week"),
        ("weekly", 1, "week"),
        ("every week", 1, "week"),
        ("once a week", 1, "week"),
        ("once per week", 1, "week"),
        ("every other week", 2, "week"),
        ("every second week", 2, "week"),
        ("every 4th week", 4, "week"),
        ("every other month", 2, "month"),
        ("every 2 months", 2, "month"),
        ("every two months", 2, "month"),
        ("bi-monthly", 2, "month"),
        ("bimonthly", 2, "month"),
        ("2-monthly", 2, "month"),
        ("six-monthly", 6, "month"),
        ("every six weeks", 6, "week"),
        ("once a month", 1, "month"),
        ("once per month", 1, "month"),
        ("once monthly", 1, "month"),
        ("once every 4 weeks", 4, "week"),
        ("once every month", 1, "month"),
        ("twice a month", 2, "week"),
        ("twice monthly", 2, "week"),
        ("4 times a month", 1, "week"),
        ("daily", 1, "day"),
        ("every day", 1, "day"),
        ("every 3 days", 3, "day"),
        ("every 3-4 weeks", 4, "week"),
        ("every 3 - 4 weeks", 4, "week"),
        ("every 3 to 4 weeks", 4, "week"),
        ("every 3 or 4 weeks", 4, "week"),
        ("every 4-6 weeks", 6, "week"),
        ("4-6 weekly", 6, "week"),
        ("quarterly", 3, "month"),
        ("every quarter", 3, "month"),
        ("annually", 12, "month"),
        ("yearly", 12, "month"),
        ("twice a year", 6, "month"),
        ("four times a year", 3, "month"),
        ("at 6 week intervals", 6, "week"),
        ("at intervals of 4 weeks", 4, "week"),
        ("Every 4 weeks, 90 minutes", 4, "week"),
        ("at least every 6 weeks (usually monthly)", 6, "week"),
        ("Monthly (no less than every 4 weeks)", 1, "month"),
        ("Frequency: every twelve weeks", 12, "week"),
    ],
)
def test_reads_frequencies(text: str, every: int, unit: Unit) -> None:
    assert read_frequency(text) == FrequencyReading(every, unit)


@pytest.mark.parametrize(("number", "word"), list(enumerate(WORDS, start=1)))
def test_number_words(number: int, word: str) -> None:
    assert read_frequency(f"every {word} weeks") == FrequencyReading(number, "week")
    assert read_frequency(f"{word}-weekly") == FrequencyReading(number, "week")
    assert read_frequency(f"{word} monthly") == FrequencyReading(number, "month")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "as needed",
        "As and when required",
        "ad hoc",
        "N/A",
        "....",
        "4 weeks",
        "90 minutes",
        "within 4 weeks of starting",
        "every 0 weeks",
        "twice a week",
        "twice a day",
        "3 times a month",
        "every weekday",
        "someone",
    ],
)
def test_unreadable_is_none(text: str) -> None:
    assert read_frequency(text) is None


@given(st.integers(min_value=1, max_value=52), st.sampled_from(UNITS))
def test_every_n_units_round_trips(every: int, unit: Unit) -> None:
    plural = unit + ("" if every == 1 else "s")
    expected = FrequencyReading(every, unit)
    assert read_frequency(f"every {every} {plural}") == expected
    assert read_frequency(f"Every {every} {plural}.") == expected


@given(st.integers(min_value=1, max_value=52))
def test_n_weekly_round_trips(every: int) -> None:
    assert read_frequency(f"{every}-weekly") == FrequencyReading(every, "week")
    assert read_frequency(f"{every} weekly") == FrequencyReading(every, "week")


@given(st.integers(min_value=1, max_value=20), st.integers(min_value=0, max_value=20))
def test_range_gives_longer_bound(low: int, extra: int) -> None:
    reading = read_frequency(f"every {low}-{low + extra} weeks")
    assert reading == FrequencyReading(low + extra, "week")


@given(st.text())
def test_never_raises(text: str) -> None:
    reading = read_frequency(text)
    assert reading is None or (reading.every >= 1 and reading.unit in UNITS)


@pytest.mark.parametrize("text", ["every " + "1" * 5000 + " weeks", "every 123456 weeks"])
def test_huge_numbers_are_none(text: str) -> None:
    assert read_frequency(text) is None


@pytest.mark.parametrize("text", [" " * 20000 + "x", " - " * 5000 + "a", "every " * 5000])
def test_long_text_is_none(text: str) -> None:
    assert read_frequency(text) is None
