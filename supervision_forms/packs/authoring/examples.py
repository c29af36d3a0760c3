"""A complete, realistic example for a new pack: a value for every field its form has."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel

from ...models.paths import leaf_map, unflatten
from ..spec import ExtraSpec

START = datetime.date(2026, 3, 2)  # the agreement is made on a Monday in March
VALUES: dict[str, Any] = {
    "supervisor.name": "Grace Okafor",
    "supervisor.role": "Team Manager",
    "supervisor.team": "Children in Need, North",
    "supervisee.name": "Daniel Price",
    "supervisee.role": "Senior Social Worker",
    "supervisee.team": "Children in Need, North",
    "supervisee.career_stage": "senior",
    "line_manager.name": "Helen Marsh",
    "agreement_date": START,
    "review_date": datetime.date(2027, 3, 1),
    "frequency.description": "Every 4 weeks",
    "duration_minutes": 90,
    "location": "Meeting room 2, Civic Offices",
    "interruptions": "there is an emergency involving a child's safety",
    "key_tasks": "Child in need and child protection casework; mentoring a newly qualified colleague.",
    "group_supervision": "Monthly group supervision with the team on Thursday mornings",
    "recording.method": "typed notes on the supervision template",
    "recording.responsible": "The supervisor",
    "recording.share_within_working_days": 5,
    "recording.storage": "the supervisee's personal supervision folder on the shared drive",
    "recording.others_who_may_see": "The service manager and, on request, the principal social worker",
    "management_availability": "Daily by phone or Teams; decisions go on the child's file the same day.",
    "concerns_addressed": "Raised openly in the session and followed up in writing within a week.",
    "raise_process_issues": "At any session, or with the service manager if that does not help.",
    "permissions": "It is fine for either of us to say we do not know, or that we are stuck.",
    "supervisee_brings": "Six years in assessment work; learns best by talking cases through.",
    "relationship_factors": "We agreed to talk openly about how our different backgrounds shape our work.",
    "not_working_signs": "Sessions keep being moved, or actions are not followed up.",
    "difficulty_resolution": "Talk about it at the next session; then ask the service manager to mediate.",
    "other_issues": "Supervisee is a practice educator for a student this year.",
    "expectations.mutual": "Both come prepared, on time, with an agenda agreed at the start.",
    "expectations.want_from_supervisor": "Honest feedback and time to reflect on difficult cases.",
    "expectations.contribute_as_supervisee": "An up-to-date case list and the agenda items in advance.",
    "expectations.want_from_supervisee": "Openness about workload and any worries about cases.",
    "expectations.contribute_as_supervisor": "Protected time, and decisions recorded the same day.",
    "expectations.supervisor_responsible_for": "Writing up the record and sharing it in five working days.",
    "expectations.supervisee_responsible_for": "Preparing case summaries and following up agreed actions.",
    "signatures.supervisor.name": "Grace Okafor",
    "signatures.supervisor.date": START,
    "signatures.supervisee.name": "Daniel Price",
    "signatures.supervisee.date": START,
    # session records
    "date": datetime.date(2026, 3, 16),
    "attendees": "Daniel Price and Grace Okafor",
    "child.name": "Child A",
    "child.id": "ICS 004512",
    "child.date_of_birth": datetime.date(2016, 5, 9),
    "family_group": "Two siblings, aged 7 and 10",
    "legal_status_detail": "Child protection plan since January 2026",
    "case_summary": "Core group meeting held; school reports better attendance.",
    "child_voice": "Child A said she feels safer at home and likes her new teacher.",
    "reflection": "Progress is real but depends on the father keeping to the plan.",
    "risks": "Risk reduced but the plan stays in place until the review conference.",
    "next_review_date": datetime.date(2026, 5, 11),
    "recorded_on_child_file": datetime.date(2026, 3, 16),
    "agenda": "Caseload, training, annual leave.",
    "wellbeing": "Managing well; some tiredness after two late visits.",
    "workload": "Fourteen children; one case to transfer this month.",
    "absence": "None since the last session.",
    "leave": "Booked one week in April.",
    "health_and_safety": "Lone working app in use on all visits.",
    "training": "Booked on the court skills course in May.",
    "next_session_date": datetime.date(2026, 4, 13),
    "shared_date": datetime.date(2026, 3, 18),
    "planned_date": datetime.date(2026, 3, 16),
    "cancelled_date": datetime.date(2026, 3, 13),
    "reason": "Supervisor called to an urgent strategy meeting.",
    "rearranged_date": datetime.date(2026, 3, 23),
    "cover_arrangements": "The service manager covers supervision while the supervisor is away.",
}
ITEMS: dict[str, list[dict[str, Any]]] = {
    "decisions": [
        {
            "action": "Convene a core group meeting",
            "owner": "Daniel Price",
            "due": datetime.date(2026, 3, 27),
        },
        {
            "action": "Ask school for attendance figures",
            "owner": "Daniel Price",
            "due": datetime.date(2026, 3, 20),
        },
    ],
    "actions": [
        {"action": "Book the court skills course", "owner": "Daniel Price", "due": datetime.date(2026, 4, 1)},
        {
            "action": "Transfer case to the CP team",
            "owner": "Grace Okafor",
            "due": datetime.date(2026, 3, 30),
        },
    ],
}
DATES = [START + datetime.timedelta(weeks=4 * n) for n in range(12)]


def example(model: type[BaseModel], paths: Iterable[str], extra: dict[str, ExtraSpec]) -> dict[str, Any]:
    """An example in the model's JSON shape with a value for each of `paths`."""
    known = leaf_map(model)
    values: dict[str, Any] = {}
    for path in paths:
        head = path.split("[]")[0]
        if path.startswith("extra."):
            name = path.removeprefix("extra.")
            values.update(
                _extra(name, extra.get(name), len([v for v in values if v.startswith("extra.")]) + 1)
            )
        elif known.get(f"{head}[]") is not None and known[f"{head}[]"].kind == "choice":  # tick boxes
            values[f"{head}.0"] = known[f"{head}[]"].choices[0]
        elif f"{path}[]" in known or path.endswith("[]"):
            values.update({f"{head}.{n}": day for n, day in enumerate(DATES)})
        elif "[]" in path:
            for number, item in enumerate(ITEMS.get(head, [])):
                part = path.split("[].", 1)[1]
                if part in item:
                    values[f"{head}.{number}.{part}"] = item[part]
        elif path in VALUES:
            values[path] = VALUES[path]
        elif path in known and known[path].choices:
            values[path] = known[path].choices[0]
    shaped: dict[str, Any] = _json(unflatten(values))
    return shaped


def _extra(name: str, spec: ExtraSpec | None, number: int) -> dict[str, Any]:
    if spec is None or spec.type == "text":
        return {f"extra.{name}": f"Agreed at our first session, point {number}"}
    if spec.type == "date":
        return {f"extra.{name}": START}
    if spec.type == "dates":
        return {f"extra.{name}.{n}": day for n, day in enumerate(DATES[:3])}
    return {f"extra.{name}": next(iter(spec.options()))}


def _json(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json(v) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value
