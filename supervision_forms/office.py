"""LibreOffice in headless mode: converting .docx to PDF (or re-saving it), many files a call."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from .errors import SupervisionFormsError


class OfficeError(SupervisionFormsError):
    """LibreOffice is missing, failed, or took too long."""


def soffice() -> str | None:
    """The LibreOffice binary, if installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(files: Sequence[Path], target: str, out_dir: Path, timeout: float = 120.0) -> list[Path]:
    """Convert files with one LibreOffice call and a private profile; `target` is e.g.
    "pdf" or "docx:MS Word 2007 XML". Returns the output paths, in order."""
    binary = soffice()
    if binary is None:
        raise OfficeError("LibreOffice (soffice) is not installed")
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="sf-lo-profile-") as profile:
        command = [
            binary,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            target,
            "--outdir",
            str(out_dir),
            *map(str, files),
        ]
        try:
            subprocess.run(command, capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            raise OfficeError(f"LibreOffice took over {timeout:.0f} s") from None
    extension = target.split(":")[0]
    outputs = [out_dir / f"{Path(f).stem}.{extension}" for f in files]
    missing = [p.name for p in outputs if not p.exists()]
    if missing:
        raise OfficeError(f"LibreOffice did not produce {', '.join(missing[:3])}")
    return outputs
