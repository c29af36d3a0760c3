"""Regenerate the PDFs in tests/ocr/fixtures (needs LibreOffice, poppler and Ghostscript):

    .venv/bin/python tests/ocr/make_fixtures.py

- cancellation.pdf: Surrey's example cancellation form, rendered and exported by LibreOffice.
- cancellation-printed.pdf: the same printed through PostScript (pdftops, then ps2pdf): its
  fonts lose their map to Unicode, so its text layer is garbage.
- cancellation-outlines.pdf: the same through Ghostscript with -dNoOutputFonts: the text is
  drawn as outlines, so there is no text layer at all.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent / "fixtures"
CLI = Path(sys.executable).parent / "supervision-forms"


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        example = subprocess.run(
            [CLI, "example", "--pack", "surrey", "--document", "cancellation"],
            check=True,
            capture_output=True,
        ).stdout
        (work / "cancellation.json").write_bytes(example)
        subprocess.run(
            [
                CLI,
                "render",
                work / "cancellation.json",
                "--pack",
                "surrey",
                "--document",
                "cancellation",
                "-o",
                work / "cancellation.docx",
            ],
            check=True,
        )
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "pdf", "--outdir", work, work / "cancellation.docx"],
            check=True,
            capture_output=True,
        )
        pdf = work / "cancellation.pdf"
        (HERE / "cancellation.pdf").write_bytes(pdf.read_bytes())
        subprocess.run(["pdftops", pdf, work / "printed.ps"], check=True)
        subprocess.run(["ps2pdf", work / "printed.ps", HERE / "cancellation-printed.pdf"], check=True)
        subprocess.run(
            [
                "gs",
                "-q",
                "-dNOPAUSE",
                "-dBATCH",
                "-sDEVICE=pdfwrite",
                "-dNoOutputFonts",
                f"-sOutputFile={HERE / 'cancellation-outlines.pdf'}",
                str(pdf),
            ],
            check=True,
        )


if __name__ == "__main__":
    main()
