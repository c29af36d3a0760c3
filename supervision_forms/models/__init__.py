"""The common models: one per document kind, shared by every council."""

from __future__ import annotations

from pydantic import BaseModel

from .agreement import (
    Agreement,
    CareerStage,
    Expectations,
    Frequency,
    FrequencyPhase,
    Recording,
    Supervisee,
)
from .common import Action, ExtraFields, Model, Person, Signature, Signatures
from .evidence import CaseFileAudit, GroupAgreement, GroupSession, Observation, Training
from .records import (
    CANCELLED_BY_LABELS,
    LEGAL_STATUS_LABELS,
    SESSION_MODE_LABELS,
    TOPIC_LABELS,
    Cancellation,
    CancelledBy,
    CaseRecord,
    Child,
    Decision,
    GeneralRecord,
    LegalStatus,
    SessionMode,
    Topic,
)

DOCUMENT_MODELS: dict[str, type[BaseModel]] = {
    "agreement": Agreement,
    "case_record": CaseRecord,
    "general_record": GeneralRecord,
    "cancellation": Cancellation,
    # Audit evidence (issue 12), read from JSON: no council template offers these yet.
    "observation": Observation,
    "group_agreement": GroupAgreement,
    "group_session": GroupSession,
    "training": Training,
    "case_file_audit": CaseFileAudit,
}
"""Document kind -> its model. Packs may only offer these kinds."""

__all__ = [
    "CANCELLED_BY_LABELS",
    "DOCUMENT_MODELS",
    "LEGAL_STATUS_LABELS",
    "SESSION_MODE_LABELS",
    "TOPIC_LABELS",
    "Action",
    "Agreement",
    "Cancellation",
    "CancelledBy",
    "CareerStage",
    "CaseFileAudit",
    "CaseRecord",
    "Child",
    "Decision",
    "Expectations",
    "ExtraFields",
    "Frequency",
    "FrequencyPhase",
    "GeneralRecord",
    "GroupAgreement",
    "GroupSession",
    "LegalStatus",
    "Model",
    "Observation",
    "Person",
    "Recording",
    "SessionMode",
    "Signature",
    "Signatures",
    "Supervisee",
    "Topic",
    "Training",
]
