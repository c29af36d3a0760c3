"""A name read twice on a scan (the form's header, its signature block): OCR unsure of it
in one place is as sure as it was of the same words in the other; a name a check doubted
in one place (an accent unread) is doubted in the other too. A name read with a letter in
lower case after a hyphen ("Pryce-jones": a capital misread) is doubted."""

from __future__ import annotations

from typing import Any

import pytest

from supervision_forms.ocr.tesseract import UNSURE
from supervision_forms.reading.ocr_fields import judged
from supervision_forms.reading.page import Page, Word
from supervision_forms.reading.result import ParseResult
from supervision_forms.registry import installed_packs


def _judged(header: list[tuple[str, float]], signed: list[tuple[str, float]], name: str) -> ParseResult:
    words = []
    for number, line in enumerate(
        [[("Line", 0.96), ("manager:", 0.96), *header], [("Supervisor", 0.96), *signed]]
    ):
        x, top = 72.0, 300.0 + 40 * number
        for text, sure in line:
            words.append(Word(text, x, top, x + 6 * len(text), top + 12, 12.0, sure))
            x += 6 * len(text) + 4
    pack = next(p for p in installed_packs() if p.name == "sefton")
    data: Any = pack.model("agreement").model_validate(
        {"supervisor": {"name": name}, "signatures": {"supervisor": {"name": name}}}
    )
    sources = {"supervisor.name": "page 1, line 1", "signatures.supervisor.name": "page 1, line 2"}
    read = ParseResult("sefton", "agreement", data, sources=sources)
    return judged(read, [Page(0, 595.0, 842.0, tuple(words))], {0}, pack.knowledge("agreement"))


def it_reads_a_name_ocr_was_unsure_of_that_it_read_the_same_and_sure_elsewhere() -> None:
    sure = [("Thandiwe", 0.91), ("St", 0.97), ("John", 0.97)]
    result = _judged(sure, [("Thandiwe", 0.73), ("St", 0.96), ("John", 0.83)], "Thandiwe St John")
    assert result.data.signatures.supervisor.name == "Thandiwe St John"
    assert result.field_confidence["signatures.supervisor.name"] >= 0.9


@pytest.mark.parametrize(
    "header",
    [
        [("Thandiwe", 0.91), ("St", 0.97), ("Johns", 0.97)],  # read otherwise
        [("Thandiwe", 0.91), ("St", 0.88), ("John", 0.97)],  # unsure there too
        [("Thandiwe", 0.91), ("St", UNSURE), ("John", 0.97)],  # doubted there by a check
    ],
)
def it_leaves_empty_a_name_ocr_was_unsure_of_unless_read_the_same_and_sure_elsewhere(
    header: list[tuple[str, float]],
) -> None:
    result = _judged(header, [("Thandiwe", 0.73), ("St", 0.96), ("John", 0.83)], "Thandiwe St John")
    assert result.data.signatures.supervisor.name is None


def it_leaves_empty_a_name_read_sure_whose_word_a_check_doubted_elsewhere() -> None:
    result = _judged(
        [("Anais", UNSURE), ("Moreau", 0.96)], [("Anais", 0.95), ("Moreau", 0.96)], "Anais Moreau"
    )
    assert result.data.supervisor.name is None
    assert result.data.signatures.supervisor.name is None
    assert any("where it read it elsewhere" in w.message for w in result.warnings)


def it_leaves_empty_a_name_whose_part_after_a_hyphen_was_read_in_lower_case() -> None:
    sure = [("Ebere", 0.96), ("Pryce-jones", 0.96)]
    result = _judged(sure, sure, "Ebere Pryce-jones")
    assert (result.data.supervisor.name, result.data.signatures.supervisor.name) == (None, None)
    assert any("after a hyphen" in w.message for w in result.warnings)
    sure = [("Ebere", 0.96), ("Pryce-Jones", 0.96)]
    assert _judged(sure, sure, "Ebere Pryce-Jones").data.signatures.supervisor.name == "Ebere Pryce-Jones"
