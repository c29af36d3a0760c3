"""Specks of dirt OCR read as a mark of punctuation standing alone ("." between two lines
of an answer, or between a month and its day in a table's row). Such a mark parts the
words around it: an answer's second line is no longer the line under its first, and a
row is no longer a date. A mark OCR was unsure of, with no word touching it (a full stop
or comma a writer types sits right against its word), is left out of the page, before
the layout is made."""

from __future__ import annotations

from dataclasses import replace

from .page import Page, Word

SPECK_MARKS = set(".,·'`‘’")  # marks a speck of dirt is read as
SPECK_CHARACTERS = 2  # a speck is read as this many marks at most
SURE = 0.9  # OCR confidence: a mark read at least this sure is kept (the reader's gate)
TOUCHING = 0.3  # of the font size: a mark this near its word's end belongs to it (a space is wider)


def without_specks(page: Page) -> Page:
    """The page without the marks of punctuation OCR read from specks of dirt."""
    words = tuple(word for word in page.words if not _speck(word, page.words))
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
