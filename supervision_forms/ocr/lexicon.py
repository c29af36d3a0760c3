"""English words, for telling a word OCR may have misread. Tesseract's English data reads
letters it is unsure of as the nearest shapes it knows ("health" as "heaith", a word cut
short as "rofessional"), often at a high confidence; a word in no English word list and
not on the form either is such a word (or a piece of jargon). Words with a capital are
passed over: names, places and acronyms are in no word list.

The word list is Tesseract's own (the dictionary in its English data, British spellings
and all: "centre", "recognise", "wellbeing"), taken out of its data file with the tools
Tesseract ships (`combine_tessdata`, `dawg2wordlist`) once, and kept in the user's cache
folder (`cache.py`), sorted: a fresh process reads the kept list and looks words up in it
where they lie (no set of 200,000 words built on every command)."""

from __future__ import annotations

import functools
import re
import shutil
import tempfile
from pathlib import Path

from ..errors import SupervisionFormsError
from .cache import cached, keep
from .process import run_bounded
from .tesseract import CPU_SECONDS, MEMORY_BYTES, english_data

WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")  # letters, with apostrophes inside ("isn't")
POSSESSIVE = "'s"
DICTIONARY = "eng.lstm-word-dawg"
LETTERS = "eng.lstm-unicharset"
WORD_LIST = "eng-words-2"  # the cached list's name; a new number if its making changes


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


class SortedWords:
    """A word list kept as bytes, a word a line, sorted (UTF-8's byte order is its code
    points' order); `word in words` is a binary search over the lines."""

    def __init__(self, listing: bytes) -> None:
        self._lines = listing.strip(b"\n")

    def __bool__(self) -> bool:
        return bool(self._lines)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SortedWords) and other._lines == self._lines

    __hash__ = None  # type: ignore[assignment]

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or not word or "\n" in word:
            return False
        key, lines = word.encode("utf-8"), self._lines
        low, high = 0, len(lines)  # both at a line's start (or the end)
        while low < high:
            middle = (low + high) // 2
            start = lines.rfind(b"\n", 0, middle) + 1
            end = lines.find(b"\n", middle)
            end = len(lines) if end < 0 else end
            line = lines[start:end]
            if line == key:
                return True
            low, high = (end + 1, high) if line < key else (low, start)
        return False


@functools.cache
def english_words() -> SortedWords:
    """Tesseract's English dictionary, lower case (empty when it cannot be read)."""
    data = english_data()
    if data is None:
        return SortedWords(b"")
    try:
        path = cached(data, WORD_LIST)
        listing = path.read_bytes() if path is not None else _lowered(_extract(data))
        if path is None:
            keep(data, WORD_LIST, listing)
        listing.decode("utf-8")  # (a damaged list is no list)
        return SortedWords(listing)
    except (OSError, SupervisionFormsError, UnicodeDecodeError):
        return SortedWords(b"")


def _lowered(listing: bytes) -> bytes:
    """The words of a list in lower case, each once (a third fewer), sorted."""
    return "\n".join(sorted(set(listing.decode("utf-8").lower().split()))).encode()


def _extract(data: Path) -> bytes:
    """The word list in Tesseract's data file `data`, a word a line, by its own tools
    (OSError when they are missing)."""
    tools = [shutil.which(name) for name in ("combine_tessdata", "dawg2wordlist")]
    if None in tools:
        raise FileNotFoundError("combine_tessdata or dawg2wordlist")
    combine, listing = (str(tool) for tool in tools)
    with tempfile.TemporaryDirectory() as temp:
        dawg, letters, words = Path(temp, DICTIONARY), Path(temp, LETTERS), Path(temp, "words")
        _run([combine, "-e", str(data), str(dawg), str(letters)])
        _run([listing, str(letters), str(dawg), str(words)])
        return words.read_bytes()


def _run(argv: list[str]) -> None:
    run_bounded(
        argv, b"", cpu_seconds=CPU_SECONDS, memory_bytes=MEMORY_BYTES, failure="Tesseract's word list"
    )
