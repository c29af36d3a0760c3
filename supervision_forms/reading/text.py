"""Comparable text: normalised for matching, with the way back to the text as shown;
and the characters symbol fonts draw (bullets, tick boxes) as the Unicode they show."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

WORD = re.compile(r"[^\W_]+")
BULLETS = re.compile(r"^[\s•·▪◦‣➢\-–*\uf000-\uf0ff]+")  # a list line's bullet, before its text
# Symbol and Wingdings glyphs, as PDFs made from Word carry them (private use area)
SYMBOLS = {
    "\uf0b7": "•",  # Symbol bullet
    "\uf09f": "•",  # Wingdings small bullet
    "\uf0a7": "▪",  # Wingdings square bullet
    "\uf06c": "•",  # Wingdings round bullet
    "\uf076": "❖",
    "\uf0d8": "➢",  # Wingdings arrow bullet
    "\uf0fc": "✓",
    "\uf078": "☒",
    "\uf0fd": "☒",
    "\uf0fe": "☑",
    "\uf0a8": "☐",
    "\uf06f": "☐",
    "\u22a0": "☒",  # squared times (LaTeX's ticked box)
    "\u25a2": "☐",  # white square with rounded corners
}
HEADING_NUMBER = re.compile(
    r"^(?:(?:section|part|appendix)\s+(?:\d{1,2}|[a-z]+)\s+|\d{1,2}(?:\s\d{1,2})?\s+)"
)
_NUMBER = r"\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]\)?"  # "a)", "3.", "(iv)"
# a list number alone, or as LibreOffice prints one a tracked change renumbered ("c)[d)]", "[c)]")
LIST_MARK = re.compile(rf"(?:{_NUMBER})?\[{_NUMBER}\]|{_NUMBER}|[•·▪◦‣–-]", re.IGNORECASE)
NUMBERING = re.compile(r"^\s*(?:\(?\d{1,2}[.)]|\(?[a-hA-H]\)|[a-h]\.)\s+")


@dataclass(frozen=True)
class Norm:
    """Text lower-cased, with punctuation and runs of white space as one space;
    `index[i]` is where character i of `text` came from in the original."""

    text: str
    index: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original [start, end) a normalised [start, end) covers."""
        if not self.index or start >= end:
            at = self.index[start] if start < len(self.index) else (self.index[-1] + 1 if self.index else 0)
            return at, at
        return self.index[start], self.index[min(end, len(self.index)) - 1] + 1


def normalise(text: str) -> Norm:
    """Case, quotes, dashes, punctuation and white space folded away; positions kept."""
    pieces: list[str] = []
    index: list[int] = []
    for match in WORD.finditer(text):
        token = match.group()
        folded = token.lower() if token.isascii() else unicodedata.normalize("NFKC", token).casefold()
        if pieces:
            pieces.append(" ")
            index.append(match.start())
        pieces.append(folded)
        if len(folded) == len(token):
            index.extend(range(match.start(), match.end()))
        else:  # a ligature or ß: every folded character points at the token
            index.extend([match.start()] * (len(folded) - 1) + [match.end() - 1])
    return Norm("".join(pieces), tuple(index))


def fold(text: str) -> str:
    """Only the normalised text (no positions): for lookups."""
    folded = text.lower() if text.isascii() else unicodedata.normalize("NFKC", text).casefold()
    return " ".join(WORD.findall(folded))


def strip_numbering(text: str) -> str:
    """'6. Any other issues' -> 'Any other issues'; 'a) What I want' -> 'What I want'."""
    return NUMBERING.sub("", text, count=1)


def unnumbered(norm: str) -> str:
    """Normalised text without a heading's number before it ("section 1 the agreement",
    "1 practical arrangements" -> "the agreement", "practical arrangements"): Word
    numbers headings itself (w:numPr), so a copy may print them with other numbers or none."""
    return HEADING_NUMBER.sub("", norm, count=1)
