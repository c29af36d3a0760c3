"""Ghostscript and PostScript: PDFs re-distilled, and PDFs printed through PostScript.

- gs: `gs -sDEVICE=pdfwrite` of LibreOffice's PDF (fonts re-subset, streams rewritten,
  text regrouped), with one of Ghostscript's PDFSETTINGS presets. Ghostscript 10.0 writes
  the Unicode map of LibreOffice's ligature glyphs byte-swapped, so "fi" comes out as
  "昀椀" (U+6600 U+6900): a real artefact a reader has to repair;
- ps: the Word-like PDF printed to PostScript by cairo (`pdftocairo -ps`, the way desktop
  print dialogs print) and distilled back (`ps2pdf`), as a print-to-PDF driver does: fonts
  re-embedded as simple TrueType with a rebuilt Unicode map, text re-grouped. (Printed
  from LibreOffice's PDF instead, glyphs cairo cannot name, the ligatures "fi", "ff", go
  into a Type 3 font without a Unicode map and drop out of the text: no reader could get
  those words back, so that variant is not made);
- ps-garbled: the same PDF printed by poppler's `pdftops` (CUPS's PDF-to-PostScript
  filter) and distilled back. The printed subset fonts lose their Unicode map and the
  text layer comes out as garbage: these pages must go to OCR.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from ..item import Job

SETTINGS = ("/default", "/printer", "/ebook", "/prepress")


def _run(command: list[str]) -> None:
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)


def redistil(job: Job) -> None:
    out = job.folder("gs")
    for name in job.names:
        setting = job.rng("gs", name).choice(SETTINGS)
        _run(
            [
                "gs", "-q", "-dBATCH", "-dNOPAUSE", "-dSAFER", "-sDEVICE=pdfwrite",
                f"-dPDFSETTINGS={setting}", "-o", str(out / f"{name}.pdf"),
                str(job.out / "pdf" / f"{name}.pdf"),
            ]
        )  # fmt: skip


def _through_postscript(printer: list[str], source: Path, target: Path) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        ps = Path(scratch) / "printed.ps"
        _run([*printer, str(source), str(ps)])
        _run(["ps2pdf", str(ps), str(target)])


def printed(job: Job) -> None:
    out = job.folder("ps")
    for name in job.names:
        level = job.rng("ps", name).choice(("-level2", "-level3"))
        source = job.out / "wordlike" / f"{name}.pdf"
        _through_postscript(["pdftocairo", "-ps", level], source, out / f"{name}.pdf")


def garbled(job: Job) -> None:
    out = job.folder("ps-garbled")
    for name in job.names:
        level = job.rng("ps-garbled", name).choice(("-level2", "-level3"))
        _through_postscript(["pdftops", level], job.out / "pdf" / f"{name}.pdf", out / f"{name}.pdf")
