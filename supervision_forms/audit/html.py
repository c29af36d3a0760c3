"""The audit as one self-contained HTML page for a team manager: inline CSS and SVG, no scripts.

Every value from the documents is escaped; nothing is fetched from elsewhere.
"""

from __future__ import annotations

import datetime
from html import escape

from ..standards.findings import Finding
from ..text.dates import format_date
from .report import AuditReport, WorkerReport

SOURCES = (
    ("000", "Portsmouth Children and Families Services, Supervision Agreement"),
    ("001", "Surrey County Council, Supervision Agreement"),
    ("002", "Sefton Council Children's Services, Supervision Agreement (Appendix 1)"),
    ("003", "Portsmouth procedures 7.1, Staff Supervision"),
    ("004", "Integrated Supervision Standards, City of Portsmouth (the 15 standards)"),
    (
        "LGA employer standard 5",
        "Local Government Association, Standards for employers of social workers: "
        "the national default for how often and how long, where a council's documents are silent",
    ),
    (
        "national default",
        "Good practice applied where a council's documents are silent; not a written clause",
    ),
)
COLOURS = {"on_time": "#2e7d32", "late": "#c62828", "track": "#eceff1"}

CSS = """
:root { --ink: #1c2430; --muted: #5b6675; --line: #d9dee5; --error: #b3261e; --warning: #9a6700;
  --info: #1f5fa8; --ok: #2e7d32; --bg: #f6f7f9; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  color: var(--ink); background: var(--bg); }
main { max-width: 1100px; margin: 0 auto; padding: 28px 24px 48px; }
header h1 { margin: 0 0 4px; font-size: 26px; }
header p { margin: 0; color: var(--muted); }
h2 { font-size: 19px; margin: 32px 0 10px; }
h3 { font-size: 16px; margin: 0; }
.tiles { display: grid; grid-template-columns: repeat(4, 1fr); gap: 12px; margin: 20px 0 8px; }
.tile { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; }
.tile b { display: block; font-size: 28px; line-height: 1.1; }
.tile span { color: var(--muted); font-size: 13px; }
.tile.bad b { color: var(--error); } .tile.good b { color: var(--ok); }
.tile.warn b { color: var(--warning); }
.card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 16px 18px; }
table { width: 100%; border-collapse: collapse; font-size: 14px; }
th, td { text-align: left; padding: 7px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600;
  color: #fff; white-space: nowrap; }
.badge.error { background: var(--error); } .badge.warning { background: var(--warning); }
.badge.info { background: var(--info); } .badge.ok { background: var(--ok); }
.worker { margin-top: 16px; }
.worker .meta { color: var(--muted); font-size: 13px; margin: 2px 0 10px; }
.source { white-space: nowrap; font-size: 13px; }
.where { color: var(--muted); font-size: 12px; }
.rule { color: var(--muted); font-size: 12px; font-family: ui-monospace, Menlo, Consolas, monospace; }
.none { color: var(--ok); margin: 4px 0; }
.legend span { display: inline-block; margin-right: 16px; font-size: 13px; color: var(--muted); }
.legend i { display: inline-block; width: 11px; height: 11px; border-radius: 2px; margin-right: 5px;
  vertical-align: -1px; }
tr.overdue td:first-child { box-shadow: inset 4px 0 0 var(--error); }
tr.soon td:first-child { box-shadow: inset 4px 0 0 var(--warning); }
tr.ok td:first-child { box-shadow: inset 4px 0 0 var(--ok); }
.status { font-size: 13px; white-space: nowrap; }
.yes { color: var(--ok); font-weight: 600; } .no { color: var(--error); font-weight: 600; }
.muted { color: var(--muted); }
details summary { cursor: pointer; color: var(--muted); margin: 8px 0; }
.question { border-left: 4px solid var(--warning); padding-left: 10px; margin: 8px 0; }
footer { margin-top: 36px; color: var(--muted); font-size: 13px; }
footer dt { font-weight: 600; color: var(--ink); float: left; clear: left; width: 190px; }
footer dd { margin: 0 0 4px 200px; }
@media print { body { background: #fff; } .card, .tile { break-inside: avoid; } }
@media (max-width: 760px) { .tiles { grid-template-columns: repeat(2, 1fr); } }
"""


def render_html(report: AuditReport, *, title: str = "Supervision audit") -> str:
    """The report as one HTML page."""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en-GB"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)} – {escape(format_date(report.as_of))}</title>",
        f"<style>{CSS}</style></head><body><main>",
        _header(report, title),
        _tiles(report),
        f'<h2>The team this quarter{_quarter(report)}</h2><div class="card">',
        _team_table(report),
        "</div>",
        _identity(report),
        _team_findings(report),
        '<h2>Sessions on time and overdue</h2><div class="card">',
        _chart(report.workers),
        "</div>",
        "<h2>Findings by supervisee</h2>",
        *(_worker(index, worker, report.workers) for index, worker in enumerate(report.workers)),
        _unreadable(report),
        _notes(report),
        _footer(),
        "</main></body></html>",
    ]
    return "\n".join(parts)


def _header(report: AuditReport, title: str) -> str:
    read = f"{report.files_read} document{'s' if report.files_read != 1 else ''} read"
    unreadable = f", {len(report.unreadable)} not used" if report.unreadable else ""
    redaction = " Special-category values were redacted." if report.redacted else ""
    return (
        f"<header><h1>{escape(title)}</h1>"
        f"<p>As of {escape(format_date(report.as_of))} · {len(report.workers)} supervisees · "
        f"{read}{unreadable}.{redaction}</p></header>"
    )


def _tiles(report: AuditReport) -> str:
    """The team view in four numbers: supervised within timescale this quarter, due in the
    next two weeks, overdue now, and identity questions; then errors and warnings."""
    numbers = report.summary()
    percent = numbers["within_timescale_percent"]
    judged = sum(w.within_timescale is not None for w in report.workers)
    findings = report.findings
    errors = sum(f.level == "error" for f in findings)
    warnings = sum(f.level == "warning" for f in findings)
    tiles = [
        (
            "good" if percent == 100 else "bad" if percent is not None and percent < 75 else "warn",
            "—" if percent is None else f"{percent}%",
            f"supervised within timescale this quarter ({numbers['within_timescale']} of {judged})",
        ),
        ("warn" if numbers["due_soon"] else "good", numbers["due_soon"], "due in the next two weeks"),
        ("bad" if numbers["overdue_now"] else "good", numbers["overdue_now"], "overdue for supervision now"),
        (
            "warn" if numbers["identity_questions"] else "good",
            numbers["identity_questions"],
            "identity questions to check",
        ),
        ("", len(report.workers), "supervisees"),
        ("bad" if errors else "good", errors, "errors against the rules"),
        ("warn" if warnings else "good", warnings, "warnings"),
        ("", report.files_read, "documents read"),
    ]
    cells = "".join(
        f'<div class="tile {kind}"><b>{escape(str(value))}</b><span>{escape(label)}</span></div>'
        for kind, value, label in tiles
    )
    return f'<section class="tiles" aria-label="Summary">{cells}</section>'


def _quarter(report: AuditReport) -> str:
    if report.quarter is None:
        return ""
    begins, ends = report.quarter
    return f" ({escape(format_date(begins))} to {escape(format_date(ends))})"


def _chart(workers: tuple[WorkerReport, ...]) -> str:
    """Horizontal stacked bars: sessions held on time, and overdue (held late, or missed now)."""
    if not workers:
        return "<p>No supervisees found.</p>"
    label_width, bar_width, row, top = 240, 560, 30, 8
    most = max((w.on_time + _overdue(w) for w in workers), default=1) or 1
    height = top + row * len(workers) + 8
    rows = []
    for index, worker in enumerate(workers):
        y = top + index * row
        on_time = bar_width * worker.on_time / most
        overdue = bar_width * _overdue(worker) / most
        tally = f"{worker.on_time} on time · {_overdue(worker)} overdue"
        rows.append(
            f'<text x="{label_width - 10}" y="{y + 15}" text-anchor="end" font-size="13" '
            f'fill="#1c2430">{escape(_short(label(worker, workers)))}</text>'
            f'<rect x="{label_width}" y="{y + 3}" width="{bar_width}" height="18" rx="3" '
            f'fill="{COLOURS["track"]}"/>'
            f'<rect x="{label_width}" y="{y + 3}" width="{on_time:.1f}" height="18" rx="3" '
            f'fill="{COLOURS["on_time"]}"><title>{escape(tally)}</title></rect>'
            f'<rect x="{label_width + on_time:.1f}" y="{y + 3}" width="{overdue:.1f}" height="18" '
            f'fill="{COLOURS["late"]}"><title>{escape(tally)}</title></rect>'
            f'<text x="{label_width + bar_width + 10}" y="{y + 16}" font-size="12" '
            f'fill="#5b6675">{escape(tally)}</text>'
        )
    width = label_width + bar_width + 170
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width} {height}" '
        f'width="100%" aria-label="Sessions on time and overdue per supervisee">{"".join(rows)}</svg>'
    )
    legend = (
        '<p class="legend">'
        f'<span><i style="background:{COLOURS["on_time"]}"></i>sessions held on time</span>'
        f'<span><i style="background:{COLOURS["late"]}"></i>overdue: sessions held late, '
        "and the next session when it is already overdue</span></p>"
    )
    return svg + legend


def _overdue(worker: WorkerReport) -> int:
    return worker.late + (worker.overdue_now is not None)


def _short(name: str, limit: int = 26) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"


def _team_table(report: AuditReport) -> str:
    """One row per supervisee, those overdue first, then those due soon."""
    head = (
        "<tr><th>Supervisee</th><th>Team</th><th>Supervisor</th><th>Rules</th><th>Last session</th>"
        "<th>Next due</th><th>Within timescale this quarter</th><th>Errors</th><th>Warnings</th></tr>"
    )
    order = sorted(
        enumerate(report.workers),
        key=lambda item: (item[1].overdue_now is None, not item[1].due_soon, item[1].supervisee.casefold()),
    )
    rows = []
    for index, worker in order:
        due = _date(worker.next_due)
        if worker.overdue_now is not None:
            kind, due = "overdue", f'{due} <span class="badge error">{worker.overdue_now} days overdue</span>'
        elif worker.due_soon:
            kind, due = "soon", f'{due} <span class="badge warning">due soon</span>'
        else:
            kind = "ok"
        within = (
            '<span class="muted">—</span>'
            if worker.within_timescale is None
            else '<span class="yes">yes</span>'
            if worker.within_timescale
            else '<span class="no">no</span>'
        )
        asked = ' <span class="badge warning">identity?</span>' if worker.identity_questions else ""
        rows.append(
            f'<tr class="{kind}"><td><a href="#worker-{index}">{escape(label(worker, report.workers))}</a>'
            f"{asked}</td>"
            f"<td>{escape(worker.team or '—')}</td><td>{escape(worker.supervisor or '—')}</td>"
            f"<td>{_councils(worker)}</td><td>{_date(worker.last_session)}</td>"
            f'<td class="status">{due}</td><td>{within}</td>'
            f'<td class="num">{worker.errors}</td><td class="num">{worker.warnings}</td></tr>'
        )
    return f"<table>{head}{''.join(rows)}</table>"


def _councils(worker: WorkerReport) -> str:
    """'sefton → portsmouth (from 1 Jun 2026)' for a worker who moved."""
    if len(worker.councils) <= 1:
        return escape(worker.pack)
    steps = [escape(pack) for pack, _ in worker.councils]
    since = worker.councils[-1][1]
    return " → ".join(steps) + (f' <span class="muted">(from {_date(since)})</span>' if since else "")


def _identity(report: AuditReport) -> str:
    """Every 'check identity' question, with the documents it names."""
    questions = [(label(w, report.workers), f) for w in report.workers for f in w.identity_questions]
    questions += [
        (n.subject or "the team", n.finding) for n in report.team if n.finding.rule == "identity.check"
    ]
    if not questions:
        return ""
    items = "".join(
        f'<p class="question"><b>{escape(who)}</b>: {escape(f.message)}</p>' for who, f in questions
    )
    return f'<h2>Identity questions</h2><div class="card">{items}</div>'


def _team_findings(report: AuditReport) -> str:
    """Findings about the team: supervisors' training, group agreements, undated documents."""
    found = [n for n in report.team if n.finding.rule != "identity.check"]
    if not found:
        return ""
    rows = "".join(_finding(n.finding, n.subject) for n in found)
    return (
        '<h2>The team</h2><div class="card"><table><tr><th>Level</th><th>Finding</th><th>Source</th></tr>'
        f"{rows}</table></div>"
    )


def _notes(report: AuditReport) -> str:
    """What the audit could not check with this folder, folded away."""
    if not report.notes:
        return ""
    items = "".join(
        f"<li>{escape(n.finding.message)} ({escape(n.finding.source)})</li>" for n in report.notes
    )
    return (
        f"<h2>Not checked</h2><details><summary>{len(report.notes)} rules could not be checked with "
        f"what this folder holds</summary><ul>{items}</ul></details>"
    )


def label(worker: WorkerReport, workers: tuple[WorkerReport, ...]) -> str:
    """The supervisee's name, with their employee ID or team when another has the same name."""
    twins = [
        w for w in workers if w is not worker and w.supervisee.casefold() == worker.supervisee.casefold()
    ]
    if not twins:
        return worker.supervisee
    told = worker.employee_id or worker.team or worker.supervisor or worker.documents[0]
    return f"{worker.supervisee} ({told})"


def _worker(index: int, worker: WorkerReport, workers: tuple[WorkerReport, ...]) -> str:
    meta = (
        f"Supervisor: {escape(worker.supervisor or 'not known')} · rules: {_councils(worker)} · "
        f"career stage: {escape(worker.career_stage or 'not known (rules for qualified staff applied)')} · "
        f"last session: {_date(worker.last_session)} · "
        f"next due: {_date(worker.next_due)} · {len(worker.documents)} documents"
    )
    if worker.findings:
        body = (
            "<table><tr><th>Level</th><th>Finding</th><th>Source</th></tr>"
            + "".join(_finding(f) for f in worker.findings)
            + "</table>"
        )
    else:
        body = (
            '<p class="none">No findings: supervision is up to date and every record keeps to the rules.</p>'
        )
    return (
        f'<section class="card worker" id="worker-{index}"><h3>{escape(label(worker, workers))}</h3>'
        f'<p class="meta">{meta}</p>{body}</section>'
    )


def _finding(finding: Finding, subject: str | None = None) -> str:
    where = escape(finding.field)
    if subject:
        where = f"{escape(subject)} · {where}"
    if finding.document:
        where += f" in {escape(finding.document)}"
    return (
        f'<tr><td><span class="badge {escape(finding.level)}">{escape(finding.level)}</span></td>'
        f'<td>{escape(finding.message)}<div class="where">{where} · '
        f'<span class="rule"{_written(finding)}>{escape(finding.rule)}</span></div></td>'
        f'<td class="source">{escape(finding.source)}</td></tr>'
    )


def _written(finding: Finding) -> str:
    """A tooltip naming the written rules behind a finding, as `supervision-forms rules` lists them."""
    if not finding.rule_ids:
        return ""
    return f' title="{escape("rule: " + ", ".join(finding.rule_ids))}"'


def _unreadable(report: AuditReport) -> str:
    if not report.unreadable and not report.copies:
        return ""
    rows = "".join(
        f"<tr><td>{escape(p.file)}</td><td>{escape(p.problem)}</td></tr>"
        for p in (*report.unreadable, *report.copies)
    )
    return (
        '<h2>Files not used</h2><div class="card"><table><tr><th>File</th><th>Why</th></tr>'
        f"{rows}</table></div>"
    )


def _footer() -> str:
    items = "".join(f"<dt>{escape(code)}</dt><dd>{escape(name)}</dd>" for code, name in SOURCES)
    return (
        f"<footer><p>Sources cited in the findings:</p><dl>{items}</dl>"
        "<p>Made by supervision-forms. Each part of a supervisee's history is judged by the rules of "
        "the council they were under then. A month interval means a session in each calendar month "
        "unless a council's settings say otherwise; working days skip weekends and England and Wales "
        "bank holidays.</p>"
        "</footer>"
    )


def _date(day: datetime.date | None) -> str:
    return escape(format_date(day)) if day else "—"
