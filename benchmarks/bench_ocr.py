"""Benchmark: CPU seconds a page for OCR, against plain Tesseract on the same image.

    .venv/bin/python benchmarks/bench_ocr.py [--pages 6]
    .venv/bin/python benchmarks/bench_ocr.py --parse tests/corpus/fixtures
    .venv/bin/python benchmarks/bench_ocr.py --single tests/corpus/fixtures [--files 4]

With --parse, every scan in the corpus folder's scan producers (scan, scan-tif, scan-png,
scan-jpg, ps-garbled) is read whole by `parse()` (OCR in the reading worker, then the form
reader), and the CPU a page counts the worker and its Tesseract runs (the worker is stopped
after each file, so its time is this process's children's).

With --single, one-page inputs as a user reads them: each page image (scan-png, scan-jpg)
and the first page of each scanned PDF (scan, as a one-page PDF) by a fresh
`python -m supervision_forms parse FILE`, against the same files read together by
`extract FOLDER --jobs 1` (one long-lived reading worker) in the same run. CPU is user+sys of
every process (the command, its reading worker, Tesseract), a page.

Pages of the packs' example documents are scanned (200 dpi, turned 1.5 degrees, noise,
specks) and read by `ocr_image`: deskew, specks, boxes and rules, then Tesseract. The baseline
is `tesseract page.png - --psm 3 tsv` on the same scan, in the same run. CPU time is this
process's and its children's (one core: Tesseract runs with OMP_THREAD_LIMIT=1). The target is
under 3 s of CPU a page. Reading a PDF page (rendering it with pdftoppm first) is timed too.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

from ocr_examples import example_pdfs

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from supervision_forms.ocr import ocr_image, ocr_pdf_pages  # noqa: E402
from tests.ocr.scans import Scanner, png, scan_pdf_page  # noqa: E402

TARGET = 3.0


def cpu() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=6)
    parser.add_argument("--parse", type=Path, help="a corpus folder: time parse() on its scans")
    parser.add_argument("--single", type=Path, help="a corpus folder: one-page inputs against a folder")
    parser.add_argument("--files", type=int, default=4, help="with --single: files of each kind")
    args = parser.parse_args()
    if args.parse:
        return parse_corpus(args.parse)
    if args.single:
        return single_pages(args.single, args.files)
    pdfs = example_pdfs()
    pages = [(name, pdf, number) for name, pdf in sorted(pdfs.items()) for number in range(2)][: args.pages]
    ours, plain, via_pdf = [], [], []
    with tempfile.TemporaryDirectory() as folder:
        for name, pdf, number in pages:
            image = png(scan_pdf_page(pdf, number, Scanner(dpi=200, degrees=1.5)), 200)
            path = Path(folder) / "page.png"
            path.write_bytes(image)
            start = cpu()
            subprocess.run(
                ["tesseract", str(path), "-", "--psm", "3", "tsv"],
                capture_output=True,
                check=True,
                env={**os.environ, "OMP_THREAD_LIMIT": "1"},
            )
            plain.append(cpu() - start)
            start = cpu()
            ocr_image(image, label="page.png")
            ours.append(cpu() - start)
            start = cpu()
            ocr_pdf_pages(pdf, [number], label="page.pdf")
            via_pdf.append(cpu() - start)
            print(
                f"{name} p{number + 1}: ocr_image {ours[-1]:.2f} s  tesseract alone {plain[-1]:.2f} s  "
                f"ocr_pdf_pages {via_pdf[-1]:.2f} s"
            )
    mean = sum(ours) / len(ours)
    baseline = sum(plain) / len(plain)
    print(f"\nCPU a page: ocr_image {mean:.2f} s, plain tesseract {baseline:.2f} s ({mean / baseline:.2f}x);")
    print(f"ocr_pdf_pages {sum(via_pdf) / len(via_pdf):.2f} s; target under {TARGET:.0f} s")
    return 0 if max(mean, sum(via_pdf) / len(via_pdf)) < TARGET else 1


SCANS = ("scan", "scan-tif", "scan-png", "scan-jpg", "ps-garbled")


def parse_corpus(folder: Path) -> int:
    """CPU a page of `parse()` on the corpus's scans, the reading worker's included."""
    from supervision_forms import parse
    from supervision_forms.reading import worker

    seconds = pages = 0.0
    for producer in SCANS:
        for path in sorted((folder / producer).glob("*")):
            if path.suffix.lower() not in {".pdf", ".png", ".jpg", ".tif"}:
                continue
            worker.shutdown()
            start = cpu()
            try:
                read = parse(path)
                count = len(read.ocr_pages) or 1
            except Exception as error:  # a file not read still cost its OCR
                print(f"{producer}/{path.name}: {type(error).__name__}")
                count = 1
            worker.shutdown()
            spent = cpu() - start
            seconds, pages = seconds + spent, pages + count
            print(f"{producer}/{path.name}: {spent:.2f} s CPU, {count} page(s), {spent / count:.2f} s a page")
    mean = seconds / pages
    print(f"\nparse() of scans: {mean:.2f} s CPU a page over {pages:.0f} pages; target under {TARGET:.0f} s")
    return 0 if mean < TARGET else 1


def children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def _command(*arguments: str, out: Path) -> float:
    """CPU seconds of a fresh `python -m supervision_forms ...`, its children included."""
    start = children_cpu()
    with out.open("wb") as sink:
        subprocess.run(
            [sys.executable, "-m", "supervision_forms", *arguments],
            stdout=sink,
            stderr=subprocess.DEVNULL,
            check=False,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
    return children_cpu() - start


def single_pages(corpus: Path, files: int) -> int:
    """CPU a page of one-page inputs read one by one, against the same read as a folder."""
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp, "pages")
        folder.mkdir()
        inputs: list[tuple[str, Path]] = []
        for producer in ("scan-png", "scan-jpg"):
            for path in sorted((corpus / producer).glob("*.p1.*"))[:files]:
                copy = folder / f"{producer}-{path.name}"
                copy.write_bytes(path.read_bytes())
                inputs.append((producer, copy))
        for path in sorted((corpus / "scan").glob("*.pdf"))[:files]:
            copy = folder / f"scan-{path.stem}.p1.pdf"
            subprocess.run(["pdfseparate", "-f", "1", "-l", "1", str(path), str(copy)], check=True)
            inputs.append(("scan (PDF)", copy))
        if not inputs:
            print(f"no scans in {corpus}")
            return 2
        out = Path(temp, "out.json")
        alone: dict[str, list[float]] = {}
        for kind, path in inputs:
            spent = _command("parse", str(path), out=out)
            alone.setdefault(kind, []).append(spent)
            print(f"{kind}/{path.name}: {spent:.2f} s CPU alone")
        together = _command(
            "extract", str(folder), "--jobs", "1", "--out", str(Path(temp, "team.jsonl")), out=out
        )
    folder_page = together / len(inputs)
    print(f"\nfolder of {len(inputs)} pages (extract --jobs 1): {folder_page:.2f} s CPU a page")
    every = [s for spent in alone.values() for s in spent]
    for kind, spent in alone.items():
        mean = sum(spent) / len(spent)
        print(f"one-page {kind}: {mean:.2f} s CPU ({mean / folder_page:.2f}x the folder's page)")
    mean = sum(every) / len(every)
    print(
        f"one-page inputs: {mean:.2f} s CPU a page ({mean / folder_page:.2f}x); target under {TARGET:.0f} s"
    )
    return 0 if max(every) < TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
