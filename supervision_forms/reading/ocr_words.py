"""The words of pages OCR read, as a stream of tokens in reading order, line by line: for
following a field's value back to the words it was read from, and for finding the words
no field took (`ocr_fields`, `ocr_kept`)."""

from __future__ import annotations

import datetime
import itertools
import re
import statistics
from collections.abc import Callable, Iterator, Sequence, Set
from dataclasses import dataclass
from typing import Any

from ..models.paths import Leaf
from ..text.dates import MONTH_NAMES, WEEKDAY_NAMES
from ..text.durations import read_duration_minutes
from .page import Page, Word
from .scan import ASCENT, CAP_HEIGHT, DESCENT, EMPTY, TICKED, UNDECIDED

TOKEN = re.compile(r"[^\W_]+")
SOURCE = re.compile(r"^page (\d+), line (\d+)$")
MAX_SKIPPED = 120  # words between two words of one value (other columns, labels between)
DATE_LINES = 3  # lines from its source a date (or a duration) is looked for on
MONTHS = tuple(name.lower() for name in MONTH_NAMES)
MONTH_WORDS = {name for month in MONTHS for name in (month, month[:3], month[:4])}
ORDINAL_DAY = re.compile(r"(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)")
FIGURES_DATE = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}")
DATE_FILLERS = {"of", "the", "st", "nd", "rd", "th", "day"}
DURATION_WORDS = {
    "a", "an", "and", "one", "two", "three", "half", "quarter", "hour", "hours", "hr", "hrs", "h",
    "minutes", "minute", "mins", "min", "m",
}  # fmt: skip
SPELT_TOKENS = 6  # tokens at most of a duration written in words ("an hour and a half")
WEEKDAYS = {name.lower() for name in WEEKDAY_NAMES}
FILLERS = DATE_FILLERS | DURATION_WORDS | WEEKDAYS | {d[:3] for d in WEEKDAYS} | {"on", "for"}
BOXES = {TICKED, EMPTY, UNDECIDED}
NEAR_LINES = 2  # lines: the next word of a text is looked for this far from the last
SENTENCE_ENDS = set(".;:!?")  # after one of these, the text that follows is a thing of its own
HEADER, FOOTER = 0.07, 0.93  # of the page height: above, and below, the body of a page
UNDERLINE = 0.2  # of the font size: an underline runs at most this far under the baseline
SPACE = 0.3  # of the font size: the width of a space between words
PARAGRAPH_GAP = 0.8  # of the font size: a wider gap between two lines parts them (a blank line)
COLUMN_GAP = 1.5  # of the font size: a wider gap between words on a line parts two columns
# (wider than the reader's: a word OCR missed leaves a gap)
UNREAD_GAP = 1.0  # of the font size: a wider gap after a leader's dots held words OCR did not read
LEADER_END = re.compile(r"(?:\.{3,}|…+)$")  # a word ending in a leader's dots ("supervisor.......")
LEADER_DOTS = re.compile(r"[.…]{3,}")  # a leader's dots: a word of them, or a word's start ("……Time")
POSSESSIVE = re.compile(r"([^\W\d_]+)['’]s[.,;:]?")  # "supervisee's", "supervisee’s,"
FORM_POSSESSIVE = 0.6  # OCR confidence: at least this, the possessive of a word the form prints is sure
GATE = 0.9  # the gate's own confidence (`ocr_fields.SURE`)


def sureness(word: Word, form: Set[str]) -> float:
    """How sure OCR was of a word. The possessive of a word the form prints (`form`, in
    lower case: "supervisee's"), in lower case or with a capital first, read at least
    `FORM_POSSESSIVE` sure, is as sure as the gate: OCR doubts the possessive of a word
    its dictionary lacks, not its letters."""
    match = POSSESSIVE.fullmatch(word.text)
    if match is None or not FORM_POSSESSIVE <= word.confidence < GATE:
        return word.confidence
    cased = match[1].islower() or match[1].istitle()
    return GATE if cased and match[1].lower() in form else word.confidence


@dataclass(frozen=True)
class Token:
    text: str  # folded
    word: Word
    line: int  # index into the page's lines, counted over the pages read in order


class WordStream:
    """The words of the pages in reading order, line by line, as tokens."""

    def __init__(self, pages: Sequence[Page]) -> None:
        self.starts: dict[tuple[int, int], int] = {}  # (page, line) -> first token
        self.tokens: list[Token] = []
        self.lines: dict[int, list[Word]] = {}
        self.places: dict[int, tuple[int, int]] = {}  # line -> its page, and its index there
        self.pages = [page.number for page in pages]
        self.heights = {page.number: page.height or 1.0 for page in pages}
        self.rules = {page.number: [r for r in page.rules if r.horizontal] for page in pages}
        self.right = {page.number: max((w.x1 for w in page.words), default=0.0) for page in pages}
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
                    for token in tokens(word.text) or ([word.text] if word.text in BOXES else []):
                        self.tokens.append(Token(token, word, line_number))
                line_number += 1

    def runs(
        self, wanted: Callable[[int], bool], pages: set[int]
    ) -> Iterator[tuple[list[int], list[Token], str]]:
        """The runs of wanted tokens (by index) on the given pages, each in one column of
        one line, with the whole of that column's part of the line, and the line as a
        source ("page 2, line 14")."""
        for segment in self._segments(pages):
            for keep, group in itertools.groupby((index for index, _ in segment), wanted):
                if keep:
                    run = list(group)
                    page, line = self.places[self.tokens[run[-1]].line]
                    yield run, [t for _, t in segment], f"page {page + 1}, line {line + 1}"

    def place_of(self, source: str) -> tuple[int, int]:
        """The (page, line) a source names ("page 2, line 14": (1, 13)); (-1, -1) for none."""
        where = SOURCE.match(source)
        return (int(where[1]) - 1, int(where[2]) - 1) if where is not None else (-1, -1)

    def in_margin(self, index: int) -> bool:
        """Whether a token is in the top or bottom margin of its page (headers, footers)."""
        return self.outside_body(self.tokens[index].word, self.places[self.tokens[index].line][0])

    def outside_body(self, word: Word, page: int) -> bool:
        """Whether a word of a page is in its top or bottom margin (headers, footers)."""
        share = word.top / self.heights[page]
        return share < HEADER or share > FOOTER

    def beside(self, run: list[int], pages: set[int]) -> list[int]:
        """The tokens a run of words may belong with: the one just before it and the one
        just after it in its column of its line; for a run that starts its line in lower
        case, the last of the line above in its column (an answer running on); the first of
        the next line for a run that ends its line, and the last of the line above for one
        that starts its line (text wraps from a line's end to the next line's start); and the
        nearest tokens of the lines just above and just below it, under or over it, in
        the same cell (no drawn line between, no wider gap than between a paragraph's
        lines): an answer the run may start, end or interrupt."""
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
        line = [i for seg in segments[first.line] for i in seg]
        for other, ends, nearest in (
            (first.line + 1, run[-1] == line[-1], 0),
            (first.line - 1, run[0] == line[0], -1),
        ):
            if (
                ends
                and segments.get(other)
                and self._wraps(min(first.line, other), segments)
                and self.same_cell(first.line, other, 0.0, float("inf"))
            ):
                out.append(segments[other][nearest][nearest])
        left = min(self.tokens[i].word.x0 for i in run)
        right = max(self.tokens[i].word.x1 for i in run)
        for other, nearest in ((first.line - 1, -1), (first.line + 1, 0)):
            for seg in segments.get(other, []):
                words = [self.tokens[i].word for i in seg]
                x0, x1 = min(w.x0 for w in words), max(w.x1 for w in words)
                if (
                    x0 < right
                    and left < x1
                    and self.same_cell(first.line, other, max(x0, left), min(x1, right))
                ):
                    out.append(seg[nearest])
        return out

    def over_break(self, run: list[int], pages: set[int], furniture: Set[int]) -> list[list[int]]:
        """The columns (token indices) a run may run on from over a page break: for a run
        that starts the body of its page (nothing above it but the header), each column
        over it on the last line of the page before. `furniture`: lines of page furniture,
        as the margins are not part of the body."""
        segments = self.segment_map(pages)
        first = self.tokens[run[0]]
        if self._body_line(first.line, -1, True, furniture) is not None:
            return []
        other = self._body_line(first.line, -1, False, furniture)
        if other is None:
            return []
        left = min(self.tokens[i].word.x0 for i in run)
        right = max(self.tokens[i].word.x1 for i in run)
        found = []
        for seg in segments.get(other, []):
            words = [self.tokens[i].word for i in seg]
            if min(w.x0 for w in words) < right and left < max(w.x1 for w in words):
                found.append(seg)
        return found

    def unread_before(self, index: int, dots: bool) -> bool:
        """Whether words OCR did not read may stand just before a token: it is the first of
        its word, and a leader's dots end before it with a gap wider than a space or two
        between them (an answer typed against the dots, "……Time kept", whose first word
        OCR read as part of the dots); or its word starts its line, and the line above in
        its paragraph ends in such dots (or, where the answer is typed `dots` after its label,
        in anything) with room left for the word and a space: the text would not have
        wrapped there unless something stood in that room."""
        token = self.tokens[index]
        word = token.word
        if index > 0 and self.tokens[index - 1].word is word:
            return False
        line = self.lines[token.line]
        size = max(word.size, self.sizes.get(self.places[token.line][0], 0.0))
        before = [w for w in line if w.x1 <= word.x0 and w is not word]
        if before:
            last = max(before, key=lambda w: w.x1)
            return bool(LEADER_END.search(last.text)) and word.x0 - last.x1 > UNREAD_GAP * size
        page = self.places[token.line][0]
        above = self.lines.get(token.line - 1)
        if not above or not self.same_cell(token.line - 1, token.line, word.x0, word.x1):
            return False  # (no line above it in its paragraph: a new paragraph, a page's first line)
        last = max(above, key=lambda w: w.x1)
        room = self.right[page] - last.x1
        return (dots or bool(LEADER_END.search(last.text))) and word.x1 - word.x0 + SPACE * size < room

    def dots_before(self, index: int) -> bool:
        """Whether a token is the first of a word that starts with a leader's dots, or the
        word before it on its line ends in them (an answer typed against a leader:
        "……Time", "…… Time", or with the first word lost between)."""
        word = self.tokens[index].word
        if (index == 0 or self.tokens[index - 1].word is not word) and LEADER_DOTS.match(word.text):
            return True
        before = [w for w in self.lines[self.tokens[index].line] if w.x1 <= word.x0 and w is not word]
        return bool(before) and bool(LEADER_END.search(max(before, key=lambda w: w.x1).text))

    def dots_after(self, index: int) -> bool:
        """Whether a token's word ends in a leader's dots, or the next word of its line is
        dots (an answer typed against a leader: "today……", "today ……")."""
        word = self.tokens[index].word
        if LEADER_END.search(word.text):
            return True
        after = [w for w in self.lines[self.tokens[index].line] if w.x0 >= word.x1 and w is not word]
        return bool(after) and bool(LEADER_DOTS.fullmatch(min(after, key=lambda w: w.x0).text))

    def body_neighbour(self, line: int, step: int, furniture: Set[int]) -> int | None:
        """The nearest line of the body before (`step` -1) or after (1) a line, on its page
        or past a page break."""
        here = self._body_line(line, step, True, furniture)
        return here if here is not None else self._body_line(line, step, False, furniture)

    def _body_line(self, line: int, step: int, same_page: bool, furniture: Set[int]) -> int | None:
        """The nearest line before (`step` -1) or after (1) a line that is in the body of its
        page (not page furniture, nor all in its top or bottom margin): on the line's own
        page, or on the page just before or after it."""
        page = self.places[line][0]
        at = self.pages.index(page) + (0 if same_page else step)
        if not 0 <= at < len(self.pages):
            return None
        other = line + step
        while other in self.lines:
            there = self.places[other][0]
            if there != page and same_page:
                return None
            if (
                there == self.pages[at]
                and other not in furniture
                and not all(self.outside_body(w, there) for w in self.lines[other])
            ):
                return other
            if there != page and there != self.pages[at]:
                return None
            other += step
        return None

    def _wraps(self, upper: int, segments: dict[int, list[list[int]]]) -> bool:
        """Whether a line is full: the first word of the line under it (one column, starting
        where the line does) would not have fit at its end, before the right edge of its
        page's text (so it may have wrapped there)."""
        page = self.places[upper][0]
        if not segments.get(upper) or len(segments.get(upper + 1, [])) != 1:
            return False  # (the line under it holds columns: a table's row, not wrapped text)
        words = self.lines[upper]
        size = statistics.median(w.size for w in words)
        first = self.tokens[segments[upper + 1][0][0]].word
        if abs(first.x0 - min(w.x0 for w in words)) > size:
            return False
        room = self.right[page] - max(w.x1 for w in words)
        return first.x1 - first.x0 + SPACE * size >= room

    def same_cell(self, line: int, other: int, left: float, right: float) -> bool:
        """Whether two neighbouring lines of a page are in one cell where they overlap
        (`left`..`right`): no drawn line across between them, and no wider gap than
        between the lines of a paragraph."""
        (page, _), (other_page, _) = self.places[line], self.places[other]
        if page != other_page:
            return False
        upper, lower = sorted((self.lines[line], self.lines[other]), key=lambda ws: ws[0].top)
        bottom, top = max(w.bottom for w in upper), min(w.top for w in lower)
        above = statistics.median(w.size for w in upper)
        below = statistics.median(w.size for w in lower)
        if top - bottom > PARAGRAPH_GAP * max(above, below):
            return False
        # a drawn line between them runs under the middle of the upper line (scanned, a cell's
        # border may touch its descenders) and over the lower line's capitals; a line that
        # reaches no further than the upper line's words is an underline (or strikes them
        # through) unless it runs lower than an underline does
        middle = (min(w.top for w in upper) + bottom) / 2
        underline = min(w.top for w in upper) + (ASCENT + UNDERLINE) * above
        over = max(w.bottom for w in lower) - (DESCENT + CAP_HEIGHT) * below
        x0, x1 = min(w.x0 for w in upper) - above, max(w.x1 for w in upper) + above
        for rule in self.rules.get(page, ()):
            at = (rule.top + rule.bottom) / 2
            wide = rule.x0 < x0 or rule.x1 > x1
            if rule.x0 < right and left < rule.x1 and (middle if wide else underline) < at <= over:
                return False
        return True

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

    def _segments(self, pages: set[int]) -> Iterator[list[tuple[int, Token]]]:
        """Each line's tokens on the given pages, split where a wide gap parts columns
        and at tick boxes."""
        segment: list[tuple[int, Token]] = []
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
        line 14"), or, where the source names no line and OCR read every page, from the
        start of the first line where they are all found; [] when they are not found,
        None when the value was (or may have been) read from a page with a text layer."""
        where = SOURCE.match(source)
        if where is not None:
            page = int(where[1]) - 1
            return self.tokens_of(value, leaf, page, int(where[2]) - 1) if page in ocr else None
        if not set(self.pages) <= ocr:
            return None
        for page, line in self.starts:
            if page in ocr:
                found = self.tokens_of(value, leaf, page, line)
                if found:
                    return found
        return []

    def text_located(self, text: str, source: str, ocr: set[int]) -> list[int]:
        """The tokens of `text` found in order from the start of its source line, or where
        the source names no line and OCR read every page, from the line where most of
        them are found."""
        where = SOURCE.match(source)
        if where is not None:
            return self.tokens_of_text(text, int(where[1]) - 1, int(where[2]) - 1)
        if not set(self.pages) <= ocr:
            return []
        tries = (self.tokens_of_text(text, page, line) for page, line in self.starts if page in ocr)
        return max(tries, key=len, default=[])

    def after_box(self, token: Token) -> bool:
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
        for token in tokens(text):
            match = self._next(token, at, last + NEAR_LINES)
            if match:
                found.extend(match)
                at = match[-1] + 1
                last = self.tokens[match[-1]].line
        return found

    def _match(self, item: Any, leaf: Leaf, at: int) -> list[int]:
        if isinstance(item, datetime.date):
            return self._run(at, _datetokens(item), DATE_FILLERS, 2)
        if leaf.kind == "int":
            return self._run(at, _numbertokens(item), DURATION_WORDS, 1) or self._spelt(item, at)
        if leaf.kind == "choice":
            return self._sequence(tokens(leaf.choice_labels().get(str(item), str(item))), at)
        return self._sequence(tokens(str(item)), at)

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

    def _spelt(self, minutes: int, at: int) -> list[int]:
        """The fewest tokens of one line, from `at` (within a few lines), that read as a
        duration of `minutes` written in words ("an hour", "half an hour"): the reader's
        own reading of durations (`text.durations`) tells."""
        last_line = self.tokens[at].line + DATE_LINES if at < len(self.tokens) else at
        for end in range(at, len(self.tokens)):
            line = self.tokens[end].line
            if line >= last_line:
                break
            if self.tokens[end].text not in DURATION_WORDS:
                continue
            for first in range(end, max(at, end - SPELT_TOKENS) - 1, -1):
                if self.tokens[first].line != line:
                    break
                words = " ".join(self.tokens[i].text for i in range(first, end + 1))
                if read_duration_minutes(words) == minutes:
                    return list(range(first, end + 1))
        return []

    def _run(self, at: int, wanted: set[str], fillers: set[str], need: int) -> list[int]:
        """The first run of tokens from `at` (within a few lines) that are wanted ones, with
        fillers between them ("21st of April 2025"), holding `need` wanted tokens at least:
        first one that keeps to a column of its line (a table's "Aug | 27th Aug. 2026" is
        the date in its Date column, not the month column's words too), else any."""
        return self._run_in(at, wanted, fillers, need, True) or self._run_in(at, wanted, fillers, need, False)

    def _run_in(self, at: int, wanted: set[str], fillers: set[str], need: int, in_column: bool) -> list[int]:
        if at >= len(self.tokens):
            return []
        last_line = self._after_lines(self.tokens[at].line, DATE_LINES - 1)
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
                if in_column and self._parted(following - 1, following):
                    break
                run.append(following)
            while self.tokens[run[-1]].text not in wanted:
                run.pop()
            if sum(self.tokens[i].text in wanted for i in run) >= need:
                return run
        return []

    def _after_lines(self, line: int, count: int) -> int:
        """The first line past the `count` lines of the body after `line`: lines all in a
        page's top or bottom margin (a footer, the next page's header) are not counted, so
        a date a page break parts ("17th" | "Mar. 2027") is followed onto the next page."""
        while count > 0 and line + 1 in self.lines:
            line += 1
            page = self.places[line][0]
            if not all(self.outside_body(word, page) for word in self.lines[line]):
                count -= 1
        return line + 1 + count

    def _parted(self, left: int, right: int) -> bool:
        """Whether two tokens next to each other on one line stand in different columns."""
        one, other = self.tokens[left], self.tokens[right]
        page = self.places[one.line][0]
        return one.line == other.line and _apart(one.word, other.word, self.sizes.get(page, 0.0))


def _apart(left: Word, right: Word, usual: float) -> bool:
    """Whether two words of a line stand in different columns: a gap between them wider
    than a few letters of their size (or the page's usual size, for a line OCR made of
    dots and words, which it sizes as dots)."""
    return left is not right and right.x0 - left.x1 > COLUMN_GAP * max(left.size, right.size, usual)


def date_like(text: str) -> bool:
    """Whether a word reads as part of a date: a month's name, a day with its ending
    ("2nd"), or a date in figures ("02/10/2025")."""
    return (
        any(token in MONTH_WORDS or ORDINAL_DAY.fullmatch(token) is not None for token in tokens(text))
        or FIGURES_DATE.search(text) is not None
    )


def page_lines(page: Page) -> list[list[Word]]:
    """A page's lines as the layout numbers them (`forms/layout.py`): an OCR'd page's words
    share their line's top and bottom (`scan.py`), so its lines are its runs of equal ones."""
    lines: dict[tuple[float, float], list[Word]] = {}
    for word in page.words:
        lines.setdefault((word.top, word.bottom), []).append(word)
    ordered = sorted(lines.items(), key=lambda item: (item[0][0] + item[0][1], item[0][0]))
    return [sorted(words, key=lambda w: w.x0) for _, words in ordered]


def tokens(text: str) -> list[str]:
    return [t.casefold() for t in TOKEN.findall(text)]


def _datetokens(day: datetime.date) -> set[str]:
    month = MONTHS[day.month - 1]
    suffix = "th" if day.day in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(day.day % 10, "th")
    days = {str(day.day), f"{day.day:02d}", f"{day.day}{suffix}"}
    months = {str(day.month), f"{day.month:02d}", month, month[:3], month[:4]}
    return days | months | {str(day.year), f"{day.year % 100:02d}"}


def _numbertokens(number: Any) -> set[str]:
    """A number as it may be written: itself, and a duration in minutes as hours too."""
    found = {str(number)}
    if isinstance(number, int) and number % 15 == 0:
        hours, rest = divmod(number, 60)
        found |= {str(hours), {15: "25", 30: "5", 45: "75"}.get(rest, "0"), "½", f"{hours}½"}
    return found
