"""A picture a manager can act on: the team view in JSON, HTML and a workbook."""

from __future__ import annotations

import datetime
import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from supervision_forms.audit import AuditReport, render_html, render_xlsx
from supervision_forms.cli import main
from tests.audit.folders import audit, person, write
from tests.audit.planted import agreement, before_working, general, plus, series

D = datetime.date
AS_OF = D(2027, 3, 15)


@pytest.fixture
def report(tmp_path: Path) -> AuditReport:
    """Three workers: on time; due within two weeks; overdue, with a hostile name; and a
    record that could be either of two people."""
    ok = person("Ada Lowe", "Priya Nair")
    soon = person("Bo Marsh", "Priya Nair")
    late = person("=HYPERLINK(1) Cole", "Grace Obi")
    for who, first in ((ok, D(2026, 9, 14)), (soon, D(2026, 9, 1)), (late, D(2026, 8, 3))):
        days = [d for d in series(first, 28) if who is not late or d < D(2027, 1, 1)]
        write(tmp_path, f"{who.id}-agreement", "agreement", agreement(who, plus(first, -21), "Every 4 weeks"))
        for day in days:
            write(tmp_path, f"{who.id}-{day}", "general_record", general(who, day))
    sam, sarah = person("Sam Reid", "Lucy Grant"), person("Sarah Reid", "Lucy Grant")
    for who, first in ((sam, D(2026, 9, 15)), (sarah, D(2026, 9, 16))):
        write(tmp_path, f"{who.id}-agreement", "agreement", agreement(who, plus(first, -21), "Every 4 weeks"))
        for day in series(first, 28):
            write(tmp_path, f"{who.id}-{day}", "general_record", general(who, day))
    write(tmp_path, "s-reid", "general_record", general(sam, before_working(plus(AS_OF, -3)), name="S Reid"))
    return audit(tmp_path)


def it_sums_up_the_team_this_quarter(report: AuditReport) -> None:
    summary = report.as_json()["summary"]
    assert summary == {
        "quarter": ["2027-01-01", "2027-03-31"],
        "supervisees": 5,
        "within_timescale": 4,
        "within_timescale_percent": 80,
        "due_soon": sum(w.due_soon for w in report.workers),
        "overdue_now": 1,
        "identity_questions": 1,
    }
    assert {w.supervisee: w.within_timescale for w in report.workers}["=HYPERLINK(1) Cole"] is False
    soon = {w.supervisee: w for w in report.workers}["Bo Marsh"]
    assert soon.due_soon == ((soon.next_due or AS_OF) - AS_OF <= datetime.timedelta(days=14))


def it_shows_the_team_view_first_in_the_html(report: AuditReport) -> None:
    page = render_html(report)
    for words in (
        "supervised within timescale this quarter (4 of 5)",
        "due in the next two weeks",
        "overdue for supervision now",
        "identity questions to check",
        "<h2>Identity questions</h2>",
        "check identity: ",
    ):
        assert words in page
    assert page.index("The team this quarter") < page.index("Findings by supervisee")
    assert page.index("=HYPERLINK(1) Cole") < page.index("Ada Lowe")  # overdue first


def it_writes_a_workbook_with_one_row_per_supervisee_coloured_by_status(report: AuditReport) -> None:
    book = load_workbook(io.BytesIO(render_xlsx(report)))
    assert book.sheetnames == ["Supervisees", "Findings", "Summary"]
    sheet = book["Supervisees"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("Supervisee", "Employee ID", "Team", "Supervisor")
    assert len(rows) == 1 + len(report.workers)
    names = [row[0] for row in rows[1:]]
    assert "'=HYPERLINK(1) Cole" in names  # text, never a formula
    rules = [rule for ranges in sheet.conditional_formatting for rule in ranges.rules]
    assert [rule.formula for rule in rules] == [["$I2>0"], ['$J2="yes"'], ['$K2="yes"'], ["$N2>0"]]
    overdue = next(row for row in rows[1:] if row[0] == "'=HYPERLINK(1) Cole")
    assert overdue[8] > 0 and overdue[10] == "no"
    findings = list(book["Findings"].iter_rows(values_only=True))
    assert len(findings) == 1 + len(report.findings)
    summary = dict(book["Summary"].iter_rows(values_only=True))
    assert summary["Supervised within timescale this quarter"] == 4


def it_writes_the_workbook_from_the_command_line(
    tmp_path: Path, report: AuditReport, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path
    out = tmp_path.parent / f"{tmp_path.name}-audit.xlsx"
    with pytest.raises(SystemExit):
        main(["audit", str(folder), "--as-of", AS_OF.isoformat(), "--json", "--xlsx", str(out)])
    data = json.loads(capsys.readouterr().out)
    assert data["summary"]["supervisees"] == 5
    assert load_workbook(out)["Supervisees"].max_row == 6
