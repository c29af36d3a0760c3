"""Packages saved by other programs: Word for the web's part names, Strict Open XML."""

from __future__ import annotations

import io
import re
import zipfile

import pytest

from supervision_forms import parse, render
from supervision_forms.docx.opc import STRICT_NAMESPACES
from supervision_forms.errors import UnsupportedFormat
from supervision_forms.models import Agreement

TRANSITIONAL_TO_STRICT = {v: k for k, v in STRICT_NAMESPACES.items()}
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
STRICT_RELATIONSHIPS = "http://purl.oclc.org/ooxml/officeDocument/relationships/"


def unzip(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def rezip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, blob in parts.items():
            archive.writestr(name, blob)
    return buffer.getvalue()


def as_word_for_the_web(data: bytes) -> bytes:
    """As Word for the web saves: the main part named word/document2.xml."""
    parts = unzip(data)
    parts["word/document2.xml"] = parts.pop("word/document.xml")
    parts["word/_rels/document2.xml.rels"] = parts.pop("word/_rels/document.xml.rels")
    for holder in ("_rels/.rels", "[Content_Types].xml"):
        parts[holder] = parts[holder].replace(b"word/document.xml", b"word/document2.xml")
    return rezip(parts)


def as_strict(data: bytes) -> bytes:
    """As Word's "Strict Open XML Document" saves: Strict namespaces and relationship types."""
    parts = unzip(data)
    for name, blob in parts.items():
        if not name.endswith((".xml", ".rels")):
            continue
        text = blob.decode("utf-8")
        text = text.replace(
            RELATIONSHIPS + "extended-properties", STRICT_RELATIONSHIPS + "extendedProperties"
        )
        text = text.replace(RELATIONSHIPS, STRICT_RELATIONSHIPS)
        for transitional, strict in sorted(TRANSITIONAL_TO_STRICT.items(), key=lambda kv: -len(kv[0])):
            text = re.sub(f'"{re.escape(transitional)}"', f'"{strict}"', text)
        if name == "word/document.xml":
            text = text.replace("<w:document ", '<w:document w:conformance="strict" ', 1)
        parts[name] = text.encode("utf-8")
    return rezip(parts)


@pytest.mark.parametrize("pack", ["portsmouth", "surrey", "sefton"])
def it_reads_a_document_word_for_the_web_saved(pack: str, examples: dict[str, Agreement]) -> None:
    data = as_word_for_the_web(render(examples[pack], pack=pack))
    result = parse(data)
    assert (result.pack, result.document) == (pack, "agreement")
    assert result.data == examples[pack]


@pytest.mark.parametrize("pack", ["portsmouth", "surrey", "sefton"])
def it_reads_a_strict_open_xml_document_as_its_transitional_twin(
    pack: str, examples: dict[str, Agreement]
) -> None:
    strict = as_strict(render(examples[pack], pack=pack))
    assert b"purl.oclc.org/ooxml/wordprocessingml/main" in unzip(strict)["word/document.xml"]
    result = parse(strict)
    assert (result.pack, result.document) == (pack, "agreement")
    assert result.data == examples[pack]


def it_reads_a_strict_document_word_for_the_web_named_too(examples: dict[str, Agreement]) -> None:
    data = as_word_for_the_web(as_strict(render(examples["surrey"], pack="surrey")))
    assert parse(data).data == examples["surrey"]


def it_refuses_a_package_whose_relationships_name_no_main_part(examples: dict[str, Agreement]) -> None:
    parts = unzip(render(examples["surrey"], pack="surrey"))
    parts["_rels/.rels"] = parts["_rels/.rels"].replace(b'officeDocument"', b'somethingElse"')
    with pytest.raises(UnsupportedFormat, match="no main document part"):
        parse(rezip(parts))


def it_refuses_a_package_whose_main_part_is_not_wordprocessing(examples: dict[str, Agreement]) -> None:
    parts = unzip(render(examples["surrey"], pack="surrey"))
    parts["word/document.xml"] = b'<?xml version="1.0"?><workbook xmlns="urn:x"/>'
    with pytest.raises(UnsupportedFormat, match="not WordprocessingML"):
        parse(rezip(parts))
