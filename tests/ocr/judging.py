"""An answer as OCR would have read it on one line of a Surrey agreement, judged by `judged`."""

from __future__ import annotations

from typing import Any

from supervision_forms.reading.ocr_fields import judged
from supervision_forms.reading.page import Page, Word
from supervision_forms.reading.result import ParseResult
from supervision_forms.registry import installed_packs


def judged_answer(text: str, value: str | None = None) -> ParseResult:
    """`text` as the Surrey agreement's `other_issues` (read as `value`, by default the text
    itself), its words set on one line at 0.97."""
    words, x = [], 72.0
    for word in text.split():
        words.append(Word(word, x, 300.0, x + 6 * len(word), 312.0, 12.0, 0.97))
        x += 6 * len(word) + 4
    pack = next(p for p in installed_packs() if p.name == "surrey")
    data: Any = pack.model("agreement").model_validate({"other_issues": text if value is None else value})
    read = ParseResult("surrey", "agreement", data, sources={"other_issues": "page 1, line 1"})
    return judged(read, [Page(0, 595.0, 842.0, tuple(words))], {0}, pack.knowledge("agreement"))
