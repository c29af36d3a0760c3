"""English words, for telling a word OCR may have misread. Tesseract's English data reads
letters it is unsure of as the nearest shapes it knows ("health" as "heaith", a word cut
short as "rofessional"), often at a high confidence; a word in no English word list and
not on the form either is such a word (or a piece of jargon). Words with a capital are
passed over: names, places and acronyms are in no word list.

The word list is Tesseract's own (the dictionary in its English data, British spellings
and all: "centre", "recognise", "wellbeing"), taken out of its data file once a process
with the tools Tesseract ships (`combine_tessdata`, `dawg2wordlist`)."""

from __future__ import annotations

import functools
import re
import shutil
import tempfile
from pathlib import Path

from ..errors import SupervisionFormsError
from .process import run_bounded
from .tesseract import CPU_SECONDS, MEMORY_BYTES, english_data

WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")  # letters, with apostrophes inside ("isn't")
POSSESSIVE = "'s"
DICTIONARY = "eng.lstm-word-dawg"
LETTERS = "eng.lstm-unicharset"


def words_of(text: str) -> list[str]:
    """The words of `text`, curly apostrophes as straight ones."""
    return WORD.findall(text.replace("’", "'").replace("‘", "'"))


def unknown(text: str, known: frozenset[str]) -> list[str]:
    """The words of `text` in lower case, of two letters or more, that are neither English
    nor in `known` (the form's own words, lower case). None are when there is no English
    word list here (Tesseract's tools missing)."""
    english = english_words()
    if not english:
        return []
    return [
        word
        for word in words_of(text)
        if len(word) > 1
        and word.islower()
        and not any(form in known or form in english for form in (word, word.removesuffix(POSSESSIVE)))
    ]


@functools.cache
def english_words() -> frozenset[str]:
    """Tesseract's English dictionary, lower case (empty when it cannot be read)."""
    tools = [shutil.which(name) for name in ("combine_tessdata", "dawg2wordlist")]
    data = english_data()
    if None in tools or data is None:
        return frozenset()
    combine, listing = (str(tool) for tool in tools)
    try:
        with tempfile.TemporaryDirectory() as temp:
            dawg, letters, words = Path(temp, DICTIONARY), Path(temp, LETTERS), Path(temp, "words")
            _run([combine, "-e", str(data), str(dawg), str(letters)])
            _run([listing, str(letters), str(dawg), str(words)])
            return frozenset(words.read_text(encoding="utf-8").lower().split())
    except (OSError, SupervisionFormsError, UnicodeDecodeError):
        return frozenset()


def _run(argv: list[str]) -> None:
    run_bounded(
        argv, b"", cpu_seconds=CPU_SECONDS, memory_bytes=MEMORY_BYTES, failure="Tesseract's word list"
    )
