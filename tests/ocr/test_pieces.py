"""Runs of ink along rows, and connected pieces of ink, against plain references: a pixel
by pixel scan, and a flood fill over the eight neighbours."""

from __future__ import annotations

import numpy as np

from supervision_forms.ocr.glyphs import piece_numbers, pieces
from supervision_forms.ocr.pixels import Mask, runs


def _masks() -> list[Mask]:
    rng = np.random.default_rng(7)
    found = [np.zeros((0, 0), dtype=np.bool_), np.ones((3, 4), dtype=np.bool_), np.eye(5, dtype=np.bool_)]
    for _ in range(300):
        height, width = rng.integers(1, 25, 2)
        found.append(rng.random((height, width)) < rng.random())
    return found


def _runs_by_scan(mask: Mask) -> list[tuple[int, int, int]]:
    found = []
    for row in range(mask.shape[0]):
        start = None
        for column in range(mask.shape[1] + 1):
            inked = column < mask.shape[1] and bool(mask[row, column])
            if inked and start is None:
                start = column
            elif not inked and start is not None:
                found.append((row, start, column))
                start = None
    return found


def _flood(mask: Mask) -> np.ndarray:
    """Each pixel numbered by its piece, pieces in the order of their first pixel."""
    numbered = np.zeros(mask.shape, dtype=np.int32)
    count = 0
    for y, x in zip(*np.nonzero(mask), strict=True):
        if numbered[y, x]:
            continue
        count += 1
        numbered[y, x] = count
        todo = [(y, x)]
        while todo:
            r, c = todo.pop()
            for rr in range(max(0, r - 1), min(mask.shape[0], r + 2)):
                for cc in range(max(0, c - 1), min(mask.shape[1], c + 2)):
                    if mask[rr, cc] and not numbered[rr, cc]:
                        numbered[rr, cc] = count
                        todo.append((rr, cc))
    return numbered


def it_finds_each_rows_runs_apart_from_the_next_rows() -> None:
    for mask in _masks():
        rows, starts, ends = runs(mask)
        assert list(zip(rows.tolist(), starts.tolist(), ends.tolist(), strict=True)) == _runs_by_scan(mask)


def it_joins_ink_touching_at_edges_or_corners_into_pieces() -> None:
    for mask in _masks():
        expected = _flood(mask)
        assert (piece_numbers(mask) == expected).all()
        boxes = []
        for number in range(1, int(expected.max(initial=0)) + 1):
            ys, xs = np.nonzero(expected == number)
            boxes.append((int(ys.min()), int(ys.max()), int(xs.min()), int(xs.max()), len(ys)))
        assert pieces(mask) == boxes
