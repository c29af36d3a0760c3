"""Reading the councils' own forms from PDF: exported text, fillable fields, scans."""

from __future__ import annotations

import datetime
import io
from pathlib import Path

import pytest
from docx.document import Document as DocxDocument
from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    StreamObject,
    TextStringObject,
)

from supervision_forms import PackRegistry, parse
from supervision_forms.errors import NeedsOcr
from supervision_forms.ocr import ScanUnreadable, tesseract_available
from supervision_forms.office import convert
from tests.conftest import needs_libreoffice

from .kit import append, document, in_paragraph, run, table, tracked


def _pdf(lines: list[tuple[float, float, str]], fields: list[tuple[str, str]] = ()) -> bytes:  # type: ignore[assignment]
    """A one-page PDF with Helvetica text at (x, y), and fillable text fields."""
    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
            NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
        }
    )
    fonts = DictionaryObject({NameObject("/F1"): writer._add_object(font)})
    page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): fonts})
    content = StreamObject()
    content.set_data(
        "\n".join(f"BT /F1 11 Tf {x} {y} Td ({text}) Tj ET" for x, y, text in lines).encode("latin-1")
    )
    page[NameObject("/Contents")] = writer._add_object(content)
    widgets = ArrayObject()
    for number, (name, value) in enumerate(fields):
        widget = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Annot"),
                NameObject("/Subtype"): NameObject("/Widget"),
                NameObject("/FT"): NameObject("/Tx"),
                NameObject("/T"): TextStringObject(name),
                NameObject("/V"): TextStringObject(value),
                NameObject("/Rect"): ArrayObject(
                    [FloatObject(v) for v in (300, 700 - 30 * number, 500, 715 - 30 * number)]
                ),
            }
        )
        widgets.append(writer._add_object(widget))
    page[NameObject("/Annots")] = widgets
    writer._root_object[NameObject("/AcroForm")] = DictionaryObject(
        {NameObject("/Fields"): ArrayObject(widgets)}
    )
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def it_reads_a_fillable_pdfs_form_fields_by_their_names(packs: PackRegistry) -> None:
    lines = [
        (72.0, 760.0, "Supervision Agreement"),
        (72.0, 700.0, "Name of supervisor"),
        (72.0, 670.0, "Name of staff member"),
    ]
    data = _pdf(lines, [("Name of supervisor", "Tom Jones"), ("Name_of_staff_member", "Jane Smith")])
    result = parse(data, pack="surrey", packs=packs)
    assert result.data.supervisor.name == "Tom Jones"  # type: ignore[attr-defined]
    assert result.data.supervisee.name == "Jane Smith"  # type: ignore[attr-defined]
    assert result.sources["supervisee.name"] == "form field Name_of_staff_member"


def it_reads_answers_beside_and_after_labels_in_pdf_text(packs: PackRegistry) -> None:
    lines = [
        (72.0, 760.0, "Name Supervisee: Jane Smith"),
        (72.0, 740.0, "Name Supervisor/Manager: Tom Jones"),
        (72.0, 700.0, "The frequency of supervision will be ......monthly......"),
        (72.0, 680.0, "Date of Review: 3rd March 2027"),
    ]
    result = parse(_pdf(lines), pack="sefton", packs=packs)
    data = result.data
    assert (data.supervisee.name, data.supervisor.name) == ("Jane Smith", "Tom Jones")  # type: ignore[attr-defined]
    assert data.frequency.description == "monthly"  # type: ignore[attr-defined]
    assert data.review_date == datetime.date(2027, 3, 3)  # type: ignore[attr-defined]
    assert result.sources["review_date"] == "page 1, line 4"


def it_says_a_pdf_without_text_needs_ocr_or_that_ocr_read_nothing(packs: PackRegistry) -> None:
    if tesseract_available():  # OCR ran: the page is blank
        with pytest.raises(ScanUnreadable, match="OCR read no text"):
            parse(_pdf([]), packs=packs)
        return
    with pytest.raises(NeedsOcr, match="needs OCR"):
        parse(_pdf([]), packs=packs)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Filled forms exported to PDF by LibreOffice, in one call."""
    needs_libreoffice()
    folder = tmp_path_factory.mktemp("exports")

    def corrected(doc: DocxDocument) -> None:
        fill = append(
            tracked("del", run("Wrong Name", deleted=True)), run(" "), tracked("ins", run("Jane Smith"))
        )
        table(doc, [["Staff member", fill], ["Manager", "Tom Jones"]])
        table(doc, [["Signed manager", "Tom Jones", "Date", "3rd March 2026"]])

    def signed(doc: DocxDocument) -> None:
        paragraph = doc.add_paragraph("Signature of")
        in_paragraph(paragraph, run("\nsupervisee: Jane Smith                    Date: 04/03/2026"))
        doc.add_paragraph("7. Date this agreement will be reviewed is: 3 Mar 2027")

    def decided(doc: DocxDocument) -> None:
        action = "Joint home visit with the health visitor to see the youngest child this month"
        reason = "Not seen by a health professional since October, and the school has raised it."
        table(
            doc,
            [
                ["Action", "Who", "By when", "Reason for decision"],
                [action, "Tom Wheeler", "20 November 2026", reason],
            ],
        )

    def headed(doc: DocxDocument) -> None:  # a heading set on two lines in its cell, whatever the fonts
        table(
            doc,
            [
                ["Action", "Who", "By when", "Reason for\ndecision"],
                ["Joint home visit", "Tom Wheeler", "20 November 2026", "Not seen since October."],
            ],
        )

    sources = []
    builds = (("corrected", corrected), ("signed", signed), ("decided", decided), ("headed", headed))
    for name, build in builds:
        path = folder / f"{name}.docx"
        path.write_bytes(document(build))
        sources.append(path)
    outputs = convert(sources, "pdf", folder / "pdf")
    return {path.stem: path for path in outputs}


@pytest.mark.libreoffice
def it_leaves_out_text_struck_through_as_a_tracked_deletion(
    exported: dict[str, Path], packs: PackRegistry
) -> None:
    result = parse(exported["corrected"], pack="portsmouth", packs=packs)
    assert result.data.supervisee.name == "Jane Smith"  # type: ignore[attr-defined]
    assert result.data.signatures.supervisor.date == datetime.date(2026, 3, 3)  # type: ignore[attr-defined]


@pytest.mark.libreoffice
def it_reads_a_signature_line_from_a_pdf(exported: dict[str, Path], packs: PackRegistry) -> None:
    result = parse(exported["signed"], pack="surrey", packs=packs)
    signature = result.data.signatures.supervisee  # type: ignore[attr-defined]
    assert (signature.name, signature.date) == ("Jane Smith", datetime.date(2026, 3, 4))
    assert result.data.review_date == datetime.date(2027, 3, 3)  # type: ignore[attr-defined]


@pytest.mark.libreoffice
def it_reads_a_decision_row_whose_cells_wrap_over_lines(
    exported: dict[str, Path], packs: PackRegistry
) -> None:
    result = parse(exported["decided"], pack="portsmouth", document="case_record", packs=packs)
    (decision,) = result.data.decisions  # type: ignore[attr-defined]
    assert decision.owner == "Tom Wheeler"
    assert decision.due == datetime.date(2026, 11, 20)
    assert decision.action.startswith("Joint home visit") and decision.action.endswith("this month")


@pytest.mark.libreoffice
def it_reads_the_rows_under_a_heading_set_on_two_lines_in_its_cell(
    exported: dict[str, Path], packs: PackRegistry
) -> None:
    result = parse(exported["headed"], pack="portsmouth", document="case_record", packs=packs)
    (decision,) = result.data.decisions  # type: ignore[attr-defined]
    assert (decision.action, decision.owner) == ("Joint home visit", "Tom Wheeler")
    assert decision.reason == "Not seen since October."
