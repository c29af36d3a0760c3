"""Where an answer sits relative to its label, and taking it from there.

Each place in the pack file (right, below, after, dots, signature) tries its own spot
first, then the spots people also use: a name typed after "Name of supervisor:" rather
than under it, an answer typed in the label's own cell rather than the one beside it.
A spot counts when, cleaned of prompts and dot leaders, something is left.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz import fuzz

from .answers import clean, flow
from .knowledge import FieldInfo, Knowledge
from .labels import Hit
from .layout import Layout, Piece
from .text import fold, normalise

MAX_BLANK_ROWS = 2
MAX_FLOW_LINES = 4  # lines an answer on dot leaders may wrap over in a PDF
MAX_WRAP_LINES = 2  # lines a short answer (a name, a date) may wrap over in a PDF cell


@dataclass(frozen=True)
class Span:
    """Part of a piece: [start, end) of its text."""

    piece: int
    start: int
    end: int


@dataclass(frozen=True)
class Answer:
    text: str
    source: str
    spans: tuple[Span, ...]


Strategy = Callable[[Hit, FieldInfo], list[Span]]


class Places:
    """Reads answers from a laid-out form, given where the labels were found."""

    def __init__(self, layout: Layout, hits: list[Hit], know: Knowledge) -> None:
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
        self.claimed: set[int] = set()  # pieces an answer took
        self.by_line: dict[int, list[int]] = defaultdict(list)
        for number, piece in enumerate(self.pieces):
            self.by_line[piece.line].append(number)

    # --- reading one field ----------------------------------------------------------------

    def read(self, hit: Hit, info: FieldInfo) -> Answer | None:
        """The answer for a field whose label is at `hit`, or None when it is empty."""
        for strategy in self._strategies(info.spec.place):
            spans = strategy(hit, info)
            if not spans:
                continue
            text = self._text(spans)
            if clean(text, self.know.prompts) is not None:
                self.claimed.update(span.piece for span in spans)
                return Answer(text, self.pieces[spans[0].piece].source, tuple(spans))
        return None

    def _strategies(self, place: str) -> list[Strategy]:
        if place == "after" and not self.layout.structured:
            return [self.rest, self.on_line, self.under, self.above]
        if place == "signature" and not self.layout.structured:
            return [self.rest, self.on_line, self.under, self.left, self.above]
        if place == "dots" and not self.layout.structured:
            return [self.dots, self.next_piece, self.above]
        table: dict[str, list[Strategy]] = {
            "right": [self.right, self.rest, self.same_cell, self.below],
            "below": [self.rest, self.same_cell, self.below, self.right],
            "after": [self.rest, self.right, self.same_cell, self.below],
            "dots": [self.dots, self.next_piece],
            "signature": [self.rest, self.right, self.same_cell, self.left],
            "table": [],
        }
        return table[place]

    def _text(self, spans: list[Span]) -> str:
        lines: list[str] = []
        last_line = None
        for span in spans:
            text = self.pieces[span.piece].text[span.start : span.end]
            line = self.pieces[span.piece].line
            if lines and line == last_line:
                lines[-1] += "   " + text
            else:
                lines.append(text)
            last_line = line
        return "\n".join(lines) if self.layout.structured else flow(lines)

    # --- the spots ----------------------------------------------------------------------

    def rest(self, hit: Hit, info: FieldInfo) -> list[Span]:
        """After the label in its own paragraph (or line), past its printed tail, up to
        the next label."""
        piece = hit.end_piece
        text = self.pieces[piece].text
        end = min((s for s in self.hit_starts[piece] if s >= hit.end), default=len(text))
        start = hit.end + self._past_tail(text[hit.end : end], info.tail)
        if info.spec.place == "dots":
            end = start + self._suffix_at(text[start:end], info.suffix)
        rest = text[start:end]
        if not rest.strip() or (len(rest) > 20 and self.know.is_printed(rest)):
            return []
        spans = [Span(piece, start, end)]
        if not self.layout.structured and end == len(text) and info.spec.place != "dots":
            spans.extend(self._wrapped(piece))
        return spans

    def _wrapped(self, host: int) -> list[Span]:
        """PDF: the lines an answer wrapped onto in its column, under the piece `host`."""
        column = self.pieces[host].column
        line = self.pieces[host].line
        spans: list[Span] = []
        for _ in range(MAX_WRAP_LINES):
            line += 1
            here = self.by_line.get(line, [])
            below = [n for n in here if abs(self.pieces[n].column - column) <= self.layout.near]
            if len(below) != 1:
                break
            if self.layout.ruled():
                if self.layout.rule_between(line - 1, line, column + 1):
                    break
            elif any(self.pieces[n].column < column - self.layout.near for n in here):
                break
            number = below[0]
            if number in self.label_pieces or self.printed(number) or not fold(self.pieces[number].text):
                break
            spans.append(Span(number, 0, len(self.pieces[number].text)))
        return spans

    def _past_tail(self, text: str, tail: str) -> int:
        """How much of `text` is the label's printed tail (0 when it does not start with it)."""
        wanted = fold(tail)
        if not wanted:
            return 0
        norm = normalise(text)
        if norm.text and wanted.startswith(norm.text):
            return len(text)  # all of it is the start of the tail
        size = min(len(wanted), len(norm.text))
        if size < 4 or fuzz.ratio(norm.text[:size], wanted[:size]) < 90:
            return 0
        if size == len(norm.text):
            return len(text)
        return norm.span(0, size)[1]

    def right(self, hit: Hit, info: FieldInfo) -> list[Span]:
        """The cells to the right of the label's cell (Word), or the column to its right (PDF)."""
        if not self.layout.structured:
            return self._right_column(hit, info)
        label = self.pieces[hit.piece]
        if label.row < 0:
            return []
        rows = self._rows_of(label)
        edge = label.end_column
        spans = []
        for number, piece in enumerate(self.pieces):
            if piece.row in rows and piece.column >= edge:
                if number in self.label_pieces:
                    cut = self._before_label(number)
                    if cut:
                        spans.append(cut)
                    if info.spec.place == "signature":
                        break
                    continue
                spans.append(Span(number, 0, len(piece.text)))
        return spans

    def same_cell(self, hit: Hit, info: FieldInfo) -> list[Span]:
        """Paragraphs under the label in its own cell (or PDF column), past its printed tail."""
        label = self.pieces[hit.end_piece]
        if self.layout.structured:
            if label.cell < 0:
                return []
            following = [i for i in self.layout.cell_pieces(label.cell) if i > hit.end_piece]
            return self._collect(following, info)
        return []

    def above(self, hit: Hit, info: FieldInfo) -> list[Span]:
        """PDF: text drawn on the line just above the label, right of its start (a text
        box typed after the label sits higher than the label's line)."""
        label = self.pieces[hit.piece]
        spans = []
        for number in self.by_line.get(label.line - 1, []):
            piece = self.pieces[number]
            if piece.column <= label.column + self.layout.near or number in self.claimed:
                continue
            if number in self.label_pieces or self.printed(number):
                return []
            spans.append(Span(number, 0, len(piece.text)))
        return spans

    def under(self, hit: Hit, info: FieldInfo) -> list[Span]:
        """PDF: the lines right under the label, in its column and its table row."""
        label = self.pieces[hit.end_piece]
        line = label.line + 1
        here = self.by_line.get(line, [])
        below = [n for n in here if abs(self.pieces[n].column - self.pieces[hit.piece].column) <= self.layout.near]
        if len(below) != 1 or self.layout.rule_between(label.line, line, label.column + 1):
            return []
        number = below[0]
        if number in self.label_pieces or self.printed(number) or not fold(self.pieces[number].text):
            return []
        return [Span(number, 0, len(self.pieces[number].text)), *self._wrapped(number)]

    def below(self, hit: Hit, info: FieldInfo) -> list[Span]:
        """What follows the label: the next rows of its table, or the next paragraphs or lines."""
        label = self.pieces[hit.end_piece]
        if self.layout.structured and label.row >= 0:
            return self._rows_below(label, info)
        following = self._following(hit)
        return self._collect(following, info)

    def next_piece(self, hit: Hit, info: FieldInfo) -> list[Span]:
        """The one paragraph (or line) after the label's, when it is not printed text."""
        following = [n for n in self._following(hit) if fold(self.pieces[n].text)]  # past dot leaders
        if not following:
            return []
        first = following[0]
        if not self.layout.structured and self.pieces[first].column > self.pieces[hit.piece].column + self.layout.near:
            return []  # in a PDF, an answer on the next line starts where the label does
        if first in self.label_pieces or self.printed(first):
            return []
        piece = self.pieces[first]
        return [Span(first, 0, len(piece.text) - self._suffix_back(piece.text, info.suffix))]

    def dots(self, hit: Hit, info: FieldInfo) -> list[Span]:
        """On or between the dot leaders after the label, up to the printed text that
        follows; in a PDF the answer may wrap onto the next lines."""
        spans = self.rest(hit, info)
        if self.layout.structured:
            return spans
        if spans and spans[-1].end < len(self.pieces[hit.end_piece].text):
            return spans  # the printed text after the answer is on this line
        label = self.pieces[hit.piece]
        lines: list[Span] = []
        for number in self._following(hit)[:MAX_FLOW_LINES]:
            piece = self.pieces[number]
            if piece.column > label.column + self.layout.near or number in self.label_pieces:
                break
            lines.append(Span(number, 0, len(piece.text)))
        return spans + self._up_to_suffix(lines, info.suffix)

    def _up_to_suffix(self, lines: list[Span], suffix: str) -> list[Span]:
        """The lines an answer wrapped onto, cut where the printed `suffix` starts (it may
        itself be broken over two lines); without it, up to the first printed line."""
        wanted = " ".join(fold(suffix).split()[:4])
        texts = [self.pieces[s.piece].text for s in lines]
        if wanted:
            joined = normalise("\n".join(texts))
            at = joined.text.find(wanted)
            if at >= 0:
                cut = joined.span(at, at + 1)[0]
                out, offset = [], 0
                for span, text in zip(lines, texts, strict=True):
                    if cut <= offset + len(text):
                        if cut > offset:
                            out.append(Span(span.piece, 0, cut - offset))
                        return out
                    out.append(span)
                    offset += len(text) + 1
                return out
        out = []
        for span in lines:
            if fold(self.pieces[span.piece].text) and self.printed(span.piece):
                break
            out.append(span)
        return out

    def left(self, hit: Hit, info: FieldInfo) -> list[Span]:
        """The cell to the left of the label, when it holds unprinted text (a name written
        beside "Supervisee", say)."""
        label = self.pieces[hit.piece]
        if not self.layout.structured:
            before = [n for n in self.by_line.get(label.line, []) if self.pieces[n].column < label.column]
            if not before or any(n in self.label_pieces or self.printed(n) for n in before):
                return []
            return [Span(n, 0, len(self.pieces[n].text)) for n in before]
        if label.row < 0:
            return []
        spans = []
        for number, piece in enumerate(self.pieces):
            if piece.row == label.row and piece.end_column <= label.column:
                if number in self.label_pieces or self.printed(number):
                    return []
                spans.append(Span(number, 0, len(piece.text)))
        return spans

    # --- helpers ------------------------------------------------------------------------

    def printed(self, number: int) -> bool:
        if number not in self._printed:
            self._printed[number] = self.know.is_printed(self.pieces[number].text)
        return self._printed[number]

    def _collect(self, candidates: list[int], info: FieldInfo) -> list[Span]:
        """Unprinted pieces from the first, skipping the label's printed tail before them;
        up to the next label or printed text."""
        tail = fold(info.tail)
        spans: list[Span] = []
        for number in candidates:
            if not spans and self._in_tail(number, tail):
                continue
            if number in self.label_pieces:
                if not spans:
                    cut = self._before_label(number)
                    return [cut] if cut else []
                break
            if self.printed(number) or self.know.is_prompt(self.pieces[number].text):
                if not spans and (self._in_tail(number, tail) or self.know.is_prompt(self.pieces[number].text)):
                    continue
                if spans or not self._in_tail(number, tail):
                    break
            spans.append(Span(number, 0, len(self.pieces[number].text)))
        return spans

    def _in_tail(self, number: int, tail: str) -> bool:
        norm = fold(self.pieces[number].text)
        if not tail or not norm:
            return False
        if norm in tail:
            return True
        return len(norm) >= 12 and fuzz.partial_ratio(norm[:64], tail) >= 90

    def _before_label(self, number: int) -> Span | None:
        """The text of a piece before the label that starts in it, if any."""
        starts = [s for s in self.hit_starts.get(number, []) if s > 0]
        if not starts:
            return None
        text = self.pieces[number].text[: min(starts)]
        return Span(number, 0, len(text)) if text.strip() else None

    def _following(self, hit: Hit) -> list[int]:
        """Pieces after the label's, in reading order (in a PDF, to the label's right or
        below it; in Word, outside the label's table row)."""
        label = self.pieces[hit.end_piece]
        found: list[int] = []
        for number in range(hit.end_piece + 1, len(self.pieces)):
            piece = self.pieces[number]
            if self.layout.structured:
                if label.row >= 0 and piece.row == label.row:
                    continue
            elif piece.line == label.line and piece.column < label.column:
                continue
            elif piece.line > label.line and piece.column < self.pieces[hit.piece].column - self.layout.near:
                if found:
                    break
                continue
            found.append(number)
        return found

    def _rows_of(self, label: Piece) -> set[int]:
        """The label's row, and the rows below that its cell spans (vertical merge)."""
        rows = {label.row}
        table = self.layout.row_table.get(label.row)
        order = self.layout.tables.get(table, []) if table is not None else []
        if label.row in order:
            for row in order[order.index(label.row) + 1 :]:
                if any(c.cell == label.cell and c.continues for c in self.layout.rows.get(row, [])):
                    rows.add(row)
                else:
                    break
        return rows

    def _rows_below(self, label: Piece, info: FieldInfo) -> list[Span]:
        table = self.layout.row_table.get(label.row)
        order = self.layout.tables.get(table, []) if table is not None else []
        below = order[order.index(max(self._rows_of(label))) + 1 :] if label.row in order else []
        spans: list[Span] = []
        blanks = 0
        for row in below:
            inside = [
                i
                for i, p in enumerate(self.pieces)
                if p.row == row and p.column < label.end_column and p.end_column > label.column
            ]
            if not inside:
                blanks += 1
                if blanks > MAX_BLANK_ROWS or spans:
                    break
                continue
            if any(i in self.label_pieces or self.printed(i) for i in inside):
                if not all(self.know.is_prompt(self.pieces[i].text) for i in inside):
                    break
            spans.extend(Span(i, 0, len(self.pieces[i].text)) for i in inside)
        return spans

    def on_line(self, hit: Hit, info: FieldInfo) -> list[Span]:
        """PDF: the pieces right of the label on its own line (and the lines each wraps
        onto), up to the next label."""
        spans: list[Span] = []
        label = self.pieces[hit.end_piece]
        for number in self.by_line.get(label.line, []):
            if self.pieces[number].column <= label.column:
                continue
            if number in self.label_pieces:
                cut = self._before_label(number)
                if cut:
                    spans.append(cut)
                break
            spans.append(Span(number, 0, len(self.pieces[number].text)))
            spans.extend(self._wrapped(number))
        return spans

    def _right_column(self, hit: Hit, info: FieldInfo) -> list[Span]:
        """PDF: text right of the label's column, from its first line to the next row."""
        label = self.pieces[hit.piece]
        last = self._row_end(hit, info)
        spans: list[Span] = []
        for line in range(label.line, last):
            for number in self.by_line.get(line, []):
                piece = self.pieces[number]
                if piece.column <= label.column + self.layout.near:
                    continue
                if number in self.label_pieces and number != hit.end_piece:
                    cut = self._before_label(number)
                    if cut:
                        spans.append(cut)
                    break
                spans.append(Span(number, 0, len(piece.text)))
        return spans

    def _row_end(self, hit: Hit, info: FieldInfo) -> int:
        """PDF: the first line after the label where its column starts something else."""
        label = self.pieces[hit.piece]
        tail = fold(info.tail)
        end_line = self.pieces[hit.end_piece].line
        lines = sorted(self.by_line)
        ruled = self.layout.ruled()
        previous = label.line
        for line in lines:
            if line <= label.line:
                continue
            if ruled and self.layout.rule_between(previous, line, label.column + 1):
                return line
            previous = line
            if line <= end_line:
                continue
            left = [i for i in self.by_line[line] if self.pieces[i].column <= label.column + self.layout.near]
            if not left:
                continue
            if all(self._in_tail(i, tail) for i in left):
                continue
            return line
        return lines[-1] + 1 if lines else end_line + 1

    def _suffix_at(self, text: str, suffix: str) -> int:
        """Where the printed `suffix` starts in `text` (len(text) when it is not there)."""
        wanted = " ".join(fold(suffix).split()[:4])
        if not wanted:
            return len(text)
        norm = normalise(text)
        at = norm.text.find(wanted)
        if at < 0:
            return len(text)
        return norm.span(at, at + 1)[0]

    def _suffix_back(self, text: str, suffix: str) -> int:
        return len(text) - self._suffix_at(text, suffix)

