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


# ---------------------------------------------------------------- phased frequencies
#
# "Weekly for the first 8 weeks, then fortnightly until the end of the first year, then
# monthly": each phase an interval and where it ends, counted from the start (of the
# agreement, or of the ASYE year).

EndUnit = Literal["week", "month"]


@dataclass(frozen=True)
class PhaseReading:
    """One phase: once every `every` units until `until` (count, unit) after the start;
    `until` is None for the last, open-ended phase."""

    every: int
    unit: Unit
    until: tuple[int, EndUnit] | None


@dataclass(frozen=True)
class PhasesReading:
    """The phases read, and whether some part of the text that looked like a phase could
    not be read (then the phases cover only what could)."""

    phases: tuple[PhaseReading, ...]
    complete: bool


_CONNECTOR = re.compile(
    r"\s*(?:[;.]\s*|,\s*)?(?:\band\s+)?\b(?:then|followed\s+by|moving\s+(?:on\s+)?to|after\s+which"
    r"|reducing\s+to|dropping\s+to|changing\s+to|going\s+to|and\s+thereafter)\b\s*"
    r"|\s*;\s*|\s*,\s*"
)
_FILLER = re.compile(r"\b(?:thereafter|after\s+that|after\s+this|from\s+then\s+on|onwards)\b")
_PHASE_HINT = re.compile(
    r"\b(?:then|thereafter|until|till|followed\s+by|moving\s+to|for\s+the\s+first|initially"
    r"|to\s+begin\s+with|after\s+the\s+first|reducing\s+to)\b"
)
_SPAN_UNIT = r"(?P<u>weeks?|months?|years?)"
_RANGE = r"(?P<n>\d+)(?:\s*(?:-|–|—|to|or)\s*\d+)?"
_YEAR_WORDS = (
    r"(?:(?:the|their|his|her|your)\s+)?(?:first\s+)?(?:year(?:\s+in\s+(?:employment|practice))?"
    r"|asye(?:\s+year)?|nqsw\s+year|assessed\s+and\s+supported\s+year(?:\s+(?:in|of)\s+employment)?)"
)
# (kind, pattern): "absolute" ends count from the start; "relative" ones from the phase before.
_ENDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("year", re.compile(rf"\b(?:until|till|to|up\s+to|through)\s+(?:the\s+end\s+of\s+)?{_YEAR_WORDS}\b")),
    ("year", re.compile(r"\b(?:for|during|in)\s+(?:the\s+|their\s+)?first\s+year\b")),
    (
        "absolute",
        re.compile(
            rf"\b(?:for|during|in|over)\s+(?:the\s+duration\s+of\s+)?(?:the\s+|their\s+)?"
            rf"(?:first|initial|opening)\s+(?:{_RANGE}\s*)?{_SPAN_UNIT}"
        ),
    ),
    (
        "absolute",
        re.compile(
            rf"\b(?:until|till|to|up\s+to)\s+(?:the\s+end\s+of\s+)?(?:the\s+)?(?:first\s+)?"
            rf"{_RANGE}\s*{_SPAN_UNIT}"
        ),
    ),
    (
        "relative",
        re.compile(
            rf"\bfor\s+(?:a\s+further\s+|the\s+next\s+|another\s+|a\s+period\s+of\s+)?{_RANGE}\s*{_SPAN_UNIT}"
        ),
    ),
)
_STARTS = re.compile(rf"\b(?:after|from)\s+(?:the\s+first\s+)?{_RANGE}\s*{_SPAN_UNIT}")
_WEEKS_PER_MONTH = 365.25 / 12 / 7


def _span(count: int, unit_word: str) -> tuple[int, EndUnit]:
    if unit_word.startswith("year"):
        return count * 12, "month"
    return count, "month" if unit_word.startswith("month") else "week"


def _plus(base: tuple[int, EndUnit] | None, more: tuple[int, EndUnit]) -> tuple[int, EndUnit]:
    """`more` after `base`, in the unit of `more` (mixed units round the base down)."""
    if base is None:
        return more
    count, unit = base
    if unit == more[1]:
        return count + more[0], unit
    if unit == "week":  # weeks, then months
        return int(count / _WEEKS_PER_MONTH) + more[0], "month"
    return int(count * _WEEKS_PER_MONTH) + more[0], "week"


def _end(segment: str, previous: tuple[int, EndUnit] | None) -> tuple[tuple[int, EndUnit] | None, str]:
    """Where a segment's phase ends, and the segment without its end clause."""
    for kind, pattern in _ENDS:
        match = pattern.search(segment)
        if match is None:
            continue
        rest = segment[: match.start()] + " " + segment[match.end() :]
        if kind == "year":
            return (12, "month"), rest
        span = _span(int(match.group("n") or 1), match.group("u"))
        if span[0] == 0:
            continue
        return (_plus(previous, span) if kind == "relative" else span), rest
    return None, segment


def _after(a: tuple[int, EndUnit], b: tuple[int, EndUnit]) -> bool:
    """True when end `a` is later than end `b`."""

    def weeks(end: tuple[int, EndUnit]) -> float:
        return end[0] * (_WEEKS_PER_MONTH if end[1] == "month" else 1)

    return weeks(a) > weeks(b)


def read_phases(text: str) -> PhasesReading | None:
    """Read a frequency that changes over time; None when the text states no phases (a
    plain 'every 4 weeks' is read by `read_frequency`)."""
    normal = _normalise(text)
    if len(normal) > 2000 or (not _PHASE_HINT.search(normal) and not _STARTS.search(normal)):
        return None
    phases: list[PhaseReading] = []
    complete = True
    ends: list[tuple[int, EndUnit] | None] = []
    for raw in _CONNECTOR.split(_FILLER.sub(" ", normal)):
        segment = raw.strip()
        if not segment:
            continue
        start = _STARTS.search(segment)
        if start is not None and phases and ends[-1] is None:
            ends[-1] = _span(int(start.group("n")), start.group("u"))
            segment = segment[: start.start()] + " " + segment[start.end() :]
        end, rest = _end(segment, ends[-1] if ends else None)
        reading = read_frequency(rest)
        if reading is None:
            if end is not None and phases and ends[-1] is None:
                ends[-1] = end  # "..., until the end of the first year" closes the phase before
            elif re.search(r"[a-z]", segment) and phases:
                complete = False  # "then as needed": a phase we cannot read
            continue
        if ends and ends[-1] is None:
            complete = False  # the phase before never ends, yet another follows
            break
        phases.append(PhaseReading(reading.every, reading.unit, None))
        ends.append(end)
    if not phases or (len(phases) == 1 and ends[0] is None):
        return None if complete else PhasesReading((), False)
    finished = []
    for index, (phase, end) in enumerate(zip(phases, ends, strict=True)):
        if end is not None and index and (before := ends[index - 1]) is not None and not _after(end, before):
            return PhasesReading((), False)  # ends out of order: we misread something
        finished.append(PhaseReading(phase.every, phase.unit, end))
    return PhasesReading(tuple(finished), complete)


def looks_phased(text: str) -> bool:
    """True when the text seems to describe a frequency that changes over time."""
    return bool(_PHASE_HINT.search(_normalise(text)))
