"""How fast, and in how much memory, hostile inputs are refused.

Each case runs in a fresh process, so its peak memory (ru_maxrss) is its own; the same run
times a genuine document, and the table gives each case's time as a ratio to it.

    .venv/bin/python benchmarks/bench_hostile.py
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from supervision_forms import installed_packs  # noqa: E402
from supervision_forms.render import render  # noqa: E402
from tests.hostile.corpus import DOCUMENTS  # noqa: E402

CHILD = """
import json, re, resource, sys, time
from supervision_forms.reading import parse
from supervision_forms.errors import SupervisionFormsError

def high_water_mib():  # VmHWM starts afresh at exec, unlike ru_maxrss
    status = open("/proc/self/status").read()
    return int(re.search(r"VmHWM:\\s+(\\d+)", status).group(1)) / 1024

data = open(sys.argv[1], "rb").read()
parse(open(sys.argv[2], "rb").read())  # warm: packs loaded, templates compiled
base = high_water_mib()
start = time.perf_counter()
try:
    parse(data)
    outcome = "read"
except SupervisionFormsError as error:
    outcome = type(error).__name__
seconds = time.perf_counter() - start
worker = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # PDFs are read in a worker
found = {"outcome": outcome, "seconds": seconds, "peak": high_water_mib(), "base": base, "worker": worker}
print(json.dumps(found))
"""
CHOSEN = [
    "genuine .docx",
    "zip bomb: 400 MB declared",
    "zip bomb: sizes that lie",
    "zip bomb: one part at 1000:1",
    "zip bomb: overlapping entries",
    "zip with 5,000 entries",
    "zip directory over 1 MB",
    "billion laughs",
    "XML with 210,000 tags",
    "password-protected .docx",
    "genuine form as a text PDF",
    "PDF bomb stream (400 MB)",
    "PDF with 3 million tokens",
]


def measure(data: bytes, warm: Path, folder: Path) -> dict[str, float | str]:
    target = folder / "case.bin"
    target.write_bytes(data)
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(target), str(warm)],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
        timeout=300,
    )
    result: dict[str, float | str] = json.loads(done.stdout)
    return result


def main() -> None:
    packs = installed_packs()
    genuine = render(packs.get("surrey").example("agreement"), pack="surrey", packs=packs)
    cases = {case.name: case for case in DOCUMENTS}
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        warm = folder / "warm.docx"
        warm.write_bytes(genuine)
        rows = []
        for name in CHOSEN:
            data = cases[name].build(genuine)
            rows.append((name, len(data), measure(data, warm, folder)))
    reference = float(rows[0][2]["seconds"])
    header = f"{'case':<32} {'file KB':>8} {'outcome':<20} {'ms':>8} {'x genuine':>10} {'peak MiB':>9}"
    print(header + f" {'+MiB':>6} {'worker MiB':>10}")
    for name, size, result in rows:
        seconds, peak, base = float(result["seconds"]), float(result["peak"]), float(result["base"])
        print(
            f"{name:<32} {size // 1024:>8} {result['outcome']!s:<20} {seconds * 1000:>8.2f} "
            f"{seconds / reference:>10.1f} {peak:>9.0f} {peak - base:>6.0f} {float(result['worker']):>10.0f}"
        )
    bomb = {name: result for name, _, result in rows}["zip bomb: 400 MB declared"]
    print(
        f"\n400 MB zip bomb: refused in {float(bomb['seconds']) * 1000:.2f} ms (limit 1000 ms), "
        f"whole process peak {float(bomb['peak']):.0f} MiB (limit 300 MiB)"
    )


if __name__ == "__main__":
    main()
