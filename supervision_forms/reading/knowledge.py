"""What reading knows about one pack document's printed form, built once from the pack.

From the compiled template's XML (never a rendered copy): its printed text with a slot
(a field path) between each piece, the header and footer lines, and the annex's place.
From the pack file: each field's labels and place. Together: for each field the printed
text between its label and its answer (its "tail": an explanation, say) and straight
after its answer on its line (its "suffix"), and which text is the form's own.

`Pack.knowledge(kind)` builds it on first use and keeps it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from ..docx.annex import annex_heading, annex_labels
from ..docx.package import DocxPackage
from ..docx.reader import read_body
from ..docx.xml import W, parse_xml
from ..models.paths import Leaf, leaf_map
from ..packs.spec import FieldSpec
from .text import WORD, fold, strip_numbering, unnumbered

if TYPE_CHECKING:
    from ..docx.template import CompiledTemplate
    from ..packs import Pack

OPEN, CLOSE = "\ue000", "\ue001"  # a slot's path between these, in the printed text
SLOT = re.compile(r"\{\{ sf_value\((.*?), (\d+)\) \}\}")
MARKED = re.compile(f"{OPEN}(.*?){CLOSE}")
ANNEX_SLOT = "annex"
ANNEX = "{{ annex }}"
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
PRINTED_LINE_WORDS = 3  # words a printed line needs to tell one form from another


def placeholder_start(text: str) -> bool:
    """Whether text is the first words of one of Word's placeholders, cut where the
    placeholder wrapped ("Click" beside a label, "here to enter text." on the line under):
    Word's text, not an answer."""
    words = fold(text).split()
    return bool(words) and any(fold(p).split()[: len(words)] == words for p in PLACEHOLDERS)


def is_prompt(text: str, prompts: list[str]) -> bool:
    """Whether text is one of `prompts` (printed prompts and fillers), once normalised."""
    norm = fold(text)
    return bool(norm) and any(norm == fold(prompt) for prompt in prompts)


@dataclass(frozen=True)
class FieldInfo:
    """One field of the pack file with what the template says about its surroundings."""

    path: str
    spec: FieldSpec
    labels: tuple[str, ...]  # the label, then its aliases
    tail: str  # printed text between the label and the answer
    suffix: str  # printed text right after the answer, on its line
    kind: str  # the model field's kind: text, date, int or choice
    needle: str  # the label normalised, without its numbering: what is searched for

    @property
    def starts_piece(self) -> bool:
        """Whether the label starts a paragraph, cell or line (for all places but answers
        typed into a printed sentence: after, before and dots)."""
        return self.spec.place not in ("after", "before", "dots")


@dataclass
class FormKnowledge:
    """One pack document's printed form, for telling answers from the form itself."""

    statics: list[str]  # printed text, len(slots) + 1 pieces
    slots: list[str]  # the field path (or the annex) between two pieces
    margins: list[str]  # header and footer lines, printed on every page
    repeats: list[str]  # table heading rows, printed again atop each page
    fields: list[FieldInfo]
    prompts: list[str]  # printed prompts and fillers that are never answers
    own_lines: set[str]  # normalised paragraphs printed on our rendering, and the annex's labels
    lines: set[str]  # normalised printed lines and labels
    corpus: str  # all of them, joined: for finding pieces of lines

    @cached_property
    def printed_lines(self) -> list[str]:
        """The body's normalised printed lines of a few words or more (telling forms apart)."""
        lines = (fold(line) for piece in self.statics for line in piece.split("\n"))
        return [line for line in lines if len(line.split()) >= PRINTED_LINE_WORDS]

    @classmethod
    def build(cls, pack: Pack, kind: str) -> FormKnowledge:
        template, model, doc = pack.template(kind), pack.model(kind), pack.document(kind)
        paragraphs = _marked_paragraphs(template)
        pieces = MARKED.split("\n".join(paragraphs))
        statics, slots = pieces[0::2], pieces[1::2]
        kinds = leaf_map(model)
        fields = [
            _field_info(path, spec, statics, slots, _kind(kinds, path)) for path, spec in doc.fields.items()
        ]
        empties = {spec.empty for spec in doc.fields.values() if spec.empty} | {pack.spec.empty}
        prompts = [p for p in [*doc.prompts, *empties, *PLACEHOLDERS] if fold(p)]
        margins = _margin_lines(template)
        own = {fold(MARKED.sub("", p)) for p in paragraphs} | {fold(annex_heading(doc.title))}
        own.update(fold(label) for label in annex_labels(model))
        lines = {fold(line) for piece in statics for line in piece.split("\n")}
        lines.update(fold(line) for line in margins)
        for info in fields:
            lines.update(fold(label) for label in info.labels)
            lines.update(fold(strip_numbering(label)) for label in info.labels)
        lines.update(fold(prompt) for prompt in prompts)
        lines.update({unnumbered(line) for line in lines})
        lines.discard("")
        own.discard("")
        repeats = [" ".join(row) for row in template.repeated_rows]
        return cls(statics, slots, margins, repeats, fields, prompts, own, lines, " | ".join(sorted(lines)))

    def is_printed(self, text: str) -> bool:
        """Whether `text` (a paragraph, a line, or part of one) is the form's own text."""
        norm = fold(text)
        if not norm or norm in self.lines or unnumbered(norm) in self.lines:
            return True
        if len(norm.split()) < SHORT:
            return False
        if norm in self.corpus:
            return True
        return len(norm[:64].split()) >= LOOSE_WORDS and self.echoes(text)

    @cached_property
    def order(self) -> list[str]:
        """The fields' paths in the order the form prints them."""
        paths = {info.path for info in self.fields}
        return [path for path in dict.fromkeys(self.slots) if path in paths]

    def echoes(self, text: str) -> bool:
        """Whether text is, give or take a letter, somewhere in the printed text."""
        norm = fold(text)
        return bool(norm) and fuzz.partial_ratio(norm[:64], self.corpus, score_cutoff=LOOSE) >= LOOSE

    def in_prose(self, norm: str) -> bool:
        """Whether normalised text is word for word part of the printed text."""
        return bool(norm) and norm in self.corpus

    def is_prompt(self, text: str) -> bool:
        return is_prompt(text, self.prompts)


def _marked_paragraphs(template: CompiledTemplate) -> list[str]:
    """The template body's paragraphs as printed, each field's place marked with its path
    (a field shown only through a filter, such as a month, is left out), and the annex's
    place marked as a paragraph of its own."""
    source = template.sources["word/document.xml"]
    paths = _slot_paths(template)
    marked = SLOT.sub(lambda m: _marker(paths.get(int(m.group(2)))), source)
    annex = f"<w:p><w:r><w:t>{OPEN}{ANNEX_SLOT}{CLOSE}</w:t></w:r></w:p>"
    marked = marked.replace(ANNEX, annex)
    body = read_body(DocxPackage({"word/document.xml": marked.encode("utf-8")}), "template")
    return [p.text for p in body.paragraphs]


def _marker(path: str | None) -> str:
    return "" if path is None else f"{OPEN}{path}{CLOSE}"


def _slot_paths(template: CompiledTemplate) -> dict[int, str]:
    """Each value place's number (as the compiled template calls it) and its field path;
    places shown through a display filter have none."""
    from ..docx.template import DISPLAY_FILTER

    calls = sorted(
        (int(match.group(2)), match.group(1))
        for part in sorted(template.sources)
        for match in SLOT.finditer(template.sources[part])
    )
    read_back = iter(template.slots)
    return {
        number: next(read_back).path for number, expression in calls if not DISPLAY_FILTER.search(expression)
    }


def _margin_lines(template: CompiledTemplate) -> list[str]:
    """The text lines of the template's headers and footers."""
    lines: list[str] = []
    parts = {**template.static_parts, **{k: v.encode("utf-8") for k, v in template.sources.items()}}
    for name, blob in sorted(parts.items()):
        if re.match(r"word/(header|footer)\d*\.xml$", name):
            for paragraph in parse_xml(blob, "template").iter(f"{W}p"):
                text = SLOT.sub("", "".join(t.text or "" for t in paragraph.iter(f"{W}t"))).strip()
                if text:
                    lines.append(text)
    return lines


def _kind(leaves: dict[str, Leaf], path: str) -> str:
    leaf = leaves.get(path) or leaves.get(path + "[]")
    return leaf.kind if leaf is not None else "text"


def _field_info(path: str, spec: FieldSpec, statics: list[str], slots: list[str], kind: str) -> FieldInfo:
    labels = (spec.label, *spec.aliases)
    needle = fold(strip_numbering(spec.label))
    slot = next((i for i, s in enumerate(slots) if s.removesuffix("[]") == path.removesuffix("[]")), None)
    if slot is None:
        return FieldInfo(path, spec, labels, "", "", kind, needle)
    before = statics[slot]
    tail = ""
    for label in labels:
        at = _find(before, label)
        if at is not None:
            tail = before[at:]
            break
    after = statics[slot + 1] if slot + 1 < len(statics) else ""
    return FieldInfo(path, spec, labels, tail.strip(), after.split("\n", 1)[0].strip(), kind, needle)


def _find(text: str, label: str) -> int | None:
    """Where `label` ends in `text` (its last occurrence), loosely compared."""
    wanted = fold(strip_numbering(label))
    if not wanted:
        return None
    offset = len(text)
    for line in reversed(text.split("\n")):
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
