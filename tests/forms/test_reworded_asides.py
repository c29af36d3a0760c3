"""A reworded label that gives examples in brackets is judged on what it asks, not on its examples."""

from __future__ import annotations

from supervision_forms import PackRegistry

from .kit import document, read, table

BEFORE = ["What does the supervisee bring to this relationship", "Eight years in youth justice."]
AFTER = ["How will we recognise when the supervisory relationship is not working", "Sessions keep moving."]


def _read(packs: PackRegistry, label: str) -> object:
    rows = [BEFORE, [label, "Works a four-day week."], AFTER]
    return read(document(lambda doc: table(doc, rows)), packs.get("portsmouth"))


def it_finds_a_reworded_label_whose_examples_are_in_brackets(packs: PackRegistry) -> None:
    result = _read(packs, "Relevant factors (e.g. culture, gender, impairment)")
    assert result.data.relationship_factors == "Works a four-day week."  # type: ignore[attr-defined]
    assert any(w.field == "relationship_factors" for w in result.warnings)  # type: ignore[attr-defined]


def it_finds_no_label_in_words_that_share_what_it_asks_only_in_brackets(packs: PackRegistry) -> None:
    result = _read(packs, "Travel (mileage, parking, relevant factors)")
    assert result.data.relationship_factors is None  # type: ignore[attr-defined]
    assert "Works a four-day week." in [u.text for u in result.unmapped]  # type: ignore[attr-defined]
