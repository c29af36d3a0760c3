"""LibreOffice that crashes or hangs is restarted and the file tried again; after any run,
crash or kill, no LibreOffice of ours is left running and none of its files are left."""

from __future__ import annotations

import os
import signal
import threading
from pathlib import Path

import pytest

from supervision_forms.batch import RowResult, generate
from supervision_forms.office import UnoConverter, find_uno_python, soffice
from tests.conftest import needs_libreoffice
from tests.faults.kit import (
    Batch,
    assert_every_row_once,
    descendants_of,
    named,
    portsmouth_documents,
    rows,
    wait_for,
    write_roster,
)

pytestmark = pytest.mark.libreoffice


def it_restarts_libreoffice_that_crashed_and_makes_every_pdf(tmp_path: Path) -> None:
    needs_libreoffice()
    crashed: list[int] = []

    def crash(result: RowResult) -> None:
        offices = named(descendants_of(os.getpid()), "soffice.bin")
        if result.pdf and offices and not crashed:
            crashed.extend(offices)
            for pid in offices:
                os.kill(pid, signal.SIGKILL)  # as the OOM killer would

    report = generate(rows(12), pack="portsmouth", out=tmp_path, pdf=True, progress=crash)
    assert crashed, "LibreOffice was never seen at work"
    assert report.ok, [r.describe() for r in report.failures][:3]
    assert all(r.pdf for r in report.rows)
    assert named(descendants_of(os.getpid()), "soffice.bin") == []
    assert not list(tmp_path.glob(".sf-*"))


def it_notices_a_hung_libreoffice_within_the_limit_for_one_file(tmp_path: Path) -> None:
    needs_libreoffice()
    binary = soffice()
    python = find_uno_python(binary or "")
    if binary is None or python is None:
        pytest.skip("no Python with LibreOffice's uno module")
    files = portsmouth_documents(tmp_path / "in", 6)
    out = tmp_path / "out"
    out.mkdir()
    converter = UnoConverter(binary, python, file_timeout=4, start_timeout=120, root=tmp_path / "office")
    stopped: list[int] = []

    def hang() -> None:  # stop LibreOffice (as a deadlock would) once it is at work
        wait_for(lambda: (out / "doc0.pdf").exists(), "a first PDF")
        offices = named(descendants_of(os.getpid()), "soffice.bin")
        stopped.extend(offices)
        for pid in offices:
            os.kill(pid, signal.SIGSTOP)

    watcher = threading.Thread(target=hang)
    watcher.start()
    try:
        results = converter.convert(files, out, "pdf")
    finally:
        watcher.join()
        converter.close()
    assert stopped
    assert [r.error for r in results] == [None] * 6
    assert converter.starts == 2  # one restart for the file it hung on, not one per file of the call
    assert named(descendants_of(os.getpid()), "soffice.bin") == []
    assert not (tmp_path / "office").exists() or not any((tmp_path / "office").iterdir())


def it_leaves_no_libreoffice_and_no_temporary_folder_after_a_run(tmp_path: Path) -> None:
    needs_libreoffice()
    roster = write_roster(tmp_path / "team.jsonl", rows(4))
    out = tmp_path / "out"
    batch = Batch(tmp_path, roster, out, "--pdf")
    result = batch.run()
    assert result.returncode == 0, result.stderr
    assert_every_row_once(out, 4)
    assert len(list(out.glob("*.pdf"))) == 4
    assert batch.descendants() == []
    assert list(batch.tmpdir.iterdir()) == []


def it_leaves_no_libreoffice_and_no_temporary_folder_after_a_kill(tmp_path: Path) -> None:
    needs_libreoffice()
    roster = write_roster(tmp_path / "team.jsonl", rows(40))
    out = tmp_path / "out"
    batch = Batch(tmp_path, roster, out, "--pdf", "--jobs", "2")
    batch.start()
    wait_for(lambda: any(out.glob("*.pdf")), "a first PDF")
    assert named(batch.descendants(), "soffice.bin")
    batch.kill()
    batch.finish()
    assert batch.wait_until_alone() == []
    wait_for(lambda: not list(out.glob(".sf-*")), "LibreOffice's folders to be removed")
    assert list(batch.tmpdir.iterdir()) == []


def it_stops_the_libreoffice_it_started_early_when_the_batch_is_refused(tmp_path: Path) -> None:
    needs_libreoffice()
    roster = write_roster(tmp_path / "team.jsonl", rows(4))
    out = tmp_path / "out"
    batch = Batch(tmp_path, roster, out, "--pdf", pack="no-such-council")  # LibreOffice starts first
    result = batch.run()
    assert result.returncode == 2, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert batch.descendants() == []  # stopped before the batch exits, not later by its watchers
    assert list(batch.tmpdir.iterdir()) == []
    assert not out.exists() or not any(out.iterdir())
