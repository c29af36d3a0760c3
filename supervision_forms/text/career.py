"""Career stages in the words people use: "ASYE", "newly qualified", "senior practitioner"."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["CAREER_WORDS", "read_career_stage"]

CAREER_WORDS: dict[str, tuple[str, ...]] = {
    "student": (
        "student",
        "student social worker",
        "social work student",
        "trainee",
        "trainee social worker",
        "social work apprentice",
        "apprentice social worker",
    ),
    "nqsw": (
        "nqsw",
        "asye",
        "nqsw asye",
        "asye nqsw",
        "nq",
        "newly qualified",
        "newly qualified social worker",
        "newly qualified asye",
        "asye social worker",
        "social worker asye",
    ),
    "qualified": (
        "qualified",
        "qualified social worker",
        "social worker",
        "registered social worker",
        "experienced",
        "experienced social worker",
    ),
    "senior": (
        "senior",
        "senior social worker",
        "senior practitioner",
        "advanced practitioner",
        "consultant social worker",
    ),
    "manager": (
        "manager",
        "team manager",
        "assistant team manager",
        "deputy team manager",
        "practice manager",
        "service manager",
        "practice supervisor",
        "team leader",
    ),
    "unqualified": (
        "unqualified",
        "unqualified worker",
        "family support worker",
        "social work assistant",
        "support worker",
    ),
}
"""Each career stage of the models, and the words that name it (compared ignoring case,
punctuation and spacing)."""

_BY_WORDS = {words: stage for stage, wordings in CAREER_WORDS.items() for words in wordings}


def _key(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def read_career_stage(text: str) -> str | None:
    """The career stage `text` names ("nqsw" for "ASYE"), or None."""
    return _BY_WORDS.get(_key(text))
