"""How a label is worded across editions of a form: what it says, whatever the order.

"Name of Supervisee:", "SUPERVISEE NAME", "Supervisee's name" and "Supervisee" all ask
for the same thing; so do "Date of agreement" and "Agreement date", and "Signed
manager" and "Signature of supervisor". A label's `key` is the set of its words that
carry meaning, with the roles of supervision named one way: the words of an older
edition's label give the same key when they ask for the same thing.
"""

from __future__ import annotations

import functools

from .text import fold

# How the forms name the two people in supervision (Portsmouth's "Staff member" and
# "Manager", Sefton's "Supervisor/Manager", "the worker" of the procedures).
ROLES: dict[tuple[str, ...], str] = {
    ("supervisee",): "supervisee",
    ("staff", "member"): "supervisee",
    ("worker",): "supervisee",
    ("employee",): "supervisee",
    ("supervisor",): "supervisor",
    ("manager",): "supervisor",
    ("line", "manager"): "supervisor",
}
PEOPLE = frozenset(ROLES.values())
SAME = {"signed": "signature", "sign": "signature", "dated": "date"}
# Words that link a label's words without changing what it asks for.
LINKS = frozenset({"of", "the", "this", "by", "s", "a", "an", "for", "is", "are", "to", "be", "will"})
# Words that ask rather than say what is asked.
ASKING = frozenset(
    {"what", "does", "do", "how", "will", "we", "can", "could", "should", "any", "there", "and", "or"}
    | {"in", "on", "at", "about", "as", "with", "when", "e", "g", "if", "it", "our", "your", "you"}
    | {"i", "my", "me", "us", "used", "been", "being", "has", "have"}
    | {"who", "may", "might", "must", "shall", "would"}
)
STEMS = (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""), ("e", ""))
MIN_STEM = 4  # letters a stem keeps
MAX_WORDS = 6  # a label with more words than this is matched as text, not by its key
NAME = "name"


@functools.lru_cache(maxsize=8192)  # detection asks the same prefixes for each form's labels
def key(text: str) -> frozenset[str]:
    """The words of a label that carry meaning, roles named one way ("Staff member:" ->
    {supervisee, name}: a role alone asks for the person's name)."""
    words = fold(text).split()
    found: list[str] = []
    at = 0
    while at < len(words):
        for size in (2, 1):
            role = ROLES.get(tuple(words[at : at + size]))
            if role is not None:
                found.append(role)
                at += size
                break
        else:
            if words[at] not in LINKS:
                found.append(SAME.get(words[at], words[at]))
            at += 1
    meaning = frozenset(found)
    if len(meaning) == 1 and next(iter(meaning)) in PEOPLE:
        meaning |= {NAME}
    return meaning


def content(text: str) -> frozenset[str]:
    """The words of a label that say what it asks, stemmed ("How will we resolve
    difficulties?" -> {resolv, difficulty}): for comparing a label an older edition
    reworded with today's."""
    return meaning(key(text))


def meaning(words: frozenset[str]) -> frozenset[str]:
    """A label key's words that say what it asks, stemmed (`content`)."""
    return frozenset(
        word if word in PEOPLE else _stem(word) for word in words if word not in ASKING and word != NAME
    )


def _stem(word: str) -> str:
    for ending, instead in STEMS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            return word[: -len(ending)] + instead
    return word


def path_key(path: str) -> frozenset[str]:
    """The key of the words a field's path is made of ("duration_minutes" -> {duration,
    minutes}), as the words a person might label it with."""
    return key(" ".join(path.replace("[]", " ").replace(".", " ").replace("_", " ").split()))


def roles(text: str) -> frozenset[str]:
    """The roles a text names (supervisee, supervisor)."""
    return key(text) & PEOPLE


def keyed(label: str) -> bool:
    """Whether a label is short enough to be matched by its key."""
    return 0 < len(fold(label).split()) <= MAX_WORDS
