"""Old formats (.doc, .dot, .rtf, .odt) turned into .docx by LibreOffice, then read as usual.

LibreOffice runs with a private profile in which no macro runs and no link is updated
(`office.SAFE_SETTINGS`), documents are opened hidden and read-only with macro execution
off, and every call has a time limit. One converter serves a process: it starts on first
use and stops at exit; threads take turns. A forked child starts its own.
"""

from __future__ import annotations

import atexit
import os
import tempfile
import threading
from pathlib import Path

from .docx.package import MAX_FILE_BYTES, read_file
from .errors import CorruptDocument
from .formats import Format
from .office import ConverterPool, OfficeError, soffice
from .rtf import keep_box_paragraphs

INSTALL_HINT = "install LibreOffice (e.g. apt-get install libreoffice-writer-nogui)"

_lock = threading.Lock()
_pool: ConverterPool | None = None
_owner = 0  # the process that started `_pool`


def to_docx(data: bytes, kind: Format, label: str) -> bytes:
    """The .docx LibreOffice makes of `data` (a document in an old format)."""
    if soffice() is None:
        raise OfficeError(f"{label}: reading a .{kind} file needs LibreOffice; {INSTALL_HINT}")
    with _lock, tempfile.TemporaryDirectory(prefix="sf-convert-") as folder:
        source = Path(folder) / f"document.{kind.value}"  # LibreOffice never sees the file's own name
        source.write_bytes(keep_box_paragraphs(data) if kind is Format.RTF else data)
        out = Path(folder) / "out"
        out.mkdir()
        outcome = _converter().submit([source], out, "docx").result()[0]
        if outcome.output is None:
            raise CorruptDocument(
                f"{label}: LibreOffice could not convert this .{kind} file ({outcome.error})"
            )
        return read_file(outcome.output, MAX_FILE_BYTES)


def _converter() -> ConverterPool:
    """This process's converter (the lock is held)."""
    global _pool, _owner
    if _pool is None or _owner != os.getpid():
        _pool, _owner = ConverterPool(1), os.getpid()  # a forked child never uses its parent's
        atexit.register(_close, _pool)
    return _pool


def _close(pool: ConverterPool) -> None:
    if _owner == os.getpid():
        pool.close()
