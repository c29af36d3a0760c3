"""Turning the text found in an answer place into the answer: no prompts, dots or boxes."""

from __future__ import annotations

import functools
import re

from ...text.dates import date_span, find_dates
from ...text.durations import read_duration_minutes
from ..leaders import EDGES, LEADERS, leader
from ..text import fold, normalise
from ..ticks import BOXES, ticked
from ..unwrap import hyphen_end

SPACES = re.compile(r"[ \t\u00a0\u2002\u2003\u2009]+")
TIME_UNIT = re.compile(r"\d\s*(?:h|hrs?|hours?|mins?|minutes?)\b|\bhours?\b|\bhour\b|½", re.IGNORECASE)
DATE_LABEL = re.compile(r"(?:\b(?:date|dated|on)\b\W*)+$", re.IGNORECASE)  # "… Date:" before a date
EMPTY_DATE_LABEL = re.compile(r"\s+\b(?:date|dated)\b\W*$", re.IGNORECASE)  # "… Date:" with no date after
PROMPT_PART_WORDS = 3  # words of a prompt that, alone, are taken for the prompt
DURATION_WORD = re.compile(r"hour|hr|min|half|quarter|½|^h$", re.IGNORECASE)  # never tightened away
CLAUSES = re.compile(r"\s*(?:[,;\n–—(]|\s-\s|\bfor\b|\blasting\b|\bof\b)\s*", re.IGNORECASE)


def clean(text: str, prompts: list[str], *, completes: bool = False, stops: bool | None = None) -> str | None:
    """The answer in `text`: printed prompts, dot leaders, tick boxes and stray
    punctuation removed, one line per paragraph; None when nothing is left. `completes`:
    the answer goes on a printed sentence; `stops`: the writer ends answers with a full
    stop (`leader`)."""
    text = remove_phrases(text, prompts)
    lines = text.split("\n")  # a prompt broken off by a page or row end, before or after the answer
    if len(lines) > 1 and part_of_prompt(lines[-1], prompts):
        text = "\n".join(lines[:-1])
    elif len(lines) > 1 and part_of_prompt(lines[0], prompts):
        text = "\n".join(lines[1:])
    if BOXES.search(text):
        return ticked(text)
    lines = []
    dots = functools.partial(leader, completes=completes, stops=stops)
    for line in LEADERS.sub(dots, text).split("\n"):  # (a full stop is judged on the whole answer)
        line = SPACES.sub(" ", line).strip()
        if any(char.isalnum() for char in line):
            lines.append(line)
    answer = EDGES.sub("", "\n".join(lines))
    if part_of_prompt(answer, prompts):
        return None
    return answer or None


def split_signature(text: str) -> tuple[str | None, str | None]:
    """A signature line's name and the date written after it ("Gareth Llewellyn Date:
    22/06/26"): (name, date text); (text, None) without a date. When text follows the
    date, the line cannot be told apart: (None, None)."""
    span = date_span(text)
    if span is None:  # a "Date:" label after the name, its date not written there
        return (EMPTY_DATE_LABEL.sub("", text).strip() or None), None
    if any(char.isalnum() for char in text[span[1] :]):
        return None, None
    name = DATE_LABEL.sub("", text[: span[0]]).strip(" \t\n:;,–")
    name = name if hyphen_end(name) else name.strip(" -")  # (a word broken at its hyphen: kept)
    return (name or None), text[span[0] : span[1]]


def part_of_prompt(text: str, prompts: list[str]) -> bool:
    """Whether text is only the start or end of a prompt (the rest wrapped away)."""
    norm = fold(text)
    if len(norm.split()) < PROMPT_PART_WORDS:
        return False
    return any((p := fold(prompt)).startswith(norm) or p.endswith(norm) for prompt in prompts)


def starts_like_a_prompt(text: str, prompts: list[str]) -> bool:
    """Whether text starts as a prompt does (its first words), whatever follows it: the
    prompt's first line, with the answer set on after its end."""
    words = fold(text).split()[:PROMPT_PART_WORDS]
    start = " ".join(words)
    return len(words) == PROMPT_PART_WORDS and any(fold(prompt).startswith(start) for prompt in prompts)


def remove_phrases(text: str, phrases: list[str]) -> str:
    """`text` without any of `phrases` (compared normalised, wherever they are)."""
    for phrase in phrases:
        wanted = fold(phrase)
        if not wanted or wanted not in fold(text):
            continue
        norm = normalise(text)
        at = norm.text.find(wanted)
        while at >= 0:
            start, end = norm.span(at, at + len(wanted))
            while end < len(text) and text[end] in ".:;,!":
                end += 1
            text = text[:start] + " " + text[end:]
            norm = normalise(text)
            at = norm.text.find(wanted)
    return text


def split_shared(text: str, kinds: dict[str, str], labels: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """One answer that holds several fields ("Monthly, 1.5 hours"): each field's part.

    Lines that start with a field's own label ("Duration: 90 minutes") go to it, and so
    does the line under a label with nothing after it ("Duration:", "45 mins").
    Otherwise a minutes field takes the clause with a duration, a date field the
    first date, and a text field what is left, as written."""
    found: dict[str, str] = {}
    rest: list[str] = []
    text = break_at_labels(text, labels)
    waiting = ""  # a label's field whose answer is on the next line
    for line in text.split("\n"):
        owner = _labelled(line, labels)
        if owner is None and waiting and line.strip():
            found[waiting], waiting = line, ""
        elif owner is None:
            rest.append(line)
        else:
            found[owner[0]] = owner[1]
            waiting = "" if owner[1].strip() else owner[0]
    remainder = "\n".join(rest)
    for path, kind in kinds.items():
        if path in found:
            continue
        if kind == "minutes":
            clause = _duration_clause(remainder)
            if clause is not None:
                found[path] = remainder[clause[0] : clause[1]]
                remainder = _cut(remainder, clause)
        elif kind == "date":
            dates = find_dates(remainder)
            if dates:
                found[path] = remainder
    for path, kind in kinds.items():
        if path not in found and kind == "text" and EDGES.sub("", remainder).strip():
            found[path] = EDGES.sub("", remainder).strip()
    return found


def break_at_labels(text: str, labels: dict[str, tuple[str, ...]]) -> str:
    """A new line before each field label followed by a colon ("… Duration: 2 hours")."""
    names = sorted(
        {name.strip().rstrip(":") for names in labels.values() for name in names}, key=len, reverse=True
    )
    names = [name for name in names if name]
    if not names:
        return text
    pattern = re.compile(r"(?<=\S)\s+(?=(?:" + "|".join(map(re.escape, names)) + r")\s*:)", re.IGNORECASE)
    return pattern.sub("\n", text)


def _labelled(line: str, labels: dict[str, tuple[str, ...]]) -> tuple[str, str] | None:
    norm = normalise(line)
    for path, names in labels.items():
        for name in names:
            wanted = fold(name)
            if wanted and (norm.text == wanted or norm.text.startswith(wanted + " ")):
                _, end = norm.span(0, len(wanted))
                return path, line[end:].lstrip(" :-–")
    return None


def _duration_clause(text: str) -> tuple[int, int] | None:
    """Where the duration is: the clause with an amount of hours or minutes."""
    bounds = [0]
    for match in CLAUSES.finditer(text):
        bounds.extend((match.start(), match.end()))
    bounds.append(len(text))
    for start, end in zip(bounds[::2], bounds[1::2], strict=True):
        clause = text[start:end]
        if TIME_UNIT.search(clause) and read_duration_minutes(clause) is not None:
            return _tighten(text, start, end)
    return None


def _tighten(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause without words on either side that are not part of the duration
    ("Fortnightly 45 minutes" -> "45 minutes")."""
    value = read_duration_minutes(text[start:end])
    while True:
        words = list(re.finditer(r"\S+", text[start:end]))
        if len(words) < 2:
            return start, end
        first, last = words[0], words[-1]
        if not DURATION_WORD.search(first.group()):
            left = start + words[1].start()
            if read_duration_minutes(text[left:end]) == value:
                start = left
                continue
        if not DURATION_WORD.search(last.group()):
            right = start + words[-2].end()
            if read_duration_minutes(text[start:right]) == value:
                end = right
                continue
        return start, end


def _cut(text: str, span: tuple[int, int]) -> str:
    """`text` without the clause at `span` and the joining word or mark before it."""
    head = re.sub(r"[\s,;\-–—(]*(?:\b(?:for|lasting|of)\b)?[\s,;\-–—(]*$", "", text[: span[0]], flags=re.I)
    tail = text[span[1] :].lstrip(" )")
    return (head + (" " + tail if tail else "")).strip()
