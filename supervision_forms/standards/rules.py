"""The councils' rules, loaded from rules.toml into typed, checked objects."""

from __future__ import annotations

import datetime
import tomllib
from collections.abc import Iterable
from functools import cache
from importlib.resources import files
from typing import Annotated, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from ..errors import PackError
from ..models.agreement import CareerStage
from .calendar import Interval, Unit, add_months
from .findings import Level

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
}
Count = Annotated[int, Field(ge=1, le=366)]


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Phase(_Strict):
    """One stage of a phased frequency: this interval until so long after the start."""

    every: Count
    unit: Unit
    until_weeks: Count | None = None
    until_months: Count | None = None

    @property
    def interval(self) -> Interval:
        return Interval(self.every, self.unit)

    @model_validator(mode="after")
    def _one_end(self) -> Phase:
        if self.until_weeks is not None and self.until_months is not None:
            raise ValueError("give until_weeks or until_months, not both")
        return self

    def ends(self, start: datetime.date) -> datetime.date | None:
        """The first day after this phase, counted from `start`; None when it never ends."""
        if self.until_weeks is not None:
            return start + datetime.timedelta(weeks=self.until_weeks)
        if self.until_months is not None:
            return add_months(start, self.until_months)
        return None


class Rule(_Strict):
    """One written rule: who it binds, its value, how serious breaking it is, and its clause."""

    id: str = Field(pattern=r"^[a-z_]+(\.[a-z_]+)+$")
    council: str = Field(pattern=r"^[a-z][a-z0-9_-]*$")
    check: Check
    level: Level
    source: str
    text: str
    stages: tuple[CareerStage, ...] = ALL_STAGES
    documents: tuple[str, ...] = ()
    every: Count | None = None
    unit: Unit | None = None
    phases: tuple[Phase, ...] = ()
    minutes: Count | None = None
    months: Count | None = None
    days: Count | None = None
    working_days: Count | None = None
    topics: tuple[str, ...] = ()

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
        for phase in self.phases:
            end = phase.ends(start)
            if end is None or day < end:
                return phase.interval
        return None

    @property
    def value(self) -> str:
        """The rule's value in words, e.g. 'every 4 weeks', '90 minutes', '5 working days'."""
        if self.phases:
            return ", then ".join(_phase_words(p) for p in self.phases)
        if self.interval is not None:
            return self.interval.describe()
        for name, unit in (("minutes", "minutes"), ("working_days", "working days"), ("days", "days")):
            amount = getattr(self, name)
            if amount is not None:
                return f"{amount} {unit}"
        if self.months is not None:
            return f"{self.months} months"
        return "required"

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "council": self.council,
            "check": self.check,
            "value": self.value,
            "level": self.level,
            "source": self.source,
            "text": self.text,
        }


def _phase_words(phase: Phase) -> str:
    words = phase.interval.describe()
    if phase.until_weeks is not None:
        return f"{words} for {phase.until_weeks} weeks"
    if phase.until_months is not None:
        return f"{words} to {phase.until_months} months"
    return words


class RuleBook:
    """The rules that bind one council: its own, with the national defaults where it is silent."""

    def __init__(self, council: str, rules: Iterable[Rule]) -> None:
        self.council = council
        self._all = tuple(rules)

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
        return RuleBook(NATIONAL, self._all).rules(check, stage=stage, document=document)

    def first(self, check: Check, *, document: str | None = None) -> Rule | None:
        """The council's first rule of a check (or the national one), if any."""
        found = self.rules(check, document=document)
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


@cache
def all_rules() -> tuple[Rule, ...]:
    """Every rule in rules.toml, checked (ids unique, values present)."""
    text = (files(__package__) / RULES_FILE).read_text(encoding="utf-8")
    return load_rules(text)


def load_rules(text: str) -> tuple[Rule, ...]:
    """Parse and check rules written in the rules.toml format."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise PackError(f"{RULES_FILE}: {error}") from None
    rules: list[Rule] = []
    for index, item in enumerate(raw.get("rule", []), start=1):
        try:
            rules.append(Rule.model_validate(item))
        except ValidationError as error:
            first = error.errors(include_input=False)[0]
            where = ".".join(str(p) for p in first["loc"]) or "rule"
            message = first["msg"].removeprefix("Value error, ")
            raise PackError(f"{RULES_FILE}: rule {index}: {where}: {message}") from None
    ids = [r.id for r in rules]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise PackError(f"{RULES_FILE}: duplicate rule ids: {', '.join(duplicates)}")
    return tuple(rules)


def rulebook(council: str) -> RuleBook:
    """The rules for a council (a pack name); unknown councils get the national defaults."""
    return RuleBook(council, all_rules())
