"""Making packs from councils' own blank forms (`pack init`) and checking them (`pack test`)."""

from .init import InitReport, init_pack

__all__ = ["InitReport", "init_pack"]
