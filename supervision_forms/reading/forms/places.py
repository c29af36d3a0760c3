"""Where an answer sits relative to its label, and taking it from there.

Each place in the pack file (right, below, after, dots, signature) tries its own spot
first, then the spots people also use: a name typed after "Name of supervisor:" rather
than under it, an answer typed in the label's own cell rather than the one beside it.
A spot counts when, cleaned of prompts and dot leaders, something is left.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

from ...ocr.lexicon import english_words
from ...text.dates import find_dates
from ..knowledge import FieldInfo
from ..leaders import LEADERS
from ..text import LIST_MARK, fold
from ..ticks import BOXES
from ..unwrap import Line, hyphen_end, join, unsure_breaks
from .answers import clean
from .labels import EXACT, Hit
from .layout import Piece, as_line
from .lines import LineSpots
from .spots import Span

ELSEWHERE = 0.9  # confidence in an answer found beside its label's usual place
AMBIGUOUS = 0.7  # confidence in an answer to a label printed twice
LABEL_GOES_ON = set("([,;-–abcdefghijklmnopqrstuvwxyz")  # how the rest of a sentence starts
PDF_GOES_ON = set(".)")  # and, on a PDF line, the rest of "e.g." or of a bracket
MAX_BLANK_ROWS = 2
MAX_FLOW_LINES = 40  # lines an answer on dot leaders may run over in a PDF
PARAGRAPH_GAP = 1.3  # of the usual line pitch: a wider gap after a line that stopped short ends an answer
DATE_WORDS = 5  # a line this short holding a date is taken for a date
CLOSED = re.compile(r"[^\W_][.…_ \u00a0]*(?:[.…_][ \u00a0]?){4,}\s*$")  # writing, leaders to the end
OVERLAP = 1.0  # points: pieces of a line overlapping more than this are drawn one over the other


@dataclass(frozen=True)
class Answer:
    """An answer as found: its text (not yet cleaned), where it starts, its spans."""

    text: str
    source: str
    spans: tuple[Span, ...]
    confidence: float = 1.0  # lower where the answer was not in its label's own place
    doubt: str = ""  # why the layout does not settle the answer (then it is not a value)


Strategy = Callable[[Hit, FieldInfo], list[Span]]


class Places(LineSpots):
    """Reads answers from a laid-out form, given where the labels were found."""

    def read(self, hit: Hit, info: FieldInfo) -> Answer | None:
        """The answer for a field whose label is at `hit`, or None when it is empty."""
        for number, strategy in enumerate(self._strategies(info.spec.place)):
            self.doubt = ""
            spans = strategy(hit, info)
            owner = (hit.piece, hit.start)  # fields sharing a label share its answer
            if not spans or any(self._taken(span, owner) for span in spans):
                continue  # nothing there, or another field's answer
            text = self._text(spans)
            if fold(info.tail) and fold(text) in fold(info.tail):
                continue  # a piece of the label's own printed hint, set apart from it
            if clean(text, self.know.prompts) is not None:
                for span in spans:
                    self.claimed.setdefault(span.piece, []).append((span.start, span.end, owner))
                sure = (
                    (1.0 if number == 0 else ELSEWHERE)
                    * (hit.score / 100)
                    * (AMBIGUOUS if hit.ambiguous else 1.0)
                )
                over = "the answer is typed over other text" if self._over_other(spans, hit) else ""
                doubt = over or self.doubt  # (the drawing says why first)
                return Answer(text, self.pieces[spans[0].piece].source, tuple(spans), sure, doubt)
            if number == 0 and (
                self.know.is_prompt(text)
                if self.layout.structured
                else info.spec.place == "right" or BOXES.search(text)
            ):
                return None  # its own place holds only the printed prompt, or boxes none ticked: unanswered
        return None

    def _over_other(self, spans: list[Span], hit: Hit) -> bool:
        """PDF: whether a piece of the answer is drawn over another piece of its line
        that is not just a label (its own, or one found word for word): a text box typed
        over the printed label's words, both broken up, whose words are whose is not known."""
        if self.layout.structured:
            return False
        exact = [other for other in self.hits if other.score >= EXACT or other == hit]
        for span in spans:
            piece = self.pieces[span.piece]
            for other in self.by_line.get(piece.line, []):
                if (
                    other != span.piece
                    and _overlap(piece, self.pieces[other])
                    and not self.labels_only(other, exact)
                ):
                    return True
        return False

    def _taken(self, span: Span, owner: tuple[int, int]) -> bool:
        """Whether another label's answer took part of `span`."""
        return any(
            start < span.end and span.start < end and other != owner
            for start, end, other in self.claimed.get(span.piece, [])
        )

    def _strategies(self, place: str) -> list[Strategy]:
        if place == "after" and not self.layout.structured:
            return [self.rest, self.on_line, self.under, self.above]
        if place == "signature" and not self.layout.structured:
            return [self.rest, self.on_line, self.under, self.left, self.above]
        if place == "dots" and not self.layout.structured:
            return [self.dots, self.next_piece, self.above]
        if place == "before":
            return [self.before]
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
        wrapped: list[Line] = []
        last_line = None
        for span in spans:
            piece = self.pieces[span.piece]
            text = piece.text[span.start : span.end]
            if lines and piece.line == last_line:
                lines[-1] += "   " + text
                last = wrapped[-1]
                wrapped[-1] = Line(
                    f"{last.text} {text}", piece.room, last.lead, last.top, last.size, last.bottom
                )
            else:
                lines.append(text)
                wrapped.append(as_line(self.layout, piece, text))
            last_line = piece.line
        if self.layout.structured:
            return "\n".join(lines)
        broken = any(hyphen_end(line.text.rstrip()) for line in wrapped[:-1])
        # a word broken at a line's end that English has only whole is joined, whoever broke it
        english = english_words() if broken else None
        if english is not None and self._hyphenates() and unsure_breaks(wrapped, self._known_word, english):
            self.doubt = "a word broken at a line's end may or may not keep its hyphen"  # (a typesetter's)
        return join(wrapped, self._known_word, english)

    def _hyphenates(self) -> bool:
        """PDF: whether the producer breaks words at line ends with hyphens of its own
        (a typesetter): somewhere a line ends in part of a word the next line completes
        into a word printed whole elsewhere."""
        found = self.layout.derived.get("hyphenates")
        if not isinstance(found, bool):
            found = False
            for piece in self.pieces:
                text = piece.text.rstrip()
                if not hyphen_end(text):
                    continue
                below = [self.pieces[n] for n in self.by_line.get(piece.line + 1, [])]
                under = [p for p in below if abs(p.column - piece.column) <= self.layout.near]
                wrapped = [as_line(self.layout, piece), *(as_line(self.layout, p) for p in under[:1])]
                if under and under[0].text[:1].islower() and not unsure_breaks(wrapped, self._known_word):
                    found = True
                    break
            self.layout.derived["hyphenates"] = found
        return found

    def _known_word(self, word: str) -> bool:
        """Whether a word is printed unbroken on the document or in the form's text."""
        words = self.layout.derived.get("words")
        if not isinstance(words, frozenset):
            text = " ".join([p.text for p in self.pieces] + [self.know.corpus])
            words = frozenset(re.findall(r"[^\W\d_]+", text.casefold()))
            self.layout.derived["words"] = words
        return word.casefold() in words

    def rest(self, hit: Hit, info: FieldInfo) -> list[Span]:
        """After the label in its own paragraph (or line), past its printed tail, up to
        the next label."""
        piece = hit.end_piece
        text = self.pieces[piece].text
        end = min((s for s in self.hit_starts[piece] if s >= hit.end), default=len(text))
        start = hit.end + self._past_tail(text[hit.end : end], info.tail)
        if info.spec.place == "dots" and self.layout.structured:  # (in a PDF: cut after wrapping)
            end = start + self._suffix_at(text[start:end], info.suffix)
        rest = text[start:end]
        if not rest.strip() or (len(rest) > 20 and self.know.is_printed(rest)):
            return []
        starts = LABEL_GOES_ON if self.layout.structured else LABEL_GOES_ON | PDF_GOES_ON
        goes_on = rest.lstrip()[:1] in starts and not LEADERS.match(rest.lstrip())
        if (hit.score < EXACT or info.tail) and goes_on:
            return []  # a label (or its printed tail) worded differently runs on past where it matched
        spans = [Span(piece, start, end)]
        if not self.layout.structured and end == len(text) and info.spec.place != "dots":
            spans.extend(self._wrapped(piece))
        return spans

    def right(self, hit: Hit, info: FieldInfo) -> list[Span]:
        """The cells to the right of the label's cell (Word), or the column to its right (PDF)."""
        if not self.layout.structured:
            return self._right_column(hit, info)
        label = self.pieces[hit.piece]
        if label.row < 0:
            return []
        rows = self._rows_of(label)
        edge = label.end_column
        labelled = {self.pieces[n].cell for n in self.label_pieces if self.pieces[n].row in rows}
        spans = []
        for number, piece in enumerate(self.pieces):
            if piece.row not in rows or piece.column < edge:
                continue
            if piece.cell in labelled:  # another label's cell: only what is typed before its label
                spans.extend(self._before_label(number) if number in self.label_pieces else [])
                if info.spec.place == "signature" and number in self.label_pieces:
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
            if info.spec.place == "signature":  # "Signed: … Date: …" answered on the lines under
                following = self._in_turn(hit, info, following)
            return self._collect(following, info)
        return []

    def below(self, hit: Hit, info: FieldInfo) -> list[Span]:
        """What follows the label: the next rows of its table, or the next paragraphs or lines."""
        label = self.pieces[hit.end_piece]
        if self.layout.structured and label.row >= 0:
            return self._rows_below(label, info)
        following = self._following(hit)
        column = self.pieces[hit.end_piece].column  # an older edition's label, longer than the
        goes_on = following and abs(self.pieces[following[0]].column - column) <= self.layout.near
        if goes_on and self.mid_sentence(hit.end_piece, following[0]):  # words matched, runs on
            following = following[1:]
        if info.spec.place == "right":  # beside its label, in its row
            first = self.pieces[hit.piece]
            page = self.layout.page(first.line)
            following = list(
                itertools.takewhile(
                    lambda n: (
                        self.layout.page(self.pieces[n].line) == page
                        and not self.layout.rule_between(first.line, self.pieces[n].line, first.column + 1)
                    ),
                    following,
                )
            )
        return self._collect(following, info)

    def next_piece(self, hit: Hit, info: FieldInfo) -> list[Span]:
        """The one paragraph after the label's (in a PDF, a line and the lines it wrapped
        onto), when it is not printed text, up to the printed suffix."""
        following = [n for n in self._following(hit) if fold(self.pieces[n].text)]  # past dot leaders
        if not following:
            return []
        first = following[0]
        if (
            not self.layout.structured
            and self.pieces[first].column > self.pieces[hit.piece].column + self.layout.near
        ):
            return []  # in a PDF, an answer on the next line starts where the label does
        if first in self.label_pieces or self.printed(first):
            return []
        piece = self.pieces[first]
        if not self.layout.structured:
            return self._up_to_suffix([Span(first, 0, len(piece.text))], self._wrapped(first), info.suffix)
        return [Span(first, 0, self._suffix_at(piece.text, info.suffix))]

    def dots(self, hit: Hit, info: FieldInfo) -> list[Span]:
        """On or between the dot leaders after the label, up to the printed text that
        follows; in a PDF the answer may wrap onto the next lines (the printed text too)."""
        spans = self.rest(hit, info)
        if self.layout.structured:
            return spans
        label = self.pieces[hit.piece]
        lines: list[Span] = []
        previous = last = hit.end_piece
        beside = self._beside(hit)
        if any(fold(self.pieces[s.piece].text[s.start : s.end]) for s in spans):
            beside = None  # (the answer is on the label's own piece)
        if beside is not None:  # typed in a box after the label (and its dots), running on below
            spans, previous = [Span(beside, 0, len(self.pieces[beside].text))], beside
        elif not any(fold(self.pieces[s.piece].text[s.start : s.end]) for s in spans):
            spans = self._over_label(hit)  # (its first lines typed over the label's)
        indent = self._text_column(hit.piece)  # under its text, past a list number ("a) What …")
        closed = any(CLOSED.search(self.pieces[s.piece].text[s.start : s.end]) for s in spans[-1:])
        for number in [] if closed else self._following(hit)[:MAX_FLOW_LINES]:
            piece = self.pieces[number]
            if number == beside:
                continue
            if piece.line == label.line and BOXES.search(piece.text):
                spans.append(Span(number, 0, len(piece.text)))  # its line of tick boxes, split at gaps
                continue
            if lines and piece.line == self.pieces[lines[-1].piece].line and BOXES.search(piece.text):
                lines.append(Span(number, 0, len(piece.text)))  # the rest of a wrapped line of tick boxes
                continue
            if self._option_wrapped_away(spans, lines, number):
                lines.append(Span(number, 0, len(piece.text)))  # a box's option, wrapped to the next line
                break  # (the options end with it)
            printed = not fold(info.suffix) and bool(fold(piece.text)) and self.printed_line(number)
            if (
                printed
                or piece.column > max(label.column, indent) + self.layout.near
                or number in self.label_pieces
            ):
                self.cut_short(lines or spans, number)  # (a printed line ends it, as `_up_to_suffix` would)
                break
            if LIST_MARK.fullmatch(piece.text.strip()):
                break
            if previous != hit.end_piece and self._paragraph_ends(previous, number):
                break
            if self.layout.rule_between(self.pieces[last].line, piece.line, piece.column + 1):
                break  # a drawn row border: the next row is another answer's
            lines.append(Span(number, 0, len(piece.text)))
            last = number
            if fold(piece.text):  # (a line of dot leaders alone ends no paragraph)
                previous = number
            if CLOSED.search(piece.text):
                break  # the leaders after the answer fill the rest of its last line
        spans = self._up_to_suffix(spans, lines, info.suffix)
        if spans and not fold(info.suffix):  # a printed full stop after the answer, on its last line
            end = spans[-1]
            cut = self._suffix_at(self.pieces[end.piece].text[end.start : end.end], info.suffix)
            spans[-1] = Span(end.piece, end.start, end.start + cut)
        return spans

    def _option_wrapped_away(self, spans: list[Span], lines: list[Span], number: int) -> bool:
        """PDF: whether the piece `number` is the option of a tick box that ends the line
        above alone, wrapped away from it ("☐ Every 6 weeks ☒" / "Other"): the first piece
        of the next line, no label."""
        if lines or not spans or number in self.label_pieces:
            return False
        last = self.pieces[spans[-1].piece]
        box = last.text[spans[-1].start : spans[-1].end].strip()
        first = min(self.by_line.get(self.pieces[number].line, [number]))
        return (
            BOXES.fullmatch(box) is not None and self.pieces[number].line == last.line + 1 and number == first
        )

    def _beside(self, hit: Hit) -> int | None:
        """PDF: the one piece right of a label that ends its own piece, on its line (an
        answer typed in a box after it); None when there is none, or several (options
        printed in columns, their tick boxes lost: which one is meant is not known)."""
        label = self.pieces[hit.end_piece]
        if fold(label.text[hit.end :]):
            return None
        right = [n for n in self.by_line.get(label.line, []) if self.pieces[n].column > label.column]
        if len(right) != 1 or right[0] in self.label_pieces or self.printed(right[0]):
            return None
        return right[0]

    def _over_label(self, hit: Hit) -> list[Span]:
        """PDF: text typed over a label wrapped over lines, on its lines before its last
        (an answer's text box laid over the label: where the answer starts)."""
        return [
            Span(number, 0, len(self.pieces[number].text))
            for number in range(hit.piece, hit.end_piece)
            if number not in self.label_pieces
            and not self.printed(number)
            and any(_overlap(self.pieces[number], self.pieces[n]) for n in hit.pieces)
        ]

    def before(self, hit: Hit, info: FieldInfo) -> list[Span]:
        """On the label's line, ahead of it ("Grace Okafor Advanced Practitioner"), from
        where another label ends (or the line starts)."""
        ends = [other.end for other in self.hits if other.end_piece == hit.piece and other.end <= hit.start]
        start = max(ends, default=0)
        text = self.pieces[hit.piece].text[start : hit.start]
        if not text.strip() or self.know.is_printed(text):
            return []
        return [Span(hit.piece, start, hit.start)]

    def _paragraph_ends(self, upper: int, lower: int) -> bool:
        """PDF: whether the line of `lower` starts something new after `upper`: the upper
        line stopped short (its next word would have fitted) and a gap wider than the
        usual line pitch parts them."""
        above, below = self.pieces[upper], self.pieces[lower]
        a, b = self.layout.places.get(above.line), self.layout.places.get(below.line)
        if a is None or b is None or a[0] != b[0] or above.room <= below.lead:
            return False
        pitch = self.layout.pitches.get(a[0], 0.0)
        return pitch > 0 and b[1] - a[1] > PARAGRAPH_GAP * pitch

    def left(self, hit: Hit, info: FieldInfo) -> list[Span]:
        """The cell to the left of the label, when it holds unprinted text (a name written
        beside "Supervisee", say)."""
        label = self.pieces[hit.piece]
        if not self.layout.structured:
            before = [n for n in self.by_line.get(label.line, []) if self.pieces[n].column < label.column]
            if not before or any(n in self.label_pieces or self.printed(n) for n in before):
                return []
            return [s for n in before for s in (Span(n, 0, len(self.pieces[n].text)), *self._wrapped(n))]
        if label.row < 0:
            return []
        spans = []
        for number, piece in enumerate(self.pieces):
            if piece.row == label.row and piece.end_column <= label.column:
                if number in self.label_pieces or self.printed(number):
                    return []
                spans.append(Span(number, 0, len(piece.text)))
        return spans

    def _in_turn(self, hit: Hit, info: FieldInfo, following: list[int]) -> list[int]:
        """For labels sharing a paragraph ("Signature: … Date: …") answered on the lines
        under it: a date goes to the date label; other lines go, in order, to the labels
        with nothing after them in the paragraph."""
        texts = {n: self.pieces[n].text for n in following}  # a line that is just a date: "3rd March 2026"
        dated = [n for n in following if len(texts[n].split()) <= DATE_WORDS and find_dates(texts[n])]
        if info.kind == "date":
            return dated[:1]
        rest = [n for n in following if n not in dated]
        text = self.pieces[hit.end_piece].text
        others = sorted((h for h in self.hits if h.end_piece == hit.end_piece), key=lambda h: h.start)
        order = 0
        for number, other in enumerate(others):
            if other.start >= hit.start:
                break
            up_to = others[number + 1].start if number + 1 < len(others) else len(text)
            if not text[other.end : up_to].strip() and self.kinds.get(other.path) != "date":
                order += 1
        return rest[order : order + 1]

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
            if any(  # a row with its own label on the left: its answers are that label's
                p.row == row and p.end_column <= label.column and i in self.label_pieces
                for i, p in enumerate(self.pieces)
            ):
                break
            stops = any(i in self.label_pieces or self.printed(i) or self.label_like(i) for i in inside)
            if stops and not all(self.know.is_prompt(self.pieces[i].text) for i in inside):
                break
            spans.extend(Span(i, 0, len(self.pieces[i].text)) for i in inside)
        return spans


def _overlap(a: Piece, b: Piece) -> bool:
    """Whether two pieces (of one line) are drawn one over the other."""
    return a.line == b.line and min(a.end_column, b.end_column) - max(a.column, b.column) > OVERLAP
