"""Template packs: a council's Word layouts plus the pack file that maps them to the models."""

from .pack import Pack, load_pack
from .registry import ENTRY_POINT_GROUP, PackRegistry, PackWarning, Skipped
from .spec import DocumentSpec, ExtraSpec, FieldSpec, PackSpec

__all__ = [
    "ENTRY_POINT_GROUP",
    "DocumentSpec",
    "ExtraSpec",
    "FieldSpec",
    "Pack",
    "PackRegistry",
    "PackSpec",
    "PackWarning",
    "Skipped",
    "load_pack",
]
