"""A LibreOffice profile starts without LibreOffice's first-run work: the installed version
is recorded, and the extension registration comes from a kept copy that is used only when
it is safe, and dropped when LibreOffice cannot start with it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from supervision_forms import office
from supervision_forms.office import CliConverter, UnoConverter, find_uno_python, soffice
from supervision_forms.office_profile import (
    REGISTRATION,
    cache_folder,
    keep_registration,
    seed_registration,
)
from tests.conftest import needs_libreoffice
from tests.faults.kit import descendants_of, named, portsmouth_documents

MAIN_XCD = '<prop oor:name="ooSetupVersion">\n  <value>7.4</value>\n</prop>'


@pytest.fixture(autouse=True)
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    home = tmp_path / "cache-home"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    yield home


def installation(root: Path, registry: str | None = MAIN_XCD) -> str:
    """A stand-in LibreOffice: program/soffice, and share/registry/main.xcd if given."""
    (root / "program").mkdir(parents=True)
    binary = root / "program" / "soffice"
    binary.write_text("")
    if registry is not None:
        (root / "share" / "registry").mkdir(parents=True)
        (root / "share" / "registry" / "main.xcd").write_text(registry)
    return str(binary)


def used_profile(root: Path, extra: str = "") -> Path:
    """A profile as LibreOffice leaves it: the registration, and a scratch folder."""
    extensions = root / "user" / "extensions"
    for name in ("bundled", "shared"):
        (extensions / name / "registry").mkdir(parents=True)
        (extensions / name / "lastsynchronized").write_text("1" + extra)
    (extensions / "buildid").write_text("40(Build:2)")
    (extensions / "tmp").mkdir()
    (extensions / "tmp" / "scratch").write_text("not kept")
    return root


def it_records_the_installed_version_as_the_last_one_run(tmp_path: Path) -> None:
    binary = installation(tmp_path / "lo")
    office._safe_profile(tmp_path / "profile", binary)
    written = (tmp_path / "profile" / "user" / "registrymodifications.xcu").read_text()
    assert '<prop oor:name="ooSetupLastVersion" oor:op="fuse"><value>7.4</value>' in written
    for path, name, value in office.SAFE_ITEMS:
        assert f'oor:path="{path}"><prop oor:name="{name}" oor:op="fuse"><value>{value}<' in written


def it_writes_only_the_safe_settings_where_the_version_is_unknown(tmp_path: Path) -> None:
    binary = installation(tmp_path / "lo", registry="<oor:data/>")
    office._safe_profile(tmp_path / "profile", binary)
    written = (tmp_path / "profile" / "user" / "registrymodifications.xcu").read_text()
    assert written == office.SAFE_SETTINGS


def it_keeps_one_registration_and_seeds_new_profiles_with_it(tmp_path: Path) -> None:
    binary = installation(tmp_path / "lo")
    keep_registration(binary, used_profile(tmp_path / "first"))
    keep_registration(binary, used_profile(tmp_path / "second", extra="later"))  # one is kept already
    kept = cache_folder(binary)
    assert kept is not None
    assert sorted(p.name for p in kept.iterdir()) == sorted(REGISTRATION)  # no scratch folder
    assert (kept / "bundled" / "lastsynchronized").read_text() == "1"
    assert kept.stat().st_mode & 0o077 == 0
    assert [p.name for p in kept.parent.iterdir()] == [kept.name]  # nothing half-written left

    profile = tmp_path / "new"
    assert seed_registration(binary, profile)
    extensions = profile / "user" / "extensions"
    assert (extensions / "shared" / "lastsynchronized").read_text() == "1"
    assert (extensions / "buildid").read_text() == "40(Build:2)"
    assert not (extensions / "tmp").exists()


def it_seeds_nothing_where_nothing_is_kept(tmp_path: Path) -> None:
    binary = installation(tmp_path / "lo")
    assert not seed_registration(binary, tmp_path / "new")
    assert not (tmp_path / "new" / "user" / "extensions").exists()
    assert cache_folder(installation(tmp_path / "bare", registry=None)) is None


@pytest.mark.parametrize("spoil", ["open to others", "a link inside", "a part missing", "too big"])
def it_does_not_seed_from_a_kept_copy_that_is_not_safe(tmp_path: Path, spoil: str) -> None:
    binary = installation(tmp_path / "lo")
    keep_registration(binary, used_profile(tmp_path / "first"))
    kept = cache_folder(binary)
    assert kept is not None and seed_registration(binary, tmp_path / "before")
    if spoil == "open to others":
        kept.chmod(0o777)
    elif spoil == "a link inside":
        (kept / "bundled" / "registry" / "elsewhere").symlink_to(tmp_path)
    elif spoil == "a part missing":
        (kept / "buildid").unlink()
    else:
        (kept / "shared" / "registry" / "big").write_bytes(b"x" * (2 << 20))
    assert not seed_registration(binary, tmp_path / "new")
    assert not (tmp_path / "new" / "user" / "extensions").exists()


@pytest.mark.libreoffice
def it_starts_libreoffice_once_without_its_self_tests_in_a_seeded_profile(tmp_path: Path) -> None:
    needs_libreoffice()
    binary = soffice()
    assert binary is not None
    files = portsmouth_documents(tmp_path / "in", 2)
    first = CliConverter(binary, root=tmp_path / "first")
    try:
        assert all(r.output for r in first.convert(files[:1], tmp_path / "out", "pdf"))
    finally:
        first.close()
    kept = cache_folder(binary)
    assert kept is not None and kept.is_dir()  # kept from the first, clean run

    second = CliConverter(binary, root=tmp_path / "second")
    try:
        assert all(r.output for r in second.convert(files[1:], tmp_path / "out", "pdf"))
        (profile,) = (tmp_path / "second").glob("profile-*")
        settings = (profile / "user" / "registrymodifications.xcu").read_text()
        assert "OfficeRestartInProgress" not in settings  # it did not restart itself
        assert not (profile / "user" / "GraphicsRenderTests.log").exists()  # nor test its graphics
    finally:
        second.close()


@pytest.mark.libreoffice
@pytest.mark.parametrize("kind", ["uno", "cli"])
def it_starts_afresh_and_drops_a_kept_copy_libreoffice_cannot_start_with(tmp_path: Path, kind: str) -> None:
    needs_libreoffice()
    binary = soffice()
    assert binary is not None
    python = find_uno_python(binary) if kind == "uno" else None
    if kind == "uno" and python is None:
        pytest.skip("no Python with LibreOffice's uno module")
    binary_kept = cache_folder(binary)
    assert binary_kept is not None
    keep_registration(binary, used_profile(tmp_path / "damaged"))
    for backend in ("com.sun.star.comp.deployment.configuration.PackageRegistryBackend",):
        for name in ("bundled", "shared"):
            database = binary_kept / name / "registry" / backend / "backenddb.xml"
            database.parent.mkdir(parents=True)
            database.write_text("not XML")  # LibreOffice aborts at start on this
    files = portsmouth_documents(tmp_path / "in", 2)
    converter = (
        UnoConverter(binary, python, root=tmp_path / "office")
        if python is not None
        else CliConverter(binary, root=tmp_path / "office", retry=False)
    )
    try:
        results = converter.convert(files, tmp_path / "out", "pdf")
    finally:
        converter.close()
    assert [r.error for r in results] == [None, None]
    assert converter.starts == 2  # the seeded start, then one afresh
    assert not binary_kept.exists() or (binary_kept.is_dir() and "not XML" not in _all_text(binary_kept))
    assert named(descendants_of(os.getpid()), "soffice.bin") == []


def _all_text(folder: Path) -> str:
    return "".join(p.read_text() for p in folder.rglob("*") if p.is_file())
