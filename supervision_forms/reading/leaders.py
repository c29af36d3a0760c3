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
SENTENCE_WORDS = 3  # an answer this long, ending in a lower-case word, is a sentence
CLAUSE_END = re.compile(r"(?<=[^\W_])[.;!?]\s")  # a sentence or clause ended after a word


def strip_ends(text: str) -> str:
    """Text without the leaders (and bullets) before and after it; "" when it is all leaders."""
    return "" if ONLY.match(text) else AT_ENDS.sub("", text)


def leader(match: re.Match[str], *, completes: bool = False) -> str:
    """Dot leaders become a space; a full stop typed before them stays. A dot that keeps
    the leaders' spacing ("today. . . .") is a leader; one they do not follow evenly
    ("current.. . ." or "year.………") was typed. In a run of plain dots ("year......") the
    writer's own style decides: a sentence (a few words, or a clause ended inside the
    answer) that ends in a lower-case word ends with a full stop; a name or a fragment
    does not, nor a phrase that `completes` the form's printed sentence ("The frequency
    of supervision will be Once every 4 weeks......", no clause ended inside it) where
    the dots end it."""
    text, start, dots = match.string, match.start(), match.group()
    if not (start > 0 and text[start - 1].isalnum() and dots.startswith(".")):
        return " "
    if dots[1:2] != "." or text[match.end() : match.end() + 2] == " .":
        return ". " if dots[1:2] != " " else " "
    if completes and not text[match.end() :].strip(" .…_\n") and not CLAUSE_END.search(text[:start]):
        return " "
    before = re.findall(r"[^\W_]+", text[:start])
    last = before[-1] if before else ""
    sentence = len(before) >= SENTENCE_WORDS and (
        before[0][:1].isupper() or bool(CLAUSE_END.search(text[:start]))
    )
    return ". " if sentence and last[:1].islower() else " "
