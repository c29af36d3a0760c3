"""validate(): model validation plus the council's written standards, as findings."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ValidationError

from .errors import InvalidData
from .models import DOCUMENT_MODELS
from .models.agreement import Agreement
from .models.records import CaseRecord, GeneralRecord
from .packs import PackRegistry
from .registry import resolve_pack
from .standards import check_document
from .standards.findings import Finding, Level
from .text.frequency import looks_phased, read_phases

__all__ = ["Finding", "Level", "model_findings", "validate_data"]


def validate_data(
    data: BaseModel | Mapping[str, Any],
    *,
    pack: str,
    document: str = "agreement",
    packs: PackRegistry | None = None,
    as_of: datetime.date | None = None,
) -> list[Finding]:
    """Findings for `data` under a pack's council: model errors first (and then nothing else),
    else the model's own consistency and the council's standards. Deadlines are judged on `as_of`
    (today by default): a record not yet shared is late only once its deadline has passed."""
    chosen = resolve_pack(pack, packs)
    # The council's rules apply to every kind of document, with or without a pack template.
    model_cls = DOCUMENT_MODELS[document] if document in DOCUMENT_MODELS else chosen.model(document)
    try:
        model = (
            data
            if isinstance(data, model_cls)
            else model_cls.model_validate(data.model_dump() if isinstance(data, BaseModel) else data)
        )
    except ValidationError as error:
        invalid = InvalidData.from_validation(error)
        return [Finding("model", "error", e.field, e.message, "data model") for e in invalid.errors]
    day = as_of or datetime.date.today()
    return model_findings(model) + check_document(model, chosen, as_of=day, packs=packs)


def model_findings(model: BaseModel) -> list[Finding]:
    """Checks of the model's own consistency (the councils' rules live in `standards`)."""
    findings: list[Finding] = []
    if isinstance(model, Agreement):
        findings += _frequency_findings(model)
        findings += _not_before(model.review_date, model.agreement_date, "review_date", "the agreement date")
    elif isinstance(model, GeneralRecord):
        findings += _not_before(model.shared_date, model.date, "shared_date", "the session")
    elif isinstance(model, CaseRecord):
        findings += _not_before(
            model.recorded_on_child_file, model.date, "recorded_on_child_file", "the session"
        )
    return findings


def _frequency_findings(agreement: Agreement) -> list[Finding]:
    """A frequency the standards cannot read: no interval at all, or phases ('weekly for the
    first 8 weeks, then ...') only partly read."""
    freq = agreement.frequency
    if not freq.description or freq.phases or not freq.derived_from_description:
        return []
    reading = read_phases(freq.description)
    if freq.every is None and not (reading and reading.phases):
        message = "the frequency could not be read as an interval (say e.g. 'every 4 weeks')"
    elif (reading is not None and not reading.complete) or (
        reading is None and looks_phased(freq.description)
    ):
        message = (
            "the frequency seems to change over time, but not every phase could be read (say e.g. "
            "'weekly for the first 8 weeks, then fortnightly until the end of the first year, then monthly')"
        )
    else:
        return []
    return [_model_finding("frequency.unreadable", "warning", "frequency.description", message)]


def _not_before(
    later: datetime.date | None, earlier: datetime.date | None, field: str, what: str
) -> list[Finding]:
    if later is None or earlier is None or later >= earlier:
        return []
    return [_model_finding("date.order", "error", field, f"the date is before {what}")]


def _model_finding(rule: str, level: Level, field: str, message: str) -> Finding:
    return Finding(rule, level, field, message, "data model")
