"""Macros never run when we convert old formats (issue 10.1).

The hostile documents are a real Surrey agreement saved by LibreOffice as .doc and as
.odt, then armed: the .doc with a VBA project (Document_Open, AutoOpen, ...), the .odt
with a Basic macro on every document event. Each macro appends its name to a marker
file in the test's own folder. The controls show the macros are real (a permissive
LibreOffice runs them); the other tests show that our conversions run none of them and
still give a readable .docx.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path

import olefile
import pytest
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from supervision_forms import PackRegistry, parse
from supervision_forms.docx.package import macro_parts, unpack_package
from supervision_forms.office import SAFE_SETTINGS, ConverterPool, convert
from tests.conftest import needs_libreoffice
from tests.hostile.odt_macro import with_basic_macros
from tests.hostile.office_control import ALWAYS_EXECUTE_NO_WARN, PERMISSIVE, open_and_copy, uno_python
from tests.hostile.vba_doc import compress, with_macros

with warnings.catch_warnings():  # oletools still calls pyparsing's old names
    warnings.simplefilter("ignore", DeprecationWarning)
    from oletools.olevba import VBA_Parser, decompress_stream

pytestmark = pytest.mark.libreoffice
TEXT = "Surrey"  # printed on the form: the converted .docx must still hold it


@dataclass(frozen=True)
class Armed:
    doc: Path  # Word 97-2003 with a VBA project
    odt: Path  # OpenDocument with Basic on every event
    marker: Path  # what any macro that runs writes to


@pytest.fixture(scope="module")
def saved_by_libreoffice(genuine_docx: bytes, tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The genuine agreement as LibreOffice saves it in the old formats."""
    needs_libreoffice()
    folder = tmp_path_factory.mktemp("old-formats")
    source = folder / "agreement.docx"
    source.write_bytes(genuine_docx)
    [doc] = convert([source], "doc:MS Word 97", folder)
    [odt] = convert([source], "odt:writer8", folder)
    return {"doc": doc.read_bytes(), "odt": odt.read_bytes()}


@pytest.fixture
def armed(saved_by_libreoffice: dict[str, bytes], tmp_path: Path) -> Armed:
    marker = tmp_path / "a-macro-ran.txt"
    folder = tmp_path / "in"
    folder.mkdir()
    doc, odt = folder / "vba.doc", folder / "basic.odt"  # different stems: outputs are named by stem
    doc.write_bytes(with_macros(saved_by_libreoffice["doc"], marker))
    odt.write_bytes(with_basic_macros(saved_by_libreoffice["odt"], marker))
    return Armed(doc, odt, marker)


def ran(marker: Path) -> set[str]:
    return set(marker.read_text(encoding="utf-8").split()) if marker.exists() else set()


def text_of(docx: Path) -> str:
    """The text of a converted document, which must carry no macros on (word/vbaProject.bin)."""
    assert macro_parts(unpack_package(docx.read_bytes(), docx.name)) == []
    document = Document(str(docx))
    cells = (cell.text for table in document.tables for row in table.rows for cell in row.cells)
    return "\n".join([*(p.text for p in document.paragraphs), *cells])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=9000) | st.text(max_size=3000).map(str.encode))
def it_compresses_as_ms_ovba_says(data: bytes) -> None:
    assert decompress_stream(bytearray(compress(data))) == data


def it_builds_a_doc_whose_vba_olevba_reads_back(
    saved_by_libreoffice: dict[str, bytes], tmp_path: Path
) -> None:
    marker = tmp_path / "marker.txt"
    armed = with_macros(saved_by_libreoffice["doc"], marker)
    original, result = olefile.OleFileIO(saved_by_libreoffice["doc"]), olefile.OleFileIO(armed)
    assert result.root.clsid == original.root.clsid
    assert all(result.openstream(p).read() == original.openstream(p).read() for p in original.listdir())
    parser = VBA_Parser("vba.doc", data=armed)
    modules = {stream: code for _, stream, _, code in parser.extract_macros()}
    assert set(modules) == {"Macros/VBA/ThisDocument", "Macros/VBA/AutoRun"}
    assert "Private Sub Document_Open()" in modules["Macros/VBA/ThisDocument"]
    assert "Public Sub AutoOpen()" in modules["Macros/VBA/AutoRun"]
    assert all(f'Open "{marker}" For Append' in code for code in modules.values())
    triggers = {keyword for kind, keyword, _ in parser.analyze_macros() if kind == "AutoExec"}
    assert {"AutoOpen", "Document_Open"} <= triggers


def it_runs_the_odt_basic_in_a_permissive_libreoffice(armed: Armed, tmp_path: Path) -> None:
    """The control for the .odt: LibreOffice runs its macros on opening and on copying."""
    opened = open_and_copy(
        armed.odt, tmp_path / "control", settings=PERMISSIVE, hidden=False, macro_mode=ALWAYS_EXECUTE_NO_WARN
    )
    assert {"OnLoad", "OnCopyTo"} <= ran(armed.marker), opened.said
    assert opened.pipes_left == []


def it_runs_the_doc_vba_when_a_permissive_libreoffice_sends_document_open(
    armed: Armed, tmp_path: Path
) -> None:
    """The control for the .doc. LibreOffice 7.4 never sends a Word document its open
    event by itself (it asks for its VBA event processor by a name it does not register),
    so the driver hands LibreOffice's own processor the event it would have sent."""
    opened = open_and_copy(
        armed.doc,
        tmp_path / "control",
        settings=PERMISSIVE,
        hidden=False,
        macro_mode=ALWAYS_EXECUTE_NO_WARN,
        send_vba_document_open=True,
    )
    assert {"Document_Open", "AutoOpen"} <= ran(armed.marker), opened.said
    assert opened.pipes_left == []


@pytest.mark.parametrize("kind", ["doc", "odt"])
def it_runs_no_macro_with_our_settings_even_when_the_loader_allows_them(
    armed: Armed, tmp_path: Path, kind: str
) -> None:
    """Our profile alone blocks them: opened visible, with "always execute", and sent
    Document_Open, the documents still run nothing, and the copy is written."""
    opened = open_and_copy(
        armed.doc if kind == "doc" else armed.odt,
        tmp_path / "ours",
        settings=SAFE_SETTINGS,
        hidden=False,
        macro_mode=ALWAYS_EXECUTE_NO_WARN,
        send_vba_document_open=kind == "doc",
    )
    assert opened.status == 0, opened.said
    assert ran(armed.marker) == set()
    assert TEXT in text_of(opened.copy)
    assert opened.pipes_left == []


def it_converts_them_in_one_call_without_running_a_macro(armed: Armed, tmp_path: Path) -> None:
    outputs = convert([armed.doc, armed.odt], "docx", tmp_path / "out")
    assert ran(armed.marker) == set()
    assert all(TEXT in text_of(output) for output in outputs)


def it_converts_them_in_a_converter_pool_without_running_a_macro(armed: Armed, tmp_path: Path) -> None:
    uno_python()  # the pool's long-running converter needs it
    with ConverterPool(1) as pool:
        assert pool.long_running
        results = pool.submit([armed.doc, armed.odt], tmp_path / "out", "docx").result()
    assert ran(armed.marker) == set()
    assert [r.error for r in results] == [None, None]
    assert all(r.output is not None and TEXT in text_of(r.output) for r in results)


def it_parses_them_without_running_a_macro(armed: Armed, genuine_docx: bytes, packs: PackRegistry) -> None:
    expected = parse(genuine_docx, packs=packs).data
    for document in (armed.doc, armed.odt):
        result = parse(document, packs=packs)
        assert (result.source_format, result.data) == (document.suffix[1:], expected)
    assert ran(armed.marker) == set()
