"""Grey page images as numpy arrays: the ink on them, and their resolution."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
from PIL import Image

Grey = npt.NDArray[np.uint8]
Mask = npt.NDArray[np.bool_]
Ints = npt.NDArray[np.intp]

SPECK = 0.5  # square points: a lone dot of ink this small is a speck, not a full stop
SPECK_SIZE = 0.9  # points: the square a speck fits in
SPECK_RING = 0.6  # points: the paper all round it


def grey(image: Image.Image) -> Grey:
    """The image as an array of grey levels (0 black, 255 white)."""
    return np.asarray(image.convert("L"), dtype=np.uint8)


def ink(pixels: Grey) -> Mask:
    """Where the ink is: darker than Otsu's threshold between paper and ink (never darker
    than mid-grey, so a blank page's noise is not taken for ink)."""
    counts = np.bincount(pixels.ravel(), minlength=256).astype(np.float64)
    levels = np.arange(256, dtype=np.float64)
    below = np.cumsum(counts)
    above = below[-1] - below
    mass = np.cumsum(counts * levels)
    with np.errstate(divide="ignore", invalid="ignore"):
        mean_below = mass / below
        mean_above = (mass[-1] - mass) / above
        spread = below * above * (mean_below - mean_above) ** 2
    threshold = int(np.nanargmax(spread[:-1])) if np.isfinite(spread[:-1]).any() else 128
    return pixels <= min(threshold, 160)


def runs(mask: Mask) -> tuple[Ints, Ints, Ints]:
    """The runs of ink along the rows, row by row and left to right: the row, start and end
    (just past the last pixel) of each. Found on the rows laid end to end, each padded with
    paper at both ends, so a run never goes on into the next row."""
    width = mask.shape[1] + 2
    padded = np.zeros((mask.shape[0], width), dtype=np.bool_)
    padded[:, 1:-1] = mask
    flat = padded.ravel()
    edges = np.flatnonzero(flat[1:] != flat[:-1])  # just before each start, and each run's last pixel
    return edges[0::2] // width, edges[0::2] % width, edges[1::2] % width


def despeckle(mask: Mask, points_per_pixel: float) -> Mask:
    """The ink without specks: a dot of ink (at most `SPECK` square points) with a clear
    ring of paper around it. A full stop is larger; a speck of dust or scanner noise, even
    blurred over a few pixels by turning the page, is not."""
    inner = min(9, max(3, round(SPECK_SIZE / points_per_pixel) | 1))
    outer = min(15, inner + 2 * max(1, round(SPECK_RING / points_per_pixel)))
    most = max(1, round(SPECK / points_per_pixel**2))
    near = _box_count(mask, inner)
    centres = (near <= most) & (_box_count(mask, outer) == near)
    kept: Mask = mask & (_box_count(centres, inner) == 0)  # every pixel of each speck
    return kept


def _box_count(mask: Mask, size: int) -> npt.NDArray[np.uint8]:
    """How many pixels are set in the `size`-square window about each pixel (size odd,
    at most 15): two passes of shifted sums, one along rows and one down columns."""
    half = size // 2
    height, width = mask.shape
    padded = np.pad(mask.view(np.uint8), half)
    rows = np.zeros((height + 2 * half, width), dtype=np.uint8)
    for shift in range(size):
        rows += padded[:, shift : shift + width]
    total = np.zeros((height, width), dtype=np.uint8)
    for shift in range(size):
        total += rows[shift : shift + height]
    return total
