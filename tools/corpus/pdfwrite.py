"""A small PDF writer for producers that must control every operator: TrueType fonts
embedded as subsets (Type0/CIDFontType2, Identity-H, a ToUnicode map or none), text
shown with TJ arrays, and filled rectangles. Needs fontTools."""

from __future__ import annotations

import io
import logging
import zlib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

logging.getLogger("fontTools").setLevel(logging.ERROR)
FONT_FOLDERS = (Path("/usr/share/fonts"), Path("/usr/lib/libreoffice/share/fonts"))


@cache
def font_files() -> dict[str, Path]:
    """Installed TrueType (glyf) fonts by PostScript name."""
    found: dict[str, Path] = {}
    for folder in FONT_FOLDERS:
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*.ttf")):
            try:
                with TTFont(str(path), lazy=True) as font:
                    if "glyf" not in font:
                        continue
                    name = font["name"].getDebugName(6)
            except Exception:
                continue
            if name and name not in found:
                found[name] = path
    return found


@cache
def load(path: Path) -> TTFont:
    return TTFont(io.BytesIO(path.read_bytes()))  # no file left open


@dataclass
class Font:
    """One embedded font: which file, the glyphs used, and what text each glyph stands for."""

    key: str  # resource name, e.g. F3
    path: Path
    base_name: str  # the PostScript name shown in the PDF (after the subset tag)
    unicode_map: bool = True  # False: no ToUnicode (the text layer is garbage)
    used: dict[str, str] = field(default_factory=dict)  # glyph name -> text it stands for

    @property
    def ttf(self) -> TTFont:
        return load(self.path)

    def glyph(self, char: str) -> str | None:
        cmap = self.ttf.getBestCmap()
        return cmap.get(ord(char)) if len(char) == 1 else None

    def advance(self, glyph: str) -> float:
        """Advance width in thousandths of the font size."""
        width, _ = self.ttf["hmtx"][glyph]
        return float(width) * 1000 / self.ttf["head"].unitsPerEm

    def use(self, glyph: str, text: str) -> str:
        """Record the glyph as used; its 4-digit hex code (the glyph id: Identity-H)."""
        self.used.setdefault(glyph, text)
        return f"{self.gid(glyph):04X}"

    def gid(self, glyph: str) -> int:
        return int(self.ttf.getGlyphID(glyph))


class Document:
    """Pages of raw content streams, and the fonts they use."""

    def __init__(self) -> None:
        self.fonts: dict[tuple[Path, str, bool], Font] = {}
        self.pages: list[tuple[float, float, bytes]] = []
        self.info: dict[str, str] = {}

    def font(self, path: Path, base_name: str, *, unicode_map: bool = True) -> Font:
        key = (path, base_name, unicode_map)
        if key not in self.fonts:
            self.fonts[key] = Font(f"F{len(self.fonts) + 1}", path, base_name, unicode_map)
        return self.fonts[key]

    def add_page(self, width: float, height: float, content: bytes) -> None:
        self.pages.append((width, height, content))

    # --- writing ------------------------------------------------------------------------

    def save(self) -> bytes:
        objects: list[bytes] = []

        def add(body: bytes) -> int:
            objects.append(body)
            return len(objects)

        def reserve() -> int:
            objects.append(b"")
            return len(objects)

        catalog = reserve()
        pages = reserve()
        font_refs = {font.key: self._embed(font, add) for font in self.fonts.values()}
        resources = (
            b"<< /Font << " + b" ".join(f"/{k} {v} 0 R".encode() for k, v in font_refs.items()) + b" >> >>"
        )
        kids = []
        for width, height, content in self.pages:
            stream = add(_stream(content))
            kids.append(
                add(
                    f"<< /Type /Page /Parent {pages} 0 R /MediaBox [0 0 {width:.2f} {height:.2f}]".encode()
                    + b" /Resources "
                    + resources
                    + f" /Contents {stream} 0 R >>".encode()
                )
            )
        objects[catalog - 1] = f"<< /Type /Catalog /Pages {pages} 0 R >>".encode()
        objects[pages - 1] = (
            f"<< /Type /Pages /Count {len(kids)} /Kids [{' '.join(f'{k} 0 R' for k in kids)}] >>".encode()
        )
        info = add(b"<< " + b" ".join(f"/{k} ".encode() + _text(v) for k, v in self.info.items()) + b" >>")
        out = io.BytesIO()
        out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for number, body in enumerate(objects, 1):
            offsets.append(out.tell())
            out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
        xref = out.tell()
        out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
        for offset in offsets:
            out.write(f"{offset:010d} 00000 n \n".encode())
        out.write(
            f"trailer\n<< /Size {len(objects) + 1} /Root {catalog} 0 R /Info {info} 0 R >>\n"
            f"startxref\n{xref}\n%%EOF\n".encode()
        )
        return out.getvalue()

    def _embed(self, font: Font, add: object) -> int:
        add_object = add  # (bytes) -> object number
        glyphs = sorted(font.used)
        data = _subset(font.path, glyphs)
        ttf = font.ttf
        scale = 1000 / ttf["head"].unitsPerEm
        gid = {name: font.gid(name) for name in glyphs}
        widths = " ".join(f"{gid[name]} [{font.advance(name):.0f}]" for name in sorted(glyphs, key=gid.get))
        head, hhea = ttf["head"], ttf["hhea"]
        tag = _tag(font.key + font.base_name)
        name = f"{tag}+{font.base_name}"
        file_ref = add_object(_stream(data, f"/Length1 {len(data)}".encode()))  # type: ignore[operator]
        italic = float(getattr(ttf["post"], "italicAngle", 0) or 0)
        cap = getattr(ttf["OS/2"], "sCapHeight", 0) or hhea.ascent
        descriptor = add_object(  # type: ignore[operator]
            f"<< /Type /FontDescriptor /FontName /{name} /Flags {4 if font.base_name == 'Symbol' else 32}"
            f" /FontBBox [{head.xMin * scale:.0f} {head.yMin * scale:.0f} {head.xMax * scale:.0f}"
            f" {head.yMax * scale:.0f}] /ItalicAngle {italic:.1f} /Ascent {hhea.ascent * scale:.0f}"
            f" /Descent {hhea.descent * scale:.0f} /CapHeight {cap * scale:.0f} /StemV 80"
            f" /FontFile2 {file_ref} 0 R >>".encode()
        )
        cid = add_object(  # type: ignore[operator]
            f"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /{name}"
            " /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>"
            f" /FontDescriptor {descriptor} 0 R /CIDToGIDMap /Identity /DW 1000 /W [{widths}] >>".encode()
        )
        extra = ""
        if font.unicode_map:
            cmap = add_object(_stream(_to_unicode({gid[g]: font.used[g] for g in glyphs})))  # type: ignore[operator]
            extra = f" /ToUnicode {cmap} 0 R"
        return int(
            add_object(  # type: ignore[operator]
                f"<< /Type /Font /Subtype /Type0 /BaseFont /{name} /Encoding /Identity-H"
                f" /DescendantFonts [{cid} 0 R]{extra} >>".encode()
            )
        )


def _subset(path: Path, glyphs: list[str]) -> bytes:
    """The font cut down to `glyphs`, glyph ids and names kept."""
    font = TTFont(io.BytesIO(path.read_bytes()))
    options = subset.Options()
    options.glyph_names = True
    options.retain_gids = True
    options.notdef_outline = True
    options.hinting = False
    options.layout_features = []
    options.name_IDs = ["*"]
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "kern", "DSIG"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(glyphs=glyphs)
    subsetter.subset(font)
    buffer = io.BytesIO()
    font.save(buffer)
    return buffer.getvalue()


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    packed = zlib.compress(data, 9)
    return (
        f"<< /Length {len(packed)} /Filter /FlateDecode ".encode()
        + extra
        + b" >>\nstream\n"
        + packed
        + b"\nendstream"
    )


def _to_unicode(mapping: dict[int, str]) -> bytes:
    lines = [
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def",
        "1 begincodespacerange <0000> <FFFF> endcodespacerange",
    ]
    entries = sorted(mapping.items())
    for start in range(0, len(entries), 100):
        chunk = entries[start : start + 100]
        lines.append(f"{len(chunk)} beginbfchar")
        lines += [f"<{code:04X}> <{text.encode('utf-16-be').hex().upper()}>" for code, text in chunk]
        lines.append("endbfchar")
    lines.append("endcmap CMapName currentdict /CMap defineresource pop end end")
    return "\n".join(lines).encode()


def _tag(seed: str) -> str:
    value = zlib.crc32(seed.encode())
    letters = ""
    for _ in range(6):
        letters += chr(ord("A") + value % 26)
        value //= 26
    return letters


def _text(value: str) -> bytes:
    return b"<FEFF" + value.encode("utf-16-be").hex().upper().encode() + b">"
