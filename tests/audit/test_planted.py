"""The team audit finds every planted problem in a year of mixed-format paperwork, and accuses
no one falsely."""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

import pytest

from supervision_forms.audit import AuditReport, audit_folder, render_html
from supervision_forms.cli import main
from supervision_forms.standards import all_rules
from tests.audit.team_folder import AS_OF, PLANTED, UNREADABLE, build_team
from tests.conftest import needs_libreoffice


@pytest.fixture(scope="module")
def team(tmp_path_factory: pytest.TempPathFactory) -> Path:
    needs_libreoffice()
    return build_team(tmp_path_factory.mktemp("team"))


@pytest.fixture(scope="module")
def report(team: Path) -> AuditReport:
    return audit_folder(team, as_of=AS_OF)


def it_finds_every_planted_problem_and_nothing_else(report: AuditReport) -> None:
    found = {(w.supervisee, f.rule, f.field, f.document) for w in report.workers for f in w.findings}
    assert found == PLANTED
    assert len(report.findings) == len(PLANTED) == 16


def it_reports_the_files_it_could_not_use_without_stopping(report: AuditReport) -> None:
    assert {p.file for p in report.unreadable} == UNREADABLE
    assert report.files_read == sum(len(w.documents) for w in report.workers) == 90


def it_groups_every_document_by_supervisee(report: AuditReport) -> None:
    counts = {w.supervisee: len(w.documents) for w in report.workers}
    assert counts == {
        "Aisha Khan": 20,
        "Aisha Rahman": 13,
        "Ben Carter": 12,
        "Daniel Price": 14,
        "Nadia Hussain": 13,
        "Tom Wheeler": 18,
    }
    packs = {w.supervisee: w.pack for w in report.workers}
    assert packs["Tom Wheeler"] == "portsmouth" and packs["Daniel Price"] == "surrey"
    assert packs["Aisha Rahman"] == packs["Nadia Hussain"] == "sefton"


def it_reports_last_session_next_due_and_days_overdue(report: AuditReport) -> None:
    workers = {w.supervisee: w for w in report.workers}
    ben = workers["Ben Carter"]
    assert (ben.last_session, ben.next_due, ben.overdue_now) == (
        datetime.date(2026, 9, 21),
        datetime.date(2026, 10, 5),
        25,
    )
    assert (ben.career_stage, ben.on_time, ben.late) == ("nqsw", 11, 0)
    tom = workers["Tom Wheeler"]
    assert (tom.last_session, tom.next_due, tom.overdue_now, tom.late) == (
        datetime.date(2026, 10, 13),
        datetime.date(2026, 11, 10),
        None,
        0,
    )
    rahman = workers["Aisha Rahman"]
    assert rahman.next_due == datetime.date(2026, 11, 30)  # monthly: by the end of next month


def it_says_how_late_each_thing_was(report: AuditReport) -> None:
    messages = {f.rule: f.message for f in report.findings if f.document and "aisha-khan" in f.document}
    assert "7 days overdue (due by 2026-04-21, every 4 weeks)" in messages["portsmouth.session.overdue"]
    assert "3 days after the session" in messages["portsmouth.case.child_file_late"]
    daniel = {f.rule: f for w in report.workers if w.supervisee == "Daniel Price" for f in w.findings}
    assert "18 days after the cancellation" in daniel["surrey.cancellation.not_rearranged"].message
    assert daniel["surrey.session.overdue"].level == "warning"  # only the agreement was broken
    assert daniel["surrey.session.overdue"].source == "the agreement (001 §1)"


def it_cites_a_source_clause_for_every_finding(report: AuditReport) -> None:
    for finding in report.findings:
        assert re.search(r"\b00[0-4]\b|LGA|national default", finding.source), finding


def it_does_not_judge_what_had_not_happened_yet(team: Path) -> None:
    early = audit_folder(team, as_of=datetime.date(2026, 2, 1))
    names = {w.supervisee for w in early.workers}
    assert "Ben Carter" not in names  # his agreement and sessions start in June
    assert all(f.rule != "portsmouth.topics.not_covered" for f in early.findings)


def it_blanks_special_category_values_when_asked(team: Path) -> None:
    redacted = audit_folder(team, as_of=AS_OF, redact=True)
    assert redacted.redacted
    assert {(f.rule, f.document) for f in redacted.findings} == {
        (f.rule, f.document) for f in audit_folder(team, as_of=AS_OF).findings
    }


def it_writes_json_and_html_from_the_command_line_and_exits_1_on_errors(
    capsys: pytest.CaptureFixture[str], team: Path, tmp_path: Path
) -> None:
    html = tmp_path / "audit.html"
    with pytest.raises(SystemExit) as exit_info:
        main(["audit", str(team), "--as-of", AS_OF.isoformat(), "--json", "--html", str(html)])
    out, err = capsys.readouterr()
    assert exit_info.value.code == 1
    data = json.loads(out)
    assert data["workers"][0]["supervisee"] == "Aisha Khan"
    assert set(data["workers"][0]) >= {
        "supervisee",
        "supervisor",
        "pack",
        "last_session",
        "next_due",
        "findings",
    }
    assert set(data["workers"][0]["findings"][0]) == {
        "rule",
        "level",
        "field",
        "message",
        "source",
        "document",
        "rule_ids",
    }
    assert err.startswith("audit: ") and len(err.splitlines()) == 1
    assert html.stat().st_mode & 0o777 == 0o600
    page = html.read_text(encoding="utf-8")
    assert "<svg" in page and "<script" not in page and "http://" not in page.replace("http://www.w3.org", "")
    assert page.count('class="badge error"') >= 13


def it_renders_one_self_contained_page(report: AuditReport) -> None:
    page = render_html(report)
    assert page.startswith("<!DOCTYPE html>") and page.count("<style>") == 1
    assert not re.search(r"""(src|href)=["']?(https?:|//)""", page)
    for worker in report.workers:
        assert worker.supervisee in page
    assert "003 §4" in page and "001 p.1" in page and "002 Note" in page


def it_names_the_written_rules_behind_each_finding_as_the_rules_command_lists_them(
    report: AuditReport,
) -> None:
    listed = {rule.id for rule in all_rules()}
    # Findings of the data model's own checks, or of the agreement alone, stand on no written rule.
    judged = [
        f
        for f in report.findings
        if not f.rule.startswith(("audit.", "identity.", "standards."))
        and not f.source.startswith("the agreement")
    ]
    assert judged
    assert all(f.rule_ids and set(f.rule_ids) <= listed for f in judged), [
        (f.rule, f.rule_ids) for f in judged if not f.rule_ids or not set(f.rule_ids) <= listed
    ]
