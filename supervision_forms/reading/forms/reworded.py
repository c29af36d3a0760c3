"""Labels an older edition of the form words its own way, found by the form's order.

A field whose label was not found, even loosely, is looked for between the labels found
for the fields printed before and after it: there, a label-like piece (a question, a
"Label:", or a cell beside or above an answer) that shares most of what it asks with the
field's label (`wording.content`: "How will we resolve difficulties?" for "What methods
will be used to resolve any difficulties in working together") is taken for it, when no
other field there fits it as well. Such a label is read with a warning.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from operator import attrgetter

from ...text.dates import date_span, find_dates
from ...text.durations import read_duration_minutes
from ...text.names import written_like_a_name
from ..knowledge import FieldInfo, FormKnowledge
from ..text import fold
from ..wording import content
from .labels import MAX_LABEL_LINES, Finder, Hit
from .layout import Layout, Piece
from .places import Answer, Places
from .spots import Span

SCORE = 80.0  # the score a label found this way is read with (it is warned about)
MIN_SHARE = 0.5  # of the piece's own words
MAX_LABEL_WORDS = 20  # a label longer than this is a sentence, not a label
LABEL_END = re.compile(r"[?:]")
ORDER_SCORE = 70.0  # the score of a label found by the form's order alone (it is warned about)
MAX_ORDER_WORDS = 8  # a label found by order alone is this short
MAX_DATE_WORDS = 4  # a date answer beside its label is this short
MIN_SHARED = 2  # words of what the label asks that the piece must share
PREFIX_WORDS = 3  # a label that lost its colon, with a name typed on after it, is this short
ASIDE = re.compile(r"\s*\([^()]*\)")  # examples in brackets: "(e.g. culture, gender)"


def find_reworded(finder: Finder, know: FormKnowledge, hits: dict[str, Hit], fields: list[FieldInfo]) -> None:
    """Find the labels of `fields` (not found yet) between the labels found around them."""
    order = know.order
    layout = finder.layout
    taken = {n for hit in finder.hits for n in hit.pieces}
    for info in fields:
        if info.path in hits or info.path not in order:
            continue
        low, high = _window(order, info.path, hits, len(layout.pieces))
        low = _line_start(layout, low)
        wanted = content(info.spec.label) | {w for alias in info.labels[1:] for w in content(alias)}
        best: list[tuple[bool, float, int, int]] = []
        for number in range(low, high):
            if number in taken or finder.runs_on(number, ends=True):
                continue  # (a line a sentence wrapped onto starts no label)
            text = _label_text(finder, number)
            for label, least in _label_ends(layout, number, text, know, info):
                lines = text[:label].split("\n")  # (its first lines may ask it, the rest give examples)
                rest = text[label:].strip() or _beside(layout, number, text, know)  # (or the piece after it)
                asks = ["\n".join(lines[:count]) for count in range(1, len(lines) + 1)]
                shares = [
                    _share(content(words), wanted, least) for words in [*asks, ASIDE.sub("", text[:label])]
                ]
                if any(shares):  # (one going on with what its field cannot take ranks below the rest)
                    fits = not rest.strip() or could_answer(info, rest)
                    best.append((fits, max(shares), number, label))
        best.sort(reverse=True)
        if not best or (len(best) > 1 and best[1][:2] == best[0][:2]):
            continue
        _, _, number, label = best[0]
        if _fits_another(_label_text(finder, number)[:label], info, fields, hits):
            continue
        hit = finder.take(info.path, number, 0, label, SCORE)
        if hit is not None:
            hits[info.path] = hit
            taken.update(hit.pieces)


def _label_ends(
    layout: Layout, number: int, text: str, know: FormKnowledge, info: FieldInfo
) -> list[tuple[int, int]]:
    """Where a label in a piece may end, each with the fewest words it must share with the
    field's label: at its "?" or ":", or the piece's end (`_label_part`), or, for a date,
    before the date that ends the piece (`_before_date`); and in a piece with none of
    these, for a name, after its first words when the rest is a name written as one,
    typed on after a label that lost its colon ("Supervisor Jane Smith")."""
    label = _label_part(layout, number, text, know)
    if info.kind == "date" and (label is None or label == len(text)):
        label = _before_date(text, know) or label
    if label is None:
        return []
    rest = text[label:].strip() or _beside(layout, number, text, know)
    short_date = info.kind == "date" and len(rest.split()) <= MAX_DATE_WORDS and bool(find_dates(rest))
    ends = [(label, 1 if short_date else MIN_SHARED)]
    if label < len(text) or "\n" in text or not is_name(info.path):
        return ends
    for word in list(re.finditer(r"\S+", text))[:PREFIX_WORDS]:
        if written_like_a_name(text[word.end() :].strip()):
            ends.append((word.end(), 1))
    return ends


def _beside(layout: Layout, number: int, text: str, know: FormKnowledge) -> str:
    """The text after a label: in a Word table, the first paragraph of the next cell in
    its row; in a PDF, after a label of one line in its drawn cell: the next piece on its
    line (an answer typed beside or over it) and the line it wrapped onto at the cell's
    start, else the line right under it set where it starts (an answer written under its
    label), else the line right above it set right of its end, alone (typed in a box set
    higher); "" where there is none. (Not the form's own text.)"""
    piece = layout.pieces[number]
    if layout.structured and piece.row >= 0:  # Word: the cell beside its cell in its row
        cells = [p for p in layout.pieces if p.row == piece.row and p.column > piece.column]
        return next((p.text for p in cells if p.column == min(c.column for c in cells)), "")
    if layout.structured or piece.cell < 0 or "\n" in text:
        return ""
    after = layout.pieces[number + 1] if number + 1 < len(layout.pieces) else None
    if after is not None and after.line == piece.line and after.cell == piece.cell:
        wrapped = _in_cell(layout, piece, piece.line + 1, piece.column)
        wraps = len(wrapped) == 1 and after.room < wrapped[0].lead
        return f"{after.text} {wrapped[0].text}" if wraps else after.text
    under = [p for p in _in_cell(layout, piece, piece.line + 1, piece.column) if not know.is_printed(p.text)]
    above = _in_cell(layout, piece, piece.line - 1, None)
    if under:
        return under[0].text
    return above[0].text if len(above) == 1 and above[0].column > piece.end_column else ""


def _in_cell(layout: Layout, piece: Piece, line: int, column: float | None) -> list[Piece]:
    """PDF: the pieces on `line` in the drawn cell of `piece` (starting at `column`, if given)."""
    return [
        other
        for other in layout.pieces
        if other.line == line
        and other.cell == piece.cell
        and (column is None or abs(other.column - column) <= layout.near)
    ]


def _share(words: frozenset[str], wanted: frozenset[str], least: int) -> float:
    """How much of what a label asks (`words`) is what the field's label asks (`wanted`);
    0 when they share fewer than `least` words, or under half the label's."""
    shared = len(words & wanted)
    if shared >= least and shared >= MIN_SHARE * len(words):
        return shared / len(words | wanted)
    return 0.0


def _window(order: list[str], path: str, hits: dict[str, Hit], pieces: int) -> tuple[int, int]:
    """The pieces between the labels found for the fields before and after `path`."""
    at = order.index(path)
    before = [hits[p].end_piece + 1 for p in order[:at] if p in hits]
    after = [hits[p].piece for p in order[at + 1 :] if p in hits]
    low = before[-1] if before else 0
    high = after[0] if after else pieces
    return low, max(low, high)


def _line_start(layout: Layout, low: int) -> int:
    """From a window's first piece back to the first on the line (PDF), or in the table
    row (Word), of the label before it: a label in a cell left of that one comes before
    it in reading order ("Next review:" in the signature table's first column)."""
    if not 0 < low <= len(layout.pieces) or (layout.structured and layout.pieces[low - 1].row < 0):
        return low
    place = attrgetter("row" if layout.structured else "line")
    before = place(layout.pieces[low - 1])
    while low > 0 and place(layout.pieces[low - 1]) == before:
        low -= 1
    return low


def _label_text(finder: Finder, number: int) -> str:
    """A piece's text; in a PDF, with the lines under it in its column up to the one
    that ends with "?" or ":" (a label wrapped over lines), when one does soon and each
    line carries on the one above, or else the lines it wrapped onto in its drawn cell."""
    if finder.layout.structured:
        return finder.layout.pieces[number].text
    stream = next(s for s in finder.streams if number in s.pieces)
    at = stream.pieces.index(number)
    numbers = stream.pieces[at : at + MAX_LABEL_LINES]
    lines = [finder.layout.pieces[n].text for n in numbers]
    for count in range(1, len(lines) + 1):
        if count > 1 and not finder.goes_on(numbers[count - 2], numbers[count - 1]):
            break  # (a line starting anew: the next label, not this one's end)
        if LABEL_END.search(lines[count - 1]):
            return "\n".join(lines[:count])
    return "\n".join(lines[: 1 + len(finder.wrapped_in_cell(number))])


def _label_part(layout: Layout, number: int, text: str, know: FormKnowledge) -> int | None:
    """How much of a piece's `text` is a label: up to its "?" or ":", or all of a short
    piece that could be a label cell; None when it does not look like a label or is a
    line the form prints."""
    end = LABEL_END.search(text)
    if end is not None and len(text[: end.end()].split()) <= MAX_LABEL_WORDS:
        part = end.end()
    elif len(text.split()) <= MAX_LABEL_WORDS and _label_like(layout, number):
        part = len(text)
    else:
        return None
    return None if fold(text[:part]) in know.lines else part


def _before_date(text: str, know: FormKnowledge) -> int | None:
    """Where a date ends a piece of a few words with no colon ("To be reviewed on 18
    February 2026"): the words before it may be a date's label; None otherwise."""
    span = date_span(text)
    if span is None or span[0] == 0 or text[span[1] :].strip(" ."):
        return None
    words = text[: span[0]].split()
    return span[0] if len(words) <= MAX_ORDER_WORDS and fold(text[: span[0]]) not in know.lines else None


def _label_like(layout: Layout, number: int) -> bool:
    """Whether a piece could be a label cell: the first piece of a Word table cell, or a
    PDF line (the words it shares with the field's label decide)."""
    piece = layout.pieces[number]
    if layout.structured:
        return piece.cell >= 0 and layout.cell_pieces(piece.cell)[0] == number
    return True


def _fits_another(text: str, info: FieldInfo, fields: list[FieldInfo], hits: dict[str, Hit]) -> bool:
    """Whether another field still without a label shares more of what `text` asks."""
    words = content(text)
    mine = len(words & content(info.spec.label))
    return any(
        len(words & content(other.spec.label)) > mine
        for other in fields
        if other.path != info.path and other.path not in hits
    )


def find_by_order(
    finder: Finder,
    places: Places,
    know: FormKnowledge,
    hits: dict[str, Hit],
    answers: dict[str, Answer],
    unexplained: Callable[[range], list[int]],
) -> dict[str, list[Span]]:
    """Labels an older edition words so differently that no word matches ("Main duties:"
    for "KEY TASKS OF SUPERVISEE"), found by the form's order alone: where no other field
    not found between the labels found for the fields printed before and after it could
    take its answer (a date field takes no answer without a date), and everything between
    those labels is the form's own text, their answers,
    one label-like piece and what `places` reads after it (`unexplained`: the pieces
    holding text that would go to `unmapped`). Returns the fields found, with where
    their labels are."""
    order = know.order
    infos = {info.path: info for info in know.fields}
    found: dict[str, list[Span]] = {}
    for at, path in enumerate(order):
        if path in hits or infos[path].spec.place in ("table", "signature"):
            continue
        before = [p for p in order[:at] if p in hits]
        after = [p for p in order[at + 1 :] if p in hits]
        if not before or not after:
            continue
        between = [infos[p] for p in order[order.index(before[-1]) + 1 : order.index(after[0])] if p != path]
        low, high = hits[before[-1]].end_piece + 1, hits[after[0]].piece
        left = unexplained(range(low, high))
        label = _label_lines(finder, left)
        text = " ".join(finder.layout.pieces[n].text.strip() for n in label)
        if not label or not _label_alone(text, know):
            continue
        hit = finder.take(path, label[0], 0, len(finder.layout.pieces[label[0]].text.rstrip()), ORDER_SCORE)
        if hit is None:
            continue
        places.add_hit(hit)
        answer = places.read(hit, infos[path])
        spans = answer.spans if answer is not None else ()
        unsure = any(could_answer(other, answer.text if answer else "") for other in between)
        if (
            answer is None
            or unsure
            or set(unexplained(range(low, high))) - set(label)
            or any(s.piece in label for s in spans)
        ):  # no answer (the "label" may be writing), text left unexplained, or another field could take it
            places.drop_hit(hit)
            continue
        hits[path] = hit
        answers[path] = answer
        found[path] = [Span(n, 0, len(finder.layout.pieces[n].text)) for n in label]
    return found


def is_name(path: str) -> bool:
    """Whether a field holds a person's name ("supervisee.name", "signatures.supervisor.name")."""
    return path.rsplit(".", 1)[-1] == "name"


def could_answer(info: FieldInfo, text: str) -> bool:
    """Whether text could be a value of the field: a date or a number where it wants one."""
    if info.kind == "date":
        return bool(find_dates(text))
    if info.kind == "int":
        return read_duration_minutes(text) is not None
    return True


def _label_lines(finder: Finder, left: list[int]) -> list[int]:
    """The first of the pieces `left`, and the lines it wrapped onto in its drawn cell
    that are left too (a label wrapped in its cell): the label's pieces."""
    if not left:
        return []
    wrapped = finder.wrapped_in_cell(left[0])
    return [left[0], *itertools.takewhile(lambda number: number in left, wrapped)]


def _label_alone(text: str, know: FormKnowledge) -> bool:
    """Whether text reads as a label on its own: a few words, a capital first, no
    sentence's full stop, no date, not a line the form prints."""
    return (
        0 < len(text.split()) <= MAX_ORDER_WORDS
        and text[:1].isupper()
        and not text.endswith(".")
        and not find_dates(text)
        and fold(text) not in know.lines
    )
