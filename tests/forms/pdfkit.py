"""Small PDFs drawn in memory: text at given places (y from the top of the page), drawn
lines, a Symbol-like font whose bullet maps to U+F0B7 as Word's PDFs do, and encryption."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass

from pypdf import PdfReader, PdfWriter
from pypdf.generic import DictionaryObject, NameObject, StreamObject

HEIGHT = 842.0
BULLET = "\uf0b7"  # how a Symbol-font bullet comes out of a PDF made by Word
BOX = "\u2610"  # an empty tick box, drawn in the same font
STRAY_FI = "\ucf00"  # the "fi" ligature as Ghostscript's font map gives it, in the same font
SQUARE, SQUARED_TIMES = "\u25a1", "\u22a0"  # LaTeX's empty and ticked boxes
CODES = {BOX: "\\250", STRAY_FI: "\\251", SQUARE: "\\252", SQUARED_TIMES: "\\253"}  # their codes in that font
SYMBOL_CMAP = (
    b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Sym def "
    b"1 begincodespacerange <00> <FF> endcodespacerange 5 beginbfchar <B7> <F0B7> <A8> <2610> "
    b"<A9> <CF00> <AA> <25A1> <AB> <22A0> endbfchar "
    b"endcmap CMapName currentdict /CMap defineresource pop end end"
)


@dataclass(frozen=True)
class Text:
    x: float
    y: float  # from the top of the page: the baseline
    text: str
    size: float = 11.0


@dataclass(frozen=True)
class Kerned:
    """Text shown as a PDF array: strings and the kerns between them (thousandths of an
    em, a positive one moving the next string left), as TeX writes it."""

    x: float
    y: float
    array: str  # e.g. "(W)36(i)-150(\\264)490(sniewska)"
    size: float = 11.0


@dataclass(frozen=True)
class Rule:
    x0: float
    y0: float
    x1: float
    y1: float


def cell(x0: float, y0: float, x1: float, y1: float) -> list[Rule]:
    """The four borders of a table cell."""
    return [Rule(x0, y0, x1, y0), Rule(x0, y1, x1, y1), Rule(x0, y0, x0, y1), Rule(x1, y0, x1, y1)]


def pdf(pages: Sequence[Sequence[Text | Rule | Kerned]], *, keywords: str = "") -> bytes:
    """A PDF of these pages, in Helvetica; a text's first BULLET, and any of CODES,
    are drawn with a Symbol-like font."""
    writer = PdfWriter()
    helvetica = writer._add_object(
        DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject("/Helvetica"),
                NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
            }
        )
    )
    cmap = StreamObject()
    cmap.set_data(SYMBOL_CMAP)
    symbol = writer._add_object(
        DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject("/Symbol"),
                NameObject("/ToUnicode"): writer._add_object(cmap),
            }
        )
    )
    for items in pages:
        page = writer.add_blank_page(595, HEIGHT)
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): helvetica, NameObject("/F2"): symbol})}
        )
        content = StreamObject()
        content.set_data("\n".join(_draw(item) for item in items).encode("latin-1"))
        page[NameObject("/Contents")] = writer._add_object(content)
    if keywords:
        writer.add_metadata({"/Keywords": keywords})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _draw(item: Text | Rule | Kerned) -> str:
    if isinstance(item, Rule):
        return f"0.5 w {item.x0} {HEIGHT - item.y0} m {item.x1} {HEIGHT - item.y1} l S"
    if isinstance(item, Kerned):
        return f"BT /F1 {item.size} Tf {item.x} {HEIGHT - item.y} Td [{item.array}] TJ ET"
    y = HEIGHT - item.y
    if item.text.startswith(BULLET):
        rest = _escape(item.text[1:].lstrip())
        return (
            f"BT /F2 {item.size} Tf {item.x} {y} Td (\\267) Tj ET "
            f"BT /F1 {item.size} Tf {item.x + 12} {y} Td ({rest}) Tj ET"
        )
    runs = " ".join(  # a box inside the text: the font switched for it, the line drawn on
        f"/F2 {item.size} Tf ({CODES[part]}) Tj"
        if part in CODES
        else f"/F1 {item.size} Tf ({_escape(part)}) Tj"
        for part in re.split(f"([{''.join(CODES)}])", item.text)
        if part
    )
    return f"BT {item.x} {y} Td {runs} ET"


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def encrypted(data: bytes, *, user_password: str) -> bytes:
    """The PDF encrypted with AES-256; an empty user password means anyone may open it."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm="AES-256")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def width(text: str, size: float = 11.0) -> float:
    """How wide Helvetica draws `text` at `size` points (its standard metrics)."""
    from pypdf._codecs.core_font_metrics import CORE_FONT_METRICS  # (pypdf's copy of Adobe's AFM)

    widths = CORE_FONT_METRICS["Helvetica"].character_widths
    return sum(widths.get(char, widths["default"]) for char in text) * size / 1000


def spaced(x: float, y: float, words: list[str], gaps: list[float], size: float = 11.0) -> list[Text]:
    """Words drawn one by one from `x`, each `gaps[n]` points after the one before (a
    justified line's stretched spaces)."""
    drawn = []
    for word, gap in zip(words, [0.0, *gaps], strict=True):
        x += gap
        drawn.append(Text(round(x, 2), y, word, size))
        x += width(word, size)
    return drawn
