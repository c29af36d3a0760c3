"""Each duty the seeds set that the audit checks, with its exact findings: observations, group
supervision and its agreement, supervisors' training, case-file audits, face-to-face sessions,
the PDR, the parts of an agreement to be discussed, Sefton's meeting dates, a record for each
session, agendas, case summaries, and Surrey's case forms on the child's record. A duty whose
evidence the folder never holds is listed as not checked, not held against anyone."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

from tests.audit.folders import audit, findings, person, write
from tests.audit.planted import TEAM, Person, agreement, case, general, monthly, plus, series

D = datetime.date
LONG_AGO = D(2025, 12, 1)  # over a year before the audit: yearly duties are due
RECENT = D(2026, 5, 11)


def _worker(
    folder: Path,
    who: Person,
    *,
    start: D = RECENT,
    pack: str = "portsmouth",
    change: Any = None,
    cases: bool = False,
) -> dict[D, str]:
    """A clean worker: agreements renewed yearly, a session every 4 weeks (monthly in Sefton),
    each with a general record (and a case record when asked)."""
    days = monthly(plus(start, 20)) if pack == "sefton" else series(plus(start, 28), 28)
    prefix = who.name.split()[0].lower()
    day, index = start, 0
    while day <= days[-1]:
        dates = monthly(plus(day, 14), plus(day, 360)) if pack == "sefton" else None
        frequency = "Monthly" if pack == "sefton" else "Every 4 weeks"
        write(
            folder,
            f"{prefix}/agreement-{index}",
            "agreement",
            agreement(who, day, frequency, dates=dates),
            pack,
        )
        day, index = plus(day, 364), index + 1
    files = {}
    for number, day in enumerate(days):
        data = general(who, day, pdr="PDR reviewed." if number % 6 == 0 else None)
        if change is not None:
            data = change(number, day, data)
        files[day] = write(folder, f"{prefix}/general-{day}", "general_record", data, pack)
        if cases:
            write(folder, f"{prefix}/case-{day}", "case_record", case(who, day, f"C-{prefix}"), pack)
    return files


def it_wants_an_observation_of_supervision_each_year_where_they_are_kept(tmp_path: Path) -> None:
    seen, unseen = person("Ada Lowe", "Priya Nair"), person("Bo Marsh", "Grace Obi")
    _worker(tmp_path, seen, start=LONG_AGO)
    _worker(tmp_path, unseen, start=LONG_AGO)
    watched = {"date": "2026-10-20", "supervisor": {"name": "Priya Nair"}, "supervisee": {"name": "Ada Lowe"}}
    write(tmp_path, "observation-ada", "observation", watched)
    assert findings(audit(tmp_path)) == {
        ("bo/agreement-0.json", "portsmouth.observation.overdue", "warning", "observation", None)
    }


def it_wants_group_attendance_and_a_group_agreement(tmp_path: Path) -> None:
    comes, stays = person("Ada Lowe", "Priya Nair"), person("Bo Marsh", "Grace Obi")
    _worker(tmp_path, comes)
    _worker(tmp_path, stays)
    write(
        tmp_path,
        "group-agreement",
        "group_agreement",
        {"group": "Practice group", "agreement_date": "2026-05-01"},
    )
    for day in monthly(D(2026, 5, 20)):
        session = {"date": day.isoformat(), "group": "Practice group", "attendees": [{"name": "ADA LOWE"}]}
        write(tmp_path, f"group-{day}", "group_session", session)
    other = write(tmp_path, "other-group", "group_session", {"date": "2026-09-09", "group": "Case group"})
    assert findings(audit(tmp_path)) == {
        ("bo/agreement-0.json", "portsmouth.group.not_attended", "warning", "group_session", None),
        (TEAM, "portsmouth.group.no_agreement", "error", "group", other),
    }
    messages = sorted(f.message for w in audit(tmp_path).workers for f in w.findings)
    assert messages == [
        "Q3 2026 (July to September): no group supervision attended",
        "Q4 2026 (October to December): no group supervision attended",
    ]


def it_wants_each_supervisor_trained_before_their_first_session(tmp_path: Path) -> None:
    trained, untrained = person("Ada Lowe", "Priya Nair"), person("Bo Marsh", "Grace Obi")
    _worker(tmp_path, trained)
    files = _worker(tmp_path, untrained)
    record = {"person": {"name": "P. Nair"}, "course": "Supervising practice", "completed_date": "2025-01-10"}
    write(tmp_path, "training-nair", "training", record)
    report = audit(tmp_path)
    assert findings(report) == {
        (TEAM, "portsmouth.supervisor.not_trained", "error", "supervisor.name", files[min(files)])
    }
    assert report.team[0].subject == "Grace Obi"


def it_wants_every_long_open_case_file_audited_each_year(tmp_path: Path) -> None:
    audited, unaudited = person("Ada Lowe", "Priya Nair"), person("Bo Marsh", "Grace Obi")
    _worker(tmp_path, audited, start=LONG_AGO, cases=True)
    files = _worker(tmp_path, unaudited, start=LONG_AGO, cases=True)
    check = {"date": "2026-12-01", "supervisee": {"name": "Ada Lowe"}, "child": {"id": "C-ada"}}
    write(tmp_path, "audit-ada", "case_file_audit", check)
    last = f"bo/case-{max(files)}.json"
    assert findings(audit(tmp_path)) == {
        ("bo/agreement-0.json", "portsmouth.case.file_not_audited", "warning", "child.id", last)
    }


def it_wants_supervision_usually_face_to_face_video_counting(tmp_path: Path) -> None:
    def by_phone(number: int, day: D, data: dict[str, Any]) -> dict[str, Any]:
        return data | {"mode": "phone" if number % 3 else "in_person"}

    def by_video(number: int, day: D, data: dict[str, Any]) -> dict[str, Any]:
        return data | {"mode": "video"}

    _worker(tmp_path, person("Ada Lowe", "Priya Nair"), change=by_video)
    _worker(tmp_path, person("Bo Marsh", "Grace Obi"), change=by_phone)
    assert findings(audit(tmp_path)) == {
        ("bo/agreement-0.json", "portsmouth.session.not_face_to_face", "warning", "mode", None)
    }


def it_wants_the_pdr_noted_each_year(tmp_path: Path) -> None:
    def no_pdr(number: int, day: D, data: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in data.items() if k != "pdr"}

    _worker(tmp_path, person("Ada Lowe", "Joanne Birch", "sefton"), start=LONG_AGO, pack="sefton")
    _worker(
        tmp_path, person("Bo Marsh", "Joanne Birch", "sefton"), start=LONG_AGO, pack="sefton", change=no_pdr
    )
    assert findings(audit(tmp_path)) == {
        ("bo/agreement-0.json", "sefton.pdr.not_linked", "warning", "pdr", None)
    }


def it_wants_the_parts_to_be_discussed_filled_in_when_signed(tmp_path: Path) -> None:
    _worker(tmp_path, person("Ada Lowe", "Priya Nair"))
    bo = person("Bo Marsh", "Grace Obi")
    _worker(tmp_path, bo)
    blank = agreement(bo, D(2026, 5, 11), "Every 4 weeks", permissions=None, not_working_signs=None)
    write(tmp_path, "bo/agreement-0", "agreement", blank)
    assert findings(audit(tmp_path)) == {
        (
            "bo/agreement-0.json",
            "portsmouth.agreement.discussed",
            "warning",
            "permissions",
            "bo/agreement-0.json",
        ),
        (
            "bo/agreement-0.json",
            "portsmouth.agreement.discussed",
            "warning",
            "not_working_signs",
            "bo/agreement-0.json",
        ),
    }


def it_wants_seftons_meeting_dates_for_the_next_12_months(tmp_path: Path) -> None:
    _worker(tmp_path, person("Ada Lowe", "Joanne Birch", "sefton"), pack="sefton")
    bo = person("Bo Marsh", "Joanne Birch", "sefton")
    _worker(tmp_path, bo, pack="sefton")
    short = agreement(bo, D(2026, 5, 11), "Monthly", dates=monthly(D(2026, 5, 25), D(2026, 11, 1)))
    write(tmp_path, "bo/agreement-0", "agreement", short, "sefton")
    assert findings(audit(tmp_path)) == {
        (
            "bo/agreement-0.json",
            "sefton.agreement.meeting_dates_table",
            "warning",
            "meeting_dates",
            "bo/agreement-0.json",
        )
    }


def it_wants_a_record_of_each_session_with_its_agenda_and_case_summary(tmp_path: Path) -> None:
    ada = person("Ada Lowe", "Priya Nair")

    def no_agenda(number: int, day: D, data: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in data.items() if k != "agenda"} if number == 4 else data

    files = _worker(tmp_path, ada, change=no_agenda)
    days = sorted(files)
    extra = plus(days[2], 7)
    unrecorded = write(tmp_path, "ada/case-extra", "case_record", case(ada, extra, "C-1", next_review=None))
    bare = {k: v for k, v in case(ada, days[3], "C-2", next_review=None).items() if k != "case_summary"}
    summary = write(tmp_path, "ada/case-bare", "case_record", bare)
    assert findings(audit(tmp_path)) == {
        ("ada/agreement-0.json", "portsmouth.record.each_session", "warning", "date", unrecorded),
        ("ada/agreement-0.json", "portsmouth.record.agenda", "warning", "agenda", files[days[4]]),
        ("ada/agreement-0.json", "portsmouth.case.summary", "warning", "case_summary", summary),
    }


def it_wants_surreys_case_forms_saved_to_the_childs_record(tmp_path: Path) -> None:
    dan = person("Dan Price", "Grace Okafor", "surrey")
    files = _worker(tmp_path, dan, pack="surrey")
    days = sorted(files)
    write(tmp_path, "dan/case-saved", "case_record", case(dan, days[1], "S-1"), "surrey")
    unsaved = write(
        tmp_path, "dan/case-unsaved", "case_record", case(dan, days[3], "S-2", recorded_after=None), "surrey"
    )
    assert findings(audit(tmp_path)) == {
        ("dan/agreement-0.json", "surrey.case.child_record", "warning", "recorded_on_child_file", unsaved)
    }


def it_lists_the_duties_it_could_not_check_and_accuses_no_one_of_them(tmp_path: Path) -> None:
    def bare(number: int, day: D, data: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in data.items() if k not in ("mode", "pdr")}

    _worker(tmp_path, person("Ada Lowe", "Priya Nair"), start=LONG_AGO, change=bare)
    report = audit(tmp_path)
    assert findings(report) == set()
    assert {n.finding.field for n in report.notes} == {
        "portsmouth.observation.annual",
        "portsmouth.group.attendance",
        "portsmouth.group.agreement",
        "portsmouth.supervisor.training",
        "portsmouth.case.file_audit",
        "portsmouth.mode.face_to_face",
        "portsmouth.pdr.annual",
        "portsmouth.case.summary",  # no case records at all
    }
    assert all(n.finding.rule == "audit.not_checked" and n.finding.level == "info" for n in report.notes)
