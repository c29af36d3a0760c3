"""The supervision agreement, common to every council."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from ..text.frequency import read_frequency, read_phases
from .common import (
    MAX_ITEMS,
    SPECIAL_CATEGORY,
    Day,
    ExtraFields,
    IsoDate,
    Model,
    Person,
    Signatures,
    Text,
    extra_field,
)

CareerStage = Literal["student", "nqsw", "qualified", "senior", "manager", "unqualified"]
FrequencyUnit = Literal["day", "week", "month"]


class Supervisee(Person):
    career_stage: CareerStage | None = Field(
        None, title="Career stage", description="nqsw = newly qualified (ASYE)"
    )


class FrequencyPhase(Model):
    """One phase of a frequency that changes over time: once every `every` units until so
    long after the start (of the agreement, or of the ASYE year); the last may never end."""

    every: Annotated[int, Field(ge=1, le=366)] = Field(title="Every")
    unit: FrequencyUnit = Field(title="Unit")
    until_weeks: Annotated[int, Field(ge=1, le=520)] | None = Field(
        None, title="Until (weeks from the start)"
    )
    until_months: Annotated[int, Field(ge=1, le=120)] | None = Field(
        None, title="Until (months from the start)"
    )

    @model_validator(mode="after")
    def _one_end(self) -> FrequencyPhase:
        if self.until_weeks is not None and self.until_months is not None:
            raise ValueError("give until_weeks or until_months, not both")
        return self

    @property
    def open_ended(self) -> bool:
        return self.until_weeks is None and self.until_months is None


class Frequency(Model):
    """How often supervision happens, as written, with its structured reading."""

    description: Text = Field(None, title="Frequency", examples=["Every 4 weeks"])
    every: Annotated[int, Field(ge=1, le=366)] | None = Field(None, title="Every")
    unit: FrequencyUnit | None = Field(None, title="Unit")
    # A phased frequency ("weekly for the first 8 weeks, then fortnightly"), when given;
    # otherwise `in_phases()` reads it from the description.
    phases: list[FrequencyPhase] = Field(default_factory=list, max_length=12, title="Phases")

    @model_validator(mode="after")
    def _phases_in_order(self) -> Frequency:
        for index, phase in enumerate(self.phases):
            if phase.open_ended and index < len(self.phases) - 1:
                raise ValueError(f"phases.{index}: only the last phase may have no end")
        return self

    def in_phases(self) -> tuple[FrequencyPhase, ...]:
        """The phases: as given, else read from the description; () when it states none."""
        if self.phases:
            return tuple(self.phases)
        if not self.derived_from_description:  # every/unit given apart from the words win
            return ()
        reading = read_phases(self.description or "")
        if reading is None:
            return ()
        return tuple(
            FrequencyPhase(
                every=p.every,
                unit=p.unit,
                until_weeks=p.until[0] if p.until and p.until[1] == "week" else None,
                until_months=p.until[0] if p.until and p.until[1] == "month" else None,
            )
            for p in reading.phases
        )

    @model_validator(mode="after")
    def _derive_structure(self) -> Frequency:
        if self.description and self.every is None and self.unit is None:
            reading = read_frequency(self.description)
            if reading is not None:
                object.__setattr__(self, "every", reading.every)
                object.__setattr__(self, "unit", reading.unit)
        if (self.every is None) != (self.unit is None):
            raise ValueError("give both 'every' and 'unit', or neither")
        return self

    @property
    def derived_from_description(self) -> bool:
        """True when every/unit say no more than the description does."""
        if self.every is None:
            return True
        reading = read_frequency(self.description or "")
        return reading is not None and (reading.every, reading.unit) == (self.every, self.unit)


class Recording(Model):
    method: Text = Field(None, title="Method of recording")
    responsible: Text = Field(None, title="Responsible for the record")
    share_within_working_days: Annotated[int, Field(ge=0, le=365)] | None = Field(
        None, title="Record shared within (working days)"
    )
    storage: Text = Field(None, title="Where records are kept")
    others_who_may_see: Text = Field(None, title="Others who may see the record")


class Expectations(Model):
    mutual: Text = Field(None, title="Supervisor's expectations of the supervisee and vice versa")
    want_from_supervisor: Text = Field(None, title="What I want from you as my supervisor")
    contribute_as_supervisee: Text = Field(None, title="What I will contribute as a supervisee")
    want_from_supervisee: Text = Field(None, title="What I want from you as the supervisee")
    contribute_as_supervisor: Text = Field(None, title="What I will contribute as the supervisor")
    supervisor_responsible_for: Text = Field(None, title="As the supervisor I am responsible for")
    supervisee_responsible_for: Text = Field(None, title="As the supervisee I am responsible for")


class Agreement(Model):
    """A written supervision agreement between a supervisor and a supervisee."""

    supervisor: Person = Field(default_factory=Person, title="Supervisor")
    supervisee: Supervisee = Field(default_factory=Supervisee, title="Supervisee")
    line_manager: Person = Field(default_factory=Person, title="Line manager")
    agreement_date: IsoDate = Field(None, title="Date of this agreement")
    review_date: IsoDate = Field(None, title="Review date")
    frequency: Frequency = Field(default_factory=Frequency, title="Frequency")
    duration_minutes: Annotated[int, Field(ge=1, le=24 * 60)] | None = Field(None, title="Duration (minutes)")
    location: Text = Field(None, title="Location")
    interruptions: Text = Field(None, title="Interruptions only if")
    key_tasks: Text = Field(None, title="Key tasks of the supervisee")
    group_supervision: Text = Field(None, title="Group supervision")
    recording: Recording = Field(default_factory=Recording, title="Recording")
    management_availability: Text = Field(None, title="Availability of manager outside formal supervision")
    concerns_addressed: Text = Field(None, title="How concerns about practice will be addressed")
    raise_process_issues: Text = Field(None, title="How the supervisee raises issues about supervision")
    permissions: Text = Field(None, title="Agreed permissions")
    supervisee_brings: Text = Field(None, title="What the supervisee brings")
    relationship_factors: Text = Field(
        None,
        title="Factors relevant to the supervisory relationship",
        json_schema_extra=SPECIAL_CATEGORY,
    )
    not_working_signs: Text = Field(None, title="How we will recognise the relationship is not working")
    difficulty_resolution: Text = Field(None, title="How difficulties will be resolved")
    other_issues: Text = Field(None, title="Any other relevant issues")
    expectations: Expectations = Field(default_factory=Expectations, title="Expectations")
    meeting_dates: list[Day] = Field(
        default_factory=list, max_length=MAX_ITEMS, title="Dates of supervision meetings"
    )
    signatures: Signatures = Field(default_factory=Signatures, title="Signatures")
    extra: ExtraFields = extra_field()
