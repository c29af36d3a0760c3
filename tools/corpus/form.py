"""Building one filled form: the document, its style knobs, and the truth it should read as."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from . import editions
from .answers import Answers, Written
from .fill import Filler, checkbox, page_field, run, symbol_bullet
from .pools import FOOTERS, MARKINGS

REWORD_WORDS = 5
REWORDINGS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"recognise"), "recognize"),
    (re.compile(r"supervisees\b"), "supervisee’s"),
    (re.compile(r"\bthe (?=supervisory|supervisee|supervisor)"), ""),
    (re.compile(r"\bany (?=difficulties|issues|factors)"), ""),
    (re.compile(r"\?$"), ""),
    (re.compile(r"(?<=[a-z])$"), "?"),
    (re.compile(r"\bwill be used\b"), "can be used"),
    (re.compile(r" \(e\.g\."), " (for example"),
    (re.compile(r"’"), "'"),
    (re.compile(r"\bsupervision\b"), "Supervision"),
)
FONTS = ("Arial", "Calibri", "Verdana")
HELD_OUT_FONTS = ("Cambria", "Georgia", "Tahoma", "Times New Roman", "Century Gothic", "Segoe UI")
PROMPT_STYLES = ("replace", "under", "above", "same", "tracked")
DOT_STYLES = ("overwrite", "between", "after", "next")
TICK_KINDS = ("glyph", "control", "legacy")


@dataclass(frozen=True)
class Style:
    """How this copy of the form was laid out and filled in."""

    how: str  # the usual typing technique (fill.HOWS)
    colons: bool  # printed labels end with a colon
    upper: bool  # some labels in capitals
    blank_rows: bool  # empty rows and paragraphs here and there
    merged: bool  # merged cells: spans and vertical merges
    prompt: str  # what people did with a printed prompt (PROMPT_STYLES)
    dots: str  # what people did with dot leaders (DOT_STYLES)
    ticks: str  # how tick boxes are made (TICK_KINDS)
    reworded: bool = False  # long labels worded a little differently (another edition of the form)
    realistic: bool = False  # page furniture, markings, long answers, ... (see Form.finish)
    held_out: bool = False  # names, answers and fonts from the held-out pools
    edition: str = "current"  # or "older": an earlier version of the council's form

    @classmethod
    def random(
        cls,
        rng: random.Random,
        how: str,
        *,
        realistic: bool = False,
        held_out: bool = False,
        edition: str = "current",
    ) -> Style:
        return cls(
            how=how,
            colons=rng.random() < 0.5,
            upper=rng.random() < 0.15,
            blank_rows=rng.random() < 0.4,
            merged=rng.random() < 0.4,
            prompt=rng.choice(PROMPT_STYLES),
            dots=rng.choice(DOT_STYLES),
            ticks=rng.choice(TICK_KINDS),
            reworded=rng.random() < 0.3,
            realistic=realistic,
            held_out=held_out,
            edition=edition,
        )


@dataclass
class Form:
    """A form being built: the document, the random source, the style and the truth."""

    rng: random.Random
    style: Style
    answers: Answers
    doc: DocxDocument = field(default_factory=Document)
    truth: dict[str, Any] = field(default_factory=dict)
    written: dict[str, str] = field(default_factory=dict)  # path -> the text typed for it

    def __post_init__(self) -> None:
        self.filler = Filler(self.rng, self.style.how, realistic=self.style.realistic)
        section = self.doc.sections[0]
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Cm(2.2))
        normal = self.doc.styles["Normal"]
        normal.font.name = self.rng.choice(HELD_OUT_FONTS if self.style.held_out else FONTS)
        normal.font.size = Pt(self.rng.choice((10, 11, 11, 12)))

    def finish(self) -> None:
        """Last touches once the council's layout is built: realistic page furniture (a
        protective marking, "Page n of m" with PAGE and NUMPAGES fields, a document-control
        line), in the header and footer or, now and then, as the body's first line."""
        if not self.style.realistic:
            return
        rng = self.rng
        marking = rng.choice(MARKINGS) if rng.random() < 0.8 else None
        section = self.doc.sections[0]
        if marking and rng.random() < 0.2:  # typed at the top of the page, not in the header
            first = self.doc.paragraphs[0].insert_paragraph_before()
            first.add_run(marking).bold = True
            first.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif marking:
            header = section.header
            paragraph = header.paragraphs[0] if not header.paragraphs[0].text else header.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.add_run(marking).bold = True
        footer = section.footer
        lines = []
        if rng.random() < 0.7:
            lines.append(
                rng.choice(FOOTERS).format(
                    version=f"{rng.randint(1, 4)}.{rng.randint(0, 9)}",
                    month=rng.choice(("January", "April", "June", "September", "November")),
                    year=rng.randint(2019, 2024),
                )
            )
        paragraph = footer.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if lines:
            paragraph.add_run(lines[0])
            paragraph = footer.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if rng.random() < 0.85:
            paragraph.add_run("Page ")
            for element in page_field("PAGE"):
                paragraph._p.append(element)
            paragraph.add_run(" of ")
            for element in page_field("NUMPAGES"):
                paragraph._p.append(element)
        if marking and rng.random() < 0.6:
            footer.add_paragraph().add_run(marking).bold = True

    # --- printed text ---------------------------------------------------------------------

    def label(self, text: str) -> str:
        """A printed label as this copy of the form prints it (colon, capitals)."""
        text = text.strip()
        if self.style.colons and not text.endswith(("?", ":", ".", ")")):
            text += ":"
        elif not self.style.colons and text.endswith(":") and self.rng.random() < 0.5:
            text = text[:-1]
        if self.style.upper and len(text) < 40 and self.rng.random() < 0.5:
            text = text.upper()
        return text

    def wording(self, text: str) -> str:
        """A long label as another edition of the form may word it: a spelling, an
        apostrophe, a small word dropped or a question mark."""
        if not self.style.reworded or len(text.split()) < REWORD_WORDS or self.rng.random() < 0.4:
            return text
        edits = [edit for edit in REWORDINGS if edit[0].search(text)]
        if not edits:
            return text
        pattern, replacement = self.rng.choice(edits)
        return pattern.sub(replacement, text, count=1)

    def para(
        self, text: str = "", *, bold: bool = False, center: bool = False, size: float | None = None
    ) -> Paragraph:
        paragraph = self.doc.add_paragraph()
        if text:
            r = paragraph.add_run(text)
            r.bold = bold
            if size:
                r.font.size = Pt(size)
        if center:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        return paragraph

    def blank(self) -> None:
        if self.style.blank_rows and self.rng.random() < 0.5:
            self.doc.add_paragraph()

    def table(self, widths_cm: list[float]) -> Table:
        grid = self.doc.add_table(rows=0, cols=len(widths_cm))
        grid.style = self.doc.styles["Table Grid"]
        grid.autofit = False
        for column, cm in zip(grid.columns, widths_cm, strict=True):
            column.width = Cm(cm)
        return grid

    def row(self, grid: Table, spans: list[int] | None = None) -> list[_Cell]:
        """A new row whose cells cover `spans` grid columns each."""
        new = grid.add_row()
        cells = list(new.cells)
        widths = [column.width for column in grid.columns]
        for cell, width in zip(cells, widths, strict=True):
            cell.width = width
        merged, start = [], 0
        for span in spans or [1] * len(cells):
            first = cells[start]
            merged.append(first.merge(cells[start + span - 1]) if span > 1 else first)
            start += span
        return merged

    def blank_row(self, grid: Table, spans: list[int] | None = None) -> None:
        if self.style.blank_rows and self.rng.random() < 0.4:
            self.row(grid, spans)

    def text(self, cell: _Cell, text: str, *, bold: bool = False) -> Paragraph:
        """Printed text in a cell: its first paragraph when still empty, else a new one."""
        last = cell.paragraphs[-1]
        paragraph = last if not shown(last) else cell.add_paragraph()
        r = paragraph.add_run(text)
        r.bold = bold
        return paragraph

    def bullets(self, cell: _Cell | None, items: list[str]) -> None:
        for item in items:
            paragraph = cell.add_paragraph() if cell is not None else self.doc.add_paragraph()
            if self.style.realistic and self.rng.random() < 0.4:  # pasted from Word: a Symbol bullet
                paragraph._p.append(symbol_bullet(self.rng.random() < 0.5))
                paragraph._p.append(run("\t" if self.rng.random() < 0.5 else " "))
                paragraph.add_run(item)
                continue
            paragraph.add_run("· " + item if self.rng.random() < 0.5 else item)
            if self.rng.random() < 0.5:
                paragraph.style = self.doc.styles["List Bullet"]
                paragraph.runs[0].text = item

    # --- answers --------------------------------------------------------------------------

    def answer(self, path: str, written: Written | None) -> str | None:
        """Record the truth for `path`; the text to type (None: left empty)."""
        if written is None or self.answers.empty():
            self.truth[path] = None
            return None
        self.truth[path] = written.value
        self.written[path] = written.text
        return written.text

    def fill_cell(self, cell: _Cell, text: str | None) -> None:
        first = cell.paragraphs[0] if len(cell.paragraphs) == 1 and not shown(cell.paragraphs[0]) else None
        self.filler.block(cell, text, first=first)

    # --- earlier editions -------------------------------------------------------------------

    @property
    def older(self) -> bool:
        return self.style.edition == "older"

    def edition(self, start: str, printed: str) -> str:
        """A label as an earlier edition of the form printed it (today's `printed` otherwise)."""
        table = editions.HELD_OUT if self.style.held_out else editions.TUNING
        if not self.older or start not in table or self.rng.random() < 0.15:
            return printed
        return self.rng.choice(table[start])

    def numbered(self, paragraph: Paragraph, kind: str = "decimal") -> None:
        """Number a paragraph with Word's automatic numbering (the number is not in its text)."""
        number = self._numbering(kind)
        properties = paragraph._p.get_or_add_pPr()
        properties.insert(
            0,
            parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{number}"/></w:numPr>'),
        )

    def _numbering(self, kind: str) -> int:
        numbering = self.doc.part.numbering_part.element
        number = {"decimal": 901, "lowerLetter": 902, "section": 903}[kind]
        if numbering.find(f"{qn('w:num')}[@{qn('w:numId')}='{number}']") is not None:
            return number
        text = {"decimal": "%1.", "lowerLetter": "%1)", "section": "Section %1:"}[kind]
        fmt = "lowerLetter" if kind == "lowerLetter" else "decimal"
        abstract = parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{number}">'
            '<w:multiLevelType w:val="singleLevel"/>'
            f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
            '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="425" w:hanging="425"/></w:pPr></w:lvl>'
            "</w:abstractNum>"
        )
        first_num = numbering.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            numbering.append(abstract)
        numbering.append(
            parse_xml(f'<w:num {nsdecls("w")} w:numId="{number}"><w:abstractNumId w:val="{number}"/></w:num>')
        )
        return number

    def frequency_ticks(self, paragraph: Paragraph) -> None:
        """An older edition's frequency: tick boxes, and "Duration: ..." typed beside them."""
        options = list(editions.HELD_OUT_FREQUENCY_TICKS if self.style.held_out else editions.FREQUENCY_TICKS)
        durations = editions.HELD_OUT_DURATIONS if self.style.held_out else editions.DURATIONS
        chosen = self.rng.choice(options)
        if self.answers.empty():
            self.truth["frequency.description"] = None
            self.ticks(paragraph, options, set())
        else:
            self.truth["frequency.description"] = chosen
            self.ticks(paragraph, options, {chosen})
        paragraph._p.append(run(self.rng.choice(("     ", "\t", "   "))))
        paragraph.add_run("Duration:").bold = self.rng.random() < 0.5
        paragraph.add_run(" ")
        text, minutes = self.rng.choice(durations)
        self.filler.inline(paragraph, self.answer("duration_minutes", Written(text, minutes)))

    def ticks(self, paragraph: Paragraph, options: list[str], chosen: set[str]) -> None:
        """Tick boxes with their labels, ticked where chosen."""
        for number, option in enumerate(options):
            for element in checkbox(option in chosen, self.style.ticks):
                paragraph._p.append(element)
            paragraph._p.append(run(f" {option}" + ("   " if number < len(options) - 1 else "")))


def shown(paragraph: Paragraph) -> bool:
    """Whether a paragraph holds anything (text in controls and boxes included)."""
    return any(True for _ in paragraph._p.iter(qn("w:t"), qn("w:drawing"), qn("w:sdt"), qn("w:fldChar")))


def vertical_merge(upper: _Cell, lower: _Cell) -> None:
    """Merge `lower` into `upper` (same column, next row) as Word does: vMerge restart/continue."""
    for cell, value in ((upper, "restart"), (lower, None)):
        properties = cell._tc.get_or_add_tcPr()
        merge = OxmlElement("w:vMerge")
        if value:
            merge.set(qn("w:val"), value)
        properties.append(merge)
