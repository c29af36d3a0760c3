"""Accents Tesseract's English data reads past. It knows no accented letter but "é", so
"Wiśniewska" comes back as "Wisniewska" and "Ó Briain" as "O Briain", often at over 0.9:
a wrong name read as sure. The marks are still in the pixels: an accent is a small mark
standing clear above a letter, as the dot of an "i" does, or, where the scan's blur joined it
to its letter, a mark resting on a short letter ("ś") with no stem under it (an ascender's
stem runs down through the letter). A word with more clear marks than its letters account
for, with a mark resting on a short letter of a name, or with a mark above its first capital
(above the word's box, or inside it where Tesseract's box took the accent in), is an accented
word read without its accents (`page.py` caps its confidence)."""

from __future__ import annotations

import unicodedata
from typing import NamedTuple

import numpy as np

from .glyphs import MIN_SHORT, piece_numbers, pieces, short_letters
from .pixels import Mask, runs
from .tesseract import Word, accented

ACCENT_BAND = 0.4  # of a word's height: where an accent above its capitals is drawn (Ö, É)
ACCENT_INK = 4  # pixels of ink at least, in that band, for an accent (less: dust)
ACCENT_WIDTH = 0.6  # of a word's height: an accent is narrower than this (a rule is not)
ACCENT_LETTERS = 1.5  # letters from a word's start: an accent over its capital is this far in
ACCENTED_CAPITALS = set("AEIOUYCNSZ")  # capitals that take accents (Ö, É, Ç, Ñ, Š, Ž…)
RULE_COVER = 0.6  # of the band's width: a row inked this far across is a drawn line
MARK_ROWS = 2  # rows at least an accent is drawn over (a rule's ragged edge is one)
DOTTED = set("ijé:;%")  # letters and marks drawn with a mark clear above another
APOSTROPHES = set("'’")  # may stand over the letter after them, close enough to count as a mark
MARK_INK = 0.009  # of the word's height squared: ink at least of a mark over a letter (8
# pixels in a word 30 pixels tall: 11 points at 200 dpi; less: a speck of dust)
MIN_MARK_INK = 3  # pixels at least, however coarse the scan
MARK_HIGH = 0.25  # of the word's height: a mark over a letter starts this near its top
MARK_GAP = 0.2  # ... and stands at most this far clear of the letter under it
MARK_WIDTH = 0.5  # ... and is at most this wide (wider: a piece of a drawn line)
PAIR_GAP = 1.5  # of a dot's width: the dots of a diaeresis stand at most this far apart
PAIR_SIZES = 3  # ... and the larger has at most this many times the other's ink
MIN_PAIR_INK = 2  # pixels at least of each
MIN_HEIGHT = 8  # pixels: a word less tall than this is too coarse to look at
LETTER_RUN = 0.45  # of the short letters' height: a short letter's bar or bowl is this wide
BROKEN = 1  # pieces of ink more than a word's letters and dots: its letters are broken
OVERSHOOT = 0.15  # of the short letters' height: round letters rise this far above the others
STEM = 0.7  # ... an ascender's stem runs down through this much of them (an accent's letter
# has no such stem under the mark)
RISE = 0.1  # of a word's height: a capital rising this far above the word's tall letters
TALL = set("bdfhkl")  # letters with ascenders as tall as a capital, or taller ("t" is shorter)


Piece = tuple[int, int, int, int, int]  # top, bottom, left, right, ink


class Marks(NamedTuple):
    """The small marks in a word's pixels: over its letters (dots and accents), and over
    the capital it starts with."""

    over_letters: int
    over_capital: bool
    resting: int = 0  # marks joined to the short letter under them, in a name


def marks_of(mask: Mask, word: Word, specks: Mask | None = None) -> Marks:
    """The marks of a word's pixels (`mask`: the page's ink; `specks`: the dots of ink
    taken out of it as dust, where one may be the half of a diaeresis)."""
    capital = _mark_above(mask, word) or _mark_on_capital(mask, word)
    return Marks(_marks_over_letters(mask, word, specks), capital, _resting_marks(mask, word))


def accent_missed(mask: Mask, word: Word, specks: Mask | None = None) -> bool:
    """Whether a word read without accents shows one in its pixels (`mask`: the page's ink)."""
    return missed(word.text, marks_of(mask, word, specks))


def missed(text: str, marks: Marks) -> bool:
    """Whether a word spelt `text` without accents has more marks than its letters' (and
    its apostrophes': a scan's blur may bring one close over the letter after it)."""
    return text.isascii() and (
        marks.over_capital
        or marks.resting > 0
        or marks.over_letters > sum(c in DOTTED or c in APOSTROPHES for c in text)
    )


def accounts_for(text: str, marks: Marks) -> bool:
    """Whether a spelling with accents ("Dáithí") has exactly the marks seen: one over each
    dotted or accented small letter, and one over its first capital where it is accented."""
    letters = unicodedata.normalize("NFC", text)
    over = sum(c in DOTTED or (c.islower() and accented(c)) for c in letters)
    capital = letters[:1].isupper() and accented(letters[:1])
    return over == marks.over_letters + marks.resting and capital == marks.over_capital


def _widest_run(mask: Mask) -> int:
    """The longest run of ink along any row."""
    _, starts, ends = runs(mask)
    return int((ends - starts).max(initial=0))


def _mark_above(mask: Mask, word: Word) -> bool:
    """Whether a small mark stands just above the capital a word starts with, clear of the
    line above ("Ö" read as "O": Tesseract's box may leave the accent out). A drawn line
    the accent touches (a form's rule just above a name) is no part of it."""
    if word.text[:1] not in ACCENTED_CAPITALS:
        return False
    height = word.bottom - word.top
    letter = (word.right - word.left) / len(word.text)  # about a letter's width
    near = word.left + max(1, round(2 * ACCENT_LETTERS * letter))  # the capital and a little past it
    band = mask[
        max(0, word.top - round(ACCENT_BAND * height)) : max(0, word.top), word.left : min(word.right, near)
    ]
    if band.shape[0] < 3 or band.shape[1] == 0:
        return False
    across = band.sum(axis=1) >= RULE_COVER * band.shape[1]
    ruled = bool(across.any())
    if ruled:
        band = band[int(np.flatnonzero(across)[-1]) + 1 :]
    rows: Mask = np.asarray(band.any(axis=1), dtype=np.bool_)
    if rows.sum() < MARK_ROWS or (rows[0] and not ruled) or band.sum() < ACCENT_INK:
        return False  # nothing there, the line above's ink running on, or a rule's ragged edge
    columns = np.flatnonzero(band.any(axis=0))
    if int(columns[-1] - columns[0]) + 1 > ACCENT_WIDTH * height:
        return False  # a rule, or a line's worth of ink
    return float(columns[0] + columns[-1]) / 2 <= ACCENT_LETTERS * letter


def _mark_on_capital(mask: Mask, word: Word) -> bool:
    """Whether the capital a word starts with carries a mark inside the word's box (its
    top is the accent's: "Émile" read "Emile"): a small mark standing clear above the
    capital, or, where the scan's blur joined the two, the capital's ink rising in a narrow
    peak above the word's other tall letters ("l", "d", capitals: as tall as it, or taller)."""
    if word.text[:1] not in ACCENTED_CAPITALS:
        return False
    crop = mask[word.top : word.bottom, word.left : word.right]
    height = crop.shape[0]
    inked = np.flatnonzero(crop.any(axis=0))
    if height < MIN_HEIGHT or inked.size == 0:
        return False
    letter = crop.shape[1] / len(word.text)  # about a letter's width
    found = pieces(crop)
    starts = [  # pieces at the word's start no wider than two letters: not a line under it
        p for p in found if p[2] <= inked[0] + max(1, letter / 5) and p[3] - p[2] + 1 <= 2 * letter
    ]
    if not starts:
        return False
    top, bottom, left, right, _ = min(starts, key=lambda p: p[0])
    right = min(right, left + round(ACCENT_LETTERS * letter))  # a capital's width
    for mark in found:
        mark_top, mark_bottom, mark_left, mark_right, ink = mark
        if (
            mark_bottom < top - 1  # a blank row at least between it and the capital
            and top - mark_bottom <= MARK_GAP * height + 1
            and left <= (mark_left + mark_right) / 2 <= right
            and MARK_ROWS <= mark_bottom - mark_top + 1 <= (bottom - top + 1) / 2
            and mark_right - mark_left + 1 <= ACCENT_WIDTH * height
            and ink >= ACCENT_INK
        ):
            return True
    rest = crop[:, right + 1 :]
    if not any(c in TALL or c.isupper() or c.isdigit() for c in word.text[1:]) or not rest.any():
        return False
    others = int(np.flatnonzero(rest.any(axis=1))[0])  # the top of the other letters
    if others - top < max(2, RISE * height):
        return False
    peak = np.flatnonzero(crop[top:others, left : right + 1].any(axis=0))
    wide = int(peak[-1] - peak[0]) + 1  # narrower than the capital: not an "I" taller than the rest
    return bool(wide <= ACCENT_WIDTH * height and wide <= ACCENT_WIDTH * (right - left + 1))


def _marks_over_letters(mask: Mask, word: Word, specks: Mask | None = None) -> int:
    """The small marks in the word's upper half that stand clear above other ink of it:
    the dots of "i" and "j", and accents (a speck, a piece of a rule, a mark far from the
    letter under it is not counted). The dots of a diaeresis ("ï", "ë") are small: one too
    small to count alone is counted where its twin stands level with it, close beside it,
    even where it was taken out of the page's ink as dust (`specks`)."""
    crop = mask[word.top : word.bottom, word.left : word.right]
    height = crop.shape[0]
    if height < MIN_HEIGHT or crop.shape[1] < 2:
        return 0
    half = height // 2
    found = pieces(crop[:half])
    dust = [] if specks is None else pieces(specks[word.top : word.top + half, word.left : word.right])
    least = max(MIN_MARK_INK, MARK_INK * height * height)
    large, small = [], []
    for piece in found + dust:
        top, bottom, left, right, ink = piece
        if bottom == half - 1:
            continue  # part of a letter that goes on down
        wide = right - left + 1  # the dots of "ï" stand either side of its stem, not over it
        under = crop[bottom + 1 :, max(0, left - wide) : right + wide + 1].any(axis=1)
        if not under.any():
            continue  # nothing under it: an apostrophe, a quotation mark
        gap = int(np.flatnonzero(under)[0])
        if top <= MARK_HIGH * height and gap <= MARK_GAP * height and wide <= MARK_WIDTH * height:
            if ink >= least and bottom - top >= 1 and piece in found:
                large.append(piece)
            elif ink >= MIN_PAIR_INK:
                small.append(piece)  # a mark only with its twin
    twins = [p for p in small if any(_twins(p, q, least) for q in large + small if q is not p)]
    return len(large) + len(twins)


def _twins(piece: Piece, other: Piece, least: float) -> bool:
    """Whether two marks are the dots of a diaeresis: level, close beside each other, of
    about one size, with half a mark's ink at least between them (a pair of dots so
    alike is rarely dust)."""
    top, bottom, left, right, ink = piece
    other_top, other_bottom, other_left, other_right, other_ink = other
    reach = PAIR_GAP * max(right - left + 1, other_right - other_left + 1) + 1
    return (
        top <= other_bottom
        and other_top <= bottom
        and abs(top + bottom - other_top - other_bottom) <= 2  # middles a row apart at most
        and (1 < left - other_right <= reach or 1 < other_left - right <= reach)  # a blank column between
        and max(ink, other_ink) <= PAIR_SIZES * min(ink, other_ink)
        and ink + other_ink >= least / 2
    )


def _resting_marks(mask: Mask, word: Word) -> int:
    """The marks joined to a short letter under them, in a name ("Wiśniewska": the accent
    on its "s" blurred into it): pieces of ink that rise above the short letters, with no
    stem under them. The capital a name starts with, a clear mark (`_marks_over_letters`)
    and words with other capitals, digits or marks are passed over."""
    text = word.text.rstrip(".,;:")
    if len(text) < 3 or not (text[0].isupper() and text[1:].isalpha() and text[1:].islower()):
        return 0
    crop = mask[word.top : word.bottom, word.left : word.right]
    height = crop.shape[0]
    if height < MIN_HEIGHT or crop.shape[1] < 2:
        return 0
    x_line, baseline = short_letters(crop)
    short = baseline - x_line
    if short < MIN_SHORT:
        return 0
    crop = crop[: baseline + 1]  # a drawn line under the word is no part of it
    labels = piece_numbers(crop)
    inked = np.flatnonzero(crop.any(axis=0))
    if int(labels.max()) > len(text) + sum(c in DOTTED for c in text) + BROKEN:
        return 0  # letters broken in pieces (a faint scan): their tops would look like marks
    capital = set(labels[:, inked[0]].tolist()) - {0}
    letter = crop.shape[1] / len(word.text)  # about a letter's width
    after = max(
        round(inked[0] + letter),  # the capital, in case it is broken in pieces
        max((int(c) for c in np.flatnonzero(np.isin(labels, list(capital)).any(axis=0))), default=-1),
    )
    cut = x_line - max(1, round(OVERSHOOT * short))  # rows above it rise above the short letters
    count = 0
    for piece in set(labels[:cut, after + 1 :].ravel().tolist()) - {0} - capital:
        own = labels == piece
        if not own[x_line:].any():
            continue  # a clear mark: counted over the letters
        upper = own[:cut]
        above = np.flatnonzero(upper.any(axis=0))
        if (
            int(upper.any(axis=1).sum()) < MARK_ROWS
            or int(upper.sum()) < max(MIN_MARK_INK, MARK_INK * height * height)
            or int(above[-1] - above[0]) + 1 > MARK_WIDTH * height
        ):
            continue  # a round letter's top, or a wide one's
        if _widest_run(own[x_line : baseline + 1]) < LETTER_RUN * short:
            continue  # a stroke ("/"), not a short letter: an accent's letter has a bar or a bowl
        down = own[cut : x_line + round(STEM * short)]
        stem = any(
            bool((down[:, c] | down[:, min(c + 1, down.shape[1] - 1)]).all())
            for c in range(above[0], above[-1] + 1)
        )
        count += not stem
    return count
