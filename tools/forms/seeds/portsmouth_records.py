"""Building blocks for Portsmouth's two supervision records (seed 003 §7 and §8).

They follow Portsmouth's agreement: the council's name in the header, centred titles, and
shaded label cells beside answer cells in a four-column grid (label | answer | Date | answer).
"""

from __future__ import annotations

from collections.abc import Sequence

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.table import Table, _Cell

from .common import (
    ANSWER_HEIGHT_CM,
    HEADING_FILL,
    Piece,
    blank,
    cell_field,
    cell_paras,
    cell_text,
    empty_rows,
    label,
    para,
    row,
    section_row,
    table,
)

LABEL_CM = 5.8
GRID_CM = (LABEL_CM, 4.3, 1.5, 4.32)  # label | answer | Date | answer, as the agreement
ACTION_CM = (5.2, 3.0, 3.5, 4.22)  # action | who | by when | reason
ROWS = 6  # blank decision/action rows on an empty form


def titles(doc: DocxDocument, title: str) -> None:
    for text in ("Children and Families Services", title):
        para(doc, text, bold=True, size=14, align=WD_ALIGN_PARAGRAPH.CENTER, after_pt=4)
    blank(doc, after_pt=6)


def note(doc: DocxDocument, paragraphs: Sequence[str]) -> None:
    """A boxed note quoting the procedure the form serves."""
    box = table(doc, [sum(GRID_CM)])
    cell = row(box)[0]
    cell_paras(cell, [[text] for text in paragraphs])
    for paragraph in cell.paragraphs:
        for run in paragraph.runs:
            run.italic = True
    blank(doc, after_pt=6)


def grid(doc: DocxDocument) -> Table:
    return table(doc, GRID_CM)


def label_row(grid: Table, text: str, *, height_cm: float | None = None) -> _Cell:
    """A label cell and a wide answer cell across the other columns; returns the wide cell."""
    cells = row(grid, spans=[1, len(grid.columns) - 1], min_height_cm=height_cm, keep_whole=True)
    label(cells[0], text)
    return cells[1]


def answer_row(grid: Table, text: str, path: str, *, height_cm: float = ANSWER_HEIGHT_CM) -> None:
    cell_field(label_row(grid, text, height_cm=height_cm), path)


def session_rows(grid: Table) -> None:
    """Date, supervisor, supervisee and team: the rows every record opens with."""
    answer_row(grid, "Date", "date", height_cm=0.8)
    answer_row(grid, "Supervisor", "supervisor.name", height_cm=0.8)
    answer_row(grid, "Supervisee", "supervisee.name", height_cm=0.8)
    answer_row(grid, "Team", "supervisee.team", height_cm=0.8)


def text_row(grid: Table, pieces: Sequence[Piece]) -> None:
    """A full-width row of printed text with fields in it."""
    cell = row(grid, spans=[len(grid.columns)], keep_whole=True)[0]
    cell_text(cell, *pieces)


def signatures(grid: Table) -> None:
    """Both signatures, in the words of Portsmouth's agreement (seed 000)."""
    signature_row(grid, "Signed manager", "signatures.supervisor")
    signature_row(grid, "Signed staff member", "signatures.supervisee")


def signature_row(grid: Table, text: str, who: str) -> None:
    cells = row(grid, min_height_cm=1.0, keep_whole=True)
    label(cells[0], text)
    cell_field(cells[1], f"{who}.name")
    label(cells[2], "Date")
    cell_field(cells[3], f"{who}.date")


def actions_table(doc: DocxDocument, heading: str, loop: str, *, with_reason: bool) -> None:
    """The decisions (or actions) table: a heading row, column names, and one looped row."""
    widths = ACTION_CM if with_reason else (*ACTION_CM[:2], ACTION_CM[2] + ACTION_CM[3])
    actions = table(doc, widths)
    section_row(actions, heading)
    names = ["Action", "Who", "By when", "Reason for decision"][: len(widths)]
    for cell, name in zip(row(actions, keep_whole=True), names, strict=True):
        cell_text(cell, name, bold=True, fill_hex=HEADING_FILL)
    empty_rows(actions, ROWS)
    blank(doc, after_pt=6)
