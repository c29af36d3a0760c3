"""Typing answers into a form the ways people do: runs, tracked changes, controls, boxes.

A `Filler` writes one answer with one technique ("how"):

- plain: one run (line breaks as w:br);
- bold: the text split into runs, some bold or italic;
- tracked: a tracked insertion, next to a tracked deletion of a wrong word;
- control: a run-level content control (an empty one shows its placeholder);
- block: a block-level content control around the answer's paragraphs;
- legacy: a legacy FORMTEXT field (an empty one shows five en spaces);
- textbox: a text box holding the answer;
- breaks: paragraphs joined by line breaks instead of paragraph marks.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Sequence

from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.table import _Cell
from docx.text.paragraph import Paragraph
from lxml import etree

HOWS = ("plain", "bold", "tracked", "control", "block", "legacy", "textbox", "breaks")
PLACEHOLDERS = ("Click or tap here to enter text.", "Click here to enter text.", "Enter text here")
WPS = 'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
W14 = 'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"'
_ids = itertools.count(1000)


def run(text: str, *, bold: bool = False, italic: bool = False, deleted: bool = False) -> etree._Element:
    """A w:r with one text element; newlines become w:br."""
    r = OxmlElement("w:r")
    if bold or italic:
        properties = OxmlElement("w:rPr")
        if bold:
            properties.append(OxmlElement("w:b"))
        if italic:
            properties.append(OxmlElement("w:i"))
        r.append(properties)
    for number, line in enumerate(text.split("\n")):
        if number:
            r.append(OxmlElement("w:br"))
        t = OxmlElement("w:delText" if deleted else "w:t")
        t.set(qn("xml:space"), "preserve")
        t.text = line
        r.append(t)
    return r


def tracked(kind: str, *runs: etree._Element) -> etree._Element:
    wrapper = OxmlElement(f"w:{kind}")
    wrapper.set(qn("w:id"), str(next(_ids)))
    wrapper.set(qn("w:author"), "A Worker")
    wrapper.set(qn("w:date"), "2026-03-03T10:00:00Z")
    for r in runs:
        wrapper.append(r)
    return wrapper


def content_control(children: Sequence[etree._Element], *, placeholder: bool = False) -> etree._Element:
    """A w:sdt around runs or paragraphs."""
    number = next(_ids)
    sdt = parse_xml(
        f'<w:sdt {nsdecls("w")}><w:sdtPr><w:alias w:val="Answer {number}"/>'
        f'<w:tag w:val="answer{number}"/><w:id w:val="{number}"/>'
        + ("<w:showingPlcHdr/>" if placeholder else "")
        + "</w:sdtPr><w:sdtContent/></w:sdt>"
    )
    content = sdt.find(qn("w:sdtContent"))
    for child in children:
        content.append(child)
    return sdt


def legacy_text_field(text: str) -> list[etree._Element]:
    """The runs of a FORMTEXT field showing `text` (five en spaces when empty)."""
    number = next(_ids)
    begin = parse_xml(
        f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Text{number}"/>'
        '<w:enabled/><w:calcOnExit w:val="0"/><w:textInput/></w:ffData></w:fldChar></w:r>'
    )
    instruction = parse_xml(
        f'<w:r {nsdecls("w")}><w:instrText xml:space="preserve"> FORMTEXT </w:instrText></w:r>'
    )
    separate = parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="separate"/></w:r>')
    end = parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="end"/></w:r>')
    return [begin, instruction, separate, run(text or "\u2002" * 5), end]


def text_box(paragraphs: Sequence[str]) -> etree._Element:
    """A run holding an inline text box with the given paragraphs."""
    number = next(_ids)
    lines = max(1, sum(1 + len(p) // 45 for p in paragraphs))
    height = 240_000 * lines + 120_000
    body = "".join(f'<w:p><w:r><w:t xml:space="preserve">{_escape(p)}</w:t></w:r></w:p>' for p in paragraphs)
    return parse_xml(
        f"<w:r {nsdecls('w', 'wp', 'a')} {WPS}><w:drawing>"
        f'<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="3600000" cy="{height}"/>'
        f'<wp:docPr id="{number}" name="Text Box {number}"/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/>'
        f'<a:ext cx="3600000" cy="{height}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        "<a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>"
        f"<wps:txbx><w:txbxContent>{body}</w:txbxContent></wps:txbx>"
        '<wps:bodyPr rot="0" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0"><a:noAutofit/></wps:bodyPr>'
        "</wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
    )


def checkbox(checked: bool, kind: str) -> list[etree._Element]:
    """A tick box as a glyph, a w14 content control, or a legacy FORMCHECKBOX."""
    if kind == "glyph":
        return [run("☒" if checked else "☐")]
    if kind == "control":
        return [
            parse_xml(
                f'<w:sdt {nsdecls("w")} {W14}><w:sdtPr><w:id w:val="{next(_ids)}"/>'
                f'<w14:checkbox><w14:checked w14:val="{int(checked)}"/>'
                '<w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
                '<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox></w:sdtPr>'
                '<w:sdtContent><w:r><w:rPr><w:rFonts w:ascii="MS Gothic" w:hAnsi="MS Gothic"/></w:rPr>'
                f"<w:t>{'☒' if checked else '☐'}</w:t></w:r></w:sdtContent></w:sdt>"
            )
        ]
    number = next(_ids)
    return [
        parse_xml(
            f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Check{number}"/>'
            '<w:enabled/><w:calcOnExit w:val="0"/><w:checkBox><w:sizeAuto/><w:default w:val="0"/>'
            + ("<w:checked/>" if checked else "")
            + "</w:checkBox></w:ffData></w:fldChar></w:r>"
        ),
        parse_xml(
            f'<w:r {nsdecls("w")}><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r>'
        ),
        parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="end"/></w:r>'),
    ]


def page_field(code: str) -> list[etree._Element]:
    """The runs of a PAGE or NUMPAGES field, showing 1 until Word updates it."""
    return [
        parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="begin"/></w:r>'),
        parse_xml(
            f'<w:r {nsdecls("w")}><w:instrText xml:space="preserve"> {code} \\* Arabic </w:instrText></w:r>'
        ),
        parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="separate"/></w:r>'),
        parse_xml(f"<w:r {nsdecls('w')}><w:t>1</w:t></w:r>"),
        parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="end"/></w:r>'),
    ]


def symbol_bullet(as_sym: bool) -> etree._Element:
    """A bullet in the Symbol font, as Word writes a pasted bullet: a w:sym, or a private-use
    character (U+F0B7) in a Symbol run."""
    if as_sym:
        return parse_xml(f'<w:r {nsdecls("w")}><w:sym w:font="Symbol" w:char="F0B7"/></w:r>')
    return parse_xml(
        f'<w:r {nsdecls("w")}><w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/></w:rPr>'
        "<w:t>\uf0b7</w:t></w:r>"
    )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class Filler:
    """Writes answers into paragraphs and cells with a document's usual technique, and
    now and then another one, as people switch between typing and pasting."""

    def __init__(self, rng: random.Random, how: str, mix: float = 0.3, *, realistic: bool = False) -> None:
        self.rng = rng
        self.how = how
        self.mix = mix
        self.realistic = realistic
        self.used: set[str] = set()

    def pick(self, *, block: bool = True) -> str:
        how = self.how if self.rng.random() >= self.mix else self.rng.choice(HOWS)
        if how == "block" and not block:
            how = "control"
        self.used.add(how)
        return how

    def inline(self, paragraph: Paragraph, text: str | None, *, how: str | None = None) -> None:
        """Type `text` at the end of a paragraph (newlines as line breaks)."""
        how = how or self.pick(block=False)
        p = paragraph._p
        if how == "control":
            p.append(content_control([run(text or self.rng.choice(PLACEHOLDERS))], placeholder=not text))
            return
        if how == "legacy":
            for r in legacy_text_field(text or ""):
                p.append(r)
            return
        if not text:
            return
        if how == "textbox":
            p.append(text_box(text.split("\n")))
        elif how == "tracked":
            wrong = self.rng.choice(("tbc", "TBC ", "xx", "see notes"))
            p.append(tracked("del", run(wrong, deleted=True)))
            p.append(tracked("ins", *self._pieces(text)))
        elif how == "bold":
            for r in self._pieces(text):
                p.append(r)
        elif self.realistic and self.rng.random() < 0.4:
            for element in self._fragments(text):
                p.append(element)
        else:
            p.append(run(text))

    def block(self, cell: _Cell, text: str | None, *, first: Paragraph | None = None) -> None:
        """Type a whole answer into a cell: one paragraph per line of `text`.

        `first` is an empty paragraph to start in (a cell's own first paragraph)."""
        how = self.pick()
        lines = (text or "").split("\n") if text else []
        if how == "breaks" and lines:
            lines = ["\n".join(lines)]
        if how == "block":
            paragraphs = [self._paragraph(line) for line in lines] or [
                self._paragraph(self.rng.choice(PLACEHOLDERS))
            ]
            control = content_control(paragraphs, placeholder=not lines)
            if first is not None:
                first._p.addprevious(control)  # the cell keeps its empty last paragraph
            else:
                cell._tc.append(control)
            return
        if how == "textbox" and lines:
            target = first if first is not None else cell.add_paragraph()
            target._p.append(text_box(lines))
            return
        if not lines:
            self.inline(first if first is not None else cell.add_paragraph(), None, how=how)
            return
        listed = self.realistic and len(lines) > 1 and how in ("plain", "bold") and self.rng.random() < 0.2
        for number, line in enumerate(lines):
            target = first if number == 0 and first is not None else cell.add_paragraph()
            if listed:  # typed as a bulleted list (the bullets are numbering, not text)
                target.style = "List Bullet"
            self.inline(target, line, how=how if how != "block" else "plain")

    def _paragraph(self, text: str) -> etree._Element:
        p = OxmlElement("w:p")
        p.append(run(text))
        return p

    def _fragments(self, text: str) -> list[etree._Element]:
        """The text as Word saves an edited paragraph: runs cut anywhere, mid-word too (revision
        ids, spell-check marks, a bookmark), the same look on each side."""
        cuts = sorted(self.rng.sample(range(1, len(text)), k=min(len(text) - 1, self.rng.randint(1, 4))))
        out: list[etree._Element] = []
        for start, end in zip([0, *cuts], [*cuts, len(text)], strict=True):
            piece = run(text[start:end])
            piece.set(qn("w:rsidR"), f"{self.rng.randrange(16**8):08X}")
            mark = self.rng.random()
            if mark < 0.2:
                out.append(parse_xml(f'<w:proofErr {nsdecls("w")} w:type="spellStart"/>'))
                out.append(piece)
                out.append(parse_xml(f'<w:proofErr {nsdecls("w")} w:type="spellEnd"/>'))
                continue
            if mark < 0.3:
                number = next(_ids)
                out.append(
                    parse_xml(f'<w:bookmarkStart {nsdecls("w")} w:id="{number}" w:name="_Hlk{number}"/>')
                )
                out.append(piece)
                out.append(parse_xml(f'<w:bookmarkEnd {nsdecls("w")} w:id="{number}"/>'))
                continue
            out.append(piece)
        return out

    def _pieces(self, text: str) -> list[etree._Element]:
        """The text in two to four runs, some bold or italic."""
        words = text.split(" ")
        if len(words) < 2:
            return [run(text, bold=True)]
        cuts = sorted(self.rng.sample(range(1, len(words)), k=min(len(words) - 1, self.rng.randint(1, 3))))
        pieces = [" ".join(words[a:b]) for a, b in zip([0, *cuts], [*cuts, len(words)], strict=True)]
        out = []
        for number, piece in enumerate(pieces):
            spaced = piece + (" " if number < len(pieces) - 1 else "")
            out.append(run(spaced, bold=number % 2 == 1, italic=self.rng.random() < 0.2))
        return out
