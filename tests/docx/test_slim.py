"""The lighter copy LibreOffice converts: only the styles nothing names go, and the pages
it makes are the pages of the document."""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import pytest

from supervision_forms.docx.fastzip import zip_parts
from supervision_forms.docx.slim import STYLES, slim_copy
from supervision_forms.office import PDF_A3, soffice
from supervision_forms.registry import installed_packs
from supervision_forms.render import render
from tests.conftest import needs_libreoffice

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def style(kind: str, name: str, *inside: str, default: bool = False) -> str:
    flag = ' w:default="1"' if default else ""
    opening = f'<w:style w:type="{kind}"{flag} w:styleId="{name}">'
    return f'{opening}<w:name w:val="{name}"/>{"".join(inside)}</w:style>'


def package(path: Path, styles: list[str], **parts: str) -> Path:
    xml = f'<?xml version="1.0" encoding="UTF-8"?>\n<w:styles {W}>{"".join(styles)}</w:styles>'
    named = {
        "[Content_Types].xml": "<Types/>",
        "word/document.xml": body(""),
        STYLES: xml,
        **{f"word/{name}.xml": text for name, text in parts.items()},
    }
    path.write_bytes(zip_parts({name: text.encode() for name, text in named.items()}))
    return path


def style_ids(path: Path) -> set[str]:
    with zipfile.ZipFile(path) as docx:
        return set(re.findall(r'w:styleId="([^"]+)"', docx.read(STYLES).decode()))


def body(inside: str) -> str:
    return f"<w:document {W}><w:body>{inside}</w:body></w:document>"


def it_keeps_every_style_a_part_names_with_its_bases_and_the_defaults(tmp_path: Path) -> None:
    source = package(
        tmp_path / "a.docx",
        [
            style("paragraph", "Normal", default=True),
            style("paragraph", "Base"),
            style("paragraph", "InHeader", '<w:basedOn w:val="Base"/>', '<w:link w:val="InHeaderChar"/>'),
            style("character", "InHeaderChar"),
            style("paragraph", "InNumbering"),
            style("table", "InBody"),
            style("paragraph", "Unused", '<w:basedOn w:val="Base"/>'),
            style("paragraph", "AlsoUnused"),
        ],
        header1=f'<w:hdr {W}><w:p><w:pPr><w:pStyle w:val="InHeader"/></w:pPr></w:p></w:hdr>',
        numbering=f"<w:numbering {W}><w:lvl><w:pStyle w:val='InNumbering'/></w:lvl></w:numbering>",
        document=body('<w:tbl><w:tblPr><w:tblStyle w:val="InBody"/></w:tblPr></w:tbl>'),
    )
    assert slim_copy(source, tmp_path / "b.docx")
    kept = {"Normal", "Base", "InHeader", "InHeaderChar", "InNumbering", "InBody"}
    assert style_ids(tmp_path / "b.docx") == kept


def it_changes_no_other_part_nor_the_order_of_the_parts(tmp_path: Path) -> None:
    source = tmp_path / "a.docx"
    source.write_bytes(render(installed_packs().get("sefton").example("agreement"), pack="sefton"))
    assert slim_copy(source, tmp_path / "b.docx")
    with zipfile.ZipFile(source) as before, zipfile.ZipFile(tmp_path / "b.docx") as after:
        assert after.testzip() is None
        assert after.namelist() == before.namelist()
        changed = [name for name in before.namelist() if before.read(name) != after.read(name)]
    assert changed == [STYLES]
    assert len(style_ids(tmp_path / "b.docx")) < len(style_ids(source)) / 4  # the gallery goes


def it_writes_nothing_where_every_style_is_in_use(tmp_path: Path) -> None:
    source = package(
        tmp_path / "a.docx",
        [style("paragraph", "Normal", default=True), style("paragraph", "Used")],
        document=body('<w:p><w:pPr><w:pStyle w:val="Used"/></w:pPr></w:p>'),
    )
    assert not slim_copy(source, tmp_path / "b.docx")
    assert not (tmp_path / "b.docx").exists()


@pytest.mark.parametrize("content", [b"not a zip", b"PK\x03\x04broken"])
def it_leaves_a_damaged_package_to_libreoffice_as_it_is(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "a.docx").write_bytes(content)
    assert not slim_copy(tmp_path / "a.docx", tmp_path / "b.docx")
    assert not (tmp_path / "b.docx").exists()


@pytest.mark.libreoffice
def it_makes_the_same_pages_as_the_document_itself(tmp_path: Path) -> None:
    needs_libreoffice()
    packs = installed_packs()
    for side in ("document", "copy"):
        (tmp_path / side).mkdir()
    for name in ("portsmouth", "surrey", "sefton"):
        for kind in packs.get(name).spec.documents:
            source = tmp_path / "document" / f"{name}-{kind}.docx"
            source.write_bytes(render(packs.get(name).example(kind), pack=name, document=kind))
            assert slim_copy(source, tmp_path / "copy" / source.name)
    pages: dict[str, list[bytes]] = {}
    for side in ("document", "copy"):
        folder = tmp_path / side
        profile = f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}"
        files = sorted(str(path) for path in folder.glob("*.docx"))
        binary = soffice()
        assert binary is not None
        convert = [binary, profile, "--headless", "--convert-to", f"pdf:{PDF_A3}", "--outdir", str(folder)]
        subprocess.run([*convert, *files], check=True, capture_output=True, timeout=600)
        for pdf in sorted(folder.glob("*.pdf")):
            subprocess.run(["pdftoppm", "-r", "50", str(pdf), str(folder / pdf.stem)], check=True)
        pages[side] = [image.read_bytes() for image in sorted(folder.glob("*.ppm"))]
    assert len(pages["document"]) >= 7 * 2
    assert pages["copy"] == pages["document"]  # pixel for pixel
