"""The helpers that clean up after LibreOffice need no LibreOffice to be tested: a pool's
folder goes whenever its owner is killed, even before any converter has started, and a
driver that fails, or outlives its batch, takes what it started with it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from supervision_forms import office
from tests.conftest import REPO
from tests.faults.kit import wait_for

OWNER = """
import sys, time
from pathlib import Path
from supervision_forms.office import OwnedFolder
folder = OwnedFolder(Path(sys.argv[1]), ".sf-test-")
print(folder.path, flush=True)
time.sleep(600)
"""

# A stand-in for the UNO driver: `main` starts a long-lived child (LibreOffice) in the
# driver's process group, then fails as the driver does when it answers a batch that is gone.
DRIVER = office._WATCH + textwrap.dedent(
    """
    def main():
        child = subprocess.Popen(["sleep", "600"])
        print(child.pid, flush=True)
        while sys.argv[3] == "orphan" and os.getppid() == int(sys.argv[1]):
            time.sleep(0.01)
        raise BrokenPipeError("the batch is gone")

    run(main, int(sys.argv[1]), json.loads(sys.argv[2]))
    """
)

# The batch: starts the driver in a session of its own, says who is who, waits to be killed.
BATCH = """
import os, subprocess, sys, time
driver = subprocess.Popen([sys.executable, "-c", sys.argv[1], str(os.getpid()), sys.argv[2], "orphan"],
                          stdout=subprocess.PIPE, text=True, start_new_session=True)
print(driver.pid, driver.stdout.readline().strip(), flush=True)
time.sleep(600)
"""


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


def it_removes_a_pools_folder_when_its_owner_is_killed_at_once(tmp_path: Path) -> None:
    with subprocess.Popen(
        [sys.executable, "-c", OWNER, str(tmp_path)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    ) as owner:
        assert owner.stdout is not None
        folder = Path(owner.stdout.readline().strip())
        assert folder.is_dir()
        (folder / "profile").mkdir()  # what a converter starting up would have put there
        owner.kill()  # before any converter (and its own cleaner) exists
    wait_for(lambda: not folder.exists(), "the folder to be removed")
    assert list(tmp_path.iterdir()) == []


def it_removes_a_pools_folder_when_closed_and_leaves_no_helper(tmp_path: Path) -> None:
    folder = office.OwnedFolder(tmp_path, ".sf-test-")
    helper = folder._helper.pid
    assert folder.path.is_dir() and alive(helper)
    folder.remove()
    assert not folder.path.exists()
    assert not alive(helper)


def it_takes_libreoffice_with_it_when_the_driver_fails(tmp_path: Path) -> None:
    leftover = tmp_path / "profile"
    leftover.mkdir()
    with subprocess.Popen(
        [sys.executable, "-c", DRIVER, str(os.getpid()), json.dumps([str(leftover)]), "fail"],
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,
    ) as driver:
        assert driver.stdout is not None
        child = int(driver.stdout.readline())
    wait_for(lambda: not alive(child), "the driver's child to be killed")
    assert leftover.exists()  # the batch is still here: its folders are its own to remove


def it_takes_libreoffice_and_its_folders_with_it_when_the_batch_is_gone(tmp_path: Path) -> None:
    leftover = tmp_path / "profile"
    leftover.mkdir()
    with subprocess.Popen(
        [sys.executable, "-c", BATCH, DRIVER, json.dumps([str(leftover)])], stdout=subprocess.PIPE, text=True
    ) as batch:
        assert batch.stdout is not None
        driver, child = map(int, batch.stdout.readline().split())
        os.kill(batch.pid, signal.SIGKILL)
    wait_for(lambda: not alive(child) and not alive(driver), "the driver and its child to end")
    wait_for(lambda: not leftover.exists(), "the driver's folders to be removed")


# A process group whose leader starts a CPU-bound child once it has been looked at.
SPIN = "import time\nend = time.process_time() + 0.5\nwhile time.process_time() < end: pass\ntime.sleep(600)"
LATE_WORKER = f"""
import subprocess, sys, time
sys.stdin.readline()  # started: the first look has been taken
child = subprocess.Popen([sys.executable, "-c", {SPIN!r}])
time.sleep(600)
"""


def it_counts_the_cpu_of_a_group_member_started_after_the_first_look() -> None:
    leader = subprocess.Popen(
        [sys.executable, "-c", LATE_WORKER], stdin=subprocess.PIPE, text=True, start_new_session=True
    )
    try:
        cpu = office._GroupCpu(leader.pid)
        first = cpu()
        assert first is not None
        assert leader.stdin is not None
        leader.stdin.write("go\n")
        leader.stdin.flush()
        # the child's 0.5 s of CPU shows within a rescan of its start, however loaded the machine
        wait_for(lambda: (cpu() or 0.0) - first >= 0.45, "the late child's CPU time to be counted")
    finally:
        os.killpg(leader.pid, signal.SIGKILL)
        leader.communicate()  # reaps it and closes its pipe
    wait_for(lambda: cpu() == 0.0, "nothing to be counted for a group that is gone")
