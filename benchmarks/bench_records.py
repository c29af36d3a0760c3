"""How long the session records take to render and read back, against the agreement.

Times render and parse of each pack's record examples as .docx, and (with LibreOffice) as
PDF, each as a ratio to the same pack's agreement in the same run; and the cost of noting
where each piece of PDF text is drawn (used to read decision rows), as a ratio to pypdf's
plain text extraction.

    .venv/bin/python benchmarks/bench_records.py
"""

from __future__ import annotations

import io
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from pypdf import PdfReader

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from supervision_forms import installed_packs, parse, render  # noqa: E402
from supervision_forms.office import convert, soffice  # noqa: E402

DOCUMENTS = [
    ("portsmouth", "agreement"),
    ("portsmouth", "case_record"),
    ("portsmouth", "general_record"),
    ("surrey", "agreement"),
    ("surrey", "cancellation"),
    ("sefton", "agreement"),
    ("sefton", "general_record"),
]
ROUNDS = 20


def best_ms(task: Callable[[], object], rounds: int = ROUNDS) -> float:
    """The fastest of `rounds` runs, in milliseconds (the least disturbed by other work)."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        task()
        times.append(time.perf_counter() - start)
    return min(times) * 1000


def main() -> None:
    packs = installed_packs()
    docs = {(p, k): render(packs.get(p).example(k), pack=p, document=k) for p, k in DOCUMENTS}
    print(f"{'document':32} {'render ms':>10} {'parse ms':>10} {'render x':>9} {'parse x':>8}")
    base: dict[str, tuple[float, float]] = {}
    for pack, kind in DOCUMENTS:
        example = packs.get(pack).example(kind)
        r = best_ms(lambda p=pack, k=kind, e=example: render(e, pack=p, document=k))
        q = best_ms(lambda d=docs[(pack, kind)]: parse(d, packs=packs))
        base.setdefault(pack, (r, q))
        print(f"{pack + ' ' + kind:32} {r:10.1f} {q:10.1f} {r / base[pack][0]:9.2f} {q / base[pack][1]:8.2f}")
    if soffice() is None:
        print("LibreOffice is not installed: no PDF timings")
        return
    with tempfile.TemporaryDirectory() as folder:
        sources = []
        for (pack, kind), data in docs.items():
            path = Path(folder) / f"{pack}-{kind}.docx"
            path.write_bytes(data)
            sources.append(path)
        convert(sources, "pdf", Path(folder) / "pdf")
        print(f"\n{'PDF':32} {'parse ms':>10} {'x agreement':>12} {'positions x':>12}")
        agreement: dict[str, float] = {}
        for pack, kind in docs:
            data = (Path(folder) / "pdf" / f"{pack}-{kind}.pdf").read_bytes()
            q = best_ms(lambda d=data: parse(d, packs=packs), rounds=5)
            agreement.setdefault(pack, q)
            plain = best_ms(lambda d=data: _extract(d, positions=False), rounds=5)
            placed = best_ms(lambda d=data: _extract(d, positions=True), rounds=5)
            print(f"{pack + ' ' + kind:32} {q:10.1f} {q / agreement[pack]:12.2f} {placed / plain:12.2f}")


def _extract(data: bytes, *, positions: bool) -> None:
    def visit(text: str, cm: list[float], tm: list[float], font: object, size: object) -> None:
        if text.strip():
            kept.append((tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5], text))

    kept: list[tuple[float, float, str]] = []
    for page in PdfReader(io.BytesIO(data)).pages:
        page.extract_text(visitor_text=visit if positions else None)


if __name__ == "__main__":
    main()
