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
import statistics
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz, process

from ..models.paths import Leaf, flatten, generic, leaf_map, unflatten
from .forms.answers import clean
from .forms.layout import MARKING, PAGE_NUMBER
from .knowledge import FormKnowledge
from .page import Page, Word
from .result import ParseResult, ReadWarning, Unmapped
from .scan import EMPTY, TICKED, UNDECIDED
from .text import fold

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
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
FILLERS = DATE_FILLERS | DURATION_WORDS | WEEKDAYS | {d[:3] for d in WEEKDAYS} | {"on", "for"}
BOXES = {TICKED, EMPTY, UNDECIDED}
ORDINARY = set("-–—&/+%=:;,.!?…'\"‘’“”()[]•")  # marks that stand alone in ordinary text
NOT_FIRST = set(".,;:!?)]}…")  # marks no text starts with
STRAY = 0.5  # confidence of text with a stray mark in it (a speck or a box read as "@")
SPECK = 0.5  # OCR confidence: under it, a short run of words may be dirt read as letters
DIRT = 3  # characters at most of such a run
PRINTED_RUN = 5  # words: a longer run is printed text when it is nearly word for word the form's
SHORT_RUN = 2  # words: a run this short is printed when its words are the form's
PRINTED_SCORE = 85  # fuzzy score of such a run against the form's printed text
SHORT_TOKEN = 2  # characters: a shorter word of a short run is not told from printed text
NEAR_WORD = 80  # fuzzy score of a word of a short run against one of the form's words
LABEL_WORDS = 12  # words at most of a label ("Who else may see the record?")
OPTION_WORDS = 3  # words at most of a tick box's printed option ("handwritten notes")
NEAR_LINES = 2  # lines: the next word of a text is looked for this far from the last
SENTENCE_ENDS = set(".;:!?")  # after one of these, the text that follows is a thing of its own
HEADER, FOOTER = 0.07, 0.93  # of the page height: above, and below, the body of a page
MARGIN = 0.16  # of the page height: where headers and footers are printed
COLUMN_GAP = 1.5  # of the font size: a wider gap between words on a line parts two columns
# (wider than the reader's: a word OCR missed leaves a gap)


@dataclass(frozen=True)
class _Token:
    text: str  # folded
    word: Word
    line: int  # index into the page's lines, counted over the pages read in order


def judged(
    result: ParseResult, pages: Sequence[Page], ocr: set[int], know: FormKnowledge | None = None
) -> ParseResult:
    """`result` with its OCR'd fields warned about, their confidence from OCR's, and the
    ones OCR was unsure of left empty (`ocr`: the 0-based numbers of the OCR'd pages).
    With the form's `know`ledge, text on the OCR'd pages that the reading left in no field
    and not in `unmapped`, and that the form does not print, is added to `unmapped`."""
    if not ocr:
        return result
    stream = _Stream(pages)
    data = result.data.model_dump(mode="python")
    leaves = leaf_map(type(result.data))
    cleared: dict[str, str] = {}
    for path, source in list(result.sources.items()):
        value = _value(data, path)
        leaf = leaves.get(generic(path)) or leaves.get(generic(path) + "[]")
        if value is None or leaf is None:
            continue
        found = stream.located(value, leaf, source, ocr)
        if found is None:
            continue  # read from a page with a text layer
        words = stream.words_at(found, leaf)
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
        if leaf.kind == "text" and any(stream.in_margin(index) for index in found):
            sure, why = min(sure, STRAY), "it runs into the page's margin, where headers and footers are"
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
    if know is not None:
        _kept(result, pages, ocr, know, stream)
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
        self.places: dict[int, tuple[int, int]] = {}  # line -> its page, and its index there
        self.pages = [page.number for page in pages]
        self.heights = {page.number: page.height or 1.0 for page in pages}
        self._segment_maps: dict[tuple[int, ...], dict[int, list[list[int]]]] = {}
        self.sizes = {  # each page's usual font size
            page.number: statistics.median(w.size for w in page.words) for page in pages if page.words
        }
        line_number = 0
        for page in pages:
            for index, line in enumerate(page_lines(page)):
                self.starts[(page.number, index)] = len(self.tokens)
                self.lines[line_number] = line
                self.places[line_number] = (page.number, index)
                for word in line:
                    for token in _tokens(word.text) or ([word.text] if word.text in BOXES else []):
                        self.tokens.append(_Token(token, word, line_number))
                line_number += 1

    def runs(
        self, wanted: Callable[[int], bool], pages: set[int]
    ) -> Iterator[tuple[list[int], list[_Token], str]]:
        """The runs of wanted tokens (by index) on the given pages, each in one column of
        one line, with the whole of that column's part of the line, and the line as a
        source ("page 2, line 14")."""
        for segment in self._segments(pages):
            run: list[int] = []
            for index, _ in segment:
                if wanted(index):
                    run.append(index)
                    continue
                if run:
                    yield run, [t for _, t in segment], _source(*self.places[self.tokens[run[-1]].line])
                run = []
            if run:
                yield run, [t for _, t in segment], _source(*self.places[self.tokens[run[-1]].line])

    def in_margin(self, index: int) -> bool:
        """Whether a token is in the top or bottom margin of its page (headers, footers)."""
        page = self.places[self.tokens[index].line][0]
        share = self.tokens[index].word.top / self.heights[page]
        return share < HEADER or share > FOOTER

    def beside(self, run: list[int], pages: set[int]) -> list[int]:
        """The tokens a run of words may belong with: the one just before it and the one
        just after it in its column of its line, and, for a run that starts its line in
        lower case, the last of the line above in its column (an answer running on)."""
        segments = self.segment_map(pages)
        first = self.tokens[run[0]]
        mine = next(seg for seg in segments[first.line] if run[0] in seg)
        out = [
            i
            for i, (left, right) in (
                (run[0] - 1, (run[0] - 1, run[0])),
                (run[-1] + 1, (run[-1], run[-1] + 1)),
            )
            if i in mine and self._joined(left, right)
        ]
        if run[0] == mine[0] and first.word.text[:1].islower():
            left, right = first.word.x0, max(self.tokens[i].word.x1 for i in mine)
            for seg in segments.get(first.line - 1, []):
                words = [self.tokens[i].word for i in seg]
                if min(w.x0 for w in words) < right and left < max(w.x1 for w in words):
                    out.append(seg[-1])
        return out

    def _joined(self, left: int, right: int) -> bool:
        """Whether two neighbouring tokens of a line run on into each other: no sentence
        ends after the left one, and no mark stands between them ("3-weekly – every 3
        weeks" is two things)."""
        one, other = self.tokens[left].word, self.tokens[right].word
        if one is other:
            return True
        if one.text.rstrip()[-1:] in SENTENCE_ENDS:
            return False
        line = self.lines[self.tokens[left].line]
        between = [w for w in line if one.x1 <= w.x0 and w.x1 <= other.x0]
        return not any(not any(c.isalnum() for c in w.text) for w in between)

    def segment_map(self, pages: set[int]) -> dict[int, list[list[int]]]:
        """Each line's segments (token indices), by line."""
        key = tuple(sorted(pages))
        if key not in self._segment_maps:
            found: dict[int, list[list[int]]] = {}
            for segment in self._segments(pages):
                found.setdefault(segment[0][1].line, []).append([i for i, _ in segment])
            self._segment_maps[key] = found
        return self._segment_maps[key]

    def _segments(self, pages: set[int]) -> Iterator[list[tuple[int, _Token]]]:
        """Each line's tokens on the given pages, split where a wide gap parts columns
        and at tick boxes."""
        segment: list[tuple[int, _Token]] = []
        for index, token in enumerate(self.tokens):
            ok = self.places[token.line][0] in pages and token.text not in BOXES
            last = segment[-1][1] if segment else None
            usual = self.sizes.get(self.places[token.line][0], 0.0)
            if last is not None and (
                not ok or token.line != last.line or _apart(last.word, token.word, usual)
            ):
                yield segment
                segment = []
            if ok:
                segment.append((index, token))
        if segment:
            yield segment

    def located(self, value: Any, leaf: Leaf, source: str, ocr: set[int]) -> list[int] | None:
        """The tokens a value was read from: from the start of its source line ("page 2,
        line 14"), or, where the source names no line, from the start of the first line
        of the OCR'd pages where they are all found; [] when they are not found, None
        when the value was read from a page with a text layer."""
        where = SOURCE.match(source)
        if where is not None:
            page = int(where[1]) - 1
            return self.tokens_of(value, leaf, page, int(where[2]) - 1) if page in ocr else None
        for page, line in self.starts:
            if page in ocr:
                found = self.tokens_of(value, leaf, page, line)
                if found:
                    return found
        return [] if set(self.pages) <= ocr else None

    def text_located(self, text: str, source: str, ocr: set[int]) -> list[int]:
        """The tokens of `text` found in order from the start of its source line, or where
        the source names no line, from the OCR'd line where most of them are found."""
        where = SOURCE.match(source)
        if where is not None:
            return self.tokens_of_text(text, int(where[1]) - 1, int(where[2]) - 1)
        tries = (self.tokens_of_text(text, page, line) for page, line in self.starts if page in ocr)
        return max(tries, key=len, default=[])

    def after_box(self, token: _Token) -> bool:
        """Whether the word just left of a token's on its line is a tick box."""
        line = self.lines[token.line]
        at = next((i for i, w in enumerate(line) if w is token.word), 0)
        return at > 0 and line[at - 1].text in BOXES

    def with_fillers(self, found: list[int]) -> list[int]:
        """Tokens of a date or a number with the words around them on their line that are
        part of how it is written ("Tuesday", "the", "minutes")."""
        out = set(found)
        for index in found:
            for step in (-1, 1):
                other = index + step
                while (
                    0 <= other < len(self.tokens)
                    and self.tokens[other].line == self.tokens[index].line
                    and self.tokens[other].text in FILLERS
                ):
                    out.add(other)
                    other += step
        return sorted(out)

    def words_at(self, found: list[int], leaf: Leaf) -> list[Word]:
        """The words of the tokens found for a value; for a choice, with the boxes on its
        options' lines (all must be told)."""
        words = [self.tokens[index].word for index in found]
        if found and leaf.kind == "choice":
            lines = {self.tokens[index].line for index in found}
            words += [w for number in sorted(lines) for w in self.lines[number] if w.text in BOXES]
        return list({id(w): w for w in words}.values())

    def tokens_of(self, value: Any, leaf: Leaf, page: int, line: int) -> list[int]:
        """The tokens (indices) `value` was read from, found from the start of its source
        line; [] when they are not all found."""
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
        return found

    def tokens_of_text(self, text: str, page: int, line: int) -> list[int]:
        """The tokens of `text` found in order from the start of a line, each within a
        line or two of the one before (a token not found is passed over)."""
        at = self.starts.get((page, line))
        if at is None or at >= len(self.tokens):
            return []
        found: list[int] = []
        last = self.tokens[at].line
        for token in _tokens(text):
            match = self._next(token, at, last + NEAR_LINES)
            if match:
                found.extend(match)
                at = match[-1] + 1
                last = self.tokens[match[-1]].line
        return found

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

    def _next(self, token: str, at: int, last_line: int | None = None) -> list[int]:
        for index in range(at, min(len(self.tokens), at + MAX_SKIPPED)):
            if last_line is not None and self.tokens[index].line > last_line:
                break
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


def _apart(left: Word, right: Word, usual: float) -> bool:
    """Whether two words of a line stand in different columns: a gap between them wider
    than a few letters of their size (or the page's usual size, for a line OCR made of
    dots and words, which it sizes as dots)."""
    return left is not right and right.x0 - left.x1 > COLUMN_GAP * max(left.size, right.size, usual)


def _source(page: int, line: int) -> str:
    return f"page {page + 1}, line {line + 1}"


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


# --- nothing lost --------------------------------------------------------------------------


def unaccounted(
    result: ParseResult,
    pages: Sequence[Page],
    ocr: set[int],
    know: FormKnowledge,
    stream: _Stream | None = None,
) -> list[Unmapped]:
    """Runs of words on the OCR'd pages that no field was read from, that are not in
    `unmapped`, and that are not the form's printed text (nor page furniture, nor dirt):
    text a person wrote that the reading would otherwise lose, with the line it is on."""
    stream = stream or _Stream(pages)
    runs, _ = _lost(result, pages, ocr, know, stream)
    return [
        Unmapped(" ".join(w.text for w in _words([stream.tokens[i] for i in run])), source)
        for run, source in runs
    ]


def _owners(result: ParseResult, stream: _Stream, ocr: set[int]) -> dict[int, str]:
    """Each token some field was read from (its path), or that is in `unmapped` ("")."""
    leaves = leaf_map(type(result.data))
    data = result.data.model_dump(mode="python")
    owners: dict[int, str] = {}
    for item in result.unmapped:
        owners.update(dict.fromkeys(stream.text_located(item.text, item.source, ocr), ""))
    for path, source in result.sources.items():
        leaf = leaves.get(generic(path)) or leaves.get(generic(path) + "[]")
        value = _value(data, path)
        if leaf is None or value is None:
            continue
        if isinstance(value, str) and leaf.kind == "text":
            found = stream.text_located(value, source, ocr)
        else:
            found = stream.located(value, leaf, source, ocr) or []
        owners.update(
            dict.fromkeys(stream.with_fillers(found) if leaf.kind in ("date", "int") else found, path)
        )
    return owners


def _lost(
    result: ParseResult, pages: Sequence[Page], ocr: set[int], know: FormKnowledge, stream: _Stream
) -> tuple[list[tuple[list[int], str]], dict[int, str]]:
    """The runs of tokens `unaccounted` finds, with their sources, and every token's owner."""
    owners = _owners(result, stream, ocr)
    furniture = _furniture(pages, ocr)
    lost = []
    for run, segment, source in stream.runs(lambda index: index not in owners, ocr):
        tokens = [stream.tokens[i] for i in run]
        if stream.places[tokens[0].line] in furniture:
            continue
        words = _words(tokens)
        text = " ".join(w.text for w in words)
        if _labelled(text) or (stream.after_box(tokens[0]) and len(words) <= OPTION_WORDS):
            continue  # a label (an older edition's, say) or a tick box's option
        if len(run) <= SHORT_RUN and _among_unplaced(run, segment, stream, owners):
            lost.append((run, source))  # a word or two between text no field took is part of it
        elif not _printed(text, words, know):
            lost.append((run, source))
    return lost, owners


def _kept(
    result: ParseResult, pages: Sequence[Page], ocr: set[int], know: FormKnowledge, stream: _Stream
) -> None:
    """Text no field took and the form does not print added to `unmapped`; a text field
    with text no field took right beside it (before or after it on its line, or running on
    from it onto the next line in lower case) left empty: where it starts or ends is not sure."""
    runs, owners = _lost(result, pages, ocr, know, stream)
    kinds = leaf_map(type(result.data))
    cut: dict[str, str] = {}
    unplaced = [  # text in unmapped that the form does not print
        run
        for run, _, _ in stream.runs(lambda index: owners.get(index) == "", ocr)
        if not _printed_run(run, stream, know)
    ]
    for run in [run for run, _ in runs] + unplaced:
        for token in stream.beside(run, ocr):
            path = owners.get(token, "")
            leaf = kinds.get(generic(path))
            if path in result.sources and leaf is not None and leaf.kind == "text":
                cut[path] = result.sources[path]
    data = result.data.model_dump(mode="python")
    for path, source in cut.items():
        why = "text beside it that no field took may be part of it"
        result.warnings.append(
            ReadWarning(path, f"read by OCR: {why}; left empty, the text is kept in unmapped", source)
        )
        result.unmapped.append(Unmapped(_shown(_value(data, path)), source))
    if cut:
        result.data = _without(result, cut)
        for path in cut:
            result.sources.pop(path, None)
            result.field_confidence.pop(path, None)
        result.warnings[:] = [
            w for w in result.warnings if not (w.field in cut and w.message.startswith("read by OCR ("))
        ]
    for run, source in runs:
        result.unmapped.append(
            Unmapped(" ".join(w.text for w in _words([stream.tokens[i] for i in run])), source)
        )


def _words(tokens: list[_Token]) -> list[Word]:
    return list({id(t.word): t.word for t in tokens}.values())


def _among_unplaced(run: list[int], segment: list[_Token], stream: _Stream, owners: dict[int, str]) -> bool:
    """Whether the tokens beside a short run in its segment are text no field took."""
    first = stream.tokens[run[0]]
    at = next(i for i, t in enumerate(segment) if t is first)
    around = []
    if at > 0:
        around.append(run[0] - 1)
    if at + len(run) < len(segment):
        around.append(run[-1] + 1)
    return bool(around) and all(owners.get(i) == "" for i in around)


def _furniture(pages: Sequence[Page], ocr: set[int]) -> set[tuple[int, int]]:
    """The lines (page, index) in the top or bottom margin of an OCR'd page whose text
    (numbers aside) another OCR'd page prints there too: headers and footers (OCR puts
    them a point or two apart, so they are told by their text alone)."""
    found: dict[str, list[tuple[int, int]]] = {}
    for page in pages:
        if page.number not in ocr:
            continue
        for index, line in enumerate(page_lines(page)):
            if MARGIN < min(w.top for w in line) / page.height < 1 - MARGIN:
                continue
            text = re.sub(r"\d+", "#", fold(" ".join(w.text for w in line)))
            if text:
                found.setdefault(text, []).append((page.number, index))
    return {line for lines in found.values() if len({p for p, _ in lines}) > 1 for line in lines}


def _printed_run(run: list[int], stream: _Stream, know: FormKnowledge) -> bool:
    words = _words([stream.tokens[i] for i in run])
    return _printed(" ".join(w.text for w in words), words, know)


def _labelled(text: str) -> bool:
    """Whether a run of words is a label: a short question, or words before a colon."""
    text = text.strip()
    return text[-1:] in ("?", ":") and len(text.split()) <= LABEL_WORDS


def _printed(text: str, words: list[Word], know: FormKnowledge) -> bool:
    """Whether a run of OCR'd words is the form's printed text (OCR may have misread a
    letter or two of it), page furniture, or dirt (a speck or two read as letters)."""
    cleaned = clean(text, know.prompts)
    norm = fold(cleaned or "")
    if (
        not norm
        or know.is_printed(text)
        or know.is_printed(norm)
        or MARKING.fullmatch(text.strip())
        or PAGE_NUMBER.fullmatch(norm)
    ):
        return True
    if all(w.confidence < SPECK for w in words) and len(norm) <= DIRT:
        return True
    tokens = norm.split()
    if len(tokens) >= PRINTED_RUN:
        return fuzz.partial_ratio(norm, know.corpus, score_cutoff=PRINTED_SCORE) >= PRINTED_SCORE
    if len(tokens) > SHORT_RUN:
        return False  # too short to compare loosely, and not printed word for word
    vocabulary = _vocabulary(know)
    return all(token in vocabulary or _near_word(token, vocabulary) for token in tokens)


_VOCABULARIES: dict[int, tuple[FormKnowledge, frozenset[str]]] = {}


def _vocabulary(know: FormKnowledge) -> frozenset[str]:
    """The words the form prints (kept with the knowledge they come from)."""
    kept = _VOCABULARIES.get(id(know))
    if kept is None or kept[0] is not know:
        kept = (know, frozenset(know.corpus.split()))
        _VOCABULARIES[id(know)] = kept
    return kept[1]


def _near_word(token: str, vocabulary: frozenset[str]) -> bool:
    """Whether a token is short (a letter or two OCR made of a mark), or one of the form's
    words with a letter or so misread."""
    if len(token) <= SHORT_TOKEN:
        return True
    return process.extractOne(token, vocabulary, scorer=fuzz.ratio, score_cutoff=NEAR_WORD) is not None
