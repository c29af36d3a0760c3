"""The councils' written supervision rules as data, and the checks that apply them.

    >>> from supervision_forms.standards import check_document, rulebook
    >>> findings = check_document(agreement, "portsmouth")
    >>> [rule.source for rule in rulebook("surrey").applicable()]

Rules live in rules.toml: each with its council, value, level and source clause. A council's
own rule replaces the national default for the same check.
"""

from .calendar import (
    Interval,
    add_months,
    add_working_days,
    is_bank_holiday,
    is_working_day,
    working_days_between,
)
from .documents import check_document
from .findings import Finding, Level
from .frequency import Limit, limits_on, next_due
from .rules import NATIONAL, Rule, RuleBook, all_rules, load_rules, rulebook

__all__ = [
    "NATIONAL",
    "Finding",
    "Interval",
    "Level",
    "Limit",
    "Rule",
    "RuleBook",
    "add_months",
    "add_working_days",
    "all_rules",
    "check_document",
    "is_bank_holiday",
    "is_working_day",
    "limits_on",
    "load_rules",
    "next_due",
    "rulebook",
    "working_days_between",
]
