"""The registry of packs: installed ones (the `supervision_forms.packs` entry points, built-ins
included) and pack folders given by path, chosen with an allow-list or a block-list.

A broken installed pack is skipped with one `PackWarning` naming it, so one bad plugin
cannot stop every command; a pack folder named explicitly must load, or it is an error.
Only and block work like pluggy's `set_blocked`: a blocked pack's entry point is never
loaded, so a plugin that crashes on import can be switched off.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from importlib.metadata import entry_points
from importlib.resources.abc import Traversable
from pathlib import Path

from ..errors import PackError, SupervisionFormsError, UnknownPack
from .pack import PACK_FILE, Pack, load_pack

ENTRY_POINT_GROUP = "supervision_forms.packs"


class PackWarning(UserWarning):
    """A pack was skipped (broken, or replaced by a pack folder of the same name)."""


@dataclass(frozen=True)
class Skipped:
    """A pack that did not load, and why (the message never holds personal data)."""

    name: str
    reason: str


class PackRegistry:
    """Packs by name. Explicit: nothing is loaded until you build one."""

    def __init__(self, packs: Iterable[Pack] = ()) -> None:
        self._packs: dict[str, Pack] = {}
        self.skipped: list[Skipped] = []
        for pack in packs:
            self.add(pack)

    def add(self, pack: Pack) -> None:
        if pack.name in self._packs:
            raise PackError(f"two packs are named '{pack.name}'")
        self._packs[pack.name] = pack

    def get(self, name: str) -> Pack:
        try:
            return self._packs[name]
        except KeyError:
            known = ", ".join(sorted(self._packs)) or "none"
            raise UnknownPack(f"unknown pack '{name}' (installed: {known})") from None

    def __iter__(self) -> Iterator[Pack]:
        return iter(self._packs[name] for name in sorted(self._packs))

    def __contains__(self, name: object) -> bool:
        return name in self._packs

    @classmethod
    def from_entry_points(
        cls, *, only: Collection[str] | None = None, block: Collection[str] = ()
    ) -> PackRegistry:
        """Every pack registered under the entry-point group, built-ins included; a broken
        one is skipped with a warning. `only` (names) loads just those; `block` never
        loads these. Each template is compiled and checked when it is first used."""
        registry = cls()
        for point in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda p: p.name):
            if not _chosen(point.name, only, block):
                continue
            try:
                target = point.load()
                pack = load_pack(_pack_root(target, point.name), compile_templates=False)
                if pack.name != point.name and not _chosen(pack.name, only, block):
                    continue
                registry.add(pack)
            except SupervisionFormsError as error:
                registry._skip(point.name, str(error))
            except Exception as error:  # a broken third-party plugin must not hide the rest
                registry._skip(point.name, f"its entry point failed to load ({type(error).__name__})")
        return registry

    @classmethod
    def from_folders(
        cls, folders: Iterable[Path], *, only: Collection[str] | None = None, block: Collection[str] = ()
    ) -> PackRegistry:
        """The packs in `folders` (see `add_folders`)."""
        registry = cls()
        registry.add_folders(folders, only=only, block=block)
        return registry

    def add_folders(
        self, folders: Iterable[Path], *, only: Collection[str] | None = None, block: Collection[str] = ()
    ) -> None:
        """Add pack folders: a folder holding a pack file is one pack, and must load; a
        folder of pack folders adds each (a broken one is skipped with a warning). A pack
        from a folder replaces an installed pack of the same name, with a warning."""
        for folder in folders:
            folder = Path(folder)
            if (folder / PACK_FILE).is_file():
                self._put(load_pack(folder), only, block)
            elif folder.is_dir():
                for child in sorted(p for p in folder.iterdir() if (p / PACK_FILE).is_file()):
                    try:
                        self._put(load_pack(child), only, block)
                    except SupervisionFormsError as error:
                        self._skip(child.name, str(error))
            else:
                raise PackError(f"{folder.name}: not a pack folder (no {PACK_FILE}) nor a folder of packs")

    def _put(self, pack: Pack, only: Collection[str] | None, block: Collection[str]) -> None:
        if not _chosen(pack.name, only, block):
            return
        if pack.name in self._packs and self._packs[pack.name].root != pack.root:
            warnings.warn(f"pack '{pack.name}' from a pack folder replaces the installed one", PackWarning, 3)
        self._packs[pack.name] = pack

    def _skip(self, name: str, reason: str) -> None:
        self.skipped.append(Skipped(name, reason))
        warnings.warn(f"pack '{name}' skipped: {reason}", PackWarning, 3)


def _chosen(name: str, only: Collection[str] | None, block: Collection[str]) -> bool:
    return (only is None or name in only) and name not in block


def _pack_root(target: object, name: str) -> Traversable | Path:
    if callable(target):
        target = _call(target)
    if isinstance(target, str):
        return Path(target)
    if isinstance(target, (Path, Traversable)):
        return target
    raise PackError(f"pack entry point '{name}' must give a pack folder path")


def _call(target: Callable[[], object]) -> object:
    try:
        return target()
    except SupervisionFormsError:
        raise
    except Exception as error:
        raise PackError(f"pack entry point failed: {type(error).__name__}") from None
