"""The registry of installed packs, built from the `supervision_forms.packs` entry points."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from importlib.metadata import entry_points
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from ..errors import PackError, SupervisionFormsError, UnknownPack
from .pack import Pack, load_pack

ENTRY_POINT_GROUP = "supervision_forms.packs"


class PackRegistry:
    """Packs by name. Explicit: nothing is loaded until you build one."""

    def __init__(self, packs: Iterable[Pack] = ()) -> None:
        self._packs: dict[str, Pack] = {}
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

    def __iter__(self) -> Any:
        return iter(self._packs[name] for name in sorted(self._packs))

    def __contains__(self, name: object) -> bool:
        return name in self._packs

    @classmethod
    def from_entry_points(cls) -> PackRegistry:
        """Load every pack registered under the entry-point group, built-ins included; each
        template is compiled and checked when it is first used."""
        registry = cls()
        for point in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda p: p.name):
            try:
                target = point.load()
            except Exception as error:  # a broken third-party plugin must not hide the rest
                raise PackError(
                    f"pack entry point '{point.name}' failed to load: {type(error).__name__}"
                ) from None
            registry.add(load_pack(_pack_root(target, point.name), compile_templates=False))
        return registry

    @classmethod
    def from_folders(cls, folders: Iterable[Path]) -> PackRegistry:
        return cls(load_pack(Path(folder)) for folder in folders)


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
