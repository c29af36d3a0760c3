"""The demo: every pack's example agreement rendered, read back and compared."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .files import write_atomic
from .models.paths import flatten
from .office import OfficeError, convert, soffice
from .reading import parse
from .registry import installed_packs
from .render import render


@dataclass(frozen=True)
class DemoLine:
    pack: str
    docx: Path
    pdf: Path | None
    fields: int
    identical: bool
    warnings: int
    unmapped: int


def run_demo(out: Path) -> list[DemoLine]:
    """Render each installed pack's example into `out`, with a PDF where LibreOffice is here."""
    out.mkdir(parents=True, exist_ok=True)
    lines = []
    for pack in installed_packs():
        for kind in pack.documents:
            if pack.document(kind).example is None:
                continue
            example = pack.example(kind)
            docx = out / f"{pack.name}-{kind}.docx"
            write_atomic(docx, render(example, pack=pack, document=kind), mode=0o644)
            write_atomic(
                docx.with_suffix(".json"),
                json.dumps(example.model_dump(mode="json"), indent=2).encode(),
                0o644,
            )
            result = parse(docx)
            filled = sum(v is not None for v in flatten(example).values())
            identical = result.data == example
            lines.append(
                DemoLine(pack.name, docx, None, filled, identical, len(result.warnings), len(result.unmapped))
            )
    if soffice() is not None and lines:
        try:
            pdfs = convert([line.docx for line in lines], "pdf", out)
            lines = [DemoLine(**{**vars(line), "pdf": pdf}) for line, pdf in zip(lines, pdfs, strict=True)]
        except OfficeError:
            pass
    return lines
