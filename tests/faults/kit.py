"""Running real batches in subprocesses and hurting them: finding every process a batch
started (by a marker in their environment, which all descendants inherit), waiting with
a deadline, building rosters."""

from __future__ import annotations

import contextlib
import copy
import json
import os
import secrets
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from supervision_forms import render
from tests.batch.conftest import agreement_row
from tests.conftest import REPO

MARK = "SF_FAULT_TEST"
DEADLINE = 120.0  # no fault test waits longer than this for anything


class Batch:
    """A `supervision-forms batch` run in a subprocess of its own session, with a private
    TMPDIR and a marker its every descendant carries."""

    def __init__(self, tmp: Path, roster: Path, out: Path, *extra: str, pack: str = "portsmouth") -> None:
        self.token = secrets.token_hex(8)
        self.tmpdir = tmp / f"tmpdir-{self.token}"
        self.tmpdir.mkdir()
        self.out = out
        self.command = [
            sys.executable,
            "-m",
            "supervision_forms",
            "batch",
            str(roster),
            "-p",
            pack,
            "-o",
            str(out),
            *extra,
        ]
        self.env = {
            **os.environ,
            "PYTHONPATH": str(REPO),
            "TMPDIR": str(self.tmpdir),
            MARK: self.token,
        }
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, **options: Any) -> subprocess.Popen[bytes]:
        STARTED.append(self)
        self.process = subprocess.Popen(
            self.command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=self.env,
            start_new_session=True,
            **options,
        )
        return self.process

    def run(self, **options: Any) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            self.command,
            capture_output=True,
            text=True,
            env=self.env,
            timeout=DEADLINE * 2,
            check=False,
            **options,
        )

    def finish(self) -> tuple[int, str, str]:
        """Wait for the started batch; its exit code, stdout, stderr (pipes must close)."""
        assert self.process is not None
        out, err = self.process.communicate(timeout=DEADLINE)
        return self.process.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace")

    def kill(self, signal_number: int = signal.SIGKILL) -> None:
        """Signal the batch process itself (not its group: its helpers must notice alone)."""
        assert self.process is not None
        os.kill(self.process.pid, signal_number)

    def descendants(self) -> list[int]:
        """Every live process this batch started, however deep (zombies excepted)."""
        return processes_marked(self.token, exclude=self.process.pid if self.process else None)

    def wait_until_alone(self) -> list[int]:
        """Wait until no process of this batch is left; the ones still alive at the deadline."""
        wait_for(lambda: not self.descendants(), "the batch's processes to end", fail=False)
        return self.descendants()


STARTED: list[Batch] = []


def end_started() -> None:
    """After a test, stop any batch it started and left running (a failed test)."""
    while STARTED:
        batch = STARTED.pop()
        process = batch.process
        if process is None:
            continue
        if process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
        process.communicate(timeout=DEADLINE)


def processes_marked(token: str, exclude: int | None = None) -> list[int]:
    found = []
    wanted = f"{MARK}={token}".encode()
    for entry in os.listdir("/proc"):
        if not entry.isdigit() or int(entry) == exclude:
            continue
        try:
            environ = Path(f"/proc/{entry}/environ").read_bytes()
            state = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if wanted in environ.split(b"\0") and state not in ("Z", "X"):
            found.append(int(entry))
    return found


def command_line(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
    except OSError:
        return ""


def wait_for(condition: Callable[[], bool], what: str, timeout: float = DEADLINE, fail: bool = True) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    if fail:
        pytest.fail(f"timed out waiting for {what}")
    return False


def journal_lines(out: Path) -> int:
    try:
        return sum(
            1 for line in (out / ".manifest-journal.jsonl").read_bytes().splitlines() if b'"row"' in line
        )
    except OSError:
        return 0


def rows(count: int) -> list[dict[str, Any]]:
    return [copy.deepcopy(agreement_row(index)) for index in range(count)]


def write_roster(path: Path, items: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(item) + "\n" for item in items), encoding="utf-8")
    return path


def manifest(out: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    return data


def assert_every_row_once(out: Path, count: int) -> None:
    """The manifest lists `count` rows, each with its own file, on disk with its hash, and
    the folder holds no other document."""
    import hashlib

    listed = manifest(out)["rows"]
    assert len(listed) == count
    assert all(row["status"] != "failed" for row in listed), [r for r in listed if r["status"] == "failed"][
        :3
    ]
    files = [row["file"] for row in listed]
    assert len(set(files)) == count
    assert sorted(files) == sorted(p.name for p in out.iterdir() if p.suffix == ".docx")
    for row in listed:
        assert hashlib.sha256((out / row["file"]).read_bytes()).hexdigest() == row["sha256"], row["file"]
    leftovers = sorted(
        p.name for p in out.iterdir() if p.name.startswith(".") and p.name != ".supervision-forms.lock"
    )
    assert leftovers == []


def descendants_of(root: int) -> list[int]:
    """Live processes below `root` in the process tree."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] not in ("Z", "X"):
            parents[int(entry)] = int(fields[1])
    found: list[int] = []
    frontier = [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent]
        found.extend(children)
        frontier.extend(children)
    return found


def named(pids: list[int], name: str) -> list[int]:
    """The processes among `pids` whose program is `name` (e.g. soffice.bin)."""
    kept = []
    for pid in pids:
        try:
            comm = Path(f"/proc/{pid}/comm").read_text().strip()
        except OSError:
            continue
        if comm == name:
            kept.append(pid)
    return kept


def portsmouth_documents(folder: Path, count: int) -> list[Path]:
    """`count` Portsmouth agreements rendered into a new `folder`."""
    folder.mkdir()
    made = []
    for index, row in enumerate(rows(count)):
        path = folder / f"doc{index}.docx"
        path.write_bytes(render(row, pack="portsmouth"))
        made.append(path)
    return made
