"""What every template gets when it is compiled, whoever made it: valid Office Open XML
and the layout a manager expects when the document is printed and signed.

- Property elements in the order the schema demands (Word offers to "repair" others).
- Table rows that do not break across pages; a table's heading rows repeated on each page.
- Signature rows with room to sign by hand.
- Answers to printed questions on a line of their own (the pack says which).
- The annex of further details before the signature block, unless the template places it.

Applied to the XML tree of a template part before it is compiled (`docx/template.py`).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from lxml import etree

from .bookmarks import static_name
from .xml import W, parse_xml, to_bytes

SETTINGS = "word/settings.xml"
PACKAGE_RELS = "_rels/.rels"
THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"

# Child order of the property elements, from ECMA-376 Part 1 (transitional schemas).
SCHEMA_ORDER: dict[str, tuple[str, ...]] = {
    "tblPr": (
        *("tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize"),
        *("tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar"),
        *("tblLook", "tblCaption", "tblDescription", "tblPrChange"),
    ),
    "tcPr": (
        *("cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar"),
        *("textDirection", "tcFitText", "vAlign", "hideMark", "headers", "cellIns", "cellDel"),
        *("cellMerge", "tcPrChange"),
    ),
    "pPr": (
        *("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr"),
        *("suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap"),
        *("overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd"),
        *("snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc"),
        *("textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle"),
        *("rPr", "sectPr", "pPrChange"),
    ),
    "rPr": (
        *("ins", "del", "moveFrom", "moveTo", "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps"),
        *("smallCaps", "strike", "dstrike", "outline", "shadow", "emboss", "imprint", "noProof"),
        *("snapToGrid", "vanish", "webHidden", "color", "spacing", "w", "kern", "position", "sz"),
        *("szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em"),
        *("lang", "eastAsianLayout", "specVanish", "oMath", "rPrChange"),
    ),
    "sectPr": (
        *("headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar"),
        *("paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign"),
        *("noEndnote", "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings"),
        *("sectPrChange",),
    ),
    "tblBorders": ("top", "left", "start", "bottom", "right", "end", "insideH", "insideV"),
    "tcBorders": ("top", "left", "start", "bottom", "right", "end", "insideH", "insideV", "tl2br", "tr2bl"),
    "pBdr": ("top", "left", "bottom", "right", "between", "bar"),
}
SIGNATURE_ROW_TWIPS = 850  # 1.5 cm: room for a handwritten signature
SIGNATURE_SPACE_TWIPS = 480  # space above a signature line that is not in a table
MAX_HEADER_ROWS = 3
MAX_KEPT_ROWS = 8  # a signature table this short stays on one page
DEFAULT_TEXT_WIDTH = 9026  # twips between the margins of A4 with 2.54 cm margins
ANNEX_TAG = "{{ annex }}"


@dataclass(frozen=True)
class LayoutHints:
    """What the pack knows about a document's fields that layout needs: which fields are
    signatures, and which answers start on a line of their own after a printed question."""

    signatures: Collection[str] = ()
    new_line: Collection[str] = ()


def schema_order(root: etree._Element) -> None:
    """Reorder the children of property elements as the schema requires (stable; an
    element the table does not know keeps its place after the one before it)."""
    for name, order in SCHEMA_ORDER.items():
        rank = {f"{W}{child}": index for index, child in enumerate(order)}
        for element in root.iter(f"{W}{name}"):
            children = list(element)
            if len(children) < 2:
                continue
            keys: list[float] = []
            last = -1.0
            for child in children:
                last = float(rank[child.tag]) if child.tag in rank else last + 0.001
                keys.append(last)
            if keys != sorted(keys):
                ordered = [
                    child for _, _, child in sorted(zip(keys, range(len(children)), children, strict=True))
                ]
                for child in children:
                    element.remove(child)
                element.extend(ordered)


def tidy_package(parts: dict[str, bytes], label: str) -> None:
    """Fix the static parts in place: `w:zoom` must say a percentage (python-docx's
    default template leaves it out), and a stored thumbnail (a blank page in python-docx's
    template, a stale one in any other) is dropped so file browsers draw the real page."""
    settings = parts.get(SETTINGS)
    if settings is not None:
        root = parse_xml(settings, label)
        zooms = [z for z in root.iter(f"{W}zoom") if z.get(f"{W}percent") is None]
        for zoom in zooms:
            zoom.set(f"{W}percent", "100")
        if zooms:
            parts[SETTINGS] = to_bytes(root)
    rels = parts.get(PACKAGE_RELS)
    if rels is None:
        return
    root = parse_xml(rels, label)
    for relation in list(root):
        if relation.get("Type") == THUMBNAIL and relation.get("TargetMode") != "External":
            target = relation.get("Target", "").lstrip("/")
            if parts.pop(target, None) is not None:
                root.remove(relation)
    parts[PACKAGE_RELS] = to_bytes(root)


def lay_out_body(root: etree._Element, hints: LayoutHints, *, place_annex: bool) -> list[tuple[str, ...]]:
    """The layout rules for a body (or a header or footer) whose fields are bookmarked.
    Returns the heading rows that now repeat on every page, as their cells' text (a reader
    of the printed pages sees them again: they are never answers)."""
    signature_marks = {static_name(path) for path in hints.signatures}
    repeated: list[tuple[str, ...]] = []
    if place_annex:  # first: it may split a table, and the rules below apply to each part
        place_annex_before_signatures(root, signature_marks)
    for table in root.iter(f"{W}tbl"):
        rows = table.findall(f"{W}tr")
        for row in rows:
            _set_row_property(row, "cantSplit")
        for row in _heading_rows(rows):
            _set_row_property(row, "tblHeader")
            repeated.append(tuple(text for cell in row.findall(f"{W}tc") if (text := _text(cell).strip())))
        signing = [row for row in rows if _marks(row) & signature_marks]
        for row in signing:
            _room_to_sign(row)
        if signing and len(rows) <= MAX_KEPT_ROWS:
            _keep_together(rows)
    for paragraph in root.iter(f"{W}p"):
        if _marks(paragraph) & signature_marks and not any(
            a.tag == f"{W}tc" for a in paragraph.iterancestors()
        ):
            _space_before(paragraph, SIGNATURE_SPACE_TWIPS)
    new_line_marks = {static_name(path) for path in hints.new_line}
    for start in list(root.iter(f"{W}bookmarkStart")):
        if start.get(f"{W}name") in new_line_marks:
            _break_before(start)
    schema_order(root)
    return repeated


def text_width(root: etree._Element) -> int:
    """The width between the margins of the body's last section, in twips."""
    section = root.find(f"{W}body/{W}sectPr")
    size = section.find(f"{W}pgSz") if section is not None else None
    margins = section.find(f"{W}pgMar") if section is not None else None
    try:
        width = int(size.get(f"{W}w", "")) if size is not None else 0
        left = int(margins.get(f"{W}left", "0")) if margins is not None else 0
        right = int(margins.get(f"{W}right", "0")) if margins is not None else 0
    except ValueError:
        return DEFAULT_TEXT_WIDTH
    usable = width - left - right
    return usable if 1440 <= usable <= 31680 else DEFAULT_TEXT_WIDTH


def _text(element: etree._Element) -> str:
    return "".join(t.text or "" for t in element.iter(f"{W}t"))


def _marks(element: etree._Element) -> set[str]:
    return {b.get(f"{W}name", "") for b in element.iter(f"{W}bookmarkStart")}


def _row_properties(row: etree._Element) -> etree._Element:
    properties = row.find(f"{W}trPr")
    if properties is None:
        properties = etree.Element(f"{W}trPr")
        position = 1 if len(row) and row[0].tag == f"{W}tblPrEx" else 0
        row.insert(position, properties)
    return properties


def _set_row_property(row: etree._Element, name: str) -> None:
    properties = _row_properties(row)
    if properties.find(f"{W}{name}") is None:
        properties.insert(0, etree.Element(f"{W}{name}"))


def _is_heading_row(row: etree._Element) -> bool:
    """Printed text only (no field, no loop), in cells that are all shaded or all bold."""
    if row.find(f".//{W}bookmarkStart") is not None or "{" in _text(row):
        return False
    cells = row.findall(f"{W}tc")
    if not cells or not _text(row).strip():
        return False
    return all(_shaded(cell) or _bold(cell) for cell in cells)


def _shaded(cell: etree._Element) -> bool:
    shading = cell.find(f"{W}tcPr/{W}shd")
    fill = shading.get(f"{W}fill", "auto") if shading is not None else "auto"
    return fill.lower() not in ("auto", "ffffff")


def _bold(cell: etree._Element) -> bool:
    runs = [r for r in cell.iter(f"{W}r") if _text(r).strip()]
    return bool(runs) and all(r.find(f"{W}rPr/{W}b") is not None for r in runs)


def _heading_rows(rows: list[etree._Element]) -> list[etree._Element]:
    """A table's leading heading rows, to repeat on each page: only when the table has
    rows after them and no heading rows further down (a table of several sections)."""
    count = 0
    while count < len(rows) and count < MAX_HEADER_ROWS and _is_heading_row(rows[count]):
        count += 1
    if count == 0 or count == len(rows) or any(_is_heading_row(row) for row in rows[count:]):
        return []
    return rows[:count]


def _keep_together(rows: list[etree._Element]) -> None:
    """Each row kept with the next (Word's way of keeping a short table on one page)."""
    for row in rows[:-1]:
        for paragraph in row.iter(f"{W}p"):
            properties = paragraph.find(f"{W}pPr")
            if properties is None:
                properties = etree.Element(f"{W}pPr")
                paragraph.insert(0, properties)
            if properties.find(f"{W}keepNext") is None:
                properties.insert(0, etree.Element(f"{W}keepNext"))


def _room_to_sign(row: etree._Element) -> None:
    properties = _row_properties(row)
    height = properties.find(f"{W}trHeight")
    if height is None:
        height = etree.SubElement(properties, f"{W}trHeight")
    if int(height.get(f"{W}val", "0")) < SIGNATURE_ROW_TWIPS:
        height.set(f"{W}val", str(SIGNATURE_ROW_TWIPS))
        height.set(f"{W}hRule", "atLeast")


def _space_before(paragraph: etree._Element, twips: int) -> None:
    properties = paragraph.find(f"{W}pPr")
    if properties is None:
        properties = etree.Element(f"{W}pPr")
        paragraph.insert(0, properties)
    spacing = properties.find(f"{W}spacing")
    if spacing is None:
        spacing = etree.SubElement(properties, f"{W}spacing")
    if int(spacing.get(f"{W}before", "0")) < twips:
        spacing.set(f"{W}before", str(twips))


def _break_before(start: etree._Element) -> None:
    """A line break before a field, when printed text comes before it in its paragraph."""
    parent = start.getparent()
    if parent is None:
        return
    before = list(parent)[: parent.index(start)]
    if not any(_text(e).strip() for e in before if e.tag == f"{W}r"):
        return
    run = etree.Element(f"{W}r")
    etree.SubElement(run, f"{W}br")
    start.addprevious(run)


def place_annex_before_signatures(root: etree._Element, signature_marks: set[str]) -> None:
    """Put the annex tag before the signature block: before the first block holding a
    signature field (and the heading that leads into it), splitting its table when the
    signatures are its last rows; at the end of the body when there are no signatures."""
    body = root.find(f"{W}body")
    if body is None:
        return
    blocks = [child for child in body if child.tag != f"{W}sectPr"]
    target = next((b for b in blocks if _marks(b) & signature_marks), None)
    if target is None:
        _tag_after(body, blocks[-1] if blocks else None)
        return
    if target.tag == f"{W}tbl":
        rows = target.findall(f"{W}tr")
        first = next(i for i, row in enumerate(rows) if _marks(row) & signature_marks)
        if any(not _is_heading_row(row) for row in rows[:first]):
            target = _split_table(target, rows[first])
    previous = target.getprevious()
    while previous is not None and _is_lead_in(previous):
        target = previous
        previous = target.getprevious()
    _tag_after(body, target.getprevious())


def _is_lead_in(element: etree._Element) -> bool:
    """A heading paragraph kept with what follows it (such as "Signatures")."""
    return (
        element.tag == f"{W}p"
        and element.find(f"{W}pPr/{W}keepNext") is not None
        and element.find(f".//{W}bookmarkStart") is None
        and bool(_text(element).strip())
    )


def _split_table(table: etree._Element, first: etree._Element) -> etree._Element:
    """Move `first` and the rows after it into a new table just after `table`."""
    from copy import deepcopy

    tail = etree.Element(f"{W}tbl")
    for part in ("tblPr", "tblGrid"):
        found = table.find(f"{W}{part}")
        if found is not None:
            tail.append(deepcopy(found))
    moving = [first, *first.itersiblings()]
    for element in moving:
        tail.append(element)  # Jinja text between rows (tails) moves with its row
    table.addnext(tail)
    return tail


def _tag_after(body: etree._Element, anchor: etree._Element | None) -> None:
    if anchor is None:
        body.text = (body.text or "") + ANNEX_TAG
    else:
        anchor.tail = (anchor.tail or "") + ANNEX_TAG
