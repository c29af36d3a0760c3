"""Writing a file whole or not at all: the batch's one write per document."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from supervision_forms.errors import MissingFile
from supervision_forms.files import write_atomic


def it_writes_the_whole_file_owner_only_whatever_the_umask(tmp_path: Path) -> None:
    before = os.umask(0)
    try:
        write_atomic(tmp_path / "a.docx", b"x" * 300_000)
    finally:
        os.umask(before)
    assert (tmp_path / "a.docx").read_bytes() == b"x" * 300_000
    assert (tmp_path / "a.docx").stat().st_mode & 0o777 == 0o600
    assert os.listdir(tmp_path) == ["a.docx"]


def it_leaves_nothing_when_the_disk_fills_mid_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.docx").write_bytes(b"the earlier one")

    def full(fd: int, data: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    with pytest.raises(OSError, match="No space"):
        write_atomic(tmp_path / "a.docx", b"new", durable=False)
    monkeypatch.undo()
    assert os.listdir(tmp_path) == ["a.docx"]  # no temp file left
    assert (tmp_path / "a.docx").read_bytes() == b"the earlier one"


def it_names_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(MissingFile, match="does not exist"):
        write_atomic(tmp_path / "gone" / "a.docx", b"x")
