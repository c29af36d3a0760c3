"""Build our three councils' packs the way any council's is made: from its blank form.

    .venv/bin/python tools/build_packs.py

Each council's form, as it prints it, is built from the seeds (tools/forms/seeds) and kept
in tools/forms/blanks/; `pack init` then makes the pack's template from it, keeping the
choices of the pack's hand-edited pack.toml (templates/<council>/pack.toml). Output is
deterministic. Prints each document's places and what pack init would have needed a
person to check without the hand edits.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from supervision_forms.packs.authoring import init_pack  # noqa: E402
from tools.forms.seeds import BLANKS  # noqa: E402
from tools.forms.seeds.common import to_bytes  # noqa: E402

BLANKS_DIR = ROOT / "tools" / "forms" / "blanks"
TEMPLATES = ROOT / "templates"


def main() -> int:
    BLANKS_DIR.mkdir(parents=True, exist_ok=True)
    for blank in BLANKS:
        data = to_bytes(blank.build())
        (BLANKS_DIR / blank.file).write_bytes(data)
        report = init_pack(data, TEMPLATES / blank.council, name=blank.council, document=blank.document)
        kept = sum(1 for m in report.places if m.kept)
        print(f"{blank.council} {blank.document}: {len(report.places)} places, {kept} as pack.toml says")
        for path in report.missing:
            print(f"  not on the form: {path}")
        for item in report.places:
            if not item.kept:
                print(f"  pack init's own choice: {', '.join(item.paths)} for “{item.slot.label[:50]}”")
    return 0


if __name__ == "__main__":
    sys.exit(main())
