"""Tick boxes and table rules found in a page's pixels.

Both are made of straight strokes, so both start from the runs of ink along each row (for
horizontal strokes) and each column (for vertical ones). Runs in neighbouring rows that meet
are one stroke, which also joins the steps of a line that is still a little slanted.
A long thin stroke is a rule; four short ones meeting at the corners of a square are a box
(a solid square is a box filled in). A box is ticked when there is ink inside it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

import numpy as np

from .pixels import Mask, runs

RULE_MIN = 20.0  # points: a stroke at least this long may be a rule (a box side is shorter)
RULE_ALONE = 40.0  # points: a vertical stroke shorter than this is a rule only where it meets one across
RULE_THICKNESS = 3.0  # points: thicker is a bar or a block, not a line
BOX_SIDES = (6.0, 20.0)  # points: a tick box's side; smaller is a bullet, larger a drawing
CORNER_INK = 0.4  # share of ink in the pen's width square at each corner (a round letter has none)
SIDE_THICKNESS = 0.16  # a box's side is at most this thick for its length
EMPTY_INK = 0.04  # share of a box's inside that is ink: at most this, the box is empty
TICKED_INK = 0.10  # at least this, it is ticked (a cross fills about a quarter)


@dataclass(frozen=True)
class Stroke:
    """A straight stroke in pixels: `start`..`end` along it, `near`..`far` across it, and its
    mean thickness (ink pixels over length)."""

    start: int
    end: int
    near: int
    far: int
    thickness: float

    @property
    def length(self) -> int:
        return self.end - self.start + 1


@dataclass(frozen=True)
class Square:
    """A tick box in pixels (inclusive bounds) and the share of its inside that is ink."""

    left: int
    top: int
    right: int
    bottom: int
    ink: float


def strokes(mask: Mask, min_length: int) -> list[Stroke]:
    """The horizontal strokes at least `min_length` pixels long (pass the transposed mask
    for the vertical ones: `start`/`end` are then rows, `near`/`far` columns)."""
    bridged = mask.copy()
    bridged[:, 1:-1] |= mask[:, :-2] & mask[:, 2:]  # a one-pixel break in a line is noise
    rows, starts, ends = runs(bridged)
    long = (ends - starts) >= min_length
    open_: list[list[int]] = []  # [start, end, near, far, ink] of strokes reaching the row above
    done: list[list[int]] = []
    current = -1
    for row, start, end in zip(
        rows[long].tolist(), starts[long].tolist(), (ends[long] - 1).tolist(), strict=True
    ):
        if row != current:  # a new row: strokes that did not reach the row above are done
            current = row
            done += [stroke for stroke in open_ if stroke[3] < row - 1]
            open_ = [stroke for stroke in open_ if stroke[3] >= row - 1]
        joined = next((s for s in open_ if start <= s[1] + 2 and end >= s[0] - 2), None)
        if joined is None:
            open_.append([start, end, row, row, end - start + 1])
        else:
            joined[0], joined[1] = min(joined[0], start), max(joined[1], end)
            joined[3] = row
            joined[4] += end - start + 1
    done.extend(open_)
    return [Stroke(a, b, c, d, ink / (b - a + 1)) for a, b, c, d, ink in done]


def rules_and_boxes(
    mask: Mask, points_per_pixel: float
) -> tuple[list[tuple[int, int, int, int]], list[Square]]:
    """The page's rules as (left, top, right, bottom) pixel bounds, and its tick boxes."""
    pixels = 1 / points_per_pixel
    shortest = max(3, int(BOX_SIDES[0] * pixels * 0.8))
    across = strokes(mask, shortest)
    down = strokes(np.ascontiguousarray(mask.T), shortest)
    thin = RULE_THICKNESS * pixels
    rule_min, alone = RULE_MIN * pixels, RULE_ALONE * pixels
    flat = [s for s in across if s.length >= rule_min and s.thickness <= max(thin, 2)]
    upright = [s for s in down if s.length >= rule_min and s.thickness <= max(thin, 2)]
    slack = max(2, round(2 * pixels))
    rules = [(s.start, s.near, s.end, s.far) for s in flat]
    rules += [
        (s.near, s.start, s.far, s.end)
        for s in upright
        if s.length >= alone or any(_meets(s, f, slack) for f in flat)
    ]
    return rules, _boxes(mask, across, down, pixels)


def _meets(upright: Stroke, flat: Stroke, slack: int) -> bool:
    """Whether a vertical stroke ends on (or crosses) a horizontal one."""
    if not flat.start - slack <= upright.near <= flat.end + slack:
        return False
    return any(flat.near - slack <= end <= flat.far + slack for end in (upright.start, upright.end))


def _boxes(mask: Mask, across: list[Stroke], down: list[Stroke], pixels: float) -> list[Square]:
    low, high = BOX_SIDES[0] * pixels, BOX_SIDES[1] * pixels
    slack = max(2, round(1.0 * pixels))
    sides = sorted((s for s in across if low * 0.8 <= s.length <= high * 1.2), key=lambda s: s.start)
    uprights = sorted(
        (s for s in down if _straight(s) and low * 0.8 <= s.length <= high * 1.2), key=lambda s: s.near
    )
    upright_x = [s.near for s in uprights]
    side_x = [s.start for s in sides]
    found: list[Square] = []
    for top in sides:
        if top.far - top.near > top.length / 3:  # a solid square: filled in
            if low <= top.length <= high and 0.75 <= (top.far - top.near + 1) / top.length <= 1.33:
                found.append(Square(top.start, top.near, top.end, top.far, 1.0))
            continue
        if not _straight(top):
            continue
        first, last = bisect_left(side_x, top.start - slack), bisect_right(side_x, top.start + slack)
        for bottom in sides[first:last]:
            height = bottom.near - top.near
            if not (0.75 * top.length <= height <= 1.33 * top.length and low <= top.length <= high):
                continue
            if abs(bottom.end - top.end) > slack or not _straight(bottom):
                continue
            left = _upright_at(uprights, upright_x, top.start, top.near, bottom.far, slack)
            right = _upright_at(uprights, upright_x, top.end, top.near, bottom.far, slack)
            if left is not None and right is not None and _even(top, bottom, left, right):
                pen = round(max(side.thickness for side in (top, bottom, left, right)))
                bounds = (min(top.start, bottom.start), top.near, max(top.end, bottom.end), bottom.far)
                if _square_corners(mask, *bounds, pen):
                    found.append(_square(mask, *bounds, pen))
                    break
    return _distinct(found)


def _straight(side: Stroke) -> bool:
    """Whether a short stroke is a straight side: thin for its length, and as long in each of
    its rows (the curve of an o or a p is long in the middle row only)."""
    rows = side.far - side.near + 1
    return rows <= max(3, 0.25 * side.length) and (rows <= 2 or side.thickness >= 0.7 * rows)


def _upright_at(
    uprights: list[Stroke], xs: list[int], x: int, top: int, bottom: int, slack: int
) -> Stroke | None:
    """The vertical stroke near column x from about `top` to about `bottom`, if any."""
    first, last = bisect_left(xs, x - slack - 4), bisect_right(xs, x + slack)
    for s in uprights[first:last]:
        if s.start <= top + slack and s.end >= bottom - slack and s.near - slack <= x <= s.far + slack:
            return s
    return None


def _even(*sides: Stroke) -> bool:
    """Whether the four sides are thin for the box's size and alike: a box is drawn with one
    pen, while a bold letter's stems are thick (a p's stem and bowl look like a square)."""
    thickest = max(side.thickness for side in sides)
    size = min(side.length for side in sides)
    return thickest <= max(2.0, SIDE_THICKNESS * size) and thickest <= 2.5 * min(s.thickness for s in sides)


def _square_corners(mask: Mask, left: int, top: int, right: int, bottom: int, pen: int) -> bool:
    """Whether all four corners are inked: a square's are, a round letter's (o, p, d) are not."""
    reach = max(2, pen) + 1
    corners = (
        mask[top : top + reach, left : left + reach],
        mask[top : top + reach, right - reach + 1 : right + 1],
        mask[bottom - reach + 1 : bottom + 1, left : left + reach],
        mask[bottom - reach + 1 : bottom + 1, right - reach + 1 : right + 1],
    )
    return all(corner.size and corner.mean() >= CORNER_INK for corner in corners)


def _square(mask: Mask, left: int, top: int, right: int, bottom: int, pen: int) -> Square:
    """The box with the share of ink inside its sides (clear of their pen and its blur)."""
    margin = pen + 2
    inside = mask[top + margin : bottom - margin + 1, left + margin : right - margin + 1]
    share = float(inside.mean()) if inside.size else 0.0
    return Square(left, top, right, bottom, share)


def _distinct(squares: list[Square]) -> list[Square]:
    """One box for each place: a thick side can be found twice, and a filled box both as
    its outline and as the fill within it (the outline is kept)."""
    kept: list[Square] = []
    for square in sorted(squares, key=lambda s: s.left - s.right):  # largest first
        middle = ((square.left + square.right) / 2, (square.top + square.bottom) / 2)
        if not any(k.left <= middle[0] <= k.right and k.top <= middle[1] <= k.bottom for k in kept):
            kept.append(square)
    return sorted(kept, key=lambda s: (s.top, s.left))


def verdict(ink: float) -> tuple[bool | None, float]:
    """Ticked or not from the share of ink inside a box, and how sure (0 to 1)."""
    if ink <= EMPTY_INK:
        return False, round(1 - 0.5 * ink / EMPTY_INK, 3)
    if ink >= TICKED_INK:
        return True, round(min(1.0, 0.5 + 0.5 * (ink - TICKED_INK) / TICKED_INK), 3)
    return None, 0.0
