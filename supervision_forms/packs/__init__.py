"""Template packs: a council's Word layouts plus the pack file that maps them to the models."""

from .pack import Pack, load_pack
from .registry import ENTRY_POINT_GROUP, PackRegistry
from .spec import DocumentSpec, FieldSpec, PackSpec

__all__ = ["ENTRY_POINT_GROUP", "DocumentSpec", "FieldSpec", "Pack", "PackRegistry", "PackSpec", "load_pack"]
