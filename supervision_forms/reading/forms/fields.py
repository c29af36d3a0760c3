"""Fillable PDFs: their form fields answer the fields whose labels they are named after."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from rapidfuzz import fuzz

from ..knowledge import FormKnowledge
from ..text import fold, strip_numbering
from ..values import Collector
from .answers import clean

FORM_FIELD_SCORE = 90  # how like a label a PDF form field's name must be


def put_form_fields(fields: Mapping[str, str], know: FormKnowledge, collector: Collector) -> set[str]:
    """Fields answered by a fillable PDF's form fields named after their labels."""
    labels = Counter(fold(strip_numbering(info.spec.label)) for info in know.fields)
    pairs = []
    for info in know.fields:
        label = fold(strip_numbering(info.spec.label))
        if labels[label] > 1 or info.spec.place == "table":
            continue  # "Date:" beside two signatures: no telling which is which
        for name, value in fields.items():
            score = max(fuzz.ratio(fold(strip_numbering(text)), fold(name)) for text in info.labels)
            if score >= FORM_FIELD_SCORE and value.strip():
                pairs.append((score, info.path, name, value))
    done: set[str] = set()
    used: set[str] = set()
    for _, path, name, value in sorted(pairs, reverse=True):
        if path not in done and name not in used:
            done.add(path)
            used.add(name)
            collector.put(path, clean(value, know.prompts), f"form field {name}")
    return done
