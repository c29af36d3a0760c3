"""A package's parts under the names the rest of the library reads: the main part found
through the package's relationships (Word for the web saves it as `word/document2.xml`),
and Strict Open XML (ISO/IEC 29500 Strict, `http://purl.oclc.org/ooxml/...`) mapped to
the transitional vocabulary, which names the same elements in other namespaces.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator, Mapping

from ..errors import UnsupportedFormat

MAIN_PART = "word/document.xml"
CONTENT_TYPES = "[Content_Types].xml"
PACKAGE_RELS = "_rels/.rels"
OFFICE_DOCUMENT = "/officeDocument"  # the end of the main part's relationship type, in both flavours

_STRICT = "http://purl.oclc.org/ooxml/"
_OPENXML = "http://schemas.openxmlformats.org/"
# Strict namespace -> transitional namespace (ECMA-376 Part 1, Annex A; Part 4 lists the
# transitional names). Only the namespace changes: elements keep their local names.
STRICT_NAMESPACES = {
    f"{_STRICT}wordprocessingml/main": f"{_OPENXML}wordprocessingml/2006/main",
    f"{_STRICT}officeDocument/relationships": f"{_OPENXML}officeDocument/2006/relationships",
    f"{_STRICT}officeDocument/math": f"{_OPENXML}officeDocument/2006/math",
    f"{_STRICT}officeDocument/sharedTypes": f"{_OPENXML}officeDocument/2006/sharedTypes",
    f"{_STRICT}officeDocument/bibliography": f"{_OPENXML}officeDocument/2006/bibliography",
    f"{_STRICT}officeDocument/characteristics": f"{_OPENXML}officeDocument/2006/characteristics",
    f"{_STRICT}officeDocument/customXml": f"{_OPENXML}officeDocument/2006/customXml",
    f"{_STRICT}officeDocument/docPropsVTypes": f"{_OPENXML}officeDocument/2006/docPropsVTypes",
    f"{_STRICT}officeDocument/extendedProperties": f"{_OPENXML}officeDocument/2006/extended-properties",
    f"{_STRICT}officeDocument/customProperties": f"{_OPENXML}officeDocument/2006/custom-properties",
    f"{_STRICT}schemaLibrary/main": f"{_OPENXML}schemaLibrary/2006/main",
    f"{_STRICT}drawingml/main": f"{_OPENXML}drawingml/2006/main",
    f"{_STRICT}drawingml/wordprocessingDrawing": f"{_OPENXML}drawingml/2006/wordprocessingDrawing",
    f"{_STRICT}drawingml/picture": f"{_OPENXML}drawingml/2006/picture",
    f"{_STRICT}drawingml/chart": f"{_OPENXML}drawingml/2006/chart",
    f"{_STRICT}drawingml/chartDrawing": f"{_OPENXML}drawingml/2006/chartDrawing",
    f"{_STRICT}drawingml/diagram": f"{_OPENXML}drawingml/2006/diagram",
    f"{_STRICT}drawingml/lockedCanvas": f"{_OPENXML}drawingml/2006/lockedCanvas",
    f"{_STRICT}drawingml/compatibility": f"{_OPENXML}drawingml/2006/compatibility",
}
# Relationship types: the same names under a new root, except these two
_STRICT_RELATIONSHIPS = f"{_STRICT}officeDocument/relationships/"
_TRANSITIONAL_RELATIONSHIPS = f"{_OPENXML}officeDocument/2006/relationships/"
_RENAMED_RELATIONSHIPS = {
    "extendedProperties": "extended-properties",
    "customProperties": "custom-properties",
}
_QUOTED_STRICT = re.compile(rb"""(["'])(http://purl\.oclc\.org/ooxml/[^"'\s]*)\1""")
_RELATIONSHIP = re.compile(rb"<(?:\w+:)?Relationship\b[^>]*>")
_ROOT = re.compile(rb"(?:\xef\xbb\xbf)?\s*(?:<\?.*?\?>\s*|<!--.*?-->\s*)*<(?:[\w.-]+:)?([\w.-]+)", re.DOTALL)


def normalise_package(parts: Mapping[str, bytes], label: str) -> Mapping[str, bytes]:
    """`parts` as the reader expects them: transitional namespaces, and the main part at
    `word/document.xml` (with its relationships and content type renamed to match).
    Only the package relationships and the main part are read to work this out.
    Raises `UnsupportedFormat` when the package has no WordprocessingML main part."""
    strict = _STRICT.encode() in parts.get(PACKAGE_RELS, b"")
    main = main_part_name(parts)
    if main is None:
        raise UnsupportedFormat(f"{label}: not a Word .docx (no main document part)")
    view = _Normalised(parts, strict)
    if main != MAIN_PART:
        view.rename(main, MAIN_PART)
    if _root_name(view[MAIN_PART]) not in (b"document", b""):  # an .xlsx's is a workbook
        raise UnsupportedFormat(f"{label}: not a Word .docx (its main part is not WordprocessingML)")
    return view


class _Normalised(Mapping[str, bytes]):
    """A package's parts under the reader's names, Strict ones mapped to transitional as
    each is read."""

    def __init__(self, parts: Mapping[str, bytes], strict: bool) -> None:
        self._parts = parts
        self._strict = strict
        self._names = {name: name for name in parts}  # the reader's name -> the package's
        self._rewritten: dict[str, bytes] = {}

    def rename(self, old: str, new: str) -> None:
        """Part `old` (and its relationships part) under `new`, the references to it in the
        package relationships and content types updated; a part already at `new` that the
        package does not use is set aside under another name."""
        moves = {old: new, _rels_of(old): _rels_of(new)}
        names: dict[str, str] = {}
        for shown, stored in self._names.items():
            if shown in (new, _rels_of(new)) and shown not in moves:
                names[f"{shown}.unused"] = stored
            else:
                names[moves.get(shown, shown)] = stored
        self._names = names
        for holder in (PACKAGE_RELS, CONTENT_TYPES):
            if holder in names:
                self._rewritten[holder] = _retarget(self[holder], old, new)

    def __getitem__(self, name: str) -> bytes:
        if name in self._rewritten:
            return self._rewritten[name]
        blob = self._parts[self._names[name]]
        return _transitional(blob) if self._strict and _is_xml(name) else blob

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


def _root_name(xml: bytes) -> bytes:
    """The local name of a part's first element, from its first bytes; b"" when that
    cannot be told so (the reader parses the part and says what is wrong with it)."""
    found = _ROOT.match(xml[:4096])
    return found.group(1) if found else b""


def main_part_name(parts: Mapping[str, bytes]) -> str | None:
    """The main part, as the package's officeDocument relationship names it; the usual
    name when the package has no relationships part."""
    rels = parts.get(PACKAGE_RELS)
    if rels is None:
        return MAIN_PART if MAIN_PART in parts else None
    for match in _RELATIONSHIP.finditer(rels):
        element = match.group().decode("utf-8", "replace")
        kind = _attribute(element, "Type")
        target = _attribute(element, "Target")
        mode = _attribute(element, "TargetMode")
        if kind.endswith(OFFICE_DOCUMENT) and target and mode != "External":
            name = posixpath.normpath(target.lstrip("/"))
            return name if name in parts else None
    return None


def _attribute(element: str, name: str) -> str:
    found = re.search(rf"""\b{name}\s*=\s*(["'])(.*?)\1""", element)
    return found.group(2) if found else ""


def _is_xml(name: str) -> bool:
    return name.endswith((".xml", ".rels"))


def _transitional(blob: bytes) -> bytes:
    """One XML part with every Strict namespace and relationship type replaced."""

    def swap(match: re.Match[bytes]) -> bytes:
        quote, uri = match.group(1), match.group(2).decode("ascii", "replace")
        mapped = STRICT_NAMESPACES.get(uri)
        if mapped is None and uri.startswith(_STRICT_RELATIONSHIPS):
            kind = uri.removeprefix(_STRICT_RELATIONSHIPS)
            mapped = _TRANSITIONAL_RELATIONSHIPS + _RENAMED_RELATIONSHIPS.get(kind, kind)
        if mapped is None:
            return match.group()
        return quote + mapped.encode("ascii") + quote

    return _QUOTED_STRICT.sub(swap, blob)


def _rels_of(name: str) -> str:
    folder, base = posixpath.split(name)
    return posixpath.join(folder, "_rels", f"{base}.rels")


def _retarget(blob: bytes, old: str, new: str) -> bytes:
    """References to `old` (as "/word/document2.xml" or "word/document2.xml") made to `new`."""
    pattern = re.compile(rb"""(["'])/?""" + re.escape(old.encode()) + rb"""\1""")
    return pattern.sub(lambda m: m.group(1) + b"/" + new.encode() + m.group(1), blob)
