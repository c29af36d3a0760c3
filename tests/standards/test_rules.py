"""The councils' rules are data: each with its council, value, level and source clause."""

from __future__ import annotations

import datetime
import json
import re

import pytest

from supervision_forms.cli import main
from supervision_forms.errors import PackError
from supervision_forms.standards import Interval, all_rules, load_rules, rulebook

# The table "The councils' written rules" in CONTRACT.md: rule id -> (value, source).
CONTRACT_TABLE = {
    "portsmouth.frequency.children_and_families": ("every 4 weeks", "000 Outline of supervision"),
    "portsmouth.frequency.practitioners": ("every 6 weeks", "004 std 10"),
    "portsmouth.frequency.newly_qualified": (
        "every week for 6 weeks, then every 2 weeks to 12 months",
        "003 §4",
    ),
    "portsmouth.frequency.experienced": ("every 4 weeks", "003 §4"),
    "portsmouth.duration.experienced": ("90 minutes every 4 weeks", "003 §4"),
    "portsmouth.case.review": ("2 months", "003 §4"),
    "portsmouth.topics.quarterly": ("3 months", "003 §4"),
    "portsmouth.case.child_file": ("1 days", "004 std 8"),
    "portsmouth.agreement.signatures": ("required", "004 std 4"),
    "portsmouth.agreement.review": ("12 months", "000 Review; 003 §4"),
    "sefton.frequency.social_workers": ("every month", "002 Mandate"),
    "sefton.record.shared": ("5 working days", "002 Format of supervision"),
    "sefton.record.signatures": ("required", "002 Format of supervision"),
    "sefton.agreement.review": ("12 months", "002 Note"),
    "sefton.agreement.change_of_supervisor": ("required", "002 Note"),
    "surrey.cancellation.rearranged": ("14 days", "001 p.1"),
    "surrey.supervisor_absence.cover": ("14 days", "001 p.1"),
    "surrey.agreement.change_of_supervisor": ("required", "001 p.1"),
    "national.frequency.newly_qualified": (
        "every week for 6 weeks, then every 2 weeks to 6 months, then every month",
        "LGA employer standard 5",
    ),
    "national.frequency.default": ("every month", "LGA employer standard 5"),
    "national.duration.minimum": ("90 minutes", "LGA employer standard 5"),
}


def it_holds_every_rule_of_the_contract_table_with_its_value_and_source() -> None:
    rules = {rule.id: rule for rule in all_rules()}
    assert {
        rule_id: (rules[rule_id].value, rules[rule_id].source) for rule_id in CONTRACT_TABLE
    } == CONTRACT_TABLE


def it_gives_every_rule_a_council_level_source_and_text() -> None:
    for rule in all_rules():
        assert rule.council in {"portsmouth", "surrey", "sefton", "national"}
        assert rule.id.startswith(f"{rule.council}.")
        assert rule.level in {"error", "warning"}
        assert rule.source and rule.text.endswith(".")


def it_uses_a_councils_own_rule_and_the_national_default_where_it_is_silent() -> None:
    sefton = rulebook("sefton")
    assert [r.id for r in sefton.rules("max_interval", stage="qualified")] == [
        "sefton.frequency.social_workers"
    ]
    assert [r.id for r in sefton.rules("max_interval", stage="nqsw")] == [
        "national.frequency.newly_qualified"
    ]
    assert [r.id for r in rulebook("surrey").rules("review_within")] == ["national.agreement.review"]
    assert rulebook("portsmouth").rules("shared_within") == []


def it_gives_a_third_party_council_the_national_defaults() -> None:
    assert {r.council for r in rulebook("tiny").applicable()} == {"national"}


def it_lists_for_a_council_its_own_rules_then_the_defaults_it_falls_back_on() -> None:
    ids = [r.id for r in rulebook("portsmouth").applicable()]
    assert ids[-1] == "national.duration.minimum"  # only for stages 003 does not cover
    assert "national.frequency.default" not in ids  # 000 covers every stage
    assert all(i.startswith("portsmouth.") for i in ids[:-1])


@pytest.mark.parametrize(
    ("day", "interval"),
    [("2026-01-05", Interval(1, "week")), ("2026-02-16", Interval(2, "week")), ("2027-01-05", None)],
)
def it_runs_the_newly_qualified_phases_from_the_start(day: str, interval: Interval | None) -> None:
    rule = next(r for r in all_rules() if r.id == "portsmouth.frequency.newly_qualified")
    start = datetime.date(2026, 1, 1)
    assert rule.interval_on(datetime.date.fromisoformat(day), start) == interval


def _rule(check: str, extra: str = "") -> str:
    return (
        f'[[rule]]\nid = "x.a"\ncouncil = "x"\ncheck = "{check}"\n'
        f'level = "error"\nsource = "s"\ntext = "t"\n{extra}'
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (_rule("max_interval"), "needs either every/unit or phases"),
        (_rule("min_duration"), "needs minutes"),
        (_rule("teleport"), "rule 1: check"),
        (_rule("max_interval", "every = 2\n"), "give both 'every' and 'unit'"),
        ("[[rule]\n", "rules.toml"),
    ],
)
def it_refuses_a_broken_rules_file_naming_the_rule(text: str, message: str) -> None:
    with pytest.raises(PackError, match=re.escape(message)):
        load_rules(text)


def it_refuses_duplicate_rule_ids() -> None:
    one = _rule("agreement_required")
    with pytest.raises(PackError, match=re.escape("duplicate rule ids: x.a")):
        load_rules(one + one)


def it_lists_a_councils_rules_on_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["rules", "--pack", "surrey", "--json"])
    listing = json.loads(capsys.readouterr().out)
    assert exit_info.value.code == 0
    assert {"id", "council", "check", "value", "level", "source", "text"} == set(listing[0])
    assert listing[0]["council"] == "surrey" and listing[-1]["council"] == "national"
    with pytest.raises(SystemExit) as exit_info:
        main(["rules", "--pack", "atlantis"])
    assert exit_info.value.code == 2 and "unknown pack 'atlantis'" in capsys.readouterr().err
