"""The councils' rules and settings, loaded from rules files into typed, checked objects.

The national defaults live in this package's rules.toml. Each council's rules live in its pack
(a rules.toml beside pack.toml); a pack that ships none, or a council no pack is installed
for, gets the national defaults and a notice saying so.
"""

from __future__ import annotations

import datetime
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from ..errors import PackError
from ..models.agreement import CareerStage, FrequencyPhase
from ..packs import Pack, PackRegistry
from .calendar import Interval, Unit, interval_in_phases, phase_words

NATIONAL = "national"
RULES_FILE = "rules.toml"
ALL_STAGES: tuple[CareerStage, ...] = get_args(CareerStage)

Check = Literal[
    "max_interval",
    "min_duration",
    "states_arrangements",
    "review_within",
    "signed_and_dated",
    "agreement_required",
    "new_agreement_on_change",
    "shared_within",
    "child_file_within",
    "case_review_within",
    "decisions_clear",
    "topics_quarterly",
    "rearranged_within",
    "absence_cover",
    # issue 12
    "completed_when_signed",
    "meeting_dates_cover",
    "session_recorded",
    "filled_within",
    "record_completed",
    "observed_within",
    "group_attendance",
    "group_agreement_required",
    "supervisor_trained",
    "case_file_audit_within",
    "face_to_face_usual",
    "pdr_within",
]
# The value fields each check needs.
_NEEDS: dict[str, tuple[str, ...]] = {
    "min_duration": ("minutes",),
    "review_within": ("months",),
    "signed_and_dated": ("documents",),
    "shared_within": ("working_days",),
    "child_file_within": ("days",),
    "case_review_within": ("months",),
    "decisions_clear": ("documents",),
    "topics_quarterly": ("months", "topics"),
    "absence_cover": ("days",),
    "completed_when_signed": ("fields",),
    "meeting_dates_cover": ("months",),
    "filled_within": ("documents", "fields", "working_days"),
    "record_completed": ("documents", "fields"),
    "observed_within": ("months",),
    "group_attendance": ("months",),
    "case_file_audit_within": ("months",),
    "face_to_face_usual": ("months", "share", "modes"),
    "pdr_within": ("months",),
}
Count = Annotated[int, Field(ge=1, le=366)]


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Settings(_Strict):
    """How a council counts time: what 'monthly' means, its quarters, what 'due soon' is."""

    month: Literal["calendar", "same_day"] = Field(
        "calendar",
        description=(
            "calendar: a monthly session is due by the end of the next calendar month; "
            "same_day: by the same date next month"
        ),
    )
    quarters: Literal["calendar", "financial", "rolling"] = Field(
        "calendar",
        description=(
            "calendar: January to March is Q1; financial: the same spans, April to June numbered "
            "Q1; rolling: three-month periods from the worker's start"
        ),
    )
    due_soon_days: Count = Field(14, description="the team view's 'due soon' window, in days")

    @property
    def calendar_months(self) -> bool:
        return self.month == "calendar"


class Rule(_Strict):
    """One written rule: who it binds, its value, how serious breaking it is, and its clause."""

    id: str = Field(pattern=r"^[a-z_]+(\.[a-z_]+)+$")
    council: str = Field("", pattern=r"^([a-z][a-z0-9_-]*)?$")
    check: Check
    level: Literal["error", "warning", "info"]
    source: str
    text: str
    note: str = Field("", description="how an ambiguous clause was read, and what a council may change")
    stages: tuple[CareerStage, ...] = ALL_STAGES
    documents: tuple[str, ...] = ()
    every: Count | None = None
    unit: Unit | None = None
    phases: tuple[FrequencyPhase, ...] = ()
    minutes: Count | None = None
    per_weeks: Count | None = Field(None, description="min_duration: a total over this many weeks")
    agreement_silent: bool = Field(False, description="min_duration: only where the agreement states none")
    months: Count | None = None
    days: Count | None = None
    working_days: Count | None = None
    topics: tuple[str, ...] = ()
    fields: tuple[str, ...] = ()
    share: float | None = Field(None, gt=0, le=1)
    modes: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _has_its_value(self) -> Rule:
        if self.check == "max_interval" and (self.every is None) == (not self.phases):
            raise ValueError("a max_interval rule needs either every/unit or phases")
        if (self.every is None) != (self.unit is None):
            raise ValueError("give both 'every' and 'unit'")
        missing = [name for name in _NEEDS.get(self.check, ()) if not getattr(self, name)]
        if missing:
            raise ValueError(f"a {self.check} rule needs {', '.join(missing)}")
        if self.check == "topics_quarterly" and 12 % (self.months or 1):
            raise ValueError("a topics_quarterly rule's months must divide the year (1, 2, 3, 4, 6 or 12)")
        return self

    @property
    def interval(self) -> Interval | None:
        """The fixed interval of a max_interval rule without phases."""
        if self.every is None or self.unit is None:
            return None
        return Interval(self.every, self.unit)

    def interval_on(self, day: datetime.date, start: datetime.date) -> Interval | None:
        """The interval this rule sets on `day` for someone who started on `start`;
        None once a phased rule's last phase has ended."""
        if not self.phases:
            return self.interval
        return interval_in_phases(self.phases, day, start)

    @property
    def value(self) -> str:
        """The rule's value in words, e.g. 'every 4 weeks', '90 minutes', '5 working days'."""
        if self.phases:
            return phase_words(self.phases)
        if self.interval is not None:
            return self.interval.describe()
        if self.minutes is not None:
            return f"{self.minutes} minutes" + (f" every {self.per_weeks} weeks" if self.per_weeks else "")
        if self.share is not None:
            return f"more than {round(self.share * 100)}% of sessions"
        for name, unit in (("working_days", "working days"), ("days", "days"), ("months", "months")):
            amount = getattr(self, name)
            if amount is not None:
                return f"{amount} {unit}"
        return "required"

    def as_json(self) -> dict[str, object]:
        found: dict[str, object] = {
            "id": self.id,
            "council": self.council,
            "check": self.check,
            "value": self.value,
            "level": self.level,
            "source": self.source,
            "text": self.text,
        }
        if self.note:
            found["note"] = self.note
        return found


@dataclass(frozen=True)
class RuleFile:
    """One rules file: its rules and the settings it changes."""

    rules: tuple[Rule, ...]
    settings: dict[str, Any]


class RuleBook:
    """The rules that bind one council: its own, with the national defaults where it is silent.

    `notice` says when the council has no rules of its own (an unknown pack, or a pack that
    ships no rules file): then only the national defaults apply, and the user is told.
    """

    def __init__(
        self,
        council: str,
        rules: Iterable[Rule],
        settings: Settings | None = None,
        notice: str | None = None,
    ) -> None:
        self.council = council
        self._all = tuple(rules)
        self.settings = settings or Settings()
        self.notice = notice

    def rules(
        self, check: Check, *, stage: CareerStage | None = None, document: str | None = None
    ) -> list[Rule]:
        """This council's rules of one check, for a career stage and a document kind when
        given; the national rules where the council has none."""
        chosen = [
            r
            for r in self._all
            if r.council == self.council
            and r.check == check
            and (stage is None or stage in r.stages)
            and (document is None or not r.documents or document in r.documents)
        ]
        if chosen or self.council == NATIONAL:
            return chosen
        national = RuleBook(NATIONAL, self._all, self.settings)
        return national.rules(check, stage=stage, document=document)

    def first(
        self, check: Check, *, document: str | None = None, stage: CareerStage | None = None
    ) -> Rule | None:
        """The council's first rule of a check (or the national one), if any."""
        found = self.rules(check, document=document, stage=stage)
        return found[0] if found else None

    def applicable(self) -> list[Rule]:
        """Every rule that binds this council: its own, then the national defaults it falls back on."""
        own = [r for r in self._all if r.council == self.council]
        national = [
            r
            for r in self._all
            if r.council == NATIONAL
            and self.council != NATIONAL
            and any(
                r in self.rules(r.check, stage=stage, document=document)
                for stage in r.stages
                for document in (r.documents or (None,))
            )
        ]
        return own + national


# ---------------------------------------------------------------- loading


def load_rules(text: str, *, council: str | None = None, label: str = RULES_FILE) -> tuple[Rule, ...]:
    """Parse and check rules written in the rules.toml format (`council` fills in rules that
    name none, as a pack's own file may)."""
    return load_rule_file(text, council=council, label=label).rules


def load_rule_file(text: str, *, council: str | None = None, label: str = RULES_FILE) -> RuleFile:
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise PackError(f"{label}: {error}") from None
    unknown = sorted(set(raw) - {"rule", "settings"})
    if unknown:
        raise PackError(f"{label}: unknown table '{unknown[0]}' (expected [[rule]] and [settings])")
    rules: list[Rule] = []
    for index, item in enumerate(raw.get("rule", []), start=1):
        if council is not None and isinstance(item, dict):
            given = item.get("council", council)
            if given != council:
                raise PackError(f"{label}: rule {index}: council: must be '{council}' in this pack's file")
            item = {**item, "council": council}
        try:
            rule = Rule.model_validate(item)
        except ValidationError as error:
            first = error.errors(include_input=False)[0]
            where = ".".join(str(p) for p in first["loc"]) or "rule"
            message = first["msg"].removeprefix("Value error, ")
            raise PackError(f"{label}: rule {index}: {where}: {message}") from None
        if not rule.council:
            raise PackError(f"{label}: rule {index}: council: give the council the rule belongs to")
        if not rule.id.startswith(f"{rule.council}."):
            raise PackError(f"{label}: rule {index}: id: must begin with '{rule.council}.'")
        rules.append(rule)
    ids = [r.id for r in rules]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise PackError(f"{label}: duplicate rule ids: {', '.join(duplicates)}")
    settings = raw.get("settings", {})
    try:
        Settings.model_validate(settings)
    except ValidationError as error:
        first = error.errors(include_input=False)[0]
        where = ".".join(str(p) for p in first["loc"])
        raise PackError(f"{label}: settings.{where}: {first['msg']}") from None
    return RuleFile(tuple(rules), dict(settings))


@cache
def national_rules() -> RuleFile:
    """The national defaults (this package's rules.toml)."""
    text = (files(__package__) / RULES_FILE).read_text(encoding="utf-8")
    found = load_rule_file(text)
    strays = [r.id for r in found.rules if r.council != NATIONAL]
    if strays:
        raise PackError(f"{RULES_FILE}: only national rules belong here, not {strays[0]}")
    return found


@cache
def _pack_rules(name: str, text: str) -> RuleFile:
    return load_rule_file(text, council=name, label=f"pack '{name}' {RULES_FILE}")


def pack_rules(pack: Pack) -> RuleFile | None:
    """A pack's own rules and settings; None when it ships no rules file."""
    text = pack.rules_text()
    return None if text is None else _pack_rules(pack.name, text)


def _installed() -> PackRegistry:
    from ..registry import installed_packs  # the registry imports nothing from here

    return installed_packs()


def rulebook(council: str | Pack, packs: PackRegistry | None = None) -> RuleBook:
    """The rules for a council (a pack, or a pack's name) with the national defaults beneath.
    A name no installed pack has, or a pack without rules, gets the national defaults only,
    and the book's `notice` says so."""
    national = national_rules()
    base = Settings.model_validate(national.settings)
    if isinstance(council, Pack):
        pack: Pack | None = council
    elif council == NATIONAL:
        return RuleBook(NATIONAL, national.rules, base)
    else:
        registry = packs or _installed()
        pack = registry.get(council) if council in registry else None
    if pack is None:
        notice = f"'{council}' is not an installed pack: only the national defaults were applied"
        return RuleBook(str(council), national.rules, base, notice)
    own = pack_rules(pack)
    if own is None:
        notice = f"pack '{pack.name}' ships no {RULES_FILE}: only the national defaults were applied"
        return RuleBook(pack.name, national.rules, base, notice)
    settings = Settings.model_validate({**national.settings, **own.settings})
    return RuleBook(pack.name, (*own.rules, *national.rules), settings)


def all_rules(packs: PackRegistry | None = None) -> tuple[Rule, ...]:
    """The national defaults and every installed pack's own rules."""
    registry = packs or _installed()
    found = list(national_rules().rules)
    for pack in registry:
        own = pack_rules(pack)
        if own is not None:
            found.extend(own.rules)
    return tuple(found)
