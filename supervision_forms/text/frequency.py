"""Read how often something happens, e.g. 'four-weekly' or 'once a month'."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from .numbers import SMALL_NUMBERS

__all__ = ["FrequencyReading", "Unit", "read_frequency"]

Unit = Literal["day", "week", "month"]


@dataclass(frozen=True)
class FrequencyReading:
    """A repeating interval: once every `every` days, weeks or months."""

    every: int
    unit: Unit


_NUMBER_WORDS = {word: number for number, word in enumerate(SMALL_NUMBERS) if 1 <= number <= 12}
_ORDINALS = {"other": 2, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}

# Each unit word, as a noun ('weeks') or adjective ('weekly'), with its size.
_NOUNS: dict[str, tuple[int, Unit]] = {
    "day": (1, "day"),
    "days": (1, "day"),
    "week": (1, "week"),
    "weeks": (1, "week"),
    "wk": (1, "week"),
    "wks": (1, "week"),
    "fortnight": (2, "week"),
    "fortnights": (2, "week"),
    "month": (1, "month"),
    "months": (1, "month"),
    "mth": (1, "month"),
    "mths": (1, "month"),
    "quarter": (3, "month"),
    "quarters": (3, "month"),
    "year": (12, "month"),
    "years": (12, "month"),
}
_ADJECTIVES: dict[str, tuple[int, Unit]] = {
    "daily": (1, "day"),
    "weekly": (1, "week"),
    "fortnightly": (2, "week"),
    "monthly": (1, "month"),
    "quarterly": (3, "month"),
    "yearly": (12, "month"),
    "annually": (12, "month"),
    "annual": (12, "month"),
}


def _words(table: dict[str, tuple[int, Unit]]) -> str:
    """Regex alternation of the table's words, longest first, as whole words."""
    return rf"(?:{'|'.join(sorted(table, key=len, reverse=True))})\b"


_NOUN = rf"(?:calendar\s+)?(?P<noun>{_words(_NOUNS)})"
_ADJ = rf"(?P<adj>{_words(_ADJECTIVES)})"
_UNIT = rf"(?:{_NOUN}|{_ADJ})"
_EVERY = r"(?:every|each)"

_PATTERNS: tuple[tuple[str, str], ...] = (
    # every 3-4 weeks, 3 to 4 weekly: the longer bound
    ("range", rf"(?:{_EVERY}\s+)?\b(?P<a>\d+)\s*(?:-|–|—|to|or)\s*(?P<b>\d+)\s*{_UNIT}"),
    # every other week, every second month, every 4th week
    (
        "ordinal",
        (
            rf"\b{_EVERY}\s+(?P<ord>other|second|third|fourth|fifth|sixth"
            rf"|\d+(?:st|nd|rd|th))\s+{_NOUN}"
        ),
    ),
    # every 4 weeks, once every month, every calendar month
    ("every", rf"\b(?:once\s+)?{_EVERY}\s+(?:(?P<n>\d+)\s*)?{_NOUN}"),
    # twice a month, once per week, three times monthly
    (
        "times",
        (
            rf"\b(?P<times>once|twice|\d+\s*(?:times|x))\s+"
            rf"(?:(?:a|an|per|each|every)\s+{_NOUN}|{_ADJ})"
        ),
    ),
    # at 6 week intervals
    ("interval", rf"\b(?P<n>\d+)\s*{_NOUN}\s+intervals?\b"),
    # at intervals of 4 weeks
    ("interval", rf"\bintervals?\s+of\s+(?P<n>\d+)\s*{_NOUN}"),
    # bi-weekly, bimonthly
    ("bi", r"\bbi\s*(?P<bi>weekly|monthly)\b"),
    # 4 weekly, six-monthly, monthly
    ("adjective", rf"(?:\b(?P<n>\d+)\s*)?\b{_ADJ}"),
)


def _compile() -> list[tuple[str, re.Pattern[str]]]:
    """One compiled regex per pattern (group names repeat between patterns)."""
    return [(name, re.compile(pattern)) for name, pattern in _PATTERNS]


_COMPILED = _compile()


def _normalise(text: str) -> str:
    """Lower-case, split hyphenated words and write number words as digits."""
    text = " ".join(text.lower().split())
    text = re.sub(r"\d{5,}", "#", text)  # no interval is that long
    text = re.sub(r"(?<=[a-z]) ?- ?| ?- ?(?=[a-z])", " ", text)
    return re.sub(
        rf"\b(?:{'|'.join(_NUMBER_WORDS)})\b",
        lambda m: str(_NUMBER_WORDS[m.group()]),
        text,
    )


def _unit(match: re.Match[str]) -> tuple[int, Unit]:
    """The size and unit named by the match's noun or adjective."""
    groups = match.groupdict()
    if groups.get("noun"):
        return _NOUNS[groups["noun"]]
    return _ADJECTIVES[groups["adj"]]


def _times_per(times: int, size: int, unit: Unit) -> FrequencyReading | None:
    """'N times per unit' as an interval, when it divides evenly."""
    if times == 1:
        return FrequencyReading(size, unit)
    if unit == "month":
        if size == 1 and times in (2, 4):
            return FrequencyReading(4 // times, "week")
        return FrequencyReading(size // times, "month") if size % times == 0 else None
    days = size * (7 if unit == "week" else 1)
    if days % times:
        return None
    days //= times
    return FrequencyReading(days // 7, "week") if days % 7 == 0 else FrequencyReading(days, "day")


def _reading(name: str, match: re.Match[str]) -> FrequencyReading | None:
    """Turn one pattern's match into a reading; None when it makes no sense."""
    groups = match.groupdict()
    if name == "bi":
        return FrequencyReading(2, "week" if groups["bi"] == "weekly" else "month")
    size, unit = _unit(match)
    if name == "range":
        count = max(int(groups["a"]), int(groups["b"]))
    elif name == "ordinal":
        word = groups["ord"]
        count = _ORDINALS[word] if word in _ORDINALS else int(word[:-2])
    elif name == "times":
        times_text = groups["times"]
        times = {"once": 1, "twice": 2}.get(times_text)
        if times is None:
            times = int(re.sub(r"\D", "", times_text))
        if times == 0:
            return None
        return _times_per(times, size, unit)
    else:
        count = int(groups.get("n") or 1)
    if count == 0:
        return None
    return FrequencyReading(count * size, unit)


def read_frequency(text: str) -> FrequencyReading | None:
    """Read how often something happens; the first stated frequency wins."""
    normal = _normalise(text)
    best: tuple[int, int, str, re.Match[str]] | None = None
    for order, (name, pattern) in enumerate(_COMPILED):
        match = pattern.search(normal)
        if match is not None and (best is None or (match.start(), order) < best[:2]):
            best = (match.start(), order, name, match)
    if best is None:
        return None
    return _reading(best[2], best[3])
