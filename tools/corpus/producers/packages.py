"""Word packages as other Word editions save them: Word for the web, and Strict Open XML.

- web: Word for the web names the main part `word/document2.xml` (found only through the
  officeDocument relationship in `_rels/.rels`, with an absolute target), and gives
  relationships long random ids (`R3f1c...`) instead of `rId1`.
- strict: Word's "Strict Open XML Document". LibreOffice cannot write it, so the package
  is transformed here as Word does it: the purl.oclc.org namespaces and relationship
  types, `conformance="strict"`, `start`/`end` for left/right (jc, ind, borders, cell
  margins), percentages written with a % sign, and on/off values as true/false.
"""

from __future__ import annotations

import io
import random
import re
import zipfile

from lxml import etree

from ..item import Job

TRANSITIONAL = "http://schemas.openxmlformats.org/"
NAMESPACES = {  # transitional -> strict
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main": "http://purl.oclc.org/ooxml/wordprocessingml/main",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships": (
        "http://purl.oclc.org/ooxml/officeDocument/relationships"
    ),
    "http://schemas.openxmlformats.org/drawingml/2006/main": "http://purl.oclc.org/ooxml/drawingml/main",
    "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing": (
        "http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing"
    ),
    "http://schemas.openxmlformats.org/drawingml/2006/picture": "http://purl.oclc.org/ooxml/drawingml/picture",
    "http://schemas.openxmlformats.org/officeDocument/2006/math": "http://purl.oclc.org/ooxml/officeDocument/math",
    "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties": (
        "http://purl.oclc.org/ooxml/officeDocument/extendedProperties"
    ),
    "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes": (
        "http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes"
    ),
    "http://schemas.openxmlformats.org/officeDocument/2006/sharedTypes": (
        "http://purl.oclc.org/ooxml/officeDocument/sharedTypes"
    ),
}
RELATIONSHIP_TYPES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
STRICT_RELATIONSHIP_TYPES = "http://purl.oclc.org/ooxml/officeDocument/relationships/"
STRICT_W = NAMESPACES["http://schemas.openxmlformats.org/wordprocessingml/2006/main"]
SIDES = {"left": "start", "right": "end"}
PERCENT_TAGS = {"tblW", "tcW", "tblInd", "wAfter", "wBefore"}
ON_OFF = {"on": "true", "off": "false", "1": "true", "0": "false"}
ON_OFF_TAGS = {
    "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "vanish", "webHidden", "noProof",
    "keepNext", "keepLines", "pageBreakBefore", "widowControl", "contextualSpacing", "tblHeader", "cantSplit",
    "noWrap", "hideMark", "titlePg", "enabled", "calcOnExit", "checked", "default", "sizeAuto",
    "showingPlcHdr", "temporary",
}  # fmt: skip


def _read(docx: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        return {info.filename: package.read(info) for info in package.infolist()}


def _write(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return out.getvalue()


# --- Word for the web -----------------------------------------------------------------------


def web(job: Job) -> None:
    out = job.folder("web")
    for name in job.names:
        docx = (job.out / "docx" / f"{name}.docx").read_bytes()
        (out / f"{name}.docx").write_bytes(as_web(docx, job.rng("web", name)))


def as_web(docx: bytes, rng: random.Random) -> bytes:
    parts = _read(docx)
    renamed: dict[str, bytes] = {}
    ids = {}
    rels = parts["word/_rels/document.xml.rels"].decode("utf-8")
    for old in re.findall(r'Id="([^"]+)"', rels):
        ids[old] = "R" + "".join(rng.choice("0123456789abcdef") for _ in range(16))
    for name, data in parts.items():
        if name == "word/_rels/document.xml.rels":
            data = _rename_ids(data, ids)
            name = "word/_rels/document2.xml.rels"
        elif name == "word/document.xml":
            data = _rename_ids(data, ids)
            name = "word/document2.xml"
        elif name == "[Content_Types].xml":
            data = data.replace(b'PartName="/word/document.xml"', b'PartName="/word/document2.xml"')
        elif name == "_rels/.rels":
            data = re.sub(rb'Target="/?word/document\.xml"', b'Target="/word/document2.xml"', data)
        renamed[name] = data
    order = ["[Content_Types].xml", "_rels/.rels"]
    return _write({name: renamed[name] for name in order + sorted(set(renamed) - set(order))})


def _rename_ids(data: bytes, ids: dict[str, str]) -> bytes:
    text = data.decode("utf-8")
    for old, new in ids.items():
        text = re.sub(rf'((?:Id|r:id|r:embed|r:link|r:pict)="){re.escape(old)}"', rf'\g<1>{new}"', text)
    return text.encode("utf-8")


# --- Strict Open XML ------------------------------------------------------------------------


def strict(job: Job) -> None:
    out = job.folder("strict")
    for name in job.names:
        docx = (job.out / "docx" / f"{name}.docx").read_bytes()
        (out / f"{name}.docx").write_bytes(as_strict(docx))


def as_strict(docx: bytes) -> bytes:
    parts = _read(docx)
    out = {}
    for name, data in parts.items():
        if name.endswith(".rels"):
            data = data.replace(RELATIONSHIP_TYPES.encode(), STRICT_RELATIONSHIP_TYPES.encode())
            data = data.replace(
                b"http://purl.oclc.org/ooxml/officeDocument/relationships/extended-properties",
                b"http://purl.oclc.org/ooxml/officeDocument/relationships/extendedProperties",
            )
        elif name.endswith(".xml") and name != "[Content_Types].xml":
            data = _strict_part(data, document=name == "word/document.xml")
        out[name] = data
    return _write(out)


def _strict_part(data: bytes, *, document: bool) -> bytes:
    root = etree.fromstring(data)
    if not any(ns.startswith(TRANSITIONAL) for ns in root.nsmap.values() if ns):
        return data
    root = _renamespaced(root)
    for element in root.iter():
        if not isinstance(element.tag, str) or not element.tag.startswith(f"{{{STRICT_W}}}"):
            continue
        local = element.tag.split("}", 1)[1]
        val = f"{{{STRICT_W}}}val"
        if local == "jc" and element.get(val) in SIDES:
            element.set(val, SIDES[element.get(val, "")])
        if local in ("left", "right") and element.getparent() is not None:
            parent = element.getparent().tag.split("}", 1)[-1]
            if parent in ("pBdr", "tcBorders", "tblBorders", "tcMar", "tblCellMar"):
                element.tag = f"{{{STRICT_W}}}{SIDES[local]}"
        if local == "ind":
            for side, new in (("left", "start"), ("right", "end"), ("leftChars", "startChars")):
                old = element.get(f"{{{STRICT_W}}}{side}")
                if old is not None:
                    del element.attrib[f"{{{STRICT_W}}}{side}"]
                    element.set(f"{{{STRICT_W}}}{new}", old)
        if local in PERCENT_TAGS and element.get(f"{{{STRICT_W}}}type") == "pct":
            width = element.get(f"{{{STRICT_W}}}w", "0")
            if not width.endswith("%"):
                element.set(f"{{{STRICT_W}}}w", f"{int(width) / 50:g}%")
        if local in ON_OFF_TAGS and element.get(val) in ON_OFF:
            element.set(val, ON_OFF[element.get(val, "")])
    if document:
        root.set(f"{{{STRICT_W}}}conformance", "strict")
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _renamespaced(root: etree._Element) -> etree._Element:
    """The tree with transitional namespaces swapped for strict ones (same prefixes)."""
    text = etree.tostring(root).decode("utf-8")
    for old, new in NAMESPACES.items():
        text = text.replace(f'"{old}"', f'"{new}"')
    return etree.fromstring(text.encode("utf-8"))
