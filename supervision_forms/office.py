"""LibreOffice in headless mode: converting .docx to PDF (or re-saving it), many files a call.

`convert()` makes one `soffice --convert-to` call with a throwaway profile. For batches,
`ConverterPool` keeps one long-running converter per job, each with its own profile:
LibreOffice is started once and sent files over UNO by a small driver script, run by a
Python that has LibreOffice's `uno` module (LibreOffice's own, or the system's
python3-uno). Where there is none, each converter makes one `soffice --convert-to` call
per batch of files instead. Every call has a time limit; a converter that hangs or dies
is killed, restarted with a fresh profile, and its files are retried one at a time, so a
file LibreOffice cannot handle fails alone.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import IO, Any, Protocol

from .errors import SupervisionFormsError

PDF_A3 = 'writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"3"}}'  # PDF/A-3b, to carry our data
FILTERS = {"pdf": PDF_A3, "docx": "MS Word 2007 XML"}
FILE_TIMEOUT = 60.0  # seconds per file in a call
START_TIMEOUT = 120.0  # seconds for LibreOffice to start (a fresh profile is slow)
STOP_TIMEOUT = 15.0
DRIVER_FILE = "sf-uno-driver.py"
PROTOCOL = "SF:"  # the driver's replies start with this; anything else on its stdout is noise


class OfficeError(SupervisionFormsError):
    """LibreOffice is missing, failed, or took too long."""

    reason = "LibreOffice failed"


@dataclass(frozen=True)
class Conversion:
    """One file's outcome: the output, or a reason (no file names or values in it)."""

    source: Path
    output: Path | None
    error: str | None = None


def soffice() -> str | None:
    """The LibreOffice binary, if installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(files: Sequence[Path], target: str, out_dir: Path, timeout: float = 120.0) -> list[Path]:
    """Convert files with one LibreOffice call and a private profile; `target` is e.g.
    "pdf" or "docx:MS Word 2007 XML". Returns the output paths, in order."""
    binary = _require_soffice()
    out_dir.mkdir(parents=True, exist_ok=True)
    converter = CliConverter(binary, file_timeout=0.0, start_timeout=timeout, retry_singly=False)
    try:
        results = converter.convert(files, out_dir, target)
    finally:
        converter.close()
    if any(result.error == TIMED_OUT for result in results):
        raise OfficeError(f"LibreOffice took over {timeout:.0f} s")
    missing = [result.source.stem for result in results if result.output is None]
    if missing:
        raise OfficeError(f"LibreOffice did not produce {', '.join(missing[:3])}")
    return [result.output for result in results if result.output is not None]


def _require_soffice() -> str:
    binary = soffice()
    if binary is None:
        raise OfficeError("LibreOffice (soffice) is not installed")
    return binary


def _target(target: str) -> tuple[str, str]:
    """("pdf", "writer_pdf_Export") for "pdf"; an explicit filter after a colon."""
    extension, _, filter_name = target.partition(":")
    filter_name = filter_name or FILTERS.get(extension, "")
    if not filter_name:
        raise OfficeError(f"no LibreOffice filter known for '{extension}'")
    return extension, filter_name


TIMED_OUT = "LibreOffice took too long or stopped on this file"


class Converter(Protocol):
    """Converts batches of files into a folder; one thread uses one converter."""

    def convert(self, files: Sequence[Path], out_dir: Path, target: str) -> list[Conversion]: ...

    def close(self) -> None: ...


class _Hung(Exception):
    """LibreOffice went past its time limit or died mid-call."""


class _RetriesSingly:
    """The shared recovery: after a hang, restart and try each file alone."""

    retry_singly = True

    def convert(self, files: Sequence[Path], out_dir: Path, target: str) -> list[Conversion]:
        extension, filter_name = _target(target)
        try:
            return self._call(list(files), out_dir, extension, filter_name)
        except _Hung:
            self._reset()
            if len(files) > 1 and self.retry_singly:
                return [result for file in files for result in self.convert([file], out_dir, target)]
            return [Conversion(file, None, TIMED_OUT) for file in files]

    def _call(self, files: list[Path], out_dir: Path, extension: str, filter_name: str) -> list[Conversion]:
        raise NotImplementedError

    def _reset(self) -> None:
        raise NotImplementedError


def _outcome(source: Path, output: Path, error: str | None = None) -> Conversion:
    if error is None and output.is_file() and output.stat().st_size > 0:
        if output.suffix == ".pdf":
            from .reading.carried import carry_data  # (reading converts old formats through here)

            carry_data(output, source)  # a PDF of one of our documents carries its data
        return Conversion(source, output)
    return Conversion(source, None, error or "LibreOffice did not convert it")


class CliConverter(_RetriesSingly):
    """One `soffice --convert-to` call per batch, with its own profile kept between calls."""

    def __init__(
        self,
        binary: str,
        *,
        file_timeout: float = FILE_TIMEOUT,
        start_timeout: float = START_TIMEOUT,
        retry_singly: bool = True,
    ) -> None:
        self._binary = binary
        self._file_timeout = file_timeout
        self._start_timeout = start_timeout
        self.retry_singly = retry_singly
        self._profile = _new_profile()

    def _call(self, files: list[Path], out_dir: Path, extension: str, filter_name: str) -> list[Conversion]:
        command = [
            self._binary,
            f"-env:UserInstallation={self._profile.as_uri()}",
            "--headless",
            "--norestore",
            "--nologo",
            "--convert-to",
            f"{extension}:{filter_name}",
            "--outdir",
            str(out_dir),
            *map(str, files),
        ]
        process = subprocess.Popen(command, **_quiet_session())
        try:
            process.wait(timeout=self._start_timeout + self._file_timeout * len(files))
        except subprocess.TimeoutExpired:
            _kill_group(process)
            raise _Hung from None
        return [_outcome(file, out_dir / f"{file.stem}.{extension}") for file in files]

    def _reset(self) -> None:
        shutil.rmtree(self._profile, ignore_errors=True)
        self._profile = _new_profile()

    def close(self) -> None:
        shutil.rmtree(self._profile, ignore_errors=True)


class UnoConverter(_RetriesSingly):
    """A long-running LibreOffice, started on first use and fed files over UNO."""

    def __init__(
        self,
        binary: str,
        python: str,
        *,
        file_timeout: float = FILE_TIMEOUT,
        start_timeout: float = START_TIMEOUT,
    ) -> None:
        self._binary = binary
        self._python = python
        self._file_timeout = file_timeout
        self._start_timeout = start_timeout
        self._process: subprocess.Popen[str] | None = None
        self._replies: queue.Queue[str | None] = queue.Queue()
        self._profile: Path | None = None

    def _call(self, files: list[Path], out_dir: Path, extension: str, filter_name: str) -> list[Conversion]:
        process = self._started()
        outputs = [out_dir / f"{file.stem}.{extension}" for file in files]
        request = {
            "filter": filter_name,
            "files": [[str(f.absolute()), str(o.absolute())] for f, o in zip(files, outputs, strict=True)],
        }
        reply = self._exchange(process, request, self._file_timeout * len(files))
        errors = reply.get("results")
        if not isinstance(errors, list) or len(errors) != len(files):
            raise _Hung
        return [
            _outcome(file, output, error if isinstance(error, str) else None)
            for file, output, error in zip(files, outputs, errors, strict=True)
        ]

    def _started(self) -> subprocess.Popen[str]:
        if self._process is not None and self._process.poll() is None:
            return self._process
        self._stop(kill=True)
        self._profile = _new_profile()
        self._replies = queue.Queue()
        driver = self._profile / DRIVER_FILE  # beside LibreOffice's own "user" folder, removed with it
        driver.write_text(UNO_DRIVER, encoding="utf-8")
        process = subprocess.Popen(
            [
                self._python,
                str(driver),
                self._binary,
                self._profile.as_uri(),
                f"sf{secrets.token_hex(8)}",
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            encoding="utf-8",
            env=_clean_environment(),
            **_session(),
        )
        self._process = process
        threading.Thread(target=_read_replies, args=(process.stdout, self._replies), daemon=True).start()
        try:
            self._reply(self._start_timeout)
        except _Hung:
            self._stop(kill=True)
            raise OfficeError(f"LibreOffice did not start within {self._start_timeout:.0f} s") from None
        return process

    def _exchange(
        self, process: subprocess.Popen[str], request: dict[str, Any], timeout: float
    ) -> dict[str, Any]:
        assert process.stdin is not None
        try:
            process.stdin.write(json.dumps(request) + "\n")
            process.stdin.flush()
        except OSError:
            raise _Hung from None
        return self._reply(timeout)

    def _reply(self, timeout: float) -> dict[str, Any]:
        try:
            line = self._replies.get(timeout=timeout)
        except queue.Empty:
            raise _Hung from None
        if line is None:  # the driver (and LibreOffice with it) is gone
            raise _Hung
        reply = json.loads(line)
        if not isinstance(reply, dict):
            raise _Hung
        return reply

    def _reset(self) -> None:
        self._stop(kill=True)

    def _stop(self, kill: bool) -> None:
        process, self._process = self._process, None
        if process is not None:
            if not kill and process.stdin is not None:
                try:
                    process.stdin.close()  # the driver closes LibreOffice and exits
                    process.wait(timeout=STOP_TIMEOUT)
                except (OSError, subprocess.TimeoutExpired):
                    kill = True
            if kill or process.poll() is None:
                _kill_group(process)
            for stream in (process.stdin, process.stdout):
                if stream is not None and not stream.closed:
                    with contextlib.suppress(OSError):
                        stream.close()
        if self._profile is not None:
            shutil.rmtree(self._profile, ignore_errors=True)
            self._profile = None

    def close(self) -> None:
        self._stop(kill=False)


def _read_replies(stream: IO[str] | None, replies: queue.Queue[str | None]) -> None:
    try:
        for line in stream or ():
            if line.startswith(PROTOCOL):
                replies.put(line[len(PROTOCOL) :])
    except (OSError, ValueError):
        pass
    replies.put(None)


class ConverterPool:
    """`size` converters, each with its own LibreOffice profile, each used by one thread.

    `submit` hands a batch of files to the next free converter. Long-running UNO
    converters are used where possible (`long_running`), else one call per batch."""

    def __init__(
        self,
        size: int,
        *,
        long_running: bool = True,
        file_timeout: float = FILE_TIMEOUT,
        start_timeout: float = START_TIMEOUT,
    ) -> None:
        binary = _require_soffice()
        python = find_uno_python(binary) if long_running else None
        self.long_running = python is not None
        self.batch_size = 8 if self.long_running else 24
        factory: Callable[[], Converter]
        if python is not None:
            factory = partial(
                UnoConverter, binary, python, file_timeout=file_timeout, start_timeout=start_timeout
            )
        else:
            factory = partial(CliConverter, binary, file_timeout=file_timeout, start_timeout=start_timeout)
        self.size = max(1, size)
        self._converters = [factory() for _ in range(self.size)]
        self._idle: queue.SimpleQueue[Converter] = queue.SimpleQueue()
        for converter in self._converters:
            self._idle.put(converter)
        self._executor = ThreadPoolExecutor(max_workers=len(self._converters), thread_name_prefix="sf-office")

    def submit(self, files: Sequence[Path], out_dir: Path, target: str = "pdf") -> Future[list[Conversion]]:
        """Convert `files` into `out_dir` (output names: the files' stems)."""
        return self._executor.submit(self._run, list(files), out_dir, target)

    def _run(self, files: list[Path], out_dir: Path, target: str) -> list[Conversion]:
        converter = self._idle.get()
        try:
            return converter.convert(files, out_dir, target)
        finally:
            self._idle.put(converter)

    def close(self) -> None:
        """Wait for running calls, then stop every LibreOffice this pool started."""
        self._executor.shutdown(wait=True, cancel_futures=True)
        for converter in self._converters:
            converter.close()

    def __enter__(self) -> ConverterPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def find_uno_python(binary: str) -> str | None:
    """A Python that can import LibreOffice's `uno` module: LibreOffice's own, or the
    system's (python3-uno); None when there is none."""
    program = Path(binary).resolve().parent
    candidates = [
        program / "python",
        program / "python.exe",
        program.parent / "Resources" / "python",  # macOS app bundle
        Path(sys.executable),
        Path("/usr/bin/python3"),
    ]
    for candidate in dict.fromkeys(candidates):
        if candidate.is_file() and os.access(candidate, os.X_OK) and _imports_uno(str(candidate)):
            return str(candidate)
    return None


def _imports_uno(python: str) -> bool:
    try:
        probe = subprocess.run(
            [python, "-c", "import uno"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=_clean_environment(),
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return probe.returncode == 0


def _clean_environment() -> dict[str, str]:
    """Our environment without the settings that would point another Python at our packages."""
    drop = {"PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "PYTHONSAFEPATH"}
    return {key: value for key, value in os.environ.items() if key not in drop}


def _new_profile() -> Path:
    """A private LibreOffice profile in which no macro ever runs and no link is updated."""
    profile = Path(tempfile.mkdtemp(prefix="sf-lo-profile-"))
    user = profile / "user"
    user.mkdir()
    (user / "registrymodifications.xcu").write_text(SAFE_SETTINGS, encoding="utf-8")
    return profile


def _settings(items: Sequence[tuple[str, str, str]]) -> str:
    props = "".join(
        f'<item oor:path="{path}"><prop oor:name="{name}" oor:op="fuse">'
        f"<value>{value}</value></prop></item>\n"
        for path, name, value in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
        'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
        f"{props}</oor:items>\n"
    )


_SCRIPTING = "/org.openoffice.Office.Common/Security/Scripting"
_VBA = "/org.openoffice.Office.Writer/Filter/Import/VBA"
SAFE_SETTINGS = _settings(
    [
        (_SCRIPTING, "MacroSecurityLevel", "3"),  # very high: only signed macros from trusted places
        (_SCRIPTING, "DisableMacrosExecution", "true"),  # and not even those
        (_SCRIPTING, "BlockUntrustedRefererLinks", "true"),
        (_VBA, "Load", "false"),  # a .doc's VBA project is not even loaded
        (_VBA, "Executable", "false"),
        (_VBA, "Save", "false"),  # nor carried into the .docx (as word/vbaProject.bin)
        ("/org.openoffice.Office.Writer/Content/Update", "Link", "0"),  # never update linked content
    ]
)


def _session() -> dict[str, Any]:
    """Start a child in its own process group, so it can be stopped with everything it started."""
    if os.name == "posix":
        return {"start_new_session": True}
    return {"creationflags": getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0)}


def _quiet_session() -> dict[str, Any]:
    return {
        "stdin": subprocess.DEVNULL,
        "stdout": subprocess.DEVNULL,
        "stderr": subprocess.DEVNULL,
        **_session(),
    }


def _kill_group(process: subprocess.Popen[Any]) -> None:
    """Kill a child we started and the processes it started (its process group)."""
    if os.name == "posix":
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)
    else:
        process.kill()
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=STOP_TIMEOUT)


# The driver runs in the Python that has `uno` (not ours), so it is plain, standalone code,
# written into the converter's private profile folder and run from there.
# Arguments: soffice binary, profile URL, pipe name. Requests on stdin, one JSON object a
# line: {"filter": ..., "files": [[source, target], ...]}; replies on stdout, prefixed
# "SF:": {"ready": true} once, then {"results": [null or a reason, ...]} per request.
UNO_DRIVER = r"""
import json, os, shutil, signal, subprocess, sys, threading, time
import uno

def watch_parent(parent, profile):
    # if the batch dies (even by SIGKILL), take LibreOffice down with us: nothing is orphaned
    while os.getppid() == parent:
        time.sleep(0.5)
    subprocess.Popen([sys.executable, "-c", "import shutil, sys, time; time.sleep(2); "
                      "shutil.rmtree(sys.argv[1], ignore_errors=True)", profile],
                     start_new_session=True, stdin=subprocess.DEVNULL,
                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.killpg(0, signal.SIGKILL)  # our own process group: this driver and its LibreOffice

def prop(name, value):
    item = uno.createUnoStruct("com.sun.star.beans.PropertyValue")
    item.Name, item.Value = name, value
    return item

def reply(message):
    sys.stdout.write("SF:" + json.dumps(message) + "\n")
    sys.stdout.flush()

def convert(desktop, source, target, filter_name):
    try:
        document = desktop.loadComponentFromURL(
            uno.systemPathToFileUrl(source), "_blank", 0,
            (prop("Hidden", True), prop("ReadOnly", True),
             prop("MacroExecutionMode", 0), prop("UpdateDocMode", 0)))
        if document is None:
            return "LibreOffice could not open it"
        try:
            name, _, options = filter_name.partition(":")  # options as --convert-to passes them
            document.storeToURL(uno.systemPathToFileUrl(target), (prop("FilterName", name),
                                prop("FilterOptions", options), prop("Overwrite", True)))
        finally:
            document.close(True)
    except Exception as error:
        return "LibreOffice failed on it (%s)" % type(error).__name__
    return None

def main():
    binary, profile, pipe = sys.argv[1:4]
    if hasattr(os, "killpg"):
        threading.Thread(target=watch_parent, daemon=True,
                         args=(os.getppid(), uno.fileUrlToSystemPath(profile))).start()
    connect = "pipe,name=%s;urp;StarOffice.ComponentContext" % pipe
    office = subprocess.Popen(
        [binary, "-env:UserInstallation=" + profile, "--headless", "--invisible", "--nocrashreport",
         "--nodefault", "--nologo", "--nofirststartwizard", "--norestore", "--accept=" + connect],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    context = None
    while context is None:
        if office.poll() is not None:
            return 3
        try:
            context = resolver.resolve("uno:" + connect)
        except Exception:
            time.sleep(0.1)
    desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
    reply({"ready": True})
    try:
        for line in sys.stdin:
            request = json.loads(line)
            reply({"results": [convert(desktop, s, t, request["filter"]) for s, t in request["files"]]})
    except (OSError, ValueError):
        pass  # the batch went away: close LibreOffice below
    try:
        desktop.terminate()
    except Exception:
        pass
    try:
        office.wait(timeout=15)
    except subprocess.TimeoutExpired:
        office.kill()
        office.wait()
    shutil.rmtree(uno.fileUrlToSystemPath(profile), ignore_errors=True)
    return 0

sys.exit(main())
"""
