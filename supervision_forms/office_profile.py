"""LibreOffice profiles that start without LibreOffice's first-run work.

A new profile costs LibreOffice two things at start-up, besides the start itself:
- its graphics self-tests (about 1 s of CPU): a profile that has not recorded the version
  it last ran counts as an upgrade, and a headless LibreOffice never records it. We record
  the installed version (`ooSetupLastVersion`) in the settings we write.
- the registration of its bundled extensions, after which it exits and restarts itself
  (about 0.5 s of CPU). We copy that registration from a profile that an earlier
  LibreOffice made and closed cleanly, kept in the user's cache folder, one per
  installation. Only the registration is copied (`REGISTRATION`), never settings, macros
  or extensions. The cache is written whole or not at all (a rename), so concurrent
  batches see it complete or absent; a copy that LibreOffice cannot start with is dropped
  by the caller (`drop_registration`), which starts afresh.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import stat
import tempfile
import time
from functools import lru_cache
from pathlib import Path

from .user_cache import user_cache

REGISTRATION = ("bundled", "shared", "buildid")  # in a profile's user/extensions
CACHE_LIMIT = 1 << 20  # bytes: the registration is a few KB; more is not ours
FILES_LIMIT = 64
STALE = 3600.0  # seconds after which a half-written copy is surely abandoned
_VERSION = re.compile(rb'<prop oor:name="ooSetupVersion">\s*<value>([0-9]{1,4}\.[0-9]{1,4})</value>')
_REGISTRY_LIMIT = 32 << 20  # bytes of main.xcd read at most


def version_setting(binary: str) -> tuple[str, str, str] | None:
    """The setting that records this LibreOffice's version as the last one run, or None
    when the installation does not say its version."""
    version = installed_version(_registry(binary))
    return None if version is None else ("/org.openoffice.Setup/Product", "ooSetupLastVersion", version)


@lru_cache(maxsize=8)
def installed_version(registry: Path | None) -> str | None:
    """The version an installation's main.xcd gives (its `ooSetupVersion`, e.g. "7.4")."""
    if registry is None:
        return None
    try:
        with registry.open("rb") as handle:
            found = _VERSION.search(handle.read(_REGISTRY_LIMIT))
    except OSError:
        return None
    return found.group(1).decode("ascii") if found else None


def _registry(binary: str) -> Path | None:
    """main.xcd of the installation `binary` belongs to (Linux and Windows: share/registry
    beside program/; macOS: Resources/registry)."""
    program = Path(binary).resolve().parent
    for candidate in (
        program.parent / "share" / "registry" / "main.xcd",
        program.parent / "Resources" / "registry" / "main.xcd",
    ):
        if candidate.is_file():
            return candidate
    return None


def cache_folder(binary: str) -> Path | None:
    """Where this installation's registration is kept: one folder per binary and per
    version of its registry (an upgrade changes it); None when there is no home."""
    registry = _registry(binary)
    if registry is None:
        return None
    base = user_cache()
    try:
        info = registry.stat()
    except OSError:
        return None
    if base is None:
        return None
    key = f"{Path(binary).resolve()}\0{info.st_size}\0{info.st_mtime_ns}".encode()
    return base / "libreoffice" / hashlib.sha256(key).hexdigest()[:16]


def seed_registration(binary: str, profile: Path) -> bool:
    """Copy the kept registration into a new `profile` (before LibreOffice starts in it);
    False when there is none, or it is not safe to use."""
    kept = cache_folder(binary)
    if kept is None or not _trusted(kept):
        return False
    target = profile / "user" / "extensions"
    try:
        target.mkdir(parents=True, exist_ok=True, mode=0o700)
        _copy_registration(kept, target)
    except OSError:
        shutil.rmtree(target, ignore_errors=True)
        return False
    return True


def keep_registration(binary: str, profile: Path) -> None:
    """Keep the registration of a profile whose LibreOffice ran and closed cleanly, unless
    one is kept already. Never raises: the cache only saves time."""
    kept = cache_folder(binary)
    source = profile / "user" / "extensions"
    if kept is None or kept.exists() or not all((source / name).exists() for name in REGISTRATION):
        return
    with contextlib.suppress(OSError):
        kept.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        _sweep(kept.parent)
        incoming = Path(tempfile.mkdtemp(prefix=".incoming-", dir=kept.parent))
        try:
            _copy_registration(source, incoming)
            os.rename(incoming, kept)  # whole or not at all; fails if another batch won
        finally:
            shutil.rmtree(incoming, ignore_errors=True)


def _copy_registration(source: Path, target: Path) -> None:
    """The registration's parts from one folder into another that exists (links copied as
    links, never followed)."""
    for name in REGISTRATION:
        if (source / name).is_dir():
            shutil.copytree(source / name, target / name, symlinks=True)
        else:
            shutil.copyfile(source / name, target / name, follow_symlinks=False)


def _sweep(folder: Path) -> None:
    """Remove what a batch killed while keeping or dropping a registration left behind."""
    for entry in [*folder.glob(".incoming-*"), *folder.glob(".dropped-*")]:
        with contextlib.suppress(OSError):
            if time.time() - entry.lstat().st_mtime > STALE:
                shutil.rmtree(entry, ignore_errors=True)


def drop_registration(binary: str) -> None:
    """Forget the kept registration (LibreOffice could not start with it)."""
    kept = cache_folder(binary)
    if kept is None:
        return
    doomed = kept.with_name(f".dropped-{kept.name}-{os.getpid()}")
    with contextlib.suppress(OSError):
        os.rename(kept, doomed)  # gone at once for everyone, then removed
        shutil.rmtree(doomed, ignore_errors=True)


def _trusted(folder: Path) -> bool:
    """The kept registration is a real folder of ours that no one else may enter or write
    (so nothing in it is anyone else's), holding only plain files and folders, few and
    small, with every part there."""
    try:
        info = folder.lstat()
    except OSError:
        return False
    if not stat.S_ISDIR(info.st_mode) or not _ours(info):
        return False
    if not all((folder / name).exists() for name in REGISTRATION):
        return False
    files = size = 0
    for root, folders, names in os.walk(folder):
        for name in [*folders, *names]:
            try:
                entry = os.lstat(os.path.join(root, name))
            except OSError:
                return False
            if not (stat.S_ISDIR(entry.st_mode) or stat.S_ISREG(entry.st_mode)):
                return False
            files += 1
            size += entry.st_size
            if files > FILES_LIMIT or size > CACHE_LIMIT:
                return False
    return True


def _ours(info: os.stat_result) -> bool:
    """Owned by us and closed to everyone else (where there are owners)."""
    if not hasattr(os, "getuid"):
        return True
    return info.st_uid == os.getuid() and not info.st_mode & 0o077
