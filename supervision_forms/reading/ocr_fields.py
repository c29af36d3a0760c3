"""Fields read from pages that OCR read: how sure OCR was of each, and the unsure ones
left empty.

A field read from an OCR'd page is followed back to the words it was read from: from the
line its answer starts on (its source, "page 2, line 14"), the words that spell its value
in order (a date's day, month and year; a duration's number and unit; a choice's printed
label and the boxes beside it). Its OCR confidence is the least of those words'. Every
such field is warned about ("read by OCR") with that confidence, and the envelope's
confidence for it is the reader's times OCR's. A field with a word OCR was unsure of, or
beside a tick box that could not be told ticked or not, is never a value: it is left
empty, its text kept in `unmapped`, with a warning that says why. A wrong value is worse
than a missing one.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..models.paths import Leaf, flatten, generic, leaf_map, unflatten
from .page import Page, Word
from .result import ParseResult, ReadWarning, Unmapped
from .scan import EMPTY, TICKED, UNDECIDED

SURE = 0.9  # OCR confidence: a field with a word under it is left empty (words at 0.8-0.9
# were right only about 85 % of the time on our scans; at 0.9 or more, over 99 %)
TOKEN = re.compile(r"[^\W_]+")
SOURCE = re.compile(r"^page (\d+), line (\d+)$")
MAX_SKIPPED = 120  # words between two words of one value (other columns, labels between)
DATE_LINES = 3  # lines from its source a date (or a duration) is looked for on
MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
DATE_FILLERS = {"of", "the", "st", "nd", "rd", "th", "day"}
DURATION_WORDS = {
    "a", "an", "and", "one", "two", "three", "half", "quarter", "hour", "hours", "hr", "hrs", "h",
    "minutes", "minute", "mins", "min", "m",
}  # fmt: skip
BOXES = {TICKED, EMPTY, UNDECIDED}
ORDINARY = set("-–—&/+%=:;,.!?…'\"‘’“”()[]•")  # marks that stand alone in ordinary text
NOT_FIRST = set(".,;:!?)]}…")  # marks no text starts with
STRAY = 0.5  # confidence of text with a stray mark in it (a speck or a box read as "@")


@dataclass(frozen=True)
class _Token:
    text: str  # folded
    word: Word
    line: int  # index into the page's lines, counted over the pages read in order


def judged(result: ParseResult, pages: Sequence[Page], ocr: set[int]) -> ParseResult:
    """`result` with its OCR'd fields warned about, their confidence from OCR's, and the
    ones OCR was unsure of left empty (`ocr`: the 0-based numbers of the OCR'd pages)."""
    if not ocr:
        return result
    stream = _Stream(pages)
    data = result.data.model_dump(mode="python")
    leaves = leaf_map(type(result.data))
    cleared: dict[str, str] = {}
    for path, source in list(result.sources.items()):
        where = SOURCE.match(source)
        if where is None or int(where[1]) - 1 not in ocr:
            continue
        value = _value(data, path)
        leaf = leaves.get(generic(path)) or leaves.get(generic(path) + "[]")
        if value is None or leaf is None:
            continue
        words = stream.words_of(value, leaf, int(where[1]) - 1, int(where[2]) - 1)
        if not words:
            sure, text = 0.0, _shown(value)
            why = "its words could not be found again"
        else:
            sure = min(word.confidence for word in words)
            text = " ".join(word.text for word in words if word.text not in BOXES) or _shown(value)
            why = (
                "a tick box could not be told ticked or not"
                if any(w.text == UNDECIDED for w in words)
                else f"OCR was unsure of a word ({sure:.2f})"
            )
        if isinstance(value, str) and _stray(value):
            sure, why = min(sure, STRAY), "a mark beside the text was not read as a letter"
        if sure < SURE:
            cleared[path] = source
            result.warnings.append(
                ReadWarning(path, f"read by OCR: {why}; left empty, the text is kept in unmapped", source)
            )
            result.unmapped.append(Unmapped(text, source))
            continue
        result.field_confidence[path] = round(result.field_confidence.get(path, 1.0) * sure, 2)
        result.warnings.append(
            ReadWarning(path, f"read by OCR (confidence {sure:.2f}); check this value", source)
        )
    if cleared:
        result.data = _without(result, cleared)
        for path in cleared:
            result.sources.pop(path, None)
            result.field_confidence.pop(path, None)
    return result


def _stray(text: str) -> bool:
    """Whether text holds a mark OCR made of dirt or a box (no letters, not punctuation
    ordinary text has on its own), or starts with one no text starts with."""
    pieces = text.split()
    if not pieces:
        return False
    if pieces[0][0] in NOT_FIRST:
        return True
    return any(not any(c.isalnum() for c in piece) and not set(piece) <= ORDINARY for piece in pieces)


def _value(data: dict[str, Any], path: str) -> Any:
    node: Any = data
    for part in path.split("."):
        if isinstance(node, list) and part.isascii() and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        elif isinstance(node, dict):
            node = node.get(part)
        else:
            return None
    return None if node in ("", []) else node


def _shown(value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(_shown(v) for v in value)
    return value.isoformat() if isinstance(value, datetime.date) else str(value)


def _without(result: ParseResult, cleared: dict[str, str]) -> Any:
    """The data without the cleared fields, and without what was worked out from them
    (their neighbours in the same part of the model that were not read themselves)."""
    flat = flatten(result.data.model_dump(mode="python"))
    read = set(result.sources) - set(cleared)

    def under(path: str, top: str) -> bool:
        return path == top or path.startswith(top + ".")

    def parent(path: str) -> str:
        return path.rpartition(".")[0]

    kept = {}
    for path, value in flat.items():
        if any(under(path, gone) for gone in cleared):
            continue
        derived = not any(under(path, source) for source in read)
        if derived and any(parent(path) == parent(gone) for gone in cleared):
            continue
        kept[path] = value
    return type(result.data).model_validate(unflatten(kept))


class _Stream:
    """The words of the pages in reading order, line by line, as tokens."""

    def __init__(self, pages: Sequence[Page]) -> None:
        self.starts: dict[tuple[int, int], int] = {}  # (page, line) -> first token
        self.tokens: list[_Token] = []
        self.lines: dict[int, list[Word]] = {}
        line_number = 0
        for page in pages:
            for index, line in enumerate(page_lines(page)):
                self.starts[(page.number, index)] = len(self.tokens)
                self.lines[line_number] = line
                for word in line:
                    for token in _tokens(word.text) or ([word.text] if word.text in BOXES else []):
                        self.tokens.append(_Token(token, word, line_number))
                line_number += 1

    def words_of(self, value: Any, leaf: Leaf, page: int, line: int) -> list[Word]:
        """The words `value` was read from, found from the start of its source line; [] when
        they are not all found."""
        at = self.starts.get((page, line))
        if at is None:
            return []
        found: list[int] = []
        for item in value if isinstance(value, list) else [value]:
            match = self._match(item, leaf, at)
            if not match:
                return []
            found.extend(match)
            at = match[-1] + 1
        words = [self.tokens[index].word for index in found]
        if leaf.kind == "choice":  # the boxes on the options' lines: all must be told
            lines = {self.tokens[index].line for index in found}
            words += [w for number in sorted(lines) for w in self.lines[number] if w.text in BOXES]
        return list({id(w): w for w in words}.values())

    def _match(self, item: Any, leaf: Leaf, at: int) -> list[int]:
        if isinstance(item, datetime.date):
            return self._run(at, _date_tokens(item), DATE_FILLERS, 2)
        if leaf.kind == "int":
            return self._run(at, _number_tokens(item), DURATION_WORDS, 1)
        if leaf.kind == "choice":
            return self._sequence(_tokens(leaf.choice_labels().get(str(item), str(item))), at)
        return self._sequence(_tokens(str(item)), at)

    def _sequence(self, wanted: list[str], at: int) -> list[int]:
        """The tokens spelling `wanted` in order from `at`, others skipped between them; a
        token may be split over several (a word broken at the end of a line)."""
        found: list[int] = []
        for token in wanted:
            match = self._next(token, at)
            if not match:
                return []
            found.extend(match)
            at = match[-1] + 1
        return found

    def _next(self, token: str, at: int) -> list[int]:
        for index in range(at, min(len(self.tokens), at + MAX_SKIPPED)):
            here = self.tokens[index].text
            if here == token:
                return [index]
            if here and token.startswith(here):
                joined = here
                for following in range(index + 1, min(len(self.tokens), index + 4)):
                    joined += self.tokens[following].text
                    if joined == token:
                        return list(range(index, following + 1))
                    if not token.startswith(joined):
                        break
        return []

    def _run(self, at: int, wanted: set[str], fillers: set[str], need: int) -> list[int]:
        """The first run of tokens from `at` (within a few lines) that are wanted ones, with
        fillers between them ("21st of April 2025"), holding `need` wanted tokens at least."""
        if at >= len(self.tokens):
            return []
        last_line = self.tokens[at].line + DATE_LINES
        end = at
        while end < len(self.tokens) and self.tokens[end].line < last_line:
            end += 1
        for first in range(at, end):
            if self.tokens[first].text not in wanted:
                continue
            run = [first]
            for following in range(first + 1, end):
                text = self.tokens[following].text
                if text not in wanted and text not in fillers:
                    break
                run.append(following)
            while self.tokens[run[-1]].text not in wanted:
                run.pop()
            if sum(self.tokens[i].text in wanted for i in run) >= need:
                return run
        return []


def page_lines(page: Page) -> list[list[Word]]:
    """A page's lines as the layout numbers them (`forms/layout.py`): an OCR'd page's words
    share their line's top and bottom (`scan.py`), so its lines are its runs of equal ones."""
    lines: dict[tuple[float, float], list[Word]] = {}
    for word in page.words:
        lines.setdefault((word.top, word.bottom), []).append(word)
    ordered = sorted(lines.items(), key=lambda item: (item[0][0] + item[0][1], item[0][0]))
    return [sorted(words, key=lambda w: w.x0) for _, words in ordered]


def _tokens(text: str) -> list[str]:
    return [t.casefold() for t in TOKEN.findall(text)]


def _date_tokens(day: datetime.date) -> set[str]:
    month = MONTHS[day.month - 1]
    return {
        str(day.day),
        f"{day.day:02d}",
        f"{day.day}{_suffix(day.day)}",
        str(day.month),
        f"{day.month:02d}",
        month,
        month[:3],
        month[:4],
        str(day.year),
        f"{day.year % 100:02d}",
    }


def _suffix(day: int) -> str:
    if day in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def _number_tokens(number: Any) -> set[str]:
    """A number as it may be written: itself, and a duration in minutes as hours too."""
    found = {str(number)}
    if isinstance(number, int) and number % 15 == 0:
        hours, rest = divmod(number, 60)
        found |= {str(hours), {15: "25", 30: "5", 45: "75"}.get(rest, "0"), "½", f"{hours}½"}
    return found
