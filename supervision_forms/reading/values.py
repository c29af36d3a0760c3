"""Turning the text found in a form into typed field values, with warnings."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError

from ..models.paths import Leaf, generic, in_minutes, leaf_map, unflatten
from ..text.dates import read_date
from ..text.durations import read_duration_minutes
from ..text.frequency import read_frequency
from .knowledge import is_prompt
from .leaders import strip_ends
from .result import ParseResult, ReadWarning, Unmapped
from .text import fold
from .ticks import has_boxes, read_ticks

CAREER_ALIASES = {
    "newly qualified": "nqsw",
    "asye": "nqsw",
    "newly qualified social worker": "nqsw",
    "nqsw": "nqsw",
    "student": "student",
    "qualified": "qualified",
    "social worker": "qualified",
    "experienced": "qualified",
    "senior": "senior",
    "senior social worker": "senior",
    "manager": "manager",
    "unqualified": "unqualified",
}


def clean_answer(text: str, prompts: list[str]) -> str | None:
    """The answer without dot leaders or printed prompts; None when nothing is left."""
    return strip_ends(_without_prompts(text.replace("\r", ""), prompts)) or None


def clean_own(text: str, empty: str, prompts: list[str]) -> str | None:
    """An answer from our own document: exact, except that the filler shown for an empty
    field (and printed prompt lines) are removed where the person typed around them."""
    if empty:
        text = text.strip()
        while text.startswith(empty):
            text = text[len(empty) :]
        while text.endswith(empty):
            text = text[: -len(empty)]
    return _without_prompts(text, prompts) or None


def _without_prompts(text: str, prompts: list[str]) -> str:
    """The text without its lines that are printed prompts, stripped."""
    return "\n".join(line for line in text.split("\n") if not is_prompt(line, prompts)).strip()


# A CJK or Hangul character inside a Latin word (a font map that garbled a ligature:
# "dif케cult"), or a glyph the font maps to no character at all ("Wi\ufffdniewska")
GARBLED = re.compile(
    r"(?<=[A-Za-z])[\u3400-\u9fff\uac00-\ud7af]|[\u3400-\u9fff\uac00-\ud7af](?=[a-z])|\ufffd"
)


FREQUENCY_WORDS = frozenset(["daily", "weekly", "fortnightly", "monthly", "quarterly", "annually", "yearly"])
OPTION_WORDS = frozenset(
    {"bi", "two", "three", "four", "six", "eight", "2", "3", "4", "6", "8", "or", "and", "other"}
    | {"every", "week", "weeks", "month", "months"}
)  # in the options' names


@dataclass
class Collector:
    """Gathers field values, warnings and unmapped text while reading one document."""

    model: type[BaseModel]
    values: dict[str, Any] = field(default_factory=dict)
    warnings: list[ReadWarning] = field(default_factory=list)
    unmapped: list[Unmapped] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)
    confidence: dict[str, float] = field(default_factory=dict)
    pdf: bool = False  # read from a PDF's text, where a font map can garble words

    def put(self, path: str, raw: str | None, source: str, confidence: float = 1.0) -> None:
        """Convert `raw` for the leaf at `path`; unreadable text becomes unmapped.
        `confidence` (0..1) is how sure the reader is that the layout puts it there."""
        leaves = leaf_map(self.model)
        leaf = leaves.get(generic(path))
        if leaf is None and leaves.get(generic(path) + "[]") is not None:  # a list named without its []
            path, leaf = path + "[]", leaves[generic(path) + "[]"]
        if leaf is None or raw is None:
            return
        value = self._convert(leaf, raw, path, source)
        if value is None or value == []:
            return
        path = path.removesuffix("[]")  # a whole list read from one place
        if path in self.values and self.values[path] != value:
            self.warnings.append(ReadWarning(path, "found twice; kept the first", source))
            self.unmapped.append(Unmapped(raw, source))
            return
        self.values[path] = value
        self.sources[path] = source
        self.confidence[path] = round(confidence, 2)

    def _convert(self, leaf: Leaf, raw: str, path: str, source: str) -> Any:
        if self.pdf and GARBLED.search(raw):
            return self._unreadable(path, raw, source, "part of the text is garbled (the PDF's font map)")
        if leaf.kind == "text":
            why = _not_a_frequency(raw) if path.endswith("frequency.description") else None
            return raw if why is None else self._unreadable(path, raw, source, why)
        if leaf.kind == "date":
            reading = read_date(raw)
            if reading is None:
                return self._unreadable(path, raw, source, "could not read a date")
            if reading.ambiguous:
                self.warnings.append(ReadWarning(path, reading.note or "date read day first", source))
            return reading.value
        if leaf.kind == "int":
            number = read_duration_minutes(raw) if in_minutes(path) else _integer(raw)
            if number is None:
                return self._unreadable(path, raw, source, "could not read a number")
            return number
        if path.endswith("[]") or has_boxes(raw):
            return self._ticked(leaf, raw, path, source)
        choice = CAREER_ALIASES.get(fold(raw), fold(raw))
        if choice not in leaf.choices:  # the printed label ("Child protection") names it too
            named = {fold(label): value for value, label in leaf.choice_labels().items()}
            choice = named.get(fold(raw), choice)
        if choice not in leaf.choices:
            return self._unreadable(path, raw, source, "not one of the allowed values")
        return choice

    def _ticked(self, leaf: Leaf, raw: str, path: str, source: str) -> Any:
        """Choices from tick boxes; a list written out without boxes counts what it names."""
        ticked = read_ticks(raw, leaf.choice_labels(), boxed=has_boxes(raw))
        if ticked is None:
            return self._unreadable(path, raw, source, "none of the options is there")
        if path.endswith("[]"):
            return ticked
        if len(ticked) > 1:
            return self._unreadable(path, raw, source, "more than one box is ticked")
        return ticked[0] if ticked else None

    def _unreadable(self, path: str, raw: str, source: str, message: str) -> None:
        self.keep_unsure([path], raw, source, message)
        return None

    def keep_unsure(self, paths: list[str], raw: str, source: str, why: str) -> None:
        """No value: a warning saying `why` for each field, and the text kept in unmapped."""
        for path in paths:
            self.warnings.append(ReadWarning(path, f"{why}; the text is kept in unmapped", source))
        self.unmapped.append(Unmapped(raw, source))

    def result(self, pack: str, kind: str) -> ParseResult:
        """The parse result: the model built from what was collected, and the messages."""
        data = self.build()
        if not self.values and self.unmapped and not self.warnings:  # never an empty success
            why = "no field was read, though the document holds text of its own (kept in unmapped)"
            self.warnings.insert(0, ReadWarning("", why, self.unmapped[0].source))
        confidence = {path: c for path, c in self.confidence.items() if path in self.values}
        return ParseResult(
            pack, kind, data, self.warnings, self.unmapped, self.sources, field_confidence=confidence
        )

    def build(self) -> BaseModel:
        """The model from what was collected; a value the model refuses moves to unmapped."""
        values = dict(self.values)
        for _ in range(len(values) + 1):
            try:
                return self.model.model_validate(unflatten(values))
            except ValidationError as error:
                bad = _first_bad_path(error, values)
                if bad is None:
                    break
                source = self.sources.get(bad, "")
                message = error.errors(include_input=False)[0]["msg"]
                self.warnings.append(ReadWarning(bad, f"{message}; the text is kept in unmapped", source))
                self.unmapped.append(Unmapped(str(values.pop(bad)), source))
        return self.model()


def _not_a_frequency(text: str) -> str | None:
    """Why a frequency's text is not one: the form's options printed without their tick
    boxes ("Weekly Fortnightly Monthly", "Every 2 weeks Every 4 weeks"), two or more
    named and nothing linking them into phases; or a length of time alone ("60 mins")."""
    words = fold(text).split("duration")[0].split()
    named = sum(w in FREQUENCY_WORDS or w == "every" for w in words)
    if named >= 2 and all(w in FREQUENCY_WORDS or w in OPTION_WORDS for w in words):
        return "names several frequencies, none marked as chosen"
    if read_frequency(text) is None and read_duration_minutes(text) is not None:
        return "says how long, not how often"
    return None


def _integer(raw: str) -> int | None:
    match = re.search(r"\d+", raw)
    return int(match.group()) if match else None


def _first_bad_path(error: ValidationError, values: dict[str, Any]) -> str | None:
    for item in error.errors(include_input=False):
        dotted = ".".join(str(p) for p in item["loc"])
        for path in values:
            if path == dotted or dotted.startswith(path + ".") or path.startswith(dotted + "."):
                return path
    return None
