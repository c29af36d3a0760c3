"""Answers a page break may have cut. A scan is often a page or two of a form, not all of
it (one image a page, or the pages that were to hand). An answer at the top of the first
page read, with nothing above it in its column but the page's header, may have begun on a
page before it; one at the foot of the last page read, with nothing under it in its column
but the footer, may go on onto the next page when the form has fields after it. Either is
read only in part: not a value (`ocr_fields` leaves it empty, its text in `unmapped`).
Such an answer lies near the page's edge: the break is there."""

from __future__ import annotations

from collections.abc import Iterable

from ..models.paths import generic
from .knowledge import FormKnowledge
from .ocr_words import WordStream

NEAR_EDGE = 0.2  # of the page's height: an answer a break cut starts (or ends) this near its edge


def cut_at_break(
    stream: WordStream, found: list[int], path: str, edges: set[int], know: FormKnowledge
) -> str | None:
    """Why the answer read from tokens `found` (of field `path`) may be cut by a page break
    (it may begin on a page before, or go on onto the next), or None: never for the
    form's first field at the top, nor its last at the foot. `edges`: the stream's lines
    of page furniture."""
    lines = sorted({stream.tokens[index].line for index in found})
    words = [stream.tokens[index].word for index in found]
    left, right = min(w.x0 for w in words), max(w.x1 for w in words)
    first_page, last_page = min(stream.pages), max(stream.pages)
    page, _ = stream.places[lines[0]]
    order = know.order
    name = generic(path)
    where = next((i for i, slot in enumerate(order) if slot in (name, name + "[]")), None)
    if (
        page == first_page
        and words[0].top < NEAR_EDGE * stream.heights[page]
        and (where is None or where > 0)
        and not _column_text(stream, _same_page(stream, lines[0], -1), left, right, edges)
    ):
        return "it starts the first page read, and may begin on a page before it"
    page, _ = stream.places[lines[-1]]
    if (
        page == last_page
        and max(w.bottom for w in words) > (1 - NEAR_EDGE) * stream.heights[page]
        and (where is None or where < len(order) - 1)
        and not _column_text(stream, _same_page(stream, lines[-1], 1), left, right, edges)
    ):
        return "it ends the last page read, and may go on onto the next page"
    return None


def _same_page(stream: WordStream, line: int, step: int) -> Iterable[int]:
    """The lines of a line's page above it (`step` -1, nearest first) or under it (1)."""
    others = range(line + step, -1 if step < 0 else len(stream.lines), step)
    return (other for other in others if stream.places[other][0] == stream.places[line][0])


def _column_text(
    stream: WordStream, lines: Iterable[int], left: float, right: float, edges: set[int]
) -> bool:
    """Whether any of `lines` that is not page furniture has a word over or under the
    span from `left` to `right`."""
    for line in lines:
        if line in edges:
            continue
        page = stream.places[line][0]
        for word in stream.lines[line]:
            if stream.outside_body(word, page):
                continue
            if word.x0 < right and left < word.x1:
                return True
    return False
