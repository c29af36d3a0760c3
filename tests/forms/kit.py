"""Small filled forms built in memory with python-docx, and reading them with a pack."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence

from docx import Document
from docx.document import Document as DocxDocument
from docx.table import _Cell
from docx.text.paragraph import Paragraph
from lxml import etree

from supervision_forms.docx.package import read_package
from supervision_forms.docx.reader import read_body
from supervision_forms.packs import Pack
from supervision_forms.reading import ParseResult
from supervision_forms.reading.forms import from_body, read_form
from tools.corpus.fill import checkbox, content_control, legacy_text_field, run, text_box, tracked

Cell = str | Callable[[_Cell], None]


def document(build: Callable[[DocxDocument], None]) -> bytes:
    doc = Document()
    build(doc)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def table(doc: DocxDocument, rows: Sequence[Sequence[Cell]]) -> None:
    """A bordered table; a cell is its text (lines as paragraphs) or a function filling it."""
    grid = doc.add_table(rows=0, cols=max(len(r) for r in rows))
    grid.style = doc.styles["Table Grid"]
    for cells in rows:
        new = grid.add_row().cells
        for cell, content in zip(new, cells, strict=False):
            if callable(content):
                content(cell)
            elif content:
                first, *rest = content.split("\n")
                cell.paragraphs[0].add_run(first)
                for line in rest:
                    cell.add_paragraph(line)


def append(*elements: etree._Element) -> Callable[[_Cell], None]:
    """A cell filler: these runs (or run-level controls) in the cell's paragraph."""

    def fill(cell: _Cell) -> None:
        for element in elements:
            cell.paragraphs[0]._p.append(element)

    return fill


def in_paragraph(paragraph: Paragraph, *elements: etree._Element) -> None:
    for element in elements:
        paragraph._p.append(element)


def read(data: bytes, pack: Pack) -> ParseResult:
    """Read a filled copy of `pack`'s agreement with the hand-filled form reader."""
    layout = from_body(read_body(read_package(data)))
    return read_form(layout, pack, "agreement")


__all__ = [
    "append",
    "checkbox",
    "content_control",
    "document",
    "in_paragraph",
    "legacy_text_field",
    "read",
    "run",
    "table",
    "text_box",
    "tracked",
]
