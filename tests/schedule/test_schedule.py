"""Planned sessions: the frequency and career stage, on working days, never further apart than
the rules allow; Sefton's meeting-dates table; an .ics file calendars can import."""

from __future__ import annotations

import dataclasses
import datetime
import json
from itertools import pairwise
from pathlib import Path

import icalendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supervision_forms import PackRegistry, parse, render
from supervision_forms.cli import main
from supervision_forms.errors import InvalidData
from supervision_forms.models import Agreement
from supervision_forms.schedule import plan_meeting_dates, plan_sessions, schedule_ics
from supervision_forms.standards import is_working_day, limits_on, rulebook
from supervision_forms.standards.frequency import agreed_interval, stage_of

D = datetime.date


def _agreement(
    frequency: str, stage: str = "qualified", day: str = "2026-11-16", **more: object
) -> Agreement:
    return Agreement.model_validate(
        {
            "supervisor": {"name": "Priya Nair"},
            "supervisee": {"name": "Tom Wheeler", "career_stage": stage},
            "agreement_date": day,
            "frequency": {"description": frequency},
            **more,
        }
    )


def _keeps_to_the_rules(agreement: Agreement, council: str, dates: list[datetime.date]) -> None:
    """Every date a working day, every gap within the council's rules and the agreement (which
    allows the days of a bank holiday block after a session moved earlier off it)."""
    start = agreement.agreement_date
    assert start is not None
    book, stage, agreed = rulebook(council), stage_of(agreement), agreed_interval(agreement)
    for previous, day in pairwise([start, *dates]):
        assert is_working_day(day), day
        for limit in limits_on(book, stage, previous, start=start, agreed=agreed):
            assert day <= limit.due_after(previous), (previous, day, limit.rule)


def it_plans_four_weekly_sessions_moving_earlier_off_a_bank_holiday_then_back_to_the_weekday() -> None:
    planned = plan_sessions(_agreement("Every 4 weeks"), council="portsmouth")
    assert planned.dates[:7] == [
        D(2026, 12, 14), D(2027, 1, 11), D(2027, 2, 8), D(2027, 3, 8), D(2027, 4, 5),
        D(2027, 4, 30),  # 3 May is a bank holiday; the Tuesday would be over 4 weeks
        D(2027, 5, 24),  # back to Monday without going over 4 weeks
    ]  # fmt: skip
    assert planned.sessions[5].moved_from == D(2027, 5, 3)
    assert len(planned.dates) == 13 and planned.until == D(2027, 11, 16)


def it_moves_later_when_later_still_keeps_to_the_rule() -> None:
    planned = plan_sessions(_agreement("Monthly"), council="sefton")
    january = planned.sessions[1]
    assert (january.moved_from, january.date) == (D(2027, 1, 16), D(2027, 1, 18))  # Saturday -> Monday


def it_plans_newly_qualified_staff_weekly_then_fortnightly_in_portsmouth() -> None:
    agreement = _agreement("Weekly for 6 weeks, then fortnightly", stage="nqsw", day="2026-01-05")
    planned = plan_sessions(agreement, council="portsmouth")
    dates = planned.dates
    gaps = [(b - a).days for a, b in pairwise([D(2026, 1, 5), *dates])]
    assert gaps[:6] == [7] * 6
    assert {s.interval.describe() for s in planned.sessions[6:]} == {"every 2 weeks"}
    assert max(gaps[6:]) == 14 and gaps[6:].count(14) >= 20  # Spring bank holiday and Christmas move
    assert dates[-1] > D(2026, 12, 1)
    _keeps_to_the_rules(agreement, "portsmouth", dates)


def it_plans_the_national_default_for_newly_qualified_staff_elsewhere() -> None:
    agreement = _agreement("Weekly", stage="nqsw", day="2026-01-05")
    dates = plan_sessions(agreement, council="sefton").dates
    after_six_months = [d for d in dates if d >= D(2026, 7, 5)]
    assert len({(d.year, d.month) for d in after_six_months}) == len(after_six_months)  # monthly
    _keeps_to_the_rules(agreement, "sefton", dates)


@settings(max_examples=40, deadline=None)
@given(
    day=st.dates(min_value=D(2025, 1, 1), max_value=D(2030, 12, 31)),
    frequency=st.sampled_from(
        ["weekly", "fortnightly", "every 3 weeks", "every 4 weeks", "monthly", "every 10 days"]
    ),
    stage=st.sampled_from(["nqsw", "qualified", "senior", "student"]),
    council=st.sampled_from(["portsmouth", "surrey", "sefton"]),
)
def it_always_plans_working_days_within_every_limit(
    day: datetime.date, frequency: str, stage: str, council: str
) -> None:
    agreement = _agreement(frequency, stage=stage, day=day.isoformat())
    planned = plan_sessions(agreement, council=council, months=12)
    assert planned.dates == sorted(set(planned.dates))
    _keeps_to_the_rules(agreement, council, planned.dates)


def it_needs_a_start_date() -> None:
    with pytest.raises(InvalidData, match="agreement_date"):
        plan_sessions(Agreement(), council="sefton")


def it_fills_seftons_meeting_dates_table_and_reads_them_back(packs: PackRegistry) -> None:
    example = packs.get("sefton").example("agreement")
    assert isinstance(example, Agreement)
    filled = plan_meeting_dates(example)
    assert filled.meeting_dates == plan_sessions(example, council="sefton").dates
    assert len(filled.meeting_dates) == 12
    assert parse(render(filled, pack="sefton"), packs=packs).data == filled


def _ics(agreement: Agreement) -> icalendar.Calendar:
    planned = plan_sessions(agreement, council="surrey")
    stamp = datetime.datetime(2026, 11, 1, 9, 0, tzinfo=datetime.UTC)
    return icalendar.Calendar.from_ical(schedule_ics(planned, agreement, stamp=stamp))


def it_writes_an_ics_file_outlook_and_google_accept() -> None:
    agreement = _agreement("Every 4 weeks", duration_minutes=75, location="Room 3")
    calendar = _ics(agreement)
    assert calendar["VERSION"] == "2.0" and "supervision-forms" in calendar["PRODID"]
    events = calendar.walk("VEVENT")
    assert len(events) == 13
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/London"]
    for event in events:
        assert {"UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"} <= set(event)
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert end - start == datetime.timedelta(minutes=75)
        assert str(start.tzinfo) == "Europe/London" and start.hour == 10
        assert event["LOCATION"] == "Room 3"
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)
    assert uids == [str(e["UID"]) for e in _ics(agreement).walk("VEVENT")]  # stable: re-import updates
    assert not any("Tom" in uid for uid in uids)


def it_keeps_summer_sessions_at_ten_oclock_london_time() -> None:
    events = _ics(_agreement("Every 4 weeks")).walk("VEVENT")
    summer = next(e for e in events if e.decoded("DTSTART").month == 7)
    assert summer.decoded("DTSTART").utcoffset() == datetime.timedelta(hours=1)


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    out, err = capsys.readouterr()
    return int(exit_info.value.code or 0), out, err


def it_prints_the_schedule_writes_the_ics_and_fills_the_agreement(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "agreement.json"
    source.write_text(_agreement("Monthly").model_dump_json())
    code, out, err = _run(
        capsys, "schedule", str(source), "--pack", "sefton", "--months", "6", "--json",
        "--ics", str(tmp_path / "s.ics"), "--fill", str(tmp_path / "filled.docx"),
    )  # fmt: skip
    assert (code, err) == (0, "")
    dates = json.loads(out)
    assert dates[0] == "2026-12-16" and len(dates) == 6
    assert len(icalendar.Calendar.from_ical((tmp_path / "s.ics").read_bytes()).walk("VEVENT")) == 6
    filled = parse(tmp_path / "filled.docx").data
    assert isinstance(filled, Agreement)
    assert [d.isoformat() for d in filled.meeting_dates] == dates


def it_says_what_is_missing_when_it_cannot_plan(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = tmp_path / "draft.json"
    source.write_text('{"supervisee": {"name": "Tom Wheeler"}}')
    code, out, err = _run(capsys, "schedule", str(source), "--pack", "surrey")
    assert code == 2 and out == ""
    assert "agreement_date" in err and "Tom" not in err


# ---------------------------------------------------------------- issue 12: no lost or drifting dates


def it_never_loses_a_session_after_moving_one_earlier_off_easter_monday() -> None:
    # Every 4 weeks on Mondays from 14 September 2026: the 7th falls on Easter Monday 2027.
    planned = plan_sessions(_agreement("Every 4 weeks", day="2026-09-14"), council="portsmouth")
    easter = next(s for s in planned.sessions if s.moved_from == D(2027, 3, 29))
    assert easter.date == D(2027, 3, 25)  # Thursday: Good Friday is a bank holiday too
    after = [s.date for s in planned.sessions if s.date > easter.date]
    assert {d.weekday() for d in after} == {0}  # back on Mondays
    assert len(planned.dates) == 13  # as many as 12 months of 4-weekly sessions hold
    assert (planned.until - planned.dates[-1]).days < 28  # none missing at the end of the year
    _keeps_to_the_rules(_agreement("Every 4 weeks", day="2026-09-14"), "portsmouth", planned.dates)


def it_returns_to_the_regular_dates_when_the_rules_leave_room() -> None:
    # Every 3 weeks under Portsmouth's 4-week limit: a moved session does not shift the rest.
    agreement = _agreement("Every 3 weeks", day="2027-02-15")
    planned = plan_sessions(agreement, council="portsmouth")
    regular = [D(2027, 2, 15) + datetime.timedelta(weeks=3 * k) for k in range(1, 18)]
    moved = {s.moved_from: s.date for s in planned.sessions if s.moved_from}
    assert moved  # Easter Monday 2027 and the May bank holidays
    assert planned.dates == [moved.get(day, day) for day in regular if day <= planned.until]


def it_plans_the_8_weekly_weeks_the_agreement_asks_for_then_the_phases_after() -> None:
    text = "Weekly for the first 8 weeks, then fortnightly until the end of the first year, then monthly"
    agreement = _agreement(text, stage="nqsw", day="2026-01-05")
    planned = plan_sessions(agreement, council="portsmouth", months=18)
    gaps = [(b - a).days for a, b in pairwise([D(2026, 1, 5), *planned.dates])]
    assert gaps[:8] == [7] * 8
    assert {s.interval.describe() for s in planned.sessions[8:20]} == {"every 2 weeks"}
    after_year = [s for s in planned.sessions if s.date >= D(2027, 1, 5)]
    assert after_year and all(
        s.interval.describe() == "every 4 weeks" for s in after_year[1:]
    )  # 000: 4-weekly


def _calendar(ics: bytes) -> dict[str, tuple[datetime.date, int, str]]:
    events = icalendar.Calendar.from_ical(ics).walk("VEVENT")
    return {
        str(e["UID"]): (e.decoded("DTSTART").date(), int(e.get("SEQUENCE", 0)), str(e.get("STATUS", "")))
        for e in events
    }


def it_keeps_each_sessions_uid_when_its_date_moves_and_cancels_a_dropped_one() -> None:
    agreement = _agreement("Every 4 weeks", day="2026-09-14")
    stamp = datetime.datetime(2026, 9, 1, tzinfo=datetime.UTC)
    first = plan_sessions(agreement, council="portsmouth")
    before = _calendar(schedule_ics(first, agreement, stamp=stamp))
    # The plan again, from a week later and for 6 months: every date moves, half are dropped.
    later = plan_sessions(agreement, council="portsmouth", months=6, start=D(2026, 9, 14))
    shifted = [dataclasses.replace(s, date=s.date + datetime.timedelta(days=1)) for s in later.sessions]
    moved = dataclasses.replace(later, sessions=tuple(shifted))
    old_ics = schedule_ics(first, agreement, stamp=stamp)
    after = _calendar(schedule_ics(moved, agreement, stamp=stamp, previous=old_ics))
    assert set(after) == set(before)  # same UIDs: re-importing updates, nothing is duplicated
    for uid, (day, sequence, status) in after.items():
        if status == "CANCELLED":
            assert sequence == before[uid][1] + 1 and day == before[uid][0]
        else:
            assert (day, sequence) == (before[uid][0] + datetime.timedelta(days=1), before[uid][1] + 1)
    assert sum(status == "CANCELLED" for _, _, status in after.values()) == len(first.sessions) - len(
        moved.sessions
    )
    unchanged = _calendar(schedule_ics(first, agreement, stamp=stamp, previous=old_ics))
    assert unchanged == before  # the same plan again: nothing moves, no SEQUENCE changes


def it_updates_an_ics_file_it_wrote_before(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = tmp_path / "agreement.json"
    ics = tmp_path / "plan.ics"
    source.write_text(_agreement("Every 4 weeks").model_dump_json())
    assert _run(capsys, "schedule", str(source), "--pack", "surrey", "--json", "--ics", str(ics))[0] == 0
    first = _calendar(ics.read_bytes())
    assert (
        _run(
            capsys, "schedule", str(source), "--pack", "surrey", "--json", "--months", "6", "--ics", str(ics)
        )[0]
        == 0
    )
    second = _calendar(ics.read_bytes())
    assert set(second) == set(first)
    kept = [s for _, s, status in second.values() if status != "CANCELLED"]
    cancelled = [s for _, s, status in second.values() if status == "CANCELLED"]
    assert kept == [0] * 6 and cancelled == [1] * (len(first) - 6)
