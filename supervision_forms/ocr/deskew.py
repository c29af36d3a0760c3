"""Finding and undoing the small rotation of a scanned page.

The estimate is a projection profile: the page's ink is projected onto lines at each
candidate angle, and the angle whose profile has the sharpest peaks and gaps (the lines of
text and the table rules lined up) wins. A coarse search over +-5 degrees is refined to
about 0.02 degrees. Tesseract's own orientation detection only tells quarter turns, so it
is no help for the skew of a scanner's feed.
"""

from __future__ import annotations

import numpy as np
from PIL import Image

from .pixels import Mask

RESAMPLE = Image.Resampling.BILINEAR  # as many words right as bicubic, in half the time
MAX_DEGREES = 5.0  # a feed skews a page by a few degrees; more is a page put in sideways
COARSE_STEP = 0.25
FINE_STEP = 0.02
MIN_DEGREES = 0.1  # less is about a pixel across a page at 200 dpi: left as it is
MAX_POINTS = 250_000  # ink pixels sampled for the estimate
MIN_POINTS = 500  # fewer: a blank page, left as it is
MIN_PEAK = 1.2  # the best angle's sharpness over the median angle's: less is no line at all


def estimate_skew(page_ink: Mask) -> float:
    """How far the page is turned anticlockwise, in degrees (0 when there is too little ink
    to tell). The mask is best at 100 to 150 dpi: finer costs time and gains nothing."""
    ys, xs = np.nonzero(page_ink)
    if len(ys) < MIN_POINTS:
        return 0.0
    if len(ys) > MAX_POINTS:
        stride = -(-len(ys) // MAX_POINTS)
        ys, xs = ys[::stride], xs[::stride]
    y = ys.astype(np.float64)
    x = (xs - page_ink.shape[1] / 2).astype(np.float64)

    def sharpness(degrees: float) -> float:
        projected = np.rint(y + x * np.tan(np.radians(degrees))).astype(np.int64)
        profile = np.bincount(projected - projected.min()).astype(np.float64)
        return float(np.sum(np.diff(profile) ** 2))

    coarse = np.arange(-MAX_DEGREES, MAX_DEGREES + COARSE_STEP / 2, COARSE_STEP)
    scores = [sharpness(float(degrees)) for degrees in coarse]
    if max(scores) < MIN_PEAK * float(np.median(scores)):  # no lines to line up: noise, a photo
        return 0.0
    best = float(coarse[int(np.argmax(scores))])
    fine = np.arange(best - COARSE_STEP, best + COARSE_STEP + FINE_STEP / 2, FINE_STEP)
    found = float(max(fine, key=sharpness))
    return round(found, 2) if abs(found) >= MIN_DEGREES else 0.0


def straighten(image: Image.Image, degrees: float) -> Image.Image:
    """The page turned back by `degrees` about its centre, on the same canvas (corners
    that turn off it are lost; a few points at most), the uncovered corners white."""
    if degrees == 0.0:
        return image
    return image.rotate(-degrees, resample=RESAMPLE, fillcolor=255)
