"""LibreOffice in headless mode: converting .docx to PDF (or re-saving it), many files a call.

`ConverterPool` keeps one converter per job, each a LibreOffice of its own, in a folder
of its own (its profile and its TMPDIR), so that nothing it writes is left behind: the
folder is removed when the converter stops, and, should our process be killed outright,
by the helper that watches it. Where a Python with LibreOffice's `uno` module is found
(LibreOffice's own, or the system's python3-uno), LibreOffice is started once and fed
files over UNO by a small driver script; else each batch of files is one
`soffice --convert-to` call. `convert()` is one such call.

A file has `file_timeout` seconds of LibreOffice's CPU time, and LibreOffice may go that
long without using any CPU at all (stopped, deadlocked) before it counts as hung; the
limit applies to each file, however many a call holds. A LibreOffice that hangs or dies
is killed and started afresh, and the file it was on is tried once more; a file that
fails twice fails alone. Where CPU time cannot be read (not Linux), the limits are
wall-clock time.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
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
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import IO, Any, Protocol

from .errors import SupervisionFormsError
from .office_profile import drop_registration, keep_registration, seed_registration, version_setting

PDF_A3 = 'writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"3"}}'  # PDF/A-3b, to carry our data
FILTERS = {"pdf": PDF_A3, "docx": "MS Word 2007 XML"}
FILE_TIMEOUT = 20.0  # LibreOffice's CPU seconds per file, and seconds it may sit idle mid-file
START_TIMEOUT = 120.0  # CPU seconds for LibreOffice to start (a fresh profile is slow)
START_IDLE = 60.0  # seconds LibreOffice may use no CPU while starting
STOP_TIMEOUT = 15.0
POLL = 0.5
RESCAN = 2.0  # seconds between two looks through /proc for a process group's new members
ATTEMPTS = 2  # a file LibreOffice hung or died on is tried once more
DRIVER_FILE = "sf-uno-driver.py"
PROTOCOL = "SF:"  # the driver's replies start with this; anything else on its stdout is noise
TIMED_OUT = "LibreOffice took too long or stopped on this file"
STOPPED = "the conversion was stopped before LibreOffice converted it"
PIPE_FOLDERS = ("/tmp", "/var/tmp")  # where LibreOffice puts its pipes, whatever TMPDIR says


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
    """Convert files with one LibreOffice call in a folder of its own; `target` is e.g.
    "pdf" or "docx:MS Word 2007 XML". Returns the output paths, in order."""
    binary = _require_soffice()
    out_dir.mkdir(parents=True, exist_ok=True)
    root = Path(tempfile.mkdtemp(prefix="sf-office-"))
    converter = CliConverter(binary, file_timeout=timeout, start_timeout=timeout, root=root, retry=False)
    try:
        results = converter.convert(files, out_dir, target)
    finally:
        converter.close()
        shutil.rmtree(root, ignore_errors=True)
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


class Converter(Protocol):
    """Converts batches of files into a folder; one thread uses one converter."""

    def start(self) -> None: ...

    def convert(
        self, files: Sequence[Path], out_dir: Path, target: str, carry: bool = True
    ) -> list[Conversion]: ...

    def kill(self) -> None: ...

    def close(self) -> None: ...


class _Hung(Exception):
    """LibreOffice went past its limit on a file, or died."""


class _BadSeed(_Hung):
    """LibreOffice could not start in a profile seeded from the cache (`office_profile`)."""


class _Clock:
    """How long a process group has been at one file: its CPU time, and how long it has
    gone without using any. Wall-clock time where CPU time cannot be read."""

    def __init__(self, group: int, limit: float, idle: float) -> None:
        self._cpu = _GroupCpu(group)
        self._limit = limit
        self._idle = idle
        self._started = time.monotonic()
        self._cpu0 = self._last = self._cpu()
        self._moved = self._started

    def expired(self) -> bool:
        now = time.monotonic()
        cpu = self._cpu()
        if cpu is None or self._cpu0 is None or self._last is None:
            return now - self._started > self._limit
        if cpu - self._cpu0 > self._limit:
            return True
        if cpu > self._last + 0.01:
            self._last, self._moved = cpu, now
        return now - self._moved > self._idle


class _GroupCpu:
    """CPU seconds used by the live processes of a process group (Linux), else None. Its
    members are found by a look through all of /proc, made again when one of them ends and
    every RESCAN seconds (to count new ones); in between, only the members are read."""

    def __init__(self, group: int) -> None:
        self._group = group
        self._members: list[int] = []
        self._scanned = -RESCAN

    def __call__(self) -> float | None:
        if time.monotonic() - self._scanned < RESCAN:
            ticks = [_stat_ticks(pid, self._group) for pid in self._members]
            if None not in ticks:
                return sum(t for t in ticks if t is not None) / _TICKS
        return self._scan()

    def _scan(self) -> float | None:
        try:
            entries = os.listdir("/proc")
        except OSError:
            return None
        self._scanned = time.monotonic()
        self._members, total = [], 0
        for entry in entries:
            ticks = _stat_ticks(int(entry), self._group) if entry.isdigit() else None
            if ticks is not None:
                self._members.append(int(entry))
                total += ticks
        return total / _TICKS


_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _stat_ticks(pid: int, group: int) -> int | None:
    """CPU ticks of process `pid` if it is alive and in `group`, else None."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            fields = handle.read().rsplit(b")", 1)[1].split()
    except (OSError, IndexError):
        return None
    if len(fields) > 12 and int(fields[2]) == group:
        return int(fields[11]) + int(fields[12])
    return None


class _Office:
    """One LibreOffice at a time, in `root` (its profile and TMPDIR), restarted afresh
    after a hang or a crash. Subclasses say how files are sent and answered."""

    def __init__(
        self,
        binary: str,
        *,
        file_timeout: float = FILE_TIMEOUT,
        start_timeout: float = START_TIMEOUT,
        retry: bool = True,
        root: Path | None = None,
        closing: threading.Event | None = None,
        cleanup: Sequence[Path] = (),
    ) -> None:
        self._binary = binary
        self._own_root = root is None
        # absolute: its profile is handed to LibreOffice as a file URI
        self._root = (root if root is not None else Path(tempfile.mkdtemp(prefix="sf-office-"))).absolute()
        self._root.mkdir(parents=True, exist_ok=True)
        self._file_timeout = file_timeout
        self._start_timeout = start_timeout
        self._start_idle = min(START_IDLE, start_timeout)
        self._retry = retry
        self._closing = closing or threading.Event()
        self._cleanup = tuple(cleanup)
        self._process: subprocess.Popen[Any] | None = None
        self._lock = threading.Lock()
        self._profile_url = ""
        self._profile_dir: Path | None = None
        self._pipe = ""
        self._seed = True  # seed new profiles from the cache while that works
        self._seeded = False  # the current profile was seeded
        self.starts = 0

    def start(self) -> None:
        """Start LibreOffice now, where this converter keeps one running (so that its
        start-up overlaps the caller's other work); a failure shows at the first file."""

    # --- the shared loop -----------------------------------------------------------------

    def convert(
        self, files: Sequence[Path], out_dir: Path, target: str, carry: bool = True
    ) -> list[Conversion]:
        """`files` converted into `out_dir`; with `carry`, a PDF of one of our documents
        gets the data it holds attached (read back from the .docx)."""
        extension, filter_name = _target(target)
        outputs = [out_dir / f"{file.stem}.{extension}" for file in files]
        results: list[Conversion | None] = [None] * len(files)
        tries = [0] * len(files)
        pending = list(range(len(files)))
        while pending:
            if self._closing.is_set():
                break
            try:
                for index, error in self._run(
                    [files[i] for i in pending], [outputs[i] for i in pending], filter_name
                ):
                    item = pending[index]
                    results[item] = _outcome(files[item], outputs[item], error, carry)
            except _BadSeed:  # not the file's fault: start afresh, without the cache
                drop_registration(self._binary)
                self._seed = False
                self._reset()
            except _Hung:
                self._reset()
                left = [i for i in pending if results[i] is None]
                if left:  # the first file not answered is the one it was on
                    tries[left[0]] += 1
                    if tries[left[0]] >= (ATTEMPTS if self._retry else 1):
                        results[left[0]] = Conversion(files[left[0]], None, TIMED_OUT)
            pending = [i for i in pending if results[i] is None]
        return [r if r is not None else Conversion(files[i], None, STOPPED) for i, r in enumerate(results)]

    def _run(
        self, files: list[Path], outputs: list[Path], filter_name: str
    ) -> Iterator[tuple[int, str | None]]:
        """Yield (index, error or None) for each file as LibreOffice finishes it; raise
        _Hung if it stops answering or dies."""
        raise NotImplementedError

    def _wait(self, ready: Callable[[float], bool], limit: float, idle: float) -> None:
        """Wait until `ready(POLL)` says so; raise _Hung when the LibreOffice in charge goes
        past its limits, dies, or the pool is closing."""
        process = self._process
        if process is None:
            raise _Hung
        clock = _Clock(process.pid, limit, idle)
        while not ready(POLL):
            if self._closing.is_set() or clock.expired():
                raise _Hung

    # --- starting and stopping -----------------------------------------------------------

    def _fresh_folders(self) -> Path:
        """A new profile (seeded from the cache where it can be) and an empty TMPDIR inside
        the root; the profile's path."""
        self._remove_leftovers()
        profile = self._root / f"profile-{secrets.token_hex(4)}"
        _safe_profile(profile, self._binary)
        self._seeded = self._seed and seed_registration(self._binary, profile)
        temp = self._root / "tmp"
        temp.mkdir(parents=True, exist_ok=True, mode=0o700)
        self._profile_dir = profile
        self._profile_url = profile.as_uri()
        self._pipe = f"sf{secrets.token_hex(8)}"
        return profile

    def _keep(self) -> None:
        """LibreOffice closed cleanly in the current profile: keep its registration."""
        if self._profile_dir is not None and not self._seeded:
            keep_registration(self._binary, self._profile_dir)

    def _leftovers(self) -> list[str]:
        """What this converter's LibreOffice may leave if killed: its folder, the folders
        we were asked to clean, and its pipes (LibreOffice puts them in /tmp)."""
        paths = [str(self._root), *map(str, self._cleanup)]
        if self._profile_url:
            paths.extend(pipe_paths(self._profile_url, self._pipe))
        return paths

    def _remove_leftovers(self) -> None:
        if self._profile_url:
            remove_pipes(self._profile_url, self._pipe)
        for entry in self._root.glob("profile-*"):
            shutil.rmtree(entry, ignore_errors=True)
        shutil.rmtree(self._root / "tmp", ignore_errors=True)
        (self._root / DRIVER_FILE).unlink(missing_ok=True)

    def _environment(self, temp: Path) -> dict[str, str]:
        return {**_clean_environment(), "TMPDIR": str(temp), "TMP": str(temp), "TEMP": str(temp)}

    def _spawn(self, command: list[str], *, pipes: bool) -> subprocess.Popen[Any]:
        with self._lock:
            if self._closing.is_set():
                raise _Hung
            self.starts += 1
            self._process = subprocess.Popen(
                command,
                stdin=subprocess.PIPE if pipes else subprocess.DEVNULL,
                stdout=subprocess.PIPE if pipes else subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                text=pipes,
                encoding="utf-8" if pipes else None,
                env=self._environment(self._root / "tmp"),
                **_session(),
            )
            return self._process

    def kill(self) -> None:
        """Kill the LibreOffice at work now (from any thread); its caller sees it hung."""
        with self._lock:
            if self._process is not None:
                _kill_group(self._process, wait=False)

    def _reset(self) -> None:
        with self._lock:
            process, self._process = self._process, None
        if process is not None:
            _kill_group(process)
            _close_streams(process)
        self._remove_leftovers()

    def close(self) -> None:
        self._reset()
        if self._own_root:
            shutil.rmtree(self._root, ignore_errors=True)


def _outcome(source: Path, output: Path, error: str | None = None, carry: bool = True) -> Conversion:
    if error is None and output.is_file() and output.stat().st_size > 0:
        if carry and output.suffix == ".pdf":
            from .reading.carried import carry_data  # (reading converts old formats through here)

            carry_data(output, source)  # a PDF of one of our documents carries its data
        return Conversion(source, output)
    return Conversion(source, None, error or "LibreOffice did not convert it")


class CliConverter(_Office):
    """One `soffice --convert-to` call per batch, its profile kept between calls; a file
    counts as done when LibreOffice moves on to the next (or exits)."""

    _profile: Path | None = None  # made on the first call, kept while it exists

    def _run(
        self, files: list[Path], outputs: list[Path], filter_name: str
    ) -> Iterator[tuple[int, str | None]]:
        if self._profile is None or not self._profile.exists():
            self._profile = self._fresh_folders()
        extension = outputs[0].suffix.lstrip(".")
        for output in outputs:
            output.unlink(missing_ok=True)
        command = [
            self._binary,
            f"-env:UserInstallation={self._profile_url}",
            "--headless",
            "--norestore",
            "--nologo",
            "--convert-to",
            f"{extension}:{filter_name}",
            "--outdir",
            str(outputs[0].parent),
            *map(str, files),
        ]
        process = self._spawn(_watched(os.getpid(), self._leftovers(), command), pipes=False)
        done = 0
        while done < len(files):
            limit, idle = (
                (self._start_timeout, self._start_idle)
                if done == 0
                else (self._file_timeout, self._file_timeout)
            )
            self._wait(partial(_moved_on, process, outputs, done), limit + self._file_timeout, idle)
            if process.poll() is not None:
                break
            yield done, None
            done += 1
        if process.wait() == 0:
            self._keep()
        elif self._seeded and done == 0 and not any(output.exists() for output in outputs):
            raise _BadSeed  # it did not start in the seeded profile
        for index in range(done, len(files)):
            yield index, None
        with self._lock:
            self._process = None

    def _reset(self) -> None:
        super()._reset()
        self._profile = None


def _moved_on(process: subprocess.Popen[Any], outputs: list[Path], index: int, pause: float) -> bool:
    """True when LibreOffice has finished file `index`: the next file's output is there,
    or LibreOffice has exited."""
    if process.poll() is not None or (index + 1 < len(outputs) and outputs[index + 1].exists()):
        return True
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=pause)
    return process.poll() is not None


class UnoConverter(_Office):
    """A long-running LibreOffice, started on first use and fed files over UNO."""

    def __init__(
        self,
        binary: str,
        python: str,
        *,
        file_timeout: float = FILE_TIMEOUT,
        start_timeout: float = START_TIMEOUT,
        retry: bool = True,
        root: Path | None = None,
        closing: threading.Event | None = None,
        cleanup: Sequence[Path] = (),
    ) -> None:
        super().__init__(
            binary,
            root=root,
            file_timeout=file_timeout,
            start_timeout=start_timeout,
            retry=retry,
            closing=closing,
            cleanup=cleanup,
        )
        self._python = python
        self._replies: queue.Queue[str | None] = queue.Queue()
        self._ready = False  # the running LibreOffice has answered

    def _run(
        self, files: list[Path], outputs: list[Path], filter_name: str
    ) -> Iterator[tuple[int, str | None]]:
        process = self._started()
        request = {
            "filter": filter_name,
            "files": [[str(f.absolute()), str(o.absolute())] for f, o in zip(files, outputs, strict=True)],
        }
        assert process.stdin is not None
        try:
            process.stdin.write(json.dumps(request) + "\n")
            process.stdin.flush()
        except (OSError, ValueError):
            raise _Hung from None
        for _ in files:
            reply = self._reply(self._file_timeout, self._file_timeout)
            index, error = reply.get("index"), reply.get("error")
            if not isinstance(index, int) or not 0 <= index < len(files):
                raise _Hung
            yield index, error if isinstance(error, str) else None

    def start(self) -> None:
        """Launch LibreOffice now, without waiting for it and without starting a thread
        (the caller may still fork); it is waited for at the first file."""
        with contextlib.suppress(_Hung, OSError):
            if self._process is None:
                self._launch()

    def _started(self) -> subprocess.Popen[Any]:
        process = self._process
        if process is None or process.poll() is not None:
            process = self._launch()
        elif self._ready:
            return process
        threading.Thread(target=_read_replies, args=(process.stdout, self._replies), daemon=True).start()
        try:
            self._reply(self._start_timeout, self._start_idle)
        except _Hung:
            self._reset()
            if self._closing.is_set():
                raise
            if self._seeded:
                raise _BadSeed from None
            raise OfficeError(f"LibreOffice did not start within {self._start_timeout:.0f} s") from None
        self._ready = True
        return process

    def _launch(self) -> subprocess.Popen[Any]:
        """A fresh LibreOffice under our driver, not yet answering."""
        self._reset()
        self._fresh_folders()
        driver = self._root / DRIVER_FILE
        driver.write_text(UNO_DRIVER, encoding="utf-8")
        self._replies = queue.Queue()
        self._ready = False
        return self._spawn(
            [
                self._python,
                str(driver),
                self._binary,
                self._profile_url,
                self._pipe,
                str(os.getpid()),
                json.dumps(self._leftovers()),
            ],
            pipes=True,
        )

    def _reply(self, limit: float, idle: float) -> dict[str, Any]:
        found: list[str | None] = []

        def ready(pause: float) -> bool:
            with contextlib.suppress(queue.Empty):
                found.append(self._replies.get(timeout=pause))
            return bool(found)

        self._wait(ready, limit, idle)
        line = found[0]
        if line is None:  # the driver (and LibreOffice with it) is gone
            raise _Hung
        try:
            reply = json.loads(line)
        except json.JSONDecodeError:
            raise _Hung from None
        if not isinstance(reply, dict):
            raise _Hung
        return reply

    def close(self) -> None:
        """Let LibreOffice close itself; kill it if it will not."""
        with self._lock:
            process, self._process = self._process, None
        if process is not None and process.stdin is not None and process.poll() is None:
            try:
                process.stdin.close()  # the driver closes LibreOffice and exits
                if process.wait(timeout=STOP_TIMEOUT) == 0 and self._ready:
                    self._keep()
            except (OSError, ValueError, subprocess.TimeoutExpired):
                pass
        if process is not None:
            _kill_group(process)
            _close_streams(process)
        super().close()


def _read_replies(stream: IO[str] | None, replies: queue.Queue[str | None]) -> None:
    try:
        for line in stream or ():
            if line.startswith(PROTOCOL):
                replies.put(line[len(PROTOCOL) :])
    except (OSError, ValueError):
        pass
    replies.put(None)


class OwnedFolder:
    """A new owner-only folder in `parent`, removed by `remove()`, or, should this process
    be killed outright, by a helper started before the folder was made: no moment of a
    kill leaves it behind (the converters' own cleaners run only once they are started)."""

    def __init__(self, parent: Path, prefix: str) -> None:
        self.path = parent.absolute() / f"{prefix}{secrets.token_hex(8)}"
        self._helper = subprocess.Popen(
            [sys.executable, "-I", "-c", JANITOR, str(os.getpid()), json.dumps([str(self.path)])],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=_clean_environment(),
            **_session(),
        )
        try:
            self.path.mkdir(mode=0o700)
        except BaseException:
            self._stop_helper()  # killed, it removes nothing: the path may be someone else's
            raise

    def remove(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)
        self._stop_helper()

    def _stop_helper(self) -> None:
        with contextlib.suppress(OSError):
            self._helper.kill()
        self._helper.wait()


class ConverterPool:
    """`size` converters, each a LibreOffice of its own, each used by one thread.

    `submit` hands a batch of files to the next free converter. Long-running UNO
    converters are used where possible (`long_running`), else one call per batch. Their
    folders go in one folder of the pool's, `root`, made in `work` (default: the system's
    temp folder) and named with `prefix`; it goes when the pool closes, or if this
    process is killed."""

    def __init__(
        self,
        size: int,
        *,
        long_running: bool = True,
        file_timeout: float = FILE_TIMEOUT,
        start_timeout: float = START_TIMEOUT,
        work: Path | None = None,
        prefix: str = "sf-office-",
    ) -> None:
        binary = _require_soffice()
        python = find_uno_python(binary) if long_running else None
        self.long_running = python is not None
        self.batch_size = 64 if self.long_running else 24  # files a call at most; limits stay per file
        self._folder = OwnedFolder(work if work is not None else Path(tempfile.gettempdir()), prefix)
        self.root = self._folder.path
        try:
            self._start_converters(binary, python, size, file_timeout, start_timeout)
        except BaseException:
            self._folder.remove()
            raise

    def _start_converters(
        self, binary: str, python: str | None, size: int, file_timeout: float, start_timeout: float
    ) -> None:
        """The converters (LibreOffice starts later) and the threads that use them."""
        self._closing = threading.Event()
        factory: Callable[[Path], Converter]
        if python is not None:
            factory = partial(
                UnoConverter,
                binary,
                python,
                file_timeout=file_timeout,
                start_timeout=start_timeout,
                closing=self._closing,
                cleanup=(self.root,),
            )
        else:
            factory = partial(
                CliConverter,
                binary,
                file_timeout=file_timeout,
                start_timeout=start_timeout,
                closing=self._closing,
                cleanup=(self.root,),
            )
        self.size = max(1, size)
        self._converters = [factory(root=Path(tempfile.mkdtemp(dir=self.root))) for _ in range(self.size)]
        self._idle: queue.SimpleQueue[Converter] = queue.SimpleQueue()
        for converter in self._converters:
            self._idle.put(converter)
        self._executor = ThreadPoolExecutor(max_workers=len(self._converters), thread_name_prefix="sf-office")

    def start(self) -> None:
        """Launch every converter's LibreOffice now, without waiting for them (and
        without starting a thread: the caller may still fork)."""
        for converter in self._converters:
            converter.start()

    def submit(
        self, files: Sequence[Path], out_dir: Path, target: str = "pdf", carry: bool = True
    ) -> Future[list[Conversion]]:
        """Convert `files` into `out_dir` (output names: the files' stems). With `carry`, a
        PDF of one of our documents carries its data, read back from the .docx; a caller
        that holds the data already attaches it itself (`pdfdata.attach_data`)."""
        return self._executor.submit(self._run, list(files), out_dir, target, carry)

    def _run(self, files: list[Path], out_dir: Path, target: str, carry: bool) -> list[Conversion]:
        converter = self._idle.get()
        try:
            return converter.convert(files, out_dir, target, carry)
        finally:
            self._idle.put(converter)

    def close(self, abort: bool = False) -> None:
        """Stop every LibreOffice this pool started and remove their folders: after the
        calls running now, or at once (`abort`)."""
        if abort:
            self._closing.set()
            for converter in self._converters:
                converter.kill()
        self._executor.shutdown(wait=True, cancel_futures=True)
        self._closing.set()
        for converter in self._converters:
            converter.close()
        self._folder.remove()

    def __enter__(self) -> ConverterPool:
        return self

    def __exit__(self, kind: type[BaseException] | None, *rest: object) -> None:
        self.close(abort=kind is not None)


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
        if candidate == Path(sys.executable) and importlib.util.find_spec("uno") is None:
            continue  # ours cannot: no need to start it to ask
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


def pipe_paths(profile_url: str, pipe: str = "") -> list[str]:
    """The sockets a LibreOffice run with this profile (and `--accept` pipe name) leaves in /tmp."""
    if not hasattr(os, "getuid"):
        return []
    md5 = hashlib.md5(profile_url.encode("utf-16-le"), usedforsecurity=False).digest()
    digest = "".join(f"{byte:x}" for byte in md5)  # as LibreOffice writes it: no leading zeros
    names = [f"OSL_PIPE_{os.getuid()}_SingleOfficeIPC_{digest}"] + (
        [f"OSL_PIPE_{os.getuid()}_{pipe}"] if pipe else []
    )
    return [f"{folder}/{name}" for folder in PIPE_FOLDERS for name in names]


def remove_pipes(profile_url: str, pipe: str = "") -> None:
    """Remove what `pipe_paths` names, once that LibreOffice has gone."""
    for path in pipe_paths(profile_url, pipe):
        with contextlib.suppress(OSError):
            if os.path.lexists(path) and not os.path.isdir(path):
                os.remove(path)


def _clean_environment() -> dict[str, str]:
    """Our environment without the settings that would point another Python at our packages."""
    drop = {"PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "PYTHONSAFEPATH"}
    return {key: value for key, value in os.environ.items() if key not in drop}


def _safe_profile(profile: Path, binary: str) -> None:
    """Make `profile` a LibreOffice profile in which no macro ever runs and no link is
    updated, and which says that `binary`'s version has run in it (see `office_profile`)."""
    user = profile / "user"
    user.mkdir(parents=True, exist_ok=True, mode=0o700)
    version = version_setting(binary)
    settings = _settings([*SAFE_ITEMS, version]) if version is not None else SAFE_SETTINGS
    (user / "registrymodifications.xcu").write_text(settings, encoding="utf-8")


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
SAFE_ITEMS = (
    (_SCRIPTING, "MacroSecurityLevel", "3"),  # very high: only signed macros from trusted places
    (_SCRIPTING, "DisableMacrosExecution", "true"),  # and not even those
    (_SCRIPTING, "BlockUntrustedRefererLinks", "true"),
    (_VBA, "Load", "false"),  # a .doc's VBA project is not even loaded
    (_VBA, "Executable", "false"),
    (_VBA, "Save", "false"),  # nor carried into the .docx (as word/vbaProject.bin)
    ("/org.openoffice.Office.Writer/Content/Update", "Link", "0"),  # never update linked content
)
SAFE_SETTINGS = _settings(SAFE_ITEMS)


def _session() -> dict[str, Any]:
    """Start a child in its own process group, so it can be stopped with everything it started."""
    if os.name == "posix":
        return {"start_new_session": True}
    return {"creationflags": getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0)}


def _kill_group(process: subprocess.Popen[Any], wait: bool = True) -> None:
    """Kill a child we started and the processes it started (its process group)."""
    if os.name == "posix":
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)
    else:
        with contextlib.suppress(OSError):
            process.kill()
    if wait:
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=STOP_TIMEOUT)


def _close_streams(process: subprocess.Popen[Any]) -> None:
    for stream in (process.stdin, process.stdout):
        if stream is not None and not stream.closed:
            with contextlib.suppress(OSError, ValueError):
                stream.close()


def _watched(parent: int, leftovers: list[str], command: list[str]) -> list[str]:
    """`command`, run under a watcher that kills it and removes `leftovers` if we die."""
    return [sys.executable, "-c", WATCHDOG, str(parent), json.dumps(leftovers), *command]


# Removing what a killed batch left: each path, then again while a process not yet killed
# still writes in it, up to a limit (a single rmtree racing such a writer leaves a folder).
_REMOVE = r"""
import json, os, shutil, sys, time

def remove(paths, patience=60.0):
    deadline = time.monotonic() + patience
    while paths:
        for path in paths:
            if os.path.isdir(path) and not os.path.islink(path):
                shutil.rmtree(path, ignore_errors=True)
            elif os.path.lexists(path):
                try:
                    os.remove(path)
                except OSError:
                    pass
        paths = [path for path in paths if os.path.lexists(path)]
        if paths and time.monotonic() < deadline:
            time.sleep(0.5)
        else:
            return
"""

# Arguments: our pid, paths (JSON). Started before the paths exist; removes them once our
# process is gone, however it ended (a normal close stops it first).
JANITOR = (
    _REMOVE
    + r"""
parent = int(sys.argv[1])
while os.getppid() == parent:
    time.sleep(0.25)
time.sleep(0.5)  # LibreOffice's own watchers kill it meanwhile
remove(json.loads(sys.argv[2]))
"""
)

# The watcher and the driver run in other Pythons (the driver in the one that has `uno`),
# so they are plain, standalone code. Both are process-group leaders (we start them in a
# session of their own): if the batch dies, even by SIGKILL, they kill their group, which
# holds LibreOffice, and a detached cleaner removes the converter's folder and pipes.
_WATCH = (
    r'''
import json, os, signal, subprocess, sys, threading, time

CLEANER = """'''
    + _REMOVE
    + r'''
time.sleep(0.5)
remove(json.loads(sys.argv[1]))
"""

def orphaned(parent, leftovers):
    subprocess.Popen([sys.executable, "-I", "-c", CLEANER, json.dumps(leftovers)], start_new_session=True,
                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.killpg(0, signal.SIGKILL)

def watch_parent(parent, leftovers):
    while os.getppid() == parent:
        time.sleep(0.5)
    orphaned(parent, leftovers)

def run(main, parent, leftovers):
    """Run `main` with a watch on the batch. However it ends (an error, or the batch gone
    between two looks of the watch), LibreOffice does not outlive it."""
    if os.getppid() != parent:
        orphaned(parent, leftovers)
    threading.Thread(target=watch_parent, args=(parent, leftovers), daemon=True).start()
    try:
        status = main()
    except BaseException:
        status = None
    if os.getppid() != parent:
        orphaned(parent, leftovers)
    if status is None:
        os.killpg(0, signal.SIGKILL)
    sys.exit(status)
'''
)

WATCHDOG = (
    _WATCH
    + r"""
def main():
    return subprocess.call(sys.argv[3:], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)

run(main, int(sys.argv[1]), json.loads(sys.argv[2]))
"""
)

# Arguments: soffice binary, profile URL, pipe name, our pid, leftovers (JSON). Requests on
# stdin, one JSON object a line: {"filter": ..., "files": [[source, target], ...]};
# replies on stdout, prefixed "SF:": {"ready": true} once, then {"index": i, "error": null
# or a reason} as each file is done. If LibreOffice dies, the driver exits at once
# without answering for the file it was on.
UNO_DRIVER = (
    _WATCH
    + r"""
import uno

def prop(name, value):
    item = uno.createUnoStruct("com.sun.star.beans.PropertyValue")
    item.Name, item.Value = name, value
    return item

def reply(message):
    sys.stdout.write("SF:" + json.dumps(message) + "\n")
    sys.stdout.flush()

def alive(office, desktop):
    if office.poll() is not None:
        return False
    try:
        desktop.getFrames()
    except Exception:
        return False
    return True

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
            for index, (source, target) in enumerate(request["files"]):
                error = convert(desktop, source, target, request["filter"])
                if error is not None and not alive(office, desktop):
                    return 4  # LibreOffice died on this file: say nothing, the batch restarts us
                reply({"index": index, "error": error})
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
    return 0

run(main, int(sys.argv[4]), json.loads(sys.argv[5]))
"""
)
