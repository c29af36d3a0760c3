"""What every answer place needs: the layout, the labels found, and printed text."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz

from ..knowledge import SHORT, FieldInfo, FormKnowledge
from ..text import LIST_MARK, fold, normalise
from ..unwrap import wraps
from .labels import Hit
from .layout import Layout, as_line

TAIL_SCORE = 85  # how like the printed tail text must be to count as it
MIN_TAIL = 4  # characters
BORDER_REACH = 40.0  # points: a row's border runs at least this far under the text below it
LABEL_WORDS = 4  # a piece this short ending with ":" is taken for a label
HANGING = 4.0  # of the font size: how far a list item's first line may start right of its next
TEXT_INDENT = 2.0  # of the font size: how far past a list number its item's text may be set (a tab stop)
SENTENCE_END = re.compile(r"[.!?:;…)\]\"”’]\s*$")
SHORT_LINE = 3  # words: a line shorter than this may end an answer even if it looks printed


@dataclass(frozen=True)
class Span:
    """Part of a piece: [start, end) of its text."""

    piece: int
    start: int
    end: int


def label_spans(hits: list[Hit]) -> list[Span]:
    """The text labels cover: a label may run over several pieces."""
    spans: list[Span] = []
    for hit in hits:
        for number in hit.pieces or (hit.piece,):
            start = hit.start if number == hit.piece else 0
            end = hit.end if number == hit.end_piece else 10**9
            spans.append(Span(number, start, end))
    return spans


def without(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with the given spans blanked out."""
    for start, end in sorted(spans):
        start, end = max(0, start), min(len(text), end)
        if end > start:
            text = text[:start] + " " * (end - start) + text[end:]
    return text


class Spots:
    """A laid-out form with its labels found: the helpers the answer places share."""

    def __init__(self, layout: Layout, hits: list[Hit], know: FormKnowledge) -> None:
        self.layout = layout
        self.pieces = layout.pieces
        self.know = know
        self.hits = hits
        self.label_pieces: set[int] = set()
        self.hit_starts: dict[int, list[int]] = defaultdict(list)
        for hit in hits:
            self.hit_starts[hit.piece].append(hit.start)
            self.label_pieces.update(hit.pieces)
        self._printed: dict[int, bool] = {}
        # what answers took: piece -> (start, end, the place of the label it answers)
        self.claimed: dict[int, list[tuple[int, int, tuple[int, int]]]] = {}
        self.doubt = ""  # why the last answer place read is not settled by the drawing, if it is not
        self.kinds = {info.path: info.kind for info in know.fields}
        self.by_line: dict[int, list[int]] = defaultdict(list)
        for number, piece in enumerate(self.pieces):
            self.by_line[piece.line].append(number)

    def add_hit(self, hit: Hit) -> None:
        """Count a label found after these spots were made."""
        if hit not in self.hits:
            self.hits.append(hit)
        self.hit_starts[hit.piece].append(hit.start)
        self.label_pieces.update(hit.pieces)

    def drop_hit(self, hit: Hit) -> None:
        """Forget a label `add_hit` counted, and the answer read for it."""
        self.hits.remove(hit)
        self.hit_starts[hit.piece].remove(hit.start)
        self.label_pieces = {n for other in self.hits for n in other.pieces}
        for number, spans in self.claimed.items():
            self.claimed[number] = [span for span in spans if span[2] != (hit.piece, hit.start)]

    def printed(self, number: int) -> bool:
        """Whether a piece is the form's own text; in a PDF, a short line counts when it
        and the line next to it in its column are printed text together."""
        if number not in self._printed:
            text = self.pieces[number].text
            found = self.know.is_printed(text) or bool(LIST_MARK.fullmatch(text.strip()))
            if not found and not self.layout.structured and fold(text):
                found = any(self.know.in_prose(joined) for joined in self._with_neighbours(number))
            elif found and not self.layout.structured and len(text.split()) < SHORT:
                found = not self._wraps_into_writing(number)
            self._printed[number] = found
        return self._printed[number]

    def printed_line(self, number: int) -> bool:
        """Whether a line is printed text, rather than the end of an answer run onto it
        (a word or two, such as "date.", may look like a printed heading)."""
        words = len(self.pieces[number].text.split())  # (as written: "child's" is one)
        return words >= SHORT_LINE and self.printed(number)

    def _wraps_into_writing(self, number: int) -> bool:
        """PDF: whether a short line the form also prints ("The supervisee's") runs on,
        wrapped, into a line under it that the form does not print: it starts a
        sentence someone wrote."""
        piece = self.pieces[number]
        for other in self.by_line.get(piece.line + 1, []):
            below = self.pieces[other]
            if abs(below.column - piece.column) <= self.layout.near and not self.know.is_printed(below.text):
                joined = fold(f"{piece.text} {below.text}")
                if wraps(as_line(self.layout, piece), as_line(self.layout, below)) and not self.know.in_prose(
                    joined
                ):
                    return True
        return False

    def _collect(self, candidates: list[int], info: FieldInfo) -> list[Span]:
        """Unprinted pieces from the first, past the label's printed tail (and any prompt)
        before them, up to the next label or printed text."""
        tail = fold(info.tail)
        spans: list[Span] = []
        for number in candidates:
            text = self.pieces[number].text
            if not spans and (self._in_tail(number, tail) or self.know.is_prompt(text) or not fold(text)):
                continue  # the label's printed tail (its hints, their bullets apart in a PDF), a prompt
            if number in self.label_pieces:
                return spans or self._before_label(number)
            run_onto = spans and self.runs_on(spans[-1].piece, number)  # (its last words)
            printed = self.printed_line(number) if run_onto else self.printed(number)
            stop = printed or self.know.is_prompt(text) or self.label_like(number)
            if stop or (spans and self._bordered(spans[-1].piece, number)):
                self.cut_short(spans, number)  # (a drawn row's border: the next row is not its answer)
                break
            spans.append(Span(number, 0, len(text)))
        return spans

    def cut_short(self, spans: list[Span], number: int) -> None:
        """PDF: doubt an answer ended before the piece `number` when its last line runs on
        into that piece mid-sentence: the answer would be cut short. That piece, under it
        in its column and no label, goes with the doubted answer (into unmapped): it may be
        its end, though the form prints the same words ("the child's record.")."""
        if spans and self.runs_on(spans[-1].piece, number):
            self.doubt = "the answer runs on mid-sentence into text that ends it"
            last, piece = self.pieces[spans[-1].piece], self.pieces[number]
            if (
                abs(piece.column - last.column) <= self.layout.near
                and number not in self.label_pieces
                and not self.label_like(number)
            ):
                spans.append(Span(number, 0, len(piece.text)))

    def runs_on(self, upper: int, lower: int) -> bool:
        """PDF: whether the line `lower` may carry on `upper` mid-sentence: `mid_sentence`,
        or, where the room left does not tell (a typesetter's table column), `upper` stops
        without a sentence's end and `lower`, in its column, starts in lower case."""
        above, below = self.pieces[upper], self.pieces[lower]
        return self.mid_sentence(upper, lower) or (
            not self.layout.structured
            and below.line == above.line + 1
            and abs(below.column - above.column) <= self.layout.near
            and below.text[:1].islower()
            and not SENTENCE_END.search(above.text)
        )

    def mid_sentence(self, upper: int, lower: int) -> bool:
        """PDF: whether the line `lower` carries on the line `upper` above it mid-sentence:
        no room was left for its first word, a word in lower case."""
        above, below = self.pieces[upper], self.pieces[lower]
        first = below.text.split()[0] if below.text.split() else ""
        return (
            not self.layout.structured
            and below.line == above.line + 1
            and first[:1].islower()
            and not LIST_MARK.fullmatch(first)
            and wraps(as_line(self.layout, above), as_line(self.layout, below))
        )

    def _bordered(self, upper: int, lower: int) -> bool:
        """PDF: whether a line is drawn between two pieces, across the lower one."""
        above, below = self.pieces[upper], self.pieces[lower]
        if self.layout.structured or above.line == below.line:
            return False
        inside = below.column + min(below.span, BORDER_REACH)  # (a tick box's edge is no border)
        return self.layout.drawn_between(
            above.line, below.line, below.column + 1
        ) and self.layout.drawn_between(above.line, below.line, inside)

    def label_like(self, number: int) -> bool:
        """Whether a piece reads as a label of its own ("Agreed on:", "To be reviewed
        on:"): a few words ending with a colon, nothing after it. Another field's label
        (an edition's wording not known) ends an answer rather than joining it."""
        text = self.pieces[number].text.strip()
        if not text.endswith(":") or not text[:1].isupper() or re.search(r"[.;,]", text):
            return False
        return 0 < len(fold(text).split()) <= LABEL_WORDS

    def _in_tail(self, number: int, tail: str) -> bool:
        norm = fold(self.pieces[number].text)
        if not tail or not norm:
            return False
        if norm in tail:
            return True
        return len(norm) >= 12 and fuzz.partial_ratio(norm[:64], tail) >= TAIL_SCORE

    def _before_label(self, number: int) -> list[Span]:
        """The text of a piece before the label that starts in it, if any."""
        starts = [s for s in self.hit_starts.get(number, []) if s > 0]
        text = self.pieces[number].text[: min(starts)] if starts else ""
        return [Span(number, 0, len(text))] if text.strip() else []

    def _following(self, hit: Hit) -> list[int]:
        """Pieces after the label's, in reading order (in a PDF, to the label's right or
        below it; in Word, outside the label's table row)."""
        label = self.pieces[hit.end_piece]
        left = self._line_start(hit.piece)
        found: list[int] = []
        for number in range(hit.end_piece + 1, len(self.pieces)):
            piece = self.pieces[number]
            if self.layout.structured:
                if label.row >= 0 and piece.row == label.row:
                    continue
            elif piece.line == label.line and piece.column < label.column:
                continue
            elif piece.line > label.line and piece.column < left - max(self.layout.near, label.size):
                written = any(fold(self.pieces[n].text) for n in found)  # (not just dot leaders)
                if written or not self._under_indented(hit, number, found):
                    if found:
                        break
                    continue
                left = piece.column  # the answer starts at the margin, under an indented label
            found.append(number)
        return found

    def _under_indented(self, hit: Hit, number: int, leaders: list[int]) -> bool:
        """PDF: whether a piece left of a label is the line right under it (or under
        the `leaders` that follow it), alone on its line and running on under the
        label, where nothing is printed left of the label on its line (a label indented
        as a list item, the answer typed at the margin below it) rather than another
        column's text."""
        piece, label = self.pieces[number], self.pieces[hit.end_piece]
        above = max([label.line, *(self.pieces[n].line for n in leaders)])
        return (
            piece.line == above + 1
            and self.by_line.get(piece.line) == [number]
            and piece.end_column > label.column
            and min(self.pieces[n].column for n in self.by_line[label.line]) == self.pieces[hit.piece].column
        )

    def _line_start(self, number: int) -> float:
        """PDF: where a piece's text starts, with the list number ("6.", "a)") printed
        apart before it on its line."""
        piece = self.pieces[number]
        marks = [
            self.pieces[n].column
            for n in self.by_line.get(piece.line, [])
            if self.pieces[n].column < piece.column and LIST_MARK.fullmatch(self.pieces[n].text.strip())
        ]
        return min([piece.column, *marks])

    def _text_column(self, number: int) -> float:
        """PDF: where a piece's text starts past the list number it starts with, if any:
        where the list's other items set their text, a little past the number (a
        hanging indent), when a list number alone in its piece shows it (a wider number
        pushes its own line's text further: "c)[d)]" where a tracked change renumbered it)."""
        piece = self.pieces[number]
        first = piece.text.split(maxsplit=1)[0] if piece.text.strip() else ""
        if not LIST_MARK.fullmatch(first):
            return piece.column
        past = piece.column + piece.lead
        hanging = [
            self.pieces[mark + 1].column
            for mark, other in enumerate(self.pieces[:-1])
            if LIST_MARK.fullmatch(other.text.strip())
            and abs(other.column - piece.column) <= self.layout.near
            and self.pieces[mark + 1].line == other.line
            and piece.column + piece.size <= self.pieces[mark + 1].column <= past + TEXT_INDENT * piece.size
        ]
        return min(hanging, default=past)

    def _suffix_at(self, text: str, suffix: str) -> int:
        """Where the printed `suffix` starts in `text` (len(text) when it is not there)."""
        wanted = " ".join(fold(suffix).split()[:4])
        if not wanted:  # punctuation alone ("…stored in ………… ."): the full stop is printed
            return _punctuation_at(text, suffix)
        norm = normalise(text)
        at = norm.text.find(wanted)
        if at < 0:
            return len(text)
        return norm.span(at, at + 1)[0]

    def _past_tail(self, text: str, tail: str) -> int:
        """How much of `text` is the label's printed tail (0 when it does not start with it)."""
        wanted = fold(tail)
        if not wanted:
            return 0
        norm = normalise(text)
        if norm.text and wanted.startswith(norm.text):
            return len(text)  # all of it is the start of the tail
        if len(norm.text) < MIN_TAIL:
            return 0
        match = fuzz.partial_ratio_alignment(wanted, norm.text, score_cutoff=TAIL_SCORE)
        if match is None or match.dest_start > max(MIN_TAIL, len(wanted) // 5):
            return 0  # the tail must start the text, give or take a reworded word
        if match.dest_end >= len(norm.text):
            return len(text)
        return norm.span(0, match.dest_end)[1]

    def _with_neighbours(self, number: int) -> list[str]:
        """A PDF line joined with the line above and with the line below it in its column,
        or in a list item's hanging indent (one line starting right of the other)."""
        piece = self.pieces[number]
        texts = []
        for line, before in ((piece.line - 1, True), (piece.line + 1, False)):
            for other in self.by_line.get(line, []):
                upper, lower = (self.pieces[other], piece) if before else (piece, self.pieces[other])
                indent = upper.column - lower.column
                if abs(indent) <= HANGING * max(upper.size, lower.size, 1.0):
                    texts.append(fold(f"{upper.text} {lower.text}"))
        return texts


def _punctuation_at(text: str, suffix: str) -> int:
    """Where a printed suffix of punctuation alone ends `text` (len(text) when it does not)."""
    mark = suffix.strip()
    kept = text.rstrip()
    if mark and kept.endswith(mark):
        return len(kept) - len(mark)
    return len(text)
