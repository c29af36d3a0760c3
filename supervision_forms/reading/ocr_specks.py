"""Specks of dirt OCR read as a mark of punctuation standing alone ("." between two lines
of an answer, or between a month and its day in a table's row). Such a mark parts the
words around it: an answer's second line is no longer the line under its first, and a
row is no longer a date. A mark OCR was unsure of, with no word touching it (a full stop
or comma a writer types sits right against its word), is left out of the page, before
the layout is made. So is a table's border OCR read as an unsure "I" (`ocr.page` reads a
"|" off any drawn line as "I", at `BAR_AS_I` at most) standing clear between two cells: a
space from the word before it, and the next cell's first word (a capital or a digit: a
pronoun "I" in an answer is followed by a word in lower case) a space after it. And a
"|" OCR read as an "I" in running text (`BAR_IN_TEXT`) is the pronoun, as sure as the
gate, where a word of the line stands a space before it (or it starts its line) and an
English word in lower case, read sure, a space after it ("supervisor I am"): a drawn
line between two cells stands clear of both (a cell's padding), and ends no sentence."""

from __future__ import annotations

from dataclasses import replace

from ..ocr.lexicon import english_words, words_of
from ..ocr.tesseract import BAR_AS_I, BAR_IN_TEXT
from .page import Page, Word

SPECK_MARKS = set(".,·'`‘’")  # marks a speck of dirt is read as
SPECK_CHARACTERS = 2  # a speck is read as this many marks at most
SURE = 0.9  # OCR confidence: a mark read at least this sure is kept (the reader's gate)
TOUCHING = 0.3  # of the font size: a mark this near its word's end belongs to it (a space is wider)
BAR_CLEAR = 0.3  # of the font size: a border read as "I" stands at least this far from both neighbours
PRONOUN_GAP = 0.5  # of the font size: the pronoun "I" stands at most this far from its neighbours


def without_specks(page: Page) -> Page:
    """The page without the marks of punctuation OCR read from specks of dirt."""
    words = tuple(
        _pronoun(word, page.words)
        for word in page.words
        if not _speck(word, page.words) and not _border(word, page.words)
    )
    return page if words == page.words else replace(page, words=words)


def _pronoun(word: Word, words: tuple[Word, ...]) -> Word:
    """The word, as sure as the gate where it is a "|" read as the pronoun "I" in running
    text: a word of its line just before it (or none) and an English word in lower case,
    read sure, just after it."""
    if word.text != "I" or not BAR_AS_I < word.confidence <= BAR_IN_TEXT:
        return word
    line = sorted((o for o in words if o.top < word.bottom and word.top < o.bottom), key=lambda o: o.x0)
    before = [o for o in line if o.x1 <= word.x0 and o is not word]
    after = [o for o in line if o.x0 >= word.x1 and o is not word]
    near = PRONOUN_GAP * word.size
    if not after or after[0].x0 - word.x1 > near or (before and word.x0 - before[-1].x1 > near):
        return word
    follows = after[0].text
    pieces = words_of(follows)
    english = len(pieces) == 1 and pieces[0].islower() and pieces[0] in english_words()
    sure = after[0].confidence >= SURE and follows[:1].islower()
    return replace(word, confidence=SURE) if english and sure else word


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
