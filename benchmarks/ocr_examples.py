"""The scans the OCR benchmarks read: every pack's example of every document, rendered,
exported to PDF by LibreOffice and put through a simulated scanner (tests/ocr/scans.py)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from supervision_forms import installed_packs  # noqa: E402
from supervision_forms.office import convert  # noqa: E402
from supervision_forms.render import render  # noqa: E402


def example_pdfs() -> dict[str, bytes]:
    """Each pack's example of each document as LibreOffice's PDF, named pack/document."""
    packs = installed_packs()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        sources = []
        for name in ("portsmouth", "surrey", "sefton"):
            pack = packs.get(name)
            for document in pack.documents:
                path = work / f"{name}--{document}.docx"
                path.write_bytes(render(pack.example(document), pack=name, document=document, packs=packs))
                sources.append(path)
        pdfs = convert(sources, "pdf", work / "pdf")
        return {pdf.stem.replace("--", "/"): pdf.read_bytes() for pdf in pdfs}
