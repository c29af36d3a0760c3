"""Specks of dirt OCR read as a mark of punctuation standing alone ("." between two lines
of an answer, or between a month and its day in a table's row). Such a mark parts the
words around it: an answer's second line is no longer the line under its first, and a
row is no longer a date. A mark OCR was unsure of, with no word touching it (a full stop
or comma a writer types sits right against its word), is left out of the page, before
the layout is made. So is a table's border OCR read as an unsure "I" (`ocr.page` reads a
"|" off any drawn line as "I", at `BAR_AS_I` at most) standing clear between two cells: a
space from the word before it, and the next cell's first word (a capital or a digit: a
pronoun "I" in an answer is followed by a word in lower case) a space after it."""

from __future__ import annotations

from dataclasses import replace

from ..ocr.page import BAR_AS_I
from .page import Page, Word

SPECK_MARKS = set(".,·'`‘’")  # marks a speck of dirt is read as
SPECK_CHARACTERS = 2  # a speck is read as this many marks at most
SURE = 0.9  # OCR confidence: a mark read at least this sure is kept (the reader's gate)
TOUCHING = 0.3  # of the font size: a mark this near its word's end belongs to it (a space is wider)
BAR_CLEAR = 0.3  # of the font size: a border read as "I" stands at least this far from both neighbours


def without_specks(page: Page) -> Page:
    """The page without the marks of punctuation OCR read from specks of dirt."""
    words = tuple(
        word for word in page.words if not _speck(word, page.words) and not _border(word, page.words)
    )
    return page if len(words) == len(page.words) else replace(page, words=words)


def _speck(word: Word, words: tuple[Word, ...]) -> bool:
    """Whether a word is a mark or two of punctuation, read unsure, that no word on its
    line touches on its left."""
    if word.confidence >= SURE or len(word.text) > SPECK_CHARACTERS or not set(word.text) <= SPECK_MARKS:
        return False
    return not any(
        other is not word
        and other.top < word.bottom
        and word.top < other.bottom
        and 0 <= word.x0 - other.x1 < TOUCHING * word.size
        for other in words
    )


def _border(word: Word, words: tuple[Word, ...]) -> bool:
    """Whether a word is a table's border read as "I": unsure, clear of the word before it
    on its line, and the first word of the next cell after it, starting with a capital or
    a digit."""
    if word.text != "I" or word.confidence > BAR_AS_I:
        return False
    line = sorted((o for o in words if o.top < word.bottom and word.top < o.bottom), key=lambda o: o.x0)
    before = [o for o in line if o.x1 <= word.x0 and o is not word]
    after = [o for o in line if o.x0 >= word.x1 and o is not word]
    clear = BAR_CLEAR * word.size
    return (
        bool(after)
        and (not before or word.x0 - before[-1].x1 >= clear)
        and after[0].x0 - word.x1 >= clear
        and (after[0].text[:1].isupper() or after[0].text[:1].isdigit())
    )
