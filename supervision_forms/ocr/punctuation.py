"""Punctuation that typed prose does not have, read at high confidence: most often a speck or
stray mark on the scan that Tesseract took for a quote, dash, slash or full stop ("‘Keeping"
with no closing quote, "-sessions", "/t" for "It", "disagree. with"). Such a word is never
changed, only left unsure (`UNSURE`), so the reader leaves its field empty with the text in
`unmapped`: a doubtful mark costs a missed field, never a wrong value.

A word is doubted when:
- it starts with an opening quote before a letter, and no word ends with a closing quote
  within `QUOTE_REACH` words (a real quotation is closed; an apostrophe inside a word is not
  a closing quote);
- it starts with a dash, slash or bar glued to a letter ("-sessions", "/t"): prose puts a
  space after a bullet's dash, and a slash between words ("and/or"), not before one;
- it ends with a full stop and the next word on its line starts with a small letter (not
  a word with a dot inside, "e.g.", nor one of `ABBREVIATIONS`), unless its pixels show a
  full stop drawn as one (`glyphs.full_stop`): an answer's last sentence ends there and the
  form's printed text goes on ("no change expected this year. and the person responsible");
- it is a lone full stop, comma, semicolon or colon (prose puts none after a space) that
  starts its line, has a word after it on its line ("justice . before"), or follows a word
  already ending in a mark ("summaries. ."); a lone full stop ending a line after a word,
  or after a dot leader ("………… ."), may be the form's own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from .model import OcrWord
from .tesseract import UNSURE

OPENING_QUOTES = set("‘“\"'`„«‹")
CLOSING_QUOTES = set("’”\"'»›")
GLUED_BEFORE = set("-–—/\\|")  # marks never glued before a word's first letter in prose
LINE_START_MARKS = {".", ",", ";", ":"}  # a line never starts with one of these alone
ABBREVIATIONS = {"etc.", "approx.", "vs.", "no.", "nos.", "incl.", "esp.", "ref.", "cf."}
NEXT_WORD_GAP = 0.6  # of a word's height: the next word of its sentence is nearer (a space
# is about 0.3; the next column or cell, or a gap this wide, is not the same sentence)
QUOTE_REACH = 60  # words after an opening quote in which its closing one is looked for
TRAILING = ".,;:!?)"  # what may follow a closing quote at a word's end
LONE_AFTER = set(".,;:!?")  # a lone mark after a word ending in one of these is a stray mark


def doubted(words: Sequence[OcrWord], drawn_stop: Callable[[OcrWord], bool] | None = None) -> list[OcrWord]:
    """The words, those with a doubtful mark capped at `UNSURE`. `drawn_stop`: whether a
    word's pixels end in a full stop drawn as one (None: not known)."""
    out = list(words)
    for index, word in enumerate(words):
        if word.confidence > UNSURE and _doubtful(words, index, drawn_stop):
            out[index] = replace(word, confidence=UNSURE)
    return out


def _doubtful(words: Sequence[OcrWord], index: int, drawn_stop: Callable[[OcrWord], bool] | None) -> bool:
    text = words[index].text
    if len(text) >= 2 and text[0] in OPENING_QUOTES and text[1].isalpha():
        following = words[index : index + 1 + QUOTE_REACH]
        return not any(w.text[1:].rstrip(TRAILING)[-1:] in CLOSING_QUOTES for w in following)
    if len(text) >= 2 and text[0] in GLUED_BEFORE and text[1].isalpha():
        return True
    if text in LINE_START_MARKS:
        before = _previous_on_line(words, index)
        return (
            before is None
            or _next_on_line(words, index) is not None
            or (before.text[-1:] in LONE_AFTER and set(before.text) != {"."})
        )
    if text.endswith(".") and text[:-1].isalpha() and text.lower() not in ABBREVIATIONS:
        after = _next_on_line(words, index)
        return (
            after is not None and after.text[:1].islower() and not (drawn_stop and drawn_stop(words[index]))
        )
    return False


def _next_on_line(words: Sequence[OcrWord], index: int) -> OcrWord | None:
    word = words[index]
    gap = NEXT_WORD_GAP * (word.bottom - word.top)
    for other in words[index + 1 :]:
        if word.shares_line(other):
            return other if word.x1 - 1 <= other.x0 <= word.x1 + gap else None
    return None


def _previous_on_line(words: Sequence[OcrWord], index: int) -> OcrWord | None:
    """The nearest word before this one on its line."""
    word = words[index]
    before = [o for o in words if o is not word and o.shares_line(word) and o.x1 <= word.x0 + 1]
    return max(before, key=lambda o: o.x1, default=None)
