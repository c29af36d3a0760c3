"""Pieces of ink in a word's pixels: its connected pieces, the band of its short letters
("x", "n": between the x-line and the baseline), and whether it ends in a full stop drawn as
one (a dot on the baseline, clear of the letter before it, as tall as it is wide)."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from .pixels import Mask, runs

RULE_ROW = 0.9  # of a word's width: a row inked this far across is a drawn line (letters leave gaps)
MIN_SHORT = 5  # pixels: short letters less tall than this are too coarse to look at
STOP_SIZE = (0.12, 0.5)  # of the short letters' height: a full stop's height and width
STOP_BASE = 0.15  # ... and how far at most its bottom is from their baseline


def full_stop(crop: Mask) -> bool:
    """Whether a word's pixels end in a full stop drawn as one: a dot the size of a pen's
    stroke, sitting on the baseline, clear of the letter before it. A speck read as a full
    stop is most often none of these (above the baseline, touching the letter, or larger)."""
    if crop.shape[0] < 2 or crop.shape[1] < 2:
        return False
    x_line, baseline = short_letters(crop)
    short = baseline - x_line
    if short < MIN_SHORT:
        return False
    numbered = piece_numbers(crop[: baseline + 1 + round(STOP_BASE * short) + 1])
    inked = np.flatnonzero(numbered.any(axis=0))
    if not inked.size:
        return False
    last = np.isin(numbered, list(set(numbered[:, inked[-1]].tolist()) - {0}))
    rows, columns = np.flatnonzero(last.any(axis=1)), np.flatnonzero(last.any(axis=0))
    before = np.flatnonzero((numbered.astype(bool) & ~last).any(axis=0))
    low, high = (bound * short for bound in STOP_SIZE)
    return (
        low <= rows[-1] - rows[0] + 1 <= high
        and low <= columns[-1] - columns[0] + 1 <= high
        and abs(int(rows[-1]) - baseline) <= max(1.0, STOP_BASE * short)
        and before.size > 0
        and int(before[before < columns[0]].max(initial=-2)) < columns[0] - 1
        and not (before >= columns[0]).any()
    )


def short_letters(crop: Mask) -> tuple[int, int]:
    """The rows where the short letters' ink starts and ends (x-line, baseline): where the
    ink of the rows rises most, above the densest row, and falls most, below it, within the
    word's block of inked rows (a drawn line across the word is no part of it)."""
    ink = crop.sum(axis=1, dtype=np.int64)
    ink[ink >= RULE_ROW * crop.shape[1]] = 0
    peak = int(ink.argmax())
    empty = np.flatnonzero(ink == 0)
    start = int(empty[empty < peak].max(initial=-1)) + 1
    end = int(empty[empty > peak].min(initial=len(ink)))
    block = ink[start:end]
    rises = np.diff(block, prepend=0)  # each row's ink less the row's above
    falls = -np.diff(block, append=0)  # ... less the row's below
    middle = peak - start
    return start + int(rises[: middle + 1].argmax()), peak + int(falls[middle:].argmax())


def piece_numbers(mask: Mask) -> npt.NDArray[np.int32]:
    """Each pixel of ink numbered by its connected piece (from 1; 0 where there is none)."""
    numbered = np.zeros(mask.shape, dtype=np.int32)
    for (row, start, end), piece in zip(*_joined(mask), strict=True):
        numbered[row, start:end] = piece + 1
    return numbered


def pieces(mask: Mask) -> list[tuple[int, int, int, int, int]]:
    """The connected pieces of ink (touching at edges or corners): top, bottom, left,
    right (inclusive) and pixels of each, found run by run."""
    found: list[list[int]] = []
    for (row, start, end), piece in zip(*_joined(mask), strict=True):
        if piece == len(found):
            found.append([row, row, start, end - 1, 0])
        box = found[piece]
        box[1], box[2], box[3] = row, min(box[2], start), max(box[3], end - 1)
        box[4] += end - start
    return [(b[0], b[1], b[2], b[3], b[4]) for b in found]


def _joined(mask: Mask) -> tuple[list[tuple[int, int, int]], list[int]]:
    """The runs of ink, row by row (row, start, end just past the last pixel), and the
    connected piece of each (runs touching at edges or corners are joined), numbered from 0
    in the order of the pieces' first runs."""
    rows, starts, ends = (found.tolist() for found in runs(mask))
    parent = list(range(len(rows)))

    def root(run: int) -> int:
        while parent[run] != run:
            parent[run] = parent[parent[run]]
            run = parent[run]
        return run

    above, first = range(0), 0  # the runs of the row above; the first run of this row
    for run, (row, start, end) in enumerate(zip(rows, starts, ends, strict=True)):
        if run and row != rows[run - 1]:
            above = range(first, run) if rows[run - 1] == row - 1 else range(0)
            first = run
        for other in above:
            if starts[other] <= end and start <= ends[other]:  # overlapping, or touching at a corner
                one, two = root(run), root(other)
                if one != two:
                    parent[one] = two
    numbers: dict[int, int] = {}
    return list(zip(rows, starts, ends, strict=True)), [
        numbers.setdefault(root(run), len(numbers)) for run in range(len(rows))
    ]
