"""Shared fixtures: the installed packs, their examples, and LibreOffice where present."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from supervision_forms import PackRegistry, installed_packs
from supervision_forms.models import Agreement
from supervision_forms.office import soffice

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
PACK_NAMES = ["portsmouth", "surrey", "sefton"]
SEEDS = {
    "portsmouth": "000_c1084a0e0e93736d.txt",
    "surrey": "001_e737624359976d20.txt",
    "sefton": "002_927d8df0098f5b1a.txt",
}


@pytest.fixture(scope="session")
def packs() -> PackRegistry:
    return installed_packs()


@pytest.fixture(scope="session")
def examples(packs: PackRegistry) -> dict[str, Agreement]:
    found = {name: packs.get(name).example("agreement") for name in PACK_NAMES}
    assert all(isinstance(a, Agreement) for a in found.values())
    return found  # type: ignore[return-value]


def needs_libreoffice() -> None:
    """Skip without LibreOffice, except in CI, where it must be there."""
    if soffice() is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice is required in CI")
        pytest.skip("LibreOffice (soffice) is not installed")


def shared_file(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"missing {path}")
        pytest.skip(f"{path} is not here")
    return path
