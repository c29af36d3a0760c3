"""The team audit: a folder of agreements and records checked against each council's rules.

    >>> from supervision_forms.audit import audit_folder, render_html
    >>> report = audit_folder("team/", as_of=datetime.date(2026, 11, 24))
    >>> report.as_json()["workers"][0]["findings"]
    >>> Path("audit.html").write_text(render_html(report))

Files are grouped by supervisee (names compared without case or punctuation). A file that
cannot be read is listed in `report.unreadable`; it does not stop the audit.
"""

from __future__ import annotations

import datetime
import os
from pathlib import Path

from ..errors import UnsupportedFormat
from ..models.agreement import Agreement
from ..models.records import Cancellation
from ..packs import PackRegistry
from ..registry import installed_packs
from ..standards.rules import rulebook
from .checks import Context, worker_findings
from .html import render_html
from .load import Document, FileProblem, load_folder
from .report import AuditReport, WorkerReport
from .team import Worker, group_by_supervisee

__all__ = ["AuditReport", "FileProblem", "WorkerReport", "audit_folder", "audit_worker", "render_html"]


def audit_folder(
    folder: str | os.PathLike[str],
    *,
    as_of: datetime.date | None = None,
    pack: str | None = None,
    packs: PackRegistry | None = None,
    redact: bool = False,
) -> AuditReport:
    """Audit every agreement and record under `folder` as of a day (today by default).

    `pack` names the council whose rules apply to a worker none of whose documents says
    (bare JSON records); with `redact`, special-category values are blanked as each file is
    read, so none can reach the report.
    """
    root = Path(folder)
    if not root.is_dir():
        raise UnsupportedFormat(f"{root.name}: is not a folder")
    registry = packs or installed_packs()
    if pack is not None:
        registry.get(pack)  # an unknown name is an error, not a silent fallback
    day = as_of or datetime.date.today()
    documents, problems, copies = load_folder(root, packs=registry, redact=redact)
    workers, unnamed = group_by_supervisee(documents)
    reports = [audit_worker(w, as_of=day, default_pack=pack) for w in workers]
    return AuditReport(
        day,
        tuple(r for r in reports if r is not None),
        tuple(problems + unnamed),
        files_read=len(documents),
        redacted=redact,
        copies=tuple(copies),
    )


def audit_worker(
    worker: Worker, *, as_of: datetime.date, default_pack: str | None = None
) -> WorkerReport | None:
    """One worker's report from their documents up to `as_of`; None when they have none yet."""
    current = Worker(worker.key, tuple(d for d in worker.documents if not _after(d, as_of)))
    if not current.documents:
        return None
    council = current.pack(default_pack)
    context = Context(current, rulebook(council), as_of)
    findings, count = worker_findings(context)
    sessions = current.session_dates
    in_force = context.agreement_on(as_of)
    return WorkerReport(
        supervisee=current.name(),
        supervisor=current.supervisor(),
        pack=council,
        career_stage=in_force.supervisee.career_stage if in_force else None,
        last_session=sessions[-1] if sessions else None,
        next_due=count.next_due,
        on_time=count.on_time,
        late=count.late,
        overdue_now=count.overdue_now,
        documents=tuple(sorted(d.file for d in current.documents)),
        findings=tuple(findings),
    )


def _after(document: Document, day: datetime.date) -> bool:
    model = document.model
    if isinstance(model, Agreement):
        when = model.agreement_date
    elif isinstance(model, Cancellation):
        when = model.planned_date
    else:
        when = getattr(model, "date", None)
    return when is not None and when > day
