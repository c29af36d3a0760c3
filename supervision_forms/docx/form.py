"""A council's blank form as paragraphs and tables, and the edits that turn its answer places
into template tags while leaving everything else as it was.

`open_form` reads word/document.xml into `FormParagraph`s (their visible text, each
character traced to the element that shows it) and `FormTable`s (rows, cells, grid
columns, merges). The edits put a run holding a tag where text was (dot leaders, a
prompt, tick boxes), after a label, or in an empty paragraph, and turn a table's empty
rows into a row loop. `Form.to_bytes` writes the package back with only
word/document.xml changed: styles, numbering, images, headers and footers keep their bytes.
"""

from __future__ import annotations

import copy
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from lxml import etree

from .package import DocxPackage, read_package
from .reader import grid_before, merging
from .xml import XML_SPACE, W, parse_xml, to_bytes

BOX = "☐"  # every kind of tick box reads as this
TICKED = "☒"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
SKIPPED = {f"{W}del", f"{W}moveFrom", f"{W}instrText", f"{W}delText", f"{W}rPr", f"{W}pPr", MC_FALLBACK}
SKIPPED |= {f"{W}txbxContent", f"{W}drawing", f"{W}pict", f"{W}object", f"{W}sdtPr", f"{W}sdtEndPr"}
BOX_SYMBOLS = {"F06F", "F071", "F0A8", "F0A3", "F072", "F0FE", "F0FD", "F078", "F052", "F054", "F0A2"}
TICK_SYMBOLS = {"F0FE", "F0FD", "F078", "F052", "F054"}
BOX_LETTERS = {"o", "q", "¨", "£"}  # how Wingdings fonts draw an empty box
AtomKind = Literal["text", "tab", "break", "box", "leader"]


@dataclass
class Atom:
    """A stretch of a paragraph's text and the element that shows it."""

    start: int
    end: int
    element: etree._Element  # w:t, w:tab, w:br, w:sym, or the run of a legacy check box
    kind: AtomKind
    run: etree._Element | None  # the w:r it is in
    bold: bool = False


@dataclass
class FormParagraph:
    """One paragraph of the form: its visible text and where each character comes from."""

    element: etree._Element
    text: str
    atoms: list[Atom]
    source: str
    number: int  # 0-based, in document order
    bold: bool  # all its letters are bold
    quiet: bool  # all its letters are italic or grey: a hint, not printed text to keep
    heading: bool  # a heading or title style
    listed: bool  # a numbered or bulleted list item
    cell: FormCell | None = None

    @property
    def empty(self) -> bool:
        return not self.text.strip()

    @property
    def bold_lead(self) -> str:
        """The bold words a paragraph starts with, when more text follows them."""
        end = 0
        for atom in self.atoms:
            if atom.kind == "text" and not atom.bold and self.text[atom.start : atom.end].strip():
                break
            end = atom.end
        lead = self.text[:end].strip()
        return lead if lead and end < len(self.text.rstrip()) else ""


@dataclass
class FormCell:
    element: etree._Element
    row: FormRow
    column: int  # first grid column, 0-based
    span: int
    continues: bool  # the lower part of a vertically merged cell
    number: int  # 1-based in its row
    blocks: list[FormParagraph | FormTable] = field(default_factory=list)

    @property
    def paragraphs(self) -> list[FormParagraph]:
        return [b for b in self.blocks if isinstance(b, FormParagraph)]

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs).strip()

    @property
    def end(self) -> int:
        return self.column + self.span


@dataclass
class FormRow:
    element: etree._Element
    table: FormTable
    index: int  # 0-based
    cells: list[FormCell] = field(default_factory=list)

    def at(self, column: int) -> FormCell | None:
        """The cell covering a grid column."""
        return next((c for c in self.cells if c.column <= column < c.end), None)


@dataclass
class FormTable:
    element: etree._Element
    number: int  # 1-based, in document order
    cell: FormCell | None  # the cell it is nested in
    rows: list[FormRow] = field(default_factory=list)


Block = FormParagraph | FormTable


@dataclass
class Form:
    """A blank form: its package, its document XML (edited in place) and what it holds."""

    package: DocxPackage
    root: etree._Element
    blocks: list[Block]
    paragraphs: list[FormParagraph]
    tables: list[FormTable]
    styles: _Styles = field(repr=False)

    def reread(self, paragraph: FormParagraph) -> None:
        """Read a paragraph's text and atoms again after an edit."""
        fresh = _Walker(self.styles).paragraph(paragraph.element)
        paragraph.text, paragraph.atoms = fresh.text, fresh.atoms

    changed: dict[str, bytes] = field(default_factory=dict, repr=False)

    def to_bytes(self) -> bytes:
        """The package with the edited document part; every other part byte for byte (but
        those `drop_attached_template` changed)."""
        return _rezip(self.package, {**self.changed, "word/document.xml": to_bytes(self.root)})

    def drop_attached_template(self) -> bool:
        """Unlink the template Word would fetch when the form opens (its look stays: the
        styles are in the form). Whether there was one."""
        name = "word/_rels/settings.xml.rels"
        blob = self.package.parts.get(name)
        if blob is None:
            return False
        rels = parse_xml(blob, name)
        gone = [r for r in rels if r.get("Type", "").endswith("/attachedTemplate")]
        for relationship in gone:
            rels.remove(relationship)
        if not gone:
            return False
        self.changed[name] = to_bytes(rels)
        settings = self.package.parts.get("word/settings.xml")
        if settings is not None:
            root = parse_xml(settings, "settings")
            for element in list(root.iter(f"{W}attachedTemplate")):
                _drop(element)
            self.changed["word/settings.xml"] = to_bytes(root)
        return True


def open_form(data: bytes, label: str = "form") -> Form:
    """Read a .docx's body for editing (safely: sizes, XML, zip checks of `read_package`)."""
    package = read_package(data, label)
    root = parse_xml(package.parts["word/document.xml"], label)
    styles = _Styles(package, label)
    walker = _Walker(styles)
    body = root.find(f"{W}body")
    if body is not None:
        walker.blocks(body, walker.top)
    return Form(package, root, walker.top, walker.paragraphs, walker.tables, styles)


# --- reading ---------------------------------------------------------------------------


class _Styles:
    """Which paragraph and character styles are bold or headings (following basedOn)."""

    def __init__(self, package: DocxPackage, label: str) -> None:
        self.bold: dict[str, bool] = {}
        self.based: dict[str, str] = {}
        self.names: dict[str, str] = {}
        blob = package.parts.get("word/styles.xml")
        if not blob:
            return
        for style in parse_xml(blob, label).iter(f"{W}style"):
            sid = style.get(f"{W}styleId", "")
            name = style.find(f"{W}name")
            self.names[sid] = (name.get(f"{W}val", "") if name is not None else sid).casefold()
            based = style.find(f"{W}basedOn")
            if based is not None:
                self.based[sid] = based.get(f"{W}val", "")
            props = style.find(f"{W}rPr")
            flag = props.find(f"{W}b") if props is not None else None
            if flag is not None:
                self.bold[sid] = _on(flag)

    def is_bold(self, sid: str | None) -> bool:
        seen = 0
        while sid and seen < 20:
            if sid in self.bold:
                return self.bold[sid]
            sid = self.based.get(sid)
            seen += 1
        return False

    def is_heading(self, sid: str | None) -> bool:
        name = self.names.get(sid or "", "")
        return name.startswith(("heading", "title", "subtitle"))


def _on(flag: etree._Element) -> bool:
    return flag.get(f"{W}val", "true") not in ("0", "false", "off")


class _Walker:
    def __init__(self, styles: _Styles) -> None:
        self.styles = styles
        self.top: list[Block] = []
        self.paragraphs: list[FormParagraph] = []
        self.tables: list[FormTable] = []
        self.position: tuple[int, int, int] | None = None
        self.cell: FormCell | None = None

    def blocks(self, parent: etree._Element, into: list[Block]) -> None:
        for child in parent:
            tag = child.tag
            if tag == f"{W}p":
                into.append(self.paragraph(child))
            elif tag == f"{W}tbl":
                into.append(self.table(child))
            elif tag in (f"{W}sdt", f"{W}customXml"):
                content = child.find(f"{W}sdtContent")
                self.blocks(content if content is not None else child, into)

    def table(self, element: etree._Element) -> FormTable:
        table = FormTable(element, len(self.tables) + 1, self.cell)
        self.tables.append(table)
        for index, tr in enumerate(_children(element, "tr")):
            row = FormRow(tr, table, index)
            table.rows.append(row)
            column = grid_before(tr)
            for number, tc in enumerate(_children(tr, "tc"), 1):
                span, continues = merging(tc)
                cell = FormCell(tc, row, column, span, continues, number)
                column += span
                row.cells.append(cell)
                saved, saved_cell = self.position, self.cell
                self.position, self.cell = (table.number, index + 1, number), cell
                self.blocks(tc, cell.blocks)
                self.position, self.cell = saved, saved_cell
        return table

    def paragraph(self, element: etree._Element) -> FormParagraph:
        atoms: list[Atom] = []
        texts: list[str] = []
        letters = [0, 0, 0]  # bold letters, all letters, italic or grey letters
        props = element.find(f"{W}pPr")
        style = props.find(f"{W}pStyle") if props is not None else None
        sid = style.get(f"{W}val") if style is not None else None
        leaders = _leader_tabs(props)
        _Inline(self.styles, atoms, texts, letters, sid, leaders).walk(element, None)
        text = "".join(texts)
        number = len(self.paragraphs)
        source = (
            f"table {self.position[0]}, row {self.position[1]}, cell {self.position[2]}"
            if self.position
            else f"paragraph {number + 1}"
        )
        listed = props is not None and props.find(f"{W}numPr") is not None
        paragraph = FormParagraph(
            element,
            text,
            atoms,
            source,
            number,
            bold=letters[1] > 0 and letters[0] == letters[1],
            quiet=letters[1] > 0 and letters[2] == letters[1],
            heading=self.styles.is_heading(sid),
            listed=listed or bool(sid and "list" in self.styles.names.get(sid, "")),
            cell=self.cell,
        )
        self.paragraphs.append(paragraph)
        return paragraph


@dataclass
class _Inline:
    """Collects a paragraph's atoms: text, tabs, breaks, tick boxes and leader tabs."""

    styles: _Styles
    atoms: list[Atom]
    texts: list[str]
    letters: list[int]
    style: str | None
    leader_tabs: int  # tabs in this paragraph's tab stops that draw a leader
    tabs_seen: int = 0

    def walk(self, element: etree._Element, run: etree._Element | None) -> None:
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag in SKIPPED:
                continue
            if tag == f"{W}r":
                self.walk(child, child)
            elif tag == f"{W}t":
                self._text(child, run)
            elif tag in (f"{W}tab", f"{W}ptab"):
                self.tabs_seen += 1
                leader = self.tabs_seen <= self.leader_tabs or _underlined(run)
                self._emit("\t", child, run, "leader" if leader else "tab")
            elif tag in (f"{W}br", f"{W}cr"):
                self._emit("\n", child, run, "break")
            elif tag == f"{W}sym":
                code = child.get(f"{W}char", "").upper()
                if code in BOX_SYMBOLS:
                    self._emit(TICKED if code in TICK_SYMBOLS else BOX, child, run, "box")
            elif tag == f"{W}fldChar":
                self._field_char(child, run)
            elif tag == f"{W}sdt":
                content = child.find(f"{W}sdtContent")
                if content is not None:
                    self.walk(content, run)
            else:
                self.walk(child, run)

    def _text(self, element: etree._Element, run: etree._Element | None) -> None:
        text = element.text or ""
        if not text:
            return
        if run is not None and _font(run).startswith("wingdings") and text.strip() in BOX_LETTERS:
            self._emit(BOX, element, run, "box")
            return
        bold = self._bold(run)
        count = sum(1 for c in text if c.isalnum())
        self.letters[1] += count
        self.letters[0] += count if bold else 0
        self.letters[2] += count if _quiet(run) else 0
        kind: AtomKind = "leader" if run is not None and not text.strip() and _underlined(run) else "text"
        self._emit(text, element, run, kind, bold)

    def _field_char(self, element: etree._Element, run: etree._Element | None) -> None:
        kind = element.get(f"{W}fldCharType")
        data = element.find(f"{W}ffData")
        if kind == "begin" and data is not None and data.find(f"{W}checkBox") is not None:
            box = data.find(f"{W}checkBox")
            ticked = box is not None and any(
                _on(c) for c in box if str(c.tag).endswith(("}checked", "}default"))
            )
            self._emit(TICKED if ticked else BOX, run if run is not None else element, run, "box")

    def _emit(
        self,
        text: str,
        element: etree._Element,
        run: etree._Element | None,
        kind: AtomKind,
        bold: bool = False,
    ) -> None:
        start = sum(len(t) for t in self.texts)
        self.texts.append(text)
        self.atoms.append(Atom(start, start + len(text), element, kind, run, bold))

    def _bold(self, run: etree._Element | None) -> bool:
        props = run.find(f"{W}rPr") if run is not None else None
        flag = props.find(f"{W}b") if props is not None else None
        if flag is not None:
            return _on(flag)
        style = props.find(f"{W}rStyle") if props is not None else None
        if style is not None and self.styles.is_bold(style.get(f"{W}val")):
            return True
        return self.styles.is_bold(self.style)


def _quiet(run: etree._Element | None) -> bool:
    """Italic, grey or a placeholder style: how forms print hints where the answer goes."""
    props = run.find(f"{W}rPr") if run is not None else None
    if props is None:
        return False
    italic = props.find(f"{W}i")
    if italic is not None and _on(italic):
        return True
    style = props.find(f"{W}rStyle")
    if style is not None and "placeholder" in style.get(f"{W}val", "").casefold():
        return True
    color = props.find(f"{W}color")
    value = (color.get(f"{W}val", "") if color is not None else "").upper()
    return len(value) == 6 and value != "000000" and len(set(value[0::2])) == 1 and value[0] in "6789AB"


def _font(run: etree._Element) -> str:
    props = run.find(f"{W}rPr")
    fonts = props.find(f"{W}rFonts") if props is not None else None
    if fonts is None:
        return ""
    return (fonts.get(f"{W}ascii") or fonts.get(f"{W}hAnsi") or fonts.get(f"{W}cs") or "").casefold()


def _underlined(run: etree._Element | None) -> bool:
    props = run.find(f"{W}rPr") if run is not None else None
    line = props.find(f"{W}u") if props is not None else None
    return line is not None and line.get(f"{W}val", "single") != "none"


def _leader_tabs(props: etree._Element | None) -> int:
    """How many of the paragraph's own tab stops draw dots, dashes or a line (leaders)."""
    tabs = props.find(f"{W}tabs") if props is not None else None
    if tabs is None:
        return 0
    stops = [t for t in tabs.iterchildren(f"{W}tab") if t.get(f"{W}val") != "clear"]
    leading = [t.get(f"{W}leader", "none") not in ("none", "") for t in stops]
    return len(leading) if leading and all(leading) else 0


def _children(element: etree._Element, local: str) -> list[etree._Element]:
    """Rows of a table or cells of a row, including those inside content controls."""
    found: list[etree._Element] = []
    for child in element:
        if child.tag == f"{W}{local}":
            found.append(child)
        elif child.tag in (f"{W}sdt", f"{W}customXml"):
            content = child.find(f"{W}sdtContent")
            found.extend(_children(content if content is not None else child, local))
    return found


# --- editing ---------------------------------------------------------------------------


PLAIN_OFF = ("b", "bCs", "i", "iCs", "u", "caps", "smallCaps", "highlight", "color", "rStyle", "vanish")


def replace_text(paragraph: FormParagraph, start: int, end: int, text: str, *, plain: bool = False) -> None:
    """Put a run holding `text` where the paragraph shows characters [start, end) (which
    are removed), styled like the first of them (`plain`: without bold, italics, underline
    or colour). With start == end, the run is inserted at that point."""
    atoms = [a for a in paragraph.atoms if a.end > start and a.start < end] if end > start else []
    model = atoms[0].run if atoms else _run_before(paragraph, start)
    new = _new_run(model, paragraph.element, text, plain)
    anchor = _anchor(paragraph, start, atoms)
    if anchor is None:
        _append_run(paragraph.element, new)
    else:
        parent, index = anchor
        parent.insert(index, new)
    for atom in atoms:  # the new run is in place first, so no emptied control takes it away
        _remove_part(atom, max(start, atom.start), min(end, atom.end))
    _unwrap_placeholders(new)


def append_text(paragraph: FormParagraph, text: str, *, plain: bool = True) -> None:
    """Add a run holding `text` at the end of the paragraph (an empty one included)."""
    replace_text(paragraph, len(paragraph.text), len(paragraph.text), text, plain=plain)


def _run_before(paragraph: FormParagraph, position: int) -> etree._Element | None:
    before = [a for a in paragraph.atoms if a.start < position and a.run is not None]
    if before:
        return before[-1].run
    after = [a for a in paragraph.atoms if a.run is not None]
    return after[0].run if after else None


def _new_run(
    model: etree._Element | None, paragraph: etree._Element, text: str, plain: bool
) -> etree._Element:
    run = etree.Element(f"{W}r")
    props = model.find(f"{W}rPr") if model is not None else None
    if props is None:  # an empty paragraph: the paragraph mark's look
        p_props = paragraph.find(f"{W}pPr")
        props = p_props.find(f"{W}rPr") if p_props is not None else None
    if props is not None:
        kept = copy.deepcopy(props)
        for name in ("ins", "del", "moveFrom", "moveTo", "rPrChange"):
            for gone in kept.findall(f"{W}{name}"):
                kept.remove(gone)
        if plain:
            for name in PLAIN_OFF:
                for gone in kept.findall(f"{W}{name}"):
                    kept.remove(gone)
        if len(kept):
            run.append(kept)
    t = etree.SubElement(run, f"{W}t")
    t.set(XML_SPACE, "preserve")
    t.text = text
    return run


def _anchor(paragraph: FormParagraph, start: int, atoms: list[Atom]) -> tuple[etree._Element, int] | None:
    """Where a run inserted at character `start` goes (parent, index); None: at the end."""
    if not atoms:  # an insertion: split the atom the point is in, or go before the next one
        if start >= len(paragraph.text):
            return None
        inside = [a for a in paragraph.atoms if a.start <= start < a.end and a.run is not None]
        if inside:
            return _split_before(inside[0], start)
        later = [a for a in paragraph.atoms if a.start >= start and a.run is not None]
        return _split_before(later[0], start) if later else None
    first = atoms[0]
    return _split_before(first, start) if first.run is not None else None


def _split_before(atom: Atom, position: int) -> tuple[etree._Element, int]:
    """Split the atom's run so that what shows from `position` on starts a new run;
    return the place just before that new run."""
    run = atom.run
    assert run is not None
    parent = run.getparent()
    assert parent is not None
    index = parent.index(run)
    offset = position - atom.start
    children = list(run)
    at = children.index(atom.element) if atom.element in children else -1
    if at < 0:
        return parent, index
    if atom.kind == "text" and 0 < offset < atom.end - atom.start:
        text = atom.element.text or ""
        tail = copy.deepcopy(atom.element)
        atom.element.text = text[:offset]
        tail.text = text[offset:]
        atom.element.set(XML_SPACE, "preserve")
        tail.set(XML_SPACE, "preserve")
        run.insert(at + 1, tail)
        atom.element = tail  # the atom now starts where the cut is
        atom.start = position
        children = list(run)
        at = at + 1
    elif offset >= atom.end - atom.start > 0:
        at += 1
    moving = [c for c in children[at:] if c.tag != f"{W}rPr"]
    if not any(c.tag != f"{W}rPr" for c in children[:at]):
        return parent, index  # the whole run comes after the cut
    second = etree.Element(f"{W}r")
    props = run.find(f"{W}rPr")
    if props is not None:
        second.append(copy.deepcopy(props))
    for child in moving:
        second.append(child)
    parent.insert(index + 1, second)
    if atom.element in moving:
        atom.run = second
    return parent, index + 1


def _remove_part(atom: Atom, start: int, end: int) -> None:
    """Blank the atom's characters [start, end) (absolute offsets)."""
    element = atom.element
    if atom.kind == "box" and element.tag == f"{W}r":  # a legacy check box: its whole field
        _remove_field(element)
        return
    if atom.kind in ("text", "leader") and element.tag == f"{W}t":
        text = element.text or ""
        a, b = start - atom.start, end - atom.start
        element.text = text[:a] + text[b:]
        element.set(XML_SPACE, "preserve")
        if element.text:
            return
    parent = element.getparent()
    if parent is not None:
        parent.remove(element)
        if parent.tag == f"{W}r" and not [c for c in parent if c.tag != f"{W}rPr"]:
            _remove_empty(parent)


def _remove_empty(run: etree._Element) -> None:
    """Remove an emptied run, and the run-level content control it leaves empty."""
    parent = run.getparent()
    if parent is None:
        return
    parent.remove(run)
    if parent.tag == f"{W}sdtContent" and not len(parent):
        control = parent.getparent()
        holder = control.getparent() if control is not None else None
        if control is not None and holder is not None and holder.tag == f"{W}p":
            holder.remove(control)


def _remove_field(begin_run: etree._Element) -> None:
    """Remove a legacy form field: the runs from its begin to its end field character."""
    parent = begin_run.getparent()
    if parent is None:
        return
    siblings = list(parent)
    depth = 0
    for run in siblings[siblings.index(begin_run) :]:
        chars = [c.get(f"{W}fldCharType") for c in run.iter(f"{W}fldChar")]
        depth += chars.count("begin") - chars.count("end")
        parent.remove(run)
        if depth <= 0:
            break


def _append_run(paragraph: etree._Element, run: etree._Element) -> None:
    paragraph.append(run)


def _unwrap_placeholders(run: etree._Element) -> None:
    """A tag put inside a content control: the control goes, its content stays."""
    for control in list(run.iterancestors(f"{W}sdt")):
        content = control.find(f"{W}sdtContent")
        parent = control.getparent()
        if content is None or parent is None or parent.tag == f"{W}body":
            continue
        index = parent.index(control)
        for offset, child in enumerate(list(content)):
            parent.insert(index + offset, child)
        parent.remove(control)


def paragraph_after(paragraph: FormParagraph, text: str) -> None:
    """A new paragraph after this one, laid out like it, holding a run of `text`."""
    new = etree.Element(f"{W}p")
    props = paragraph.element.find(f"{W}pPr")
    if props is not None:
        new.append(copy.deepcopy(props))
    new.append(_new_run(None, new, text, plain=True))
    parent = paragraph.element.getparent()
    assert parent is not None
    parent.insert(parent.index(paragraph.element) + 1, new)


def paragraph_before(paragraph: FormParagraph, text: str) -> None:
    """A new paragraph holding `text` before this one's top-level block (the table it is
    in, or itself)."""
    block = paragraph.element
    parent = block.getparent()
    while parent is not None and parent.tag != f"{W}body":
        block, parent = parent, parent.getparent()
    new = etree.Element(f"{W}p")
    run = etree.SubElement(new, f"{W}r")
    t = etree.SubElement(run, f"{W}t")
    t.text = text
    assert parent is not None
    parent.insert(parent.index(block), new)


def clear_paragraph(paragraph: FormParagraph) -> None:
    """Remove every run of a paragraph (its properties stay)."""
    for child in list(paragraph.element):
        if child.tag != f"{W}pPr":
            paragraph.element.remove(child)
    paragraph.atoms = []
    paragraph.text = ""


def loop_rows(table: FormTable, first: int, last: int, statement: str, tags: dict[int, str]) -> None:
    """Turn rows first..last (0-based, inclusive) into a row loop: the first stays as the
    loop's body with `tags` (grid column -> tag) in its cells, the others go, and rows
    holding `{%tr <statement> %}` and `{%tr endfor %}` go before and after it."""
    body = table.rows[first]
    for row in table.rows[first + 1 : last + 1]:
        parent = row.element.getparent()
        if parent is not None:
            parent.remove(row.element)
    for cell in body.cells:
        tag = tags.get(cell.column)
        paragraphs = cell.paragraphs
        for extra in paragraphs[1:]:
            cell.element.remove(extra.element)
        if paragraphs:
            clear_paragraph(paragraphs[0])
            if tag:
                append_text(paragraphs[0], tag)
    parent = body.element.getparent()
    assert parent is not None
    index = parent.index(body.element)
    parent.insert(index, _statement_row(body.element, "{%tr " + statement + " %}"))
    parent.insert(index + 2, _statement_row(body.element, "{%tr endfor %}"))
    del table.rows[first + 1 : last + 1]


def _statement_row(model: etree._Element, statement: str) -> etree._Element:
    """A copy of a row holding only a row statement (docxtpl removes the row)."""
    row = copy.deepcopy(model)
    first = True
    for cell in row.iterchildren(f"{W}tc"):
        for child in list(cell):
            if child.tag != f"{W}tcPr":
                cell.remove(child)
        paragraph = etree.SubElement(cell, f"{W}p")
        if first:
            r = etree.SubElement(paragraph, f"{W}r")
            t = etree.SubElement(r, f"{W}t")
            t.text = statement
            first = False
    return row


def iter_paragraphs(blocks: list[Block]) -> Iterator[FormParagraph]:
    """Every paragraph of these blocks, tables' cells included, in order."""
    for block in blocks:
        if isinstance(block, FormParagraph):
            yield block
        else:
            for row in block.rows:
                for cell in row.cells:
                    yield from iter_paragraphs(cell.blocks)


# --- reading a finished document --------------------------------------------------------

MARGIN_PART = re.compile(r"word/(header|footer)\d*\.xml$")
OUR_MARK = re.compile(r"^sfd?_")


def document_lines(data: bytes, label: str = "document") -> list[tuple[str, str]]:
    """Each paragraph's text (tables' and headers' and footers' too), with where it is."""
    form = open_form(data, label)
    found = [(p.text, p.source) for p in form.paragraphs]
    for name in sorted(n for n in form.package.parts if MARGIN_PART.match(n)):
        root = parse_xml(form.package.parts[name], label)
        walker = _Walker(form.styles)
        for number, element in enumerate(root.iter(f"{W}p"), 1):
            found.append((walker.paragraph(element).text, f"{name.split('/')[-1][:-4]} paragraph {number}"))
    return found


def without_marks(data: bytes, label: str = "document") -> bytes:
    """A document of ours as if typed on the council's own form: without the bookmarks
    that mark each value and without the identity stamp in its properties."""
    package = read_package(data, label)
    changed: dict[str, bytes] = {}
    root = parse_xml(package.parts["word/document.xml"], label)
    marks: set[str] = set()
    for start in list(root.iter(f"{W}bookmarkStart")):
        if OUR_MARK.match(start.get(f"{W}name", "")):
            marks.add(start.get(f"{W}id", ""))
            _drop(start)
    for end in list(root.iter(f"{W}bookmarkEnd")):
        if end.get(f"{W}id", "") in marks:
            _drop(end)
    changed["word/document.xml"] = to_bytes(root)
    core = package.parts.get("docProps/core.xml")
    if core is not None:
        props = parse_xml(core, label)
        for element in props.iter():
            if str(element.tag).endswith("}keywords"):
                element.text = ""
        changed["docProps/core.xml"] = to_bytes(props)
    return _rezip(package, changed)


def _drop(element: etree._Element) -> None:
    parent = element.getparent()
    if parent is not None:
        parent.remove(element)


# --- writing ---------------------------------------------------------------------------


def _rezip(package: DocxPackage, changed: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, blob in package.parts.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, changed.get(name, blob))
    return out.getvalue()
