"""The committed fixture set: a small corpus from every producer, for CI.

    .venv/bin/python -m tools.corpus.fixtures [OUT]      (default tests/corpus/fixtures)

Builds the corpus (realistic fills, tuning pools, seed 7: one current form and one older
edition per council) with every producer, then keeps, to stay small, all of it but: the
.dot and .dotx templates of the current forms only, one form as a scanned PDF and one as a
TIFF, the first page of each current form as .png and of one as .jpg. Needs
LibreOffice, chromium, pandoc with pdflatex, Ghostscript and poppler: CI does not, it only
reads the files this writes.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path

from .build import build_corpus

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "tests" / "corpus" / "fixtures"
SEED = 7
PER_COUNCIL = 1
OLDER = 1
TEMPLATES = ("dot", "dotx")
SCANS = ("scan", "scan-tif")
SCANNED = {"scan": "surrey-000", "scan-tif": "sefton-000"}
PAGES = {"scan-png": ("portsmouth-000", "surrey-000", "sefton-000"), "scan-jpg": ("portsmouth-000",)}


def build(out: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="corpus-fixtures-") as scratch:
        corpus = Path(scratch)
        build_corpus(
            corpus,
            PER_COUNCIL,
            SEED,
            producers=["all"],
            realistic=True,
            older=OLDER,
            log=lambda line: print(line, flush=True),
        )
        if out.exists():
            shutil.rmtree(out)
        out.mkdir(parents=True)
        shutil.copy(corpus / "truth.json", out / "truth.json")
        for folder in sorted(p for p in corpus.iterdir() if p.is_dir()):
            if folder.name == "html":
                continue
            target = out / folder.name
            target.mkdir()
            if folder.name in SCANS:
                for file in folder.glob(f"{SCANNED[folder.name]}.*"):
                    shutil.copy(file, target / file.name)
            elif folder.name in PAGES:
                listing = json.loads((folder / "files.json").read_text(encoding="utf-8"))
                kept = {}
                for name in PAGES[folder.name]:
                    page = next(
                        f for f, entry in listing.items() if entry["item"] == name and entry["page"] == 1
                    )
                    shutil.copy(folder / page, target / page)
                    kept[page] = listing[page]
                (target / "files.json").write_text(json.dumps(kept, indent=1), encoding="utf-8")
            else:
                for file in folder.iterdir():
                    if folder.name not in TEMPLATES or "-old-" not in file.name:
                        shutil.copy(file, target / file.name)
    size = sum(f.stat().st_size for f in out.rglob("*") if f.is_file())
    print(f"fixtures in {out}: {sum(1 for f in out.rglob('*') if f.is_file())} files, {size / 1e6:.1f} MB")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    build(Path(args[0]) if args else OUT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
