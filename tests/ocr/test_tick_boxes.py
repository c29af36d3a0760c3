"""Tick boxes read from the pixels: found where drawn, and ticked or not as marked."""

from __future__ import annotations

import pytest

from supervision_forms.ocr import OcrBox, ocr_image
from supervision_forms.ocr.deskew import estimate_skew
from supervision_forms.ocr.marks import rules_and_boxes, verdict
from supervision_forms.ocr.pixels import despeckle, grey, ink

from .scans import Scanner, png, scan
from .tickboxes import TrueBox, sheet


def _match(box: TrueBox, found: list[OcrBox]) -> OcrBox | None:
    return next((b for b in found if abs(b.x0 - box.x0) < 3 and abs(b.top - box.top) < 3), None)


@pytest.mark.usefixtures("tesseract")
def it_reads_boxes_ticked_with_a_cross_a_tick_a_scribble_or_a_fill() -> None:
    image, truth = sheet(200, rows=8)
    [page] = ocr_image(png(scan(image, Scanner(dpi=200, degrees=1.2, seed=9)), 200), label="sheet.png")
    found = [_match(box, list(page.boxes)) for box in truth]
    assert sum(f is not None for f in found) >= 0.97 * len(truth)
    assert len(page.boxes) == sum(f is not None for f in found)  # nothing else taken for a box
    verdicts = [(f.ticked, box.ticked) for f, box in zip(found, truth, strict=True) if f is not None]
    assert not [v for v in verdicts if v[0] is not None and v[0] != v[1]]  # never a wrong verdict
    assert sum(v[0] is None for v in verdicts) <= 0.05 * len(verdicts)


@pytest.mark.parametrize("dpi", [150, 300])
def it_finds_boxes_at_the_resolutions_scanners_use(dpi: int) -> None:
    image, truth = sheet(dpi, rows=6)
    pixels = grey(scan(image, Scanner(dpi=dpi, degrees=0.0, seed=dpi)))
    points = 72 / dpi
    _, squares = rules_and_boxes(despeckle(ink(pixels), points), points)
    found = [OcrBox(s.left * points, s.top * points, 0, 0, *verdict(s.ink)) for s in squares]
    assert len(found) == len(truth)
    assert all((m := _match(box, found)) is not None and m.ticked in (box.ticked, None) for box in truth)


@pytest.mark.parametrize("degrees", [-3.0, -1.0, -0.3, 0.3, 0.7, 2.0])
def it_measures_the_skew_to_a_tenth_of_a_degree(degrees: float) -> None:
    image, _ = sheet(150, rows=10)
    skewed = scan(image, Scanner(dpi=150, degrees=degrees, seed=2))
    assert estimate_skew(ink(grey(skewed))) == pytest.approx(degrees, abs=0.1)


def it_leaves_a_straight_or_blank_page_as_it_is() -> None:
    image, _ = sheet(150, rows=10)
    assert abs(estimate_skew(ink(grey(image)))) < 0.1
    blank = grey(scan(image.point(lambda _: 255), Scanner(dpi=150)))
    assert estimate_skew(ink(blank)) == 0.0
