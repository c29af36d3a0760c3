"""Writing the data our own PDFs carry (read back by `reading/carried.py`): the document's
model as JSON, attached the way Factur-X invoices carry their XML, as a PDF/A-3
associated file ("supervision-forms.json", relationship Data).

The attachment is appended to the PDF as an incremental update (the new objects, the
catalog again with the attachment added, and a cross-reference section pointing back to
the original one), so the PDF LibreOffice wrote stays as it is, byte for byte, in front:
about 3 ms a PDF, where rewriting the whole file with pypdf took 50-70 ms. A PDF whose
cross-references are a stream, or that already has attachments, is rewritten with pypdf
instead. Imports no reader: a batch attaches without loading the reading code.
"""

from __future__ import annotations

import datetime
import io
import json
import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # a reading worker imports this module for ATTACHMENT, and needs no pydantic
    from pydantic import BaseModel

ATTACHMENT = "supervision-forms.json"
DESCRIPTION = "The document's data (supervision-forms)"
_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")


def data_payload(pack: str, document: str, data: BaseModel) -> bytes:
    """The attachment's bytes: which pack and document, and the model as JSON."""
    return json.dumps(
        {"pack": pack, "document": document, "data": data.model_dump(mode="json")}, ensure_ascii=False
    ).encode("utf-8")


def attach_data(pdf: bytes, pack: str, document: str, data: BaseModel) -> bytes:
    """`pdf` with the model attached as its data (a PDF/A-3 associated file)."""
    return attach_payload(pdf, data_payload(pack, document, data))


def attach_payload(pdf: bytes, payload: bytes) -> bytes:
    """`pdf` with `payload` attached as its data: appended where the PDF allows it, else
    the whole PDF rewritten."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    appended = _appended(pdf, reader, payload)
    return appended if appended is not None else _rewritten(reader, payload)


def _pdf_date() -> str:
    return datetime.datetime.now(datetime.UTC).strftime("D:%Y%m%d%H%M%S+00'00'")


def _appended(pdf: bytes, reader: Any, payload: bytes) -> bytes | None:
    """The incremental update, or None where this PDF needs a rewrite (encrypted,
    cross-reference streams, attachments already there, an unusual catalog)."""
    from pypdf.generic import (
        ArrayObject,
        DecodedStreamObject,
        DictionaryObject,
        IndirectObject,
        NameObject,
        NumberObject,
        TextStringObject,
    )

    found = _STARTXREF.search(pdf[-64:])
    if reader.is_encrypted or found is None:
        return None
    previous = int(found.group(1))
    if not pdf.startswith(b"xref", previous):
        return None  # a cross-reference stream: an update would need one too
    trailer = reader.trailer
    root = trailer.raw_get("/Root")
    size = trailer.get("/Size")
    if not isinstance(root, IndirectObject) or not isinstance(size, int):
        return None
    catalog = root.get_object()
    if not isinstance(catalog, DictionaryObject):
        return None
    names = catalog.get("/Names")
    names = names.get_object() if names is not None else DictionaryObject()
    files = catalog.get("/AF")
    files = files.get_object() if files is not None else ArrayObject()
    if not isinstance(names, DictionaryObject) or not isinstance(files, ArrayObject):
        return None
    if "/EmbeddedFiles" in names:
        return None
    data_number, spec_number = int(size), int(size) + 1
    stream = DecodedStreamObject()
    stream.set_data(payload)
    stream.update(
        {
            NameObject("/Type"): NameObject("/EmbeddedFile"),
            NameObject("/Subtype"): NameObject("/application/json"),
            NameObject("/Params"): DictionaryObject(
                {
                    NameObject("/ModDate"): TextStringObject(_pdf_date()),
                    NameObject("/Size"): NumberObject(len(payload)),
                }
            ),
        }
    )
    spec_ref = IndirectObject(spec_number, 0, reader)
    spec = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Filespec"),
            NameObject("/F"): TextStringObject(ATTACHMENT),
            NameObject("/UF"): TextStringObject(ATTACHMENT),
            NameObject("/EF"): DictionaryObject({NameObject("/F"): IndirectObject(data_number, 0, reader)}),
            NameObject("/Desc"): TextStringObject(DESCRIPTION),
            NameObject("/AFRelationship"): NameObject("/Data"),
        }
    )
    new_names = DictionaryObject(names)
    new_names[NameObject("/EmbeddedFiles")] = DictionaryObject(
        {NameObject("/Names"): ArrayObject([TextStringObject(ATTACHMENT), spec_ref])}
    )
    new_catalog = DictionaryObject(catalog)
    new_catalog[NameObject("/Names")] = new_names
    new_catalog[NameObject("/AF")] = ArrayObject([*files, spec_ref])

    out = io.BytesIO()
    out.write(pdf)
    if not pdf.endswith((b"\n", b"\r")):
        out.write(b"\n")
    offsets: dict[int, tuple[int, int]] = {}
    for number, generation, item in (
        (data_number, 0, stream.flate_encode()),
        (spec_number, 0, spec),
        (root.idnum, root.generation, new_catalog),
    ):
        offsets[number] = (out.tell(), generation)
        out.write(b"%d %d obj\n" % (number, generation))
        item.write_to_stream(out)
        out.write(b"\nendobj\n")
    start = out.tell()
    out.write(b"xref\n")
    for first, count in _runs(sorted(offsets)):
        out.write(b"%d %d\n" % (first, count))
        for number in range(first, first + count):
            offset, generation = offsets[number]
            out.write(b"%010d %05d n\r\n" % (offset, generation))
    new_trailer = DictionaryObject(
        {NameObject("/Size"): NumberObject(spec_number + 1), NameObject("/Root"): root}
    )
    for key in ("/Info", "/ID"):  # PDF/A: every trailer has the file's ID
        if key in trailer:
            new_trailer[NameObject(key)] = trailer.raw_get(key)
    new_trailer[NameObject("/Prev")] = NumberObject(previous)
    out.write(b"trailer\n")
    new_trailer.write_to_stream(out)
    out.write(b"\nstartxref\n%d\n%%%%EOF\n" % start)
    return out.getvalue()


def _runs(numbers: list[int]) -> list[tuple[int, int]]:
    """Sorted object numbers as (first, count) runs of consecutive numbers."""
    runs: list[tuple[int, int]] = []
    for number in numbers:
        if runs and runs[-1][0] + runs[-1][1] == number:
            runs[-1] = (runs[-1][0], runs[-1][1] + 1)
        else:
            runs.append((number, 1))
    return runs


def _rewritten(reader: Any, payload: bytes) -> bytes:
    """The whole PDF written again by pypdf, with the attachment."""
    from pypdf import PdfWriter
    from pypdf.generic import ArrayObject, NameObject, TextStringObject

    writer = PdfWriter(clone_from=reader)
    writer.pdf_header = reader.pdf_header  # PDF/A-3 as LibreOffice wrote it: 1.6 or 1.7
    attached = writer.add_attachment(ATTACHMENT, payload)
    attached.subtype = NameObject("/application/json")
    attached.description = TextStringObject(DESCRIPTION)
    attached.alternative_name = TextStringObject(ATTACHMENT)
    attached.associated_file_relationship = NameObject("/Data")
    attached.modification_date = datetime.datetime.now(datetime.UTC)
    files = writer.root_object.get("/AF")
    files = files.get_object() if files is not None else ArrayObject()
    files.append(attached.pdf_object.indirect_reference)
    writer.root_object[NameObject("/AF")] = files
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
