"""Whether a PDF page's text layer can be used, or the page needs OCR.

A scan has no text layer at all. A PDF printed through PostScript often has one that is
garbage: its fonts lost the map from glyphs to characters (no ToUnicode), so the text comes
out as control characters (pypdf), shifted punctuation (pdftotext), private-use characters,
glyph names (/g123, cid:45) or letters that make no words. All of these need OCR.
"""

from __future__ import annotations

import re
import unicodedata

MIN_CHARACTERS = 3  # fewer (besides spaces): no text layer to speak of
MAX_UNREADABLE = 0.10  # share of characters that are control, private-use or unassigned
MIN_LETTERS = 0.5  # share of characters that are letters (a form is mostly words)
MAX_GLYPH_NAMES = 0.2  # share of tokens that are glyph names
MIN_LATIN = 0.5  # share of letters in the Latin script (the forms are in English)
WORDS_TO_JUDGE = 20  # with at least this many words, some must be common English ones
MIN_COMMON = 0.03  # share of words in `COMMON` (English prose has about a third)
VOWELS = (0.2, 0.6)  # share of a, e, i, o, u, y among Latin letters (English: about 0.4)
LETTERS_TO_JUDGE = 100  # vowels are counted only with at least this many letters

GLYPH_NAME = re.compile(r"/?(?:g|glyph|gid|cid:?|uni|index)[0-9a-f]{1,5}", re.IGNORECASE)
WORD = re.compile(r"[^\W\d_]+")
COMMON = frozenset(
    [
        "a",
        "about",
        "after",
        "all",
        "also",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "been",
        "before",
        "but",
        "by",
        "can",
        "date",
        "do",
        "each",
        "for",
        "from",
        "has",
        "have",
        "he",
        "her",
        "his",
        "how",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "may",
        "must",
        "name",
        "no",
        "not",
        "of",
        "on",
        "or",
        "our",
        "over",
        "she",
        "should",
        "so",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "to",
        "under",
        "up",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "who",
        "will",
        "with",
        "would",
        "you",
        "your",
    ]
)


def needs_ocr(page_text: str) -> bool:
    """True when a PDF page's extracted text is missing or garbage, so the page must be read
    by OCR; False when it reads as text (even a little text, as on a last page)."""
    characters = [c for c in page_text if not c.isspace()]
    if len(characters) < MIN_CHARACTERS:
        return True
    unreadable = sum(1 for c in characters if _unreadable(c))
    if unreadable > MAX_UNREADABLE * len(characters):
        return True
    tokens = page_text.split()
    if sum(1 for t in tokens if GLYPH_NAME.fullmatch(t.strip("()[]<>,;"))) > MAX_GLYPH_NAMES * len(tokens):
        return True
    letters = [c for c in characters if c.isalpha()]
    wordy = [c for c in characters if c != "_" and not c.isdigit()]  # answer lines and dates aside
    if len(letters) < MIN_LETTERS * len(wordy):
        return True
    latin = [c for c in letters if _latin(c)]
    if len(latin) < MIN_LATIN * len(letters):
        return True
    if len(latin) >= LETTERS_TO_JUDGE:
        vowels = sum(1 for c in latin if c.casefold() in "aeiouy") / len(latin)
        if not VOWELS[0] <= vowels <= VOWELS[1]:
            return True
    words = WORD.findall(page_text)
    if len(words) >= WORDS_TO_JUDGE:
        common = sum(1 for w in words if w.casefold() in COMMON)
        if common < MIN_COMMON * len(words):
            return True
    return False


def _unreadable(character: str) -> bool:
    return character == "\ufffd" or unicodedata.category(character) in ("Cc", "Co", "Cn", "Cs")


def _latin(letter: str) -> bool:
    return letter.isascii() or "LATIN" in unicodedata.name(letter, "")
