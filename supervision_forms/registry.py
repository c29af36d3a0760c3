"""Choosing a pack: by object, or by name from a registry (the installed one by default).

The installed registry is the entry points plus the pack folders in
`SUPERVISION_FORMS_PACK_PATH` (separated like PATH), limited by
`SUPERVISION_FORMS_ONLY_PACKS` and `SUPERVISION_FORMS_BLOCK_PACKS` (names, comma-separated).
The command line's `--pack-dir`, `--only-packs` and `--block-pack` set these for its own
process (`cli.app`); the library itself never changes the environment.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from .packs import Pack, PackRegistry

PACK_PATH = "SUPERVISION_FORMS_PACK_PATH"
ONLY_PACKS = "SUPERVISION_FORMS_ONLY_PACKS"
BLOCK_PACKS = "SUPERVISION_FORMS_BLOCK_PACKS"


def installed_packs() -> PackRegistry:
    """The installed packs, loaded on first use (never at import) for the settings in the
    environment. Immutable once built."""
    return _installed(
        os.environ.get(PACK_PATH, ""), os.environ.get(ONLY_PACKS), os.environ.get(BLOCK_PACKS, "")
    )


@cache
def _installed(path: str, only: str | None, block: str) -> PackRegistry:
    chosen = None if only is None else set(names(only))
    blocked = set(names(block))
    registry = PackRegistry.from_entry_points(only=chosen, block=blocked)
    registry.add_folders([Path(p) for p in path.split(os.pathsep) if p], only=chosen, block=blocked)
    return registry


def names(listing: str) -> list[str]:
    """Pack names from a comma-separated list."""
    return [name.strip() for name in listing.split(",") if name.strip()]


def resolve_pack(pack: str | Pack, packs: PackRegistry | None = None) -> Pack:
    if isinstance(pack, Pack):
        return pack
    return (packs or installed_packs()).get(pack)
