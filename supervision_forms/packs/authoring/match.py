"""Which model path each answer place holds, and how sure that is.

A place's label is compared with everything known about the model's fields: their titles,
the labels and aliases of every installed pack, and the wording councils use
(`vocabulary.toml`). Short labels are also read with their context ("Name" under
"Supervisor"), long ones by their first clause. Each path goes to one place, best match
first; a place no field fits closely enough gets a field of its own under `extra`.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib.resources import files

from pydantic import BaseModel
from rapidfuzz import fuzz

from ...models.paths import Leaf, leaves, title_of
from ..pack import Pack
from .places import DATE_WORD, Slot, party_of
from .text import clean_label, content_words, fold, slug, words

SURE = 0.85  # from here a match needs no check
MAYBE = 0.70  # from here a place is mapped (with a check); below it gets a field of its own
WEAK = 0.80  # the most a one-word phrase ("Name", "Date") can score alone
OPTIONS_SHOWN = 0.9  # a choice whose every printed option is one of a model choice's
WORD_LIKE = 90  # rapidfuzz ratio from which two words count as one ("interruption", "interruptions")
DERIVED = ("frequency.every", "frequency.unit")
PEOPLE = ("supervisor", "supervisee", "line_manager")
COMMON = frozenset(
    [
        "supervision",
        "supervisee",
        "supervisor",
        "social",
        "worker",
        "childrens",
        "children",
        "children's",
        "services",
        "service",
        "council",
        "team",
        "both",
        "parties",
        "has",
        "been",
    ]
)  # words too common on these forms to name a field by
CLAUSE = re.compile(r"\s+(?:e\.g\.|eg\.?|for example|i\.e\.)\s+|[?(:]|\s[–-]\s|\.\s", re.IGNORECASE)


@dataclass(frozen=True)
class Phrase:
    text: str  # content words, space-joined
    weak: bool
    source: str  # "title", "pack portsmouth", "vocabulary"


@dataclass
class Vocabulary:
    """What is known about one document kind's fields: phrases by model path."""

    kind: str
    leaves: dict[str, Leaf]
    phrases: dict[str, list[Phrase]] = field(default_factory=dict)
    prompts: set[str] = field(default_factory=set)

    def add(self, path: str, text: str, source: str, weak: bool = False) -> None:
        norm = " ".join(content_words(text) or words(text))
        if not norm or path not in self.leaves:
            return
        weak = weak or (len(norm.split()) == 1 and source != "vocabulary")  # the vocabulary marks its own
        known = self.phrases.setdefault(path, [])
        if not any(p.text == norm for p in known):
            known.append(Phrase(norm, weak, source))


def vocabulary(model: type[BaseModel], kind: str, packs: Iterable[Pack]) -> Vocabulary:
    """Phrases for each field of `model` from its titles, the packs and `vocabulary.toml`."""
    known = {
        leaf.path: leaf
        for leaf in leaves(model)
        if leaf.path not in DERIVED and not leaf.path.startswith("extra.")
    }
    vocab = Vocabulary(kind, known)
    for path, leaf in known.items():
        vocab.add(path, title_of(model, path.replace("[]", "")), "title")
        vocab.add(path, leaf.title, "title", weak=True)
    shared: dict[str, set[str]] = {}
    for pack in packs:
        if kind not in pack.documents:
            continue
        doc = pack.document(kind)
        vocab.prompts.update(fold(p) for p in doc.prompts)
        vocab.prompts.update(fold(s.empty) for s in doc.fields.values() if s.empty and words(s.empty))
        for path, spec in doc.fields.items():
            for label in (spec.label, *spec.aliases):
                shared.setdefault(" ".join(content_words(label)), set()).add(_list_path(path, known))
    for pack in packs:
        if kind not in pack.documents:
            continue
        for path, spec in pack.document(kind).fields.items():
            for label in (spec.label, *spec.aliases):
                if len(shared.get(" ".join(content_words(label)), set())) == 1:
                    vocab.add(_list_path(path, known), label, f"pack {pack.name}")
    table = tomllib.loads((files(__package__) / "vocabulary.toml").read_text(encoding="utf-8"))
    for path, phrases in table.get(kind, {}).items():
        for phrase in phrases:
            vocab.add(path, phrase.lstrip("~"), "vocabulary", weak=phrase.startswith("~"))
    return vocab


def _list_path(path: str, known: dict[str, Leaf]) -> str:
    return path if path in known else f"{path}[]"


@dataclass(frozen=True)
class Candidate:
    path: str
    score: float
    phrase: str


def similarity(label: str, phrase: Phrase) -> float:
    """How well a label (its content words) names what a phrase names, 0 to 1: by the
    words they share (a word matches its plural or a slip of the pen), a phrase whose
    words are all in the label scoring well above one that is only partly there."""
    lw, pw = label.split(), phrase.text.split()
    if not lw or not pw:
        return 0.0
    if lw == pw:
        score = 1.0
    else:
        in_label = sum(1 for w in lw if _has_word(pw, w)) / len(lw)
        in_phrase = sum(1 for w in pw if _has_word(lw, w)) / len(pw)
        if not in_label or not in_phrase:
            return 0.0
        f1 = 2 * in_label * in_phrase / (in_label + in_phrase)
        score = (0.25 + 0.73 * f1) if in_phrase == 1 else (0.1 + 0.7 * f1)
    return min(score, WEAK) if phrase.weak else score


def _has_word(words_: list[str], word: str) -> bool:
    return word in words_ or any(
        len(word) > 4 and len(other) > 4 and fuzz.ratio(word, other) >= WORD_LIKE for other in words_
    )


def readings(slot: Slot) -> list[tuple[str, float]]:
    """The slot's label as it may be meant: itself, its first clause, and (for short
    labels) with its context; each with a weight."""
    base = clean_label(slot.label)
    found: list[tuple[str, float]] = [(base, 1.0)]
    clause = CLAUSE.split(base, maxsplit=1)[0].strip()
    if clause and clause != base and len(words(clause)) >= 2:
        found.append((clause, 0.97))
    tail = re.split(r",\s+|\s+(?:and|but)\s+", base)[
        -1
    ].strip()  # "... in privacy and there will only be ..."
    if tail != base and len(words(tail)) >= 3:
        found.append((tail, 0.95))
    if "/" in base and len(words(base)) <= 8:  # "Role / level of practice", "Supervisor/Manager"
        found.extend((part.strip(), 0.95) for part in base.split("/") if words(part))
    if len(content_words(base)) <= 3:
        for context in slot.context:
            found.append((f"{clean_label(context)} {base}", 1.0))
            found.append((clean_label(context), 0.9))
        if slot.section:
            found.append((f"{clean_label(slot.section)} {base}", 0.9))
    if not words(base):
        found.extend((clean_label(c), 0.95) for c in slot.context)
    return [(" ".join(content_words(text) or words(text)), weight) for text, weight in found if words(text)]


def rank(slot: Slot, vocab: Vocabulary, allowed: Iterable[str]) -> list[Candidate]:
    """The allowed paths the slot's label may name, best first."""
    texts = readings(slot)
    dated = bool(DATE_WORD.search(slot.label))
    whose = party_of(" ".join((slot.label, *slot.context))) or "supervisee"  # unsaid: the supervisee's
    best: dict[str, Candidate] = {}
    for path in allowed:
        leaf = vocab.leaves.get(path)
        if leaf is None:
            continue
        for phrase in vocab.phrases.get(path, []):
            for text, weight in texts:
                score = similarity(text, phrase) * weight
                if slot.value == "text" and dated != (leaf.kind == "date"):
                    score *= 0.75 if dated else 0.9
                if path.split(".")[0] in PEOPLE and not path.startswith(whose + "."):
                    score *= 0.97
                if slot.value == "choice" and len(slot.options) >= 2:  # it prints this field's options
                    score = max(score, OPTIONS_SHOWN)
                if path not in best or score > best[path].score:
                    best[path] = Candidate(path, round(score, 3), phrase.text)
    return sorted(best.values(), key=lambda c: -c.score)


def allowed_paths(slot: Slot, vocab: Vocabulary) -> list[str]:
    """The fields a place can hold, by what it holds (text, a choice, a list of dates)."""
    if slot.signature:
        part = "name" if slot.signature == "name" else "date"
        parties = [slot.party] if slot.party else ["supervisee", "supervisor"]
        return [f"signatures.{p}.{part}" for p in parties if f"signatures.{p}.{part}" in vocab.leaves]
    paths = list(vocab.leaves)
    if slot.value == "choice":  # a model choice only when the form prints its options
        return [p for p in paths if _offers(vocab.leaves[p], slot.options)]
    if slot.value == "dates":
        return [p for p in paths if p.endswith("[]") and vocab.leaves[p].kind == "date"]
    return [p for p in paths if "[]" not in p and not p.startswith("signatures.")]


def _offers(leaf: Leaf, options: tuple[str, ...]) -> bool:
    """Whether a choice field has every option the form prints (by value or label)."""
    if leaf.kind != "choice" or not options:
        return False
    labels = leaf.choice_labels().items()
    names = {fold(name) for value, label in labels for name in (value.replace("_", " "), label)}
    return all(fold(option) in names for option in options)


def extra_name(slot: Slot, taken: set[str]) -> str:
    """A name for a place's own field: its row's label when it has one ("Location and
    Environment"), else its own label's telling words ("read_policy")."""
    label = clean_label(slot.label)
    row = clean_label(slot.context[0]) if slot.context else ""
    if row and (len(content_words(label)) <= 1 or len(content_words(row)) <= 4):
        label = row if len(content_words(label)) > 1 else f"{row} {label}"
    telling = [w for w in content_words(label) if w not in COMMON]
    if len(content_words(label)) > 4 and telling:
        label = " ".join(telling[:4])
    base = slug(label)
    name, number = base, 2
    while name in taken:
        name = f"{base[:36]}_{number}"
        number += 1
    taken.add(name)
    return name
