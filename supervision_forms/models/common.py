"""Building blocks shared by every supervision model."""

from __future__ import annotations

import datetime
import re
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, JsonValue, model_validator

MAX_TEXT = 10_000
MAX_ITEMS = 366

# Characters XML 1.0 cannot hold (tab and newline are fine; CR is normalised).
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
SPECIAL_CATEGORY: dict[str, JsonValue] = {"special_category": True}
# Bidirectional embedding, override and isolate controls: they can make a name or a date
# display as something other than what it is ("Trojan Source"), so both refuse them.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def _blank_to_none(value: Any) -> Any:
    if isinstance(value, str) and not value.strip():
        return None
    return value


def _clean_text(value: str | None) -> str | None:
    if value is None:
        return None
    bad = _XML_ILLEGAL.search(value)
    if bad:
        raise ValueError(
            f"contains a control character Word documents cannot hold (U+{ord(bad.group()):04X})"
        )
    value = value.replace("\r\n", "\n").replace("\r", "\n").strip()
    if len(value) > MAX_TEXT:
        raise ValueError(f"is longer than the limit of {MAX_TEXT} characters")
    return value or None


def _no_bidi_controls(value: Any) -> Any:
    if isinstance(value, str):
        bad = BIDI_CONTROLS.search(value)
        if bad:
            raise ValueError(
                f"contains a bidirectional control character (U+{ord(bad.group()):04X}), "
                "which can disguise what is shown"
            )
    return value


def _iso_date(value: Any) -> Any:
    _no_bidi_controls(value)
    if isinstance(value, datetime.datetime):
        raise ValueError("expected a date (YYYY-MM-DD), not a date and time")
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value.strip())
        except ValueError:
            raise ValueError("expected an ISO date (YYYY-MM-DD)") from None
    return value


Text = Annotated[str | None, BeforeValidator(_blank_to_none), AfterValidator(_clean_text)]
"""Optional free text as a person wrote it: CR/LF become LF, outer white space is trimmed,
and blank text is None."""

Name = Annotated[Text, BeforeValidator(_no_bidi_controls)]
"""A person's name (or names): text that may not hold bidirectional control characters."""

IsoDate = Annotated[datetime.date | None, BeforeValidator(_iso_date), BeforeValidator(_blank_to_none)]
"""Optional date, given as a `date` or an ISO string (YYYY-MM-DD)."""

Day = Annotated[datetime.date, BeforeValidator(_iso_date)]
"""A required date (list items), given as a `date` or an ISO string."""


class Model(BaseModel):
    """Base for every model: immutable, unknown keys are errors, and pydantic's error
    messages never show the input (it may be special-category personal data)."""

    model_config = ConfigDict(
        frozen=True, extra="forbid", validate_default=True, hide_input_in_errors=True, defer_build=True
    )


class Person(Model):
    name: Name = Field(None, title="Name")
    role: Text = Field(None, title="Role")
    team: Text = Field(None, title="Team")
    # Audit: who is who. An HR number tells apart two people with the same name.
    employee_id: Name = Field(None, title="Employee ID")


class Signature(Model):
    name: Name = Field(None, title="Signed by")
    date: IsoDate = Field(None, title="Date signed")


class Signatures(Model):
    supervisor: Signature = Field(default_factory=Signature, title="Supervisor's signature")
    supervisee: Signature = Field(default_factory=Signature, title="Supervisee's signature")


class Action(Model):
    """One agreed action or decision: what, who, by when."""

    action: Text = Field(None, title="Action")
    owner: Name = Field(None, title="Who")
    due: IsoDate = Field(None, title="By when")


EXTRA_NAME = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
"""The name of a field a council adds: lower case letters, digits and underscores."""

ExtraValue = Text | Day | list[Day]
"""What a council's own field holds when its pack is not known: text, a date or dates."""


class ExtraFields(BaseModel):
    """Fields a council's own form adds (`extra.<name>` in its pack file), by name.

    A pack that declares them gives each its type (text, date, dates, choice); without
    the pack they are kept as text, dates or lists of dates, so nothing is lost."""

    model_config = ConfigDict(frozen=True, extra="allow", validate_default=True, defer_build=True)
    __pydantic_extra__: dict[str, ExtraValue] = Field(init=False)

    @model_validator(mode="before")
    @classmethod
    def _names(cls, data: Any) -> Any:
        if isinstance(data, dict):
            for name in data:
                if not isinstance(name, str) or not EXTRA_NAME.match(name) or name in RESERVED_EXTRA_NAMES:
                    raise ValueError("a further field's name must be lower case letters, digits and '_'")
        return data

    def as_dict(self) -> dict[str, Any]:
        """Every field by name, declared or not."""
        return {name: getattr(self, name) for name in type(self).model_fields} | dict(self.model_extra or {})

    def __getitem__(self, name: str) -> Any:
        values = self.as_dict()
        if name not in values:
            raise KeyError(name)
        return values[name]

    def __contains__(self, name: object) -> bool:
        return name in self.as_dict()

    def get(self, name: str, default: Any = None) -> Any:
        return self.as_dict().get(name, default)


RESERVED_EXTRA_NAMES = frozenset(n for n in dir(ExtraFields) if EXTRA_NAME.match(n))
"""Names a further field may not take: they are the mapping's own (`get`, `copy`...)."""


def extra_field() -> Any:
    """The `extra` field every document model ends with."""
    return Field(default_factory=ExtraFields, title="Further fields")
