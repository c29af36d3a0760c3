"""A lighter copy of a .docx for LibreOffice to convert: the same package, without the
style definitions that nothing in it names.

A council's Word template carries Word's whole style gallery (Portsmouth's agreement: 164
styles, 6 in use). LibreOffice builds every style it is given when it opens a file, which
is about a third of its time per document. A style that no part of the package names (as
a paragraph, run, table or numbering style, or as the base, link or next of a style that
is kept) and that is not a default cannot change how the document looks, so the PDF made
from the copy is the PDF of the document. The copy is LibreOffice's input only: the
document written is never changed.

Kept on purpose, wider than needed: a style is kept when any `val` attribute of any other
part holds its id, whatever the element.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable
from pathlib import Path

from ..errors import SupervisionFormsError
from .fastzip import LOCAL_HEADER, STATIC_LEVEL, Entry, assemble, deflate_part, deflated_entry
from .xml import W, parse_xml, to_bytes

STYLES = "word/styles.xml"
PART_MOST = 64 << 20  # bytes: a larger part is not read here
_STYLE_PARTS = ("styles.xml", "stylesWithEffects.xml")  # their names point at their own styles only
_VALUE = re.compile(rb"""\bval\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_LINKS = (f"{W}basedOn", f"{W}link", f"{W}next")
_LOCAL = LOCAL_HEADER.size  # a local file header, before its name
_KEPT: dict[tuple[int, int, frozenset[bytes]], Entry] = {}  # slimmed styles, by (CRC, size, names used)
_KEPT_MOST = 32


def slim_copy(source: Path, target: Path) -> bool:
    """Write the lighter copy of `source` to `target`; False, with nothing written, where
    there is nothing to take out or the package is not one this reads plainly (then
    convert `source` itself)."""
    data = source.read_bytes()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            infos = package.infolist()
            styles = next((info for info in infos if info.filename == STYLES), None)
            if styles is None or any(info.flag_bits & 0x1 or info.file_size > PART_MOST for info in infos):
                return False  # encrypted, or a part larger than any of ours
            names = _names_used(package, infos)
            slim = _slim_styles(package, styles, names)
            if slim is None:
                return False
            entries = [slim if info is styles else _as_is(package, data, info) for info in infos]
    except (zipfile.BadZipFile, ValueError, KeyError, EOFError, SupervisionFormsError):
        return False
    target.write_bytes(assemble(entries))
    return True


def _names_used(package: zipfile.ZipFile, infos: Iterable[zipfile.ZipInfo]) -> frozenset[bytes]:
    """Every `val` attribute's value in the package's XML parts other than its styles."""
    found: set[bytes] = set()
    for info in infos:
        if info.filename.rsplit("/", 1)[-1] in _STYLE_PARTS or not info.filename.endswith((".xml", ".rels")):
            continue
        for double, single in _VALUE.findall(package.read(info)):
            found.add(double or single)
    return frozenset(found)


def _slim_styles(package: zipfile.ZipFile, styles: zipfile.ZipInfo, used: frozenset[bytes]) -> Entry | None:
    key = (styles.CRC, styles.file_size, used)
    if key not in _KEPT:
        if len(_KEPT) >= _KEPT_MOST:
            _KEPT.clear()
        root = parse_xml(package.read(styles), STYLES)
        by_id = {style.get(f"{W}styleId", ""): style for style in root.iterchildren(f"{W}style")}
        wanted = [name for name, style in by_id.items() if style.get(f"{W}default") in ("1", "true", "on")]
        wanted += [name for name in by_id if name.encode("utf-8") in used]
        kept: set[str] = set()
        while wanted:
            name = wanted.pop()
            if name in kept or name not in by_id:
                continue
            kept.add(name)
            for link in by_id[name].iterchildren(*_LINKS):
                wanted.append(link.get(f"{W}val", ""))
        if len(kept) == len(by_id):
            return None
        for name, style in by_id.items():
            if name not in kept:
                root.remove(style)
        _KEPT[key] = deflate_part(STYLES, to_bytes(root), STATIC_LEVEL)
    return _KEPT[key]


def _as_is(package: zipfile.ZipFile, data: bytes, info: zipfile.ZipInfo) -> Entry:
    """A part as it is: its deflated bytes copied without inflating them, or (a part
    stored, not deflated) deflated here."""
    if info.compress_type != zipfile.ZIP_DEFLATED:
        return deflate_part(info.filename, package.read(info))
    start = info.header_offset
    if data[start : start + 4] != b"PK\x03\x04":
        raise ValueError("no local header")
    name_length = int.from_bytes(data[start + 26 : start + 28], "little")
    extra_length = int.from_bytes(data[start + 28 : start + 30], "little")
    begin = start + _LOCAL + name_length + extra_length
    return deflated_entry(info.filename, info.CRC, data[begin : begin + info.compress_size], info.file_size)
