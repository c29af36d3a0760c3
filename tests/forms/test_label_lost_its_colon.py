"""A reworded label that lost its colon, with a name or a date typed on after it in its cell."""

from __future__ import annotations

from supervision_forms import PackRegistry
from supervision_forms.reading import ParseResult

from .kit import document, read, table

AFTER = ["Availability of manager for management oversight outside of formal supervision", "Ring me."]


def _read(packs: PackRegistry, *cells: str) -> ParseResult:
    rows = [[cell] for cell in cells]
    return read(document(lambda doc: table(doc, [*rows, AFTER])), packs.get("surrey"))


def it_reads_a_name_and_a_date_typed_on_after_labels_with_no_colon(packs: PackRegistry) -> None:
    result = _read(packs, "Supervisor Precious Van der Berg", "Date agreed 23-06-2025")
    assert result.data.supervisor.name == "Precious Van der Berg"  # type: ignore[attr-defined]
    assert str(result.data.agreement_date) == "2025-06-23"  # type: ignore[attr-defined]
    warned = {w.field for w in result.warnings}
    assert {"supervisor.name", "agreement_date"} <= warned


def it_takes_no_sentence_or_other_words_after_such_a_label(packs: PackRegistry) -> None:
    result = _read(packs, "Supervisor will ring on Mondays", "Date agreed at the next session 23-06-2025")
    assert result.data.supervisor.name is None  # type: ignore[attr-defined]
    assert result.data.agreement_date is None  # type: ignore[attr-defined]
    kept = " ".join(u.text for u in result.unmapped)
    assert "will ring on Mondays" in kept and "next session" in kept
