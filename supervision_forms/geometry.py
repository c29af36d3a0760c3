"""Shapes drawn on a page, shared by the PDF reader and OCR (which must not import each
other): points from the top left of the page, y growing down."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Rule:
    """A straight line drawn on the page (a table border, an answer line, an underline, a
    strike-through): horizontal ones are at most a few points tall, vertical ones a few wide."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def horizontal(self) -> bool:
        return self.x1 - self.x0 >= self.bottom - self.top
