"""Safe XML parsing and the WordprocessingML names used across the docx layer."""

from __future__ import annotations

import re

from lxml import etree

from ..errors import CorruptDocument, DocumentTooLarge, UnsupportedFormat

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
"""Characters XML 1.0 cannot hold (tab, LF and CR it can)."""
_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
MAX_MARKUP = 200_000
"""Most '<' one XML part may hold: a bound on its elements, so on the time and memory it
takes to read (about 0.6 s and 60 MiB at the limit). A 3-page form has about 2,000; a
100-page report written in Word about 100,000."""

_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=False
)


def parse_xml(data: bytes, label: str = "document") -> etree._Element:
    """Parse one XML part. Refused: DOCTYPE and entity declarations (XXE, billion laughs),
    in any encoding; parts with over `MAX_MARKUP` tags; nesting over 256 deep (libxml2)."""
    utf16 = data.startswith(_UTF16_BOMS)
    markup = data.decode("utf-16", "replace").encode("utf-8") if utf16 else data
    if _DOCTYPE.search(markup):
        raise UnsupportedFormat(f"{label}: the document holds a DOCTYPE declaration, refused")
    if markup.count(b"<") > MAX_MARKUP:
        raise DocumentTooLarge(f"{label}: a part of the document has over {MAX_MARKUP} XML tags")
    try:
        root = etree.fromstring(data, _PARSER)
    except (etree.ParseError, ValueError):
        raise CorruptDocument(f"{label}: the document's XML is damaged") from None
    if root.getroottree().docinfo.internalDTD is not None:  # in an encoding not scanned above
        raise UnsupportedFormat(f"{label}: the document holds a DOCTYPE declaration, refused")
    return root


def to_bytes(element: etree._Element) -> bytes:
    return etree.tostring(element, xml_declaration=True, encoding="UTF-8", standalone=True)
