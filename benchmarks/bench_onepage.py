"""Benchmark: CPU a page of a fresh `parse` command on a small scanned input (issue 9).

    .venv/bin/python benchmarks/bench_onepage.py CORPUS [--rounds 3] [--files 1] [--against OTHER_CHECKOUT]

CORPUS is a corpus folder (`tools.corpus` with the scan producers). Inputs (`--files` of each
kind, from different forms): a one-page .png and .jpg (scan-png, scan-jpg), the first frame of
a .tif (scan-tif) as a one-page .tif, the first page of a scanned PDF as a one-page PDF, and
the first five pages of one of five pages or more as a five-page PDF (scan). Each is read by a fresh
`python -m supervision_forms parse FILE`, as a user reads one file; its CPU is user+sys of
the command and all it starts (the reading worker, Tesseract). The baseline, in the same
run, is plain Tesseract on the same pages (`tesseract PAGE - --psm 3 tsv`, one thread; a
PDF's pages rendered by pdftoppm at 200 dpi first, not counted). The target is under 3 s
of CPU a page.

Every command runs once untimed first, so the user's cache folder holds what a second
command finds there (the slim Latin model, the packs' reading knowledge), and the code's
compiled bytecode is kept, as an installed package's is (pip compiles it): in a folder of
this run's (PYTHONPYCACHEPREFIX), never in the checkouts, even where the environment says
PYTHONDONTWRITEBYTECODE (compiling the library anew costs a command over 0.15 s of CPU).
With `--against`, another checkout's code (PYTHONPATH) reads the same inputs in the same
rounds, interleaved: the ratio of the two is before/after on the same machine load. Each
input's line gives its best round a page, its ratio to Tesseract alone, and what the
command spends over Tesseract (start-up, the pixel work, the model loads, the form reader).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
TARGET = 3.0
FIVE = 5


def children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def timed(command: list[str], env: dict[str, str] | None = None) -> float:
    start = children_cpu()  # run from / so that `-m` finds the package on PYTHONPATH, not in the cwd
    subprocess.run(command, capture_output=True, check=False, env=env, cwd="/")
    return children_cpu() - start


def inputs(corpus: Path, folder: Path, files: int) -> list[tuple[str, Path, int]]:
    """(kind, file, pages) for up to `files` inputs of each kind found in the corpus, taken
    evenly through its sorted files (so from different councils)."""
    found: list[tuple[str, Path, int]] = []
    for producer, kind in (("scan-png", "one-page .png"), ("scan-jpg", "one-page .jpg")):
        found += [(kind, page, 1) for page in _spread(sorted((corpus / producer).glob("*.p1.*")), files)]
    for number, tif in enumerate(_spread(sorted((corpus / "scan-tif").glob("*.tif")), files)):
        one = folder / f"one{number}.tif"
        with Image.open(tif) as image:  # its first frame, as the scanner wrote it
            image.save(one, compression=image.info.get("compression"), dpi=image.info.get("dpi"))
        found.append(("one-page .tif", one, 1))
    for number, pdf in enumerate(_spread(sorted((corpus / "scan").glob("*.pdf")), files)):
        one = folder / f"one{number}.pdf"
        subprocess.run(["pdfseparate", "-f", "1", "-l", "1", str(pdf), str(one)], check=True)
        found.append(("one-page scanned PDF", one, 1))
    fives = _spread([pdf for pdf in sorted((corpus / "scan").glob("*.pdf")) if _pages(pdf) >= FIVE], files)
    for number, pdf in enumerate(fives):
        five = folder / f"five{number}.pdf"
        subprocess.run(
            ["pdfseparate", "-f", "1", "-l", str(FIVE), str(pdf), str(folder / "p%d.pdf")], check=True
        )
        pieces = [str(folder / f"p{n}.pdf") for n in range(1, FIVE + 1)]
        subprocess.run(["pdfunite", *pieces, str(five)], check=True)
        found.append(("five-page scanned PDF", five, FIVE))
    return sorted(found, key=lambda item: item[0])


def _spread(paths: list[Path], count: int) -> list[Path]:
    """`count` of the paths, evenly spaced through them (all when there are no more)."""
    if len(paths) <= count:
        return paths
    return [paths[i * len(paths) // count] for i in range(count)]


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=False).stdout
    return next((int(line.split()[1]) for line in info.splitlines() if line.startswith("Pages:")), 0)


def tesseract_cpu(path: Path, pages: int, folder: Path) -> float:
    """Plain Tesseract on the input's pages (rendering a PDF is not counted)."""
    images = [path]
    if path.suffix == ".pdf":
        subprocess.run(["pdftoppm", "-r", "200", "-png", str(path), str(folder / "page")], check=True)
        images = sorted(folder.glob("page*.png"))[:pages]
    spent = sum(
        timed(["tesseract", str(image), "-", "--psm", "3", "tsv"], {**os.environ, "OMP_THREAD_LIMIT": "1"})
        for image in images
    )
    for image in folder.glob("page*.png"):
        image.unlink()
    return spent


def parse_cpu(path: Path, code: Path, folder: Path) -> float:
    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    env |= {
        "PYTHONPATH": str(code),
        "PYTHONPYCACHEPREFIX": str(folder / "bytecode" / code.as_posix().strip("/")),
    }
    return timed([sys.executable, "-m", "supervision_forms", "parse", str(path)], env)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--files", type=int, default=1, help="inputs of each kind")
    parser.add_argument("--against", type=Path, help="another checkout: read the same inputs with it too")
    args = parser.parse_args()
    codes = {"ours": ROOT, **({"against": args.against.resolve()} if args.against else {})}
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        found = inputs(args.corpus, folder, args.files)
        if not found:
            print(f"no scans in {args.corpus}")
            return 2
        for _, path, _ in found:  # warm the user's cache folder and compile the code
            for code in codes.values():
                parse_cpu(path, code, folder)
        spent: dict[tuple[str, Path], list[float]] = {}
        for _ in range(args.rounds):
            for _, path, pages in found:
                spent.setdefault(("tesseract", path), []).append(tesseract_cpu(path, pages, folder) / pages)
                for name, code in codes.items():
                    spent.setdefault((name, path), []).append(parse_cpu(path, code, folder) / pages)
    worst = 0.0
    for kind, path, _ in found:
        plain = min(spent[("tesseract", path)])
        line = f"{kind} ({path.name}): tesseract {plain:.2f} s a page"
        for name in codes:
            best = min(spent[(name, path)])
            rounds = "/".join(f"{s:.2f}" for s in spent[(name, path)])
            line += f"; {name} {best:.2f} s ({rounds}), {best / plain:.2f}x tesseract, +{best - plain:.2f} s"
        if args.against:
            line += f"; ours/against {min(spent[('ours', path)]) / min(spent[('against', path)]):.2f}"
        worst = max(worst, min(spent[("ours", path)]))
        print(line)
    print(f"worst input: {worst:.2f} s CPU a page; target under {TARGET:.0f} s")
    return 0 if worst < TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
