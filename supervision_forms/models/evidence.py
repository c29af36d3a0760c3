"""What an audit needs besides agreements and session records: observations of supervision,
group supervision and its agreement, supervisors' training, and case-file audits.

Each model names the seed clause that asks for it. None has a council template yet: they are
read from JSON (a bare model, or a {"pack", "document", "data"} envelope).
"""

from __future__ import annotations

from pydantic import Field

from .agreement import Frequency
from .common import MAX_ITEMS, Action, IsoDate, Model, Person, Signatures, Text
from .records import SESSION_MODE_LABELS, Child, Minutes, SessionMode, labelled


class Observation(Model):
    """000 Quality Assurance: "annual observations of a supervision will take place", and
    both parties say what works well and what could be improved."""

    date: IsoDate = Field(None, title="Date of the observed supervision")
    supervisor: Person = Field(default_factory=Person, title="Supervisor")
    supervisee: Person = Field(default_factory=Person, title="Supervisee")
    observer: Person = Field(default_factory=Person, title="Observer")
    working_well: Text = Field(None, title="What is working well")
    could_improve: Text = Field(None, title="What could be improved")


class GroupAgreement(Model):
    """004 std 4: "for group supervision this should be a group agreement"."""

    group: Text = Field(None, title="Group")
    facilitator: Person = Field(default_factory=Person, title="Facilitator")
    members: list[Person] = Field(default_factory=list, max_length=MAX_ITEMS, title="Members")
    agreement_date: IsoDate = Field(None, title="Date of this agreement")
    review_date: IsoDate = Field(None, title="Review date")
    frequency: Frequency = Field(default_factory=Frequency, title="Frequency")
    signatures: Signatures = Field(default_factory=Signatures, title="Signatures")


class GroupSession(Model):
    """000 Supervision structure: "a group supervision and team practice development session
    which you will be expected to attend"; 003 §1, 004 std 3 and 13."""

    date: IsoDate = Field(None, title="Date of the group session")
    group: Text = Field(None, title="Group")
    facilitator: Person = Field(default_factory=Person, title="Facilitator")
    attendees: list[Person] = Field(default_factory=list, max_length=MAX_ITEMS, title="Attendees")
    duration_minutes: Minutes | None = Field(None, title="Duration (minutes)")
    mode: SessionMode | None = Field(
        None, title="How the session took place", json_schema_extra=labelled(SESSION_MODE_LABELS)
    )
    notes: Text = Field(None, title="Notes")
    actions: list[Action] = Field(default_factory=list, max_length=MAX_ITEMS, title="Actions")


class Training(Model):
    """004 std 2: a supervisor "is also required to have undertaken the Supervisor training";
    003 §3: "has undertaken some formal training in supervision"."""

    person: Person = Field(default_factory=Person, title="Trained")
    course: Text = Field(None, title="Course")
    completed_date: IsoDate = Field(None, title="Date completed")


class CaseFileAudit(Model):
    """003 §4 and §5: every case file reviewed by the supervisor at least annually and audited
    using the agreed tool."""

    date: IsoDate = Field(None, title="Date of the audit")
    supervisor: Person = Field(default_factory=Person, title="Auditor (supervisor)")
    supervisee: Person = Field(default_factory=Person, title="Case holder")
    child: Child = Field(default_factory=Child, title="Child")
    tool: Text = Field(None, title="Audit tool")
    outcome: Text = Field(None, title="Outcome")
