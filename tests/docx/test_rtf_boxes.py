"""Paragraphs of a text box in rich text: LibreOffice joins them in a table cell unless we step in."""

from __future__ import annotations

import pytest

from supervision_forms.conversion import to_docx
from supervision_forms.docx.package import read_package
from supervision_forms.docx.reader import read_body
from supervision_forms.formats import Format
from supervision_forms.rtf import keep_box_paragraphs
from tests.conftest import needs_libreoffice

SHAPE = (
    rb"{\shp{\*\shpinst\shpleft0\shptop0\shpright4000\shpbottom1500\shpwr2\shpz0"
    rb"{\sp{\sn shapeType}{\sv 202}}{\shptxt First point here.\par Second point here.\par}}}"
)
IN_A_CELL = (
    rb"{\rtf1\ansi{\fonttbl\f0 Arial;}\f0"
    b"\n"
    rb"\trowd\cellx4000\cellx9000\pard\intbl Other issues\cell"
    b"\n"
    rb"\pard\intbl " + SHAPE + rb"\cell\row"
    b"\n"
    rb"\pard End.\par}"
)


def it_reads_each_paragraph_of_a_text_box_in_a_table_cell_apart() -> None:
    needs_libreoffice()
    body = read_body(read_package(to_docx(IN_A_CELL, Format.RTF, "boxed.rtf")))
    assert "First point here.\nSecond point here." in [p.text for p in body.paragraphs]


def it_turns_paragraph_marks_in_box_text_into_line_breaks_only() -> None:
    fixed = keep_box_paragraphs(IN_A_CELL)
    assert b"First point here.\\line Second point here.\\line}" in fixed
    assert fixed.replace(b"\\line", b"\\par") == IN_A_CELL  # nothing else changed


@pytest.mark.parametrize(
    "data",
    [
        rb"{\rtf1 One.\par Two.\par}",  # no text box
        rb"{\rtf1 {\shptxt One.\par Two.\par}",  # braces that do not balance
    ],
)
def it_leaves_rich_text_without_a_whole_text_box_as_it_is(data: bytes) -> None:
    assert keep_box_paragraphs(data) == data


def it_leaves_words_that_only_look_like_paragraph_marks() -> None:
    data = rb"{\rtf1 {\shptxt a \\par b\pard c\par}{\*\shptxtx d\par}{\shptxt \bin4 \par}x\par}"
    kept = rb"{\rtf1 {\shptxt a \\par b\pard c\line}{\*\shptxtx d\par}{\shptxt \bin4 \par}x\par}"
    assert keep_box_paragraphs(data) == kept  # an escaped backslash, \pard, another word, binary data
