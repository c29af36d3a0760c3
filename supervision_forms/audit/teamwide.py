"""Findings about the team rather than one supervisee: supervisors' training, group
agreements, identity questions no one supervisee can hold, rules the folder's evidence could
not check, and councils judged by the national defaults only."""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..models import CaseRecord, GeneralRecord, GroupAgreement, GroupSession, Training
from ..standards.documents import NOTICE_RULE
from ..standards.findings import Finding
from ..standards.rules import RuleBook
from ..text import names
from .context import Evidence
from .identity import document_date
from .load import Document
from .team import Dated, Period


@dataclass(frozen=True)
class TeamNote:
    """A finding about the team, and whom or what it is about (a supervisor, a group, a
    council), when anyone."""

    subject: str | None
    finding: Finding

    def as_json(self) -> dict[str, Any]:
        return {"subject": self.subject, **self.finding.as_json()}


def supervisors_trained(
    periods: list[Period], books: Callable[[str], RuleBook], evidence: Evidence, team: list[Document]
) -> list[TeamNote]:
    """Each supervisor of the team's sessions, under a council that requires it, has a record
    of supervision training completed before their first session."""
    trainings = [d.model for d in team if isinstance(d.model, Training)]
    first: dict[str, tuple[datetime.date, str, str]] = {}  # folded name -> (day, file, name)
    for period in periods:
        rule = books(period.council).first("supervisor_trained")
        if rule is None or not evidence.judges(rule):
            continue
        records: list[Dated[GeneralRecord] | Dated[CaseRecord]] = [
            *period.worker.general_records,
            *period.worker.case_records,
        ]
        for record in records:
            who = record.model.supervisor.name
            if not who or record.date is None:
                continue
            known = next((k for k in first if names.may_be_same(first[k][2], who)), names.key(who))
            if known not in first or record.date < first[known][0]:
                first[known] = (record.date, record.file, who)
    notes = []
    for day, file, who in sorted(first.values()):
        council = next(p.council for p in periods if any(d.file == file for d in p.worker.documents))
        rule = books(council).first("supervisor_trained")
        assert rule is not None
        done = [
            t.completed_date
            for t in trainings
            if t.completed_date is not None and names.may_be_same(t.person.name, who)
        ]
        if any(when <= day for when in done):
            continue
        later = f"; training is recorded on {min(done).isoformat()}" if done else ""
        notes.append(
            TeamNote(
                who,
                Finding(
                    f"{rule.council}.supervisor.not_trained",
                    rule.level,
                    "supervisor.name",
                    f"no supervision training recorded before this supervisor's first session here, on "
                    f"{day.isoformat()}{later}",
                    rule.source,
                    file,
                    rule_ids=(rule.id,),
                ),
            )
        )
    return notes


def group_agreements(
    team: list[Document],
    council_of: Callable[[Document], str],
    books: Callable[[str], RuleBook],
    evidence: Evidence,
) -> list[TeamNote]:
    """Each group session has a group agreement for its group dated on or before it."""
    agreements = [d.model for d in team if isinstance(d.model, GroupAgreement)]
    notes = []
    for document in team:
        session = document.model
        if not isinstance(session, GroupSession) or session.date is None:
            continue
        rule = books(council_of(document)).first("group_agreement_required")
        if rule is None or not evidence.judges(rule):
            continue
        if any(_covers(agreement, session) for agreement in agreements):
            continue
        notes.append(
            TeamNote(
                session.group,
                Finding(
                    f"{rule.council}.group.no_agreement",
                    rule.level,
                    "group",
                    f"the group session on {session.date.isoformat()} has no group agreement dated on "
                    "or before it",
                    rule.source,
                    document.file,
                    rule_ids=(rule.id,),
                ),
            )
        )
    return notes


def _covers(agreement: GroupAgreement, session: GroupSession) -> bool:
    if agreement.agreement_date is None or session.date is None or agreement.agreement_date > session.date:
        return False
    if agreement.group and session.group:
        return names.key(agreement.group) == names.key(session.group)
    return names.may_be_same(agreement.facilitator.name, session.facilitator.name)


def council_of_team_document(document: Document, periods: list[Period], default: str | None) -> str:
    """A group session's council: its own pack, else the council most of its attendees were
    under that day, else the default."""
    if document.pack:
        return document.pack
    day = document_date(document.model)
    attendees = getattr(document.model, "attendees", [])
    found: Counter[str] = Counter()
    for period in periods:
        if day is not None and period.begins is not None and day < period.begins:
            continue
        if day is not None and period.ends is not None and day > period.ends:
            continue
        worker_names = {
            s.name for d in period.worker.documents if (s := getattr(d.model, "supervisee", None))
        }
        if any(names.may_be_same(a.name, n) for a in attendees for n in worker_names if n):
            found[period.council] += 1
    if found:
        return found.most_common(1)[0][0]
    return default or "national"


def unchecked(councils: list[str], books: Callable[[str], RuleBook], evidence: Evidence) -> list[TeamNote]:
    """One note for each rule of the folder's councils that its evidence could not check."""
    notes = []
    seen: set[str] = set()
    for council in councils:
        for rule in books(council).applicable():
            if rule.id in seen or evidence.judges(rule):
                continue
            seen.add(rule.id)
            notes.append(
                TeamNote(
                    rule.council,
                    Finding(
                        "audit.not_checked",
                        "info",
                        rule.id,
                        f"not checked: {rule.text[0].lower()}{rule.text[1:]} The folder holds "
                        f"{evidence.missing(rule)}.",
                        rule.source,
                        rule_ids=(rule.id,),
                    ),
                )
            )
    return notes


def notices(councils: list[str], books: Callable[[str], RuleBook]) -> list[TeamNote]:
    """Councils judged by the national defaults only, told so."""
    found = []
    for council in councils:
        book = books(council)
        if book.notice is not None:
            found.append(TeamNote(council, Finding(NOTICE_RULE, "info", "", book.notice, "national default")))
    return found


def undated_team_documents(team: list[Document]) -> list[TeamNote]:
    return [
        TeamNote(
            None,
            Finding(
                "audit.undated",
                "warning",
                _date_field(d),
                f"this {d.kind.replace('_', ' ')} has no date, so the audit could not place it in time",
                "audit: every document dated",
                d.file,
            ),
        )
        for d in team
        if document_date(d.model) is None
    ]


def _date_field(document: Document) -> str:
    if isinstance(document.model, GroupAgreement):
        return "agreement_date"
    if isinstance(document.model, Training):
        return "completed_date"
    return "date"
