"""Planned supervision dates from an agreement, and the same dates as an iCalendar file.

Dates follow the agreed frequency, phase by phase ("weekly for the first 8 weeks, then
fortnightly..."), and the council's rules for the supervisee's career stage; a newly qualified
supervisee counts as qualified once their first year is over. A date on a weekend or an England
and Wales bank holiday moves to the next working day when that keeps within the longest gap
allowed, and otherwise to the working day before; the dates after it stay where they were (the
agreed interval allows a bank holiday block after a session moved earlier off it). Only when the
council's own rules leave no room for that (Portsmouth's four weeks) does the series carry on
from the same weekday one week earlier. Every gap keeps to the rules, and no session is lost.

In the .ics file each session keeps its UID from one run to the next; given the previous file,
a session whose date changed gets a higher SEQUENCE, and one no longer planned is cancelled.
"""

from __future__ import annotations

import datetime
import hashlib
import zoneinfo
from dataclasses import dataclass

import icalendar

from .errors import CorruptDocument, InvalidData
from .models.agreement import Agreement
from .packs import Pack, PackRegistry
from .standards.calendar import Interval, add_months, is_working_day, next_working_day, previous_working_day
from .standards.frequency import (
    agreed_during,
    is_phased,
    limits_on,
    next_due,
    stage_of,
    stage_on,
    strictest,
)
from .standards.rules import rulebook
from .text.names import employee_key, key

LONDON = "Europe/London"
PRODID = "-//supervision-forms//Supervision schedule//EN"
DEFAULT_MINUTES = 90
DEFAULT_TIME = datetime.time(10, 0)
MAX_SESSIONS = 400


@dataclass(frozen=True)
class PlannedSession:
    """One planned session: its number in the plan, its date, the interval it keeps, and the
    weekend or bank holiday it was moved off."""

    date: datetime.date
    interval: Interval
    moved_from: datetime.date | None = None
    number: int = 0


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
    council: str | Pack,
    months: int = 12,
    start: datetime.date | None = None,
    packs: PackRegistry | None = None,
) -> Schedule:
    """Plan sessions for `months` after `start` (the agreement date by default) under the
    council's rules (a pack or its name). Raises InvalidData when there is no start date or
    no frequency to plan by."""
    if not 1 <= months <= 36:
        raise InvalidData([], "months: give a number from 1 to 36")
    first = start or agreement.agreement_date
    if first is None:
        raise InvalidData([], "agreement_date: needed to plan sessions (or give a start date)")
    until = add_months(first, months)
    book = rulebook(council, packs)
    stage, phased = stage_of(agreement), is_phased(agreement)
    asye = first if stage == "nqsw" else None
    sessions: list[PlannedSession] = []
    previous, anchor, steps = first, first, 0
    interval: Interval | None = None
    while len(sessions) < MAX_SESSIONS:
        now = stage_on(stage, previous, asye)
        agreed = agreed_during(agreement, previous, start=first, stage_now=now)
        limits = limits_on(book, now, previous, start=first, agreed=agreed, agreed_phased=phased)
        pace, due = strictest(limits), next_due(limits, previous)
        if pace is None or due is None:
            raise InvalidData([], "frequency: the agreement gives none and no rule sets one")
        if pace.interval != interval:  # a new phase: count steps from the last session
            anchor, steps, interval = previous, 0, pace.interval
        steps += 1
        regular = Interval(interval.every * steps, interval.unit).after(anchor)
        if regular > due:  # no room to return to the regular dates: carry on from the latest allowed
            regular = _within(regular, due, previous, weekly=interval.unit == "week")
            anchor, steps = regular, 0
        if regular > until:
            break
        planned = _working_day(regular, due, previous)
        moved = None if planned == regular else regular
        sessions.append(PlannedSession(planned, interval, moved, len(sessions) + 1))
        previous = planned
    return Schedule(first, until, tuple(sessions))


def _within(
    regular: datetime.date, due: datetime.date, previous: datetime.date, *, weekly: bool
) -> datetime.date:
    """For a weekly rhythm, the latest date by `due` on the same weekday as `regular` (teams
    keep a regular day); otherwise, or when no such day follows `previous`, `due` itself."""
    day = regular
    while weekly and day > due:
        day -= datetime.timedelta(weeks=1)
    return day if weekly and day > previous else due


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


# ---------------------------------------------------------------- iCalendar


def schedule_ics(
    schedule: Schedule,
    agreement: Agreement,
    *,
    at: datetime.time = DEFAULT_TIME,
    stamp: datetime.datetime | None = None,
    previous: bytes | None = None,
) -> bytes:
    """The sessions as an iCalendar file (RFC 5545) that Outlook and Google Calendar import:
    each event at `at`, London time, lasting the agreed duration (90 minutes if none).

    Each session's UID names the agreement and its number in the plan, so re-importing
    updates events. Given the `previous` file, a session whose time changed gets the next
    SEQUENCE, and a session of the previous file no longer planned is sent as cancelled."""
    zone = zoneinfo.ZoneInfo(LONDON)
    length = datetime.timedelta(minutes=agreement.duration_minutes or DEFAULT_MINUTES)
    now = (stamp or datetime.datetime.now(datetime.UTC)).astimezone(datetime.UTC)
    before = _previous_events(previous) if previous is not None else {}
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    summary = _summary(agreement)
    planned: set[str] = set()
    for session in schedule.sessions:
        uid = _uid(agreement, schedule.start, session.number)
        planned.add(uid)
        begins = datetime.datetime.combine(session.date, at, tzinfo=zone)
        sequence = _sequence(before.get(uid), begins)
        event = icalendar.Event()
        event.add("uid", uid)
        event.add("sequence", sequence)
        event.add("dtstamp", now)
        event.add("dtstart", begins)
        event.add("dtend", begins + length)
        event.add("summary", summary)
        if agreement.location:
            event.add("location", agreement.location)
        note = f"Planned supervision ({session.interval.describe()})."
        if session.moved_from is not None:
            note += f" Moved from {session.moved_from.isoformat()}, not a working day."
        event.add("description", note)
        event.add("transp", "OPAQUE")
        calendar.add_component(event)
    for uid, (old_start, old_sequence) in sorted(before.items()):
        if uid in planned:
            continue
        event = icalendar.Event()
        event.add("uid", uid)
        event.add("sequence", old_sequence + 1)
        event.add("dtstamp", now)
        event.add("dtstart", old_start)
        event.add("summary", summary)
        event.add("status", "CANCELLED")
        event.add("description", "No longer planned.")
        calendar.add_component(event)
    calendar.add_missing_timezones(
        first_date=schedule.start - datetime.timedelta(days=366), last_date=add_months(schedule.until, 12)
    )
    result: bytes = calendar.to_ical()
    return result


def _sequence(old: tuple[datetime.datetime, int] | None, begins: datetime.datetime) -> int:
    if old is None:
        return 0
    old_start, old_sequence = old
    return old_sequence if old_start == begins else old_sequence + 1


def _previous_events(data: bytes) -> dict[str, tuple[datetime.datetime, int]]:
    """The previous file's planned events: UID -> (start, sequence)."""
    try:
        calendar = icalendar.Calendar.from_ical(data)
    except ValueError:
        raise CorruptDocument("the previous .ics file cannot be read as iCalendar") from None
    found: dict[str, tuple[datetime.datetime, int]] = {}
    for event in calendar.walk("VEVENT"):
        if str(event.get("status", "")).upper() == "CANCELLED":
            continue
        start = event.decoded("dtstart", None)
        if isinstance(start, datetime.datetime) and "uid" in event:
            found[str(event["uid"])] = (start, int(event.get("sequence", 0)))
    return found


def _summary(agreement: Agreement) -> str:
    names = [n for n in (agreement.supervisee.name, agreement.supervisor.name) if n]
    return "Supervision: " + " with ".join(names) if names else "Supervision"


def _uid(agreement: Agreement, start: datetime.date, number: int) -> str:
    """Stable across runs (re-importing updates events), free of personal data, and the same
    for a session whatever date it moves to."""
    who = employee_key(agreement.supervisee.employee_id) or key(agreement.supervisee.name)
    parts = [who, key(agreement.supervisor.name), start.isoformat(), str(number)]
    return f"{hashlib.sha256(chr(10).join(parts).encode()).hexdigest()[:32]}@supervision-forms"
