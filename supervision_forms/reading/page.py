"""A page as its producer draws it: words with boxes, drawn rules and tick boxes.

Every producer of pages (a PDF's text layer, OCR of a scan) gives this; the layout of
lines, columns and cells is built from it (`forms/layout.py`). Coordinates are PDF
points with the origin at the top left of the page, y growing down: the same as the OCR
stream's `OcrPage` (words with confidences, tick boxes, rules), so OCR'd pages map onto
`Page` field for field and go through the same reader.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..geometry import Rule as Rule  # the page's drawn lines, shared with OCR

OVERDRAWN = 0.15  # of the font size: text starting this far back over other text is drawn over it


@dataclass(frozen=True, slots=True)
class Word:
    """A word and its box; `size` is the font size (points), `confidence` 0..1 (1 for a
    text layer, the OCR engine's for a scan)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Box:
    """A drawn tick box; `ticked` is None where it cannot be told."""

    x0: float
    top: float
    x1: float
    bottom: float
    ticked: bool | None


@dataclass(frozen=True, slots=True)
class Page:
    number: int  # 0-based
    width: float
    height: float
    words: tuple[Word, ...]
    rules: tuple[Rule, ...] = ()
    boxes: tuple[Box, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "width": self.width,
            "height": self.height,
            "words": [[w.text, w.x0, w.top, w.x1, w.bottom, w.size, w.confidence] for w in self.words],
            "rules": [[r.x0, r.top, r.x1, r.bottom] for r in self.rules],
            "boxes": [[b.x0, b.top, b.x1, b.bottom, b.ticked] for b in self.boxes],
        }

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> Page:
        return cls(
            int(raw["number"]),
            float(raw["width"]),
            float(raw["height"]),
            tuple(Word(str(t), *map(float, rest)) for t, *rest in raw["words"]),
            tuple(Rule(*map(float, r)) for r in raw["rules"]),
            tuple(
                Box(float(b[0]), float(b[1]), float(b[2]), float(b[3]), None if b[4] is None else bool(b[4]))
                for b in raw["boxes"]
            ),
        )
