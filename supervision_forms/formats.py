"""What kind of file a document is, told from its bytes, never from its name.

A council's archive holds .docx and PDF, and older formats too: Word 97–2003 (.doc,
.dot), rich text (.rtf) and OpenDocument (.odt, .ott). Those are read by converting them
to .docx first (`conversion`). Anything else is refused with a reason a person can act on.
"""

from __future__ import annotations

import zipfile
from enum import StrEnum
from typing import NoReturn

from .errors import CorruptDocument, EncryptedDocument, UnsupportedFormat

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
ODF_TEXT = (b"application/vnd.oasis.opendocument.text", b"application/vnd.oasis.opendocument.text-template")
FIB_FLAGS = 0x0A  # FibBase.flags in the WordDocument stream (MS-DOC 2.5.2)
FIB_ENCRYPTED = 0x0100  # fEncrypted
FIB_TEMPLATE = 0x0001  # fDot
PDF_HEADER_WITHIN = 1024  # bytes: Acrobat accepts a header this far in
MAX_MANIFEST = 1024 * 1024


class Format(StrEnum):
    """A format this library reads; `converted` ones go through LibreOffice first."""

    DOCX = "docx"
    PDF = "pdf"
    DOC = "doc"
    DOT = "dot"
    RTF = "rtf"
    ODT = "odt"
    PNG = "png"
    JPEG = "jpeg"
    TIFF = "tiff"

    @property
    def converted(self) -> bool:
        return self in CONVERTED

    @property
    def image(self) -> bool:
        return self in (Format.PNG, Format.JPEG, Format.TIFF)


CONVERTED = frozenset({Format.DOC, Format.DOT, Format.RTF, Format.ODT})


def sniff(data: bytes, label: str) -> Format:
    """The format of `data`; `UnsupportedFormat` (or `EncryptedDocument`) naming `label`
    for anything this library does not read."""
    if b"%PDF-" in data[:PDF_HEADER_WITHIN]:
        return Format.PDF
    if data.startswith(ZIP_MAGIC):
        return _zipped(data, label)
    if data.startswith(OLE_MAGIC):
        return _ole(data, label)
    if data.lstrip(b"\xef\xbb\xbf \t\r\n")[:5] == b"{\\rtf":
        return Format.RTF
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return Format.PNG
    if data.startswith(b"\xff\xd8\xff"):
        return Format.JPEG
    if data.startswith((b"II*\x00", b"MM\x00*")):
        return Format.TIFF
    if not data.strip():
        raise UnsupportedFormat(f"{label}: the file is empty")
    raise UnsupportedFormat(
        f"{label}: not a document this library reads "
        "(.docx, .doc, .rtf, .odt, .pdf, or a .png, .jpg or .tif scan)"
    )


def _zipped(data: bytes, label: str) -> Format:
    """A zip package: Office Open XML (read as it is) or OpenDocument (converted). The
    zip's own limits are checked when it is opened to be read."""
    from .docx.package import ZIP_FAILURES, open_zip

    with open_zip(data, label) as archive:
        try:
            mimetype = _first_bytes(archive, "mimetype", 100)
            manifest = _first_bytes(archive, "META-INF/manifest.xml", MAX_MANIFEST)
        except ZIP_FAILURES:
            raise CorruptDocument(f"{label}: the file is damaged or cut short") from None
    if mimetype.strip() in ODF_TEXT:
        if b"encryption-data" in manifest:
            raise EncryptedDocument(f"{label}: the document is password-protected")
        return Format.ODT
    if mimetype.startswith(b"application/vnd.oasis.opendocument"):
        raise UnsupportedFormat(f"{label}: an OpenDocument spreadsheet or presentation, not a text document")
    return Format.DOCX


def _damaged_ole(data: bytes, label: str) -> NoReturn:
    """What an OLE file that does not open is, from the stream names its directory holds."""

    def holds(name: str) -> bool:
        return name.encode("utf-16-le") in data

    if holds("EncryptedPackage") or holds("DRMContent"):
        raise EncryptedDocument(f"{label}: the document is password-protected or rights-managed")
    if holds("WordDocument"):
        raise CorruptDocument(f"{label}: the old Word file is damaged")
    raise UnsupportedFormat(f"{label}: an old Office file that is not a Word document")


def _first_bytes(archive: zipfile.ZipFile, name: str, limit: int) -> bytes:
    if name not in archive.NameToInfo:
        return b""
    with archive.open(name) as stream:
        return stream.read(limit)


def _ole(data: bytes, label: str) -> Format:
    """An OLE compound file: Word 97–2003, or an encrypted or rights-managed .docx."""
    import olefile  # only for old Office files

    try:
        with olefile.OleFileIO(data) as ole:
            streams = {"/".join(entry) for entry in ole.listdir()}
            if not streams:  # a directory with no tree: damaged
                _damaged_ole(data, label)
            if "EncryptedPackage" in streams or any("DRM" in name for name in streams):
                raise EncryptedDocument(f"{label}: the document is password-protected or rights-managed")
            if "WordDocument" not in streams:
                raise UnsupportedFormat(f"{label}: an old Office file that is not a Word document")
            fib = ole.openstream("WordDocument").read(FIB_FLAGS + 2)
    except (EncryptedDocument, UnsupportedFormat):
        raise
    except Exception:  # olefile's failures on a damaged file are many: go by the names in it
        _damaged_ole(data, label)
    if len(fib) < FIB_FLAGS + 2:
        raise CorruptDocument(f"{label}: the old Word file is damaged")
    flags = int.from_bytes(fib[FIB_FLAGS : FIB_FLAGS + 2], "little")
    if flags & FIB_ENCRYPTED:
        raise EncryptedDocument(f"{label}: the document is password-protected")
    return Format.DOT if flags & FIB_TEMPLATE else Format.DOC
