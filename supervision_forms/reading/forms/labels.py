"""Finding each field's printed label in a filled form: exact where it can, fuzzy where not.

Labels are compared on normalised text (case, punctuation, quotes, white space and any
"6." or "a)" numbering folded away). A short label (one or two words: "Manager",
"Date:") must start a paragraph, cell or column and match exactly. Where a label is not
printed word for word, the start of a paragraph, cell or line that says the same thing
in other words ("Name of Supervisee:" for "Supervisee name", by `wording.key`) takes
it; a longer one may match loosely (rapidfuzz) when it names the same people, and must
beat the next-best place by a clear margin, or the read is flagged as low-confidence.
Labels are placed longest first, and a place one label took is not given to another.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz

from ..text import LIST_MARK, Norm, fold, normalise, strip_numbering
from ..wording import LINKS, MAX_WORDS, key, keyed, roles
from .layout import Layout, Piece

Stage = Literal["exact", "reworded", "loose"]
Found = tuple[tuple[float, ...], int, int, float]  # rank, start, end, score

EXACT = 100.0  # the score of a label found word for word
MIN_SCORE = 84.0  # fuzzy score a long label needs
MARGIN = 6.0  # how far the best place must be ahead of the next-best
SHORT_WORDS = 2
NEEDLE = 64  # characters of a long label to search with
SEPARATOR = "|"
MAX_LABEL_LINES = 4  # PDF: lines a label may wrap over in its drawn cell
COLUMN_SKIP = 2  # lines: a PDF column's text carries on past this many lines without it
PROSE_WORDS = 4  # words of the line above that, with a label, would make printed prose
WINDOW_WORDS = 3  # how far a loose match's ends may move to fit the label best
LEAD = re.compile(r"^[\s·•▪◦‣*\-–\uf000-\uf0ff]*(?:\(?(?:\d{1,2}|[a-hA-H])[.)]\s*)?$")
GAP = re.compile(r"\S(?:\t|[ \u00a0]{3,})$")  # a label after a gap on its line: "Date ……   Review date"
AFTER_LABEL = re.compile(r"[\s:?)\]–\-'’\"”]*")
LABEL_ENDS = re.compile(r"\s*(?:[:?]|$)|\t|\s{2,}")  # after a reworded label: a colon, or a gap
NUMBER = re.compile(r"\d{1,2}")
COLON = re.compile(r"[ \t]*:")
# After words that are not closed: more words up to a colon or "?" (a longer label of its own)
LONGER_LABEL = re.compile(r" +[^\s.:?!][^.:?!\t\n]*[:?]")
POSSESSIVE = re.compile(r"['’]s\b", re.IGNORECASE)  # after a word: it is a possessive
COLUMN_START = re.compile(r"(?:\t|\s{3,})[\s·•▪◦‣*\-–]*$")
COLUMN = re.compile(r"\t\s*|\s{3,}")  # a tab (or a wide run of spaces) starts a column in a paragraph


@dataclass(frozen=True)
class Stream:
    """Pieces read as one run of text: a cell, a paragraph, or a PDF column's lines."""

    pieces: tuple[int, ...]
    starts: tuple[int, ...]  # where each piece starts in `text`
    text: str
    norm: Norm


@dataclass(frozen=True)
class Hit:
    """Where a label was found: from (piece, offset) to (end piece, offset), with a score."""

    path: str
    piece: int
    start: int
    end_piece: int
    end: int
    score: float
    ambiguous: bool = False
    pieces: tuple[int, ...] = ()  # every piece the label covers, first to last


class Finder:
    """Searches the form's text for labels; remembers which places are taken.

    `prose` tells printed running text: in a PDF, a short label at the start of a line
    that only continues the printed sentence above ("...by both the supervisor and the /
    supervisee.") is not taken for the label. `whole` tells one of the form's printed lines
    (a heading, a paragraph) word for word: in a PDF, the line after it starts anew even
    where it had no room left (a title set across the page)."""

    def __init__(
        self,
        layout: Layout,
        prose: Callable[[str], bool] | None = None,
        whole: Callable[[str], bool] | None = None,
    ) -> None:
        self.layout = layout
        self.prose = prose
        self.whole = whole
        cached = layout.derived.get("streams")
        self.streams: list[Stream] = cached if isinstance(cached, list) else list(_streams(layout))
        layout.derived["streams"] = self.streams
        self.offsets: list[int] = []
        parts: list[str] = []
        position = 0
        for stream in self.streams:
            self.offsets.append(position)
            parts.append(stream.norm.text)
            position += len(stream.norm.text) + 1
        self.text = SEPARATOR.join(parts)
        self.hits: list[Hit] = []
        self.label_of: dict[str, str] = {}  # field path -> the label found for it
        self._starts: dict[tuple[int, int, int], list[tuple[int, int]]] = {}  # `_first_words`, till a claim

    # --- searching everywhere -----------------------------------------------------------

    def find(
        self,
        path: str,
        labels: Iterable[str],
        *,
        at_start: bool = False,
        stage: Stage = "exact",
        tabular: bool = False,
        at_end: bool = False,
    ) -> Hit | None:
        """The best place for one of `labels`, or None; the place is then taken. With
        `at_start`, only where the label starts a paragraph, cell or line. The `stage`
        says how alike the printed words must be: "exact" (word for word: the label
        first, an alias only when the label is not there), "reworded" (the same words
        that carry meaning, in any order: `wording.key`), or "loose" (a long label worded
        a little differently). With `tabular` (a column heading), places in a table (or
        a PDF line of columns) first; with `at_end` (an answer written before its label), a
        short label may end its piece instead."""
        found = self._places(list(labels), at_start, stage, tabular, at_end)
        return self._claim_best(path, found, lambda first, second: _close(first[0], second[0]))

    def take(self, path: str, piece: int, start: int, end: int, score: float) -> Hit | None:
        """Take [start, end) of a piece's text as the label of the field at `path` (a
        label found by other means); None when part of it is taken already."""
        for number, stream in enumerate(self.streams):
            if piece not in stream.pieces:
                continue
            offset = stream.starts[stream.pieces.index(piece)]
            base = self.offsets[number]
            first = base + bisect.bisect_left(stream.norm.index, offset + start)
            last = base + bisect.bisect_left(stream.norm.index, offset + end)
            last -= self.text[first:last].endswith(" ")
            if last <= first or SEPARATOR in self.text[first:last]:
                return None
            return self._claim(path, first, last, score, False)
        return None

    def occurs(self, labels: Iterable[str], at_start: bool = False, *, loose: bool = False) -> bool:
        """Whether one of `labels` is printed where a label could be; with `loose`, one
        reworded, or a long one worded a little differently, counts."""
        stages: tuple[Stage, ...] = ("exact", "reworded", "loose") if loose else ("exact",)
        return any(self._places(list(labels), at_start, stage) for stage in stages)

    def _places(
        self, labels: list[str], at_start: bool, stage: Stage, tabular: bool = False, at_end: bool = False
    ) -> list[Found]:
        if stage == "reworded":
            keys = {key(label) for label in labels if keyed(label)}
            return self._reworded(keys.__contains__) if keys else []
        for label in labels:  # the label first; an alias only when the label is not there
            needle = fold(strip_numbering(label))
            if not needle:
                continue
            if stage == "exact":
                found = self._exact(needle, at_start, tabular, at_end)
            else:
                found = self._fuzzy(needle, at_start) if len(needle.split()) > SHORT_WORDS else []
            if found:
                return found
        return []

    def _exact(self, needle: str, at_start: bool, tabular: bool = False, at_end: bool = False) -> list[Found]:
        found = []
        short = len(needle.split()) <= SHORT_WORDS
        at = self.text.find(needle)
        while at >= 0:
            end = at + len(needle)
            before_ok = at == 0 or self.text[at - 1] in " " + SEPARATOR
            after_ok = end == len(self.text) or self.text[end] in " " + SEPARATOR
            if before_ok and (after_ok or not short):
                rank = self._rank(at, end, EXACT, short or at_start, at_end=at_end, inline=not at_start)
                if rank is not None:
                    found.append(((float(tabular and self._in_columns(at)), *rank), at, end, EXACT))
            at = self.text.find(needle, at + 1)
        plain = [item for item in found if not self._possessive(item[1], item[2])]
        return plain or found

    def _possessive(self, start: int, end: int) -> bool:
        """Whether the words at [start, end) go on as a possessive ("Supervisee's name"):
        the start of another label, when the label itself is printed elsewhere too."""
        raw, offset = self._raw_offset(self._stream(start), end)
        return POSSESSIVE.match(raw, offset) is not None

    def _fuzzy(self, needle: str, at_start: bool) -> list[Found]:
        head = needle[:NEEDLE].rsplit(" ", 1)[0] if len(needle) > NEEDLE else needle
        extra = len(needle) - len(head)
        found = []
        text = self.text
        for _ in range(2):  # the best place, and the next-best for the margin
            match = fuzz.partial_ratio_alignment(head, text, score_cutoff=MIN_SCORE - MARGIN)
            if match is None:
                break
            start, end = _within_stream(text, match.dest_start, match.dest_end)
            start, end, score = _best_window(text, start, min(_stream_end(text, start), end + extra), needle)
            rank = self._rank(start, end, score, at_start) if end > start else None
            if rank is not None and roles(text[start:end]) == roles(needle):  # the same people
                found.append(((0.0, *rank), start, end, score))
            text = (
                text[: match.dest_start]
                + SEPARATOR * (match.dest_end - match.dest_start)
                + text[match.dest_end :]
            )
        if found and found[0][3] < MIN_SCORE:
            return []
        return found

    def find_named(
        self, path: str, names: Callable[[frozenset[str]], bool], fits: Callable[[str], bool]
    ) -> Hit | None:
        """A label the form does not print that names the field at `path` in its own
        words ("Duration:" for `duration_minutes`): at the start of a paragraph, cell,
        line or tabbed column, closed (a word alone by a colon); `names` tells a label's key that names
        the field (and no other). Text after it on its line must `fit` the field: words
        that cannot be its value ("Duration: longer when court work is heavy" in an
        answer) are someone's writing, not a label."""
        found = [
            item
            for item in self._reworded(names, closed_only=True)
            if not (after := self._after(item[2])) or fits(after)
        ]
        return self._claim_best(path, found, lambda first, second: True)

    def _after(self, end: int) -> str:
        """The text after a label ending at `end` (in the searched text) on its piece, past its colon."""
        text, offset = self._raw_offset(self._stream(end - 1), end)
        rest = text[offset:]
        match = AFTER_LABEL.match(rest)
        return rest[match.end() if match else 0 :].strip()

    def _reworded(
        self, wanted: Callable[[frozenset[str]], bool], *, closed_only: bool = False
    ) -> list[Found]:
        """Places where a paragraph, cell, line or tabbed column starts with words whose
        key is `wanted`; closed by a colon or a gap, or of two words or more (with
        `closed_only`: closed by a colon)."""
        found: list[Found] = []
        for number, stream in enumerate(self.streams):
            for member, piece in enumerate(stream.pieces):
                text = self.layout.pieces[piece].text
                for column in (0, *(m.end() for m in COLUMN.finditer(text))):
                    words = self._first_words(number, member, column)
                    skip = 1 if words and NUMBER.fullmatch(self.text[words[0][0] : words[0][1]]) else 0
                    for count in range(len(words), skip, -1):
                        start, end = words[skip][0], words[count - 1][1]
                        if not wanted(key(self.text[start:end])):
                            continue
                        ends = COLON if closed_only and count - skip < 2 else LABEL_ENDS
                        raw = self._raw_offset(number, end)
                        closed = ends.match(*raw)
                        long_enough = (
                            _meaningful(self.text[start:end]) >= 2
                            and not closed_only
                            and not LONGER_LABEL.match(*raw)
                        )
                        if closed or (long_enough and not self.runs_on(piece, ends=True)):
                            rank = self._rank(start, end, EXACT, True, columns=column > 0)
                            if rank is not None:
                                found.append(((float(bool(closed)), *rank), start, end, EXACT))
                        break
        return found

    def runs_on(self, number: int, *, ends: bool = False) -> bool:
        """PDF: whether a line carries on the line above in its column, which had no room
        left for its first word (a sentence wrapped, not a label starting a line): in its
        drawn cell on the same page, or from the foot of the page before (a row the page
        break split). With `ends`, a line that is one of the form's printed lines whole (of
        a few words) ends there: the next starts anew."""
        if self.layout.structured:
            return False
        piece = self.layout.pieces[number]
        page = self.layout.page(piece.line)
        return any(
            other.line == piece.line - 1
            and abs(other.column - piece.column) <= self.layout.near
            and other.room < piece.lead
            and not (ends and self._printed_whole(other.text))
            and (
                (other.cell == piece.cell and self.layout.page(other.line) == page)
                or self.layout.page(other.line) == page - 1  # (so `number` is on its page's first line)
            )
            for other in self.layout.pieces
        )

    def _printed_whole(self, text: str) -> bool:
        """Whether a line is one of the form's printed lines word for word, of a few words."""
        return self.whole is not None and len(text.split()) >= PROSE_WORDS and self.whole(text)

    def _first_words(self, stream: int, member: int, column: int) -> list[tuple[int, int]]:
        """The first words of a stream's piece from `column` (a character of it), as
        [start, end) in the searched text, up to a place already taken; in a PDF, on
        through the lines the piece wrapped onto in its drawn cell (a label wrapped there).
        Kept until a place is taken: detection asks for every form's labels in turn."""
        if (stream, member, column) in self._starts:
            return self._starts[(stream, member, column)]
        found = self.streams[stream]
        piece_start = found.starts[member]
        last = member + len(self.wrapped_in_cell(found.pieces[member]))
        piece_end = found.starts[last] + len(self.layout.pieces[found.pieces[last]].text)
        base = self.offsets[stream]
        at = bisect.bisect_left(found.norm.index, piece_start + column)
        words: list[tuple[int, int]] = []
        while at < len(found.norm.text) and found.norm.index[at] < piece_end and len(words) <= MAX_WORDS:
            end = found.norm.text.find(" ", at)
            end = len(found.norm.text) if end < 0 else end
            if SEPARATOR in self.text[base + at : base + end]:
                break
            words.append((base + at, base + end))
            at = end + 1
        self._starts[(stream, member, column)] = words
        return words

    def _raw_offset(self, stream: int, end: int) -> tuple[str, int]:
        """The text of the piece a word ending at `end` (in the searched text) is in, and
        where the word ends in it."""
        local = self.streams[stream].norm.span(0, end - self.offsets[stream])[1]
        piece, offset = self._locate(stream, local)
        return self.layout.pieces[piece].text, offset

    def wrapped_in_cell(self, number: int) -> list[int]:
        """PDF: the lines after the piece `number` in its stream that it wrapped onto
        inside its drawn cell: each line above had no room for the next one's first
        word, or the next line goes on in lower case."""
        pieces = self.layout.pieces
        if self.layout.structured or pieces[number].cell < 0:
            return []
        stream = next(s for s in self.streams if number in s.pieces)
        wrapped: list[int] = []
        above = number
        for piece in stream.pieces[stream.pieces.index(number) + 1 :]:
            if len(wrapped) + 1 == MAX_LABEL_LINES or not self.goes_on(above, piece):
                break
            wrapped.append(piece)
            above = piece
        return wrapped

    def goes_on(self, upper: int, lower: int) -> bool:
        """PDF: whether the piece `lower` carries on `upper`'s text: the next line of its
        drawn cell going on in lower case, or a line the one above had no room for."""
        above, below = self.layout.pieces[upper], self.layout.pieces[lower]
        next_line = below.cell == above.cell and below.line == above.line + 1
        return (next_line and below.text[:1].islower()) or self.runs_on(lower)

    def _rank(
        self,
        start: int,
        end: int,
        score: float,
        short: bool,
        *,
        columns: bool = False,
        at_end: bool = False,
        inline: bool = False,
    ) -> tuple[float, ...] | None:
        """How good a place is (None: not allowed): score, at a start, little after it.
        A `short` label (or one that must start its piece) must start its piece (with
        `columns`, or a tabbed column in it); with `at_end`, it must end its piece instead
        (its answer written before it). An `inline` label's answer follows it on its line:
        text after it does not count against it."""
        if self._overlaps(self._hit("", start, end, score, False)):
            return None
        stream = self._stream(start)
        local_start = self.streams[stream].norm.span(start - self.offsets[stream], end - self.offsets[stream])
        piece, offset = self._locate(stream, local_start[0])
        text = self.layout.pieces[piece].text
        at_start = bool(
            LEAD.match(text[:offset])
            or GAP.search(text[:offset])
            or (columns and COLUMN_START.search(text[:offset]))
        )
        end_piece, end_offset = self._locate(stream, local_start[1])
        if at_end:
            ends = not fold(self.layout.pieces[end_piece].text[end_offset:])
            return (round(score), float(ends), -start / 1e7) if ends or not short else None
        if short and not at_start:
            return None
        if short and self._continues_prose(stream, piece, end_offset if end_piece == piece else len(text)):
            return None
        rest = 0 if inline else len(fold(self.layout.pieces[end_piece].text[end_offset:]).split())
        return (round(score), float(at_start), -min(rest, 12) / 4, -start / 1e7)

    def _in_columns(self, position: int) -> bool:
        """Whether the text at `position` is in a table cell, or on a PDF line of columns."""
        stream = self._stream(position)
        local = self.streams[stream].norm.span(
            position - self.offsets[stream], position - self.offsets[stream] + 1
        )
        piece = self.layout.pieces[self._locate(stream, local[0])[0]]
        if self.layout.structured:
            return piece.row >= 0
        return sum(1 for p in self.layout.pieces if p.line == piece.line) > 1

    def _continues_prose(self, stream: int, piece: int, end: int) -> bool:
        """PDF: whether a label's words carry on the printed sentence before them: the
        line above it in its column, or the pieces left of it on its line (a justified
        line drawn word by word)."""
        members = self.streams[stream].pieces
        at = members.index(piece)
        pieces = self.layout.pieces
        if self.layout.structured or self.prose is None:
            return False
        left = piece
        while left > 0 and pieces[left - 1].line == pieces[piece].line:
            left -= 1
        above = [pieces[members[at - 1]].text] if at > 0 else []
        beside = " ".join(p.text for p in pieces[left:piece])
        for text in [*above, "" if LIST_MARK.fullmatch(beside.strip()) else beside]:  # (not its number)
            before = fold(text).split()[-PROSE_WORDS:]
            if before and self.prose(" ".join(before) + " " + fold(pieces[piece].text[:end])):
                return True
        return False

    # --- searching near another label ---------------------------------------------------

    def find_near(self, path: str, labels: Iterable[str], anchor: Hit) -> Hit | None:
        """One of `labels` after `anchor`, on its line, in its row, or on the next line."""
        for piece in self._near(anchor):
            text = self.layout.pieces[piece].text
            skip = anchor.end if piece == anchor.end_piece else 0
            norm = normalise(text[skip:])
            for label in labels:
                needle = fold(strip_numbering(label))
                at = _word_find(norm.text, needle)
                if at is None:
                    continue
                start, end = norm.span(at, at + len(needle))
                hit = Hit(
                    path, piece, start + skip, piece, _label_end(text, end + skip), EXACT, pieces=(piece,)
                )
                if not self._overlaps(hit):
                    self.hits.append(hit)
                    return hit
        return None

    def _near(self, anchor: Hit) -> list[int]:
        """Where to look for labels that go with `anchor`, nearest first (in a PDF, right
        of its start, or in its drawn cell under it)."""
        pieces = self.layout.pieces
        home = pieces[anchor.end_piece]
        if self.layout.structured and home.row >= 0:
            same_row = [i for i, p in enumerate(pieces) if p.row == home.row and p.column >= home.column]
            return sorted(same_row, key=lambda i: (i != anchor.end_piece, pieces[i].column, pieces[i].line))
        if self.layout.structured:  # a paragraph, and the one after it if also outside tables
            after = anchor.end_piece + 1
            return [anchor.end_piece] + ([after] if after < len(pieces) and pieces[after].row < 0 else [])
        first = pieces[anchor.piece]
        lines = range(first.line, home.line + 3)
        return [
            i
            for i, p in enumerate(pieces)
            if p.line in lines
            and i not in anchor.pieces[:-1]
            and (
                p.column > first.column
                or i == anchor.end_piece
                or (i > anchor.end_piece and -1 < p.cell == first.cell)
            )
        ]

    # --- bookkeeping --------------------------------------------------------------------

    def _claim_best(self, path: str, found: list[Found], alike: Callable[[Found, Found], bool]) -> Hit | None:
        """The best of the places `found` claimed for `path`; ambiguous when the next best is `alike`."""
        if not found:
            return None
        found.sort(key=lambda item: item[0], reverse=True)
        _, start, end, score = found[0]
        return self._claim(path, start, end, score, len(found) > 1 and alike(found[0], found[1]))

    def _claim(self, path: str, start: int, end: int, score: float, ambiguous: bool) -> Hit:
        """The label of the field at `path` at [start, end) of the searched text, taken."""
        self.text = self.text[:start] + SEPARATOR * (end - start) + self.text[end:]
        self._starts.clear()
        hit = self._hit(path, start, end, score, ambiguous)
        self.hits.append(hit)
        return hit

    def _hit(self, path: str, start: int, end: int, score: float, ambiguous: bool) -> Hit:
        stream = self._stream(start)
        local = self.streams[stream].norm.span(start - self.offsets[stream], end - self.offsets[stream])
        piece, offset = self._locate(stream, local[0])
        if LEAD.match(self.layout.pieces[piece].text[:offset]):
            offset = 0  # the label's number ("7.") goes with it
        end_piece, end_offset = self._locate(stream, local[1])
        text = self.layout.pieces[end_piece].text
        members = self.streams[stream].pieces
        covered = members[members.index(piece) : members.index(end_piece) + 1]
        return Hit(path, piece, offset, end_piece, _label_end(text, end_offset), score, ambiguous, covered)

    def _stream(self, position: int) -> int:
        return max(0, bisect.bisect_right(self.offsets, position) - 1)

    def _locate(self, stream: int, offset: int) -> tuple[int, int]:
        """The piece and offset in it of an offset in a stream's text."""
        found = self.streams[stream]
        number = max(0, bisect.bisect_right(found.starts, offset) - 1)
        piece = found.pieces[number]
        return piece, min(offset - found.starts[number], len(self.layout.pieces[piece].text))

    def _overlaps(self, hit: Hit) -> bool:
        """Whether another label already covers part of this one."""
        for other in self.hits:
            shared = set(other.pieces) & set(hit.pieces)
            for piece in shared:
                a = (
                    other.start if piece == other.piece else 0,
                    other.end if piece == other.end_piece else 10**9,
                )
                b = (hit.start if piece == hit.piece else 0, hit.end if piece == hit.end_piece else 10**9)
                if a[0] < b[1] and b[0] < a[1]:
                    return True
        return False


def _meaningful(words: str) -> int:
    """How many of the words are more than links ("The supervisor": one, "Supervisor name": two)."""
    return sum(word not in LINKS for word in words.split())


def _close(best: tuple[float, ...], second: tuple[float, ...]) -> bool:
    """Whether two places are too alike to choose between with confidence: the same in
    all but a score within the margin. (A rank: in a table, score, at a start, little
    after it, earlier.)"""
    return best[0] == second[0] and best[1] - second[1] < MARGIN and best[2:4] == second[2:4]


def _word_find(norm: str, needle: str) -> int | None:
    at = norm.find(needle)
    while at >= 0:
        end = at + len(needle)
        if (at == 0 or norm[at - 1] == " ") and (end == len(norm) or norm[end] == " "):
            return at
        at = norm.find(needle, at + 1)
    return None


def _best_window(text: str, start: int, end: int, needle: str) -> tuple[int, int, float]:
    """The span of whole words near [start, end) that reads most like `needle` (a loose
    match found by fixed-length alignment may start or end a word or two out)."""
    first, last = _stream_start(text, start), _stream_end(text, start)
    starts = _near_bounds(text, _word_start(text, start), first, last, WINDOW_WORDS, starting=True)
    ends = _near_bounds(text, _word_end(text, end), first, last, WINDOW_WORDS, starting=False)
    best = (start, end, -1.0)
    for a in starts:
        for b in ends:
            if b > a:
                score = fuzz.ratio(needle, text[a:b])
                if score > best[2]:
                    best = (a, b, score)
    return best


def _near_bounds(text: str, at: int, first: int, last: int, words: int, *, starting: bool) -> list[int]:
    """Word starts (or ends) within `words` words of `at`, inside [first, last]."""
    marks = [m.start() if starting else m.end() for m in re.finditer(r"[^ |]+", text[first:last])]
    marks = [first + m for m in marks]
    if at not in marks:
        return [at]
    index = marks.index(at)
    return marks[max(0, index - words) : index + words + 1]


def _stream_start(text: str, at: int) -> int:
    return text.rfind(SEPARATOR, 0, at) + 1


def _within_stream(text: str, start: int, end: int) -> tuple[int, int]:
    """A match cut back to the one stream (between separators) holding most of it."""
    parts = []
    at = start
    while at < end:
        stop = text.find(SEPARATOR, at, end)
        stop = end if stop < 0 else stop
        if stop > at:
            parts.append((at, stop))
        at = stop + 1
    return max(parts, key=lambda p: p[1] - p[0]) if parts else (start, start)


def _stream_end(text: str, at: int) -> int:
    stop = text.find(SEPARATOR, at)
    return len(text) if stop < 0 else stop


def _word_start(text: str, at: int) -> int:
    while at > 0 and text[at - 1] not in " " + SEPARATOR:
        at -= 1
    return at


def _word_end(text: str, at: int) -> int:
    while at < len(text) and text[at] not in " " + SEPARATOR:
        at += 1
    return at


def _label_end(text: str, end: int) -> int:
    """Just after a label and the colon or question mark that closes it."""
    match = AFTER_LABEL.match(text, end)
    return match.end() if match else end


def _continues(layout: Layout, last: Piece, piece: Piece) -> bool:
    """PDF: whether `piece` carries on the column `last` is in: the same column, on the
    next line or the one after (the cell beside may have more lines), no border between."""
    if abs(last.column - piece.column) > layout.near or not 0 < piece.line - last.line <= COLUMN_SKIP:
        return False
    return not layout.rule_between(last.line, piece.line, piece.column + 1)


def _streams(layout: Layout) -> Iterable[Stream]:
    """Runs of pieces to search: a Word cell or paragraph; in a PDF, the lines of a column."""
    groups: list[list[int]] = []
    if layout.structured:
        current: dict[int, list[int]] = {}
        for number, piece in enumerate(layout.pieces):
            if piece.cell < 0:
                groups.append([number])
            elif piece.cell in current:
                current[piece.cell].append(number)
            else:
                current[piece.cell] = [number]
                groups.append(current[piece.cell])
    else:
        open_runs: list[tuple[Piece, list[int]]] = []
        for number, piece in enumerate(layout.pieces):
            joinable = [(last, r) for last, r in open_runs if _continues(layout, last, piece)]
            run = max(joinable, key=lambda item: item[0].line)[1] if joinable else None  # the nearest
            open_runs = [
                (last, r) for last, r in open_runs if last.line >= piece.line - COLUMN_SKIP and r is not run
            ]
            if run is None:
                run = [number]
                groups.append(run)
            else:
                run.append(number)
            open_runs.append((piece, run))
    for group in groups:
        texts = [layout.pieces[i].text for i in group]
        starts, position = [], 0
        for text in texts:
            starts.append(position)
            position += len(text) + 1
        joined = "\n".join(texts)
        yield Stream(tuple(group), tuple(starts), joined, normalise(joined))
