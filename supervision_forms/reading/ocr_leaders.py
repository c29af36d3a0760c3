"""Words OCR glued to a form's dot leaders. Where an answer is typed against a printed
line of dots ("current.........."), Tesseract reads the answer's word and the dots as
one word, often with the dots' own misreadings after them ("feedback.......ccsseeenees",
"year..........00"), and gives the whole its doubt about the dots (often 0). Such a word
is given back as a text layer would give it: the word and its dots, the noise after the
dots left out. Its doubt is the leader's, not the word's, when the word is English (or
the form's) and written as words are (lower case, a capital first, or all capitals): it
is then as sure as `LEADER_WORD`. A word misread with the dots ("CUITentiee",
"recOrded") keeps its doubt, and the field it is in is left empty as before."""

from __future__ import annotations

import re
from dataclasses import replace

from ..ocr.lexicon import english_words, words_of
from .page import Page, Word

LEADER_WORD = 0.9  # OCR confidence of an English word read glued to a leader (the gate's own)
DOTS = r"\.{4,}"  # a leader's dots (three are an ellipsis a writer types)
GLUED = re.compile(
    rf"^(?P<before>{DOTS})?(?P<word>[^.]+)(?P<dots>{DOTS})(?P<noise>.*)$|^(?P<lead>{DOTS})(?P<after>[^.]+)$"
)
NOISE = re.compile(r"^[.,:;<>·'‘`\"\dceosanrtiuv]*$")  # what Tesseract makes of the dots past a leader


def apart(page: Page) -> Page:
    """The page with each word glued to a leader given back as the word and its dots."""
    words = tuple(_apart(word) for word in page.words)
    return page if words == page.words else replace(page, words=words)


def _apart(word: Word) -> Word:
    text = _without_noise(word.text)
    if text is None:
        return word
    letters = text.strip(".")
    sure = word.confidence
    if _english(letters):
        sure = max(sure, LEADER_WORD)
    return replace(word, text=text, confidence=sure)


def _without_noise(text: str) -> str | None:
    """The word and its leader, without the noise OCR read past the dots; None when the
    word is not glued to a leader."""
    match = GLUED.match(text)
    if match is None:
        return None
    if match.group("lead") is not None:
        after = match.group("after")
        return match.group("lead") if NOISE.match(after) and not _english(after) else text
    noise = match.group("noise")
    if noise and (not NOISE.match(noise) or _english(noise.strip(".,:;"))):
        return None  # text after the dots that is no leader's noise: keep it as read
    return (match.group("before") or "") + match.group("word") + match.group("dots")


def _english(text: str) -> bool:
    """Whether text is a word or two (hyphened), each English, written as words are."""
    pieces = words_of(text)
    if not pieces or "".join(pieces) != re.sub(r"[-'’]", "", text):
        return False
    english = english_words()
    return all(_written(piece) and piece.lower() in english for piece in pieces)


def _written(word: str) -> bool:
    return word.islower() or word.isupper() or (word[:1].isupper() and word[1:].islower())
