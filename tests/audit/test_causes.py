"""The five causes of false and missed findings (issue 12), each with its exact finding set:
who is who, rules by period, phased frequencies, durations as the seeds word them, and no
silent gaps."""

from __future__ import annotations

import datetime
from itertools import pairwise
from pathlib import Path

from supervision_forms.validation import validate_data
from tests.audit.folders import audit, findings, person, write
from tests.audit.planted import (
    AS_OF,
    TEAM,
    Person,
    agreement,
    before_working,
    case,
    general,
    monthly,
    nth_working_day_after,
    plus,
    series,
)

D = datetime.date


def _worker(
    folder: Path,
    who: Person,
    days: list[D],
    *,
    frequency: str = "Every 4 weeks",
    prefix: str = "",
    minutes: int | None = 90,
    session_minutes: int | None = 90,
    start: D | None = None,
    stage: str = "qualified",
    pack: str = "portsmouth",
    names: list[str] | None = None,
) -> dict[D, str]:
    """An agreement (3 weeks before the first session, unless `start`) and a general record for
    each day (cycling through `names`)."""
    start = start or plus(days[0], -21)
    prefix = prefix or who.name.split()[0].lower()
    dates = monthly(plus(start, 14), plus(start, 360)) if pack == "sefton" else None
    data = agreement(who, start, frequency, minutes=minutes, stage=stage, dates=dates)
    write(folder, f"{prefix}/agreement", "agreement", data, pack)
    files = {}
    for number, day in enumerate(days):
        name = names[number % len(names)] if names else None
        data = general(who, day, name=name, minutes=session_minutes)
        files[day] = write(folder, f"{prefix}/general-{day}", "general_record", data, pack)
    return files


# ---------------------------------------------------------------- who is who


def it_tells_apart_two_people_of_the_same_name_in_different_teams(tmp_path: Path) -> None:
    first = person("Sam Taylor", "Priya Nair", team="Referral and Assessment")
    second = person("Sam Taylor", "Mark Ellison", team="Children in Care")
    _worker(tmp_path, first, series(D(2026, 6, 1), 28), prefix="ra")
    days = series(D(2026, 6, 8), 28)
    gap = before_working(plus(days[4], 42))
    held = days[:5] + series(gap, 28)
    files = _worker(tmp_path, second, held, prefix="cic")
    report = audit(tmp_path)
    assert len(report.workers) == 2
    assert findings(report) == {
        ("cic/agreement.json", "portsmouth.session.overdue", "error", "date", files[gap]),
        ("cic/agreement.json", "identity.same_name", "info", "supervisee.name", "cic/agreement.json"),
        ("ra/agreement.json", "identity.same_name", "info", "supervisee.name", "ra/agreement.json"),
    }


def it_joins_a_name_written_with_a_short_form_a_dropped_accent_or_apostrophe(tmp_path: Path) -> None:
    siobhan = person("Siobhán O'Neil", "Priya Nair")
    _worker(
        tmp_path,
        siobhan,
        series(D(2026, 6, 1), 28),
        names=["Siobhan ONeil", "SIOBHÁN O’NEIL", "siobhan o'neil"],
    )
    samuel = person("Samuel Okafor", "Grace Obi")
    _worker(tmp_path, samuel, series(D(2026, 6, 2), 28), names=["Sam Okafor", "Samuel Okafor", "S. Okafor"])
    report = audit(tmp_path)
    assert sorted(w.supervisee for w in report.workers) == ["Samuel Okafor", "Siobhán O'Neil"]
    assert findings(report) == {
        ("samuel/agreement.json", "identity.merged", "info", "supervisee.name", "samuel/agreement.json"),
    }


def it_asks_rather_than_guesses_when_an_initial_could_be_two_people(tmp_path: Path) -> None:
    sam = person("Sam Reid", "Priya Nair", team="Family Support")
    sarah = person("Sarah Reid", "Priya Nair", team="Family Support")
    _worker(tmp_path, sam, series(D(2026, 6, 1), 28), prefix="sam")
    _worker(tmp_path, sarah, series(D(2026, 6, 2), 28), prefix="sarah")
    odd = write(tmp_path, "s-reid", "general_record", general(sam, D(2027, 3, 3), name="S. Reid"))
    report = audit(tmp_path)
    assert [w.supervisee for w in report.workers] == ["Sam Reid", "Sarah Reid"]
    assert all(odd not in w.documents for w in report.workers)
    assert findings(report) == {(TEAM, "identity.check", "warning", "supervisee.name", odd)}
    assert (
        "check identity" in report.identity_questions[0].message
        and odd in report.identity_questions[0].message
    )


def it_tells_people_apart_and_joins_them_by_employee_id(tmp_path: Path) -> None:
    # Two Sam Taylors with one supervisor, told apart by their IDs alone; and Jane, whose
    # surname changed, joined by hers.
    one = person("Sam Taylor", "Priya Nair", employee_id="E1001")
    two = person("Sam Taylor", "Priya Nair", employee_id="E2002")
    _worker(tmp_path, one, series(D(2026, 6, 1), 28), prefix="e1")
    _worker(tmp_path, two, series(D(2026, 6, 3), 28), prefix="e2")
    jane = person("Jane Smith", "Grace Obi", employee_id="E3003")
    days = series(D(2026, 6, 4), 28)
    files = _worker(tmp_path, jane, days, prefix="jane")
    married = person("Jane Brown", "Grace Obi", employee_id="e-3003")
    write(tmp_path, "jane/general-later", "general_record", general(married, plus(days[-1], -3)))
    report = audit(tmp_path)
    assert sorted((w.supervisee, w.employee_id) for w in report.workers) == [
        ("Jane Smith", "E3003"),  # as her agreement names her
        ("Sam Taylor", "E1001"),
        ("Sam Taylor", "E2002"),
    ]
    assert findings(report) == {
        ("jane/agreement.json", "identity.merged", "info", "supervisee.name", "jane/agreement.json"),
    }
    assert files


# ---------------------------------------------------------------- rules by period


def it_judges_each_period_by_the_rules_of_the_council_of_the_time(tmp_path: Path) -> None:
    """Sefton until August (records shared within 5 working days, no Portsmouth topics), then
    Portsmouth (records shared late by Sefton's rule, which no longer applies), where one case
    decision took 2 days to reach the child's file."""
    sefton = person("Priya Shah", "Joanne Birch", "sefton")
    for day in monthly(D(2026, 2, 16), D(2026, 8, 20)):
        record = general(sefton, day, topics=["case_work"])
        write(tmp_path, f"sefton/general-{day}", "general_record", record, "sefton")
    dates = monthly(D(2026, 2, 16), D(2027, 1, 12))
    write(
        tmp_path,
        "sefton/agreement",
        "agreement",
        agreement(sefton, D(2026, 1, 12), "Monthly", dates=dates),
        "sefton",
    )
    portsmouth = person("Priya Shah", "Lucy Grant")
    write(
        tmp_path, "portsmouth/agreement", "agreement", agreement(portsmouth, D(2026, 9, 7), "Every 4 weeks")
    )
    days = series(D(2026, 9, 28), 28)
    for day in days:
        record = general(portsmouth, day, shared=nth_working_day_after(day, 8))
        write(
            tmp_path, f"portsmouth/general-{day}", "general_record", record, None
        )  # bare: council by supervisor
        write(tmp_path, f"portsmouth/case-{day}", "case_record", case(portsmouth, day, "C-1", next_review=28))
    slow = write(tmp_path, "portsmouth/case-slow", "case_record",
                 case(portsmouth, days[2], "C-2", recorded_after=2, next_review=None))  # fmt: skip
    report = audit(tmp_path)
    worker = report.workers[0]
    assert len(report.workers) == 1
    assert [(pack, since.isoformat() if since else None) for pack, since in worker.councils] == [
        ("sefton", "2026-01-12"),
        ("portsmouth", "2026-09-07"),
    ]
    assert findings(report) == {
        (
            "portsmouth/agreement.json",
            "portsmouth.case.child_file_late",
            "error",
            "recorded_on_child_file",
            slow,
        ),
        (
            "portsmouth/agreement.json",
            "identity.moved",
            "info",
            "supervisee.name",
            "portsmouth/agreement.json",
        ),
    }


def it_counts_the_newly_qualified_year_from_its_start_and_stops_at_its_end(tmp_path: Path) -> None:
    """'Weekly for the first 8 weeks, then fortnightly until the end of the first year, then
    monthly': weeks 7 and 8 weekly by the agreement; every 4 weeks after the year is fine."""
    ben = person("Ben Carter", "Lucy Grant", stage="nqsw")
    start = D(2026, 2, 2)
    text = "Weekly for the first 8 weeks, then fortnightly until the end of the first year, then monthly"
    weekly = series(plus(start, 7), 7, plus(start, 42))  # weeks 1-6
    late = before_working(plus(weekly[-1], 14))  # week 8: a fortnight, where the agreement says weekly
    fortnightly = series(plus(late, 14), 14, D(2027, 2, 1))
    after = series(plus(fortnightly[-1], 28), 28)
    files = _worker(
        tmp_path, ben, [*weekly, late, *fortnightly, *after], frequency=text, start=start, stage="nqsw"
    )
    report = audit(tmp_path)
    assert findings(report) == {
        ("ben/agreement.json", "portsmouth.session.overdue", "warning", "date", files[late]),
        (
            "ben/agreement.json",
            "portsmouth.agreement.review_overdue",
            "error",
            "review_date",
            "ben/agreement.json",
        ),
    }
    overdue = next(f for f in report.workers[0].findings if f.rule == "portsmouth.session.overdue")
    assert overdue.source == "the agreement (004 std 5)" and "every week" in overdue.message
    assert report.workers[0].career_stage == "qualified"  # the ASYE year is over


def it_says_when_a_changing_frequency_cannot_be_read(tmp_path: Path) -> None:
    def unreadable(text: str) -> list[str]:
        data = {"frequency": {"description": text}, "supervisee": {"career_stage": "nqsw"}}
        return [f.message for f in validate_data(data, pack="portsmouth") if f.rule == "frequency.unreadable"]

    assert unreadable("Weekly for the first 8 weeks, then fortnightly until the end of the first year") == []
    assert unreadable("Weekly initially, then fortnightly") != []
    assert unreadable("Weekly for the first 8 weeks, then as we agree") != []
    assert unreadable("as and when needed") == [
        "the frequency could not be read as an interval (say e.g. 'every 4 weeks')"
    ]


# ---------------------------------------------------------------- durations


def it_totals_portsmouths_minimum_over_four_weeks(tmp_path: Path) -> None:
    fortnightly = person("Ann Lowe", "Priya Nair")
    _worker(tmp_path, fortnightly, series(D(2026, 6, 1), 14), frequency="Fortnightly", minutes=60,
            session_minutes=60, start=D(2026, 5, 25))  # fmt: skip
    monthly_hour = person("Bea Moss", "Priya Nair")
    days = series(D(2026, 6, 2), 28)
    short = next(d for d, n in pairwise(days[2:]) if (n - d).days == 28)
    files = _worker(tmp_path, monthly_hour, days)
    write(tmp_path, f"bea/general-{short}", "general_record", general(monthly_hour, short, minutes=60))
    planned_short = person("Cal Hart", "Priya Nair")
    _worker(tmp_path, planned_short, series(D(2026, 6, 3), 28), minutes=60, session_minutes=60)
    assert findings(audit(tmp_path)) == {
        ("bea/agreement.json", "portsmouth.session.short_total", "error", "duration_minutes", files[short]),
        (
            "cal/agreement.json",
            "portsmouth.agreement.duration",
            "error",
            "duration_minutes",
            "cal/agreement.json",
        ),
    }


def it_applies_the_national_minimum_only_where_the_agreement_is_silent(tmp_path: Path) -> None:
    silent = person("Dee Roy", "Joanne Birch", "sefton")
    days = monthly(D(2026, 6, 10))
    silent_files = _worker(
        tmp_path, silent, days, frequency="Monthly", minutes=None, session_minutes=45, pack="sefton"
    )
    agreed = person("Eve Shaw", "Joanne Birch", "sefton")
    agreed_files = _worker(tmp_path, agreed, monthly(D(2026, 6, 11)), frequency="Monthly", minutes=45,
                           session_minutes=45, pack="sefton")  # fmt: skip
    expected = {
        (
            "dee/agreement.json",
            "sefton.agreement.duration_missing",
            "warning",
            "duration_minutes",
            "dee/agreement.json",
        ),
        (
            "eve/agreement.json",
            "national.agreement.duration",
            "warning",
            "duration_minutes",
            "eve/agreement.json",
        ),
    }
    expected |= {
        ("dee/agreement.json", "national.session.short", "warning", "duration_minutes", file)
        for file in silent_files.values()
    }
    assert findings(audit(tmp_path)) == expected
    assert agreed_files


# ---------------------------------------------------------------- no silent gaps


def it_reports_an_undated_document_and_the_gap_it_leaves(tmp_path: Path) -> None:
    tom = person("Tom Wheeler", "Priya Nair")
    days = series(D(2026, 6, 1), 28)
    missing = days[5]
    files = _worker(tmp_path, tom, [d for d in days if d != missing])
    undated = write(tmp_path, "tom/general-undated", "general_record", general(tom, None))
    assert findings(audit(tmp_path)) == {
        ("tom/agreement.json", "audit.undated", "warning", "date", undated),
        ("tom/agreement.json", "portsmouth.session.overdue", "error", "date", files[days[6]]),
    }


def it_keeps_a_bare_record_in_its_council_and_lists_what_it_could_not_check(tmp_path: Path) -> None:
    tom = person("Tom Wheeler", "Priya Nair")
    _worker(tmp_path, tom, series(D(2026, 6, 1), 28))
    report = audit(tmp_path, as_of=AS_OF)
    notes = {n.finding.field for n in report.notes}
    assert "portsmouth.observation.annual" in notes and "portsmouth.supervisor.training" in notes
    assert "portsmouth.record.agenda" not in notes  # the records have agendas: it was checked


def it_stops_a_newly_qualified_agreements_pace_when_the_first_year_ends(tmp_path: Path) -> None:
    """'Weekly for the first 6 weeks, then fortnightly', then 4-weekly once the year is over:
    the old agreement's fortnight no longer sets the pace; its review is overdue."""
    ben = person("Ben Carter", "Lucy Grant", stage="nqsw")
    start = D(2026, 1, 5)
    weekly = series(plus(start, 7), 7, plus(start, 42))
    fortnightly = series(plus(weekly[-1], 14), 14, D(2027, 1, 4))
    after = series(plus(fortnightly[-1], 28), 28)
    text = "Weekly for the first 6 weeks, then fortnightly"
    _worker(tmp_path, ben, [*weekly, *fortnightly, *after], frequency=text, start=start, stage="nqsw")
    assert findings(audit(tmp_path)) == {
        (
            "ben/agreement.json",
            "portsmouth.agreement.review_overdue",
            "error",
            "review_date",
            "ben/agreement.json",
        ),
    }


def it_keeps_one_person_with_a_second_supervisor_for_case_work_as_one(tmp_path: Path) -> None:
    """General records with the line manager, case records with a senior practitioner, side by
    side, one agreement: one person (noted), not two half-supervised ones."""
    amy = person("Amy Ford", "Priya Nair")
    days = series(D(2026, 6, 1), 28)
    _worker(tmp_path, amy, days)
    senior = person("Amy Ford", "Omar Haddad")
    for day in days[::2]:
        write(tmp_path, f"amy/case-{day}", "case_record", case(senior, day, "C-9", next_review=None))
    report = audit(tmp_path)
    assert len(report.workers) == 1
    assert {(f.rule, f.level) for f in report.findings} == {("identity.two_supervisors", "info")}
