"""Answer places in a PDF's lines: beside a label on its line, under it in its column,
wrapped onto the next lines, or drawn just above it (a text box)."""

from __future__ import annotations

from collections.abc import Callable

from ...text.dates import date_span
from ..knowledge import FieldInfo
from ..text import fold
from ..unwrap import hyphen_end, wraps
from .answers import DATE_LABEL, part_of_prompt, starts_like_a_prompt
from .labels import Hit
from .layout import Piece, as_line
from .spots import Span, Spots, label_spans, without

MAX_WRAP_LINES = 2  # lines a short answer (a name, a date) may wrap onto, outside drawn cells
MAX_CELL_LINES = 8  # lines it may wrap onto inside a drawn cell
HALF_LINE = 0.15  # of the gap between the lines either side: how far off halfway a label may sit


class LineSpots(Spots):
    """The places only a PDF's lines have (no cells: columns, rows told by borders)."""

    def _wrapped(self, host: int) -> list[Span]:
        """PDF: the lines an answer wrapped onto under the piece `host`: in its column, or
        in its drawn cell from the cell's left edge (a name typed after a label in a
        narrow cell wraps to the cell's start, under the label)."""
        column = self.pieces[host].column
        line = self.pieces[host].line
        spans: list[Span] = []
        previous = host
        cell = self.pieces[host].cell
        if self.pieces[host].walled and any(
            self.pieces[n].cell == cell and n > host for n in self.by_line.get(line, [])
        ):
            return []  # text after it in its drawn cell: that is what wrapped, if anything
        bounded = self.pieces[host].cell >= 0  # a drawn cell's borders bound the wrap
        for _ in range(MAX_CELL_LINES if bounded else MAX_WRAP_LINES):
            line += 1
            here = self.by_line.get(line, [])
            below = [n for n in here if self._carries_on(host, n)]
            if len(below) != 1 or any(
                self.hit_starts.get(n)
                and (self.pieces[n].cell in (cell, -1) or cell < 0 or self._under_label(n))
                for n in here
            ):  # (a line where a label starts is the next row's, unless a drawn cell parts it)
                break
            if self.layout.ruled():
                if self.layout.rule_between(line - 1, line, column + 1):
                    break
            elif any(self.pieces[n].column < column - self.layout.near for n in here):
                break
            number = below[0]
            upper, lower = self.pieces[previous], self.pieces[number]
            if self._other_cell(upper, lower):
                break  # (where its border was not found between the lines: their boxes overlap it)
            if (
                number in self.label_pieces  # (a line the one above had no room for is no new label)
                or self.printed_line(number)
                or not fold(self.pieces[number].text)
                or self.pieces[previous].room >= self.pieces[number].lead  # the line above ended there
                or (not bounded and not wraps(as_line(self.layout, upper), as_line(self.layout, lower)))
            ):  # (outside a drawn cell, a paragraph's gap parts them too)
                break
            previous = number
            spans.append(Span(number, 0, len(self.pieces[number].text)))
        return spans

    def _under_label(self, number: int) -> bool:
        """PDF: whether a label starts the piece `number` under another label on the line
        above, in its column: a table's next row (over a page break too), not a label
        wrapped in its cell."""
        piece = self.pieces[number]
        return any(
            other in self.label_pieces and abs(self.pieces[other].column - piece.column) <= self.layout.near
            for other in self.by_line.get(piece.line - 1, [])
        )

    def _other_cell(self, upper: Piece, lower: Piece) -> bool:
        """PDF: whether two pieces on one page are in different drawn cells of one column,
        told apart by a border between them (a line in the next row's cell carries on
        nothing in this one); not where only their right edges differ (a line run over
        its cell's border)."""
        same_page = self.layout.page(upper.line) == self.layout.page(lower.line)
        same_edge = abs(upper.end_column + upper.room - lower.end_column - lower.room) <= self.layout.near
        return same_page and same_edge and -1 < upper.cell != lower.cell > -1

    def _carries_on(self, host: int, number: int) -> bool:
        """Whether the piece `number`, a line under `host`, may carry on its text: it
        starts in the host's column, or in the host's drawn cell left of it (on the next
        page, where the cell's row is split by a page break)."""
        piece, under = self.pieces[host], self.pieces[number]
        if min(abs(under.column - x) for x in (piece.column, self._text_column(host))) <= self.layout.near:
            return True  # (in its column, or under its text past the list number it starts with)
        if piece.cell < 0 or under.column >= piece.column:
            return False
        if under.cell == piece.cell:  # (a line's last piece in the cell: text flows on from there,
            row = [n for n in self.by_line[piece.line] if self.pieces[n].cell == piece.cell]
            return not any(  # unless it starts under another answer there with no room for it: its wrap)
                self.pieces[n].column > piece.column
                or (
                    abs(self.pieces[n].column - under.column) <= self.layout.near
                    and self.pieces[n].room < under.lead
                    and not self.labels_only(n, self.hits)
                )
                for n in row
            )
        starts = min(p.column for p in self.pieces if p.cell == piece.cell)
        turned = (
            -1 < self.layout.page(piece.line) != self.layout.page(under.line) > -1
        )  # a row a page break split
        return turned and abs(under.column - starts) <= self.layout.near

    def labels_only(self, number: int, hits: list[Hit]) -> bool:
        """Whether a piece holds nothing but the labels `hits` found (and punctuation)."""
        spans = [(s.start, s.end) for s in label_spans(hits) if s.piece == number]
        return not fold(without(self.pieces[number].text, spans))

    def above(self, hit: Hit, info: FieldInfo) -> list[Span]:
        """PDF: text drawn on the line just above the label, right of where it ends (a
        text box typed after the label sits higher than the label's line)."""
        label = self.pieces[hit.piece]
        ends = label.column  # where the label's text ends on its line, as near as known
        if hit.end_piece == hit.piece and label.text:
            ends += label.span * hit.end / len(label.text)
        spans = []
        for number in self.by_line.get(label.line - 1, []):
            piece = self.pieces[number]
            if piece.column <= label.column + self.layout.near or number in self.claimed:
                continue
            if piece.column < ends - self.layout.near:
                return []  # over the label's words, not after them: another line's text
            if number in self.label_pieces or self.printed(number):
                return []
            if any(self._carries_on(other, number) for other in self.by_line.get(piece.line - 1, [])):
                return []  # (the line above wrapped onto it)
            if self.layout.rule_between(label.line - 1, label.line, piece.column + 1):
                return []
            spans.append(Span(number, 0, len(piece.text)))
        return spans + self._wrapped(spans[-1].piece) if spans else []  # (onto the label's line)

    def under(self, hit: Hit, info: FieldInfo) -> list[Span]:
        """PDF: the lines right under the label, in its column (or its drawn cell, set in
        from its edge) and its table row."""
        label = self.pieces[hit.end_piece]
        line = label.line + 1
        here = self.by_line.get(line, [])
        below = [
            n
            for n in here
            if abs(self.pieces[n].column - self.pieces[hit.piece].column) <= self.layout.near
            or -1 < self.pieces[n].cell == label.cell
        ]
        if len(below) != 1 or self.layout.rule_between(label.line, line, label.column + 1):
            return []
        number = below[0]
        if number in self.label_pieces or self.printed(number) or self.label_like(number):
            return []
        if not fold(self.pieces[number].text) or self._wrap_of_above(number, hit.pieces):
            return []
        return [Span(number, 0, len(self.pieces[number].text)), *self._wrapped(number)]

    def _wrap_of_above(self, number: int, besides: tuple[int, ...]) -> bool:
        """PDF: whether a piece is the wrapped end of a piece on the line above, other than
        `besides` ("DECEMBER 2025" under a label, "Date: 30" at the end of its line)."""
        above = self.by_line.get(self.pieces[number].line - 1, [])
        return any(span.piece == number for n in above if n not in besides for span in self._wrapped(n))

    def on_line(self, hit: Hit, info: FieldInfo) -> list[Span]:
        """PDF: the pieces right of the label on its own line (and the lines each wraps
        onto), up to the next label; for a label wrapped over lines, on its first line, else
        after its end on its last ("To be reviewed" / "on: 15/05/27")."""
        spans = self._right_of(hit, hit.piece)
        if spans is not None and not spans and hit.end_piece != hit.piece:
            spans = self._right_of(hit, hit.end_piece)
        if spans is None:
            return []
        spans = self._set_higher(spans) + spans + self._beside_label(hit, spans)
        return spans + self._dated_under(spans) if info.spec.place == "signature" else spans

    def _right_of(self, hit: Hit, host: int) -> list[Span] | None:
        """PDF: the pieces right of the piece `host` of a label on its line, and the lines
        each wraps onto, up to the next label; None where a word or two the form prints
        comes first ("DATE": the answer is elsewhere)."""
        spans: list[Span] = []
        label = self.pieces[host]
        for number in self.by_line.get(label.line, []):
            if number == host or self.pieces[number].column < label.column - self.layout.near:
                continue  # (text starting where the label does was typed over it)
            if number in self.label_pieces:
                spans.extend(self._before_label(number))
                break
            if self._under_other_label(number, hit) or self._wrap_of_above(number, hit.pieces):
                break  # another label's drawn cell, or another answer wrapped onto the line: theirs
            if not spans and not self.printed_line(number) and self.printed(number):
                return None
            spans.append(Span(number, 0, len(self.pieces[number].text)))
            spans.extend(self._wrapped(number))
        return spans

    def _set_higher(self, spans: list[Span]) -> list[Span]:
        """PDF: the line above an answer's first in its drawn cell, at its column, alone
        on its line, that had no room for the answer's first word: an answer set centred in
        a row taller than its label ("Wed 10" / "December 2025" beside "Date")."""
        first = self.pieces[spans[0].piece] if spans else None
        above = self.by_line.get(first.line - 1, []) if first else []
        if first is None or first.cell < 0 or len(above) != 1 or above[0] in self.label_pieces:
            return []
        piece = self.pieces[above[0]]
        if piece.cell != first.cell or abs(piece.column - first.column) > self.layout.near:
            return []
        return (
            [] if self.printed(above[0]) or piece.room >= first.lead else [Span(above[0], 0, len(piece.text))]
        )

    def _dated_under(self, spans: list[Span]) -> list[Span]:
        """PDF: a signature's date written on a line of its own under the name, in its
        drawn cell ("Date: 04/05/26"): the name's answer takes it (it is split off)."""
        if not spans:
            return []
        last = spans[-1].piece
        piece = self.pieces[last]
        under = [n for n in self.by_line.get(piece.line + 1, []) if self.pieces[n].cell == piece.cell]
        if piece.cell < 0 or len(under) != 1 or under[0] in self.label_pieces:
            return []
        below = self.pieces[under[0]]
        day = date_span(below.text)
        if (
            abs(below.column - piece.column) > self.layout.near
            or day is None
            or day[1] < len(below.text.rstrip())
        ):
            return []
        return [Span(under[0], 0, len(below.text))] if DATE_LABEL.fullmatch(below.text[: day[0]]) else []

    def _beside_label(self, hit: Hit, spans: list[Span]) -> list[Span]:
        """PDF: the lines of an answer beside a label wrapped over lines, under its first
        line's start: the label's rows are the answer's ("SIGNED STAFF / MEMBER:")."""
        if not spans:
            return []
        start = self.pieces[spans[0].piece]
        taken = {span.piece for span in spans}
        found: list[Span] = []
        for line in range(self.pieces[hit.piece].line + 1, self.pieces[hit.end_piece].line + 1):
            beside = [
                n
                for n in self.by_line.get(line, [])
                if abs(self.pieces[n].column - start.column) <= self.layout.near
            ]
            if len(beside) != 1 or beside[0] in taken:
                continue
            number = beside[0]
            if number in self.label_pieces or self.printed_line(number) or not fold(self.pieces[number].text):
                break
            found.append(Span(number, 0, len(self.pieces[number].text)))
        return found

    def _under_other_label(self, number: int, hit: Hit) -> bool:
        """PDF: whether a piece is in a drawn cell whose first line is another label's,
        in its column (that label's answer)."""
        piece = self.pieces[number]
        if piece.cell < 0:
            return False
        top = min(n for n, p in enumerate(self.pieces) if p.cell == piece.cell)
        first = self.pieces[top]
        return (
            top in self.label_pieces
            and top not in hit.pieces
            and first.line < piece.line
            and abs(first.column - piece.column) <= self.layout.near
        )

    def _right_column(self, hit: Hit, info: FieldInfo) -> list[Span]:
        """PDF: text right of the label's column, from its first line to the next row."""
        label = self.pieces[hit.piece]
        last = self._row_end(hit, info)
        first = label.line
        if self._centred_over_rows(hit):  # (its row starts on the line above it)
            first -= 1
        elif self._own_cell(hit.piece):  # a drawn row: its answer starts at the top of the row
            first = min(p.line for p in self.pieces if p.cell == label.cell)
        if any(self._centred_over_rows(h) for h in self.hits if self.pieces[h.piece].line == last):
            last -= 1  # (the next row's starts on the line above its label)
        spans: list[Span] = []
        for line in range(first, last):
            for number in self.by_line.get(line, []):
                piece = self.pieces[number]
                if piece.column <= label.column + self.layout.near:
                    continue
                if number in self.label_pieces and number != hit.end_piece:
                    spans.extend(self._before_label(number))
                    break
                if spans and self._across(number, self.pieces[spans[0].piece].column, label):
                    return spans  # a line across both columns (a note under the table) ends the row
                left = spans and piece.column < self.pieces[spans[0].piece].column - self.layout.near
                prompt = part_of_prompt(piece.text, self.know.prompts) or starts_like_a_prompt(
                    piece.text, self.know.prompts
                )
                heading = not spans and not prompt  # (a prompt, or its first line, is cleaned off)
                if (left or heading) and self.printed_line(number):
                    return spans  # printed text (a heading) first, or left of the answers' column, ends it
                spans.append(Span(number, 0, len(piece.text)))
        if spans:
            self._runs_across_rows(label, spans, first, last)
            self._unended(spans, last)
        return spans

    def _runs_across_rows(self, label: Piece, spans: list[Span], first: int, last: int) -> None:
        """PDF, a table whose rows are not drawn: doubt an answer whose text runs on from
        the line above its row, or into the line after it (a label centred in its row:
        where the row starts is not known)."""
        reach = label.column + max(self.layout.near, label.size)

        def answer_side(line: int) -> list[int]:
            return [n for n in self.by_line.get(line, []) if self.pieces[n].column > reach]

        bottom = self.pieces[spans[-1].piece]
        line = label.line
        column = self.pieces[spans[0].piece].column + 1
        between = answer_side(line - 1) and answer_side(line + 1) and not answer_side(line)
        if between and first == line and not self.layout.rule_between(line - 1, line + 1, column):
            self.doubt = "the label sits between two lines of the answers (the table draws no row borders)"
        for above in answer_side(first - 1) if not self._top_aligned_above(label, answer_side) else []:
            if self._continues(above, spans[0].piece, first - 1, first):
                self.doubt = "the answer runs on from the row above (the table draws no row borders)"
        under = answer_side(last + 1)
        next_between = under and not answer_side(last) and bottom.line == last - 1
        row_after = any(self.pieces[n].column <= reach for n in self.by_line.get(last + 1, []))  # (its own)
        if next_between and not row_after and all(self.pieces[n].cell == bottom.cell for n in under):
            self.doubt = (
                "the next label sits between two lines of the answers (the table draws no row borders)"
            )
        after = next((n for n in (bottom.line + 1, bottom.line + 2) if answer_side(n)), last)
        if self._label_starts(after, reach) and self._top_aligned(label.line, after, answer_side):
            return  # (the next row starts where its label does)
        for below in answer_side(after) if after >= last else []:  # (past a label drawn between)
            if self._continues(spans[-1].piece, below, bottom.line, after):
                self.doubt = "the answer runs on into the next row (the table draws no row borders)"

    def _centred_over_rows(self, hit: Hit) -> bool:
        """PDF, a table whose rows are not drawn: whether a label of one line runs past the
        start of the answers' column beside it, set half a line under the line above, as a
        typesetter sets a label spanning rows at its whole width (LaTeX's multirow): centred
        over its rows as if each were a line high, so its row starts on the line above it.
        (A label in a cell of its own wraps inside it.)"""
        label = self.pieces[hit.piece]
        place = self.layout.places
        if hit.end_piece != hit.piece or not {label.line - 1, label.line + 1} <= place.keys():
            return False
        reach = label.column + max(self.layout.near, label.size)
        beside = [
            [self.pieces[n] for n in self.by_line.get(line, []) if self.pieces[n].column > reach]
            for line in (label.line - 1, label.line, label.line + 1)
        ]
        if not beside[0] or not beside[2] or beside[1]:
            return False
        (page, above, _), (_, top, _), (other, below, _) = (
            place[n] for n in range(label.line - 1, label.line + 2)
        )
        column = min(p.column for p in beside[0])
        return (
            page == other
            and label.end_column > column + label.size
            and abs((top - above) - (below - top)) <= HALF_LINE * (below - above)
            and not self.layout.rule_between(label.line - 1, label.line + 1, column + 1)
        )

    def _top_aligned(self, line: int, before: int, answer_side: Callable[[int], list[int]]) -> bool:
        """PDF, a table whose rows are not drawn: whether the row of the label starting on
        `line` sets its cells from the top: its answer starts on the label's first line and
        runs on past its last, before the line `before` (a label centred in its row would
        sit lower)."""
        hit = next((h for h in self.hits if self.pieces[h.piece].line == line), None)
        if hit is None:
            return False
        past = self.pieces[hit.end_piece].line + 1
        return bool(answer_side(line)) and past < before and bool(answer_side(past))

    def _top_aligned_above(self, label: Piece, answer_side: Callable[[int], list[int]]) -> bool:
        """PDF: whether the row above the label's is set from the top (`_top_aligned`):
        then the label's own row starts on its line, as the one above started on its label's."""
        lines = [
            self.pieces[h.piece].line
            for h in self.hits
            if self.pieces[h.piece].line < label.line
            and abs(self.pieces[h.piece].column - label.column) <= self.layout.near
        ]
        return bool(lines) and self._top_aligned(max(lines), label.line, answer_side)

    def _label_starts(self, line: int, reach: float) -> bool:
        """Whether a label found starts on `line` in the labels' column (left of `reach`)."""
        return any(
            self.hit_starts.get(n) and self.pieces[n].column <= reach for n in self.by_line.get(line, [])
        )

    def _unended(self, spans: list[Span], last: int) -> None:
        """PDF: doubt an answer whose row ended (at text in the label's column) where the
        answer's column goes on, undrawn, mid-sentence: its last line stops without a
        sentence's end and the next starts in lower case (a typesetter may break a line
        with room left, so the room on it does not settle where the answer ends)."""
        bottom = spans[-1].piece
        for number in self.by_line.get(last, []) if last == self.pieces[bottom].line + 1 else []:
            if self.runs_on(bottom, number) and self._undrawn_between(bottom, number, last - 1, last):
                self.doubt = "the answer may run on into the next row, mid-sentence"

    def _undrawn_between(self, upper: int, lower: int, upper_line: int, lower_line: int) -> bool:
        """Whether nothing is drawn between two pieces and neither is a prompt or the form's
        printed text (a printed prompt running on is cleaned off, not cut)."""
        if self.layout.rule_between(upper_line, lower_line, self.pieces[lower].column + 1):
            return False
        return not any(self.printed(n) or self.know.is_prompt(self.pieces[n].text) for n in (upper, lower))

    def _continues(self, upper: int, lower: int, upper_line: int, lower_line: int) -> bool:
        """Whether the text of `lower` carries on `upper`'s: the upper line had no room
        for its first word, nothing drawn between, and neither is a label, prompt or
        the form's printed text."""
        a, b = self.pieces[upper], self.pieces[lower]
        if a.room >= b.lead and not hyphen_end(a.text):
            return False
        turned = -1 < self.layout.page(upper_line) != self.layout.page(lower_line) > -1
        return (
            upper not in self.label_pieces
            and lower not in self.label_pieces
            and not (turned and self._label_starts(lower_line, b.column - self.layout.near))
            and self._undrawn_between(upper, lower, upper_line, lower_line)
        )  # (a new page starting with a label left of `lower`: the next row; a split row has none)

    def _across(self, number: int, column: float, label: Piece) -> bool:
        """PDF: whether a piece starts left of an answer's column, within the label's drawn
        cell if it has one, and runs into it."""
        piece = self.pieces[number]
        edge = label.end_column + label.room if label.walled else piece.column + 1
        return (
            piece.column < min(column - max(self.layout.near, piece.size), edge) and column < piece.end_column
        )

    def _row_end(self, hit: Hit, info: FieldInfo) -> int:
        """PDF: the first line after the label where its column starts something else."""
        label = self.pieces[hit.piece]
        tail = fold(info.tail)
        end_line = self.pieces[hit.end_piece].line
        lines = sorted(self.by_line)
        previous = label.line
        own = self._own_cell(hit.piece)
        for line in lines:
            if line <= label.line:
                continue
            if self.layout.rule_between(previous, line, label.column + 1):
                return line
            previous = line
            if line <= end_line:
                continue
            reach = label.column + max(self.layout.near, label.size)  # (a list number's indent too)
            left = [i for i in self.by_line[line] if self.pieces[i].column <= reach]
            if not left or (
                own and all(self.pieces[i].cell == label.cell and i not in self.label_pieces for i in left)
            ):
                continue  # nothing in the label's column, or the rest of the label's own cell
            if all(self._in_tail(i, tail) for i in left):
                continue
            return line
        return lines[-1] + 1 if lines else end_line + 1

    def _own_cell(self, number: int) -> bool:
        """PDF: whether a piece is in a drawn cell of its own column (borders on both
        sides), rather than in a table drawn without upright borders."""
        piece = self.pieces[number]
        if piece.cell < 0:
            return False
        return all(
            abs(p.column - piece.column) <= self.layout.near for p in self.pieces if p.cell == piece.cell
        )

    def _up_to_suffix(self, first: list[Span], lines: list[Span], suffix: str) -> list[Span]:
        """An answer after its label (`first`) and the lines it wrapped onto, cut where
        the printed `suffix` starts (itself maybe broken over two lines); without it, up
        to the first printed line."""
        spans = first + lines
        texts = [self.pieces[s.piece].text[s.start : s.end] for s in spans]
        joined = "\n".join(texts)
        cut = self._suffix_at(joined, suffix) if fold(suffix) else len(joined)
        if cut < len(joined):
            out, offset = [], 0
            for span, text in zip(spans, texts, strict=True):
                if cut <= offset + len(text):
                    if cut > offset:
                        out.append(Span(span.piece, span.start, span.start + cut - offset))
                    return out
                out.append(span)
                offset += len(text) + 1
            return out
        out = list(first)
        for span in lines:  # (a line of dot leaders alone is room to write on, not printed text)
            if self.printed_line(span.piece) and fold(self.pieces[span.piece].text):
                self.cut_short(out, span.piece)
                break
            out.append(span)
        return out
