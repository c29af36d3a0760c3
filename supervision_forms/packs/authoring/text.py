"""Small text facts about printed forms: leaders, tick boxes, prompts, labels, sentences."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

BOXES = "☐☑☒□■▢❑❒⬜◻"
BOX_RUN = re.compile(f"[{BOXES}]")
LEADER = re.compile(r"(?:[.…_‥]\s?){4,}|…{2,}|_{3,}")  # dot leaders and lines to write on
ELLIPSIS_BETWEEN_WORDS = re.compile(r"\w\.{3}\w")
SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-Z(‘'\"“])")
NUMBERING = re.compile(r"^\s*(?:[\d]{1,2}[.)]|[a-hA-H][.)]|\([a-hivxA-HIVX\d]{1,4}\)|[·•▪◦‣*\-–])\s*")
BRACKETED = re.compile(
    r"^\s*(?:\[[^\]]{2,60}\]|\(\s*(?:please\s+)?(?:specify|state|list|describe|give|insert|enter|write)\b[^)]{0,60}\))\s*$",
    re.IGNORECASE,
)  # "[please list]", "(please specify)"; not a note such as "(Please see the policy)"
PLACEHOLDER_WORDS = re.compile(r"^\s*(?:x{2,}[\s./-]*)+$", re.IGNORECASE)
INLINE_PLACEHOLDER = re.compile(
    r"(?<![\w/.])(?:[Xx]{2,}(?:[./-][Xx]{2,4}){0,2}|[Dd]{2}[./-][Mm]{2}[./-](?:[Yy]{2}){1,2}|\[[^\]\n]{1,40}\])(?![\w/])"
    r"|\u2002{3,}"  # a legacy text field's blank
    r"|Click (?:or tap )?(?:here )?to enter (?:text|a date)\.?|Choose an item\.?"  # Word's content controls
)  # "Xxx", "xx.xx.xx", "dd/mm/yyyy", "[name of supervisee]": printed where an answer goes
PARENTHESES = re.compile(r"\s*\([^)]*\)")
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "for",
        "is",
        "are",
        "will",
        "be",
        "been",
        "in",
        "on",
        "at",
        "this",
        "that",
        "our",
        "we",
        "i",
        "you",
        "my",
        "your",
        "as",
        "and",
        "or",
        "any",
        "what",
        "how",
        "do",
        "does",
        "did",
        "by",
        "with",
        "from",
        "it",
        "its",
        "there",
        "their",
        "they",
        "them",
        "us",
        "me",
        "who",
        "when",
        "where",
        "which",
        "should",
        "would",
        "can",
        "could",
        "may",
        "might",
        "must",
        "have",
        "has",
        "has",
        "please",
        "e",
        "g",
        "eg",
    ]
)
WORD_PROMPTS = (
    "click or tap here to enter text",
    "click here to enter text",
    "click or tap to enter a date",
    "click here to enter a date",
    "choose an item",
    "enter text here",
    "type here",
    "insert text",
    "please list",
    "please specify",
    "please state",
    "please give details",
    "to be completed",
    "to be agreed",
    "to be discussed and recorded by supervisee and supervisor",
)


def fold(text: str) -> str:
    """Text for comparing: case, quotes, dashes, punctuation and white space folded."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"[‘’`´]", "'", text)
    text = re.sub(r"[^\w\s']", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def words(text: str) -> list[str]:
    return WORD.findall(fold(text))


def content_words(text: str) -> list[str]:
    """The words that carry meaning (no articles, pronouns, auxiliaries)."""
    return [w for w in words(text) if w not in STOP]


def strip_numbering(text: str) -> str:
    previous = None
    while previous != text:
        previous, text = text, NUMBERING.sub("", text, count=1)
    return text.strip()


def clean_label(text: str) -> str:
    """A label without numbering, hints in brackets or end punctuation, for matching."""
    text = strip_numbering(text)
    text = PARENTHESES.sub("", text)
    return re.sub(r"[\s:?.…_*]+$", "", text).strip()


def is_prompt(text: str, known: frozenset[str], *, hints: bool = False) -> bool:
    """Whether text only says where to write (a placeholder, '[please list]', a known prompt;
    with `hints`, also "e.g. monthly", as an answer cell may show)."""
    norm = fold(text)
    if not norm:
        return False
    if norm in known or norm in WORD_PROMPTS:
        return True
    if (
        hints
        and re.match(r"^\s*\(?\s*(?:e\.g\.|eg\b|for example)", text, re.IGNORECASE)
        and len(norm.split()) <= 12
    ):
        return True  # a hint in the answer's place ("e.g. monthly")
    return bool(BRACKETED.match(text) or PLACEHOLDER_WORDS.match(text))


def leader_spans(text: str, more: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Where the dot leaders and writing lines are (with `more`: leader tabs, underlined
    blanks), joined across white space."""
    found = [
        m.span()
        for m in LEADER.finditer(text)
        if not ELLIPSIS_BETWEEN_WORDS.search(text[max(0, m.start() - 1) : m.end() + 1])
    ]
    spans: list[tuple[int, int]] = []
    for start, end in sorted([*found, *more]):
        while end > start + 1 and text[end - 1] in " \u00a0":
            end -= 1
        if (
            end - start > 1
            and text[end - 1] == "."
            and "…" in text[start:end]
            and text[end : end + 1] in ("", " ")
        ):
            end -= 1  # "……………." : the sentence's full stop stays printed
        if spans and (start <= spans[-1][1] or not text[spans[-1][1] : start].strip()):
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


def is_label_like(text: str) -> bool:
    """Short text that names something to fill in ("Name of supervisor:", "Review date?")."""
    stripped = text.strip()
    count = len(words(stripped))
    return 0 < count <= 14 and not stripped.endswith((".", ";", ","))


def last_clause(text: str) -> str:
    """The last sentence of a paragraph: what a leader after it answers."""
    parts = SENTENCE_END.split(text.strip())
    return parts[-1].strip() if parts else text.strip()


def slug(text: str, limit: int = 40) -> str:
    """A field name from a label: lower case words joined by '_'."""
    kept = content_words(clean_label(text)) or words(text) or ["field"]
    name = ""
    for word in kept:
        word = re.sub(
            r"[^a-z0-9]", "", unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()
        )
        if not word:
            continue
        candidate = f"{name}_{word}" if name else word
        if len(candidate) > limit:
            break
        name = candidate
    if not name or not name[0].isalpha():
        name = f"field_{name}".strip("_")[:limit]
    return name


def answer_spans(text: str, more: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Where answers go in a line: leaders, writing lines and placeholders ("xx.xx.xx")."""
    placeholders = [m.span() for m in INLINE_PLACEHOLDER.finditer(text) if text.strip() != m.group().strip()]
    return leader_spans(text, [*more, *placeholders])
