"""The limits themselves: the PDF CPU-time limit (in and out of threads, under load),
uploads that are not regular files, and the zip and XML checks at their edges."""

from __future__ import annotations

import os
import threading
import time
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
from supervision_forms.reading import worker
from supervision_forms.reading.pdf import PdfText, read_pdf
from tests.hostile import pdfs, zips

SLOW = pdfs.slow_pdf(200_000, pages=10)  # each page under pypdf's token budget, all of them slow


def _words(pdf: PdfText) -> str:
    return " ".join(word.text for page in pdf.pages for word in page.words if word.text)


def zombies() -> list[str]:
    """This process's children that have exited but were never reaped."""
    found: list[str] = []
    tasks = Path(f"/proc/{os.getpid()}/task")
    for task in tasks.iterdir() if tasks.exists() else []:
        try:
            children = (task / "children").read_text().split()
        except FileNotFoundError:  # a thread that ended meanwhile
            continue
        for child in children:
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
    outcome: list[BaseException] = []

    def read() -> None:
        try:
            read_pdf(SLOW, "slow.pdf", seconds=60.0)
        except SupervisionFormsError as error:
            outcome.append(error)

    read_pdf(pdfs.text_pdf(["Supervision agreement"]), "a.pdf")  # a worker is started, and idle
    thread = threading.Thread(target=read)
    thread.start()
    for _ in range(200):  # the worker reading it is killed (as the kernel kills one out of memory)
        busy = _busy_workers()
        if busy:
            os.kill(busy[0], 9)
            break
        time.sleep(0.02)
    thread.join()
    assert isinstance(outcome[0], CorruptDocument) and "stopped unexpectedly" in str(outcome[0])


def _busy_workers() -> list[int]:
    children = Path(f"/proc/{os.getpid()}/task")
    pids = [int(c) for task in children.iterdir() for c in (task / "children").read_text().split()]
    idle = {w.process.pid for w in (worker._pool.idle if worker._pool else [])}
    return [pid for pid in pids if pid not in idle and "reading.worker" in _cmdline(pid)]


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_text()
    except OSError:
        return ""


def it_counts_cpu_time_so_a_busy_machine_never_refuses_a_genuine_pdf() -> None:
    data = pdfs.text_pdf(["Supervision agreement"] * 40)
    stop = time.monotonic() + 3.0

    def spin() -> None:  # other work keeps both cores busy
        while time.monotonic() < stop:
            pass

    spinners = [threading.Thread(target=spin) for _ in range(4)]
    for spinner in spinners:
        spinner.start()
    try:
        results = []

        def read() -> None:
            results.append(read_pdf(data, "a.pdf", seconds=1.0))

        threads = [threading.Thread(target=read) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        for spinner in spinners:
            spinner.join()
    assert len(results) == 8 and all("Supervision agreement" in _words(r) for r in results)


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc to look for zombies")
def it_stops_a_slow_pdf_off_the_main_thread_and_reaps_the_worker() -> None:
    outcomes: list[BaseException | str] = []
    before = set(zombies())  # other tests' children may be waiting to be reaped

    def read(data: bytes, seconds: float) -> None:
        try:
            outcomes.append(_words(read_pdf(data, "a.pdf", seconds=seconds)))
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
