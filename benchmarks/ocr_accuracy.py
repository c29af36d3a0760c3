"""OCR accuracy on simulated scans of our own forms: words, skew, places and tick boxes.

    .venv/bin/python benchmarks/ocr_accuracy.py [--dpi 150,200,300] [--degrees 0.3,-1,2] [--all-pages]

Each pack's example of each document is rendered, exported to PDF by LibreOffice and scanned
(tests/ocr/scans.py: turned, blurred, grey paper, noise, specks) at each resolution and angle,
then read by `ocr_image`. Words are scored against the PDF's own text layer (pdftotext), as
multisets of exact words: recall (true words read) and precision (words read that are true).
"place" is the median distance in points between a word read and the same word in the PDF
(its left edge; the tops differ by design: the PDF's box is the font's, OCR's the ink's).
Tick boxes: the sheet of tests/ocr/tickboxes.py (crosses, ticks, scribbles, fills, empty
boxes) at the same settings, plus the boxes on the forms themselves.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
from pathlib import Path

from ocr_examples import example_pdfs

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pypdf import PdfReader  # noqa: E402

from supervision_forms.ocr import OcrPage, ocr_image  # noqa: E402
from tests.ocr.scans import Scanner, png, scan, scan_pdf_page, true_words, word_scores  # noqa: E402
from tests.ocr.tickboxes import sheet  # noqa: E402


def place_error(page: OcrPage, truth: list[tuple[str, float]]) -> float:
    errors = []
    for word in page.words:
        same = [abs(x0 - word.x0) for text, x0 in truth if text == word.text]
        if same:
            errors.append(min(same))
    return statistics.median(errors) if errors else float("nan")


def boxes_score(page: OcrPage, truth: list[tuple[float, float, bool]]) -> tuple[int, int, int, int, int]:
    """(boxes, found, right, undecided, wrong) and boxes found where none is drawn."""
    found = right = undecided = wrong = 0
    for x0, top, ticked in truth:
        match = next((b for b in page.boxes if abs(b.x0 - x0) < 3 and abs(b.top - top) < 3), None)
        if match is None:
            continue
        found += 1
        if match.ticked is None:
            undecided += 1
        elif match.ticked == ticked:
            right += 1
        else:
            wrong += 1
    return len(truth), found, right, undecided, wrong


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dpi", default="150,200,300")
    parser.add_argument("--degrees", default="0.3,-1,2")
    parser.add_argument("--all-pages", action="store_true", help="every page, not each document's first")
    args = parser.parse_args()
    pdfs = example_pdfs()
    pages = [
        (name, number)
        for name, pdf in sorted(pdfs.items())
        for number in range(len(PdfReader(io.BytesIO(pdf)).pages) if args.all_pages else 1)
    ]
    form_boxes = {  # the forms' own tick boxes, from their text layer: ☒ ticked, ☐ empty
        (name, number): [
            (w.x0, w.top, w.text == "☒") for w in true_words(pdfs[name], number) if w.text in "☐☒"
        ]
        for name, number in pages
    }
    print(f"{len(pages)} pages of {len(pdfs)} documents\n")
    print("dpi  degrees | words recall precision | skew error | place (pt) |", end="")
    print(" boxes found right undecided wrong extra")
    for dpi in (int(v) for v in args.dpi.split(",")):
        for degrees in (float(v) for v in args.degrees.split(",")):
            scanner = Scanner(dpi=dpi, degrees=degrees)
            recalls, precisions, skews, places = [], [], [], []
            tally = [0, 0, 0, 0, 0]
            extra = 0
            for name, number in pages:
                pdf = pdfs[name]
                [page] = ocr_image(png(scan_pdf_page(pdf, number, scanner), dpi), label=name)
                truth = true_words(pdf, number)
                recall, precision = word_scores([w.text for w in page.words], [w.text for w in truth])
                recalls.append(recall)
                precisions.append(precision)
                skews.append(abs(page.skew_degrees - degrees))
                places.append(place_error(page, [(w.text, w.x0) for w in truth]))
                score = boxes_score(page, form_boxes[(name, number)])
                tally = [a + b for a, b in zip(tally, score, strict=True)]
                extra += len(page.boxes) - score[1]
            image, drawn = sheet(dpi)
            [boxes] = ocr_image(png(scan(image, scanner), dpi), label="sheet")
            score = boxes_score(boxes, [(b.x0, b.top, b.ticked) for b in drawn])
            tally = [a + b for a, b in zip(tally, score, strict=True)]
            extra += len(boxes.boxes) - score[1]
            total, found, right, undecided, wrong = tally
            print(
                f"{dpi:>3} {degrees:>+8.1f} |"
                f" {statistics.mean(recalls):>12.3f} {statistics.mean(precisions):>9.3f} |"
                f" {max(skews):>10.2f} | {statistics.median(places):>10.1f} |"
                f" {total:>5} {found:>5} {right:>5} {undecided:>9} {wrong:>5} {extra:>5}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
