"""A Compound File Binary writer (MS-CFB version 3), enough to build .doc files in tests.

`olefile` only reads, so this writes: 512-byte sectors, streams under 4096 bytes in the
mini stream, one FAT of at most 109 sectors (files up to about 6 MB), no DIFAT sectors.
"""

from __future__ import annotations

import struct
from collections.abc import Mapping
from dataclasses import dataclass, field

SECTOR = 512
MINI = 64
CUTOFF = 4096
FREE, END, FATSECT, NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
STORAGE, STREAM, ROOT = 1, 2, 5
BLACK = 1


@dataclass
class _Entry:
    name: str
    kind: int
    data: bytes = b""
    clsid: bytes = bytes(16)
    children: list[_Entry] = field(default_factory=list)
    index: int = 0
    left: int = NOSTREAM
    right: int = NOSTREAM
    child: int = NOSTREAM
    start: int = END


def write_cfb(streams: Mapping[str, bytes], clsids: Mapping[str, bytes] | None = None) -> bytes:
    """A compound file holding `streams` ("Storage/Sub/Stream" paths); `clsids` gives a
    storage's class id by its path ("" is the root)."""
    root = _tree(streams, clsids or {})
    entries = _numbered(root)
    mini_chain: list[int] = []
    mini_data = bytearray()
    big = [e for e in entries if e.kind == STREAM and len(e.data) >= CUTOFF]
    for entry in entries:
        if entry.kind == STREAM and len(entry.data) < CUTOFF and entry.data:
            entry.start = len(mini_data) // MINI
            count = -(-len(entry.data) // MINI)
            mini_chain += [*range(entry.start + 1, entry.start + count), END]
            mini_data += entry.data.ljust(count * MINI, b"\0")
    root.data = bytes(mini_data)
    minifat = b"".join(struct.pack("<I", n) for n in mini_chain)
    directory = _directory(entries)
    blobs = [directory, minifat, root.data, *(e.data for e in big)]
    sizes = [_sectors(len(blob)) for blob in blobs]
    fat_count = 1
    while fat_count * SECTOR // 4 < fat_count + sum(sizes):
        fat_count += 1
    if fat_count > 109:
        raise ValueError("compound file too large for a header-only DIFAT")
    fat = [FATSECT] * fat_count
    starts: list[int] = []
    for size in sizes:
        starts.append(len(fat) if size else END)
        fat += [*range(len(fat) + 1, len(fat) + size), END] if size else []
    dir_start, minifat_start, root.start, *big_starts = starts
    for entry, start in zip(big, big_starts, strict=True):
        entry.start = start
    directory = _directory(entries)  # again, now that the start sectors are known
    fat += [FREE] * (fat_count * SECTOR // 4 - len(fat))
    header = _header(fat_count, dir_start, minifat_start, sizes[1])
    body = b"".join(struct.pack("<I", n) for n in fat)
    for blob in (directory, minifat, root.data, *(e.data for e in big)):
        body += blob.ljust(_sectors(len(blob)) * SECTOR, b"\0")
    return header + body


def _sectors(length: int) -> int:
    return -(-length // SECTOR)


def _tree(streams: Mapping[str, bytes], clsids: Mapping[str, bytes]) -> _Entry:
    root = _Entry("Root Entry", ROOT, clsid=clsids.get("", bytes(16)))
    for path, data in streams.items():
        *folders, name = path.split("/")
        parent = root
        for depth, folder in enumerate(folders):
            found = next((c for c in parent.children if c.name == folder), None)
            if found is None:
                found = _Entry(folder, STORAGE, clsid=clsids.get("/".join(folders[: depth + 1]), bytes(16)))
                parent.children.append(found)
            parent = found
        parent.children.append(_Entry(name, STREAM, data))
    return root


def _numbered(root: _Entry) -> list[_Entry]:
    """Every entry in directory order, each storage's children linked as a balanced
    binary tree in CFB order (shorter names first, then by upper-cased name)."""
    entries = [root]
    pending = [root]
    while pending:
        storage = pending.pop()
        ordered = sorted(storage.children, key=lambda e: (len(e.name), e.name.upper()))
        for entry in ordered:
            entry.index = len(entries)
            entries.append(entry)
        storage.child = _link(ordered)
        pending += [e for e in ordered if e.kind == STORAGE]
    return entries


def _link(ordered: list[_Entry]) -> int:
    if not ordered:
        return NOSTREAM
    middle = len(ordered) // 2
    node = ordered[middle]
    node.left = _link(ordered[:middle])
    node.right = _link(ordered[middle + 1 :])
    return node.index


def _directory(entries: list[_Entry]) -> bytes:
    free = _Entry("", 0)  # unused slots: all zero but the three links
    slots = entries + [free] * (-len(entries) % (SECTOR // 128))
    return b"".join(_directory_entry(e) for e in slots)


def _directory_entry(entry: _Entry) -> bytes:
    name = (entry.name + "\0").encode("utf-16-le") if entry.kind else b""
    if len(name) > 64:
        raise ValueError("a compound file name has at most 31 characters")
    size = len(entry.data) if entry.kind in (STREAM, ROOT) else 0
    start = entry.start if entry.kind in (STREAM, ROOT) else 0
    return struct.pack(
        "<64sHBBIII16sIQQIQ",
        name,
        len(name),
        entry.kind,
        BLACK if entry.kind else 0,
        entry.left,
        entry.right,
        entry.child,
        entry.clsid,
        0,
        0,
        0,
        start,
        size,
    )


def _header(fat_count: int, dir_start: int, minifat_start: int, minifat_count: int) -> bytes:
    difat = list(range(fat_count)) + [FREE] * (109 - fat_count)
    return SIGNATURE + struct.pack(
        "<16sHHHHH6sIIIIIIIII109I",
        bytes(16),
        0x003E,
        0x0003,
        0xFFFE,
        9,
        6,
        bytes(6),
        0,
        fat_count,
        dir_start,
        0,
        CUTOFF,
        minifat_start if minifat_count else END,
        minifat_count,
        END,
        0,
        *difat,
    )
