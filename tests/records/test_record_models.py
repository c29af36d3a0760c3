"""The session record models: the contract's fixed paths, and what practice adds."""

from __future__ import annotations

import datetime

import pytest
from pydantic import BaseModel, ValidationError

from supervision_forms.models import (
    DOCUMENT_MODELS,
    TOPIC_LABELS,
    Action,
    Cancellation,
    CaseRecord,
    Decision,
    GeneralRecord,
)
from supervision_forms.models.paths import leaf_map
from supervision_forms.privacy import REDACTED, redacted, special_category_paths
from supervision_forms.validation import validate_data
from tests.records.conftest import RECORD_IDS, RECORDS

CONTRACT_PATHS = {
    "case_record": (
        "date supervisor.name supervisee.name child.name child.id case_summary child_voice reflection "
        "risks decisions[].action decisions[].owner decisions[].due next_review_date "
        "recorded_on_child_file signatures.supervisor.name signatures.supervisor.date "
        "signatures.supervisee.name signatures.supervisee.date"
    ),
    "general_record": (
        "date supervisor.name supervisee.name duration_minutes agenda topics[] wellbeing workload "
        "actions[].action actions[].owner actions[].due next_session_date shared_date "
        "signatures.supervisor.name signatures.supervisor.date signatures.supervisee.name "
        "signatures.supervisee.date"
    ),
    "cancellation": "planned_date supervisor.name supervisee.name cancelled_by reason rearranged_date",
}
CONTRACT_TOPICS = (
    "case_work impact_on_supervisee files_review research_policy professional_development "
    "training_feedback relationship_review"
)


@pytest.mark.parametrize("kind", CONTRACT_PATHS)
def it_has_every_path_the_contract_fixes(kind: str) -> None:
    known = leaf_map(DOCUMENT_MODELS[kind])
    assert set(CONTRACT_PATHS[kind].split()) <= set(known)


def it_offers_exactly_the_contract_topics_in_the_order_of_the_procedures() -> None:
    assert leaf_map(GeneralRecord)["topics[]"].choices == tuple(CONTRACT_TOPICS.split())
    assert tuple(TOPIC_LABELS) == tuple(CONTRACT_TOPICS.split())


def it_holds_what_practice_adds_to_a_case_record() -> None:
    record = CaseRecord.model_validate(
        {
            "attendees": "Supervisor and supervisee",
            "family_group": "Two brothers",
            "legal_status": "cared_for",
            "decisions": [{"action": "Visit", "owner": "TW", "due": "2026-03-02", "reason": "Asked to"}],
        }
    )
    assert record.legal_status == "cared_for"
    assert record.decisions[0] == Decision(
        action="Visit", owner="TW", due=datetime.date(2026, 3, 2), reason="Asked to"
    )
    assert isinstance(record.decisions[0], Action)  # a decision is an action with its reason


@pytest.mark.parametrize("status", ["child_in_need", "child_protection", "cared_for", "other"])
def it_accepts_each_legal_status(status: str) -> None:
    assert CaseRecord.model_validate({"legal_status": status}).legal_status == status


def it_refuses_a_legal_status_it_does_not_know() -> None:
    with pytest.raises(ValidationError):
        CaseRecord.model_validate({"legal_status": "in care"})


def it_holds_what_practice_adds_to_a_general_record() -> None:
    record = GeneralRecord.model_validate(
        {"absence": "None", "leave": "Booked", "health_and_safety": "Lone working", "training": "Course"}
    )
    assert (record.absence, record.leave, record.health_and_safety, record.training) == (
        "None",
        "Booked",
        "Lone working",
        "Course",
    )


def it_keeps_each_topic_once_in_the_procedures_order() -> None:
    record = GeneralRecord.model_validate({"topics": ["training_feedback", "case_work", "training_feedback"]})
    assert record.topics == ["case_work", "training_feedback"]


def it_refuses_a_topic_outside_the_contract() -> None:
    with pytest.raises(ValidationError):
        GeneralRecord.model_validate({"topics": ["gossip"]})


@pytest.mark.parametrize("minutes", [0, 24 * 60 + 1])
def it_refuses_a_duration_outside_one_day(minutes: int) -> None:
    with pytest.raises(ValidationError):
        GeneralRecord(duration_minutes=minutes)


def it_marks_health_and_wellbeing_as_special_category() -> None:
    assert special_category_paths(GeneralRecord) == {"wellbeing", "absence"}
    assert special_category_paths(Cancellation) == {"reason"}
    assert special_category_paths(CaseRecord) == set()


def it_redacts_special_category_values_on_request() -> None:
    record = GeneralRecord(wellbeing="Off sick with stress", absence="Two days", workload="Heavy")
    clean = redacted(record)
    assert (clean.wellbeing, clean.absence, clean.workload) == (REDACTED, REDACTED, "Heavy")


@pytest.mark.parametrize("kind", ["case_record", "general_record", "cancellation"])
def it_is_immutable_and_refuses_unknown_keys(kind: str) -> None:
    model = DOCUMENT_MODELS[kind]
    with pytest.raises(ValidationError):
        model.model_validate({"unknown": 1})
    with pytest.raises(ValidationError):
        model().date = None  # type: ignore[attr-defined]


def it_prints_choice_labels_in_the_json_schema() -> None:
    schema = GeneralRecord.model_json_schema()
    assert schema["properties"]["topics"]["labels"]["files_review"] == "Review of written files and records"


@pytest.mark.parametrize(("pack", "kind"), RECORDS, ids=RECORD_IDS)
def it_ships_examples_that_keep_the_councils_standards(
    pack: str, kind: str, record_examples: dict[tuple[str, str], BaseModel]
) -> None:
    example = record_examples[(pack, kind)]
    findings = validate_data(example, pack=pack, document=kind, as_of=datetime.date(2026, 11, 24))
    assert [f for f in findings if f.level == "error"] == []


def it_gives_a_complete_case_record_example(record_examples: dict[tuple[str, str], BaseModel]) -> None:
    example = record_examples[("portsmouth", "case_record")]
    assert isinstance(example, CaseRecord)
    assert example.date and example.recorded_on_child_file
    assert (example.recorded_on_child_file - example.date).days <= 1  # 004 std 8: within 24 hours
    assert example.signatures.supervisor.date and example.signatures.supervisee.date
    assert example.decisions and all(d.action and d.owner and d.due and d.reason for d in example.decisions)
    assert example.next_review_date and (example.next_review_date - example.date).days <= 62  # 003 §4


@pytest.mark.parametrize(
    ("written", "party"),
    [
        ("Supervisor", "supervisor"),
        ("line manager", "supervisor"),
        ("Staff member", "supervisee"),
        ("grace  okafor", "supervisor"),
    ],
)
def it_understands_who_cancelled_in_plain_words(written: str, party: str) -> None:
    record = Cancellation.model_validate({"cancelled_by": written, "supervisor": {"name": "Grace Okafor"}})
    assert record.cancelled_by == party
