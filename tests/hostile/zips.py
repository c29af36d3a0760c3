"""Zip files written byte by byte, so tests can make them lie: bombs, overlaps, odd entries."""

from __future__ import annotations

import functools
import struct
import zlib
from dataclasses import dataclass

LOCAL = struct.Struct("<IHHHHHIIIHH")
CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")
END = struct.Struct("<IHHHHIIH")
MIB = 1 << 20


@dataclass(frozen=True)
class Member:
    """One entry: its name, the bytes as stored, and what the directory declares about it."""

    name: str
    stored: bytes
    size: int
    crc: int
    method: int = 8  # 0 stored, 8 deflated
    flags: int = 0


def deflate(data: bytes) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


def member(name: str, data: bytes, *, method: int = 8) -> Member:
    """An honest entry."""
    stored = deflate(data) if method == 8 else data
    return Member(name, stored, len(data), zlib.crc32(data), method)


@functools.cache
def zeros(size: int) -> Member:
    """`size` zero bytes (a whole number of MiB) deflated, built without deflating them all:
    after a full flush every MiB of zeros deflates to the same bytes."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = b"\0" * MIB
    first = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    repeat = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    count = size // MIB
    stored = first + repeat * (count - 1) + compressor.flush()
    crc = 0
    for _ in range(count):
        crc = zlib.crc32(block, crc)
    return Member("zeros", stored, count * MIB, crc)


def write_zip(members: list[Member]) -> bytes:
    """The zip of these entries, exactly as declared."""
    out = bytearray()
    directory = bytearray()
    for item in members:
        offset = len(out)
        name = item.name.encode("utf-8")
        out += LOCAL.pack(
            0x04034B50,
            20,
            item.flags,
            item.method,
            0,
            0x21,
            item.crc,
            len(item.stored),
            item.size,
            len(name),
            0,
        )
        out += name + item.stored
        directory += _central(item, name, offset)
    return _finish(out, directory, len(members))


def overlapping_zip(members: list[Member], shared: Member) -> bytes:
    """`members` as usual, then many directory entries that all point at one stored record
    (the "overlapping files" bomb: the data is there once and counted many times)."""
    out = bytearray()
    directory = bytearray()
    for item in members:
        offset = len(out)
        name = item.name.encode("utf-8")
        out += LOCAL.pack(
            0x04034B50, 20, 0, item.method, 0, 0x21, item.crc, len(item.stored), item.size, len(name), 0
        )
        out += name + item.stored
        directory += _central(item, name, offset)
    offset = len(out)
    name = shared.name.encode("utf-8")
    out += LOCAL.pack(
        0x04034B50, 20, 0, shared.method, 0, 0x21, shared.crc, len(shared.stored), shared.size, len(name), 0
    )
    out += name + shared.stored
    copies = 250
    for number in range(copies):
        alias = f"word/media/copy{number}.bin".encode()
        directory += _central(shared, alias, offset)
    return _finish(out, directory, len(members) + copies)


def _central(item: Member, name: bytes, offset: int) -> bytes:
    header = CENTRAL.pack(
        0x02014B50,
        20,
        20,
        item.flags,
        item.method,
        0,
        0x21,
        item.crc,
        len(item.stored),
        item.size,
        len(name),
        0,
        0,
        0,
        0,
        0,
        offset,
    )
    return header + name


def _finish(out: bytearray, directory: bytearray, count: int) -> bytes:
    start = len(out)
    end = END.pack(0x06054B50, 0, 0, count & 0xFFFF, count & 0xFFFF, len(directory), start, 0)
    return bytes(out + directory + end)
