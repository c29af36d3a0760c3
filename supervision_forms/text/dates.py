"""Read and write British dates as people type them on supervision paperwork."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = ["DateReading", "date_shaped", "find_dates", "format_date", "read_date", "read_whole_date"]

MONTH_NAMES: tuple[str, ...] = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAY_NAMES: tuple[str, ...] = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)

_MONTHS: dict[str, int] = {}
for _number, _name in enumerate(MONTH_NAMES, start=1):
    _MONTHS[_name.lower()] = _number
    _MONTHS[_name[:3].lower()] = _number
_MONTHS["sept"] = 9

_WEEKDAYS: dict[str, int] = {}
for _number, _name in enumerate(WEEKDAY_NAMES):
    _WEEKDAYS[_name.lower()] = _number
    _WEEKDAYS[_name[:3].lower()] = _number
_WEEKDAYS.update({"tues": 1, "weds": 2, "thur": 3, "thurs": 3})


def _alternation(words: dict[str, int]) -> str:
    """Regex alternation of the words, longest first so 'March' beats 'Mar'."""
    return "|".join(sorted(words, key=len, reverse=True))


_MON = rf"(?:{_alternation(_MONTHS)})(?![a-z])\.?"
_WD = rf"(?:{_alternation(_WEEKDAYS)})(?![a-z])\.?,?\s+"
_ORD = r"(?:st|nd|rd|th)?"

_DATE_RE = re.compile(
    rf"""
    # ISO and other year-first numeric forms: 2026-03-03
    (?P<iso>(?<!\d)(?P<iy>\d{{4}})(?P<isep>[-/.])(?P<im>\d{{1,2}})(?P=isep)
        (?P<id>\d{{1,2}})(?!\d))
    # day-first numeric forms: 03/03/2026, 3.3.26, 3-3-2026
    |(?P<num>(?<!\d)(?<!\d[/.-])(?P<nd>\d{{1,2}})\s*(?P<nsep>[/.-])\s*
        (?P<nm>\d{{1,2}})\s*(?P=nsep)\s*(?P<ny>\d{{4}}|\d{{2}})(?!\d)(?![/.-]\d))
    # day month year: Tuesday 3rd March 2026, 14th of March 2026, 3-Mar-26
    |(?P<dmy>(?:(?P<wd1>{_WD})(?:the\s+)?)?
        (?<!\d)(?P<d1>\d{{1,2}}){_ORD}(?:\s+of\s+|[\s/.,-]*)
        (?P<m1>{_MON})[\s/.,-]*(?P<y1>\d{{4}}|\d{{2}})(?!\d))
    # month day year: March 3rd 2026, Tuesday, March 3rd, 2026
    |(?P<mdy>(?:(?P<wd2>{_WD}))?
        (?P<m2>{_MON})\s*(?:the\s+)?(?P<d2>\d{{1,2}})(?!\d){_ORD}(?:\s*,\s*|\s+)
        (?P<y2>\d{{4}})(?!\d))
    """,
    re.IGNORECASE | re.VERBOSE,
)


@dataclass(frozen=True)
class DateReading:
    """A date read from text, with a flag and note when the reading was a guess."""

    value: datetime.date
    ambiguous: bool
    note: str | None


def format_date(value: datetime.date) -> str:
    """Write a date the British way, e.g. '14 March 2026'."""
    return f"{value.day} {MONTH_NAMES[value.month - 1]} {value.year}"


def _expand_year(digits: str, today: datetime.date | None = None) -> int:
    """Turn a written year into a full year.

    Two digits mean the year in the window from 79 years ago to 20 years ahead,
    so in 2026 '46' is 2046 and '47' is 1947.
    """
    if len(digits) != 2:
        return int(digits)
    today = today or datetime.date.today()
    year = today.year - today.year % 100 + int(digits)
    if year > today.year + 20:
        year -= 100
    elif year <= today.year - 80:
        year += 100
    return year


def _weekday_note(written: str | None, value: datetime.date) -> str | None:
    """A note when a written weekday disagrees with the date, else None."""
    if not written:
        return None
    word = re.match(r"[a-z]+", written.strip().lower())
    if word is None or _WEEKDAYS[word.group()] == value.weekday():
        return None
    return (
        f"weekday {WEEKDAY_NAMES[_WEEKDAYS[word.group()]]} does not match "
        f"{format_date(value)} (a {WEEKDAY_NAMES[value.weekday()]})"
    )


def _reading(match: re.Match[str]) -> DateReading | None:
    """Build a reading from one regex match; None when the date is impossible."""
    groups = match.groupdict()
    weekday: str | None = None
    reasons: list[str] = []
    swappable = False
    if groups["iso"]:
        year_text, month, day = groups["iy"], int(groups["im"]), int(groups["id"])
    elif groups["num"]:
        year_text, month, day = groups["ny"], int(groups["nm"]), int(groups["nd"])
        swappable = day <= 12 and month <= 12 and day != month
        if swappable:
            reasons.append("day first")
    elif groups["dmy"]:
        year_text, day = groups["y1"], int(groups["d1"])
        month = _MONTHS[groups["m1"].rstrip(".").lower()]
        weekday = groups["wd1"]
    else:
        year_text, day = groups["y2"], int(groups["d2"])
        month = _MONTHS[groups["m2"].rstrip(".").lower()]
        weekday = groups["wd2"]
    year = _expand_year(year_text)
    if len(year_text) == 2:
        reasons.append(f"two-digit year taken as {year}")
    try:
        value = datetime.date(year, month, day)
    except ValueError:
        return None
    notes: list[str] = []
    if reasons:
        written = " ".join(match.group().split())
        notes.append(f"read {written} as {format_date(value)} ({'; '.join(reasons)})")
    weekday_note = _weekday_note(weekday, value)
    if weekday_note:
        notes.append(weekday_note)
    return DateReading(
        value=value,
        ambiguous=swappable or len(year_text) == 2,
        note="; ".join(notes) or None,
    )


def _readings(text: str) -> Iterator[DateReading]:
    """Every valid date reading in the text, in order."""
    for match in _DATE_RE.finditer(text):
        reading = _reading(match)
        if reading is not None:
            yield reading


def read_date(text: str) -> DateReading | None:
    """Read a British date written by a person; None when there is no date."""
    return next(_readings(text), None)


def read_whole_date(text: str) -> DateReading | None:
    """The date when the whole text is one date (ISO or British, in any style `read_date`
    reads: a spreadsheet cell, an option); None otherwise, and for a date that does not
    exist (31/02/2027)."""
    match = _DATE_RE.fullmatch(_cell(text))
    return _reading(match) if match else None


def date_shaped(text: str) -> bool:
    """True when `text` is written as a date, real or not: '31/02/2027' is."""
    return _DATE_RE.fullmatch(_cell(text)) is not None


def _cell(text: str) -> str:
    return " ".join(text.split()).strip(" ,.")


def date_span(text: str) -> tuple[int, int] | None:
    """Where the first valid date in `text` is written (start, end), or None."""
    for match in _DATE_RE.finditer(text):
        if _reading(match) is not None:
            return match.start(), match.end()
    return None


def find_dates(text: str) -> list[datetime.date]:
    """Every full date (day, month and year) in a longer text, in order."""
    return [reading.value for reading in _readings(text)]
