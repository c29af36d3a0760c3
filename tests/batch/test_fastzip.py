"""Writing packages by hand: valid zips, the same bytes every time, static parts reused."""

from __future__ import annotations

import io
import zipfile
import zlib

import pytest

from supervision_forms import installed_packs, render
from supervision_forms.docx.fastzip import FixedPieces, PackageWriter, zip_parts
from supervision_forms.docx.package import read_package, write_package

PARTS = {
    "word/document.xml": b"<w:document>body</w:document>",
    "[Content_Types].xml": b"<Types/>",
    "word/styles.xml": b"<w:styles>" + b"<w:style/>" * 500 + b"</w:styles>",
    "word/media/café.png": bytes(range(256)) * 4,
}


def it_writes_a_zip_that_reads_back_part_for_part() -> None:
    data = write_package(PARTS)
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert archive.testzip() is None
    assert {info.filename: archive.read(info) for info in archive.infolist()} == PARTS


def it_puts_the_content_types_first_as_word_expects() -> None:
    names = zipfile.ZipFile(io.BytesIO(zip_parts(PARTS))).namelist()
    assert names[0] == "[Content_Types].xml"
    assert names[1:] == [n for n in PARTS if n != "[Content_Types].xml"]


def it_marks_non_ascii_part_names_as_utf8() -> None:
    info = zipfile.ZipFile(io.BytesIO(zip_parts(PARTS))).getinfo("word/media/café.png")
    assert info.flag_bits & 0x800


def it_gives_the_same_bytes_for_the_same_parts() -> None:
    assert zip_parts(PARTS) == zip_parts(dict(PARTS))


def it_reuses_static_parts_and_deflates_only_the_changed_ones() -> None:
    static = {k: v for k, v in PARTS.items() if k != "word/document.xml"}
    writer = PackageWriter(static, ["word/document.xml"])
    first = writer.write({"word/document.xml": b"<w:document>one</w:document>"})
    second = writer.write({"word/document.xml": b"<w:document>two</w:document>"})
    assert read_package(first).parts["word/document.xml"] == b"<w:document>one</w:document>"
    assert read_package(second).parts["word/document.xml"] == b"<w:document>two</w:document>"
    assert read_package(second).parts["word/styles.xml"] == PARTS["word/styles.xml"]


def it_refuses_changed_parts_it_was_not_built_for() -> None:
    writer = PackageWriter({"[Content_Types].xml": b"<Types/>"}, ["word/document.xml"])
    with pytest.raises(ValueError, match="do not match"):
        writer.write({"word/header1.xml": b"<w:hdr/>"})


def it_renders_a_pack_document_identical_in_content_to_a_plain_zip() -> None:
    pack = installed_packs().get("surrey")
    example = pack.example("agreement")
    fast = render(example, pack=pack)
    parts = read_package(fast).parts
    assert read_package(write_package(dict(parts))).parts == parts
    assert render(example, pack=pack) == fast  # reproducible: no timestamps


LONG = "<w:p><w:r><w:t>fixed text of the template – ä</w:t></w:r></w:p>" * 40  # over FIXED_LEAST
OTHER = "<w:tbl>" + "<w:tr><w:tc/></w:tr>" * 200 + "</w:tbl>"


@pytest.mark.parametrize(
    "pieces",
    [
        [LONG, "Tom", OTHER],  # a short value between two fixed pieces: stored
        ["<w:document>", LONG, "a long value, ünïcode " * 20, LONG, OTHER, "</w:document>"],
        [LONG, LONG, LONG],  # fixed pieces one after another, and nothing else
        ["no fixed piece at all"],
        [],
    ],
)
def it_deflates_a_part_from_its_pieces_to_exactly_the_joined_text(pieces: list[str]) -> None:
    fixed = FixedPieces([LONG, OTHER, "short"])
    assert len(fixed) == 2  # a short fixed piece goes with the values around it
    static = {"[Content_Types].xml": b"<Types/>"}
    package = PackageWriter(static, ["word/document.xml"]).write(
        {"word/document.xml": fixed.entry("word/document.xml", pieces)}
    )
    archive = zipfile.ZipFile(io.BytesIO(package))
    assert archive.testzip() is None  # the CRC and sizes are right
    assert archive.read("word/document.xml") == "".join(pieces).encode("utf-8")


def it_deflates_a_piece_equal_to_a_fixed_one_but_not_it_as_a_value() -> None:
    fixed = FixedPieces([LONG])
    copy = "".join(list(LONG))  # the same text, another string
    assert copy is not LONG
    entry = fixed.entry("word/document.xml", [copy, "x", LONG])
    data = zlib.decompress(b"".join(entry.record)[-entry.compressed_size :], -15)
    assert data == (copy + "x" + LONG).encode("utf-8")
    assert entry.crc == zlib.crc32(data) and entry.size == len(data)
