"""LibreOffice conversions for the corpus: one soffice call per batch, a private profile."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from supervision_forms.office import remove_pipes

# target extension -> LibreOffice export filter
FILTERS = {
    "pdf": "writer_pdf_Export",
    "docx": "MS Word 2007 XML",
    "doc": "MS Word 97",
    "dot": "MS Word 97 Vorlage",
    "rtf": "Rich Text Format",
    "odt": "writer8",
    "dotx": "MS Word 2007 XML Template",
}
SECONDS_PER_FILE = 30.0
START_SECONDS = 120.0


def soffice() -> str:
    binary = shutil.which("soffice") or shutil.which("libreoffice")
    if binary is None:
        raise RuntimeError(
            "LibreOffice (soffice) is not installed: apt-get install -y libreoffice-writer-nogui"
        )
    return binary


def convert(files: list[Path], extension: str, out_dir: Path) -> list[Path]:
    """Convert `files` to `extension` into `out_dir` (same stem); the outputs, in order."""
    out_dir.mkdir(parents=True, exist_ok=True)
    if not files:
        return []
    with (
        tempfile.TemporaryDirectory(prefix="corpus-lo-") as profile,
        tempfile.TemporaryDirectory() as scratch,
    ):
        command = [
            soffice(),
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            "--nologo",
            "--convert-to",
            f"{extension}:{FILTERS[extension]}",
            "--outdir",
            scratch,
            *map(str, files),
        ]
        try:
            subprocess.run(
                command,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=START_SECONDS + SECONDS_PER_FILE * len(files),
                check=False,
            )
        finally:
            remove_pipes(Path(profile).as_uri())
        outputs = []
        for file in files:
            made = Path(scratch) / f"{file.stem}.{extension}"
            if not made.exists():
                raise RuntimeError(f"LibreOffice did not make {made.name}")
            target = out_dir / made.name
            shutil.move(str(made), target)
            outputs.append(target)
    return outputs
