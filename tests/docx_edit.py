"""Editing rendered documents the way Word does, for tests: runs, tracked changes, cells."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"


def edit_document_xml(docx: bytes, change: Callable[[etree._Element], None]) -> bytes:
    """Apply `change` to word/document.xml and return the new .docx bytes."""
    source = zipfile.ZipFile(io.BytesIO(docx))
    root = etree.fromstring(source.read("word/document.xml"))
    change(root)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            target.writestr(item, data)
    return out.getvalue()


def bookmark_runs(root: etree._Element, name: str) -> tuple[etree._Element, list[etree._Element]]:
    """The bookmarkStart named `name` and the runs up to its bookmarkEnd."""
    start = next(b for b in root.iter(f"{W}bookmarkStart") if b.get(f"{W}name") == name)
    runs = []
    node = start.getnext()
    while node is not None and node.tag != f"{W}bookmarkEnd":
        runs.append(node)
        node = node.getnext()
    return start, runs


def run(text: str, bold: bool = False) -> etree._Element:
    r = etree.Element(f"{W}r")
    if bold:
        etree.SubElement(etree.SubElement(r, f"{W}rPr"), f"{W}b")
    t = etree.SubElement(r, f"{W}t")
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    t.text = text
    return r


def tracked(kind: str, text: str) -> etree._Element:
    """A tracked insertion (w:ins) or deletion (w:del) holding one run."""
    wrapper = etree.Element(f"{W}{kind}", {f"{W}id": "901", f"{W}author": "Reviewer"})
    r = etree.SubElement(wrapper, f"{W}r")
    t = etree.SubElement(r, f"{W}delText" if kind == "del" else f"{W}t")
    t.text = text
    return wrapper


def retype(root: etree._Element, name: str, pieces: list[etree._Element]) -> None:
    """Replace what sits inside a bookmark by new runs, as typing in Word does."""
    start, runs = bookmark_runs(root, name)
    parent = start.getparent()
    assert parent is not None
    for old in runs:
        parent.remove(old)
    position = parent.index(start) + 1
    for offset, piece in enumerate(pieces):
        parent.insert(position + offset, piece)


def add_paragraph_in_cell(root: etree._Element, name: str, text: str) -> None:
    """Press Enter at the end of a cell answer and type another paragraph."""
    start, _ = bookmark_runs(root, name)
    cell = next(a for a in start.iterancestors() if a.tag == f"{W}tc")
    paragraph = etree.SubElement(cell, f"{W}p")
    paragraph.append(run(text))
