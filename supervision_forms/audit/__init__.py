"""The team audit: a folder of agreements and records checked against each council's rules.

    >>> from supervision_forms.audit import audit_folder, render_html
    >>> report = audit_folder("team/", as_of=datetime.date(2026, 11, 24))
    >>> report.as_json()["workers"][0]["findings"]
    >>> Path("audit.html").write_text(render_html(report))

Documents are sorted into people by employee ID and name (see `identity`); each period of a
person's history is judged by the rules of the council they were under then, and each document
by its own council's rules. A file that cannot be read is listed in `report.unreadable`; it
does not stop the audit.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable
from pathlib import Path

from ..errors import UnsupportedFormat
from ..packs import PackRegistry
from ..registry import installed_packs
from ..standards.calendar import quarter_of
from ..standards.frequency import stage_of, stage_on
from ..standards.rules import RuleBook, rulebook
from .checks import audit_periods
from .context import Evidence
from .html import render_html
from .identity import document_date, identify, is_person_document
from .load import Document, FileProblem, load_folder
from .report import AuditReport, WorkerReport
from .team import Period, Worker, person_key
from .teamwide import (
    TeamNote,
    council_of_team_document,
    group_agreements,
    notices,
    supervisors_trained,
    unchecked,
    undated_team_documents,
)
from .xlsx import render_xlsx

__all__ = [
    "AuditReport",
    "FileProblem",
    "WorkerReport",
    "audit_folder",
    "audit_worker",
    "render_html",
    "render_xlsx",
]


def audit_folder(
    folder: str | os.PathLike[str],
    *,
    as_of: datetime.date | None = None,
    pack: str | None = None,
    packs: PackRegistry | None = None,
    redact: bool = False,
    jobs: int | None = None,
) -> AuditReport:
    """Audit every agreement and record under `folder` as of a day (today by default).

    `pack` names the council whose rules apply to a worker none of whose documents says
    (bare JSON records); with `redact`, special-category values are blanked as each file is
    read, so none can reach the report. Files are read in `jobs` processes (default: as
    many as pay for themselves at the folder's size).
    """
    root = Path(folder)
    if not root.is_dir():
        raise UnsupportedFormat(f"{root.name}: is not a folder")
    registry = packs or installed_packs()
    if pack is not None:
        registry.get(pack)  # an unknown name is an error, not a silent fallback
    day = as_of or datetime.date.today()
    read, problems, copies = load_folder(root, packs=registry, redact=redact, jobs=jobs)
    documents = [d for d in read if not _after(d, day)]
    books = _books(registry)
    evidence = Evidence.of(documents)
    people = [d for d in documents if is_person_document(d)]
    team = tuple(d for d in documents if not is_person_document(d))
    identified = identify(people)
    workers = [
        Worker(
            person_key(p.seen[0].name) or p.seen[0].employee,
            tuple(s.document for s in p.seen),
            tuple(p.notes),
        )
        for p in identified.people
    ]
    reports, periods = [], []
    for worker in workers:
        report, worker_periods = _audit(worker, day, pack, books, evidence, team)
        reports.append(report)
        periods += worker_periods
    councils = sorted(
        {p.council for p in periods} | {council_of_team_document(d, periods, pack) for d in team}
    )
    notes = [
        *(TeamNote(None, question) for question in identified.questions),
        *supervisors_trained(periods, books, evidence, list(team)),
        *group_agreements(list(team), lambda d: council_of_team_document(d, periods, pack), books, evidence),
        *undated_team_documents(list(team)),
    ]
    return AuditReport(
        day,
        tuple(sorted(reports, key=lambda r: (r.supervisee.casefold(), r.documents))),
        tuple(problems + identified.problems),
        files_read=len(read),
        redacted=redact,
        team=tuple(notes),
        notes=(*notices(councils, books), *unchecked(councils, books, evidence)),
        quarter=quarter_of(day),
        copies=tuple(copies),
    )


def audit_worker(
    worker: Worker,
    *,
    as_of: datetime.date,
    default_pack: str | None = None,
    packs: PackRegistry | None = None,
) -> WorkerReport | None:
    """One worker's report from their documents up to `as_of`; None when they have none yet."""
    current = Worker(worker.key, tuple(d for d in worker.documents if not _after(d, as_of)), worker.notes)
    if not current.documents:
        return None
    evidence = Evidence.of(current.documents)
    report, _ = _audit(current, as_of, default_pack, _books(packs or installed_packs()), evidence, ())
    return report


def _audit(
    worker: Worker,
    day: datetime.date,
    default_pack: str | None,
    books: Callable[[str], RuleBook],
    evidence: Evidence,
    team: tuple[Document, ...],
) -> tuple[WorkerReport, list[Period]]:
    audited = audit_periods(
        worker, as_of=day, default_pack=default_pack, books=books, evidence=evidence, team=team
    )
    periods, count, ctx = audited.periods, audited.count, audited.current
    council = periods[-1].council
    in_force = ctx.agreement_on(day) if ctx else None
    given = in_force.supervisee.career_stage if in_force else None
    stage = stage_on(stage_of(in_force), day, ctx.asye_start) if ctx and given else None
    sessions = worker.session_dates
    quarter_begins = quarter_of(day)[0]
    late_here = any(quarter_begins <= late <= day for late in count.late_days)
    active = ctx is not None and (ctx.first_day() or day) <= day
    soon = books(council).settings.due_soon_days
    report = WorkerReport(
        supervisee=worker.name(),
        supervisor=worker.supervisor(),
        pack=council,
        career_stage=stage,
        last_session=sessions[-1] if sessions else None,
        next_due=count.next_due,
        on_time=count.on_time,
        late=count.late,
        overdue_now=count.overdue_now,
        documents=tuple(sorted(d.file for d in worker.documents)),
        findings=tuple(audited.findings),
        employee_id=worker.employee_id(),
        team=worker.team(),
        councils=tuple((p.council, p.begins) for p in periods),
        within_timescale=(not late_here and count.overdue_now is None) if active else None,
        due_soon=count.overdue_now is None
        and count.next_due is not None
        and (count.next_due - day).days <= soon,
    )
    return report, periods


def _books(registry: PackRegistry) -> Callable[[str], RuleBook]:
    """Each council's rule book, built once per audit."""
    cache: dict[str, RuleBook] = {}

    def book(council: str) -> RuleBook:
        if council not in cache:
            cache[council] = rulebook(council, registry)
        return cache[council]

    return book


def _after(document: Document, day: datetime.date) -> bool:
    when = document_date(document.model)
    return when is not None and when > day
