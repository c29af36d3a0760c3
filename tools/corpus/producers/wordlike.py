"""A Word-like PDF producer: the page as Word's "Save as PDF" writes it.

How: each filled .docx is first re-typed in another font family (Carlito, Caladea, DejaVu;
Word's Calibri and Cambria are metrically Carlito and Caladea) and laid out by LibreOffice,
so the line breaks fit that font. The glyph positions of that PDF (pdfplumber) are then
written out again by our own writer (`pdfwrite`) the way Word writes them:

- every word is its own text object (`BT /F2 11 Tf 1 0 0 1 x y Tm [...] TJ ET`), with no
  space glyphs: the spaces are only gaps;
- kerning and spacing are numbers in the TJ array (from the real glyph positions);
- the words are drawn out of reading order: bottom line first, grouped by font, lines
  shuffled, or header and footer last (one way per document);
- table borders and rules are thin filled rectangles (`re f`), not stroked lines;
- bullets are in a font named Symbol whose Unicode map gives U+F0B7, as Word's are;
- the fonts are TrueType subsets (Identity-H) that keep their glyph names, and
  /Producer says Microsoft Word.
"""

from __future__ import annotations

import io
import random
import re
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree

from ..item import Job
from ..office import convert
from ..pdfwrite import Document, Font, font_files

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FAMILIES = ("Carlito", "Caladea", "DejaVu Sans", "DejaVu Serif", "Carlito")
HELD_OUT_FAMILIES = (
    "DejaVu Sans Condensed",
    "Liberation Serif",
    "DejaVu Serif Condensed",
    "Liberation Sans Narrow",
)
KEEP_FONTS = {"Symbol", "Wingdings", "MS Gothic", "Segoe UI Symbol"}
ORDERS = ("reverse", "byfont", "shuffled", "furniture-last", "columns")
BULLETS = {"•", "\uf0b7", "·"}
FALLBACK = "DejaVuSans"
PRODUCER = "Microsoft® Word for Microsoft 365"
RULE = 0.5  # width of a drawn rule (pt)


def retype(docx: bytes, family: str) -> bytes:
    """The document with every font but symbol fonts set to `family` (theme fonts too)."""
    source = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if re.fullmatch(r"word/(document|styles|header\d*|footer\d*|numbering)\.xml", info.filename):
                data = _retype_part(data, family)
            target.writestr(info, data)
    return out.getvalue()


def _retype_part(data: bytes, family: str) -> bytes:
    root = etree.fromstring(data)
    for fonts in root.iter(f"{{{W}}}rFonts"):
        if fonts.get(f"{{{W}}}ascii") in KEEP_FONTS:
            continue
        for attribute in list(fonts.attrib):
            if attribute.endswith("Theme") or attribute.endswith("theme"):
                del fonts.attrib[attribute]
        for attribute in ("ascii", "hAnsi", "cs", "eastAsia"):
            fonts.set(f"{{{W}}}{attribute}", family)
    for properties in root.iter(f"{{{W}}}rPr"):
        if properties.find(f"{{{W}}}rFonts") is None and properties.getparent().tag == f"{{{W}}}rPrDefault":
            element = etree.SubElement(properties, f"{{{W}}}rFonts")
            for attribute in ("ascii", "hAnsi", "cs", "eastAsia"):
                element.set(f"{{{W}}}{attribute}", family)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


@dataclass
class Word:
    """A word as drawn: its glyphs' positions, its font and colour."""

    chars: list[dict[str, Any]]
    font: str
    size: float
    colour: tuple[float, ...]

    @property
    def x(self) -> float:
        return float(self.chars[0]["matrix"][4])

    @property
    def y(self) -> float:
        return float(self.chars[0]["matrix"][5])

    @property
    def text(self) -> str:
        return "".join(c["text"] for c in self.chars)


def words(chars: list[dict[str, Any]]) -> list[Word]:
    """Chars grouped into words: split at spaces, gaps, font, size, colour or line changes."""
    out: list[Word] = []
    current: Word | None = None
    previous: dict[str, Any] | None = None
    for char in chars:
        if not char["text"].strip():
            current = None
            previous = char
            continue
        colour = tuple(char.get("non_stroking_color") or (0,))
        same = (
            current is not None
            and previous is not None
            and char["fontname"] == current.font
            and abs(char["size"] - current.size) < 0.01
            and colour == current.colour
            and abs(char["matrix"][5] - previous["matrix"][5]) < 0.5
            and -0.5 < char["matrix"][4] - previous["x1"] < char["size"] * 0.2
        )
        if not same:
            current = Word([], char["fontname"], char["size"], colour)
            out.append(current)
        assert current is not None
        current.chars.append(char)
        previous = char
    return out


class Rewriter:
    """Writes LibreOffice's pages again, the way Word draws them."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.doc = Document()
        self.doc.info = {"Producer": PRODUCER, "Creator": PRODUCER}
        self.order = rng.choice(ORDERS)
        files = font_files()
        self.files = files
        self.fallback = files[FALLBACK]

    def font_for(self, pdf_name: str, char: str) -> tuple[Font, str]:
        """The embedded font and glyph name for a char drawn in `pdf_name`."""
        base = pdf_name.split("+", 1)[-1]
        if char in BULLETS:
            font = self.doc.font(self.files.get("OpenSymbol", self.fallback), "Symbol")
            glyph = font.glyph("•") or font.glyph("\u2022")
            if glyph:
                font.use(glyph, "\uf0b7")
                return font, glyph
        path = self.files.get(base)
        candidates = [path] if path else []
        candidates.append(self.fallback)
        for candidate in candidates:
            font = self.doc.font(candidate, base if candidate == path else FALLBACK)
            glyph = font.glyph(char)
            if glyph:
                return font, glyph
        font = self.doc.font(self.fallback, FALLBACK)
        return font, font.glyph("?") or ".notdef"

    def page(self, page: Any) -> None:
        height = float(page.height)
        ops: list[bytes] = []
        ops += self._rules(page, height)
        drawn = self._ordered(words(page.chars), height)
        for word in drawn:
            ops.append(self._show(word))
        self.doc.add_page(float(page.width), height, b"\n".join(ops))

    def _ordered(self, found: list[Word], height: float) -> list[Word]:
        if self.order == "reverse":
            return sorted(found, key=lambda w: (w.y, w.x))
        if self.order == "byfont":
            return sorted(found, key=lambda w: (w.font, -w.y, w.x))
        if self.order == "shuffled":
            lines: dict[float, list[Word]] = {}
            for word in found:
                lines.setdefault(round(word.y, 1), []).append(word)
            keys = list(lines)
            self.rng.shuffle(keys)
            return [word for key in keys for word in lines[key]]
        if self.order == "columns":  # left half of the page top to bottom, then the right half
            return sorted(found, key=lambda w: (w.x > 300, -w.y, w.x))
        body = [w for w in found if 0.07 * height < w.y < 0.93 * height]
        furniture = [w for w in found if not 0.07 * height < w.y < 0.93 * height]
        return body + furniture

    def _show(self, word: Word) -> bytes:
        """A text object per font in the word (usually one): a Tm at its first glyph, and
        the glyphs in a TJ array whose numbers carry the kerning."""
        a, b, c, d, _, y = word.chars[0]["matrix"]
        size = word.size / (abs(a) if a else 1.0)
        placed: list[tuple[Font, str, str, float]] = []  # font, glyph, letter, x
        for char in word.chars:
            x = float(char["matrix"][4])
            for letter in char["text"]:
                font, glyph = self.font_for(word.font, letter)
                placed.append((font, glyph, letter, x))
                x += font.advance(glyph) * size / 1000
        objects = []
        start = 0
        while start < len(placed):
            font = placed[start][0]
            end = start
            while end < len(placed) and placed[end][0] is font:
                end += 1
            parts: list[str] = []
            run: list[str] = []
            pen = placed[start][3]
            for _, glyph, letter, x in placed[start:end]:
                gap = (x - pen) * 1000 / size
                if run and abs(gap) >= 1:
                    parts += [f"<{''.join(run)}>", f"{-gap:.0f}"]
                    run = []
                run.append(font.use(glyph, letter))
                pen = x + font.advance(glyph) * size / 1000
            parts.append(f"<{''.join(run)}>")
            objects.append(_text_object(font, size, word.colour, (a, b, c, d, placed[start][3], y), parts))
            start = end
        return "\n".join(objects).encode()

    def _rules(self, page: Any, height: float) -> list[bytes]:
        """Every line and rectangle of the page as filled rectangles."""
        ops = []
        for line in page.lines:
            (x0, y0), (x1, y1) = line["pts"][0], line["pts"][-1]
            width = max(float(line.get("linewidth") or RULE), 0.25)
            colour = _colour(line.get("stroking_color"), fill=True)
            y0, y1 = height - y0, height - y1
            if abs(y0 - y1) < 0.01:
                box = (min(x0, x1) - width / 2, y0 - width / 2, abs(x1 - x0) + width, width)
            else:
                box = (x0 - width / 2, min(y0, y1) - width / 2, width, abs(y1 - y0) + width)
            ops.append(f"{colour} {box[0]:.2f} {box[1]:.2f} {box[2]:.2f} {box[3]:.2f} re f".encode())
        for rect in page.rects:
            x, y, w, h = rect["x0"], height - rect["bottom"], rect["width"], rect["height"]
            if rect.get("fill"):
                colour = _colour(rect.get("non_stroking_color"), fill=True)
                ops.append(f"{colour} {x:.2f} {y:.2f} {w:.2f} {h:.2f} re f".encode())
            if rect.get("stroke"):
                width = max(float(rect.get("linewidth") or RULE), 0.25)
                colour = _colour(rect.get("stroking_color"), fill=True)
                for box in (
                    (x, y, w, width),
                    (x, y + h - width, w, width),
                    (x, y, width, h),
                    (x + w - width, y, width, h),
                ):
                    ops.append(f"{colour} {box[0]:.2f} {box[1]:.2f} {box[2]:.2f} {box[3]:.2f} re f".encode())
        for curve in page.curves:
            points = curve.get("pts") or []
            if len(points) < 2:
                continue
            path = " ".join(
                f"{x:.2f} {height - y:.2f} {'m' if i == 0 else 'l'}" for i, (x, y) in enumerate(points)
            )
            colour = _colour(curve.get("stroking_color"), fill=False)
            ops.append(f"{colour} {float(curve.get('linewidth') or RULE):.2f} w {path} S".encode())
        return ops


def _text_object(
    font: Font, size: float, colour: tuple[float, ...], matrix: tuple[float, ...], parts: list[str]
) -> str:
    a, b, c, d, e, f = matrix
    return (
        f"BT /{font.key} {size:.2f} Tf {_colour(colour, fill=True)} "
        f"{a:g} {b:g} {c:g} {d:g} {e:.3f} {f:.3f} Tm [{' '.join(parts)}] TJ ET"
    )


def _colour(value: Any, *, fill: bool) -> str:
    if isinstance(value, (int, float)):
        value = (value,)
    if not isinstance(value, (tuple, list)) or not all(isinstance(v, (int, float)) for v in value):
        value = (0,)
    numbers = " ".join(f"{float(v):.3f}" for v in value)
    operator = {1: "g", 3: "rg", 4: "k"}.get(len(value), "g")
    if operator == "g" and len(value) != 1:
        numbers = "0"
    return f"{numbers} {operator if fill else operator.upper()}"


def rewrite(pdf: Path, rng: random.Random) -> bytes:
    import pdfplumber

    rewriter = Rewriter(rng)
    with pdfplumber.open(pdf) as document:
        for page in document.pages:
            rewriter.page(page)
    return rewriter.doc.save()


def make(job: Job) -> None:
    out = job.folder("wordlike")
    families = HELD_OUT_FAMILIES if job.held_out else FAMILIES
    with tempfile.TemporaryDirectory(prefix="corpus-wordlike-") as scratch:
        folder = Path(scratch)
        retyped = []
        for name in job.names:
            family = job.rng("wordlike", name).choice(families)
            path = folder / f"{name}.docx"
            path.write_bytes(retype((job.out / "docx" / f"{name}.docx").read_bytes(), family))
            retyped.append(path)
        laid_out = convert(retyped, "pdf", folder / "pdf")
        for name, pdf in zip(job.names, laid_out, strict=True):
            (out / f"{name}.pdf").write_bytes(rewrite(pdf, job.rng("wordlike-order", name)))
