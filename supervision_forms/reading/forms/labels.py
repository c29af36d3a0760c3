"""Finding each field's printed label in a filled form: exact where it can, fuzzy where not.

Labels are compared on normalised text (case, punctuation, quotes, white space and any
"6." or "a)" numbering folded away). A short label (one or two words: "Manager",
"Date:") must start a paragraph, cell or column and match exactly; a longer one may
match loosely (rapidfuzz), and must beat the next-best place by a clear margin, or the
read is flagged as low-confidence. Labels are placed longest first, and a place one
label took is not given to another.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz

from .layout import Layout, Piece
from .text import Norm, fold, normalise, strip_numbering

MIN_SCORE = 84.0  # fuzzy score a long label needs
MARGIN = 6.0  # how far the best place must be ahead of the next-best
SHORT_WORDS = 2
NEEDLE = 64  # characters of a long label to search with
SEPARATOR = "|"
PROSE_WORDS = 4  # words of the line above that, with a label, would make printed prose
LEAD = re.compile(r"^[\s·•▪◦‣*\-–\uf000-\uf0ff]*(?:\(?(?:\d{1,2}|[a-hA-H])[.)]\s*)?$")
AFTER_LABEL = re.compile(r"[\s:?)\]–\-'’\"”]*")


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
    supervisee.") is not taken for the label."""

    def __init__(self, layout: Layout, prose: Callable[[str], bool] | None = None) -> None:
        self.layout = layout
        self.prose = prose
        self.streams = list(_streams(layout))
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

    # --- searching everywhere -----------------------------------------------------------

    def find(self, path: str, labels: Iterable[str]) -> Hit | None:
        """The best place for one of `labels`, or None; the place is then taken."""
        found: list[tuple[tuple[float, ...], int, int, float]] = []
        for label in labels:
            needle = fold(strip_numbering(label))
            if needle:
                found.extend(self._exact(needle))
                if not found and len(needle.split()) > SHORT_WORDS:
                    found.extend(self._fuzzy(needle))
        if not found:
            return None
        found.sort(key=lambda item: item[0], reverse=True)
        _, start, end, score = found[0]
        ambiguous = len(found) > 1 and _close(found[0][0], found[1][0])
        self.text = self.text[:start] + SEPARATOR * (end - start) + self.text[end:]
        hit = self._hit(path, start, end, score, ambiguous)
        self.hits.append(hit)
        return hit

    def occurs(self, needle: str) -> bool:
        """Whether a (normalised) label is printed where a label could be."""
        return bool(self._exact(needle))

    def _exact(self, needle: str) -> list[tuple[tuple[float, ...], int, int, float]]:
        found = []
        short = len(needle.split()) <= SHORT_WORDS
        at = self.text.find(needle)
        while at >= 0:
            end = at + len(needle)
            before_ok = at == 0 or self.text[at - 1] in " " + SEPARATOR
            after_ok = end == len(self.text) or self.text[end] in " " + SEPARATOR
            if before_ok and (after_ok or not short):
                rank = self._rank(at, end, 100.0, short)
                if rank is not None:
                    found.append((rank, at, end, 100.0))
            at = self.text.find(needle, at + 1)
        return found

    def _fuzzy(self, needle: str) -> list[tuple[tuple[float, ...], int, int, float]]:
        head = needle[:NEEDLE].rsplit(" ", 1)[0] if len(needle) > NEEDLE else needle
        extra = len(needle) - len(head)
        found = []
        text = self.text
        for _ in range(2):  # the best place, and the next-best for the margin
            match = fuzz.partial_ratio_alignment(head, text, score_cutoff=MIN_SCORE - MARGIN)
            if match is None:
                break
            start = _word_start(text, match.dest_start)
            end = _word_end(text, min(len(text), match.dest_end + extra))
            rank = self._rank(start, end, match.score, False)
            if rank is not None:
                found.append((rank, start, end, match.score))
            text = text[: match.dest_start] + SEPARATOR * (match.dest_end - match.dest_start) + text[match.dest_end :]
        if found and found[0][3] < MIN_SCORE:
            return []
        return found

    def _rank(self, start: int, end: int, score: float, short: bool) -> tuple[float, ...] | None:
        """How good a place is (None: not allowed): score, at a start, little after it."""
        if self._overlaps(self._hit("", start, end, score, False)):
            return None
        stream = self._stream(start)
        local_start = self.streams[stream].norm.span(start - self.offsets[stream], end - self.offsets[stream])
        piece, offset = self._locate(stream, local_start[0])
        text = self.layout.pieces[piece].text
        at_start = bool(LEAD.match(text[:offset]))
        if short and not at_start:
            return None
        end_piece, end_offset = self._locate(stream, local_start[1])
        if short and self._continues_prose(stream, piece, end_offset if end_piece == piece else len(text)):
            return None
        rest = len(fold(self.layout.pieces[end_piece].text[end_offset:]).split())
        return (round(score), float(at_start), -min(rest, 12) / 4, -start / 1e7)

    def _continues_prose(self, stream: int, piece: int, end: int) -> bool:
        members = self.streams[stream].pieces
        at = members.index(piece)
        if self.layout.structured or self.prose is None or at == 0:
            return False
        before = fold(self.layout.pieces[members[at - 1]].text).split()[-PROSE_WORDS:]
        if not before:
            return False
        return self.prose(" ".join(before) + " " + fold(self.layout.pieces[piece].text[:end]))

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
                hit = Hit(path, piece, start + skip, piece, _label_end(text, end + skip), 100.0, pieces=(piece,))
                if not self._overlaps(hit):
                    self.hits.append(hit)
                    return hit
        return None

    def _near(self, anchor: Hit) -> list[int]:
        pieces = self.layout.pieces
        home = pieces[anchor.end_piece]
        if self.layout.structured and home.row >= 0:
            same_row = [i for i, p in enumerate(pieces) if p.row == home.row and p.column >= home.column]
            return sorted(same_row, key=lambda i: (i != anchor.end_piece, pieces[i].column, pieces[i].line))
        if self.layout.structured:
            return [anchor.end_piece]
        lines = (home.line, home.line + 1, home.line + 2)
        return [
            i
            for i, p in enumerate(pieces)
            if p.line in lines and (p.line > home.line or i >= anchor.end_piece)
        ]

    # --- bookkeeping --------------------------------------------------------------------

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
                a = (other.start if piece == other.piece else 0, other.end if piece == other.end_piece else 10**9)
                b = (hit.start if piece == hit.piece else 0, hit.end if piece == hit.end_piece else 10**9)
                if a[0] < b[1] and b[0] < a[1]:
                    return True
        return False


def _close(best: tuple[float, ...], second: tuple[float, ...]) -> bool:
    """Whether two places are too alike to choose between with confidence."""
    return best[0] - second[0] < MARGIN and best[1] == second[1] and best[2] == second[2]


def _word_find(norm: str, needle: str) -> int | None:
    at = norm.find(needle)
    while at >= 0:
        end = at + len(needle)
        if (at == 0 or norm[at - 1] == " ") and (end == len(norm) or norm[end] == " "):
            return at
        at = norm.find(needle, at + 1)
    return None


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
            run = next(
                (
                    r
                    for last, r in open_runs
                    if last.line == piece.line - 1 and abs(last.column - piece.column) <= layout.near
                ),
                None,
            )
            open_runs = [(last, r) for last, r in open_runs if last.line >= piece.line - 1 and r is not run]
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
