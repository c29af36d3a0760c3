"""Does a producer keep what was typed? A check on each file's text layer, so that a
producer losing text is caught here and not blamed on the reader.

    .venv/bin/python -m tools.corpus.check CORPUS [PRODUCER ...]
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from pathlib import Path

SKIP = {"docx", "html", "ps-garbled", "scan", "scan-tif", "scan-png", "scan-jpg"}
PDF_LIKE = {".pdf"}


def words(text: str) -> Counter[str]:
    """The words of a text (line-end hyphens joined), counted: order is the reader's job."""
    text = unicodedata.normalize("NFKC", text).replace("-\n", "")
    return Counter(re.findall(r"\w+", text.casefold()))


def text_of(path: Path) -> str:
    if path.suffix in PDF_LIKE:
        return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True).stdout.decode()
    return ""


def lost(path: Path, written: dict[str, str]) -> list[str]:
    """The fields whose typed text is not in the file's text layer."""
    text = text_of(path)
    found, joined = words(text), "".join(words(text).elements())
    return [
        field
        for field, typed in written.items()
        if typed and any(word not in joined for word in words(typed) - found)
    ]


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    corpus = Path(args[0])
    truth = json.loads((corpus / "truth.json").read_text(encoding="utf-8"))
    producers = args[1:] or sorted(p.name for p in corpus.iterdir() if p.is_dir() and p.name not in SKIP)
    status = 0
    for producer in producers:
        missing = []
        for name, item in truth.items():
            path = next((corpus / producer).glob(f"{name}.*"), None)
            if path is None or path.suffix not in PDF_LIKE:
                continue
            missing += [f"{name}:{field}" for field in lost(path, item["written"])]
        if not any((corpus / producer).glob("*.pdf")):
            continue
        count = sum(len(item["written"]) for item in truth.values())
        print(f"{producer:<11} {len(missing)} of {count} typed answers not in the text layer {missing[:5]}")
        status |= bool(missing)
    return status


if __name__ == "__main__":
    sys.exit(main())
