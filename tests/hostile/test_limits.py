"""The limits themselves: the PDF time limit (in and out of threads), uploads that are not
regular files, and the zip and XML checks at their edges."""

from __future__ import annotations

import functools
import os
import threading
from pathlib import Path

import pytest

from supervision_forms.docx import package as package_module
from supervision_forms.docx.xml import MAX_MARKUP, parse_xml
from supervision_forms.errors import (
    CorruptDocument,
    DocumentTooLarge,
    MissingFile,
    SupervisionFormsError,
    UnsupportedFormat,
)
from supervision_forms.reading.deadline import within
from supervision_forms.reading.pdf import read_pdf
from tests.hostile import pdfs, zips

SLOW = pdfs.slow_pdf(200_000, pages=10)  # each page under pypdf's token budget, all of them slow


def zombies() -> list[str]:
    """This process's children that have exited but were never reaped."""
    found: list[str] = []
    tasks = Path(f"/proc/{os.getpid()}/task")
    for task in tasks.iterdir() if tasks.exists() else []:
        for child in (task / "children").read_text().split():
            stat = Path(f"/proc/{child}/stat").read_text()
            if stat.rsplit(")", 1)[1].split()[0] == "Z":
                found.append(child)
    return found


def it_stops_a_slow_pdf_on_the_main_thread_and_reaps_the_worker() -> None:
    before = set(zombies())
    with pytest.raises(DocumentTooLarge, match=r"took over 0\.5 seconds"):
        read_pdf(SLOW, "slow.pdf", seconds=0.5)
    assert set(zombies()) <= before


def it_reports_a_worker_that_dies_as_a_damaged_file() -> None:
    with pytest.raises(CorruptDocument, match="stopped unexpectedly"):
        within(5.0, "a.pdf", functools.partial(os._exit, 3))


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc to look for zombies")
def it_stops_a_slow_pdf_off_the_main_thread_and_reaps_the_worker() -> None:
    outcomes: list[BaseException | str] = []
    before = set(zombies())  # other tests' children may be waiting to be reaped

    def read(data: bytes, seconds: float) -> None:
        try:
            outcomes.append(read_pdf(data, "a.pdf", seconds=seconds).text.strip())
        except SupervisionFormsError as error:
            outcomes.append(error)

    for data, seconds in [(SLOW, 0.5), (pdfs.text_pdf(["Supervision agreement"]), 30.0)]:
        thread = threading.Thread(target=read, args=(data, seconds))
        thread.start()
        thread.join()
    assert isinstance(outcomes[0], DocumentTooLarge) and "took over 0.5 seconds" in str(outcomes[0])
    assert outcomes[1] == "Supervision agreement"
    assert set(zombies()) <= before


def it_refuses_a_central_directory_over_its_limit_before_parsing_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(package_module.zipfile, "ZipFile", None)  # never reached
    names = [zips.member(f"word/{'n' * 100}{i}.xml", b"", method=0) for i in range(10_000)]
    with pytest.raises(DocumentTooLarge, match="directory"):
        package_module.read_package(zips.write_zip(names))


def it_accepts_xml_up_to_the_tag_limit_and_refuses_one_more() -> None:
    def xml(tags: int) -> bytes:
        return b"<r>" + b"<p/>" * (tags - 2) + b"</r>"

    assert len(parse_xml(xml(MAX_MARKUP))) == MAX_MARKUP - 2
    with pytest.raises(DocumentTooLarge):
        parse_xml(xml(MAX_MARKUP + 1))


def it_refuses_a_doctype_that_hides_behind_another_encoding() -> None:
    xml = '<?xml version="1.0" encoding="UTF-16BE"?><!DOCTYPE r SYSTEM "http://x/r.dtd"><r/>'
    with pytest.raises(SupervisionFormsError, match="DOCTYPE"):
        parse_xml(b"\xfe\xff" + xml.encode("utf-16-be"))
    with pytest.raises(SupervisionFormsError, match="DOCTYPE"):
        parse_xml(xml.replace("UTF-16BE", "UTF-32").encode("utf-32"))


@pytest.mark.parametrize("kind", ["device", "pipe", "folder", "sparse 60 MB file", "missing"])
def it_reads_only_regular_files_of_a_sane_size(kind: str, tmp_path: Path) -> None:
    path = {"device": Path("/dev/zero"), "folder": tmp_path, "missing": tmp_path / "gone.docx"}.get(
        kind, tmp_path / "upload.docx"
    )
    if kind == "pipe":
        os.mkfifo(path)
    elif kind.startswith("sparse"):
        with path.open("wb") as handle:
            handle.truncate(60 * 2**20)
    expected = {"missing": MissingFile}.get(
        kind, DocumentTooLarge if kind.startswith("sparse") else UnsupportedFormat
    )
    with pytest.raises(expected) as raised:
        package_module.read_file(path)
    assert raised.value.args[0].startswith(f"{path.name}: ")
