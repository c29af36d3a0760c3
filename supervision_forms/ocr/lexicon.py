"""English words, for telling a word OCR may have misread. Tesseract's English data reads
letters it is unsure of as the nearest shapes it knows ("health" as "heaith", a word cut
short as "rofessional"), often at a high confidence; a word in no English word list and
not on the form either is such a word (or a piece of jargon). Words with a capital are
passed over: names, places and acronyms are in no word list."""

from __future__ import annotations

import functools
import re

from spellchecker import SpellChecker

WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")  # letters, with apostrophes inside ("isn't")
POSSESSIVE = "'s"


@functools.cache
def _english() -> SpellChecker:
    return SpellChecker(language="en", distance=1)


def words_of(text: str) -> list[str]:
    """The words of `text`, curly apostrophes as straight ones."""
    return WORD.findall(text.replace("’", "'").replace("‘", "'"))


def unknown(text: str, known: frozenset[str]) -> list[str]:
    """The words of `text` in lower case, of two letters or more, that are neither English
    nor in `known` (the form's own words, lower case)."""
    wanted = [
        word
        for word in words_of(text)
        if len(word) > 1
        and word.islower()
        and word not in known
        and word.removesuffix(POSSESSIVE) not in known
    ]
    if not wanted:
        return []
    english = _english().known(wanted)
    return [word for word in wanted if word not in english and word.removesuffix(POSSESSIVE) not in english]
