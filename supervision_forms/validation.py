"""validate(): model validation plus the council's written standards, as findings."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any, Literal

from pydantic import BaseModel, ValidationError

from .errors import InvalidData
from .models.agreement import Agreement
from .packs import PackRegistry
from .registry import resolve_pack

Level = Literal["error", "warning", "info"]


@dataclass(frozen=True)
class Finding:
    """One result of a check: which rule, how serious, which field, and the source clause."""

    rule: str
    level: Level
    field: str
    message: str
    source: str

    def as_json(self) -> dict[str, str]:
        return asdict(self)


def validate_data(
    data: BaseModel | Mapping[str, Any],
    *,
    pack: str,
    document: str = "agreement",
    packs: PackRegistry | None = None,
) -> list[Finding]:
    """Findings for `data` under a pack: model errors first, then the standards."""
    chosen = resolve_pack(pack, packs)
    model_cls = chosen.model(document)
    try:
        model = (
            data
            if isinstance(data, model_cls)
            else model_cls.model_validate(data.model_dump() if isinstance(data, BaseModel) else data)
        )
    except ValidationError as error:
        invalid = InvalidData.from_validation(error)
        return [Finding("model", "error", e.field, e.message, "data model") for e in invalid.errors]
    return model_findings(model)


def model_findings(model: BaseModel) -> list[Finding]:
    """Checks of the model's own consistency (the councils' rules live in `standards`)."""
    findings: list[Finding] = []
    if isinstance(model, Agreement):
        freq = model.frequency
        if freq.description and freq.every is None:
            findings.append(
                Finding(
                    "frequency.unreadable",
                    "warning",
                    "frequency.description",
                    "the frequency could not be read as an interval (say e.g. 'every 4 weeks')",
                    "data model",
                )
            )
    return findings
