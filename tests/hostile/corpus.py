"""The hostile corpus, made by code: every kind of bad document, and what it must give.

Each `Case` turns a genuine rendered .docx into a hostile file (or ignores it and makes
one from nothing). `expected` is the library error it must raise, or None when it must
read correctly; `says` is a fragment of the one-line message.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

from supervision_forms.errors import (
    CorruptDocument,
    DocumentTooLarge,
    EncryptedDocument,
    NeedsOcr,
    NotASupervisionForm,
    SupervisionFormsError,
    UnsupportedFormat,
)
from supervision_forms.ocr import ScanUnreadable, tesseract_available
from tests.hostile import pdfs, zips


def ocr_or(outcome: type[SupervisionFormsError], says: str) -> tuple[type[SupervisionFormsError], str]:
    """A scan's outcome where Tesseract can read it; without Tesseract, it needs OCR."""
    return (outcome, says) if tesseract_available() else (NeedsOcr, "needs OCR")


OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
W_NS = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
RCE = "{{ cycler.__init__.__globals__.os.popen('id').read() }}"


@dataclass(frozen=True)
class Case:
    name: str
    build: Callable[[bytes], bytes]
    expected: type[SupervisionFormsError] | None
    says: str = ""


def rezip(docx: bytes, changes: dict[str, bytes | None]) -> bytes:
    """The package with parts replaced, added, or (None) removed; an honest zip."""
    source = zipfile.ZipFile(io.BytesIO(docx))
    parts = {name: source.read(name) for name in source.namelist()}
    for name, data in changes.items():
        if data is None:
            parts.pop(name, None)
        else:
            parts[name] = data
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return out.getvalue()


def part(docx: bytes, name: str) -> bytes:
    return zipfile.ZipFile(io.BytesIO(docx)).read(name)


def with_body(docx: bytes, body: bytes) -> bytes:
    """The package with word/document.xml replaced by this body."""
    xml = b'<?xml version="1.0" encoding="UTF-8"?><w:document ' + W_NS + b"><w:body>" + body
    return rezip(docx, {"word/document.xml": xml + b"</w:body></w:document>"})


def with_prologue(docx: bytes, prologue: bytes, name: str = "word/document.xml") -> bytes:
    """The package with text put before a part's root element (after its declaration)."""
    xml = part(docx, name)
    declaration_end = xml.index(b"?>") + 2 if xml.startswith(b"<?xml") else 0
    return rezip(docx, {name: xml[:declaration_end] + prologue + xml[declaration_end:]})


XXE = b'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
LAUGHS = (
    b'<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">' % (level, (b"&lol%d;" % (level - 1) if level > 1 else b"&lol;") * 10)
        for level in range(1, 10)
    )
    + b"]>"
)


def utf16_doctype(docx: bytes) -> bytes:
    xml = (
        '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE w:document [<!ENTITY e "x">]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&e;</w:t></w:r></w:p></w:body></w:document>"
    )
    return rezip(docx, {"word/document.xml": xml.encode("utf-16")})


def ole_file(streams: list[str]) -> bytes:
    """An OLE compound file's opening and a directory naming these streams (what a .doc or
    an encrypted .docx starts with)."""
    header = OLE_MAGIC + bytes(16) + b"\x3e\x00\x03\x00\xfe\xff\x09\x00" + bytes(512 - 32)
    entries = b"".join(name.encode("utf-16-le").ljust(64, b"\0") + bytes(64) for name in streams)
    return header + entries.ljust(1024, b"\0")


def encrypted_docx(docx: bytes) -> bytes:
    """A .docx saved with a password to open (ECMA-376 agile encryption, as Word does)."""
    from msoffcrypto.format.ooxml import OOXMLFile

    encrypted = io.BytesIO()
    OOXMLFile(io.BytesIO(docx)).encrypt("secret", encrypted)
    return encrypted.getvalue()


def docm(docx: bytes) -> bytes:
    types = part(docx, "[Content_Types].xml").replace(
        b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        b"application/vnd.ms-word.document.macroEnabled.main+xml",
    )
    return rezip(docx, {"[Content_Types].xml": types, "word/vbaProject.bin": b"\0" * 512})


def many_entries(count: int) -> bytes:
    return zips.write_zip([zips.member(f"word/media/e{i}.bin", b"x") for i in range(count)])


def honest_bomb(docx: bytes) -> bytes:
    """word/document.xml declared and stored as 400 MB of zeros (about 400 KB on disk)."""
    bomb = zips.zeros(400 * zips.MIB)
    members = [zips.member(n, part(docx, n)) for n in ("[Content_Types].xml", "_rels/.rels")]
    return zips.write_zip([*members, zips.Member("word/document.xml", bomb.stored, bomb.size, bomb.crc)])


def lying_bomb(docx: bytes) -> bytes:
    """The same 400 MB of zeros, declared as a small part."""
    bomb = zips.zeros(400 * zips.MIB)
    members = [zips.member(n, part(docx, n)) for n in ("[Content_Types].xml", "_rels/.rels")]
    return zips.write_zip([*members, zips.Member("word/document.xml", bomb.stored, 30_000, bomb.crc)])


def ratio_bomb(docx: bytes) -> bytes:
    """One 90 MB part, under the total, but deflated over 1000 to 1."""
    bomb = zips.zeros(90 * zips.MIB)
    members = [zips.member(n, part(docx, n)) for n in ("[Content_Types].xml", "word/document.xml")]
    return zips.write_zip([*members, zips.Member("word/media/image1.png", bomb.stored, bomb.size, bomb.crc)])


def overlapping(docx: bytes) -> bytes:
    members = [zips.member(n, part(docx, n)) for n in ("[Content_Types].xml", "word/document.xml")]
    return zips.overlapping_zip(members, zips.member("word/media/shared.bin", b"\x01" * 300_000, method=0))


def big_directory(docx: bytes) -> bytes:
    names = [f"word/media/{'n' * 60}{i}.bin" for i in range(20_000)]
    return zips.write_zip([zips.member(name, b"", method=0) for name in names])


def duplicate_names(docx: bytes) -> bytes:
    members = [zips.member(n, part(docx, n)) for n in ("[Content_Types].xml", "word/document.xml")]
    return zips.write_zip([*members, zips.member("Word/Document.xml", b"<w:document/>")])


def zip_encrypted(docx: bytes) -> bytes:
    members = [zips.member(n, part(docx, n)) for n in ("[Content_Types].xml", "word/document.xml")]
    first = members[0]
    return zips.write_zip([zips.Member(first.name, first.stored, first.size, first.crc, 8, 0x1), members[1]])


def bzip2_entry(docx: bytes) -> bytes:
    members = [zips.member(n, part(docx, n)) for n in ("[Content_Types].xml", "word/document.xml")]
    odd = members[1]
    return zips.write_zip([members[0], zips.Member(odd.name, odd.stored, odd.size, odd.crc, 12)])


def xlsx_like(docx: bytes) -> bytes:
    return zips.write_zip(
        [zips.member("[Content_Types].xml", b"<Types/>"), zips.member("xl/workbook.xml", b"<w/>")]
    )


def png() -> bytes:
    return b"\x89PNG\r\n\x1a\n" + bytes(64)


NO_STAMP: dict[str, bytes | None] = {"docProps/core.xml": None}


def varied_paragraphs(count: int) -> bytes:
    """Empty paragraphs that differ (revision ids), so they do not compress like a bomb."""
    return b"".join(b'<w:p w:rsidR="%08X"/>' % ((i * 2654435761) & 0xFFFFFFFF) for i in range(count))


def deep(depth: int) -> bytes:
    return b"<w:p>" + b"<w:r>" * depth + b"</w:r>" * depth + b"</w:p>"


def text_lines(docx: bytes) -> list[str]:
    """The paragraphs of a rendered document, as a PDF printer would lay them out."""
    from supervision_forms.docx.package import read_package
    from supervision_forms.docx.reader import read_body

    body = read_body(read_package(docx), "document")
    return [line for paragraph in body.paragraphs for line in paragraph.text.split("\n") if line.strip()]


def form_pdf(docx: bytes) -> bytes:
    return pdfs.text_pdf(text_lines(docx))


DOCUMENTS = [
    Case("genuine .docx", lambda d: d, None),
    Case("zip bomb: 400 MB declared", honest_bomb, DocumentTooLarge, "unpacks to over"),
    Case("zip bomb: sizes that lie", lying_bomb, CorruptDocument, "damaged"),
    Case("zip bomb: one part at 1000:1", ratio_bomb, DocumentTooLarge, "compressed suspiciously"),
    Case("zip bomb: overlapping entries", overlapping, CorruptDocument, "overlap"),
    Case("zip with 5,000 entries", lambda d: many_entries(5_000), DocumentTooLarge, "over 1000 parts"),
    Case("zip directory over 1 MB", big_directory, DocumentTooLarge, "directory is over"),
    Case("two parts with one name", duplicate_names, CorruptDocument, "same name"),
    Case("zip-encrypted entry", zip_encrypted, EncryptedDocument, "encrypted"),
    Case("bzip2-compressed entry", bzip2_entry, UnsupportedFormat, "compression"),
    Case("DOCTYPE with XXE", lambda d: with_prologue(d, XXE), UnsupportedFormat, "DOCTYPE"),
    Case("billion laughs", lambda d: with_prologue(d, LAUGHS), UnsupportedFormat, "DOCTYPE"),
    Case(
        "XXE in the properties",
        lambda d: with_prologue(d, XXE, "docProps/core.xml"),
        UnsupportedFormat,
        "DOCTYPE",
    ),
    Case("DOCTYPE in UTF-16", utf16_doctype, UnsupportedFormat, "DOCTYPE"),
    Case("XML nested 10,000 deep", lambda d: with_body(d, deep(10_000)), CorruptDocument, "XML is damaged"),
    Case(
        "XML with 210,000 tags",
        lambda d: with_body(d, varied_paragraphs(210_000)),
        DocumentTooLarge,
        "XML tags",
    ),
    Case(
        "old Word .doc, damaged",
        lambda d: ole_file(["Root Entry", "WordDocument", "1Table"]),
        CorruptDocument,
        "damaged",
    ),
    Case("password-protected .docx", encrypted_docx, EncryptedDocument, "password"),
    Case(
        "password-protected .docx, damaged",
        lambda d: ole_file(["Root Entry", "EncryptionInfo", "EncryptedPackage"]),
        EncryptedDocument,
        "password",
    ),
    Case("old Excel .xls", lambda d: ole_file(["Root Entry", "Workbook"]), UnsupportedFormat, "old Office"),
    Case("macro-enabled .docm", docm, UnsupportedFormat, "macro"),
    Case(
        "a renamed text file",
        lambda d: b"Supervision agreement\nName: J\n",
        UnsupportedFormat,
        "not a document this library reads",
    ),
    Case("a renamed PNG", lambda d: png(), *ocr_or(CorruptDocument, "not a PNG, JPEG or TIFF image")),
    Case("an empty file", lambda d: b"", UnsupportedFormat, "empty"),
    Case("an .xlsx renamed", xlsx_like, UnsupportedFormat, "not a Word .docx"),
    Case("a truncated .docx", lambda d: d[: len(d) // 2], CorruptDocument, "cut short"),
    Case(
        "a .docx that is not a form",
        lambda d: rezip(with_body(d, b"<w:p><w:r><w:t>Minutes of the council</w:t></w:r></w:p>"), NO_STAMP),
        NotASupervisionForm,
        "not a supervision form",
    ),
    Case("genuine form as a text PDF", form_pdf, None),
    Case(
        "PDF with a password",
        lambda d: pdfs.encrypted_pdf(form_pdf(d), user_password="secret"),
        EncryptedDocument,
        "password",
    ),
    Case("PDF restricted but open", lambda d: pdfs.encrypted_pdf(form_pdf(d), user_password=""), None),
    Case(
        "PDF image only (a scan)",
        lambda d: pdfs.image_only_pdf(),
        *ocr_or(ScanUnreadable, "OCR read no text"),
    ),
    Case("PDF truncated", lambda d: form_pdf(d)[:400], CorruptDocument, "damaged"),
    Case("PDF garbage body", lambda d: b"%PDF-1.7\n" + bytes(range(256)) * 40, CorruptDocument, "damaged"),
    Case("PDF bomb stream (400 MB)", lambda d: pdfs.bomb_pdf(400 * zips.MIB), DocumentTooLarge, "limits"),
    Case("PDF with 3 million tokens", lambda d: pdfs.slow_pdf(1_500_000), DocumentTooLarge, "limits"),
    Case("PDF with 61 pages", lambda d: pdfs.text_pdf(["x"] * 61, per_page=1), DocumentTooLarge, "pages"),
]
