"""The packs shipped with the library, registered through the same entry points as any other."""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path


def templates_root() -> Traversable | Path:
    """`supervision_forms/templates` in a wheel; the checkout's `templates/` otherwise."""
    installed = files("supervision_forms") / "templates"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[2] / "templates"


def portsmouth() -> Traversable | Path:
    return templates_root() / "portsmouth"


def surrey() -> Traversable | Path:
    return templates_root() / "surrey"


def sefton() -> Traversable | Path:
    return templates_root() / "sefton"
