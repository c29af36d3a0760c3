"""Undoing line wrap in a PDF: which line ends where the writer ended it, and which ran on.

A line that stops short of its cell's right edge (or the text's) ends there: the first
word of the next line would have fit in the room left. A line that fills it wrapped, and
runs on into the next with a space (or none, after a word broken at its hyphen), unless
a wider gap than between wrapped lines shows a new paragraph. A line starting with a
bullet starts a list item, and the bullet is not part of the text.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Container
from dataclasses import dataclass

from .text import BULLETS

LIST_MARKS = "•▪◦‣➢❖✓"  # a line starting with one of these starts a list item
HYPHEN_IN_WORD = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")  # a hyphen between letters
PARAGRAPH_PITCH = 1.5  # of the font size: lines further apart (top to top) are paragraphs


@dataclass(frozen=True)
class Line:
    """A line's text, the room left at its end, and the width of its first word."""

    text: str
    room: float
    lead: float
    top: float = 0.0  # where it is drawn (page points), and its font size, when known
    size: float = 0.0
    bottom: float = 0.0


def hyphen_end(text: str) -> bool:
    """Whether a line ends in a word broken at a hyphen ("Super-")."""
    return text[-1:] == "-" and text[-2:-1].isalpha()


def unhyphenated(text: str) -> str:
    """Text without its hyphens between letters that go on in lower case ("alter-native",
    a word a typesetter broke at a line's end, once the lines are joined): for lookups of
    printed text, tried beside the text as it is (which keeps "up-to-date")."""
    return HYPHEN_IN_WORD.sub(lambda hyphen: "" if text[hyphen.end()].islower() else "-", text)


def wraps(upper: Line, lower: Line) -> bool:
    """Whether `upper` wrapped onto `lower` (a word broken at a hyphen, whatever the room)."""
    above, below = upper.text.rstrip(), lower.text.lstrip()
    broken = hyphen_end(above) and below[:1].islower()
    if below[:1] in LIST_MARKS or (upper.room >= lower.lead and not broken):
        return False
    pitch = min(lower.top - upper.top, lower.bottom - upper.bottom)  # (a bold word's taller box moves one)
    return not (upper.size > 0 and pitch > PARAGRAPH_PITCH * upper.size)


def join(
    lines: list[Line], known: Callable[[str], bool] | None = None, english: Container[str] | None = None
) -> str:
    """Lines as the writer wrote them: wrapped lines joined, list bullets dropped. A word
    a typesetter broke with a hyphen ("Su-/pervisee") is joined without it where `known`
    knows the whole word (the document or the form has it unbroken), or `english` does
    (`kept_hyphen`)."""
    out = ""
    previous: Line | None = None
    for line in lines:
        text = (
            BULLETS.sub("", line.text).strip() if line.text.lstrip()[:1] in LIST_MARKS else line.text.strip()
        )
        if previous is None:
            out = text
        elif wraps(previous, line):
            broken = hyphen_end(out) and text[:1].isalpha()
            if broken and known is not None:
                head, tail = _word_before(out[:-1]), _word_after(text)
                if text[:1].islower() and kept_hyphen(head, tail, known, english) is False:
                    out = out[:-1]
            out += ("" if broken else " ") + text
        else:
            out += "\n" + text
        previous = line
    return out


def unsure_breaks(
    lines: list[Line], known: Callable[[str], bool], english: Container[str] | None = None
) -> bool:
    """Whether a word broken at a line's end ("up-/dates") may or may not keep its hyphen:
    a hyphen of its own ("four-/day") or one a typesetter added, who can tell
    (`kept_hyphen`)."""
    for upper, lower in itertools.pairwise(lines):
        above, below = upper.text.rstrip(), lower.text.lstrip()
        broken = hyphen_end(above) and below[:1].islower()
        head, tail = _word_before(above[:-1]), _word_after(below)
        if broken and wraps(upper, lower) and kept_hyphen(head, tail, known, english) is None:
            return True
    return False


def kept_hyphen(
    head: str, tail: str, known: Callable[[str], bool], english: Container[str] | None = None
) -> bool | None:
    """Whether a word broken at a hyphen at a line's end ("head-" / "tail") keeps it:
    not where `known` knows it whole (the document or the form prints it so). With
    `english` (a typesetter's breaks, where English spellings tell): as the one of its
    spellings, whole or hyphened, that is English ("under-/stood", "four-/day"); kept
    where neither is but its parts are words, the first in lower case ("line-/managed");
    None where who can tell ("long-/term": both are English)."""
    if known(head + tail):
        return False
    if english is None or not head or not tail:
        return None
    whole, hyphened = (head + tail).casefold() in english, f"{head}-{tail}".casefold() in english
    if whole != hyphened:
        return hyphened
    parts = all(known(part) or part.casefold() in english for part in (head, tail))
    return True if not whole and parts and head[:1].islower() else None


def _word_before(text: str) -> str:
    match = re.search(r"[^\W\d_]+$", text)
    return match.group() if match else ""


def _word_after(text: str) -> str:
    match = re.match(r"[^\W\d_]+", text)
    return match.group() if match else ""
