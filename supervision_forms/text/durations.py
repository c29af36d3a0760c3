"""Read how long something lasts, as people write it, into whole minutes."""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction
from functools import partial
from math import floor

from .numbers import SMALL_NUMBERS

__all__ = ["read_duration_minutes"]

_UNITS = SMALL_NUMBERS
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_NUMBER_WORD_RE = re.compile(
    rf"\b(?:(?P<tens>{'|'.join(_TENS)})(?:\s+(?P<ones>{'|'.join(_UNITS[1:10])}))?"
    rf"|(?P<small>{'|'.join(sorted(_UNITS, key=len, reverse=True))}))\b"
)

_NUM = r"(?:\d+(?:\.\d+)?|\.\d+)"
_HOURS = r"(?:hours?|hrs?|h)(?![a-z])"
_MINUTES = r"(?:minutes?|mins?|m)(?![a-z])"
# A number with no unit still counts when followed by one of these words.
_HARMLESS = r"(?:minimum|maximum|max|approx|approximately|or|plus|at|and)\b"
_NO_OTHER_UNIT = rf"(?!\s*(?!{_HARMLESS})[a-z%])"

_WITH_UNIT_RE = re.compile(
    rf"""
    # h:mm, e.g. 1:30
    (?<![\d.:])(?P<ch>\d{{1,2}}):(?P<cm>\d{{2}})(?![\d:])
    # hours and minutes, e.g. 1 hour 30 minutes, 1h30, 1 hr 30
    |(?<![\d.])(?P<hh>{_NUM})\s*{_HOURS}\s*(?:,|and)?\s*(?P<hm>\d+)
        (?:\s*{_MINUTES}|(?![\d.]){_NO_OTHER_UNIT})
    # a range, e.g. 60-90 minutes, between 1 and 1.5 hours: the lower bound
    |(?<![\d.])(?:between\s+(?P<b1>{_NUM})\s*(?P<bu1>{_HOURS}|{_MINUTES})?\s*and
        \s*{_NUM}\s*(?P<bu2>{_HOURS}|{_MINUTES})
      |(?P<r1>{_NUM})\s*(?P<ru1>{_HOURS}|{_MINUTES})?\s*(?:-|–|—|to)
        \s*{_NUM}\s*(?P<ru2>{_HOURS}|{_MINUTES}))
    # a single amount, e.g. 1.5 hours, 90 mins
    |(?<![\d.])(?P<q>{_NUM})\s*(?P<qu>{_HOURS}|{_MINUTES})
    """,
    re.VERBOSE,
)
# Last resort: a number with no unit at all (or a unitless range) is minutes.
_BARE_RE = re.compile(rf"(?<![\d.:])(?P<n>\d+)(?:\s*(?:-|–|—|to)\s*\d+)?(?![\d.:]){_NO_OTHER_UNIT}")


def _number_words(text: str) -> str:
    """Replace number words such as 'forty five' with digits."""

    def replace(match: re.Match[str]) -> str:
        if match.group("tens"):
            ones = match.group("ones")
            return str(_TENS[match.group("tens")] + (_UNITS.index(ones) if ones else 0))
        return str(_UNITS.index(match.group("small")))

    return _NUMBER_WORD_RE.sub(replace, text)


def _add_fraction(match: re.Match[str], decimal: str) -> str:
    """Add a fraction such as '.5' to the matched number, keeping any unit."""
    total = str(Decimal(match.group(1)) + Decimal(decimal))
    return f"{total} {match.group(2)}" if match.re.groups > 1 else total


def _normalise(text: str) -> str:
    """Lower-case the text and rewrite fractions and words as decimal numbers."""
    text = re.sub(r"\d{7,}", "#", text.lower())  # no session lasts that long
    for glyph, decimal in (("½", ".5"), ("¼", ".25"), ("¾", ".75")):
        text = re.sub(rf"(\d)\s*{glyph}", rf"\g<1>{decimal}", text)
        text = text.replace(glyph, f"0{decimal}")
    text = re.sub(r"(\d+)\s+1/2\b", r"\g<1>.5", text)
    text = re.sub(r"(?<![\d/])1/2\b", "0.5", text)
    text = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", text)
    text = " ".join(text.split())
    text = _number_words(text)
    fractions = (("a half", ".5"), ("a quarter", ".25"), ("3 quarters", ".75"))
    for words, decimal in fractions:
        text = re.sub(rf"({_NUM}) and {words}\b", partial(_add_fraction, decimal=decimal), text)
    text = re.sub(r"\b3 quarters (?:of )?(?:an )?hour", "0.75 hour", text)
    text = re.sub(r"\b(?:(?:a|1) )?quarter (?:of )?(?:an )?hour", "0.25 hour", text)
    text = re.sub(r"\b(?:a )?half (?:an? )?hour\b", "0.5 hour", text)  # ("half hours": a number lost)
    text = re.sub(r"\ban? (?=(?:hours?|hrs?)\b)", "1 ", text)
    for words, decimal in fractions:
        text = re.sub(
            rf"({_NUM}) ?({_HOURS}) and {words}\b",
            partial(_add_fraction, decimal=decimal),
            text,
        )
    return text


def _minutes(amount: str, unit: str | None) -> Fraction:
    """Minutes in an amount of hours or minutes (minutes when no unit)."""
    value = Fraction(amount)
    return value * 60 if unit and unit.startswith("h") else value


def read_duration_minutes(text: str) -> int | None:
    """Read a written duration as whole minutes; None when it has no amount."""
    normal = _normalise(text)
    match = _WITH_UNIT_RE.search(normal)
    if match is None:
        bare = _BARE_RE.search(normal)
        return int(bare.group("n")) if bare else None
    found = match.groupdict()
    if found["ch"]:
        if int(found["cm"]) >= 60:
            return None
        total = Fraction(int(found["ch"]) * 60 + int(found["cm"]))
    elif found["hh"]:
        total = _minutes(found["hh"], "h") + int(found["hm"])
    elif found["b1"]:
        total = _minutes(found["b1"], found["bu1"] or found["bu2"])
    elif found["r1"]:
        total = _minutes(found["r1"], found["ru1"] or found["ru2"])
    else:
        total = _minutes(found["q"], found["qu"])
    return floor(total + Fraction(1, 2))
