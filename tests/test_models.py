"""The common models validate strictly and say which field is wrong, never what it held."""

from __future__ import annotations

import datetime
import json
import subprocess
import sys

import pytest
from pydantic import ValidationError

from supervision_forms.errors import InvalidData
from supervision_forms.models import Agreement
from supervision_forms.privacy import redacted, special_category_paths
from supervision_forms.render import coerce_model


def _errors(data: dict[str, object]) -> InvalidData:
    with pytest.raises(InvalidData) as caught:
        coerce_model(data, Agreement)
    return caught.value


def it_names_the_field_in_every_error() -> None:
    error = _errors({"supervisee": {"career_stage": "wizard"}, "duration_minutes": "long", "nonsense": 1})
    fields = {e.field for e in error.errors}
    assert fields == {"supervisee.career_stage", "duration_minutes", "nonsense"}


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x0c", "\x1b", "\ufffe"])
def it_refuses_characters_xml_cannot_hold_and_names_the_field(char: str) -> None:
    error = _errors({"relationship_factors": f"private detail{char}"})
    assert error.errors[0].field == "relationship_factors"
    assert "control character" in error.errors[0].message
    assert "private detail" not in str(error)


def it_keeps_values_out_of_error_messages() -> None:
    error = _errors({"agreement_date": "Jane Smith's birthday", "supervisee": {"name": ["x"]}})
    assert "Jane" not in str(error)
    assert "agreement_date: expected an ISO date (YYYY-MM-DD)" in str(error)


@pytest.mark.parametrize("value", ["14/03/2026", "2026-3-14", "March 2026", 20260314, "2026-03-14T10:00"])
def it_takes_dates_as_iso_only(value: object) -> None:
    assert _errors({"review_date": value}).errors[0].field == "review_date"


def it_parses_iso_dates() -> None:
    assert Agreement.model_validate({"review_date": "2026-03-14"}).review_date == datetime.date(2026, 3, 14)


@pytest.mark.parametrize(
    ("description", "every", "unit"),
    [
        ("Monthly", 1, "month"),
        ("every 4 weeks", 4, "week"),
        ("fortnightly", 2, "week"),
        ("four weekly", 4, "week"),
        ("6-weekly", 6, "week"),
    ],
)
def it_derives_the_interval_from_the_description(description: str, every: int, unit: str) -> None:
    frequency = Agreement.model_validate({"frequency": {"description": description}}).frequency
    assert (frequency.every, frequency.unit) == (every, unit)


def it_leaves_an_unreadable_frequency_unstructured() -> None:
    frequency = Agreement.model_validate({"frequency": {"description": "as and when"}}).frequency
    assert (frequency.every, frequency.unit) == (None, None)


def it_keeps_a_given_interval_over_the_description() -> None:
    frequency = Agreement.model_validate(
        {"frequency": {"description": "Monthly", "every": 3, "unit": "week"}}
    ).frequency
    assert (frequency.every, frequency.unit) == (3, "week")


def it_wants_both_parts_of_an_interval() -> None:
    assert _errors({"frequency": {"every": 3}}).errors[0].field == "frequency"


def it_normalises_text_ends_line_endings_and_blanks() -> None:
    agreement = Agreement.model_validate({"other_issues": "  a\r\nb\rc  ", "location": "   "})
    assert agreement.other_issues == "a\nb\nc"
    assert agreement.location is None


def it_is_immutable() -> None:
    with pytest.raises(ValidationError):
        Agreement().location = "x"  # type: ignore[misc]


def it_marks_special_category_fields_in_the_schema_and_redacts_them() -> None:
    assert special_category_paths(Agreement) == {"relationship_factors"}
    schema = Agreement.model_json_schema()
    assert schema["properties"]["relationship_factors"]["special_category"] is True
    agreement = Agreement.model_validate({"relationship_factors": "health", "location": "Office"})
    assert redacted(agreement).relationship_factors == "[redacted]"
    assert redacted(agreement).location == "Office"


def it_has_every_contract_path() -> None:
    from supervision_forms.models.paths import leaf_map

    contract = [
        "supervisor.name",
        "supervisee.name",
        "supervisor.role",
        "supervisor.team",
        "supervisee.role",
        "supervisee.team",
        "supervisee.career_stage",
        "line_manager.name",
        "agreement_date",
        "review_date",
        "frequency.description",
        "frequency.every",
        "frequency.unit",
        "duration_minutes",
        "location",
        "interruptions",
        "key_tasks",
        "group_supervision",
        "recording.method",
        "recording.responsible",
        "recording.share_within_working_days",
        "recording.storage",
        "recording.others_who_may_see",
        "management_availability",
        "concerns_addressed",
        "raise_process_issues",
        "permissions",
        "supervisee_brings",
        "relationship_factors",
        "not_working_signs",
        "difficulty_resolution",
        "other_issues",
        "expectations.mutual",
        "expectations.want_from_supervisor",
        "expectations.contribute_as_supervisee",
        "expectations.want_from_supervisee",
        "expectations.contribute_as_supervisor",
        "expectations.supervisor_responsible_for",
        "expectations.supervisee_responsible_for",
        "meeting_dates[]",
        "signatures.supervisor.name",
        "signatures.supervisor.date",
        "signatures.supervisee.name",
        "signatures.supervisee.date",
    ]
    assert set(contract) <= set(leaf_map(Agreement))


def it_serialises_dates_as_iso_in_json() -> None:
    agreement = Agreement.model_validate({"meeting_dates": ["2026-01-05"], "review_date": "2027-01-04"})
    dumped = json.loads(agreement.model_dump_json())
    assert dumped["meeting_dates"] == ["2026-01-05"] and dumped["review_date"] == "2027-01-04"


def it_builds_a_models_validator_only_when_it_is_first_used() -> None:
    """A command that reads one form validates one document's model: the others' schemas
    are not built at import (pydantic's `defer_build`; about 0.05 s of a fresh command)."""
    probe = (
        "import json\nfrom supervision_forms.models import DOCUMENT_MODELS, Agreement\n"
        "built = lambda: [n for n, m in DOCUMENT_MODELS.items() if m.__pydantic_complete__]\n"
        "before = built()\nAgreement.model_validate({})\nprint(json.dumps([before, built()]))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == [[], ["agreement"]]
