"""Planned supervision dates from an agreement, and the same dates as an iCalendar file.

Dates follow the agreed frequency and the council's rules for the supervisee's career stage
(newly qualified staff: weekly, then fortnightly). A date that falls on a weekend or an England
and Wales bank holiday moves to the next working day when that still keeps to the longest gap
the rules allow, and otherwise to the working day before.
"""

from __future__ import annotations

import datetime
import hashlib
import zoneinfo
from dataclasses import dataclass

import icalendar

from .errors import InvalidData
from .models.agreement import Agreement
from .standards.calendar import Interval, add_months, is_working_day, next_working_day, previous_working_day
from .standards.frequency import agreed_interval, limits_on, next_due, stage_of, strictest
from .standards.rules import rulebook

LONDON = "Europe/London"
PRODID = "-//supervision-forms//Supervision schedule//EN"
DEFAULT_MINUTES = 90
DEFAULT_TIME = datetime.time(10, 0)


@dataclass(frozen=True)
class PlannedSession:
    """One planned session; `moved_from` is the weekend or bank holiday it was moved off."""

    date: datetime.date
    interval: Interval
    moved_from: datetime.date | None = None


@dataclass(frozen=True)
class Schedule:
    """Planned sessions after `start`, up to and including `until`."""

    start: datetime.date
    until: datetime.date
    sessions: tuple[PlannedSession, ...]

    @property
    def dates(self) -> list[datetime.date]:
        return [session.date for session in self.sessions]


def plan_sessions(
    agreement: Agreement,
    *,
    council: str,
    months: int = 12,
    start: datetime.date | None = None,
) -> Schedule:
    """Plan sessions for `months` after `start` (the agreement date by default) under the
    council's rules (a pack name). Raises InvalidData when there is no start date or no
    frequency to plan by."""
    if not 1 <= months <= 36:
        raise InvalidData([], "months: give a number from 1 to 36")
    first = start or agreement.agreement_date
    if first is None:
        raise InvalidData([], "agreement_date: needed to plan sessions (or give a start date)")
    until = add_months(first, months)
    book = rulebook(council)
    stage, agreed = stage_of(agreement), agreed_interval(agreement)
    sessions: list[PlannedSession] = []
    previous, anchor, steps, interval = first, first, 0, None
    while True:
        limits = limits_on(book, stage, previous, start=first, agreed=agreed)
        pace = strictest(limits)
        due = next_due(limits, previous)
        if pace is None or due is None:
            raise InvalidData([], "frequency: the agreement gives none and no rule sets one")
        if pace.interval != interval:  # a new phase: count steps from the last session
            anchor, steps, interval = previous, 0, pace.interval
        steps += 1
        nominal = Interval(interval.every * steps, interval.unit).after(anchor)
        if nominal > until:
            break
        kept = _within(nominal, due, previous)
        planned = _working_day(kept, due, previous)
        sessions.append(PlannedSession(planned, interval, None if planned == kept else kept))
        previous = planned
    return Schedule(first, until, tuple(sessions))


def _within(nominal: datetime.date, due: datetime.date, previous: datetime.date) -> datetime.date:
    """`nominal`, or when that is past `due`, the latest date by `due` on the same weekday
    (teams keep a regular day), or `due` itself."""
    day = nominal
    while day > due:
        day -= datetime.timedelta(weeks=1)
    return day if day > previous else due


def _working_day(day: datetime.date, due: datetime.date, previous: datetime.date) -> datetime.date:
    """`day`, or the next working day if that keeps within `due`, else the one before."""
    if is_working_day(day):
        return day
    later = next_working_day(day)
    if later <= due:
        return later
    earlier = previous_working_day(day)
    return earlier if earlier > previous else later


def plan_meeting_dates(
    agreement: Agreement, *, council: str = "sefton", months: int = 12, start: datetime.date | None = None
) -> Agreement:
    """The agreement with its `meeting_dates` (Sefton's "Dates of Supervision Meetings"
    table) filled from the planned schedule."""
    schedule = plan_sessions(agreement, council=council, months=months, start=start)
    return agreement.model_copy(update={"meeting_dates": schedule.dates})


def schedule_ics(
    schedule: Schedule,
    agreement: Agreement,
    *,
    at: datetime.time = DEFAULT_TIME,
    stamp: datetime.datetime | None = None,
) -> bytes:
    """The sessions as an iCalendar file (RFC 5545) that Outlook and Google Calendar import:
    each event at `at`, London time, lasting the agreed duration (90 minutes if none)."""
    zone = zoneinfo.ZoneInfo(LONDON)
    length = datetime.timedelta(minutes=agreement.duration_minutes or DEFAULT_MINUTES)
    now = (stamp or datetime.datetime.now(datetime.UTC)).astimezone(datetime.UTC)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    summary = _summary(agreement)
    for session in schedule.sessions:
        begins = datetime.datetime.combine(session.date, at, tzinfo=zone)
        event = icalendar.Event()
        event.add("uid", _uid(agreement, session.date))
        event.add("dtstamp", now)
        event.add("dtstart", begins)
        event.add("dtend", begins + length)
        event.add("summary", summary)
        if agreement.location:
            event.add("location", agreement.location)
        event.add("description", f"Planned supervision ({session.interval.describe()}).")
        event.add("transp", "OPAQUE")
        calendar.add_component(event)
    calendar.add_missing_timezones(
        first_date=schedule.start - datetime.timedelta(days=366), last_date=add_months(schedule.until, 12)
    )
    result: bytes = calendar.to_ical()
    return result


def _summary(agreement: Agreement) -> str:
    names = [n for n in (agreement.supervisee.name, agreement.supervisor.name) if n]
    return "Supervision: " + " with ".join(names) if names else "Supervision"


def _uid(agreement: Agreement, day: datetime.date) -> str:
    """Stable across runs (re-importing updates events) and free of personal data."""
    key = "\n".join([agreement.supervisor.name or "", agreement.supervisee.name or "", day.isoformat()])
    return f"{hashlib.sha256(key.encode()).hexdigest()[:32]}@supervision-forms"
