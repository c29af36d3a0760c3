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
# a sentence or clause ended after a word, or a labelled part begun ("… today Duration: longer …")
CLAUSE_END = re.compile(r"(?<=[^\W_])[.;!?]\s|(?<=[^\W_]\s)[A-Z][^\W\d_]*:\s")


def strip_ends(text: str) -> str:
    """Text without the leaders (and bullets) before and after it; "" when it is all leaders."""
    return "" if ONLY.match(text) else AT_ENDS.sub("", text)


def leader(match: re.Match[str], *, completes: bool = False, stops: bool | None = None) -> str:
    """Dot leaders become a space; a full stop typed before them stays. A dot that keeps
    the leaders' spacing ("today. . . .") is a leader; one they do not follow evenly
    ("current.. . ." or "year.………") was typed. In a run of plain dots ("year......") the
    writer's own style decides: a phrase that `completes` the form's printed sentence
    ("The frequency of supervision will be Once every 4 weeks......", no clause ended
    inside it) does not end with a full stop where the dots end it; an answer the dots
    end does where the writer `stops` their other answers (`final_stop`), and not where
    they leave them open; failing that, a sentence (a few words, or a clause ended
    inside the answer) that ends in a lower-case word does, and a name or a fragment not."""
    text, start, dots = match.string, match.start(), match.group()
    if not (start > 0 and text[start - 1].isalnum() and dots.startswith(".")):
        return " "
    if dots[1:2] != "." or text[match.end() : match.end() + 2] == " .":
        return ". " if dots[1:2] != " " else " "
    at_end = not text[match.end() :].strip(" .…_\n")
    if completes and at_end and not CLAUSE_END.search(text[:start]):
        return " "
    if at_end and stops is not None:
        return ". " if stops else " "
    before = re.findall(r"[^\W_]+", text[:start])
    last = before[-1] if before else ""
    sentence = len(before) >= SENTENCE_WORDS and (
        before[0][:1].isupper() or bool(CLAUSE_END.search(text[:start]))
    )
    return ". " if sentence and last[:1].islower() else " "


def final_stop(text: str) -> bool | None:
    """Whether the writer ended `text` with a full stop (or "?" or "!"): True or False
    where the text shows it, None where it does not (a run of plain dots right after the
    last word hides a typed full stop; no words at all)."""
    last = max((at for at, char in enumerate(text) if char.isalnum()), default=-1)
    if last < 0:
        return None
    after = text[last + 1 :]
    if not after.strip() or after.lstrip()[:1] in ("…", "_"):
        return False
    if after[:1] in "?!":
        return True
    if after[:1] != ".":
        return None
    rest = after[1:].strip()
    return True if not rest or rest[0] in "…_" else None
