"""Safe XML parsing and the WordprocessingML names used across the docx layer."""

from __future__ import annotations

import re

from lxml import etree

from ..errors import CorruptDocument, UnsupportedFormat

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)

_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=False
)


def parse_xml(data: bytes, label: str = "document") -> etree._Element:
    """Parse one XML part; DOCTYPE and entity declarations are refused (XXE, billion laughs)."""
    if _DOCTYPE.search(data):
        raise UnsupportedFormat(f"{label}: the document holds a DOCTYPE declaration, refused")
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError:
        raise CorruptDocument(f"{label}: the document's XML is damaged") from None


def to_bytes(element: etree._Element) -> bytes:
    return etree.tostring(element, xml_declaration=True, encoding="UTF-8", standalone=True)
