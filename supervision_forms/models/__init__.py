"""The common models: one per document kind, shared by every council."""

from __future__ import annotations

from pydantic import BaseModel

from .agreement import Agreement, CareerStage, Expectations, Frequency, Recording, Supervisee
from .common import Action, Model, Person, Signature, Signatures

DOCUMENT_MODELS: dict[str, type[BaseModel]] = {"agreement": Agreement}
"""Document kind -> its model. Packs may only offer these kinds."""

__all__ = [
    "DOCUMENT_MODELS",
    "Action",
    "Agreement",
    "CareerStage",
    "Expectations",
    "Frequency",
    "Model",
    "Person",
    "Recording",
    "Signature",
    "Signatures",
    "Supervisee",
]
