"""Building a council's blank form as a Word document, and the same form filled in by hand.

A council's builder describes its form once with these blocks. Built blank
(`answers=None`) it is the form as it stands on the council's intranet; built with
`answers` (model path -> value) it is a copy a person filled in: names typed into the
empty cells, answers typed over the dot leaders or after the labels, boxes ticked. Either
way `truth` lists each answer place: its printed label and the model path it holds
("extra" for a place no model field fits).
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from .seeds.common import to_bytes as docx_bytes

BOX = "☐"
TICK = "☒"
FIXED_TIME = datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC)


@dataclass(frozen=True)
class Truth:
    """One answer place: its label as printed, the model path it holds, and its kind."""

    label: str
    path: str  # "extra" where no model field fits
    kind: str = "text"  # text, date, dates, choice
    options: tuple[str, ...] = ()


@dataclass(frozen=True)
class Gap:
    """An answer place inside a line of text: dot leaders a person writes over."""

    label: str
    path: str
    kind: str = "text"
    leader: str = "……………………………"


@dataclass
class Form:
    """A form being built, blank or filled in."""

    title: str
    answers: Mapping[str, Any] | None = None
    font: str = "Arial"
    size: float = 11
    truth: list[Truth] = field(default_factory=list)
    doc: DocxDocument = field(init=False)

    def __post_init__(self) -> None:
        self.doc = Document()
        section = self.doc.sections[0]
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Cm(2.2))
        normal = self.doc.styles["Normal"]
        normal.font.name = self.font
        normal.font.size = Pt(self.size)
        normal.paragraph_format.space_after = Pt(4)
        props = self.doc.core_properties
        props.title, props.author, props.last_modified_by = self.title, "", ""
        props.created = props.modified = props.last_printed = FIXED_TIME
        props.revision = 1

    # --- values -------------------------------------------------------------------------

    def value(self, key: str) -> str | None:
        """What a person wrote for `key` (a model path or an extra's label), if filling."""
        if self.answers is None:
            return None
        value = self.answers.get(key)
        if value is None:
            return None
        if isinstance(value, datetime.date):
            return f"{value.day} {value:%B %Y}"
        return str(value)

    def place(self, label: str, path: str, kind: str = "text", options: Sequence[str] = ()) -> str:
        """Record an answer place; the key its value is filled by (the path, or for an
        extra its label)."""
        self.truth.append(Truth(label, path, kind, tuple(options)))
        return label if path == "extra" else path

    # --- text ---------------------------------------------------------------------------

    def para(
        self,
        text: str = "",
        *,
        bold: bool = False,
        italic: bool = False,
        size: float | None = None,
        center: bool = False,
        style: str | None = None,
        into: _Cell | None = None,
        after: float | None = None,
    ) -> Paragraph:
        holder = into if into is not None else self.doc
        paragraph = _fresh(into) if into is not None else None
        if paragraph is None:
            paragraph = holder.add_paragraph(style=style) if style else holder.add_paragraph()
        elif style:
            paragraph.style = self.doc.styles[style]
        if text:
            run = paragraph.add_run(text)
            run.bold, run.italic = bold or None, italic or None
            if size:
                run.font.size = Pt(size)
        if center:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if after is not None:
            paragraph.paragraph_format.space_after = Pt(after)
        return paragraph

    def heading(self, text: str, *, size: float = 12, into: _Cell | None = None) -> Paragraph:
        return self.para(text, bold=True, size=size, into=into)

    def bullets(self, items: Sequence[str], *, into: _Cell | None = None) -> None:
        for item in items:
            self.para(item, style="List Bullet", into=into)

    def blank(self, count: int = 1, *, into: _Cell | None = None) -> list[Paragraph]:
        return [self.para(into=into) for _ in range(count)]

    def header(self, text: str) -> None:
        paragraph = self.doc.sections[0].header.paragraphs[0]
        run = paragraph.add_run(text)
        run.bold = True
        run.font.color.rgb = RGBColor(0x1F, 0x4E, 0x79)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT

    def footer(self, text: str) -> None:
        paragraph = self.doc.sections[0].footer.paragraphs[0]
        run = paragraph.add_run(text)
        run.font.size = Pt(8)

    # --- answer places in running text -------------------------------------------------

    def after(
        self, label: str, path: str, *, kind: str = "text", bold: bool = True, into: _Cell | None = None
    ) -> Paragraph:
        """'Label:' with the answer written after it on the same line."""
        key = self.place(label, path, kind)
        paragraph = self.para(label, bold=bold, into=into)
        typed = self.value(key)
        if typed:
            paragraph.add_run(" " + typed)
        return paragraph

    def dots(
        self,
        before: str,
        path: str,
        *,
        label: str | None = None,
        leader: str = "……………………………………",
        after: str = "",
        kind: str = "text",
        style: str | None = None,
        into: _Cell | None = None,
        overwrite: bool = True,
    ) -> Paragraph:
        """'Label ……… [after]': the answer written over (or on) the dot leaders."""
        key = self.place(label or before.strip().rstrip(":").strip() or after.strip(), path, kind)
        paragraph = self.para(before, into=into, style=style)
        typed = self.value(key)
        if typed:
            paragraph.add_run(typed if overwrite else leader[:4] + " " + typed)
        else:
            paragraph.add_run(leader)
        if after:
            paragraph.add_run(after)
        return paragraph

    def line(self, *parts: str | Gap, into: _Cell | None = None, bold: bool = False) -> Paragraph:
        """A line of printed text with answer places in it."""
        paragraph = self.para(into=into)
        for part in parts:
            if isinstance(part, Gap):
                key = self.place(part.label, part.path, part.kind)
                typed = self.value(key)
                spaced = not paragraph.text or paragraph.text.endswith(" ")
                paragraph.add_run((typed if spaced else f" {typed}") if typed else part.leader)
            else:
                paragraph.add_run(part).bold = bold or None
        return paragraph

    def question(
        self,
        text: str,
        path: str,
        *,
        lines: int = 3,
        bold: bool = False,
        label: str | None = None,
        kind: str = "text",
        into: _Cell | None = None,
    ) -> None:
        """A printed question with empty lines under it for the answer."""
        key = self.place(label or text, path, kind)
        self.para(text, bold=bold, into=into)
        spaces = self.blank(lines, into=into)
        typed = self.value(key)
        if typed:
            for number, line in enumerate(typed.split("\n")):
                spaces[min(number, len(spaces) - 1)].add_run(line)

    def ticks(
        self,
        label: str,
        options: Sequence[str],
        path: str,
        *,
        inline: bool = True,
        into: _Cell | None = None,
        label_bold: bool = False,
    ) -> None:
        """A label and its options with tick boxes, on one line or one a line."""
        key = self.place(label, path, "choice", options)
        chosen = self.value(key)
        if inline:
            paragraph = self.para(label + " ", bold=label_bold, into=into)
            for option in options:
                paragraph.add_run(f"{TICK if option == chosen else BOX} {option}   ")
            return
        self.para(label, bold=label_bold, into=into)
        for option in options:
            self.para(f"{TICK if option == chosen else BOX} {option}", into=into)

    # --- tables -------------------------------------------------------------------------

    def table(self, widths_cm: Sequence[float], *, into: _Cell | None = None) -> Table:
        holder = into if into is not None else self.doc
        grid = holder.add_table(rows=0, cols=len(widths_cm))
        grid.style = self.doc.styles["Table Grid"]
        grid.alignment = WD_TABLE_ALIGNMENT.CENTER
        grid.autofit = False
        for column, cm in zip(grid.columns, widths_cm, strict=True):
            column.width = Cm(cm)
        self._widths = list(widths_cm)
        return grid

    def row(
        self, grid: Table, *, spans: Sequence[int] | None = None, height_cm: float | None = None
    ) -> list[_Cell]:
        new = grid.add_row()
        for cell, column in zip(new.cells, grid.columns, strict=True):
            cell.width = column.width
        cells = list(new.cells)
        merged: list[_Cell] = []
        start = 0
        for span in spans or [1] * len(cells):
            merged.append(cells[start].merge(cells[start + span - 1]) if span > 1 else cells[start])
            start += span
        if height_cm:
            new.height = Cm(height_cm)
        return merged

    def cell(self, cell: _Cell, text: str, *, bold: bool = False, shade: str | None = None) -> _Cell:
        lines = text.split("\n")
        for line in lines:
            self.para(line, bold=bold, into=cell)
        if shade:
            shading = OxmlElement("w:shd")
            shading.set(qn("w:val"), "clear")
            shading.set(qn("w:color"), "auto")
            shading.set(qn("w:fill"), shade)
            cell._tc.get_or_add_tcPr().append(shading)
        return cell

    def answer_cell(
        self, cell: _Cell, label: str, path: str, *, kind: str = "text", prompt: str = ""
    ) -> None:
        """An empty cell (or one showing a prompt) that holds the answer to `label`."""
        key = self.place(label, path, kind)
        typed = self.value(key)
        if typed:
            self.para(typed, into=cell)
        elif prompt:
            self.para(prompt, italic=True, into=cell)

    def label_row(
        self, grid: Table, label: str, path: str, *, kind: str = "text", spans: Sequence[int] | None = None
    ) -> None:
        """A row: the label, shaded, and the empty cell beside it."""
        left, right = self.row(grid, spans=spans or [1, len(grid.columns) - 1])
        self.cell(left, label, bold=True, shade="F2F2F2")
        self.answer_cell(right, label, path, kind=kind)

    def dates_table(self, heads: Sequence[str], rows: int, path: str, *, date_column: int = 1) -> None:
        """A table of dates to be filled in, one a row, under its column headings."""
        key = self.place(heads[date_column], path, "dates")
        grid = self.table([15.0 / len(heads)] * len(heads))
        for cell, head in zip(self.row(grid), heads, strict=True):
            self.cell(cell, head, bold=True, shade="D9D9D9")
        dates = list(self.answers.get(key) or []) if self.answers else []
        for number in range(rows):
            cells = self.row(grid)
            if number < len(dates):
                day = dates[number]
                if "month" in heads[0].casefold() and date_column != 0:
                    self.para(f"{day:%B}", into=cells[0])
                self.para(f"{day.day}/{day.month}/{day.year}", into=cells[date_column])

    def to_bytes(self) -> bytes:
        """The form as a .docx, the same bytes each time it is built."""
        return docx_bytes(self.doc)


def _fresh(cell: _Cell) -> Paragraph | None:
    """A new cell's first paragraph, while it is still empty and alone."""
    paragraphs = cell.paragraphs
    if len(paragraphs) == 1 and not paragraphs[0].text and not paragraphs[0].runs:
        if getattr(cell, "_used", False):
            return None
        cell._used = True  # type: ignore[attr-defined]
        return paragraphs[0]
    return None
