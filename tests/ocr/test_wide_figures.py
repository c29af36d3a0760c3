"""A number on a scan whose ink is wider than the figures OCR read ("1½ hrs" read as
"4 hrs": the fraction glyph and the 1 read as one figure) is no value; one as wide as its
figures is read."""

from __future__ import annotations

from typing import Any

import pytest

from supervision_forms.reading.ocr_fields import judged
from supervision_forms.reading.page import Page, Word
from supervision_forms.reading.result import ParseResult
from supervision_forms.registry import installed_packs


def _duration(width: float) -> ParseResult:
    """A duration of "4 hrs", its figure's word `width` font sizes wide (11 points)."""
    words = [Word("Duration:", 72.0, 300.0, 130.0, 312.0, 11.0, 0.96)]
    words.append(Word("4", 140.0, 300.0, 140.0 + width * 11.0, 312.0, 11.0, 0.96))
    words.append(Word("hrs", 150.0 + width * 11.0, 300.0, 170.0 + width * 11.0, 312.0, 11.0, 0.96))
    pack = next(p for p in installed_packs() if p.name == "surrey")
    data: Any = pack.model("agreement").model_validate({"duration_minutes": 240})
    read = ParseResult("surrey", "agreement", data, sources={"duration_minutes": "page 1, line 1"})
    return judged(read, [Page(0, 595.0, 842.0, tuple(words))], {0}, pack.knowledge("agreement"))


def it_leaves_empty_a_number_whose_ink_is_wider_than_its_figures() -> None:
    result = _duration(1.2)
    assert result.data.duration_minutes is None
    assert any("wider than the figures" in w.message for w in result.warnings)


@pytest.mark.parametrize("width", [0.3, 0.55])
def it_reads_a_number_as_wide_as_its_figures(width: float) -> None:
    assert _duration(width).data.duration_minutes == 240
