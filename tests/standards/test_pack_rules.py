"""A council's rules and settings live in its pack (rules.toml beside pack.toml); a pack without
them, or a council no pack is installed for, gets the national defaults and is told so."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from supervision_forms import PackRegistry
from supervision_forms.audit import audit_folder
from supervision_forms.errors import PackError
from supervision_forms.packs import load_pack
from supervision_forms.standards import rulebook
from supervision_forms.standards.calendar import Interval
from supervision_forms.standards.frequency import limits_on
from supervision_forms.validation import validate_data
from tests.tiny_pack import make_tiny_pack

D = datetime.date
OWN_RULES = """
[settings]
month = "same_day"
quarters = "financial"

[[rule]]
id = "tiny.frequency.everyone"
check = "max_interval"
every = 1
unit = "month"
level = "error"
source = "Tiny Borough policy 3.1"
text = "Everyone is supervised monthly."
note = "Monthly means by the same date next month."
"""


def _registry(tmp_path: Path, rules: str | None) -> PackRegistry:
    folder = make_tiny_pack(tmp_path / "tiny")
    if rules is not None:
        (folder / "rules.toml").write_text(rules, encoding="utf-8")
    return PackRegistry([load_pack(folder)])


def it_reads_a_packs_own_rules_and_settings(tmp_path: Path) -> None:
    book = rulebook("tiny", _registry(tmp_path, OWN_RULES))
    assert book.notice is None
    assert [r.id for r in book.rules("max_interval", stage="qualified")] == ["tiny.frequency.everyone"]
    assert (book.settings.month, book.settings.quarters) == ("same_day", "financial")
    assert book.first("review_within") is not None  # the national defaults beneath


def it_counts_a_month_as_the_council_says(tmp_path: Path) -> None:
    same_day = rulebook("tiny", _registry(tmp_path, OWN_RULES))
    calendar = rulebook("sefton")
    day = D(2026, 1, 31)
    for book, due in ((same_day, D(2026, 2, 28)), (calendar, D(2026, 2, 28))):
        limits = limits_on(book, "qualified", day, start=day, agreed=None)
        assert min(limit.due_after(day) for limit in limits) == due
    march = D(2026, 3, 10)
    assert limits_on(same_day, "qualified", march, start=march, agreed=None)[0].due_after(march) == D(
        2026, 4, 10
    )
    assert limits_on(calendar, "qualified", march, start=march, agreed=None)[0].due_after(march) == D(
        2026, 4, 30
    )
    assert Interval(1, "month").due_after(march, calendar_months=False) == D(2026, 4, 10)


def it_tells_a_pack_without_rules_that_only_the_national_defaults_apply(tmp_path: Path) -> None:
    registry = _registry(tmp_path, None)
    book = rulebook("tiny", registry)
    assert book.notice == "pack 'tiny' ships no rules.toml: only the national defaults were applied"
    found = validate_data({"supervisee": {"name": "Tom"}}, pack="tiny", packs=registry)
    assert ("standards.national_defaults_only", "info") in {(f.rule, f.level) for f in found}


def it_tells_an_unknown_council_the_same_in_an_audit(tmp_path: Path) -> None:
    data = {"supervisee": {"name": "Tom Wheeler"}, "supervisor": {"name": "Priya Nair"}, "date": "2026-06-01"}
    (tmp_path / "g.json").write_text(
        json.dumps({"pack": "atlantis", "document": "general_record", "data": data}), encoding="utf-8"
    )
    report = audit_folder(tmp_path, as_of=D(2026, 6, 10))
    assert report.workers[0].pack == "atlantis"
    notices = [n for n in report.notes if n.finding.rule == "standards.national_defaults_only"]
    assert [(n.subject, n.finding.message) for n in notices] == [
        ("atlantis", "'atlantis' is not an installed pack: only the national defaults were applied")
    ]
    assert {f.rule for f in report.findings} == {"national.agreement.missing"}


@pytest.mark.parametrize(
    ("rules", "message"),
    [
        ("[[rule]]\nid = 'x.y'\n", "pack 'tiny' rules.toml: rule 1"),
        ('[[rule]]\nid = "sefton.a"\ncouncil = "sefton"\n', "council: must be 'tiny' in this pack's file"),
        ("[settings]\nmonth = 'fortnight'\n", "settings.month"),
        ("[odd]\n", "unknown table 'odd'"),
    ],
)
def it_refuses_a_broken_pack_rules_file_naming_the_pack(tmp_path: Path, rules: str, message: str) -> None:
    with pytest.raises(PackError, match=message):
        rulebook("tiny", _registry(tmp_path, rules))
