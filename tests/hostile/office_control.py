"""Open a document in a LibreOffice set up as we choose (the controls of the macro tests).

`open_and_copy` runs `office_driver.py` under the Python that has LibreOffice's `uno`,
with a private profile holding the given settings: LibreOffice opens the document,
saves a .docx copy and closes it, the way a conversion does.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import signal
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from supervision_forms.office import find_uno_python, pipe_paths, remove_pipes, soffice

DRIVER = Path(__file__).with_name("office_driver.py")
TIME_LIMIT = 600.0  # seconds: a guard against a hung LibreOffice, not a measure
ALWAYS_EXECUTE_NO_WARN = 4  # com.sun.star.document.MacroExecMode
NEVER_EXECUTE = 0


def registry(items: list[tuple[str, str, str]]) -> str:
    """A LibreOffice registrymodifications.xcu setting (path, property, value) items."""
    props = "".join(
        f'<item oor:path="{path}"><prop oor:name="{name}" oor:op="fuse"><value>{value}</value></prop></item>'
        for path, name, value in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<oor:items xmlns:oor="http://openoffice.org/2001/registry">{props}</oor:items>'
    )


# Every macro allowed: security level low, no block, VBA loaded as runnable code.
PERMISSIVE = registry(
    [
        ("/org.openoffice.Office.Common/Security/Scripting", "MacroSecurityLevel", "0"),
        ("/org.openoffice.Office.Common/Security/Scripting", "DisableMacrosExecution", "false"),
        ("/org.openoffice.Office.Writer/Filter/Import/VBA", "Load", "true"),
        ("/org.openoffice.Office.Writer/Filter/Import/VBA", "Executable", "true"),
    ]
)


@dataclass(frozen=True)
class Opened:
    copy: Path  # the .docx copy, if LibreOffice wrote it
    status: int  # the driver's: 0 done, 4 not loaded, 5 died on closing, 3 gone, 1 failed
    said: str  # the driver's stderr
    pipes_left: list[str]  # LibreOffice's sockets still in /tmp after the clean-up (none)


def uno_python() -> str:
    """The Python with LibreOffice's `uno`; skip without one, except in CI."""
    binary = soffice()
    python = find_uno_python(binary) if binary else None
    if python is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice's Python bridge (python3-uno) is required in CI")
        pytest.skip("no Python with LibreOffice's uno module")
    return python


def open_and_copy(
    source: Path,
    work: Path,
    *,
    settings: str,
    hidden: bool,
    macro_mode: int,
    send_vba_document_open: bool = False,
) -> Opened:
    """Open `source` in a LibreOffice whose profile holds `settings`, save a copy, close it."""
    python, binary = uno_python(), soffice()
    assert binary is not None
    profile = work / "profile"
    (profile / "user").mkdir(parents=True)
    (profile / "user" / "registrymodifications.xcu").write_text(settings, encoding="utf-8")
    copy = work / f"{source.stem}.docx"
    flags = [str(int(hidden)), str(macro_mode), str(int(send_vba_document_open))]
    pipe = f"sfmacro{secrets.token_hex(8)}"  # the driver's --accept pipe, removed below
    command = [python, str(DRIVER), binary, profile.as_uri(), str(source), str(copy), *flags, pipe]
    process = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group: stopped below with the LibreOffice it started
    )
    try:
        _, said = process.communicate(timeout=TIME_LIMIT)
    finally:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        remove_pipes(profile.as_uri(), pipe)
    left = [path for path in pipe_paths(profile.as_uri(), pipe) if os.path.lexists(path)]
    return Opened(copy, process.returncode, said, left)
