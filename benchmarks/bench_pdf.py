"""How fast text PDFs are read, against `pdftotext` on the same files in the same run.

Each pack's example of each document, and a few hand-filled council forms, are exported
to PDF by LibreOffice; each is then read with `parse()` (in its worker process, limited
in CPU time, as always) and with `pdftotext -layout` (a process per file, as a user
would run it). The target: `parse` within 3x of `pdftotext` per document.

    .venv/bin/python benchmarks/bench_pdf.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from supervision_forms import installed_packs, parse  # noqa: E402
from supervision_forms.office import convert  # noqa: E402
from supervision_forms.render import render  # noqa: E402
from tools.corpus.build import make_form  # noqa: E402

TARGET = 3.0


def documents(folder: Path, forms: int) -> list[Path]:
    """Our examples and `forms` hand-filled forms per council, as LibreOffice PDFs."""
    sources = []
    for pack in installed_packs():
        for kind in pack.documents:
            path = folder / f"{pack.name}-{kind}.docx"
            path.write_bytes(render(pack.example(kind), pack=pack.name, document=kind))
            sources.append(path)
        for number in range(forms):
            try:
                data, _ = make_form(pack.name, number, seed=3)
            except KeyError:
                continue
            path = folder / f"filled-{pack.name}-{number}.docx"
            path.write_bytes(data)
            sources.append(path)
    return convert(sources, "pdf", folder / "pdf")


def best_of(rounds: int, action: object) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        action()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--forms", type=int, default=2, help="hand-filled forms per council")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        pdfs = documents(Path(scratch), args.forms)
        parse(pdfs[0])  # warm: packs loaded, a worker started
        print(f"{'document':<34} {'parse ms':>9} {'pdftotext ms':>13} {'ratio':>6}")
        ratios = []
        for pdf in pdfs:
            ours = best_of(args.rounds, lambda pdf=pdf: parse(pdf))
            theirs = best_of(
                args.rounds,
                lambda pdf=pdf: subprocess.run(
                    ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True
                ),
            )
            ratios.append(ours / theirs)
            print(f"{pdf.stem:<34} {ours * 1000:>9.1f} {theirs * 1000:>13.1f} {ours / theirs:>6.2f}")
        median = statistics.median(ratios)
        verdict = "within" if median <= TARGET else "OVER"
        print(f"median ratio {median:.2f} (worst {max(ratios):.2f}): {verdict} the {TARGET:g}x target")
    return 0


if __name__ == "__main__":
    sys.exit(main())
