"""Per-document work of one kind, for counting instructions (valgrind --tool=callgrind),
where CPU time on a shared machine is too noisy to tell 10% apart.

    valgrind --tool=callgrind --callgrind-out-file=OUT python benchmarks/count_render.py ours sefton 10
    (again with 60; the difference over 50 is one document's instructions, start-up apart)

`floor`: bench_batch's minimal render floor (Jinja over document.xml, deflated at level 6,
written after the template's bytes); `floor3`: the same at our deflate level; `ours`:
our renderer as a worker runs it (render, hash, write).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from bench_batch import example, ours, render_floor

from supervision_forms.docx.fastzip import CHANGING_LEVEL
from supervision_forms.registry import installed_packs

MADE = 100  # rows set up whatever the count, so that only the documents differ between counts


def main() -> None:
    kind, pack, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    chosen = installed_packs().get(pack)
    template = Path(str(chosen.root / chosen.document("agreement").template))
    base = example(pack)
    with tempfile.TemporaryDirectory(prefix="count-render-") as temp:
        out = Path(temp)
        if kind == "ours":
            ours(pack, base, out, count, MADE)
        else:
            render_floor(template, base, out, count, CHANGING_LEVEL if kind == "floor3" else 6, MADE)


if __name__ == "__main__":
    main()
