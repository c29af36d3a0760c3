"""Accents, by a second read with Tesseract's Latin-script model.

English data writes no accented letter but "é": "Dáithí Wiśniewska" comes back as
"Daithi Wisniewska", often sure. The Latin-script model (Debian: tesseract-ocr-script-latn)
writes them, but reading the whole page with it costs half as much again as English, so
only the words that may be accented names are read by it: capitalised words the pixel
check flagged (`accents.py`), words English data read with an accent, and lone capitals
("O"). They are cut out and stacked in one strip (`second.py`), read once a page.

A word keeps English data's letters always; the Latin read may only add accents to them:
- it spells the word the same, accents aside, is sure, its accents are the marks in the
  pixels (`accents.accounts_for`), and it does not start with a capital that takes an
  accent written without one: its spelling is taken;
- it writes an accent otherwise (unsure, or other letters): the word is left unsure;
- it writes no accent: the word is as English data read it.
Without the Latin model, every word is as English data read it (accents left unsure by
the pixel check and `tesseract.ACCENTED_SURE`).

The model's word list (89 MB of its 90) is left out of a slim copy kept in the user's cache
folder (`cache.py`): loading it cost more CPU than reading a strip, and names are in no
word list anyway.
"""

from __future__ import annotations

import functools
import shutil
import tempfile
import unicodedata
from dataclasses import replace
from pathlib import Path

from PIL import Image

from ..errors import SupervisionFormsError
from .accents import ACCENTED_CAPITALS, Marks, accounts_for, missed
from .cache import cached, keep
from .process import run_bounded
from .second import ENLARGE, SURE, stacked
from .tesseract import (
    ACCENTED_SURE,
    CPU_SECONDS,
    MEMORY_BYTES,
    MODEL_SUFFIX,
    Word,
    accented,
    data_folder,
    read_words,
)

MODEL = "Latin"  # in Tesseract's data folder, or its "script" folder (tessdata upstream)
PARTS = ("lstm", "lstm-punc-dawg", "lstm-number-dawg", "lstm-unicharset", "lstm-recoder", "version")
SLIM = "latin-slim-1"  # the cached slim model's name; a new number if its making changes
ENGLISH_LETTER_WORDS = {"A", "I"}  # lone capitals that are English words
MAX_WORDS = 60  # words read again on a page at most


def with_accents(
    image: Image.Image, words: list[Word], seen: list[Marks], dpi: float | None, failure: str
) -> list[Word]:
    """The words, those that may carry accents read again by the Latin model (`seen`: the
    marks in each word's pixels)."""
    model = latin_model()
    chosen = [i for i, word in enumerate(words) if _may_be_accented(word, seen[i])]
    if model is None or not chosen:
        return words
    chosen = chosen[:MAX_WORDS]
    strip, places = stacked(image, [words[i] for i in chosen])
    again = (
        read_words(strip, dpi * ENLARGE if dpi else None, failure, single_block=True, model=model)
        if places
        else []
    )
    out = list(words)
    for at, index in enumerate(chosen):  # a word that did not fit in the strip: not read again
        top, bottom = places[at] if at < len(places) else (0, -1)
        inside = [w for w in again if top <= (w.top + w.bottom) / 2 < bottom]
        out[index] = judged(words[index], inside[0] if len(inside) == 1 else None, seen[index])
    return out


def judged(english: Word, latin: Word | None, marks: Marks) -> Word:
    """English data's word, after the Latin model read it alone as `latin` (None: not as
    one word); `marks`: those in its pixels."""
    if latin is None or accented(latin.text):
        if (
            latin is not None
            and latin.confidence >= SURE
            and _bare(latin.text) == _bare(english.text)
            and accounts_for(latin.text, marks)
            and not _plain_capital(latin.text)
        ):
            return replace(english, text=latin.text, confidence=latin.confidence)
        return _unsure(english)
    if _lone_capital(english.text) and (latin.text != english.text or latin.confidence < SURE):
        return _unsure(english)  # its pixels cannot tell; the Latin read did not confirm it
    return english


def _unsure(word: Word) -> Word:
    return replace(word, confidence=min(word.confidence, ACCENTED_SURE))


def _may_be_accented(word: Word, marks: Marks) -> bool:
    """Whether a word is worth a Latin read: English data wrote an accent in it ("é"), or
    it is capitalised (a name) and the pixel check flagged it, or it is a lone capital that
    takes an accent ("Ó" of "Ó Briain": English data's box for a lone letter is often wide
    of its ink, so the pixel check cannot tell). A flagged word in lower case is left
    unsure without one: it is rarely accented, and the read costs a Tesseract run."""
    capitalised = word.text[:1].isupper()
    return accented(word.text) or (capitalised and missed(word.text, marks)) or _lone_capital(word.text)


def _plain_capital(text: str) -> bool:
    """Whether a word starts with a capital that takes accents, written without: neither
    read may have seen its accent ("Olafsdóttir" for "Ólafsdóttir": the Latin read left it
    out, and English data's box for a capital is often wide of its ink)."""
    return text[:1] in ACCENTED_CAPITALS


def _lone_capital(text: str) -> bool:
    return text in ACCENTED_CAPITALS and text not in ENGLISH_LETTER_WORDS


def _bare(text: str) -> str:
    """The text without its accents ("Dáithí" → "Daithi")."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def latin_model() -> Path | None:
    """The Latin-script model to read with: its slim copy (made once, cached), else the
    installed model itself; None when it is not installed."""
    return _latin_model()


@functools.cache
def _latin_model() -> Path | None:
    folder = data_folder()
    if folder is None:
        return None
    found = [
        p
        for p in (folder / f"{MODEL}{MODEL_SUFFIX}", folder / "script" / f"{MODEL}{MODEL_SUFFIX}")
        if p.is_file()
    ]
    if not found:
        return None
    source = found[0]
    slim = cached(source, SLIM, MODEL_SUFFIX)
    if slim is not None:
        return slim
    try:
        return keep(source, SLIM, _slimmed(source), MODEL_SUFFIX) or source
    except (OSError, SupervisionFormsError):
        return source


def _slimmed(source: Path) -> bytes:
    """The model without its word list, by Tesseract's own `combine_tessdata`."""
    combine = shutil.which("combine_tessdata")
    if combine is None:
        raise FileNotFoundError("combine_tessdata")
    with tempfile.TemporaryDirectory() as temp:
        prefix = Path(temp, MODEL)
        parts = [f"{prefix}.{part}" for part in PARTS]
        _run([combine, "-e", str(source), *parts])
        _run([combine, f"{prefix}."])
        return Path(f"{prefix}{MODEL_SUFFIX}").read_bytes()


def _run(argv: list[str]) -> None:
    run_bounded(
        argv, b"", cpu_seconds=CPU_SECONDS, memory_bytes=MEMORY_BYTES, failure="Tesseract's Latin model"
    )
