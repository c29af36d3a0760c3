"""A tiny third-party pack, built in a folder by code."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from docx import Document

PACK_TOML = """
name = "{name}"
title = "Tiny Borough Council"
version = "0.1"
council = "Tiny Borough"

[documents.agreement]
template = "agreement.docx"
title = "Supervision Agreement"

[documents.agreement.fields]
"supervisee.name" = {{ label = "Staff member" }}
"supervisor.name" = {{ label = "Manager" }}
"review_date" = {{ label = "Review date:", place = "after" }}
"meeting_dates" = {{ label = "Date", place = "table" }}
{extra_fields}
"""


def make_tiny_pack(
    folder: Path,
    *,
    name: str = "tiny",
    body_text: str = "",
    extra_fields: str = "",
    body_lines: Sequence[str] = (),
    tail: str = "",
) -> Path:
    """Write a pack folder: a Word template with a name table, a date and a date table;
    `body_lines` are more paragraphs (a tag in a run of its own), `tail` more pack file."""
    folder.mkdir(parents=True, exist_ok=True)
    doc = Document()
    doc.add_paragraph("Tiny Borough Council Supervision Agreement")
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Staff member"
    table.cell(0, 1).text = "{{ supervisee.name }}"
    table.cell(1, 0).text = "Manager"
    table.cell(1, 1).text = "{{ supervisor.name }}"
    paragraph = doc.add_paragraph("Review date: ")
    paragraph.add_run("{{ review_date }}")
    dates = doc.add_table(rows=4, cols=2)
    dates.cell(0, 0).text = "Month"
    dates.cell(0, 1).text = "Date"
    dates.cell(1, 0).text = "{%tr for d in meeting_dates|pad(3) %}"
    dates.cell(2, 0).text = "{{ d|month }}"
    dates.cell(2, 1).text = "{{ d }}"
    dates.cell(3, 0).text = "{%tr endfor %}"
    if body_text:
        doc.add_paragraph(body_text)
    for line in body_lines:
        paragraph = doc.add_paragraph()
        for piece in re.split(r"(\{\{.*?\}\})", line):
            if piece:
                paragraph.add_run(piece)
    doc.add_paragraph("This agreement will be reviewed every year by both parties.")
    doc.save(str(folder / "agreement.docx"))
    (folder / "pack.toml").write_text(
        PACK_TOML.format(name=name, extra_fields=extra_fields) + tail, encoding="utf-8"
    )
    return folder
