"""Choosing a pack: by object, or by name from a registry (the installed one by default)."""

from __future__ import annotations

from functools import cache

from .packs import Pack, PackRegistry


@cache
def installed_packs() -> PackRegistry:
    """The installed packs, loaded on first use (never at import). Immutable once built."""
    return PackRegistry.from_entry_points()


def resolve_pack(pack: str | Pack, packs: PackRegistry | None = None) -> Pack:
    if isinstance(pack, Pack):
        return pack
    return (packs or installed_packs()).get(pack)
