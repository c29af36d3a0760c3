"""Reading and writing the .docx zip package safely. The only place that opens zips."""

from __future__ import annotations

import io
import os
import tempfile
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from ..errors import CorruptDocument, DocumentTooLarge, EncryptedDocument, UnsupportedFormat

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_ENTRIES = 2_000
MAX_TOTAL_UNPACKED = 150 * 1024 * 1024
MAX_PART_BYTES = 60 * 1024 * 1024
MAX_RATIO = 200
MACRO_TYPES = ("vbaProject", "macroEnabled")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass(frozen=True)
class DocxPackage:
    """The parts of a .docx, by name, as bytes; order kept for rewriting."""

    parts: dict[str, bytes]

    def text(self, name: str) -> str:
        return self.parts[name].decode("utf-8")


def check_not_ole(data: bytes, label: str) -> None:
    """Old .doc files and encrypted .docx both use the OLE container."""
    if data.startswith(OLE_MAGIC):
        if b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e" in data:
            raise EncryptedDocument(f"{label}: the document is password-protected")
        raise UnsupportedFormat(f"{label}: this is an old Word .doc file; save it as .docx")


def read_package(data: bytes, label: str = "document") -> DocxPackage:
    """Open .docx bytes within limits: entries, sizes and compression ratio are checked
    from the central directory first, then each part is read with a hard cap."""
    if len(data) > MAX_FILE_BYTES:
        raise DocumentTooLarge(f"{label}: the file is over {MAX_FILE_BYTES // 2**20} MB")
    check_not_ole(data, label)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zlib.error, ValueError, EOFError, OSError):
        raise UnsupportedFormat(f"{label}: not a .docx (not a zip package)") from None
    with archive:
        infos = archive.infolist()
        _check_directory(infos, label)
        parts: dict[str, bytes] = {}
        for info in infos:
            if info.is_dir():
                continue
            parts[info.filename] = _read_capped(archive, info, label)
    if "word/document.xml" not in parts or "[Content_Types].xml" not in parts:
        raise UnsupportedFormat(f"{label}: not a Word .docx (no word/document.xml)")
    content_types = parts["[Content_Types].xml"]
    if any(m.encode() in content_types for m in MACRO_TYPES) or any("vbaProject" in name for name in parts):
        raise UnsupportedFormat(f"{label}: macro-enabled documents (.docm) are not accepted")
    return DocxPackage(parts)


def _check_directory(infos: list[zipfile.ZipInfo], label: str) -> None:
    if len(infos) > MAX_ENTRIES:
        raise DocumentTooLarge(f"{label}: the package has over {MAX_ENTRIES} parts")
    total = sum(i.file_size for i in infos)
    if total > MAX_TOTAL_UNPACKED:
        raise DocumentTooLarge(f"{label}: the package unpacks to over {MAX_TOTAL_UNPACKED // 2**20} MB")
    for info in infos:
        if info.flag_bits & 0x1:
            raise EncryptedDocument(f"{label}: the package is encrypted")
        if info.file_size > 1_000_000 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise DocumentTooLarge(f"{label}: a part is compressed suspiciously well (zip bomb?)")


def _read_capped(archive: zipfile.ZipFile, info: zipfile.ZipInfo, label: str) -> bytes:
    chunks: list[bytes] = []
    size = 0
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(1 << 16):
                size += len(chunk)
                if size > MAX_PART_BYTES or size > info.file_size:
                    raise DocumentTooLarge(f"{label}: a part is larger than it declares or allows")
                chunks.append(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError):
        raise CorruptDocument(f"{label}: the package is damaged ({info.filename})") from None
    return b"".join(chunks)


def write_package(parts: dict[str, bytes]) -> bytes:
    """Zip parts into .docx bytes ([Content_Types].xml first, as Word expects)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        names = sorted(parts, key=lambda n: n != "[Content_Types].xml")
        for name in names:
            archive.writestr(name, parts[name])
    return buffer.getvalue()


def write_atomic(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Write a file whole or not at all: temp file in the same folder, then rename."""
    path = Path(path)
    fd, temp = tempfile.mkstemp(dir=path.parent or ".", prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
