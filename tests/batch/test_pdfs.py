"""PDFs: LibreOffice converters that are reused, time-limited and restarted; the PDF pack."""

from __future__ import annotations

import json
import os
import sys
from concurrent.futures import Future
from pathlib import Path

import pytest
from pypdf import PdfReader

from supervision_forms.batch import RowResult, generate, pdfs
from supervision_forms.batch.pdfs import PdfStage
from supervision_forms.models import Agreement
from supervision_forms.office import TIMED_OUT, CliConverter, Conversion, UnoConverter
from supervision_forms.reading import parse
from supervision_forms.registry import installed_packs
from tests.batch.conftest import RowMaker
from tests.conftest import needs_libreoffice

FAKE_DRIVER = """#!{python}
import json, os, sys, time
with open({log!r}, "a") as log:
    log.write(str(os.getpid()) + "\\n")
print("noise that is not a reply", flush=True)
print("SF:" + json.dumps({{"ready": True}}), flush=True)
for line in sys.stdin:
    request = json.loads(line)
    for index, (source, target) in enumerate(request["files"]):
        if "hang" in source:
            time.sleep(60)
        open(target, "wb").write(b"%PDF-1.4 fake")
        print("SF:" + json.dumps({{"index": index, "error": None}}), flush=True)
"""

FAKE_SOFFICE = """#!/bin/sh
echo $$ >> {log}
sleep 60
"""


def executable(path: Path, text: str) -> Path:
    path.write_text(text)
    path.chmod(0o700)
    return path


def alive(pid: int) -> bool:
    """Running (a zombie waiting for init to reap it is not)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    except OSError:  # no /proc: ask the process
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True
    return stat.rsplit(")", 1)[1].split()[0] not in ("Z", "X")


def it_restarts_a_hung_converter_and_tries_the_file_it_hung_on_once_more(tmp_path: Path) -> None:
    log = tmp_path / "starts.log"
    driver = executable(tmp_path / "python", FAKE_DRIVER.format(python=sys.executable, log=str(log)))
    files = [tmp_path / name for name in ("a.docx", "hang.docx", "b.docx")]
    converter = UnoConverter("soffice-unused", str(driver), file_timeout=0.3, start_timeout=10)
    try:
        results = converter.convert(files, tmp_path, "pdf")
    finally:
        converter.close()
    assert [(r.source.name, r.output.name if r.output else None, r.error) for r in results] == [
        ("a.docx", "a.pdf", None),
        ("hang.docx", None, TIMED_OUT),
        ("b.docx", "b.pdf", None),
    ]
    starts = [int(pid) for pid in log.read_text().split()]
    assert len(starts) == 3  # the first start, a restart to try the file again, one for the rest
    assert not any(alive(pid) for pid in starts)


def it_kills_a_command_line_conversion_that_takes_too_long(tmp_path: Path) -> None:
    log = tmp_path / "pids.log"
    fake = executable(tmp_path / "soffice", FAKE_SOFFICE.format(log=log))
    converter = CliConverter(str(fake), file_timeout=0.2, start_timeout=0.2)
    try:
        results = converter.convert([tmp_path / "a.docx", tmp_path / "b.docx"], tmp_path, "pdf")
    finally:
        converter.close()
    assert [r.error for r in results] == [TIMED_OUT, TIMED_OUT]
    pids = [int(pid) for pid in log.read_text().split()]
    assert len(pids) == 4 and not any(alive(pid) for pid in pids)  # each file tried twice


@pytest.mark.libreoffice
def it_makes_pdfs_and_a_pack_with_a_bookmark_per_person(tmp_path: Path, rows: RowMaker) -> None:
    needs_libreoffice()
    report = generate([rows(0), rows(1), rows(2)], pack="portsmouth", out=tmp_path, jobs=2, pdf_pack=True)
    assert report.ok, [r.describe() for r in report.failures]
    assert sorted(p.name for p in tmp_path.glob("*.pdf")) == [
        "Ann-Wheeler-1-2026-01-06.pdf",
        "Siân-Wheeler-2-2026-01-07.pdf",
        "Tom-Wheeler-0-2026-01-05.pdf",
        "agreements.pdf",
    ]
    assert report.pdf_pack == tmp_path / "agreements.pdf"
    pack = PdfReader(report.pdf_pack)
    titles = [item.title for item in pack.outline]  # type: ignore[union-attr]
    assert titles == [
        "Tom Wheeler 0, 5 January 2026",
        "Ann Wheeler 1, 6 January 2026",
        "Siân Wheeler 2, 7 January 2026",
    ]
    singles = sum(len(PdfReader(tmp_path / r.pdf).pages) for r in report.rows if r.pdf)
    assert len(pack.pages) == singles
    assert "Tom Wheeler" in pack.pages[0].extract_text()

    (tmp_path / "Ann-Wheeler-1-2026-01-06.pdf").unlink()
    kept = (tmp_path / "Tom-Wheeler-0-2026-01-05.pdf").stat().st_mtime_ns
    again = generate([rows(0), rows(1), rows(2)], pack="portsmouth", out=tmp_path, pdf=True)
    assert [r.status for r in again.rows] == ["unchanged"] * 3
    assert (tmp_path / "Ann-Wheeler-1-2026-01-06.pdf").is_file()
    assert (tmp_path / "Tom-Wheeler-0-2026-01-05.pdf").stat().st_mtime_ns == kept
    listed = json.loads((tmp_path / "manifest.json").read_text())["rows"]
    assert all(row["pdf"].endswith(".pdf") and len(row["pdf_sha256"]) == 64 for row in listed)
    for index, result in enumerate(again.rows):  # each PDF carries its row's data, the remade one too
        expected = Agreement.model_validate(rows(index))
        [attached] = PdfReader(tmp_path / (result.pdf or "")).attachments["supervision-forms.json"]
        assert json.loads(attached)["data"] == expected.model_dump(mode="json")
        read = parse(tmp_path / (result.pdf or ""))
        assert (read.pack, read.document) == ("portsmouth", "agreement")
        assert read.data.model_dump(mode="json") == expected.model_dump(mode="json")
        assert not read.warnings


@pytest.mark.libreoffice
def it_makes_pdfs_into_a_folder_named_relative_to_the_working_folder(
    tmp_path: Path, rows: RowMaker, monkeypatch: pytest.MonkeyPatch
) -> None:
    needs_libreoffice()
    monkeypatch.chdir(tmp_path)
    report = generate([rows(0)], pack="sefton", out=Path("out"), pdf=True)
    assert report.ok, [r.describe() for r in report.failures]
    assert [p.name for p in (tmp_path / "out").glob("*.pdf")] == ["Tom-Wheeler-0-2026-01-05.pdf"]


class FakePool:
    """A converter pool that converts nothing until told: records each call's size."""

    def __init__(self, size: int, *, long_running: bool = True) -> None:
        self.size = size
        self.long_running = long_running
        self.batch_size = 64 if long_running else 24
        self.calls: list[Future[list[Conversion]]] = []
        self.sizes: list[int] = []

    def start(self) -> None:
        pass

    def submit(self, files: list[Path], out_dir: Path, carry: bool = True) -> Future[list[Conversion]]:
        future: Future[list[Conversion]] = Future()
        future.files = files  # type: ignore[attr-defined]
        self.calls.append(future)
        self.sizes.append(len(files))
        return future

    def finish_call(self, index: int) -> None:
        future = self.calls[index]
        future.set_result([Conversion(file, None, "not converted") for file in future.files])  # type: ignore[attr-defined]

    def close(self, abort: bool = False) -> None:
        pass


def stage_with(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, long_running: bool
) -> tuple[PdfStage, FakePool]:
    pools: list[FakePool] = []

    def make(size: int) -> FakePool:
        pools.append(FakePool(size, long_running=long_running))
        return pools[0]

    monkeypatch.setattr(pdfs, "ConverterPool", make)
    return PdfStage(tmp_path, 2, "portsmouth", "agreement"), pools[0]


def add(stage: PdfStage, tmp_path: Path, count: int) -> None:
    model = installed_packs().get("portsmouth").example("agreement")
    for index in range(count):
        stage.add(
            RowResult(index + 1, "written"), tmp_path / f"d{index}.docx", tmp_path / f"d{index}.pdf", model
        )


def it_gives_idle_converters_work_at_once_and_then_even_shares(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    stage, pool = stage_with(monkeypatch, tmp_path, long_running=True)
    add(stage, tmp_path, 40)
    assert pool.sizes == [1, 1]  # the first documents go straight to the idle converters
    pool.finish_call(0)
    stage.harvest()
    assert pool.sizes == [1, 1, 19]  # a converter that comes free takes its share of what waits
    for call in (1, 3, 4):  # the calls get shorter towards the end, so the converters end together
        pool.finish_call(call)
        stage.harvest()
    assert pool.sizes == [1, 1, 19, 10, 5, 2]
    assert stage.in_flight == 19 + 2 + 2  # the last two wait for the next converter to come free
    stage.close()


def it_sends_full_calls_to_converters_that_start_libreoffice_for_each(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    stage, pool = stage_with(monkeypatch, tmp_path, long_running=False)
    add(stage, tmp_path, 30)
    assert pool.sizes == [24]
    stage.flush()  # the batch's end: what is left goes too
    assert pool.sizes == [24, 6]
    stage.close()
