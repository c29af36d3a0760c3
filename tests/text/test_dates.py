"""Tests for supervision_forms.text.dates."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from supervision_forms.text import DateReading, find_dates, format_date, read_date
from supervision_forms.text.dates import _expand_year

D = datetime.date
TODAY = datetime.date.today()


def _recent(two_digits: int) -> int:
    """The full year a two-digit year should be read as today."""
    return _expand_year(f"{two_digits:02d}", TODAY)


@pytest.mark.parametrize(
    "text",
    [
        "3rd March 2026",
        "3 March 2026",
        "March 3rd 2026",
        "March 3 2026",
        "March 3rd, 2026",
        "Tuesday 3rd March 2026",
        "Tuesday, 3rd March 2026",
        "Tue 3 Mar 2026",
        "Tuesday the 3rd of March 2026",
        "Tuesday, March 3rd, 2026",
        "3 Mar 2026",
        "3 Mar. 2026",
        "3-Mar-2026",
        "3/Mar/2026",
        "3Mar2026",
        "03 March 2026",
        "3RD MARCH 2026",
        "3rd march 2026",
        "3rd of March 2026",
        "  3rd   March\t2026  ",
        "3rd\nMarch\n2026",
        "03/03/2026",
        "3/3/2026",
        "03.03.2026",
        "3-3-2026",
        "03-03-2026",
        "3 / 3 / 2026",
        "2026-03-03",
        "2026-3-3",
        "2026/03/03",
        "2026-03-03T10:30:00",
        "Date: 3rd March 2026",
        "Date of supervision: 03/03/2026.",
        "(3 March 2026)",
        "3 March 2026;",
        "Held on 3 March 2026 in the office",
    ],
)
def test_reads_unambiguous_forms(text: str) -> None:
    assert read_date(text) == DateReading(D(2026, 3, 3), ambiguous=False, note=None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14th of March 2026", D(2026, 3, 14)),
        ("14 March 2026", D(2026, 3, 14)),
        ("March 14th 2026", D(2026, 3, 14)),
        ("1st January 2026", D(2026, 1, 1)),
        ("2nd February 2026", D(2026, 2, 2)),
        ("22nd February 2026", D(2026, 2, 22)),
        ("31st December 2026", D(2026, 12, 31)),
        ("29 February 2028", D(2028, 2, 29)),
        ("29/02/2028", D(2028, 2, 29)),
        ("25/12/2026", D(2026, 12, 25)),
        ("13/01/2026", D(2026, 1, 13)),
        ("1/13/2026", None),
        ("31.12.2026", D(2026, 12, 31)),
        ("2026-12-31", D(2026, 12, 31)),
        ("2026-01-02", D(2026, 1, 2)),
    ],
)
def test_reads_dates(text: str, expected: datetime.date | None) -> None:
    reading = read_date(text)
    if expected is None:
        assert reading is None
    else:
        assert reading is not None
        assert reading.value == expected


@pytest.mark.parametrize(
    ("text", "month"),
    [
        ("3 January 2026", 1),
        ("3 Jan 2026", 1),
        ("3 February 2026", 2),
        ("3 Feb 2026", 2),
        ("3 March 2026", 3),
        ("3 Mar 2026", 3),
        ("3 April 2026", 4),
        ("3 Apr 2026", 4),
        ("3 May 2026", 5),
        ("3 June 2026", 6),
        ("3 Jun 2026", 6),
        ("3 July 2026", 7),
        ("3 Jul 2026", 7),
        ("3 August 2026", 8),
        ("3 Aug 2026", 8),
        ("3 September 2026", 9),
        ("3 Sept 2026", 9),
        ("3 Sep 2026", 9),
        ("3 SEPT. 2026", 9),
        ("3 October 2026", 10),
        ("3 Oct 2026", 10),
        ("3 November 2026", 11),
        ("3 Nov 2026", 11),
        ("3 December 2026", 12),
        ("3 Dec 2026", 12),
    ],
)
def test_month_names_and_abbreviations(text: str, month: int) -> None:
    reading = read_date(text)
    assert reading == DateReading(D(2026, month, 3), ambiguous=False, note=None)


@pytest.mark.parametrize(
    ("text", "day", "month"),
    [
        ("03/04/2026", 3, 4),
        ("3/4/2026", 3, 4),
        ("04/03/2026", 4, 3),
        ("12/11/2026", 12, 11),
        ("1.2.2026", 1, 2),
        ("1-12-2026", 1, 12),
    ],
)
def test_numeric_day_month_swappable_is_ambiguous_and_day_first(text: str, day: int, month: int) -> None:
    reading = read_date(text)
    assert reading is not None
    assert reading.value == D(2026, month, day)
    assert reading.ambiguous is True
    assert reading.note == f"read {text} as {format_date(reading.value)} (day first)"


def test_ambiguity_note_example() -> None:
    reading = read_date("03/04/2026")
    assert reading == DateReading(D(2026, 4, 3), True, "read 03/04/2026 as 3 April 2026 (day first)")


@pytest.mark.parametrize("text", ["03/03/2026", "13/04/2026", "04/13/2026", "12/12/2026", "25/12/2026"])
def test_numeric_not_ambiguous_when_no_swap_possible(text: str) -> None:
    reading = read_date(text)
    if reading is not None:
        assert reading.ambiguous is False
        assert reading.note is None


def test_us_order_that_cannot_be_day_first_is_rejected() -> None:
    assert read_date("04/13/2026") is None


def test_iso_is_never_ambiguous() -> None:
    assert read_date("2026-04-03") == DateReading(D(2026, 4, 3), False, None)


@pytest.mark.parametrize(
    ("text", "day", "month", "yy"),
    [
        ("03/03/26", 3, 3, 26),
        ("3.3.26", 3, 3, 26),
        ("3-Mar-26", 3, 3, 26),
        ("3 March 26", 3, 3, 26),
        ("14/03/25", 14, 3, 25),
        ("01/01/00", 1, 1, 0),
        ("31/12/99", 31, 12, 99),
    ],
)
def test_two_digit_years_are_ambiguous(text: str, day: int, month: int, yy: int) -> None:
    reading = read_date(text)
    assert reading is not None
    assert reading.value == D(_recent(yy), month, day)
    assert reading.ambiguous is True
    assert reading.note is not None
    assert f"two-digit year taken as {_recent(yy)}" in reading.note


def test_two_digit_year_and_swap_note() -> None:
    reading = read_date("03/04/26")
    assert reading is not None
    assert reading.value == D(_recent(26), 4, 3)
    assert reading.note == (
        f"read 03/04/26 as 3 April {_recent(26)} (day first; two-digit year taken as {_recent(26)})"
    )


@pytest.mark.parametrize(
    ("digits", "expected"),
    [
        ("26", 2026),
        ("00", 2000),
        ("45", 2045),
        ("46", 2046),
        ("47", 1947),
        ("99", 1999),
        ("2026", 2026),
        ("1999", 1999),
    ],
)
def test_expand_year_pivot(digits: str, expected: int) -> None:
    assert _expand_year(digits, D(2026, 6, 1)) == expected


def test_expand_year_pivot_in_later_century() -> None:
    assert _expand_year("05", D(2090, 1, 1)) == 2105
    assert _expand_year("95", D(2090, 1, 1)) == 2095
    assert _expand_year("10", D(2090, 1, 1)) == 2110
    assert _expand_year("11", D(2090, 1, 1)) == 2011
    assert _expand_year("30", D(2010, 1, 1)) == 2030
    assert _expand_year("31", D(2010, 1, 1)) == 1931


def test_expand_year_defaults_to_today() -> None:
    assert _expand_year(f"{TODAY.year % 100:02d}") == TODAY.year


@pytest.mark.parametrize(
    "text",
    [
        "31/02/2026",
        "30/02/2026",
        "29/02/2026",
        "29 February 2026",
        "31st April 2026",
        "32/01/2026",
        "00/01/2026",
        "01/00/2026",
        "01/13/2026",
        "2026-02-30",
        "2026-13-01",
        "0 March 2026",
        "31 June 2026",
    ],
)
def test_invalid_dates_are_none(text: str) -> None:
    assert read_date(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "....",
        "..........",
        "________",
        "._._._",
        "__/__/____",
        "../../....",
        "Date:",
        "Date: ____________",
        "March 2026",
        "March",
        "3rd March",
        "14 March",
        "2026",
        "03/2026",
        "3/3",
        "3.3",
        "1.5 hours",
        "every 4 weeks",
        "Mayfield House",
        "3/3/202",
        "3/3/20261",
        "3 Marchington 2026",
    ],
)
def test_text_without_a_date_is_none(text: str) -> None:
    assert read_date(text) is None


def test_mixed_separators_are_rejected() -> None:
    assert read_date("03/03.2026") is None


def test_first_date_in_text_wins() -> None:
    reading = read_date("From 3 March 2026 to 14/04/2026")
    assert reading is not None
    assert reading.value == D(2026, 3, 3)


def test_invalid_date_is_skipped_for_a_later_valid_one() -> None:
    reading = read_date("31/02/2026 corrected to 28/02/2026")
    assert reading is not None
    assert reading.value == D(2026, 2, 28)


def test_wrong_weekday_is_noted_but_date_kept() -> None:
    reading = read_date("Monday 3rd March 2026")
    assert reading == DateReading(
        D(2026, 3, 3),
        ambiguous=False,
        note="weekday Monday does not match 3 March 2026 (a Tuesday)",
    )


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (D(2026, 3, 14), "14 March 2026"),
        (D(2026, 3, 3), "3 March 2026"),
        (D(2026, 1, 1), "1 January 2026"),
        (D(2026, 9, 30), "30 September 2026"),
        (D(1999, 12, 31), "31 December 1999"),
    ],
)
def test_format_date(value: datetime.date, text: str) -> None:
    assert format_date(value) == text


def test_find_dates_skips_month_year_headings() -> None:
    text = "March 2026 14 March 2026 April 2026 11 April 2026"
    assert find_dates(text) == [D(2026, 3, 14), D(2026, 4, 11)]


def test_find_dates_mixed_forms_in_order() -> None:
    text = (
        "Supervision held 03/03/2026. Next due 2026-03-31; "
        "reviewed on Tuesday 7th April 2026 and again April 28th 2026."
    )
    assert find_dates(text) == [
        D(2026, 3, 3),
        D(2026, 3, 31),
        D(2026, 4, 7),
        D(2026, 4, 28),
    ]


def test_find_dates_keeps_repeats_and_skips_invalid() -> None:
    text = "1/5/2026, 31/02/2026, 1 May 2026"
    assert find_dates(text) == [D(2026, 5, 1), D(2026, 5, 1)]


def test_find_dates_table_rows_on_separate_lines() -> None:
    text = "Month | Date\nMarch 2026 | 14/03/2026\nApril 2026 | 11.04.2026\n"
    assert find_dates(text) == [D(2026, 3, 14), D(2026, 4, 11)]


@pytest.mark.parametrize("text", ["", "no dates here", "March 2026 April 2026", "...."])
def test_find_dates_empty(text: str) -> None:
    assert find_dates(text) == []


@given(st.dates(min_value=D(1990, 1, 1), max_value=D(2100, 12, 31)))
def test_format_then_read_round_trips(value: datetime.date) -> None:
    reading = read_date(format_date(value))
    assert reading is not None
    assert reading.value == value
    assert reading.ambiguous is False


@given(st.dates(min_value=D(1990, 1, 1), max_value=D(2100, 12, 31)))
def test_numeric_day_first_round_trips(value: datetime.date) -> None:
    reading = read_date(value.strftime("%d/%m/%Y"))
    assert reading is not None
    assert reading.value == value
    swappable = value.day <= 12 and value.month <= 12 and value.day != value.month
    assert reading.ambiguous is swappable


@given(st.dates(min_value=D(1990, 1, 1), max_value=D(2100, 12, 31)))
def test_iso_round_trips(value: datetime.date) -> None:
    assert read_date(value.isoformat()) == DateReading(value, False, None)


@given(st.dates(min_value=D(1990, 1, 1), max_value=D(2100, 12, 31)))
def test_found_in_surrounding_text(value: datetime.date) -> None:
    text = f"Date: {format_date(value)}. Signed."
    assert find_dates(text) == [value]


@given(st.text())
def test_never_raises(text: str) -> None:
    reading = read_date(text)
    assert reading is None or isinstance(reading.value, datetime.date)
    dates = find_dates(text)
    assert (reading is None) == (dates == [])


@pytest.mark.parametrize("text", ["1" * 5000, "1/" * 5000, "3rd " * 5000, "2026-" * 5000, " " * 20000])
def test_long_text_without_dates(text: str) -> None:
    assert read_date(text) is None
    assert find_dates(text) == []
