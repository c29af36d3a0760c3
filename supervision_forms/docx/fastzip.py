"""Writing .docx zip packages fast and reproducibly.

A rendered document differs from its template only in a few XML parts (the body, headers,
footers); styles, themes and images are the same for every document. `PackageWriter`
deflates those unchanged parts once and, for each document, deflates only the parts that
changed, then lays the zip out by hand. Every entry carries the same fixed timestamp, so
the same parts always give the same bytes.

A changed part is itself mostly the template's own text: `FixedPieces` deflates a part
as the pieces a template yields, the long fixed pieces deflated once (each on its own,
ending on a byte boundary, so it can stand anywhere in a deflate stream) and only the
values between them deflated for each document.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import compress, count
from typing import Final

LOCAL_HEADER = struct.Struct("<IHHHHHIIIHH")
CENTRAL_HEADER = struct.Struct("<IHHHHHHIIIHHHHHII")
END_OF_DIRECTORY = struct.Struct("<IHHHHIIH")
LOCAL_SIGNATURE = 0x04034B50
CENTRAL_SIGNATURE = 0x02014B50
END_SIGNATURE = 0x06054B50
DEFLATED = 8
VERSION = 20  # 2.0: deflate
UTF8_NAME = 0x800
DOS_TIME, DOS_DATE = 0, (0 << 9) | (1 << 5) | 1  # 1980-01-01 00:00:00
LEVEL = 6
STATIC_LEVEL = 9  # parts every document shares, deflated once per template: as small as deflate makes them
CHANGING_LEVEL = 3  # parts deflated for each document: zlib's fast strategy, 2-3x quicker than 6
# ... and with a quarter of zlib's default hash table (16 KB, not 64 KB): each compressor
# clears its table, and a document starts several, on a few KB each (the same matches found)
CHANGING_MEMORY = 6
CONTENT_TYPES = "[Content_Types].xml"
MAX_ENTRIES = 0xFFFF
MAX_SIZE = 0xFFFFFFFF
FIXED_LEAST = 1024  # characters: a shorter fixed piece is deflated with the values around it (smaller files)
STORED_MOST = 64  # bytes: values shorter than this between fixed pieces are stored, not deflated
LAST_BLOCK: Final = b"\x03\x00"  # an empty final block (fixed Huffman codes): ends a deflate stream


@dataclass(frozen=True, slots=True)
class Entry:
    """One deflated part: its local record (header and name, then the data, in pieces:
    a package copies them once, when it is joined) and its directory facts."""

    name: bytes
    flags: int
    crc: int
    compressed_size: int
    size: int
    record: tuple[bytes, ...]

    @property
    def record_size(self) -> int:
        return LOCAL_HEADER.size + len(self.name) + self.compressed_size

    def central(self, offset: int) -> bytes:
        return (
            CENTRAL_HEADER.pack(
                CENTRAL_SIGNATURE,
                VERSION,
                VERSION,
                self.flags,
                DEFLATED,
                DOS_TIME,
                DOS_DATE,
                self.crc,
                self.compressed_size,
                self.size,
                len(self.name),
                0,
                0,
                0,
                0,
                0,
                offset,
            )
            + self.name
        )


def deflate_part(name: str, data: bytes, level: int = LEVEL, memory: int = zlib.DEF_MEM_LEVEL) -> Entry:
    """Deflate one part into a ready-to-write zip entry."""
    compressor = zlib.compressobj(level, zlib.DEFLATED, -15, memory)
    return deflated_entry(name, zlib.crc32(data), compressor.compress(data) + compressor.flush(), len(data))


def deflated_entry(name: str, crc: int, compressed: bytes | Sequence[bytes], size: int) -> Entry:
    """A zip entry for a part already deflated (raw deflate: its bytes, or their pieces
    in order), with its CRC and size."""
    chunks = (compressed,) if isinstance(compressed, bytes) else tuple(compressed)
    compressed_size = sum(map(len, chunks))
    if size > MAX_SIZE or compressed_size > MAX_SIZE:
        raise ValueError(f"part {name} is too large for a zip without zip64")
    encoded = name.encode("utf-8")
    flags = 0 if encoded.isascii() else UTF8_NAME
    header = LOCAL_HEADER.pack(
        LOCAL_SIGNATURE,
        VERSION,
        flags,
        DEFLATED,
        DOS_TIME,
        DOS_DATE,
        crc,
        compressed_size,
        size,
        len(encoded),
        0,
    )
    return Entry(encoded, flags, crc, compressed_size, size, (header, encoded, *chunks))


def _block(data: bytes, level: int, memory: int = zlib.DEF_MEM_LEVEL) -> bytes:
    """`data` as deflate blocks that end on a byte boundary and refer to nothing before
    them (so they can follow any other such blocks), none of them the last."""
    if len(data) < STORED_MOST:  # a stored block: header byte, length, its complement
        return b"\x00" + struct.pack("<HH", len(data), len(data) ^ 0xFFFF) + data
    compressor = zlib.compressobj(level, zlib.DEFLATED, -15, memory)
    return compressor.compress(data) + compressor.flush(zlib.Z_SYNC_FLUSH)


class FixedPieces:
    """Deflates a part given as the pieces of text its template yields. The template's
    fixed pieces (`constants`: the very string objects it yields) of `FIXED_LEAST`
    characters or more are encoded and deflated once, hard; what comes between them is
    deflated for each part at `level`. The part's bytes are exactly the pieces joined
    and encoded as UTF-8; only the deflate stream differs from deflating them whole.
    Thread-safe: nothing changes after construction."""

    def __init__(self, constants: Iterable[str], level: int = CHANGING_LEVEL) -> None:
        self._level = level
        self._fixed: dict[int, tuple[str, bytes, bytes]] = {}  # by id: the piece (kept alive), bytes, blocks
        for text in constants:
            if len(text) >= FIXED_LEAST:
                data = text.encode("utf-8")
                self._fixed[id(text)] = (text, data, _block(data, STATIC_LEVEL))

    def __len__(self) -> int:
        return len(self._fixed)

    def entry(self, name: str, pieces: Sequence[str]) -> Entry:
        """The part whose text is `pieces`, joined, as a zip entry."""
        fixed = self._fixed
        blocks: list[bytes] = []
        crc = size = start = 0
        # where the fixed pieces are, found without a Python step per piece (a part has hundreds)
        places = compress(count(), map(fixed.__contains__, map(id, pieces)))
        for index in places:
            text, data, packed = fixed[id(pieces[index])]
            if text is not pieces[index]:
                continue
            if start < index:  # the values (and short fixed pieces) before it
                run = "".join(pieces[start:index]).encode("utf-8")
                crc, size = zlib.crc32(run, crc), size + len(run)
                blocks.append(_block(run, self._level, CHANGING_MEMORY))
            crc, size = zlib.crc32(data, crc), size + len(data)
            blocks.append(packed)
            start = index + 1
        if start < len(pieces):
            run = "".join(pieces[start:]).encode("utf-8")
            crc, size = zlib.crc32(run, crc), size + len(run)
            blocks.append(_block(run, self._level, CHANGING_MEMORY))
        blocks.append(LAST_BLOCK)
        return deflated_entry(name, crc, blocks, size)


@dataclass(frozen=True, slots=True)
class Laid:
    """Entries laid out so far: their records and directory entries (pieces of bytes,
    copied once, when the package is joined), the records' length, how many."""

    records: tuple[bytes, ...] = ()
    directory: tuple[bytes, ...] = ()
    length: int = 0
    count: int = 0

    def joined(self) -> Laid:
        """The same, each of its two lists of pieces as one piece."""
        return Laid((b"".join(self.records),), (b"".join(self.directory),), self.length, self.count)


def lay_out(entries: Iterable[Entry], start: Laid = Laid()) -> Laid:
    """The entries laid out, in order, after `start`."""
    records: list[bytes] = list(start.records)
    directory: list[bytes] = list(start.directory)
    offset, count = start.length, start.count
    for entry in entries:
        records += entry.record
        directory.append(entry.central(offset))
        offset += entry.record_size
        count += 1
    return Laid(tuple(records), tuple(directory), offset, count)


def assemble(entries: Iterable[Entry], start: Laid = Laid()) -> bytes:
    """Lay out the entries, in order (after `start`), as one zip archive."""
    laid = lay_out(entries, start)
    offset = laid.length
    if laid.count > MAX_ENTRIES or offset > MAX_SIZE:
        raise ValueError("package too large for a zip without zip64")
    size = sum(map(len, laid.directory))
    end = END_OF_DIRECTORY.pack(END_SIGNATURE, 0, 0, laid.count, laid.count, size, offset, 0)
    return b"".join((*laid.records, *laid.directory, end))


def package_order(names: Iterable[str]) -> list[str]:
    """[Content_Types].xml first, as Word expects; the rest in the order given."""
    return sorted(names, key=lambda name: name != CONTENT_TYPES)


class PackageWriter:
    """Writes many packages that share unchanged parts, deflating those parts only once.

    `static` holds the parts every document shares; `changing` names the parts each
    document brings. The shared parts are deflated hard, once; each document's own parts
    quickly (about 10% more bytes for those parts; with the shared parts' savings, the
    package ends smaller than at level 6 throughout). Thread-safe: nothing changes after
    construction."""

    def __init__(
        self,
        static: Mapping[str, bytes],
        changing: Collection[str],
        static_level: int = STATIC_LEVEL,
        level: int = CHANGING_LEVEL,
    ) -> None:
        overlap = set(static) & set(changing)
        if overlap:
            raise ValueError(f"parts both static and changing: {sorted(overlap)}")
        self._level = level
        self._order = package_order([*static, *changing])
        self._changing = frozenset(changing)
        self._static = {name: deflate_part(name, data, static_level) for name, data in static.items()}
        lead = 0  # the shared parts before the first changing one are laid out once
        while lead < len(self._order) and self._order[lead] in self._static:
            lead += 1
        self._lead = lay_out(self._static[name] for name in self._order[:lead]).joined()
        self._rest = self._order[lead:]

    def write(self, changed: Mapping[str, bytes | Entry]) -> bytes:
        """The package with the static parts and these changed parts (all of them), each
        as its bytes or deflated already (`FixedPieces.entry`)."""
        if changed.keys() != self._changing:
            raise ValueError("the changed parts do not match the parts this writer expects")
        return assemble(map(self._entry_for, self._rest, map(changed.get, self._rest)), self._lead)

    def _entry_for(self, name: str, part: bytes | Entry | None) -> Entry:
        if part is None:
            return self._static[name]
        return part if isinstance(part, Entry) else deflate_part(name, part, self._level, CHANGING_MEMORY)


def zip_parts(parts: Mapping[str, bytes], level: int = LEVEL) -> bytes:
    """All parts deflated into one package ([Content_Types].xml first)."""
    return assemble(deflate_part(name, parts[name], level) for name in package_order(parts))
