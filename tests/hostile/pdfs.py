"""Small PDFs written byte by byte, so tests control every object: text, bombs, damage."""

from __future__ import annotations

import io
import zlib

from PIL import Image
from pypdf import PdfReader, PdfWriter


def pdf_from_objects(objects: list[bytes], *, root: int = 1) -> bytes:
    """A PDF file from object bodies (numbered from 1) with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref)
    return bytes(out)


def stream(data: bytes, *, deflate: bool = True, extra: bytes = b"") -> bytes:
    body = zlib.compress(data, 9) if deflate else data
    flate = b" /Filter /FlateDecode" if deflate else b""
    return b"<< /Length %d%s%s >>\nstream\n" % (len(body), flate, extra) + body + b"\nendstream"


def _escape(line: str) -> bytes:
    raw = line.encode("cp1252", "replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def text_content(lines: list[str]) -> bytes:
    """A page content stream that shows each line, top to bottom."""
    shown = b"".join(b"(%s) '\n" % _escape(line) for line in lines)
    return b"BT /F1 9 Tf 11 TL 40 800 Td\n" + shown + b"ET"


def pages_pdf(
    contents: list[bytes], *, keywords: str = "", compressed: bool = False, deflate: bool = True
) -> bytes:
    """One page per content stream (given already deflated when `compressed`, left plain
    unless `deflate`), in Helvetica."""
    count = len(contents)
    kids = b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(count))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    for i, content in enumerate(contents):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (5 + 2 * i)
        )
        objects.append(
            stream(content, deflate=deflate and not compressed, extra=b" /Filter /FlateDecode" * compressed)
        )
    data = pdf_from_objects(objects)
    if keywords:
        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
        writer.add_metadata({"/Keywords": keywords})
        buffer = io.BytesIO()
        writer.write(buffer)
        data = buffer.getvalue()
    return data


def text_pdf(lines: list[str], *, per_page: int = 70, keywords: str = "", deflate: bool = True) -> bytes:
    """A text PDF of these lines, as a PDF printer would make it."""
    chunks = [lines[i : i + per_page] for i in range(0, max(len(lines), 1), per_page)]
    return pages_pdf([text_content(chunk) for chunk in chunks], keywords=keywords, deflate=deflate)


def encrypted_pdf(source: bytes, *, user_password: str) -> bytes:
    """The PDF encrypted (RC4-128); an empty user password means anyone may open it."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(source)))
    writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def image_only_pdf() -> bytes:
    """A scan: one page that is a picture, with no text layer."""
    image = Image.new("RGB", (120, 160), "white")
    for x in range(10, 110):
        image.putpixel((x, 40), (0, 0, 0))
    buffer = io.BytesIO()
    image.save(buffer, format="PDF")
    return buffer.getvalue()


def bomb_pdf(unpacked_bytes: int) -> bytes:
    """A page whose content stream inflates to `unpacked_bytes` of spaces."""
    compressor = zlib.compressobj(9)
    block = b" " * (1 << 20)
    body = b"".join(compressor.compress(block) for _ in range(unpacked_bytes >> 20)) + compressor.flush()
    return pages_pdf([body], compressed=True)


def slow_pdf(operations: int, pages: int = 1) -> bytes:
    """Pages whose (small, well-compressed) content is a great many text operations."""
    content = b"BT /F1 9 Tf " + b"(a) Tj " * operations + b"ET"
    return pages_pdf([content] * pages)
