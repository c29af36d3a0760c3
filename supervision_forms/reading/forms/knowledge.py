"""What a pack knows about a form's printed text: labels, prompts, and the text around answers.

The council's printed text comes from the pack's template (which reproduces the
council's form) and its pack file (labels, aliases, prompts, the text shown when empty).
For each field this also gives the printed text between its label and its answer (the
label's "tail": an explanation, say) and the printed text straight after its answer on
the same line (its "suffix": "… and the person responsible …").
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz

from ...models.paths import Leaf, leaf_map
from ...packs import Pack
from ...packs.spec import FieldSpec
from ..align import skeleton
from ..text import WORD, fold, strip_numbering

PLACEHOLDERS = (
    "Click or tap here to enter text.",
    "Click here to enter text.",
    "Click or tap to enter a date.",
    "Click here to enter a date.",
    "Choose an item.",
    "Enter text here",
)
SHORT = 3  # words: shorter printed text must match a whole printed line
LOOSE = 90  # fuzzy score from which longer text counts as printed
LOOSE_WORDS = 6  # words text needs for a loose comparison with the printed text


@dataclass(frozen=True)
class FieldInfo:
    """One field of the pack file with what the template says about its surroundings."""

    path: str
    spec: FieldSpec
    labels: tuple[str, ...]  # the label, then its aliases
    tail: str  # printed text between the label and the answer
    suffix: str  # printed text right after the answer, on its line
    kind: str = "text"  # the model field's kind: text, date, int or choice
    needle: str = ""  # the label normalised, without its numbering: what is searched for

    @property
    def starts_piece(self) -> bool:
        """Whether the label starts a paragraph, cell or line (for all places but answers
        typed into a printed sentence: after and dots)."""
        return self.spec.place not in ("after", "dots")


@dataclass
class Knowledge:
    """The printed text of one pack's document kind, for telling answers from the form."""

    fields: list[FieldInfo]
    prompts: list[str]
    lines: set[str] = field(default_factory=set)  # normalised printed lines
    corpus: str = ""  # all of them, joined: for finding pieces of lines

    def is_printed(self, text: str) -> bool:
        """Whether `text` (a paragraph, a line, or part of one) is the form's own text."""
        norm = fold(text)
        if not norm or norm in self.lines:
            return True
        if len(norm.split()) < SHORT:
            return False
        if norm in self.corpus:
            return True
        needle = norm[:64]
        if len(needle.split()) < LOOSE_WORDS:
            return False
        return fuzz.partial_ratio(needle, self.corpus, score_cutoff=LOOSE) >= LOOSE

    def in_prose(self, norm: str) -> bool:
        """Whether normalised text is word for word part of the printed text."""
        return bool(norm) and norm in self.corpus

    def is_prompt(self, text: str) -> bool:
        norm = fold(text)
        return bool(norm) and any(norm == fold(prompt) for prompt in self.prompts)


def knowledge(pack: Pack, kind: str) -> Knowledge:
    """The pack's printed text for a document kind (worked out once per template)."""
    template = pack.template(kind)
    cached = template.derived.get("forms_knowledge")
    if isinstance(cached, Knowledge):
        return cached
    doc = pack.document(kind)
    skel = skeleton(template, pack.model(kind))
    leaves = leaf_map(pack.model(kind))
    fields = [
        replace(
            _field_info(path, spec, skel.statics, skel.slots),
            kind=_kind(leaves, path),
            needle=fold(strip_numbering(spec.label)),
        )
        for path, spec in doc.fields.items()
    ]
    empties = {spec.empty for spec in doc.fields.values() if spec.empty} | {pack.spec.empty}
    prompts = [p for p in [*doc.prompts, *empties, *PLACEHOLDERS] if fold(p)]
    lines = {fold(line) for piece in skel.statics for line in piece.split("\n")}
    lines.update(fold(line) for line in skel.margins)
    for info in fields:
        lines.update(fold(label) for label in info.labels)
        lines.update(fold(strip_numbering(label)) for label in info.labels)
    lines.update(fold(prompt) for prompt in prompts)
    lines.discard("")
    result = Knowledge(fields, prompts, lines, " | ".join(sorted(lines)))
    template.derived["forms_knowledge"] = result
    return result


def _kind(leaves: dict[str, Leaf], path: str) -> str:
    leaf = leaves.get(path) or leaves.get(path + "[]")
    return leaf.kind if leaf is not None else "text"


def _field_info(path: str, spec: FieldSpec, statics: list[str], slots: list[str]) -> FieldInfo:
    labels = (spec.label, *spec.aliases)
    slot = next((i for i, s in enumerate(slots) if s.removesuffix("[]") == path.removesuffix("[]")), None)
    if slot is None:
        return FieldInfo(path, spec, labels, "", "")
    before = statics[slot]
    tail = ""
    for label in labels:
        at = _find(before, label)
        if at is not None:
            tail = before[at:]
            break
    after = statics[slot + 1] if slot + 1 < len(statics) else ""
    return FieldInfo(path, spec, labels, tail.strip(), after.split("\n", 1)[0].strip())


def _find(text: str, label: str) -> int | None:
    """Where `label` ends in `text` (its last occurrence), loosely compared."""
    wanted = fold(strip_numbering(label))
    if not wanted:
        return None
    lines = text.split("\n")
    offset = len(text)
    for line in reversed(lines):
        offset -= len(line)
        norm = fold(line)
        at = norm.rfind(wanted)
        if at >= 0:
            words = len(norm[: at + len(wanted)].split())
            return offset + _after_words(line, words)
        offset -= 1
    return None


def _after_words(text: str, count: int) -> int:
    """The index just after the first `count` words of `text`, and any punctuation after."""
    words = list(WORD.finditer(text))
    if len(words) < count or count < 1:
        return len(text)
    position = words[count - 1].end()
    while position < len(text) and not text[position].isalnum() and not text[position].isspace():
        position += 1
    return position
