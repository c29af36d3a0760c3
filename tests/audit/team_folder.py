"""A small team's supervision folder, built by code: agreements and a year of records in mixed
formats (.docx ours and hand-filled, .pdf, bare .json, envelope .json), with planted problems.

Six supervisees under three councils. Tom Wheeler's paperwork is spotless; every other
supervisee has the problems listed in PLANTED, and nothing else. The audit runs as of AS_OF.
"""

from __future__ import annotations

import datetime
import json
import shutil
import tempfile
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from supervision_forms import render
from supervision_forms.errors import RenderWarning
from supervision_forms.models import TOPIC_LABELS
from supervision_forms.office import convert
from tests.docx_edit import W, edit_document_xml

AS_OF = datetime.date(2026, 10, 30)
ALL_TOPICS = list(TOPIC_LABELS)
Json = dict[str, Any]

# (supervisee, finding rule, field, document or None): every problem planted below.
PLANTED: set[tuple[str, str, str, str | None]] = {
    # Aisha Khan (Portsmouth): a late session, a short one (60 minutes in its 4 weeks, 003 §4:
    # 90 every 4 weeks), a slow child's file, two cases
    # left unreviewed, a quarter without research and policy, an unsigned case record, and
    # her agreement comes up for review in 4 days.
    ("Aisha Khan", "portsmouth.session.overdue", "date", "aisha-khan/general-2026-04-28.json"),
    (
        "Aisha Khan",
        "portsmouth.session.short_total",
        "duration_minutes",
        "aisha-khan/general-2026-06-23.docx",
    ),
    (
        "Aisha Khan",
        "portsmouth.case.child_file_late",
        "recorded_on_child_file",
        "aisha-khan/case-C-202-2026-02-24.docx",
    ),
    ("Aisha Khan", "portsmouth.case.review_overdue", "date", "aisha-khan/case-C-200-2026-05-26.docx"),
    (
        "Aisha Khan",
        "portsmouth.case.review_overdue",
        "next_review_date",
        "aisha-khan/case-C-201-2026-06-23.pdf",
    ),
    ("Aisha Khan", "portsmouth.topics.not_covered", "topics", None),
    (
        "Aisha Khan",
        "portsmouth.record.signatures",
        "signatures.supervisee.name",
        "aisha-khan/case-C-200-2026-09-15.docx",
    ),
    ("Aisha Khan", "portsmouth.agreement.review_due", "review_date", "aisha-khan/agreement.docx"),
    # Ben Carter (Portsmouth, newly qualified): weekly, then fortnightly, then nothing since 21 September.
    ("Ben Carter", "portsmouth.session.overdue", "date", None),
    # Daniel Price (Surrey): a cancellation rearranged after 18 days, so that session was late,
    # and a new supervisor from August with no new agreement.
    (
        "Daniel Price",
        "surrey.cancellation.not_rearranged",
        "rearranged_date",
        "surrey-cancelled-2026-07-13.docx",
    ),
    ("Daniel Price", "surrey.session.overdue", "date", "surrey-daniel-2026-07-28.json"),
    ("Daniel Price", "surrey.agreement.new_supervisor", "supervisor.name", "surrey-daniel-2026-08-25.json"),
    # Aisha Rahman (Sefton): agreement review overdue, one record shared late, one signature undated.
    ("Aisha Rahman", "sefton.agreement.review_overdue", "review_date", "sefton/rahman-agreement.docx"),
    ("Aisha Rahman", "sefton.record.shared_late", "shared_date", "sefton/rahman-2026-06-15.json"),
    (
        "Aisha Rahman",
        "sefton.record.signatures",
        "signatures.supervisee.date",
        "sefton/rahman-2026-08-17.json",
    ),
    # Nadia Hussain (Sefton): a year of good records but no agreement at all.
    ("Nadia Hussain", "sefton.agreement.missing", "agreement", None),
}
UNREADABLE = {"broken.docx", "mystery.json", "notes.txt"}  # every file is accounted for


@dataclass
class TeamFolder:
    """Writes documents into a folder; PDFs are converted together at the end."""

    root: Path
    _to_pdf: list[tuple[Path, str]] = field(default_factory=list)
    _staging: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="sf-team-")))

    def docx(self, name: str, data: Json, pack: str, kind: str) -> None:
        self._path(name).write_bytes(_render(data, pack, kind))

    def hand_filled(self, name: str, data: Json, pack: str, kind: str) -> None:
        """Our layout with every bookmark gone: read by its printed labels, like a form a
        person filled in from a blank copy."""
        self._path(name).write_bytes(edit_document_xml(_render(data, pack, kind), _unmark))

    def pdf(self, name: str, data: Json, pack: str, kind: str) -> None:
        staged = self._staging / f"{Path(name).stem}.docx"
        staged.write_bytes(_render(data, pack, kind))
        self._to_pdf.append((staged, name))

    def bare_json(self, name: str, data: Json) -> None:
        self._path(name).write_text(json.dumps(data, indent=2), encoding="utf-8")

    def envelope(self, name: str, data: Json, pack: str, kind: str) -> None:
        self.bare_json(name, {"pack": pack, "document": kind, "data": data})

    def finish(self) -> None:
        """One LibreOffice call for every PDF; then the staging folder goes."""
        try:
            if self._to_pdf:
                pdfs = convert([staged for staged, _ in self._to_pdf], "pdf", self._staging)
                for pdf, (_, name) in zip(pdfs, self._to_pdf, strict=True):
                    self._path(name).write_bytes(pdf.read_bytes())
        finally:
            shutil.rmtree(self._staging, ignore_errors=True)

    def _path(self, name: str) -> Path:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        return path


def _render(data: Json, pack: str, kind: str) -> bytes:
    """Our layout; a frequency unlike the form's printed one goes to the annex, as meant."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RenderWarning)
        return render(data, pack=pack, document=kind)


def _unmark(root: etree._Element) -> None:
    for mark in [*root.iter(f"{W}bookmarkStart"), *root.iter(f"{W}bookmarkEnd")]:
        parent = mark.getparent()
        assert parent is not None
        parent.remove(mark)


# ---------------------------------------------------------------- documents


def _day(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


def _plus(text: str, days: int) -> str:
    return (_day(text) + datetime.timedelta(days=days)).isoformat()


def signed(supervisor: str, supervisee: str | None, day: str, supervisee_date: str | None = "same") -> Json:
    return {
        "supervisor": {"name": supervisor, "date": day},
        "supervisee": {"name": supervisee, "date": day if supervisee_date == "same" else supervisee_date},
    }


def agreement(
    supervisee: str, supervisor: str, stage: str, day: str, review: str, frequency: str, minutes: int = 90
) -> Json:
    return {
        "supervisor": {"name": supervisor, "role": "Team Manager"},
        "supervisee": {"name": supervisee, "role": "Social Worker", "career_stage": stage},
        "agreement_date": day,
        "review_date": review,
        "frequency": {"description": frequency},
        "duration_minutes": minutes,
        "recording": {"share_within_working_days": 5},
        "signatures": signed(supervisor, supervisee, day),
    }


def general(
    supervisee: str,
    supervisor: str,
    day: str,
    *,
    minutes: int = 90,
    topics: Iterable[str] = ALL_TOPICS,
    shared_after: int = 1,
    supervisee_date: str | None = "same",
) -> Json:
    shared = _plus(day, shared_after)
    return {
        "date": day,
        "supervisor": {"name": supervisor},
        "supervisee": {"name": supervisee},
        "duration_minutes": minutes,
        "agenda": "Caseload, wellbeing, development",
        "topics": list(topics),
        "workload": "Manageable this month.",
        "shared_date": shared,
        "signatures": signed(supervisor, supervisee, shared, supervisee_date and shared),
    }


def case(
    supervisee: str,
    supervisor: str,
    day: str,
    child: str,
    *,
    next_review: str | None,
    recorded_after: int = 0,
    supervisee_signs: bool = True,
) -> Json:
    return {
        "date": day,
        "supervisor": {"name": supervisor},
        "supervisee": {"name": supervisee},
        "child": {"name": f"Child {child}", "id": child},
        "legal_status": "child_in_need",
        "case_summary": "Plan reviewed; progress steady.",
        "decisions": [
            {"action": "Visit the family", "owner": supervisee, "due": _plus(day, 7), "reason": "Plan."}
        ],
        "next_review_date": next_review,
        "recorded_on_child_file": _plus(day, recorded_after),
        "signatures": signed(supervisor, supervisee if supervisee_signs else None, day),
    }


def cancellation(supervisee: str, supervisor: str, planned: str, *, on: str, by: str, to: str) -> Json:
    return {
        "planned_date": planned,
        "supervisor": {"name": supervisor},
        "supervisee": {"name": supervisee},
        "cancelled_date": on,
        "cancelled_by": by,
        "reason": "Unavoidable clash.",
        "rearranged_date": to,
    }


def every(first: str, days: int, count: int) -> list[str]:
    return [_plus(first, days * index) for index in range(count)]


# ---------------------------------------------------------------- the team


def build_team(root: Path) -> Path:
    """Write the whole team's folder under `root` and return it."""
    team = TeamFolder(root)
    _tom_wheeler(team)
    _aisha_khan(team)
    _ben_carter(team)
    _daniel_price(team)
    _aisha_rahman(team)
    _nadia_hussain(team)
    (root / "broken.docx").write_bytes(b"this was never a Word document")
    (root / "mystery.json").write_text('{"hello": "world"}', encoding="utf-8")
    (root / "notes.txt").write_text("Not a form; the audit lists it as not used.", encoding="utf-8")
    team.finish()
    return root


def _tom_wheeler(team: TeamFolder) -> None:
    """Portsmouth, qualified, every 4 weeks on Tuesdays: nothing wrong at all."""
    who, boss = "Tom Wheeler", "Priya Nair"
    team.hand_filled(
        "tom/agreement.docx",
        agreement(who, boss, "qualified", "2025-12-09", "2026-12-08", "Every 4 weeks"),
        "portsmouth",
        "agreement",
    )
    for index, day in enumerate(every("2026-01-06", 28, 11)):
        record = general(who, boss, day)
        if index % 3 == 0:
            team.docx(f"tom/general-{day}.docx", record, "portsmouth", "general_record")
        elif index % 3 == 1:
            team.hand_filled(f"tom/general-{day}.docx", record, "portsmouth", "general_record")
        else:
            team.bare_json(f"tom/general-{day}.json", record)
    for index, day in enumerate(every("2026-01-06", 56, 6)):
        record = case(who, boss, day, "1048213", next_review=_plus(day, 56), recorded_after=index % 2)
        writer = team.pdf if index == 2 else team.docx
        writer(f"tom/case-{day}.{'pdf' if index == 2 else 'docx'}", record, "portsmouth", "case_record")


def _aisha_khan(team: TeamFolder) -> None:
    """Portsmouth, qualified, every 4 weeks on Tuesdays, with the problems in PLANTED."""
    who, boss = "Aisha Khan", "Priya Nair"
    team.docx(
        "aisha-khan/agreement.docx",
        agreement(who, boss, "qualified", "2025-11-04", "2026-11-03", "Every 4 weeks"),
        "portsmouth",
        "agreement",
    )
    days = [*every("2025-12-02", 28, 5), *every("2026-04-28", 28, 7)]  # 24 March, then 28 April: a week late
    for day in days:
        minutes = 60 if day == "2026-06-23" else 90
        topics = (
            [t for t in ALL_TOPICS if t != "research_policy"]
            if "2026-04" <= day <= "2026-06-30"
            else ALL_TOPICS
        )
        record = general(who, boss, day, minutes=minutes, topics=topics)
        if day in ("2026-06-23", "2026-01-27"):
            team.docx(f"aisha-khan/general-{day}.docx", record, "portsmouth", "general_record")
        else:
            team.bare_json(f"aisha-khan/general-{day}.json", record)
    # C-200 is reviewed in December and January, then not until May; last on 15 September.
    for day in ("2025-12-02", "2026-01-27", "2026-05-26", "2026-07-21", "2026-09-15"):
        record = case(
            who, boss, day, "C-200", next_review=_plus(day, 56), supervisee_signs=day != "2026-09-15"
        )
        team.docx(f"aisha-khan/case-C-200-{day}.docx", record, "portsmouth", "case_record")
    # C-201 was reviewed once in June, its next review planned for August, and then forgotten.
    team.pdf(
        "aisha-khan/case-C-201-2026-06-23.pdf",
        case(who, boss, "2026-06-23", "C-201", next_review="2026-08-18"),
        "portsmouth",
        "case_record",
    )
    # C-202 closed after one review, but the decisions took 3 days to reach the child's file.
    team.docx(
        "aisha-khan/case-C-202-2026-02-24.docx",
        case(who, boss, "2026-02-24", "C-202", next_review=None, recorded_after=3),
        "portsmouth",
        "case_record",
    )


def _ben_carter(team: TeamFolder) -> None:
    """Portsmouth, newly qualified since June: weekly for 6 weeks, fortnightly, then a gap."""
    who, boss = "Ben Carter", "Lucy Grant"
    team.pdf(
        "ben-carter-agreement.pdf",
        agreement(
            who, boss, "nqsw", "2026-06-01", "2027-05-31", "Weekly for the first 6 weeks, then fortnightly"
        ),
        "portsmouth",
        "agreement",
    )
    for day in [*every("2026-06-08", 7, 6), *every("2026-07-27", 14, 5)]:
        team.bare_json(f"ben-carter-{day}.json", general(who, boss, day))


def _daniel_price(team: TeamFolder) -> None:
    """Surrey, senior, every 4 weeks on Mondays; a cancellation rearranged too late, then a
    new supervisor from August with no new agreement."""
    who, boss, new_boss = "Daniel Price", "Grace Okafor", "Mark Ellison"
    team.docx(
        "surrey-daniel-agreement.docx",
        agreement(who, boss, "senior", "2025-12-01", "2026-11-30", "Every 4 weeks"),
        "surrey",
        "agreement",
    )
    held = [*every("2025-12-29", 28, 3), "2026-03-25", *every("2026-04-20", 28, 3), "2026-07-28"]
    for day in held:
        team.envelope(f"surrey-daniel-{day}.json", general(who, boss, day), "surrey", "general_record")
    for day in every("2026-08-25", 28, 3):
        team.envelope(f"surrey-daniel-{day}.json", general(who, new_boss, day), "surrey", "general_record")
    # The supervisor cancelled 23 March and it was rearranged two days later: fine.
    cancelled = cancellation(who, boss, "2026-03-23", on="2026-03-20", by="supervisor", to="2026-03-25")
    team.docx("surrey-cancelled-2026-03-23.docx", cancelled, "surrey", "cancellation")
    # Daniel cancelled 13 July on the 10th; it was rearranged to the 28th: 18 days.
    cancelled = cancellation(who, boss, "2026-07-13", on="2026-07-10", by="supervisee", to="2026-07-28")
    team.docx("surrey-cancelled-2026-07-13.docx", cancelled, "surrey", "cancellation")


def _aisha_rahman(team: TeamFolder) -> None:
    """Sefton, monthly: a session in every calendar month, records shared within 5 working days
    (30 March's on 8 April, across Easter, is in time), except as PLANTED."""
    who, boss = "Aisha Rahman", "Joanne Birch"
    team.docx(
        "sefton/rahman-agreement.docx",
        agreement(who, boss, "qualified", "2025-10-20", "2026-10-19", "Monthly"),
        "sefton",
        "agreement",
    )
    days = [
        "2025-11-17",
        "2025-12-15",
        "2026-01-19",
        "2026-02-16",
        "2026-03-30",
        "2026-04-20",
        "2026-05-18",
        "2026-06-15",
        "2026-07-20",
        "2026-08-17",
        "2026-09-21",
        "2026-10-19",
    ]
    shared_after = {"2026-03-30": 9, "2026-06-15": 8}  # 5 working days (Easter); 6 working days
    for day in days:
        record = general(
            who,
            boss,
            day,
            shared_after=shared_after.get(day, 2),
            supervisee_date=None if day == "2026-08-17" else "same",
        )
        team.bare_json(f"sefton/rahman-{day}.json", record)


def _nadia_hussain(team: TeamFolder) -> None:
    """Sefton, monthly, records in order, but no agreement anywhere in the folder."""
    who, boss = "Nadia Hussain", "Joanne Birch"
    for day in every("2025-11-10", 28, 13):
        team.envelope(f"sefton/hussain-{day}.json", general(who, boss, day), "sefton", "general_record")
