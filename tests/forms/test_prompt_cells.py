"""A cell that prints a prompt: left as it is, the field is unanswered; written after, the writing is kept."""

from __future__ import annotations

from supervision_forms import PackRegistry
from supervision_forms.reading import ParseResult

from .kit import document, read, table

PROMPT = "To be discussed and recorded by supervisee and supervisor"
RESOLVING = "What methods will be used to resolve any difficulties in working together"


def _read(packs: PackRegistry, rows: list[list[str]]) -> ParseResult:
    return read(document(lambda doc: table(doc, rows)), packs.get("portsmouth"))


def it_takes_no_label_under_a_field_whose_answer_cell_shows_only_its_prompt(packs: PackRegistry) -> None:
    rows = [[RESOLVING, PROMPT], ["Travel and parking?", f"{PROMPT}  Studying this year."]]
    result = _read(packs, rows)
    assert result.data.difficulty_resolution is None  # type: ignore[attr-defined]


def it_keeps_writing_after_a_printed_prompt_that_no_field_took(packs: PackRegistry) -> None:
    rows = [["Travel and parking?", f"{PROMPT}  Studying this year."]]
    result = _read(packs, rows)
    assert "Studying this year." in [u.text for u in result.unmapped]
