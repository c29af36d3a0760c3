"""How people really fill forms in Word: tracked changes, controls, fields, boxes."""

from __future__ import annotations

import pytest
from docx.document import Document as DocxDocument
from docx.table import _Cell
from lxml import etree

from supervision_forms import PackRegistry
from supervision_forms.docx.package import read_package
from supervision_forms.docx.reader import read_body
from supervision_forms.reading import ParseResult
from tests.forms.kit import (
    append,
    checkbox,
    content_control,
    document,
    in_paragraph,
    legacy_text_field,
    read,
    run,
    table,
    text_box,
    tracked,
)

LABEL = "Any other relevant issues for this agreement"


def _other_issues(packs: PackRegistry, fill: object) -> object:
    data = document(lambda doc: table(doc, [[LABEL, fill]]))  # type: ignore[list-item]
    return read(data, packs.get("portsmouth")).data.other_issues  # type: ignore[attr-defined]


def it_counts_tracked_insertions_and_drops_tracked_deletions(packs: PackRegistry) -> None:
    fill = append(tracked("del", run("To be discussed", deleted=True)), tracked("ins", run("Phased return.")))
    assert _other_issues(packs, fill) == "Phased return."


def it_reads_a_filled_content_control(packs: PackRegistry) -> None:
    assert _other_issues(packs, append(content_control([run("Phased return.")]))) == "Phased return."


def it_reads_a_content_control_showing_its_placeholder_as_empty(packs: PackRegistry) -> None:
    control = content_control([run("Click or tap here to enter text.")], placeholder=True)
    assert _other_issues(packs, append(control)) is None


def it_reads_a_block_content_control_round_several_paragraphs(packs: PackRegistry) -> None:
    from docx.oxml import OxmlElement

    def fill(cell: _Cell) -> None:
        paragraphs = []
        for text in ("First point.", "Second point."):
            p = OxmlElement("w:p")
            p.append(run(text))
            paragraphs.append(p)
        cell.paragraphs[0]._p.addprevious(content_control(paragraphs))

    assert _other_issues(packs, fill) == "First point.\nSecond point."


@pytest.mark.parametrize(("shown", "expected"), [("Phased return.", "Phased return."), ("", None)])
def it_reads_a_legacy_text_field(packs: PackRegistry, shown: str, expected: str | None) -> None:
    assert _other_issues(packs, append(*legacy_text_field(shown))) == expected


def it_reads_an_answer_typed_in_a_text_box(packs: PackRegistry) -> None:
    assert _other_issues(packs, append(text_box(["In a box.", "Second line."]))) == "In a box.\nSecond line."


@pytest.mark.parametrize("kind", ["glyph", "control", "legacy"])
def it_reads_the_ticked_option_of_tick_boxes(packs: PackRegistry, kind: str) -> None:
    def build(doc: DocxDocument) -> None:
        paragraph = doc.add_paragraph("Method of recording the session will be by ")
        for option, ticked in (
            ("handwritten notes", False),
            ("typed notes", True),
            ("the electronic record", False),
        ):
            in_paragraph(paragraph, *checkbox(ticked, kind), run(f" {option}   "))
        in_paragraph(
            paragraph, run("and the person responsible for recording the session will be the supervisor.")
        )

    result = read(document(build), packs.get("sefton"))
    assert result.data.recording.method == "typed notes"  # type: ignore[attr-defined]


def it_reads_blank_rows_between_a_label_and_its_answer(packs: PackRegistry) -> None:
    label = "How will the supervisee raise any issues regarding the supervision process?"
    rows = [[label, ""], ["", ""], ["By email, or at any session.", ""]]
    result = read(document(lambda doc: table(doc, rows)), packs.get("surrey"))
    assert result.data.raise_process_issues == "By email, or at any session."  # type: ignore[attr-defined]


def it_reads_cells_merged_across_columns(packs: PackRegistry) -> None:
    def build(doc: DocxDocument) -> None:
        table(doc, [["Staff member", "", ""], ["Manager", "", ""]])
        for row, name in zip(doc.tables[0].rows, ("Jane Smith", "Tom Jones"), strict=True):
            merged = row.cells[1].merge(row.cells[2])
            merged.paragraphs[0].add_run(name)

    result = read(document(build), packs.get("portsmouth"))
    assert result.data.supervisee.name == "Jane Smith"  # type: ignore[attr-defined]
    assert result.data.supervisor.name == "Tom Jones"  # type: ignore[attr-defined]


def it_reads_a_duration_written_beside_tick_boxes_or_keeps_it(packs: PackRegistry) -> None:
    def build(doc: DocxDocument) -> None:
        paragraph = doc.add_paragraph("Frequency of supervision: ")
        for option, ticked in (("Weekly", False), ("Fortnightly", True), ("Monthly", False)):
            in_paragraph(paragraph, *checkbox(ticked, "glyph"), run(f" {option}   "))
        in_paragraph(paragraph, run("Duration: 1 hour"))

    result = read(document(build), packs.get("sefton"))
    kept = " ".join(u.text for u in result.unmapped)
    assert result.data.duration_minutes == 60 or "1 hour" in kept  # type: ignore[attr-defined]


def it_warns_when_a_document_with_text_of_its_own_yields_no_field(packs: PackRegistry) -> None:
    data = document(lambda doc: doc.add_paragraph("Minutes of the allotment society, spring meeting."))
    result = read(data, packs.get("surrey"))
    assert result.unmapped and result.warnings[0].field == ""
    assert "no field was read" in result.warnings[0].message


def it_keeps_no_printed_list_numbers_in_unmapped(packs: PackRegistry) -> None:
    rows = [["3.", "Content of Supervision"], ["a)", LABEL], ["", "Nothing further."]]
    result = read(document(lambda doc: table(doc, rows)), packs.get("portsmouth"))
    assert not [u.text for u in result.unmapped if u.text.strip() in {"3.", "a)"}]


@pytest.mark.parametrize(
    "options", ["Weekly Fortnightly Monthly", "Every 2 weeks Every 4 weeks Every 6 weeks Other"]
)
def it_leaves_a_frequency_empty_when_its_options_are_printed_without_a_mark(
    packs: PackRegistry, options: str
) -> None:
    data = document(lambda doc: doc.add_paragraph(f"The frequency of supervision will be {options}"))
    result = read(data, packs.get("sefton"))
    assert result.data.frequency.description is None  # type: ignore[attr-defined]
    assert any(w.field == "frequency.description" for w in result.warnings)
    assert any(options in u.text for u in result.unmapped)


WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"


def _floating(box: etree._Element) -> etree._Element:
    """The same text box, floating (`wp:anchor`) instead of set in the line."""
    for inline in box.iter(f"{WP}inline"):
        inline.tag = f"{WP}anchor"
    return box


def it_reads_a_text_box_set_in_a_line_in_its_place() -> None:
    def build(doc: DocxDocument) -> None:
        in_paragraph(doc.add_paragraph("Duration: "), text_box(["45 mins"]), run("each time"))

    texts = [p.text for p in read_body(read_package(document(build))).paragraphs]
    assert texts == ["Duration: 45 mins each time"]


def it_reads_a_floating_text_box_after_its_anchor_paragraph() -> None:
    def build(doc: DocxDocument) -> None:
        in_paragraph(doc.add_paragraph("Duration: "), _floating(text_box(["45 mins"])), run("each time"))

    texts = [p.text for p in read_body(read_package(document(build))).paragraphs]
    assert texts == ["Duration: each time", "45 mins"]


@pytest.mark.parametrize("place", ["in the line", "floating"])
def it_reads_a_duration_typed_in_a_text_box_after_its_label(packs: PackRegistry, place: str) -> None:
    box = text_box(["45 mins"])
    typed = [run("Duration: "), box if place == "in the line" else _floating(box)]
    result = _frequency_and_duration(packs, "Every 4 weeks", typed)
    assert result.data.duration_minutes == 45  # type: ignore[attr-defined]
    assert result.data.frequency.description == "Every 4 weeks"  # type: ignore[attr-defined]


@pytest.mark.parametrize("ticked", ["Every 4 weeks", None])
def it_reads_a_duration_written_after_a_row_of_tick_boxes(packs: PackRegistry, ticked: str | None) -> None:
    result = _frequency_and_duration(packs, ticked, [run("     Duration: 60 mins")])
    assert result.data.duration_minutes == 60  # type: ignore[attr-defined]
    assert result.data.frequency.description == ticked  # type: ignore[attr-defined]


def _frequency_and_duration(
    packs: PackRegistry, ticked: str | None, typed: list[etree._Element]
) -> ParseResult:
    """An older Surrey form's frequency row: tick boxes, then "Duration:" and what was typed."""

    def fill(cell: _Cell) -> None:
        paragraph = cell.paragraphs[0]
        for option in ("Every 2 weeks", "Every 4 weeks", "Every 6 weeks", "Other"):
            in_paragraph(paragraph, *checkbox(option == ticked, "legacy"), run(f" {option}   "))
        in_paragraph(paragraph, *typed)

    data = document(lambda doc: table(doc, [["Supervision\nFrequency and duration?", fill]]))
    return read(data, packs.get("surrey"))
