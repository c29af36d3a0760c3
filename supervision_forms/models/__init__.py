"""The common models: one per document kind, shared by every council."""

from __future__ import annotations

from pydantic import BaseModel

from .agreement import Agreement, CareerStage, Expectations, Frequency, Recording, Supervisee
from .common import Action, ExtraFields, Model, Person, Signature, Signatures
from .records import (
    CANCELLED_BY_LABELS,
    LEGAL_STATUS_LABELS,
    TOPIC_LABELS,
    Cancellation,
    CancelledBy,
    CaseRecord,
    Child,
    Decision,
    GeneralRecord,
    LegalStatus,
    Topic,
)

DOCUMENT_MODELS: dict[str, type[BaseModel]] = {
    "agreement": Agreement,
    "case_record": CaseRecord,
    "general_record": GeneralRecord,
    "cancellation": Cancellation,
}
"""Document kind -> its model. Packs may only offer these kinds."""

__all__ = [
    "CANCELLED_BY_LABELS",
    "DOCUMENT_MODELS",
    "LEGAL_STATUS_LABELS",
    "TOPIC_LABELS",
    "Action",
    "Agreement",
    "Cancellation",
    "CancelledBy",
    "CareerStage",
    "CaseRecord",
    "Child",
    "Decision",
    "Expectations",
    "ExtraFields",
    "Frequency",
    "GeneralRecord",
    "LegalStatus",
    "Model",
    "Person",
    "Recording",
    "Signature",
    "Signatures",
    "Supervisee",
    "Topic",
]
