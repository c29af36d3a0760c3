"""A sheet of tick boxes drawn as people and programs draw them: printed squares of several
sizes, left empty, or ticked with a cross, a tick, a scribble or a fill. Pixels only (no font
needed); the truth is returned in points."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw

MARKS = ("empty", "cross", "tick", "fill", "scribble", "empty", "cross", "tick")
SIZES = (8.0, 10.0, 12.0, 14.0)  # points


@dataclass(frozen=True)
class TrueBox:
    x0: float
    top: float
    x1: float
    bottom: float
    ticked: bool
    mark: str = ""


def sheet(dpi: int, seed: int = 3, rows: int = 16) -> tuple[Image.Image, list[TrueBox]]:
    """An A4 page at `dpi` with `rows` rows of boxes (one of each mark a row, in a shuffled
    order) and a ruled line of "text" beside each box."""
    scale = dpi / 72
    rng = np.random.default_rng(seed)
    image = Image.new("L", (round(595 * scale), round(842 * scale)), 255)
    draw = ImageDraw.Draw(image)
    truth = []
    pen = max(1, round(0.6 * scale))
    for row in range(rows):
        top = 60 + row * 46
        size = SIZES[row % len(SIZES)]
        for column, mark in enumerate(rng.permutation(MARKS)):
            left = 50 + column * 64
            box = [left * scale, top * scale, (left + size) * scale, (top + size) * scale]
            draw.rectangle(box, outline=0, width=pen)
            _mark(draw, str(mark), box, scale, rng)
            for line in range(3):  # a word's worth of ink beside the box, as a label would be
                y = (top + 2 + line * 3) * scale
                draw.line([(left + size + 4) * scale, y, (left + size + 30) * scale, y], fill=0, width=pen)
            truth.append(TrueBox(left, top, left + size, top + size, mark != "empty", str(mark)))
    return image, truth


def _mark(
    draw: ImageDraw.ImageDraw, mark: str, box: list[float], scale: float, rng: np.random.Generator
) -> None:
    left, top, right, bottom = box
    inset = (right - left) * 0.2
    width = max(1, round(rng.uniform(0.8, 1.6) * scale))
    a, b, c, d = left + inset, top + inset, right - inset, bottom - inset
    if mark == "cross":
        draw.line([a, b, c, d], fill=0, width=width)
        draw.line([a, d, c, b], fill=0, width=width)
    elif mark == "tick":  # a hand's tick, running a little over the box
        draw.line([a, (b + d) / 2, a + 0.4 * (c - a), d, c + inset / 2, top - inset / 2], fill=0, width=width)
    elif mark == "fill":
        draw.rectangle([a - inset / 2, b - inset / 2, c + inset / 2, d + inset / 2], fill=0)
    elif mark == "scribble":
        points = [(rng.uniform(a, c), rng.uniform(b, d)) for _ in range(6)]
        draw.line(points, fill=0, width=width)
