"""Reading and writing the .docx zip package safely. The only place that opens zips."""

from __future__ import annotations

import io
import itertools
import os
import stat
import struct
import threading
import zipfile
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..errors import CorruptDocument, DocumentTooLarge, EncryptedDocument, MissingFile, UnsupportedFormat
from ..formats import OLE_MAGIC, ZIP_MAGIC
from .fastzip import zip_parts
from .opc import normalise_package

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_DIRECTORY_BYTES = 1024 * 1024  # the zip's central directory, checked before it is parsed
MAX_ENTRIES = 1_000
MAX_TOTAL_UNPACKED = 100 * 1024 * 1024
MAX_PART_BYTES = 50 * 1024 * 1024
MAX_RATIO = 200  # for parts over RATIO_FLOOR bytes; Word's XML compresses about 10 to 1
RATIO_FLOOR = 1024 * 1024
MACRO_TYPES = (b"vbaProject", b"macroEnabled", b"vbaData")
END_OF_DIRECTORY = struct.Struct("<4s4H2LH")
ZIP64_LOCATOR = struct.Struct("<4sLQL")
ZIP64_END = struct.Struct("<4sQ2H2L4Q")
METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)  # all Word writes; others may not stream capped
# What third-party code raises on a damaged zip; each becomes one of our errors.
ZIP_FAILURES = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    struct.error,
    ValueError,
    EOFError,
    OSError,
    NotImplementedError,
    RuntimeError,
    IndexError,
    KeyError,
    OverflowError,
)


@dataclass(frozen=True)
class DocxPackage:
    """The parts of a .docx, by name, as bytes, each inflated when first read; order kept
    for rewriting."""

    parts: Mapping[str, bytes]

    def text(self, name: str) -> str:
        return self.parts[name].decode("utf-8")


def check_not_ole(data: bytes, label: str) -> None:
    """Old .doc files and encrypted or rights-managed .docx all use the OLE container:
    never a zip package (`formats.sniff` says which, and refuses encrypted ones)."""
    if data.startswith(OLE_MAGIC):
        from ..formats import sniff

        raise UnsupportedFormat(f"{label}: an old Office file (.{sniff(data, label)}), not a zip package")


def read_package(data: bytes, label: str = "document") -> DocxPackage:
    """Open .docx bytes within limits (see `unpack_package`); macro-enabled documents
    (.docm) are refused."""
    package = unpack_package(data, label)
    if macro_parts(package):
        raise UnsupportedFormat(f"{label}: macro-enabled documents (.docm) are not accepted")
    return package


def unpack_package(data: bytes, label: str = "document") -> DocxPackage:
    """The parts of a Word package, within limits (see `open_zip`), each inflated with a
    hard cap, under the names the reader expects (`opc.normalise_package`: the main part
    found through the package's relationships, Strict OOXML mapped to transitional).
    Macros are not looked at here (`macro_parts`)."""
    parts = _Inflated(open_zip(data, label), label)
    if "[Content_Types].xml" not in parts:
        raise UnsupportedFormat(f"{label}: not a Word .docx (no content types)")
    return DocxPackage(normalise_package(parts, label))


class _Inflated(Mapping[str, bytes]):
    """A zip's entries by name, each inflated with its cap when first read, then kept.
    Reading a document needs a few of a package's parts, never its images or fonts."""

    def __init__(self, archive: zipfile.ZipFile, label: str) -> None:
        self._archive = archive  # over bytes in memory: nothing to close
        self._label = label
        self._infos = {info.filename: info for info in archive.infolist() if not info.is_dir()}
        self._read: dict[str, bytes] = {}
        self._lock = threading.Lock()  # one archive, read from any thread

    def __getitem__(self, name: str) -> bytes:
        with self._lock:
            if name not in self._read:
                self._read[name] = _read_capped(self._archive, self._infos[name], self._label)
            return self._read[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._infos)

    def __len__(self) -> int:
        return len(self._infos)


def open_zip(data: bytes, label: str = "document") -> zipfile.ZipFile:
    """A zip package (.docx, .xlsx) opened only once it passes every check that needs no
    inflating: the file's size, old Office (OLE) files, the central directory's size, the
    number of entries, the total unpacked size, each entry's compression ratio and method,
    and entries that overlap. Raises the library's errors; the caller closes the archive."""
    if len(data) > MAX_FILE_BYTES:
        raise DocumentTooLarge(f"{label}: the file is over {MAX_FILE_BYTES // 2**20} MB")
    check_not_ole(data, label)
    if not data.startswith(ZIP_MAGIC):
        raise UnsupportedFormat(f"{label}: not a .docx (not a zip package)")
    if _directory_size(data) > MAX_DIRECTORY_BYTES:
        raise DocumentTooLarge(f"{label}: the package's directory is over {MAX_DIRECTORY_BYTES // 1024} KB")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except ZIP_FAILURES:
        raise CorruptDocument(f"{label}: the file is damaged or cut short (its zip does not open)") from None
    try:
        _check_directory([info for info in archive.infolist() if not info.is_dir()], label)
    except BaseException:
        archive.close()
        raise
    return archive


def macro_parts(package: DocxPackage) -> list[str]:
    """Names of the parts that make a package macro-enabled (a .docm)."""
    found = [name for name in package.parts if "vbaproject" in name.lower() or "vbadata" in name.lower()]
    content_types = package.parts.get("[Content_Types].xml", b"")
    if any(marker in content_types for marker in MACRO_TYPES):
        found.append("[Content_Types].xml")
    return found


def _directory_size(data: bytes) -> int:
    """The central directory's declared size, read from the end records without parsing it;
    0 when there is no end record (zipfile then reports the damage)."""
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - END_OF_DIRECTORY.size - 0xFFFF))
    if end < 0 or end + END_OF_DIRECTORY.size > len(data):
        return 0
    *_, entries, size, _offset, _comment = END_OF_DIRECTORY.unpack_from(data, end)
    if entries != 0xFFFF and size != 0xFFFFFFFF:
        return int(size)
    locator = end - ZIP64_LOCATOR.size
    if locator < 0 or data[locator : locator + 4] != b"PK\x06\x07":
        return int(size)
    record = ZIP64_LOCATOR.unpack_from(data, locator)[2]
    if record + ZIP64_END.size > len(data) or data[record : record + 4] != b"PK\x06\x06":
        return int(size)
    return int(ZIP64_END.unpack_from(data, record)[8])


def _check_directory(infos: list[zipfile.ZipInfo], label: str) -> None:
    if len(infos) > MAX_ENTRIES:
        raise DocumentTooLarge(f"{label}: the package has over {MAX_ENTRIES} parts")
    total = sum(i.file_size for i in infos)
    if total > MAX_TOTAL_UNPACKED:
        raise DocumentTooLarge(f"{label}: the package unpacks to over {MAX_TOTAL_UNPACKED // 2**20} MB")
    names = [info.filename.lower() for info in infos]
    if len(set(names)) != len(names):
        raise CorruptDocument(f"{label}: the package holds two parts with the same name")
    for info in infos:
        if info.flag_bits & 0x1:
            raise EncryptedDocument(f"{label}: the package is encrypted")
        if info.compress_type not in METHODS:
            raise UnsupportedFormat(f"{label}: a part uses a compression Word does not write")
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise DocumentTooLarge(f"{label}: a part is compressed suspiciously well (zip bomb?)")
    _check_layout(infos, label)


def _check_layout(infos: list[zipfile.ZipInfo], label: str) -> None:
    """Entries must not share or overlap their data (the "overlapping files" zip bomb)."""
    placed = sorted(infos, key=lambda i: i.header_offset)
    for before, after in itertools.pairwise(placed):
        encoding = "utf-8" if before.flag_bits & 0x800 else "cp437"
        name_bytes = len(before.orig_filename.encode(encoding))
        if before.header_offset + 30 + name_bytes + before.compress_size > after.header_offset:
            raise CorruptDocument(f"{label}: the package's parts overlap (zip bomb?)")


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
    except ZIP_FAILURES:
        raise CorruptDocument(f"{label}: the package is damaged ({_safe_name(info.filename)})") from None
    if size != info.file_size:
        raise CorruptDocument(f"{label}: the package is damaged ({_safe_name(info.filename)})")
    return b"".join(chunks)


def _safe_name(name: str) -> str:
    """A part name fit for an error line: printable, and short."""
    shown = "".join(c if c.isprintable() else "?" for c in name)
    return shown if len(shown) <= 60 else shown[:57] + "..."


def write_package(parts: dict[str, bytes]) -> bytes:
    """Zip parts into .docx bytes ([Content_Types].xml first, as Word expects); the same
    parts always give the same bytes."""
    return zip_parts(parts)


def read_file(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of an uploaded file, its size checked before anything is read. Only regular
    files: folders, devices and pipes are refused (/dev/zero or a FIFO would never end)."""
    label = Path(path).name
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))  # a FIFO must not block
        with os.fdopen(descriptor, "rb") as handle:
            info = os.fstat(handle.fileno())
            if stat.S_ISDIR(info.st_mode):
                raise UnsupportedFormat(f"{label}: is a folder, not a file")
            if not stat.S_ISREG(info.st_mode):
                raise UnsupportedFormat(f"{label}: is not a regular file (a device or a pipe?)")
            if info.st_size > limit:
                raise DocumentTooLarge(f"{label}: the file is over {limit // 2**20} MB")
            data = handle.read(limit + 1)
    except IsADirectoryError:
        raise UnsupportedFormat(f"{label}: is a folder, not a file") from None
    except FileNotFoundError:
        raise MissingFile(f"{label}: no such file") from None
    except OSError as error:
        raise UnsupportedFormat(f"{label}: cannot be read ({error.strerror})") from None
    if len(data) > limit:  # it grew while we read it
        raise DocumentTooLarge(f"{label}: the file is over {limit // 2**20} MB")
    return data
