"""English words that hold a sentence together: for telling text OCR ran together ("toa",
"ofthe": a space lost between two of them) or cut short (an answer ending on "the")."""

from __future__ import annotations

ARTICLES = frozenset({"a", "an", "the"})
# Words an article follows (a preposition, a conjunction, a verb of being): "to a", "of the".
BEFORE_ARTICLES = frozenset(
    {"about", "after", "and", "as", "at", "before", "but", "by", "for", "from", "if", "in", "into"}
    | {"is", "of", "on", "onto", "or", "over", "than", "that", "to", "under", "was", "with"}
)
# Words a sentence never ends on: the words after them are missing. Prepositions that end
# phrasal verbs ("carry on", "someone to talk to") are not among them.
LEADING_ON = ARTICLES | frozenset(
    {"and", "or", "but", "nor", "because", "although", "whereas", "than", "unless", "whether"}
    | {"my", "your", "our", "their", "its", "of", "within", "into", "onto", "during", "until"}
    | {"towards", "toward", "between", "among", "despite", "via", "per", "including"}
)


def run_together(word: str) -> bool:
    """Whether a word in lower case is two of the words that hold a sentence together with
    the space between them lost: a preposition, conjunction or "is" before an article
    ("toa", "ofthe", "isan"). English has no such word but a few rare ones ("fora")."""
    return any(word.endswith(article) and word[: -len(article)] in BEFORE_ARTICLES for article in ARTICLES)


def leads_on(word: str) -> bool:
    """Whether a sentence goes on after this word (an article, a conjunction, a preposition
    that does not end phrasal verbs): text ending on it without a full stop is cut short."""
    return word.casefold() in LEADING_ON
