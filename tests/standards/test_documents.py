"""validate: each document against its council's rules, findings citing their source clause."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from supervision_forms import PackRegistry
from supervision_forms.validation import Finding, validate_data

AS_OF = datetime.date(2026, 6, 1)


def _findings(data: dict[str, Any], pack: str, document: str = "agreement") -> set[tuple[str, str, str]]:
    return {
        (f.rule, f.level, f.field) for f in validate_data(data, pack=pack, document=document, as_of=AS_OF)
    }


def _agreement(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "supervisor": {"name": "Priya Nair"},
        "supervisee": {"name": "Tom Wheeler", "career_stage": "qualified"},
        "agreement_date": "2026-01-12",
        "review_date": "2027-01-11",
        "frequency": {"description": "Every 4 weeks"},
        "duration_minutes": 90,
        "signatures": {
            "supervisor": {"name": "Priya Nair", "date": "2026-01-12"},
            "supervisee": {"name": "Tom Wheeler", "date": "2026-01-12"},
        },
        **DISCUSSED,
        "meeting_dates": MEETING_DATES,
    }
    data.update(changes)
    return data


# The parts each council's agreement asks the two to discuss and record (000, 001).
DISCUSSED: dict[str, Any] = {
    "supervisee_brings": "Five years in family support.",
    "relationship_factors": "None raised.",
    "permissions": "It is fine not to know.",
    "not_working_signs": "Sessions cancelled twice running.",
    "difficulty_resolution": "Three-way meeting with the service manager.",
    "other_issues": "None.",
    "management_availability": "Open door on Tuesdays.",
    "concerns_addressed": "Raised in the next session.",
    "raise_process_issues": "With the service manager.",
    "expectations": {"mutual": "Come prepared."},
}


# The dates of meetings for the next 12 months (Sefton's table, 002): every 4 weeks, moved
# earlier off Easter and kept on Thursdays from then on.
MEETING_DATES = [
    "2026-02-09", "2026-03-09", "2026-04-02", "2026-04-30", "2026-05-28", "2026-06-25", "2026-07-23",
    "2026-08-20", "2026-09-17", "2026-10-15", "2026-11-12", "2026-12-10", "2027-01-07",
]  # fmt: skip


def it_passes_every_packs_examples_with_no_findings(packs: PackRegistry) -> None:
    for pack in packs:
        for kind in pack.documents:
            if pack.document(kind).example is not None:
                assert validate_data(pack.example(kind), pack=pack.name, document=kind, as_of=AS_OF) == []


def it_passes_a_compliant_agreement_under_every_council() -> None:
    for pack in ("portsmouth", "surrey", "sefton"):
        assert _findings(_agreement(), pack) == set()


def it_notes_a_blank_meeting_dates_table_and_finds_a_short_one_in_sefton() -> None:
    assert _findings(_agreement(meeting_dates=[]), "sefton") == {
        ("sefton.agreement.meeting_dates_table_blank", "info", "meeting_dates")
    }
    assert _findings(_agreement(meeting_dates=MEETING_DATES[:6]), "sefton") == {
        ("sefton.agreement.meeting_dates_table", "warning", "meeting_dates")
    }
    unsigned = _findings(_agreement(meeting_dates=MEETING_DATES[:6], signatures={}), "sefton")
    assert not any(rule.startswith("sefton.agreement.meeting_dates_table") for rule, _, _ in unsigned)


@pytest.mark.parametrize(
    ("pack", "frequency", "expected"),
    [
        ("portsmouth", "every 5 weeks", ("portsmouth.agreement.frequency", "error")),
        ("sefton", "every 6 weeks", ("sefton.agreement.frequency", "error")),
        ("surrey", "every 6 weeks", ("national.agreement.frequency", "warning")),
    ],
)
def it_finds_an_agreed_frequency_less_often_than_the_council_allows(
    pack: str, frequency: str, expected: tuple[str, str]
) -> None:
    assert _findings(_agreement(frequency={"description": frequency}), pack) == {
        (*expected, "frequency.description")
    }


def it_cites_every_clause_the_broken_limit_comes_from() -> None:
    found = validate_data(
        _agreement(frequency={"description": "every 7 weeks"}), pack="portsmouth", as_of=AS_OF
    )
    assert [f.source for f in found] == ["000 Outline of supervision; 004 std 10; 003 §4"]
    assert "every 7 weeks" in found[0].message and "every 4 weeks" in found[0].message


def it_lets_newly_qualified_staff_agree_the_fortnightly_phase() -> None:
    nqsw = {"name": "Ben Carter", "career_stage": "nqsw"}
    assert (
        _findings(
            _agreement(supervisee=nqsw, frequency={"description": "fortnightly"}, meeting_dates=[]),
            "portsmouth",
        )
        == set()
    )
    assert _findings(
        _agreement(supervisee=nqsw, frequency={"description": "every 3 weeks"}, meeting_dates=[]),
        "portsmouth",
    ) == {("portsmouth.agreement.frequency", "error", "frequency.description")}


def it_finds_sessions_shorter_than_the_minimum() -> None:
    assert _findings(_agreement(duration_minutes=60), "portsmouth") == {
        ("portsmouth.agreement.duration", "error", "duration_minutes")
    }
    assert _findings(_agreement(duration_minutes=60), "sefton") == {
        ("national.agreement.duration", "warning", "duration_minutes")
    }


def it_finds_a_review_date_more_than_12_months_out_or_missing() -> None:
    assert _findings(_agreement(review_date="2027-01-13"), "sefton") == {
        ("sefton.agreement.review", "error", "review_date")
    }
    assert _findings(_agreement(review_date=None), "portsmouth") == {
        ("portsmouth.agreement.review_missing", "warning", "review_date")
    }
    assert _findings(_agreement(review_date="2025-12-01"), "portsmouth") == {
        ("date.order", "error", "review_date")
    }


def it_wants_both_signatures_each_dated() -> None:
    signatures = {"supervisor": {"name": "Priya Nair"}, "supervisee": {}}
    assert _findings(_agreement(signatures=signatures), "surrey") == {
        ("surrey.agreement.signatures", "error", "signatures.supervisor.date"),
        ("surrey.agreement.signatures", "error", "signatures.supervisee.name"),
    }


def it_holds_sefton_agreements_to_sharing_records_within_5_working_days() -> None:
    assert _findings(_agreement(recording={"share_within_working_days": 10}), "sefton") == {
        ("sefton.agreement.record_sharing", "error", "recording.share_within_working_days")
    }
    assert _findings(_agreement(recording={"share_within_working_days": 10}), "surrey") == set()


def it_checks_planned_meeting_dates_against_the_frequency_and_the_calendar() -> None:
    dates = ["2026-02-09", "2026-04-06", "2026-05-04", "2027-01-07"]  # 8 weeks apart; Easter Monday; May Day
    found = validate_data(_agreement(meeting_dates=dates), pack="portsmouth", as_of=AS_OF)
    assert {(f.rule, f.field) for f in found if f.field != "meeting_dates.3"} == {
        ("portsmouth.agreement.meeting_dates", "meeting_dates.1"),
        ("portsmouth.agreement.meeting_dates", "meeting_dates.2"),
    }
    assert sum("bank holiday" in f.message for f in found) == 2


def it_notes_when_it_assumed_the_career_stage() -> None:
    assert _findings(_agreement(supervisee={"name": "Tom Wheeler"}), "surrey") == {
        ("standards.career_stage_assumed", "info", "supervisee.career_stage")
    }


def _general(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "date": "2026-03-30",
        "supervisor": {"name": "Joanne Birch"},
        "supervisee": {"name": "Aisha Rahman"},
        "duration_minutes": 90,
        "agenda": "Caseload; wellbeing",
        "topics": ["case_work"],
        "shared_date": "2026-04-08",
        "signatures": {
            "supervisor": {"name": "Joanne Birch", "date": "2026-04-08"},
            "supervisee": {"name": "Aisha Rahman", "date": "2026-04-09"},
        },
    }
    data.update(changes)
    return data


def it_counts_sefton_sharing_in_working_days_across_bank_holidays() -> None:
    assert _findings(_general(), "sefton", "general_record") == set()  # 5 working days over Easter
    late = validate_data(
        _general(shared_date="2026-04-09"), pack="sefton", document="general_record", as_of=AS_OF
    )
    assert [(f.rule, f.source) for f in late] == [("sefton.record.shared_late", "002 Format of supervision")]
    assert "6 working days" in late[0].message


def it_finds_a_record_never_shared_once_the_deadline_has_passed() -> None:
    unshared = _general(shared_date=None)
    assert _findings(unshared, "sefton", "general_record") == {
        ("sefton.record.shared_late", "error", "shared_date")
    }
    early = validate_data(unshared, pack="sefton", document="general_record", as_of=datetime.date(2026, 4, 8))
    assert early == []


def it_wants_sefton_records_signed_by_both_but_not_portsmouths_general_records() -> None:
    unsigned = _general(signatures={"supervisor": {"name": "Joanne Birch", "date": "2026-04-08"}})
    assert _findings(unsigned, "sefton", "general_record") == {
        ("sefton.record.signatures", "error", "signatures.supervisee.name")
    }
    assert _findings(unsigned, "portsmouth", "general_record") == set()


def _case(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "date": "2026-03-02",
        "supervisor": {"name": "Priya Nair"},
        "supervisee": {"name": "Tom Wheeler"},
        "child": {"id": "1048213"},
        "case_summary": "Plan on track.",
        "decisions": [{"action": "Visit", "owner": "Tom Wheeler", "due": "2026-03-09"}],
        "next_review_date": "2026-05-01",
        "recorded_on_child_file": "2026-03-03",
        "signatures": {
            "supervisor": {"name": "Priya Nair", "date": "2026-03-02"},
            "supervisee": {"name": "Tom Wheeler", "date": "2026-03-02"},
        },
    }
    data.update(changes)
    return data


def it_wants_case_decisions_on_the_childs_file_within_24_hours() -> None:
    assert _findings(_case(), "portsmouth", "case_record") == set()
    assert _findings(_case(recorded_on_child_file="2026-03-04"), "portsmouth", "case_record") == {
        ("portsmouth.case.child_file_late", "error", "recorded_on_child_file")
    }
    assert _findings(_case(recorded_on_child_file=None), "portsmouth", "case_record") == {
        ("portsmouth.case.child_file_late", "error", "recorded_on_child_file")
    }


def it_wants_the_next_case_review_within_2_months_and_clear_decisions() -> None:
    vague = [{"action": "Think about a referral"}]
    assert _findings(_case(next_review_date="2026-05-04", decisions=vague), "portsmouth", "case_record") == {
        ("portsmouth.case.review_date", "error", "next_review_date"),
        ("portsmouth.case.decisions", "warning", "decisions.0.owner"),
    }


def _cancellation(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "planned_date": "2026-03-16",
        "supervisor": {"name": "Grace Okafor"},
        "supervisee": {"name": "Daniel Price"},
        "cancelled_date": "2026-03-13",
        "cancelled_by": "supervisor",
        "rearranged_date": "2026-03-27",
    }
    data.update(changes)
    return data


def it_wants_surrey_cancellations_rearranged_within_2_weeks_of_the_cancellation() -> None:
    assert _findings(_cancellation(), "surrey", "cancellation") == set()  # 14 days
    assert _findings(_cancellation(rearranged_date="2026-03-30"), "surrey", "cancellation") == {
        ("surrey.cancellation.not_rearranged", "error", "rearranged_date"),
        ("surrey.absence.cover", "warning", "cover_arrangements"),
    }


def it_asks_for_cover_only_when_the_supervisor_cancelled_and_none_is_recorded() -> None:
    by_supervisee = _cancellation(rearranged_date=None, cancelled_by="supervisee")
    assert _findings(by_supervisee, "surrey", "cancellation") == {
        ("surrey.cancellation.not_rearranged", "error", "rearranged_date")
    }
    covered = _cancellation(rearranged_date=None, cover_arrangements="Mark Ellison supervises meanwhile.")
    assert {f[0] for f in _findings(covered, "surrey", "cancellation")} == {
        "surrey.cancellation.not_rearranged"
    }


def it_wants_portsmouth_cancellations_to_have_a_new_time_at_once() -> None:
    assert _findings(_cancellation(rearranged_date=None), "portsmouth", "cancellation") == {
        ("portsmouth.cancellation.not_rearranged", "error", "rearranged_date")
    }
    assert _findings(_cancellation(rearranged_date="2026-05-01"), "portsmouth", "cancellation") == set()


def it_keeps_personal_values_out_of_findings() -> None:
    data = _agreement(
        supervisee={"name": "Zebedee Quixote", "career_stage": "qualified"},
        frequency={"description": "every 9 weeks"},
        relationship_factors="Private detail",
        signatures={},
    )
    found: list[Finding] = validate_data(data, pack="portsmouth", as_of=AS_OF)
    assert found
    text = " ".join(f"{f.message} {f.field} {f.source}" for f in found)
    assert "Zebedee" not in text and "Private" not in text
