"""Small team folders written as JSON envelopes, for tests that name every document."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

from supervision_forms.audit import AuditReport, audit_folder
from tests.audit.planted import AS_OF, TEAM, Person

Json = dict[str, Any]
Found = set[tuple[str, str, str, str, str | None]]


def write(folder: Path, name: str, kind: str, data: Json, pack: str | None = "portsmouth") -> str:
    """One envelope (or a bare model when `pack` is None); returns its file name."""
    file = f"{name}.json"
    path = folder / file
    path.parent.mkdir(parents=True, exist_ok=True)
    body = data if pack is None else {"pack": pack, "document": kind, "data": data}
    path.write_text(json.dumps(body), encoding="utf-8")
    return file


def findings(report: AuditReport) -> Found:
    """(worker's first document, rule, level, field, document) for every finding, with the
    team's findings under '(team)'."""
    found: Found = set()
    for worker in report.workers:
        for f in worker.findings:
            found.add((worker.documents[0], f.rule, f.level, f.field, f.document))
    for note in report.team:
        f = note.finding
        found.add((TEAM, f.rule, f.level, f.field, f.document))
    return found


def audit(folder: Path, as_of: datetime.date = AS_OF, pack: str | None = None) -> AuditReport:
    return audit_folder(folder, as_of=as_of, pack=pack)


def person(name: str, supervisor: str, pack: str = "portsmouth", **more: Any) -> Person:
    return Person(name.split()[0].lower(), name, supervisor, pack, **more)
