"""Mutations for fuzzing: damage a .docx or .pdf the ways real files get damaged, and worse."""

from __future__ import annotations

import io
import random
import re
import zipfile
from collections.abc import Callable

from tests.hostile.corpus import rezip

Mutation = Callable[[bytes, random.Random], bytes]
TAG = re.compile(rb"<[^<>]{1,200}>")
ODD_TEXT = [
    "\u2028",
    "\x85",
    "\u202e",
    "\ufeff",
    "🙂",
    "{{ x }}",
    "Name:",
    "Review date:",
    "31/02/2026",
    "99/99/9999",
    "☒",
    "☐",
    "",
    " " * 50,
]
ODD_XML = [
    b'<w:bookmarkStart w:id="7" w:name="sf_supervisee.name"/>',
    b'<w:bookmarkStart w:id="7" w:name="sf_meeting_dates.999999"/>',
    b'<w:bookmarkStart w:id="8" w:name="sf_"/>',
    b'<w:bookmarkEnd w:id="7"/>',
    b"<w:tbl><w:tr><w:tc><w:tbl><w:tr></w:tr></w:tbl></w:tc></w:tr></w:tbl>",
    b'<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
    b'<w:sdt><w:sdtPr><w:tag w:val="supervisee.name"/></w:sdtPr><w:sdtContent/></w:sdt>',
    b'<w:ins w:id="1"><w:r><w:t>inserted</w:t></w:r></w:ins>',
    b"<w:del><w:r><w:delText>gone</w:delText></w:r></w:del>",
    b"<w:p><w:r><w:br/><w:tab/><w:sym/></w:r></w:p>",
    b"<w:checkBox/>",
    b"&#x1;",
    b"<![CDATA[x]]>",
    b"<?pi x?>",
    b"<!-- c -->",
]


def flip_bytes(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 16)):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(len(data))]


def splice(data: bytes, rng: random.Random) -> bytes:
    """A run of bytes repeated or removed somewhere: torn and duplicated writes."""
    start = rng.randrange(len(data))
    size = rng.randint(1, 4096)
    if rng.random() < 0.5:
        return data[:start] + data[start + size :]
    return data[:start] + data[start : start + size] * rng.randint(2, 5) + data[start:]


def _parts(docx: bytes) -> dict[str, bytes]:
    source = zipfile.ZipFile(io.BytesIO(docx))
    return {name: source.read(name) for name in source.namelist()}


def swap_entries(docx: bytes, rng: random.Random) -> bytes:
    parts = _parts(docx)
    first, second = rng.sample(sorted(parts), 2)
    return rezip(docx, {first: parts[second], second: parts[first]})


def drop_entry(docx: bytes, rng: random.Random) -> bytes:
    return rezip(docx, {rng.choice(sorted(_parts(docx))): None})


def mutate_xml(docx: bytes, rng: random.Random) -> bytes:
    """Damage the body's XML, then zip it honestly, so the damage reaches the XML reader."""
    name = rng.choice(["word/document.xml"] * 4 + ["docProps/core.xml", "[Content_Types].xml"])
    xml = _parts(docx).get(name, b"")
    for _ in range(rng.randint(1, 6)):
        xml = _one_xml_change(xml, rng)
    return rezip(docx, {name: xml})


def _one_xml_change(xml: bytes, rng: random.Random) -> bytes:
    tags = list(TAG.finditer(xml))
    if not tags:
        return xml
    tag = rng.choice(tags)
    choice = rng.randrange(6)
    if choice == 0:  # drop a tag: unbalanced XML
        return xml[: tag.start()] + xml[tag.end() :]
    if choice == 1:  # move a tag elsewhere
        target = rng.choice(tags).start()
        moved = xml[: tag.start()] + xml[tag.end() :]
        return moved[:target] + tag.group() + moved[target:]
    if choice == 2:  # insert an odd but well-formed element
        return xml[: tag.end()] + rng.choice(ODD_XML) + xml[tag.end() :]
    if choice == 3:  # replace text with odd text
        return xml[: tag.end()] + rng.choice(ODD_TEXT).encode() + xml[tag.end() :]
    if choice == 4:  # duplicate a span of elements
        end = rng.choice(tags).end()
        start, end = sorted((tag.start(), end))
        return xml[:end] + xml[start:end] + xml[end:]
    return xml[: tag.start()] + tag.group().replace(b'"', b"'", 1) + xml[tag.end() :]


DOCX_MUTATIONS: list[Mutation] = [
    flip_bytes,
    truncate,
    splice,
    swap_entries,
    drop_entry,
    mutate_xml,
    mutate_xml,
]
PDF_MUTATIONS: list[Mutation] = [flip_bytes, truncate, splice]


def mutate_pdf_text(pdf: bytes, rng: random.Random) -> bytes:
    """Damage inside the PDF's structure: object numbers, offsets, keywords."""
    tokens = [b" 0 R", b"/Length ", b"startxref", b"/Type /Page", b"obj", b"/Root", b"/Count "]
    token = rng.choice(tokens)
    spots = [m.start() for m in re.finditer(re.escape(token), pdf)]
    if not spots:
        return flip_bytes(pdf, rng)
    spot = rng.choice(spots)
    junk = rng.choice([b"", b"9999999999", b"-1", b"<<", b"[", b" 1 0 R", b"(", b"\xff\xfe"])
    return pdf[:spot] + junk + pdf[spot + rng.randint(0, 12) :]


PDF_MUTATIONS.append(mutate_pdf_text)
