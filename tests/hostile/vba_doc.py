"""A Word 97–2003 .doc carrying a VBA project whose AutoOpen and Document_Open write a file.

`with_macros` takes a .doc (LibreOffice writes a fine one) and adds the `Macros` storage
Word keeps a VBA project in (MS-OVBA): `PROJECT` and `PROJECTwm` (the project's text
description and module names), `VBA/_VBA_PROJECT` (no compiled cache, so the source is
what runs), `VBA/dir` (the project's records, compressed) and one stream per module
(compressed source): `ThisDocument` with `Document_Open` (and _New, _Close), `AutoRun`
with `AutoOpen` (and AutoNew, AutoClose, AutoExec). Each macro appends its own name as a
line to the marker file.
"""

from __future__ import annotations

import io
import struct
import uuid
from pathlib import Path

import olefile

from tests.hostile.cfb import write_cfb

CODEPAGE = 1252
CHUNK = 4096


def with_macros(doc: bytes, marker: Path) -> bytes:
    """The .doc with a VBA project that would write `marker` when the document opens."""
    source = olefile.OleFileIO(io.BytesIO(doc))
    streams = {"/".join(path): source.openstream(path).read() for path in source.listdir()}
    if any(name.startswith("Macros/") for name in streams):
        raise ValueError("this .doc already has macros")
    root_class = uuid.UUID(source.root.clsid).bytes_le if source.root.clsid else bytes(16)
    source.close()
    for name, data in vba_project(marker).items():
        streams[f"Macros/{name}"] = data
    return write_cfb(streams, {"": root_class})


# Word runs these itself: the document's own events in ThisDocument, the Auto macros in any module.
DOCUMENT_EVENTS = ("Document_Open", "Document_New", "Document_Close")
AUTO_MACROS = ("AutoOpen", "AutoNew", "AutoClose", "AutoExec")
THIS_DOCUMENT = (
    'Attribute VB_Name = "ThisDocument"\r\nAttribute VB_Base = "1Normal.ThisDocument"\r\n'
    "Attribute VB_GlobalNameSpace = False\r\nAttribute VB_Creatable = False\r\n"
    "Attribute VB_PredeclaredId = True\r\nAttribute VB_Exposed = True\r\n"
    "Attribute VB_TemplateDerived = True\r\nAttribute VB_Customizable = True\r\n"
)


def macro_source(marker: Path) -> dict[str, tuple[str, str]]:
    """Each module's (kind, source): "document" for ThisDocument, "standard" for AutoRun.
    Every macro appends its own name as a line to `marker`."""
    path = str(marker).replace('"', '""')

    def sub(name: str, scope: str) -> str:
        return (
            f"{scope}Sub {name}()\r\n    Dim n As Integer\r\n    n = FreeFile\r\n"
            f'    Open "{path}" For Append As #n\r\n    Print #n, "{name}"\r\n    Close #n\r\nEnd Sub\r\n'
        )

    document = THIS_DOCUMENT + "".join(sub(name, "Private ") for name in DOCUMENT_EVENTS)
    standard = 'Attribute VB_Name = "AutoRun"\r\n' + "".join(sub(name, "Public ") for name in AUTO_MACROS)
    return {"ThisDocument": ("document", document), "AutoRun": ("standard", standard)}


def vba_project(marker: Path) -> dict[str, bytes]:
    """The streams of the `Macros` storage, by path inside it."""
    modules = macro_source(marker)
    streams = {
        "PROJECT": _project_stream(modules),
        "PROJECTwm": b"".join(
            name.encode("ascii") + b"\0" + name.encode("utf-16-le") + b"\0\0" for name in modules
        )
        + b"\0\0",
        "VBA/_VBA_PROJECT": struct.pack("<HHBH", 0x61CC, 0xFFFF, 0, 0),
        "VBA/dir": compress(_dir_stream(modules)),
    }
    for name, (_, code) in modules.items():
        streams[f"VBA/{name}"] = compress(code.encode("cp1252"))  # MODULEOFFSET 0: no p-code cache
    return streams


def _project_stream(modules: dict[str, tuple[str, str]]) -> bytes:
    lines = ['ID="{5F1CB6A3-9E2B-4C1D-8B7A-0D2E3F405162}"']
    for name, (kind, _) in modules.items():
        lines.append(f"Document={name}/&H00000000" if kind == "document" else f"Module={name}")
    lines += ['Name="Project"', 'HelpContextID="0"', 'VersionCompatible32="393222000"', ""]
    lines += ["[Host Extender Info]", "&H00000001={3832D640-CF90-11CF-8E43-00A0C911005A};VBE;&H00000000", ""]
    lines += ["[Workspace]", *(f"{name}=0, 0, 0, 0, C" for name in modules)]
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")


def _u32(value: int) -> bytes:
    return struct.pack("<I", value)


def _u16(value: int) -> bytes:
    return struct.pack("<H", value)


def _record(ident: int, data: bytes) -> bytes:
    return struct.pack("<HI", ident, len(data)) + data


def _text(ident: int, text: str, unicode_ident: int | None = None) -> bytes:
    """A name record, and its UTF-16 twin where the record has one."""
    record = _record(ident, text.encode("cp1252"))
    return record + (_record(unicode_ident, text.encode("utf-16-le")) if unicode_ident else b"")


def _dir_stream(modules: dict[str, tuple[str, str]]) -> bytes:
    """The decompressed `dir` stream (MS-OVBA 2.3.4.2): project information, no
    references, then one record group per module."""
    out = _record(0x01, _u32(1)) + _record(0x02, _u32(0x409)) + _record(0x14, _u32(0x409))
    out += _record(0x03, _u16(CODEPAGE)) + _text(0x04, "Project")
    out += _text(0x05, "", 0x40) + _text(0x06, "", 0x3D) + _record(0x07, _u32(0)) + _record(0x08, _u32(0))
    out += struct.pack("<HIIH", 0x09, 4, 1, 0)  # PROJECTVERSION: its size field is fixed at 4
    out += _text(0x0C, "", 0x3C)
    out += _record(0x0F, _u16(len(modules))) + _record(0x13, _u16(0xFFFF))
    for name, (kind, _) in modules.items():
        out += _text(0x19, name, 0x47) + _text(0x1A, name, 0x32) + _text(0x1C, "", 0x48)
        out += _record(0x31, _u32(0)) + _record(0x1E, _u32(0)) + _record(0x2C, _u16(0xFFFF))
        out += _record(0x22 if kind == "document" else 0x21, b"") + _record(0x2B, b"")
    return out + _record(0x10, b"")


def compress(data: bytes) -> bytes:
    """MS-OVBA 2.4.1 compression: a signature byte, then 4096-byte chunks of flag bytes,
    literals and copy tokens that point back into the same chunk."""
    out = bytearray(b"\x01")
    for start in range(0, len(data), CHUNK):
        chunk = data[start : start + CHUNK]
        body = _compress_chunk(chunk)
        if len(body) >= CHUNK and len(chunk) == CHUNK:
            out += struct.pack("<H", 0x3000 | (CHUNK - 1)) + chunk  # stored raw
        else:
            assert len(body) <= CHUNK, "incompressible text in a short last chunk"
            out += struct.pack("<H", 0xB000 | (len(body) + 2 - 3)) + body
    return bytes(out)


def _compress_chunk(chunk: bytes) -> bytes:
    out = bytearray()
    seen: dict[bytes, list[int]] = {}  # where each 3-byte sequence began, for finding copies
    position = 0
    while position < len(chunk):
        flags, tokens = 0, bytearray()
        for bit in range(8):
            if position >= len(chunk):
                break
            offset, length = _longest_match(chunk, position, seen.get(chunk[position : position + 3], []))
            if length >= 3:
                bits = max((position - 1).bit_length(), 4)
                tokens += struct.pack("<H", ((offset - 1) << (16 - bits)) | (length - 3))
                flags |= 1 << bit
            else:
                tokens.append(chunk[position])
                length = 1
            for start in range(position, position + length):
                seen.setdefault(chunk[start : start + 3], []).append(start)
            position += length
        out.append(flags)
        out += tokens
    return bytes(out)


def _longest_match(chunk: bytes, position: int, candidates: list[int]) -> tuple[int, int]:
    """The nearest longest earlier copy of the bytes at `position` (among the places the
    same three bytes began), within what a copy token at this position can express."""
    bits = max((position - 1).bit_length(), 4)
    most = min((0xFFFF >> bits) + 3, len(chunk) - position)
    best_offset, best_length = 0, 0
    for candidate in reversed(candidates):
        length = 0
        while length < most and chunk[candidate + length] == chunk[position + length]:
            length += 1
        if length > best_length:
            best_offset, best_length = position - candidate, length
            if length == most:
                break
    return best_offset, best_length
