"""Dot leaders: the dots, ellipses and underscores a form prints for an answer to be
written on (and that fill a line around what was written)."""

from __future__ import annotations

import re

SPACED = r"(?:\.[ \u00a0]){2,}\."  # dots a typesetter spaced out (". . . .")
LEADERS = re.compile(rf"[.…_]{{2,}}|{SPACED}|…|_+")  # within a line
AT_ENDS = re.compile(
    rf"^(?:[\s…_·•▪◦\uf000-\uf0ff]|\.{{2,}}|{SPACED})*|(?:[\s…_·•▪◦\uf000-\uf0ff]|\.{{2,}}|{SPACED})*$"
)
ONLY = re.compile(r"^[\s.…_\-·•]*$")
EDGES = re.compile(r"^[\s:;,\-–—=>]+|[\s:;,\-–—=<]+$")  # stray marks around an answer
SENTENCE_WORDS = 4  # an answer this long before dot leaders ends with a full stop, not a dot


def strip_ends(text: str) -> str:
    """Text without the leaders (and bullets) before and after it; "" when it is all leaders."""
    return "" if ONLY.match(text) else AT_ENDS.sub("", text)


def leader(match: re.Match[str]) -> str:
    """Dot leaders become a space; a full stop that ends a sentence before them stays
    (a sentence: it starts with a capital and has a few words)."""
    text, start = match.string, match.start()
    ends_word = start > 0 and text[start - 1].isalnum() and match.group().startswith(".")
    before = re.findall(r"[^\W_]+", text[:start])
    sentence = len(before) >= SENTENCE_WORDS and before[0][:1].isupper()
    if ends_word and (match.group()[1:2] != "." or sentence):
        return ". "
    return " "
