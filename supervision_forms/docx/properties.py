"""A document's core properties (docProps/core.xml): title, subject, identity stamp and
the date it was made, written for each document from one prepared copy."""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass

from lxml import etree
from markupsafe import escape

from .xml import parse_xml, to_bytes

CORE_PART = "docProps/core.xml"
NS = {
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
}
TITLE_TOKEN = "sf-title-b6c1"
DATE_TOKEN = "2000-01-01T00:00:00Z"  # replaced by the document's own date
DATED = ("created", "modified")
UNSET = ("lastPrinted",)  # a new document has never been printed


@dataclass(frozen=True)
class CoreProperties:
    """The template's core properties with a place for each document's title and date."""

    text: str

    def render(self, title: str, made: datetime.date) -> bytes:
        stamp = f"{made.isoformat()}T00:00:00Z"
        return self.text.replace(TITLE_TOKEN, str(escape(title))).replace(DATE_TOKEN, stamp).encode("utf-8")


def prepare(blob: bytes, properties: dict[str, str], label: str) -> CoreProperties:
    """The template's core.xml with `properties` (subject, keywords...) set, and the title
    and the created and modified dates left to each document."""
    root = parse_xml(blob, label)
    if any(root.nsmap.get(prefix) != uri for prefix, uri in NS.items()):  # xsi:type needs "dcterms:"
        renamed = etree.Element(root.tag, nsmap={**NS, **{k: v for k, v in root.nsmap.items() if k}})
        renamed.extend(list(root))
        root = renamed
    for key, value in {**properties, "title": TITLE_TOKEN}.items():
        _element(root, "cp" if key == "keywords" else "dc", key).text = value
    for key in DATED:
        element = _element(root, "dcterms", key)
        element.set(f"{{{NS['xsi']}}}type", "dcterms:W3CDTF")
        element.text = DATE_TOKEN
    for key in UNSET:
        found = root.find(f"{{{NS['cp']}}}{key}")
        if found is not None:
            root.remove(found)
    return CoreProperties(to_bytes(root).decode("utf-8"))


def _element(root: etree._Element, prefix: str, key: str) -> etree._Element:
    tag = f"{{{NS[prefix]}}}{key}"
    found = root.find(tag)
    return found if found is not None else etree.SubElement(root, tag)


def today() -> datetime.date:
    """The date a document is made: today, or the day SOURCE_DATE_EPOCH names (the
    reproducible-builds convention, for byte-identical output)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), datetime.UTC).date()
    return datetime.date.today()
