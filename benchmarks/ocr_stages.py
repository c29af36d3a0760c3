"""Where OCR's CPU time goes: each stage of reading a page, in CPU seconds a page.

    .venv/bin/python benchmarks/ocr_stages.py SCAN [SCAN ...]   # .pdf, .png, .jpg, .tif

Each stage is timed by wrapping the function `ocr/page.py` (or `second.py`, `latin.py`,
`raster.py`) calls for it; the time counts this process and its children (Tesseract,
pdftoppm). Stages do not overlap, so what is left is the rest of `ocr/page.py` (cropping,
the boxes' whitening, word boxes to points).
"""

from __future__ import annotations

import resource
import sys
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from supervision_forms.ocr import latin, ocr_image, ocr_pdf_pages, page, raster, second  # noqa: E402

STAGES: list[tuple[ModuleType, str, str]] = [
    (raster, "run_bounded", "rendering the PDF page (pdftoppm)"),
    (page, "estimate_skew", "skew estimate"),
    (page, "straighten", "straightening"),
    (page, "ink", "ink"),
    (page, "despeckle", "specks"),
    (page, "rules_and_boxes", "rules and tick boxes"),
    (page, "read_words", "Tesseract on the page"),
    (second, "read_words", "second read of unsure words (English)"),
    (page, "marks_of", "pixel check of accents"),
    (latin, "read_words", "second read of accents (Latin model)"),
    (page, "upright_turn", "orientation check"),
]


def cpu() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(spent: dict[str, float], label: str, function: Callable[..., object]) -> Callable[..., object]:
    def run(*args: object, **options: object) -> object:
        start = cpu()
        try:
            return function(*args, **options)
        finally:
            spent[label] += cpu() - start

    return run


def main() -> int:
    spent: dict[str, float] = defaultdict(float)
    for module, name, label in STAGES:
        setattr(module, name, timed(spent, label, getattr(module, name)))
    pages, start = 0, cpu()
    for path in map(Path, sys.argv[1:]):
        data = path.read_bytes()
        read = (
            ocr_pdf_pages(data, label=path.name)
            if path.suffix.lower() == ".pdf"
            else ocr_image(data, label=path.name)
        )
        pages += len(read)
    if not pages:
        print(__doc__)
        return 2
    total = cpu() - start
    print(f"{pages} page(s): {total / pages:.2f} s of CPU a page")
    for label, seconds in sorted(spent.items(), key=lambda item: -item[1]):
        print(f"  {seconds / pages:6.3f} s  {label}")
    print(f"  {(total - sum(spent.values())) / pages:6.3f} s  the rest")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
