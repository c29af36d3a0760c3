"""Old formats from a council's archive (.doc, .dot, .rtf, .odt, .ott) read through LibreOffice."""

from __future__ import annotations

import io
import subprocess
import zipfile
from pathlib import Path

import pytest

from supervision_forms import parse, render
from supervision_forms.conversion import to_docx
from supervision_forms.errors import CorruptDocument, EncryptedDocument
from supervision_forms.formats import Format, sniff
from supervision_forms.models import Agreement
from supervision_forms.office import convert, find_uno_python, soffice
from tests.conftest import PACK_NAMES, needs_libreoffice

pytestmark = pytest.mark.libreoffice

TARGETS = {
    "doc": "doc:MS Word 97",
    "dot": "dot:MS Word 97 Vorlage",
    "rtf": "rtf:Rich Text Format",
    "odt": "odt:writer8",
    "ott": "ott:writer8_template",
}
FORMATS = {"doc": "doc", "dot": "dot", "rtf": "rtf", "odt": "odt", "ott": "odt"}


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory, examples: dict[str, Agreement]) -> Path:
    """Each pack's example agreement saved by LibreOffice in each old format."""
    needs_libreoffice()
    folder = tmp_path_factory.mktemp("archive")
    sources = []
    for pack in PACK_NAMES:
        source = folder / f"{pack}.docx"
        source.write_bytes(render(examples[pack], pack=pack))
        sources.append(source)
    for target in TARGETS.values():
        convert(sources, target, folder)
    return folder


@pytest.mark.parametrize("suffix", list(TARGETS))
@pytest.mark.parametrize("pack", PACK_NAMES)
def it_reads_an_old_format_document_exactly(
    archive: Path, pack: str, suffix: str, examples: dict[str, Agreement]
) -> None:
    result = parse(archive / f"{pack}.{suffix}")
    assert (result.pack, result.document) == (pack, "agreement")
    assert result.data == examples[pack]
    assert result.envelope()["format"] == FORMATS[suffix]
    assert not result.unmapped


def it_knows_each_old_format_from_its_bytes_not_its_name(archive: Path) -> None:
    for suffix, expected in FORMATS.items():
        assert sniff((archive / f"surrey.{suffix}").read_bytes(), "x") is Format(expected)


def _saved_with_password(source: Path, target: Path, filter_name: str) -> None:
    """Save `source` with a password to open, as a person would in LibreOffice."""
    binary = soffice()
    python = find_uno_python(binary or "")
    if binary is None or python is None:
        pytest.skip("needs LibreOffice's Python (python3-uno)")
    script = Path(__file__).with_name("uno_save_with_password.py")
    profile = (target.parent / "profile").as_uri()
    subprocess.run(
        [python, str(script), binary, str(source), str(target), filter_name, profile], check=True, timeout=180
    )


@pytest.mark.parametrize(("suffix", "filter_name"), [("doc", "MS Word 97"), ("odt", "writer8")])
def it_says_an_encrypted_old_document_is_password_protected(
    archive: Path, tmp_path: Path, suffix: str, filter_name: str
) -> None:
    target = tmp_path / f"locked.{suffix}"
    _saved_with_password(archive / "surrey.docx", target, filter_name)
    with pytest.raises(EncryptedDocument, match="password-protected"):
        parse(target)


def it_never_pulls_a_local_file_into_a_converted_rtf(tmp_path: Path) -> None:
    needs_libreoffice()
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRETLINE\n", encoding="utf-8")
    rtf = (
        r"{\rtf1\ansi{\fonttbl\f0 Arial;}\f0 Supervision Agreement\par "
        r'{\field{\*\fldinst INCLUDETEXT "' + secret.as_posix() + r'"}{\fldrslt as last shown}}\par}'
    )
    converted = to_docx(rtf.encode("ascii"), Format.RTF, "linked.rtf")
    text = zipfile.ZipFile(io.BytesIO(converted)).read("word/document.xml")
    assert b"as last shown" in text
    assert b"TOPSECRETLINE" not in text


def it_never_updates_an_odt_section_linked_to_a_local_file(tmp_path: Path) -> None:
    needs_libreoffice()
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRETLINE\n", encoding="utf-8")
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.2"><office:body><office:text>'
        "<text:p>Supervision Agreement</text:p>"
        '<text:section text:name="Linked"><text:section-source xlink:type="simple" '
        f'xlink:href="{secret.as_uri()}" text:filter-name="Text"/>'
        "<text:p>as last shown</text:p></text:section>"
        "</office:text></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.2"><manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as odt:
        odt.writestr("mimetype", "application/vnd.oasis.opendocument.text", zipfile.ZIP_STORED)
        odt.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        odt.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
    assert sniff(buffer.getvalue(), "linked.odt") is Format.ODT
    converted = to_docx(buffer.getvalue(), Format.ODT, "linked.odt")
    assert b"TOPSECRETLINE" not in zipfile.ZipFile(io.BytesIO(converted)).read("word/document.xml")


def it_refuses_an_old_file_libreoffice_cannot_open() -> None:
    needs_libreoffice()
    broken = rb"{\rtf1\ansi " + b"{" * 50_000
    with pytest.raises(CorruptDocument):
        to_docx(broken, Format.RTF, "broken.rtf")
