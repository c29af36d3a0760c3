"""The data our PDFs carry: appended to the PDF as an incremental update, read back whole."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader, PdfWriter

from supervision_forms.pdfdata import ATTACHMENT, attach_data, attach_payload
from supervision_forms.registry import installed_packs


def a_pdf(pages: int = 2, with_id: bool = True) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(595, 842)
    writer.add_metadata({"/Keywords": "supervision-forms, pack=portsmouth, document=agreement"})
    if with_id:  # as LibreOffice writes it (PDF/A needs one)
        writer.generate_file_identifiers()
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def attached(pdf: bytes) -> list[bytes]:
    return PdfReader(io.BytesIO(pdf)).attachments.get(ATTACHMENT, [])


def it_appends_the_data_and_leaves_the_pdf_before_it_as_it_was() -> None:
    original = a_pdf()
    model = installed_packs().get("portsmouth").example("agreement")
    carried = attach_data(original, "portsmouth", "agreement", model)
    assert carried.startswith(original) and carried.endswith(b"%%EOF\n")
    [data] = attached(carried)
    assert json.loads(data) == {
        "pack": "portsmouth",
        "document": "agreement",
        "data": model.model_dump(mode="json"),
    }
    reader = PdfReader(io.BytesIO(carried))
    assert len(reader.pages) == 2
    assert "supervision-forms" in str(reader.metadata.get("/Keywords")) if reader.metadata else False
    files: Any = reader.root_object["/AF"]  # PDF/A-3 associated files
    [spec] = [item.get_object() for item in files]
    assert spec["/AFRelationship"] == "/Data"
    assert spec["/EF"]["/F"].get_object()["/Subtype"] == "/application/json"
    assert reader.trailer["/ID"] == PdfReader(io.BytesIO(original)).trailer["/ID"]  # PDF/A: the ID stays


def it_points_each_object_of_the_update_at_its_place() -> None:
    original = a_pdf()
    carried = attach_payload(original, b'{"pack": "x"}')
    tail = carried[len(original) :]
    xref = tail.index(b"\nxref\n") + 1
    assert carried.rstrip().endswith(b"startxref\n%d\n%%%%EOF" % (len(original) + xref))
    lines = tail[xref:].split(b"trailer")[0].split(b"\n")[1:]
    number = 0
    for line in lines:
        parts = line.split()
        if len(parts) == 2:
            number = int(parts[0])
        elif len(parts) == 3:
            offset = int(parts[0])
            assert carried[offset:].startswith(b"%d 0 obj" % number)
            number += 1


def it_adds_to_attachments_already_there_by_writing_the_pdf_again() -> None:
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.add_attachment("notes.txt", b"someone else's")
    buffer = io.BytesIO()
    writer.write(buffer)
    carried = attach_payload(buffer.getvalue(), b'{"pack": "x"}')
    files = PdfReader(io.BytesIO(carried)).attachments
    assert files[ATTACHMENT] == [b'{"pack": "x"}'] and files["notes.txt"] == [b"someone else's"]


def it_attaches_to_a_pdf_without_a_file_id() -> None:
    carried = attach_payload(a_pdf(with_id=False), b"{}")
    assert attached(carried) == [b"{}"] and "/ID" not in PdfReader(io.BytesIO(carried)).trailer


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler's pdfinfo is not installed")
def it_gives_a_pdf_that_poppler_opens(tmp_path: Path) -> None:
    path = tmp_path / "carried.pdf"
    path.write_bytes(attach_payload(a_pdf(), b'{"pack": "x"}'))
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    assert "Pages:           2" in info.stdout and not info.stderr
    listed = subprocess.run(["pdfdetach", "-list", str(path)], capture_output=True, text=True, check=True)
    assert ATTACHMENT in listed.stdout
