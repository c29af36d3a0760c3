"""Session records, common to every council: case record, general record, cancellation.

Field titles use the wording of Portsmouth's procedures (seed 003 §4, §7-8) and
standards (seed 004); Surrey's agreement (seed 001) names the monitoring form.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any, Literal, TypeVar

from pydantic import AfterValidator, Field, JsonValue, model_validator

from .common import (
    MAX_ITEMS,
    SPECIAL_CATEGORY,
    Action,
    ExtraFields,
    IsoDate,
    Model,
    Name,
    Person,
    Signatures,
    Text,
    extra_field,
)

Topic = Literal[
    "case_work",
    "impact_on_supervisee",
    "files_review",
    "research_policy",
    "professional_development",
    "training_feedback",
    "relationship_review",
]

TOPIC_LABELS: dict[Topic, str] = {
    "case_work": "Review of case work",
    "impact_on_supervisee": "Review of the impact of the work on the supervisee",
    "files_review": "Review of written files and records",
    "research_policy": "Awareness and understanding of relevant research, policy, procedures and standards",
    "professional_development": "Review of individual professional development",
    "training_feedback": "Feedback on training and learning opportunities",
    "relationship_review": "Review of supervisory relationship",
}
"""The topics 003 §4 says supervision covers at least quarterly, in its words and order."""

LegalStatus = Literal["child_in_need", "child_protection", "cared_for", "other"]

LEGAL_STATUS_LABELS: dict[LegalStatus, str] = {
    "child_in_need": "Child in need",
    "child_protection": "Child protection",
    "cared_for": "Cared for (looked after)",
    "other": "Other",
}

CancelledBy = Literal["supervisor", "supervisee", "other"]

CANCELLED_BY_LABELS: dict[CancelledBy, str] = {
    "supervisor": "Supervisor",
    "supervisee": "Supervisee",
    "other": "Other",
}

CANCELLED_BY_SYNONYMS = {
    "manager": "supervisor",
    "line manager": "supervisor",
    "team manager": "supervisor",
    "worker": "supervisee",
    "staff member": "supervisee",
    "social worker": "supervisee",
}

SessionMode = Literal["in_person", "video", "phone"]

SESSION_MODE_LABELS: dict[SessionMode, str] = {
    "in_person": "Face to face",
    "video": "Video call",
    "phone": "Telephone",
}
"""How a session took place: 004 std 11, "usually face-to-face and not over the phone"."""

K = TypeVar("K", bound=str)
Minutes = Annotated[int, Field(ge=1, le=24 * 60)]


def labelled(labels: Mapping[K, str]) -> dict[str, JsonValue]:
    """Field metadata giving each choice its printed label (for tick boxes)."""
    return {"labels": {str(value): label for value, label in labels.items()}}


def _canonical_topics(topics: list[Topic]) -> list[Topic]:
    """Each topic once, in 003's order: a tick box cannot say more than that."""
    chosen = set(topics)
    return [topic for topic in TOPIC_LABELS if topic in chosen]


Topics = Annotated[list[Topic], AfterValidator(_canonical_topics)]


class Decision(Action):
    """A case decision: what, who, by when, and why (004 std 6 and 8)."""

    reason: Text = Field(None, title="Reason for decision")


class Child(Model):
    """The child (or the lead child of a family) whose case was discussed."""

    name: Name = Field(None, title="Name of child")
    id: Text = Field(None, title="ICS number")
    date_of_birth: IsoDate = Field(None, title="Date of birth")


class CaseRecord(Model):
    """003 §7 "Supervision Recording on Individual Child or Family": case decisions,
    signed by both, with a copy on the child's ICS record (004 std 8: within 24 hours)."""

    date: IsoDate = Field(None, title="Date of supervision")
    supervisor: Person = Field(default_factory=Person, title="Supervisor")
    supervisee: Person = Field(default_factory=Person, title="Supervisee")
    attendees: Name = Field(None, title="Present")
    child: Child = Field(default_factory=Child, title="Child")
    family_group: Text = Field(None, title="Family / sibling group")
    legal_status: LegalStatus | None = Field(
        None, title="Legal status", json_schema_extra=labelled(LEGAL_STATUS_LABELS)
    )
    legal_status_detail: Text = Field(None, title="Legal status: details")
    case_summary: Text = Field(None, title="Case summary")
    child_voice: Text = Field(None, title="Focus on the child: wishes and feelings")
    reflection: Text = Field(None, title="Reflection")
    risks: Text = Field(None, title="Risks and safeguarding")
    decisions: list[Decision] = Field(default_factory=list, max_length=MAX_ITEMS, title="Decisions")
    next_review_date: IsoDate = Field(None, title="Date of next case review")
    recorded_on_child_file: IsoDate = Field(None, title="Date decisions recorded on the child's case file")
    signatures: Signatures = Field(default_factory=Signatures, title="Signatures")
    extra: ExtraFields = extra_field()


class GeneralRecord(Model):
    """003 §8 "General Supervision Recording (non casework)": everything but case
    decisions, kept in the supervisee's personal supervision folder."""

    date: IsoDate = Field(None, title="Date of supervision")
    supervisor: Person = Field(default_factory=Person, title="Supervisor")
    supervisee: Person = Field(default_factory=Person, title="Supervisee")
    duration_minutes: Minutes | None = Field(None, title="Duration (minutes)")
    agenda: Text = Field(None, title="Agenda")
    topics: Topics = Field(
        default_factory=list, title="Topics covered", json_schema_extra=labelled(TOPIC_LABELS)
    )
    wellbeing: Text = Field(
        None, title="Impact of the work on the supervisee", json_schema_extra=SPECIAL_CATEGORY
    )
    workload: Text = Field(None, title="Workload")
    absence: Text = Field(None, title="Absence", json_schema_extra=SPECIAL_CATEGORY)
    leave: Text = Field(None, title="Leave")
    health_and_safety: Text = Field(None, title="Health and safety")
    training: Text = Field(None, title="Training and learning opportunities")
    actions: list[Action] = Field(default_factory=list, max_length=MAX_ITEMS, title="Actions")
    next_session_date: IsoDate = Field(None, title="Date of next supervision")
    shared_date: IsoDate = Field(None, title="Date record shared with the supervisee")
    signatures: Signatures = Field(default_factory=Signatures, title="Signatures")
    # Audit evidence (issue 12): how the session took place, and its link to the PDR.
    mode: SessionMode | None = Field(
        None, title="How the session took place", json_schema_extra=labelled(SESSION_MODE_LABELS)
    )
    pdr: Text = Field(None, title="Link to the PDR (Performance Development Plan and Review)")
    extra: ExtraFields = extra_field()


class Cancellation(Model):
    """A cancelled session, as Surrey's Supervision Monitoring Form records it (001):
    rearranged no later than 2 weeks from the date of cancellation."""

    planned_date: IsoDate = Field(None, title="Date of planned supervision")
    supervisor: Person = Field(default_factory=Person, title="Supervisor")
    supervisee: Person = Field(default_factory=Person, title="Supervisee")
    cancelled_date: IsoDate = Field(None, title="Date of cancellation")
    cancelled_by: CancelledBy | None = Field(
        None, title="Cancelled by", json_schema_extra=labelled(CANCELLED_BY_LABELS)
    )
    reason: Text = Field(None, title="Reason for cancellation", json_schema_extra=SPECIAL_CATEGORY)
    rearranged_date: IsoDate = Field(None, title="Date rearranged to")
    cover_arrangements: Text = Field(
        None, title="Arrangements if the supervisor is absent for more than 2 weeks"
    )
    extra: ExtraFields = extra_field()

    @model_validator(mode="before")
    @classmethod
    def _who_cancelled(cls, data: Any) -> Any:
        """Accept "Supervisor", "manager", "worker" or either party's name for `cancelled_by`."""
        if not isinstance(data, Mapping) or not isinstance(data.get("cancelled_by"), str):
            return data
        said = " ".join(data["cancelled_by"].casefold().split())
        for party in ("supervisor", "supervisee"):
            person = data.get(party)
            name = person.get("name") if isinstance(person, Mapping) else getattr(person, "name", None)
            if isinstance(name, str) and said == " ".join(name.casefold().split()):
                said = party
        return {**data, "cancelled_by": CANCELLED_BY_SYNONYMS.get(said, said)}
