"""Words OCR glued to a form's dot leaders. Where an answer is typed against a printed
line of dots ("current.........."), Tesseract reads the answer's word and the dots as
one word, often with the dots' own misreadings after them ("feedback.......ccsseeenees",
"year..........00"), and gives the whole its doubt about the dots (often 0). Such a word
is given back as a text layer would give it: the word and its dots, the noise after the
dots left out. Its doubt is the leader's, not the word's, when the word is English and in
lower case (a capital first only where it starts an answer, after a leader's dots): it
is then as sure as `LEADER_WORD`. A word misread with the dots ("CUITentiee") keeps its
doubt, and so does one whose case OCR misread there ("Slip", "WITHIN", "recOrded"): the
field it is in is left empty as before. Noise OCR read from the dots as a word of its own
("supervisor ……… eee"), or after a leader's first dots ("………0...c"), is the dots."""

from __future__ import annotations

import re
from dataclasses import replace

from ..ocr.lexicon import english_words, words_of
from .page import Page, Word

LEADER_WORD = 0.9  # OCR confidence of an English word read glued to a leader (the gate's own)
DOTS = r"\.{4,}"  # a leader's dots (three are an ellipsis a writer types)
GLUED = re.compile(
    rf"^(?P<before>{DOTS})?(?P<word>[^.]+)(?P<dots>{DOTS})(?P<noise>.*)$|^(?P<lead>{DOTS})(?P<after>[^.].*)$"
)
NOISE = re.compile(r"^[.,:;<>·'‘`\"\dceosanrtiuv]*$")  # what Tesseract makes of the dots past a leader
NOISE_WORD = re.compile(r"[ceosanrtiuv]+")  # the letters of that noise, read as a word of its own
NOISE_SURE = 0.5  # OCR confidence: such a word read under it, touching the dots, is theirs


def apart(page: Page) -> Page:
    """The page with each word glued to a leader given back as the word and its dots, and
    without the noise OCR read from a leader's dots as words of their own."""
    words = tuple(_apart(word) for word in page.words)
    dots = [word for word in words if re.fullmatch(DOTS, word.text)]
    words = tuple(word for word in words if not _noise_word(word, dots))
    return page if words == page.words else replace(page, words=words)


def _noise_word(w: Word, dots: list[Word]) -> bool:
    """Whether a word is what OCR made of a leader's dots: the letters of their noise, read
    unsure, touching or over a word of `dots` on its line ("……… eee", "supervisee i……")."""
    if w.confidence >= NOISE_SURE or NOISE_WORD.fullmatch(w.text) is None:
        return False
    return any(d.top < w.bottom and w.top < d.bottom and w.x0 <= d.x1 and d.x0 <= w.x1 for d in dots)


def _apart(word: Word) -> Word:
    text = _without_noise(word.text)
    if text is None:
        return word
    sure = word.confidence
    if _sure_word(text.strip("."), starts=text.startswith(".")):
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
        return match.group("lead") if NOISE.match(after) and not _is_word(after) else text
    noise = match.group("noise")
    if noise and (not NOISE.match(noise) or _is_word(noise.strip(".,:;"))):
        return None  # text after the dots that is no leader's noise: keep it as read
    return (match.group("before") or "") + match.group("word") + match.group("dots")


def _sure_word(text: str, starts: bool) -> bool:
    """Whether text is English words (one, or two hyphened) written as OCR reads them
    right beside dots: in lower case, the first with a capital only when it `starts` an
    answer."""
    pieces = words_of(text)
    if not pieces or "".join(pieces) != re.sub(r"[-'’]", "", text):
        return False
    first = pieces[0]
    written = all(piece.islower() for piece in pieces[1:]) and (
        first.islower() or (starts and first[:1].isupper() and first[1:].islower())
    )
    return written and all(piece.lower() in english_words() for piece in pieces)


def _is_word(text: str) -> bool:
    """Whether text is an English word, whatever its case (not a leader's noise)."""
    return text.lower() in english_words()
