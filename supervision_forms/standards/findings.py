"""Finding: one result of checking a document or a worker's records against a rule."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Level = Literal["error", "warning", "info"]
LEVELS: tuple[Level, ...] = ("error", "warning", "info")


@dataclass(frozen=True)
class Finding:
    """Which rule, how serious, which field, what is wrong, and the clause it comes from.

    Messages carry dates, counts and field names, never a person's name or free text.
    `document` names the file a finding is about, in audits. `rule_ids` are the written rules
    behind it, as `supervision-forms rules` lists them (none for the data model's own checks).
    """

    rule: str
    level: Level
    field: str
    message: str
    source: str
    document: str | None = None
    rule_ids: tuple[str, ...] = ()

    def as_json(self) -> dict[str, str | list[str]]:
        found: dict[str, str | list[str]] = {
            "rule": self.rule,
            "level": self.level,
            "field": self.field,
            "message": self.message,
            "source": self.source,
        }
        if self.document is not None:
            found["document"] = self.document
        if self.rule_ids:
            found["rule_ids"] = list(self.rule_ids)
        return found


def worst(levels: list[Level]) -> Level:
    """The most serious of some levels ('error' over 'warning' over 'info')."""
    return min(levels, key=LEVELS.index)


def sort_key(finding: Finding) -> tuple[int, str]:
    """Errors first, then by rule; a stable sort keeps each rule's findings in their order."""
    return (LEVELS.index(finding.level), finding.rule)
