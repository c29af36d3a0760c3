"""Planted-breach team folders, built by code from a seed: many varied teams, each with the
exact set of findings a correct audit gives, and the owner of every document.

Each team mixes scenarios: clean workers under each council; late sessions; two people with the
same name in different teams; names written with short forms, dropped accents or apostrophes; a
worker who moves from Sefton to Portsmouth; newly qualified staff on phased frequencies; Portsmouth's
90 minutes every 4 weeks; agreements silent on length with 45-minute sessions; bank holidays
(Christmas, Easter); Sefton's working days; Surrey's rearrangements; undated records; and one
planted breach for each duty the audit checks (observations, group supervision, supervisor
training, case-file audits, face-to-face sessions, the PDR, the parts of an agreement to be
discussed, Sefton's meeting dates, a record for each session, agendas, case summaries, Surrey's
case forms on the child's record), plus a pack nobody installed and an identity the audit must ask about.

Expected findings are worked out here from the scenario, with this module's own calendar of
England and Wales bank holidays; nothing is computed by the code under test.

    python -m tests.audit.measure            # recall, precision and every false accusation
"""

from __future__ import annotations

import datetime
import json
import random
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

from lxml import etree

from supervision_forms import parse, render
from supervision_forms.errors import RenderWarning
from tests.docx_edit import W, edit_document_xml

D = datetime.date
AS_OF = D(2027, 3, 15)
TEAM = "(team)"
Json = dict[str, Any]
Key = tuple[str, str, str, str, str | None]  # (person, rule, level, field, document)

# England and Wales bank holidays, from gov.uk: this module's own calendar.
HOLIDAYS = frozenset(
    D.fromisoformat(day)
    for day in (
        "2025-01-01",
        "2025-04-18",
        "2025-04-21",
        "2025-05-05",
        "2025-05-26",
        "2025-08-25",
        "2025-12-25",
        "2025-12-26",
        "2026-01-01",
        "2026-04-03",
        "2026-04-06",
        "2026-05-04",
        "2026-05-25",
        "2026-08-31",
        "2026-12-25",
        "2026-12-28",
        "2027-01-01",
        "2027-03-26",
        "2027-03-29",
        "2027-05-03",
        "2027-05-31",
        "2027-08-30",
        "2027-12-27",
        "2027-12-28",
    )
)
PHASED = "Weekly for the first 8 weeks, then fortnightly until the end of the first year, then monthly"
ALL_TOPICS = [
    "case_work",
    "impact_on_supervisee",
    "files_review",
    "research_policy",
    "professional_development",
    "training_feedback",
    "relationship_review",
]
DISCUSSED = {
    "supervisee_brings": "Four years in a children in need team.",
    "relationship_factors": "None raised.",
    "permissions": "It is fine to say I am stuck.",
    "not_working_signs": "Sessions slipping or feeling rushed.",
    "difficulty_resolution": "A three-way meeting with the service manager.",
    "other_issues": "None.",
    "management_availability": "Open door most afternoons; noted on the case.",
    "concerns_addressed": "Named in supervision with a plan.",
    "raise_process_issues": "With the service manager.",
    "expectations": {"mutual": "Both come prepared."},
    "key_tasks": "Child in need and child protection casework.",
    "interruptions": "an emergency",
    "recording": {"share_within_working_days": 5, "method": "the welfare supervision template"},
}
GIVEN = (
    "Amara",
    "Bethany",
    "Callum",
    "Delia",
    "Efe",
    "Farah",
    "Gideon",
    "Hana",
    "Idris",
    "Jonah",
    "Keira",
    "Lowri",
    "Marek",
    "Nia",
    "Oskar",
    "Petra",
    "Quentin",
    "Rhian",
    "Soren",
    "Tamsin",
    "Umar",
    "Vera",
    "Wren",
    "Yusuf",
    "Zara",
    "Bronwen",
    "Cormac",
    "Dafydd",
    "Elspeth",
    "Fintan",
    "Aoife",
    "Bjorn",
    "Cerys",
    "Dov",
    "Eilidh",
    "Folake",
    "Gwen",
    "Hamish",
    "Ines",
    "Jorge",
    "Kemi",
    "Lorcan",
    "Mairead",
    "Nnamdi",
    "Orla",
)
SURNAMES = (
    "Abbott",
    "Barlow",
    "Cheng",
    "Dunmore",
    "Ellery",
    "Fairbairn",
    "Gallo",
    "Hartley",
    "Iqbal",
    "Jaworski",
    "Kowalczyk",
    "Lindqvist",
    "Mbeki",
    "Nakamura",
    "Ortega",
    "Pritchard",
    "Quigley",
    "Rosario",
    "Szabo",
    "Thackeray",
    "Umeh",
    "Vasquez",
    "Whitlock",
    "Yilmaz",
    "Zeller",
    "Achebe",
    "Brannigan",
    "Castellano",
    "Dimitrov",
    "Eriksen",
    "Fontaine",
    "Grieve",
    "Haddad",
    "Ivanova",
    "Jablonski",
    "Kerrigan",
    "Lafferty",
    "Mwangi",
    "Nowak",
    "Okonkwo",
    "Petrakis",
    "Quayle",
    "Rahimi",
    "Sandoval",
    "Tiernan",
    "Underhill",
    "Vance",
)


# ---------------------------------------------------------------- the calendar, our own


def working(day: D) -> bool:
    return day.weekday() < 5 and day not in HOLIDAYS


def before_working(day: D) -> D:
    while not working(day):
        day -= datetime.timedelta(days=1)
    return day


def nth_working_day_after(day: D, count: int) -> D:
    while count:
        day += datetime.timedelta(days=1)
        count -= working(day)
    return day


def plus(day: D, days: int) -> D:
    return day + datetime.timedelta(days=days)


def months_after(day: D, months: int) -> D:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    for last in (31, 30, 29, 28):
        try:
            return D(year, month + 1, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError


def series(first: D, every: int, until: D = AS_OF) -> list[D]:
    """Sessions every `every` days from `first`; a day off moves to the working day before,
    and the series carries on from there, so no gap is ever longer than `every`."""
    days, day = [], before_working(first)
    while day <= until:
        days.append(day)
        day = before_working(plus(day, every))
    return days


def monthly(first: D, until: D = AS_OF) -> list[D]:
    """One session in each calendar month, on the working day on or before `first`'s day (or
    after it, when that would fall in the month before)."""
    days, month = [], first
    while True:
        day = before_working(month)
        if day.month != month.month:
            day = month
            while not working(day):
                day = plus(day, 1)
        if day > until:
            return days
        days.append(day)
        month = months_after(month, 1)


# ---------------------------------------------------------------- a team folder


@dataclass
class Person:
    """Someone supervised: how their name is written, whom by, where."""

    id: str
    name: str
    supervisor: str
    pack: str
    team: str | None = None
    employee_id: str | None = None
    stage: str = "qualified"

    def supervisee(self, name: str | None = None) -> Json:
        person: Json = {"name": name or self.name, "role": "Social Worker"}
        if self.team:
            person["team"] = self.team
        if self.employee_id:
            person["employee_id"] = self.employee_id
        return person


@dataclass
class Team:
    """A folder being written: its documents, who owns each, and the findings expected."""

    root: Path
    rng: random.Random
    docx_share: float = 0.15
    expected: list[Key] = field(default_factory=list)
    owner: dict[str, str] = field(default_factory=dict)
    orphans: set[str] = field(default_factory=set)  # documents no one should be given
    people: list[Person] = field(default_factory=list)
    starts: dict[str, D] = field(default_factory=dict)  # person -> first day under Portsmouth
    fallbacks: int = 0
    # What the team keeps, and the one planted exception of each.
    keeps: set[str] = field(default_factory=set)
    unobserved: str | None = None
    untrained: str | None = None
    unaudited: str | None = None
    absent: str | None = None
    later: list[Callable[[], None]] = field(default_factory=list)  # expectations settled at the end
    _given: list[str] = field(default_factory=list)
    _surnames: list[str] = field(default_factory=list)
    _serial: int = 0

    def __post_init__(self) -> None:
        self._given = self.rng.sample(GIVEN, len(GIVEN))
        self._surnames = self.rng.sample(SURNAMES, len(SURNAMES))

    # -- people and names

    def surname(self) -> str:
        return self._surnames.pop()

    def given(self) -> str:
        return self._given.pop()

    def person(self, pack: str, *, name: str | None = None, stage: str = "qualified", **more: Any) -> Person:
        self._serial += 1
        supervisor = more.pop("supervisor", None) or f"{self.given()} {self.surname()}"
        who = Person(f"p{self._serial:02d}", name or f"{self.given()} {self.surname()}", supervisor, pack,
                     stage=stage, **more)  # fmt: skip
        self.people.append(who)
        return who

    # -- writing

    def write(self, who: Person | None, name: str, kind: str, data: Json, *, pack: str | None = None,
              formats: Iterable[str] = ("envelope", "bare", "docx", "hand")) -> str:  # fmt: skip
        """Write one document in a format chosen at random among those that fit; returns its
        file name (relative). A Word copy that does not read back exactly falls back to JSON."""
        pack = pack or (who.pack if who else None)
        allowed = [f for f in formats if f not in ("docx", "hand") or _has_template(pack, kind)]
        if pack is None or pack == "atlantis":
            allowed = [f for f in allowed if f in ("envelope", "bare")]
        word = [f for f in allowed if f in ("docx", "hand")]
        plain = [f for f in allowed if f not in ("docx", "hand")] or ["envelope"]
        chosen = (
            self.rng.choice(word) if word and self.rng.random() < self.docx_share else self.rng.choice(plain)
        )
        file = f"{name}.docx" if chosen in ("docx", "hand") else f"{name}.json"
        path = self.root / file
        path.parent.mkdir(parents=True, exist_ok=True)
        if chosen in ("docx", "hand"):
            assert pack is not None
            with warnings.catch_warnings():  # the form's printed frequency differs: the annex says so
                warnings.simplefilter("ignore", RenderWarning)
                content = render(data, pack=pack, document=kind)
            if chosen == "hand":
                content = edit_document_xml(content, _unmark)
            path.write_bytes(content)
            if not _reads_back(path, kind, data):
                path.unlink()
                self.fallbacks += 1
                file = f"{name}.json"
                path = self.root / file
                chosen = "envelope"
        if chosen == "bare":
            path.write_text(json.dumps(data), encoding="utf-8")
        elif chosen == "envelope":
            path.write_text(json.dumps({"pack": pack, "document": kind, "data": data}), encoding="utf-8")
        if who is not None:
            self.owner[file] = who.id
        return file

    def expect(
        self, who: Person | str, rule: str, level: str, field_: str, document: str | None = None
    ) -> None:
        self.expected.append((who if isinstance(who, str) else who.id, rule, level, field_, document))

    def files_of(self, who: Person) -> list[str]:
        return sorted(f for f, owner in self.owner.items() if owner == who.id)


def _has_template(pack: str | None, kind: str) -> bool:
    offered = {
        "portsmouth": {"agreement", "case_record", "general_record"},
        "surrey": {"agreement", "cancellation"},
        "sefton": {"agreement", "general_record"},
    }
    return kind in offered.get(pack or "", set())


def _unmark(root: etree._Element) -> None:
    for mark in [*root.iter(f"{W}bookmarkStart"), *root.iter(f"{W}bookmarkEnd")]:
        parent = mark.getparent()
        assert parent is not None
        parent.remove(mark)


def _reads_back(path: Path, kind: str, data: Json) -> bool:
    from supervision_forms.models import DOCUMENT_MODELS

    try:
        result = parse(path)
    except Exception:
        return False
    return result.document == kind and result.data == DOCUMENT_MODELS[kind].model_validate(data)


# ---------------------------------------------------------------- documents


def signed(who: Person, day: D, supervisee_name: str | None = None, *, supervisee_signs: bool = True) -> Json:
    return {
        "supervisor": {"name": who.supervisor, "date": day.isoformat()},
        "supervisee": {"name": supervisee_name or who.name, "date": day.isoformat()}
        if supervisee_signs
        else {},
    }


def agreement(who: Person, day: D, frequency: str, *, minutes: int | None = 90, stage: str | None = None,
              dates: list[D] | None = None, **changes: Any) -> Json:  # fmt: skip
    supervisee = who.supervisee() | {"career_stage": stage or who.stage}
    data: Json = {
        "supervisor": {"name": who.supervisor, "role": "Team Manager"},
        "supervisee": supervisee,
        "agreement_date": day.isoformat(),
        "review_date": plus(months_after(day, 12), -1).isoformat(),
        "frequency": {"description": frequency},
        "signatures": signed(who, day),
        **DISCUSSED,
    }
    if minutes is not None:
        data["duration_minutes"] = minutes
    if dates:
        data["meeting_dates"] = [d.isoformat() for d in dates]
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def general(who: Person, day: D | None, *, name: str | None = None, minutes: int | None = 90,
            topics: list[str] | None = None, shared: D | None = None, mode: str = "in_person",
            pdr: str | None = None, agenda: bool = True) -> Json:  # fmt: skip
    when = day or AS_OF
    shared_on = shared or nth_working_day_after(when, 1)
    data: Json = {
        "supervisor": {"name": who.supervisor},
        "supervisee": who.supervisee(name),
        "duration_minutes": minutes,
        "agenda": "Caseload; wellbeing; development" if agenda else None,
        "topics": topics if topics is not None else ALL_TOPICS,
        "workload": "Manageable.",
        "shared_date": shared_on.isoformat(),
        "signatures": signed(who, shared_on, name),
        "mode": mode,
        "pdr": pdr,
    }
    if day is not None:
        data["date"] = day.isoformat()
    return {k: v for k, v in data.items() if v is not None}


def case(who: Person, day: D, child: str, *, recorded_after: int | None = 0, summary: bool = True,
         next_review: int | None = 56) -> Json:  # fmt: skip
    data: Json = {
        "date": day.isoformat(),
        "supervisor": {"name": who.supervisor},
        "supervisee": who.supervisee(),
        "child": {"name": f"Child {child}", "id": child},
        "legal_status": "child_in_need",
        "case_summary": "Plan reviewed; progress steady." if summary else None,
        "decisions": [{"action": "Visit the family", "owner": who.name, "due": plus(day, 7).isoformat()}],
        "next_review_date": plus(day, next_review).isoformat() if next_review else None,
        "recorded_on_child_file": plus(day, recorded_after).isoformat()
        if recorded_after is not None
        else None,
        "signatures": signed(who, day),
    }
    return {k: v for k, v in data.items() if v is not None}


def cancellation(who: Person, planned: D, *, on: D, by: str, to: D) -> Json:
    return {
        "planned_date": planned.isoformat(),
        "supervisor": {"name": who.supervisor},
        "supervisee": who.supervisee(),
        "cancelled_date": on.isoformat(),
        "cancelled_by": by,
        "reason": "A clash with court.",
        "rearranged_date": to.isoformat(),
    }


# ---------------------------------------------------------------- the baseline worker


@dataclass
class Plan:
    """One worker's sessions, and what the baseline writes for them."""

    who: Person
    start: D
    days: list[D]
    frequency: str
    minutes: int | None = 90
    case_every: int = 2  # a case record every second session (Portsmouth)
    folder: str = ""
    names: list[str] = field(default_factory=list)  # ways the name is written on records
    pdr_every: int = 6
    skip_agreement: bool = False
    session_minutes: int | None = 90
    modes: tuple[str, ...] = ("in_person", "in_person", "video")  # in turn
    record: Callable[[D, Json], Json] | None = None  # changes one record's data
    cases: dict[D, str] = field(default_factory=dict)  # written case records by day

    def __post_init__(self) -> None:
        self.folder = self.folder or self.who.name.lower().replace(" ", "-").replace("'", "")


def write_worker(team: Team, plan: Plan) -> dict[D, str]:
    """A clean worker: agreements (renewed each year), a record of each session, case records
    (Portsmouth), all in order. Returns each session's general record file (and, under the
    key of the day with a case record, its file in `plan.cases`)."""
    who, rng = plan.who, team.rng
    if who.pack == "portsmouth":
        team.starts[who.id] = min(plan.start, team.starts.get(who.id, plan.start))
    if not plan.skip_agreement:
        day, index = plan.start, 0
        last = plus(plan.days[-1], 60) if plan.days else AS_OF
        while day <= min(last, AS_OF):  # renewed each year while supervised
            dates = monthly(plus(day, 14), months_after(day, 12)) if who.pack == "sefton" else None
            team.write(who, f"{plan.folder}/agreement-{index}", "agreement",
                       agreement(who, day, plan.frequency, minutes=plan.minutes, dates=dates))  # fmt: skip
            day, index = plus(months_after(day, 12), -1), index + 1
            if day > AS_OF:
                break
    files: dict[D, str] = {}
    for number, day in enumerate(plan.days):
        name = rng.choice(plan.names) if plan.names else None
        pdr = "PDR objectives reviewed." if number % plan.pdr_every == 0 else None
        mode = plan.modes[number % len(plan.modes)]
        data = general(who, day, name=name, minutes=plan.session_minutes, mode=mode, pdr=pdr)
        if plan.record is not None:
            data = plan.record(day, data)
        files[day] = team.write(who, f"{plan.folder}/general-{day}", "general_record", data)
        if who.pack == "portsmouth" and number % plan.case_every == 0:
            plan.cases[day] = team.write(
                who, f"{plan.folder}/case-{day}", "case_record", case(who, day, f"C{who.id}")
            )
    return files


EARLIEST = D(2026, 4, 20)


def start_in(rng: random.Random, earliest: D = EARLIEST, days: int = 40) -> D:
    """An agreement date whose yearly review falls after AS_OF and more than 30 days on."""
    return before_working(plus(earliest, rng.randrange(days)))


# ---------------------------------------------------------------- scenarios


def clean_portsmouth(team: Team) -> None:
    """Every 4 weeks, or fortnightly for an hour (90 minutes every 4 weeks in total)."""
    who = team.person("portsmouth")
    start = start_in(team.rng)
    if team.rng.random() < 0.5:
        write_worker(team, Plan(who, start, series(plus(start, 28), 28), "Every 4 weeks"))
    else:
        plan = Plan(
            who,
            start,
            series(plus(start, 14), 14),
            "Fortnightly",
            minutes=60,
            session_minutes=60,
            case_every=4,
        )
        write_worker(team, plan)


def late_session(team: Team) -> None:
    """Portsmouth: one session a day late (29 days after the one before)."""
    who = team.person("portsmouth")
    start = start_in(team.rng)
    days = series(plus(start, 28), 28)
    cut = team.rng.randrange(3, len(days) - 2)
    late = plus(days[cut - 1], 29)
    while not working(late) or late - days[cut - 1] <= datetime.timedelta(days=28):
        late = plus(late, 1)
    days = days[:cut] + series(late, 28)
    files = write_worker(team, Plan(who, start, days, "Every 4 weeks"))
    team.expect(who, "portsmouth.session.overdue", "error", "date", files[late])


def same_name_two_teams(team: Team) -> None:
    """Two Sam Taylors in different teams: one keeps to the rules, the other has a 6-week gap."""
    surname = team.surname()
    first = team.person("portsmouth", name=f"Sam {surname}", team="Referral and Assessment")
    second = team.person("portsmouth", name=f"Sam {surname}", team="Children in Care")
    start = start_in(team.rng)
    write_worker(
        team, Plan(first, start, series(plus(start, 28), 28), "Every 4 weeks", folder=f"{surname}-ra")
    )
    days = series(plus(start, 21), 28)
    cut = team.rng.randrange(3, len(days) - 3)
    gap = before_working(plus(days[cut - 1], 42))
    days = days[:cut] + series(gap, 28)
    # A case record at every session: the gap alone is planted, not a case left unreviewed.
    files = write_worker(
        team, Plan(second, start, days, "Every 4 weeks", folder=f"{surname}-cic", case_every=1)
    )
    team.expect(second, "portsmouth.session.overdue", "error", "date", files[gap])
    for who in (first, second):
        team.later.append(
            lambda who=who: team.expect(
                who, "identity.same_name", "info", "supervisee.name", team.files_of(who)[0]
            )
        )


def short_forms(team: Team) -> None:
    """One worker written 'Samuel', 'Sam', 'SAMUEL' and with two letters of the surname swapped;
    another 'Siobhán O'Neil' and 'Siobhan ONeil': each is one person with nothing wrong."""
    surname = team.surname()
    samuel = team.person("portsmouth", name=f"Samuel {surname}")
    start = start_in(team.rng)
    slip = surname[0] + surname[2] + surname[1] + surname[3:]  # two letters swapped
    names = [f"Sam {surname}", f"SAMUEL {surname.upper()}", f"Samuel {surname}", f"Samuel {slip}"]
    write_worker(team, Plan(samuel, start, series(plus(start, 28), 28), "Every 4 weeks", names=names))
    team.later.append(
        lambda: team.expect(samuel, "identity.merged", "info", "supervisee.name", team.files_of(samuel)[0])
    )
    pack = team.rng.choice(["portsmouth", "sefton"])
    siobhan = team.person(pack, name=f"Siobhán O'{team.surname()}")
    plain = siobhan.name.replace("á", "a").replace("'", "")
    start = start_in(team.rng)
    days = series(plus(start, 28), 28) if pack == "portsmouth" else monthly(plus(start, 20))
    write_worker(team, Plan(siobhan, start, days, "Every 4 weeks" if pack == "portsmouth" else "Monthly",
                            names=[plain, siobhan.name, plain.upper()]))  # fmt: skip


def mover(team: Team) -> None:
    """Sefton (monthly, records shared within 5 working days) until the summer, then Portsmouth
    (4-weekly) from September, where one case decision took 2 days to reach the child's file."""
    with_ids = team.rng.random() < 0.5
    employee = f"E{team.rng.randrange(10000, 99999)}" if with_ids else None
    who = team.person("sefton", employee_id=employee)
    sefton_start = D(2026, 1, 12)
    sefton_days = monthly(D(2026, 2, 16), D(2026, 8, 20))
    write_worker(team, Plan(who, sefton_start, sefton_days, "Monthly", folder=f"{who.id}-sefton"))
    later = Person(who.id, who.name, f"{team.given()} {team.surname()}", "portsmouth", employee_id=employee)
    team.people.append(later)
    start = D(2026, 9, 7)
    days = series(D(2026, 9, 28), 28)
    files = write_worker(team, Plan(later, start, days, "Every 4 weeks", folder=f"{who.id}-portsmouth"))
    slow = days[3]
    file = team.write(later, f"{who.id}-portsmouth/case-slow-{slow}", "case_record",
                      case(later, slow, "C-SLOW", recorded_after=2, next_review=None))  # fmt: skip
    team.expect(who, "portsmouth.case.child_file_late", "error", "recorded_on_child_file", file)
    if not with_ids:

        def moved() -> None:
            portsmouth = sorted(f for f in team.files_of(who) if not f.startswith(f"{who.id}-sefton/"))
            team.expect(who, "identity.moved", "info", "supervisee.name", portsmouth[0])

        team.later.append(moved)
    assert files


def nqsw_phases(team: Team) -> None:
    """Portsmouth, newly qualified: 'Weekly for the first 8 weeks, then fortnightly until the
    end of the first year, then monthly'. Either a year and more (the review now overdue; 4-weekly
    once the year is over), or a planted 3-week gap in the fortnightly phase."""
    who = team.person("portsmouth", stage="nqsw")
    text = PHASED
    long_ago = team.rng.random() < 0.5
    start = D(2026, 2, 2) if long_ago else start_in(team.rng)
    weekly = series(plus(start, 7), 7, plus(start, 7 * 8))
    year_end = months_after(start, 12)
    fortnightly = series(plus(weekly[-1], 14), 14, min(plus(year_end, -1), AS_OF))
    gap_day = None
    if not long_ago:
        cut = team.rng.randrange(2, len(fortnightly) - 3)
        gap_day = before_working(plus(fortnightly[cut - 1], 21))
        fortnightly = fortnightly[:cut] + series(gap_day, 14, min(plus(year_end, -1), AS_OF))
    after = series(plus(fortnightly[-1], 28), 28) if long_ago else []
    plan = Plan(who, start, weekly + fortnightly + after, text, skip_agreement=True, pdr_every=10)
    file = team.write(who, f"{plan.folder}/agreement", "agreement", agreement(who, start, text, stage="nqsw"))
    files = write_worker(team, plan)
    if long_ago:
        team.expect(who, "portsmouth.agreement.review_overdue", "error", "review_date", file)
    else:
        assert gap_day is not None
        team.expect(who, "portsmouth.session.overdue", "error", "date", files[gap_day])


def four_week_total(team: Team) -> None:
    """Portsmouth: 60 minutes in a 4-week period (agreed 90), or an agreement that plans only
    60 minutes every 4 weeks."""
    who = team.person("portsmouth")
    start = start_in(team.rng)
    days = series(plus(start, 28), 28)
    if team.rng.random() < 0.5:
        # A session whose 4 weeks hold no other (the next is 28 days on, not moved earlier).
        short = team.rng.choice([d for d, n in pairwise(days[2:-1]) if (n - d).days == 28])

        def shorter(day: D, data: Json) -> Json:
            return data | {"duration_minutes": 60} if day == short else data

        files = write_worker(team, Plan(who, start, days, "Every 4 weeks", record=shorter))
        team.expect(who, "portsmouth.session.short_total", "error", "duration_minutes", files[short])
    else:
        plan = Plan(who, start, days, "Every 4 weeks", minutes=60, session_minutes=60, skip_agreement=True)
        file = team.write(who, f"{plan.folder}/agreement", "agreement",
                          agreement(who, start, "Every 4 weeks", minutes=60))  # fmt: skip
        write_worker(team, plan)
        team.expect(who, "portsmouth.agreement.duration", "error", "duration_minutes", file)


def silent_agreement(team: Team) -> None:
    """Sefton or Surrey: the agreement states no length, and sessions last 45 minutes."""
    pack = team.rng.choice(["sefton", "surrey"])
    who = team.person(pack)
    start = start_in(team.rng)
    days = monthly(plus(start, 21)) if pack == "sefton" else series(plus(start, 28), 28)
    plan = Plan(who, start, days, "Monthly" if pack == "sefton" else "Every 4 weeks", minutes=None,
                session_minutes=45, skip_agreement=True)  # fmt: skip
    dates = monthly(plus(start, 14), months_after(start, 12)) if pack == "sefton" else None
    file = team.write(who, f"{plan.folder}/agreement", "agreement",
                      agreement(who, start, plan.frequency, minutes=None, dates=dates))  # fmt: skip
    files = write_worker(team, plan)
    team.expect(who, f"{pack}.agreement.duration_missing", "warning", "duration_minutes", file)
    for day in days:
        team.expect(who, "national.session.short", "warning", "duration_minutes", files[day])


def sefton_working_days(team: Team) -> None:
    """Sefton: records shared on the 5th working day across Easter and Christmas; one shared on
    the 6th, late."""
    who = team.person("sefton")
    start = D(2026, 2, 23)
    days = monthly(D(2026, 3, 19))
    # Thursday 2 April 2026, before Easter: the 5th working day after is Monday 13 April.
    # Monday 21 December 2026: the 5th working day after is Wednesday 30 December.
    days = sorted(
        {
            *(d for d in days if (d.year, d.month) not in ((2026, 4), (2026, 12))),
            D(2026, 4, 2),
            D(2026, 12, 21),
        }
    )
    late_day = team.rng.choice([d for d in days if d not in (D(2026, 4, 2), D(2026, 12, 21))][2:-2])
    shares = {
        D(2026, 4, 2): D(2026, 4, 13),
        D(2026, 12, 21): D(2026, 12, 30),
        late_day: nth_working_day_after(late_day, 6),
    }

    def sharing(day: D, data: Json) -> Json:
        if day not in shares:
            return data
        when = shares[day].isoformat()
        return data | {
            "shared_date": when,
            "signatures": {role: s | {"date": when} for role, s in data["signatures"].items()},
        }

    files = write_worker(team, Plan(who, start, days, "Monthly", record=sharing))
    team.expect(who, "sefton.record.shared_late", "error", "shared_date", files[late_day])


def surrey_rearranged(team: Team) -> None:
    """Surrey, every 4 weeks: one cancellation rearranged 14 days on (in time), one 15 days on."""
    who = team.person("surrey")
    start = start_in(team.rng, D(2026, 4, 20), 10)
    days = series(plus(start, 28), 28)
    good, bad = 3, 7
    on_good, on_bad = plus(days[good], -3), plus(days[bad], -3)
    to_good, to_bad = plus(on_good, 14), plus(on_bad, 15)
    while not working(to_good):
        to_good, on_good = plus(to_good, -1), plus(on_good, -1)
    while not working(to_bad):
        to_bad, on_bad = plus(to_bad, 1), plus(on_bad, 1)
    held = [d for d in days if d not in (days[good], days[bad])] + [to_good, to_bad]
    files = write_worker(team, Plan(who, start, sorted(held), "Every 4 weeks"))
    team.write(who, f"{who.id}-cancelled-{days[good]}", "cancellation",
               cancellation(who, days[good], on=on_good, by="supervisor", to=to_good))  # fmt: skip
    bad_file = team.write(who, f"{who.id}-cancelled-{days[bad]}", "cancellation",
                          cancellation(who, days[bad], on=on_bad, by="supervisee", to=to_bad))  # fmt: skip
    team.expect(who, "surrey.cancellation.not_rearranged", "error", "rearranged_date", bad_file)
    previous = days[bad - 1]
    month_end = months_after(previous.replace(day=1), 2) - datetime.timedelta(days=1)
    council = "surrey" if to_bad <= month_end else "national"
    team.expect(who, f"{council}.session.overdue", "warning", "date", files[to_bad])


def undated_record(team: Team) -> None:
    """Portsmouth: an extra record of a session with no date on it."""
    who = team.person("portsmouth")
    start = start_in(team.rng)
    write_worker(team, Plan(who, start, series(plus(start, 28), 28), "Every 4 weeks"))
    file = team.write(who, f"{who.id}-undated-note", "general_record", general(who, None),
                      formats=("envelope", "bare"))  # fmt: skip
    team.expect(who, "audit.undated", "warning", "date", file)


def long_history(team: Team, pack: str = "portsmouth") -> tuple[Person, Plan]:
    """A worker supervised for 16 months (an agreement each year)."""
    who = team.person(pack)
    start = before_working(D(2025, 11, 3) + datetime.timedelta(days=team.rng.randrange(20)))
    days = series(plus(start, 28), 28) if pack != "sefton" else monthly(plus(start, 14))
    return who, Plan(who, start, days, "Every 4 weeks" if pack != "sefton" else "Monthly")


def unobserved(team: Team) -> None:
    """The team keeps observation records: one long-serving worker has none in a year."""
    who, plan = long_history(team)
    write_worker(team, plan)
    team.keeps.add("observations")
    team.unobserved = who.id
    team.expect(who, "portsmouth.observation.overdue", "warning", "observation")


def group_supervision(team: Team) -> None:
    """The team keeps group supervision records: a practice group with its agreement, monthly;
    one worker never comes; a second group meets with no group agreement."""
    absent = team.person("portsmouth")
    start = D(2026, 5, 4)
    write_worker(team, Plan(absent, start, series(plus(start, 28), 28), "Every 4 weeks"))
    team.keeps.add("groups")
    team.absent = absent.id
    # Whole quarters in the absent worker's time: July to September, October to December 2026.
    for _ in ("Q3 2026", "Q4 2026"):
        team.expect(absent, "portsmouth.group.not_attended", "warning", "group_session")
    team.expect(TEAM, "portsmouth.group.no_agreement", "error", "group", "groups/reflective-2026-10-14.json")


def untrained_supervisor(team: Team) -> None:
    """The team keeps training records for its Portsmouth supervisors: one has none."""
    who = team.person("portsmouth")
    start = start_in(team.rng)
    files = write_worker(team, Plan(who, start, series(plus(start, 28), 28), "Every 4 weeks"))
    team.expect(TEAM, "portsmouth.supervisor.not_trained", "error", "supervisor.name", files[min(files)])
    team.keeps.add("training")
    team.untrained = who.supervisor


def unaudited_case(team: Team) -> None:
    """The team keeps case-file audits: one long-open case has had none in a year."""
    who, plan = long_history(team)
    write_worker(team, plan)
    team.expect(who, "portsmouth.case.file_not_audited", "warning", "child.id", plan.cases[max(plan.cases)])
    team.keeps.add("case_audits")
    team.unaudited = who.id


def phone_sessions(team: Team) -> None:
    """Portsmouth: most sessions of the year by phone."""
    who = team.person("portsmouth")
    start = start_in(team.rng)
    write_worker(
        team,
        Plan(who, start, series(plus(start, 28), 28), "Every 4 weeks", modes=("phone", "phone", "in_person")),
    )
    team.expect(who, "portsmouth.session.not_face_to_face", "warning", "mode")


def no_pdr(team: Team) -> None:
    """Sefton or Portsmouth: a year with no record noting the PDR."""
    pack = team.rng.choice(["sefton", "portsmouth"])
    who, plan = long_history(team, pack)
    plan.pdr_every = 10_000
    write_worker(team, plan)
    team.expect(who, f"{pack}.pdr.not_linked", "warning", "pdr")


def blank_boxes(team: Team) -> None:
    """Portsmouth: a signed agreement with 'permissions' and 'other issues' left blank."""
    who = team.person("portsmouth")
    start = start_in(team.rng)
    plan = Plan(who, start, series(plus(start, 28), 28), "Every 4 weeks", skip_agreement=True)
    data = agreement(who, start, "Every 4 weeks", permissions=None, other_issues=None)
    file = team.write(who, f"{plan.folder}/agreement", "agreement", data)
    write_worker(team, plan)
    for path in ("permissions", "other_issues"):
        team.expect(who, "portsmouth.agreement.discussed", "warning", path, file)


def short_meeting_dates(team: Team) -> None:
    """Sefton: the table of meeting dates covers only the next 6 months."""
    who = team.person("sefton")
    start = start_in(team.rng)
    plan = Plan(who, start, monthly(plus(start, 20)), "Monthly", skip_agreement=True)
    data = agreement(who, start, "Monthly", dates=monthly(plus(start, 14), months_after(start, 6)))
    file = team.write(who, f"{plan.folder}/agreement", "agreement", data)
    write_worker(team, plan)
    team.expect(who, "sefton.agreement.meeting_dates_table", "warning", "meeting_dates", file)


def unrecorded_session(team: Team) -> None:
    """Portsmouth: a case record of a session that has no general record; another record with
    no agenda; a case record with no case summary."""
    who = team.person("portsmouth")
    start = start_in(team.rng)
    days = series(plus(start, 28), 28)
    lost, no_agenda = days[3], days[6]
    kept = [d for d in days if d != lost]

    def without_agenda(day: D, data: Json) -> Json:
        return {k: v for k, v in data.items() if k != "agenda"} if day == no_agenda else data

    plan = Plan(who, start, kept, "Every 4 weeks", record=without_agenda, case_every=1000)
    files = write_worker(team, plan)
    for number, day in enumerate(days):
        if number % 2 == 0 or day == lost:
            data = case(who, day, f"C{who.id}", summary=day != days[4])
            name = team.write(who, f"{plan.folder}/casework-{day}", "case_record", data)
            if day == lost:
                team.expect(who, "portsmouth.record.each_session", "warning", "date", name)
            if day == days[4]:
                team.expect(who, "portsmouth.case.summary", "warning", "case_summary", name)
    team.expect(who, "portsmouth.record.agenda", "warning", "agenda", files[no_agenda])


def surrey_child_record(team: Team) -> None:
    """Surrey: a case supervision form never saved to the child's record."""
    who = team.person("surrey")
    start = start_in(team.rng)
    days = series(plus(start, 28), 28)
    write_worker(team, Plan(who, start, days, "Every 4 weeks"))
    day = days[4]
    file = team.write(who, f"{who.id}-case-{day}", "case_record", case(who, day, "S-1", recorded_after=None),
                      formats=("envelope",))  # fmt: skip
    team.expect(who, "surrey.case.child_record", "warning", "recorded_on_child_file", file)


def unknown_pack(team: Team) -> None:
    """A council no pack is installed for: the national defaults, and nothing wrong by them."""
    who = team.person("atlantis")
    start = start_in(team.rng)
    write_worker(team, Plan(who, start, series(plus(start, 28), 28), "Every 4 weeks"))


def follows_the_schedule(team: Team) -> None:
    """A worker whose sessions are the dates `schedule` planned (bank holidays moved, phases
    kept): the audit finds nothing wrong with its own plan."""
    from supervision_forms.models import Agreement
    from supervision_forms.schedule import plan_sessions

    pack = team.rng.choice(["portsmouth", "surrey", "sefton"])
    nqsw = pack == "portsmouth" and team.rng.random() < 0.5
    who = team.person(pack, stage="nqsw" if nqsw else "qualified")
    text = {
        "portsmouth": PHASED if nqsw else team.rng.choice(["Every 4 weeks", "Every 3 weeks", "Fortnightly"]),
        "surrey": team.rng.choice(["Every 4 weeks", "Every 3 weeks", "Monthly"]),
        "sefton": "Monthly",
    }[pack]
    start = start_in(team.rng)
    data = agreement(who, start, text, stage=who.stage)
    planned = plan_sessions(Agreement.model_validate(data), council=pack, months=11)
    days = [d for d in planned.dates if d <= AS_OF]
    plan = Plan(who, start, days, text, skip_agreement=True, case_every=2)
    if pack == "sefton":
        data["meeting_dates"] = [
            d.isoformat() for d in plan_sessions(Agreement.model_validate(data), council=pack).dates
        ]
    team.write(who, f"{plan.folder}/agreement", "agreement", data)
    write_worker(team, plan)


def ambiguous_initial(team: Team) -> None:
    """Sam and Sarah Reid, one supervisor, one team; a record for 'S. Reid' could be either."""
    surname = team.surname()
    boss = f"{team.given()} {team.surname()}"
    sam = team.person("portsmouth", name=f"Sam {surname}", supervisor=boss, team="Family Support")
    sarah = team.person("portsmouth", name=f"Sarah {surname}", supervisor=boss, team="Family Support")
    start = start_in(team.rng)
    for who in (sam, sarah):
        write_worker(team, Plan(who, start, series(plus(start, 28), 28), "Every 4 weeks"))
    extra = before_working(plus(AS_OF, -10))
    data = general(sam, extra, name=f"S. {surname}")
    file = team.write(None, f"{surname.lower()}-s-{extra}", "general_record", data, pack="portsmouth",
                      formats=("envelope",))  # fmt: skip
    team.orphans.add(file)
    team.expect(TEAM, "identity.check", "warning", "supervisee.name", file)


SCENARIOS: tuple[Callable[[Team], None], ...] = (
    clean_portsmouth,
    late_session,
    same_name_two_teams,
    short_forms,
    mover,
    nqsw_phases,
    four_week_total,
    silent_agreement,
    sefton_working_days,
    surrey_rearranged,
    undated_record,
    unobserved,
    group_supervision,
    untrained_supervisor,
    unaudited_case,
    phone_sessions,
    no_pdr,
    blank_boxes,
    short_meeting_dates,
    unrecorded_session,
    surrey_child_record,
    unknown_pack,
    ambiguous_initial,
    follows_the_schedule,
)


def scenarios_for(seed: int, size: int = 7) -> list[Callable[[Team], None]]:
    """The scenarios a seed's team holds: a clean Portsmouth worker, and `size` more taken in
    turn from a fixed shuffle, so that consecutive seeds hold each scenario about equally."""
    order = random.Random("scenarios").sample(SCENARIOS, len(SCENARIOS))
    first = (seed * size) % len(order)
    chosen = [order[(first + n) % len(order)] for n in range(min(size, len(order)))]
    return [clean_portsmouth, *(s for s in chosen if s is not clean_portsmouth)]


def build_team(root: Path, seed: int, *, docx_share: float = 0.15, size: int = 7) -> Team:
    """One team folder, its documents and expected findings all drawn from the seed."""
    team = Team(root, random.Random(seed), docx_share)
    for scenario in scenarios_for(seed, size):
        scenario(team)
    _team_evidence(team)
    for settle in team.later:
        settle()
    return team


def _team_evidence(team: Team) -> None:
    """What the team keeps, for everyone but the planted exception: observations in the last
    year, monthly group sessions with their agreement, supervisors' training, case-file audits."""
    portsmouth = [p for p in team.people if p.pack == "portsmouth"]
    if "observations" in team.keeps:
        for who in portsmouth:
            if who.id == team.unobserved:
                continue
            observation = {
                "date": "2027-01-14",
                "supervisor": {"name": who.supervisor},
                "supervisee": who.supervisee(),
                "observer": {"name": "Practice Lead"},
                "working_well": "A clear agenda.",
                "could_improve": "More time to reflect.",
            }
            team.write(who, f"evidence/observation-{who.id}-{_first(who)}", "observation", observation,
                       formats=("envelope",))  # fmt: skip
    if "groups" in team.keeps:
        _groups(team, portsmouth)
    if "training" in team.keeps:
        for boss in sorted({p.supervisor for p in portsmouth if p.supervisor != team.untrained}):
            training = {
                "person": {"name": boss},
                "course": "Supervising practice",
                "completed_date": "2025-09-15",
            }
            name = f"training/{boss.lower().replace(' ', '-')}"
            team.write(None, name, "training", training, pack="portsmouth", formats=("envelope", "bare"))
    if "case_audits" in team.keeps:
        for who in portsmouth:
            if who.id == team.unaudited:
                continue
            audit = {
                "date": "2026-11-02",
                "supervisor": {"name": who.supervisor},
                "supervisee": who.supervisee(),
                "child": {"name": f"Child C{who.id}", "id": f"C{who.id}"},
                "tool": "Practice audit tool",
                "outcome": "Good",
            }
            team.write(
                who, f"evidence/audit-{who.id}-{_first(who)}", "case_file_audit", audit, formats=("envelope",)
            )


def _first(who: Person) -> str:
    """The supervisor's first name: one person's two postings keep apart."""
    return who.supervisor.split()[0].lower()


def _groups(team: Team, portsmouth: list[Person]) -> None:
    """A practice group's agreement and monthly sessions; a second group with no agreement."""
    facilitator = {"name": f"{team.given()} {team.surname()}"}
    group = "Practice development group"
    agreement_ = {
        "group": group,
        "facilitator": facilitator,
        "members": [{"name": w.name} for w in portsmouth],
        "agreement_date": "2025-11-20",
        "frequency": {"description": "Monthly"},
    }
    team.write(None, "groups/practice-agreement", "group_agreement", agreement_, pack="portsmouth",
               formats=("envelope",))  # fmt: skip
    attending = [{"name": w.name} for w in portsmouth if w.id != team.absent]
    for day in monthly(D(2025, 12, 10)):
        session = {
            "date": day.isoformat(),
            "group": group,
            "facilitator": facilitator,
            "attendees": attending,
            "duration_minutes": 90,
            "mode": "in_person",
        }
        team.write(None, f"groups/practice-{day}", "group_session", session, pack="portsmouth",
                   formats=("envelope",))  # fmt: skip
    other = {
        "date": "2026-10-14",
        "group": "Reflective case group",
        "facilitator": facilitator,
        "attendees": attending[:1],
        "mode": "in_person",
    }
    team.write(None, "groups/reflective-2026-10-14", "group_session", other, pack="portsmouth",
               formats=("envelope",))  # fmt: skip
