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
.tiles { display: grid; grid-template-columns: repeat(5, 1fr); gap: 12px; margin: 20px 0 8px; }
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
        '<h2>Sessions on time and overdue</h2><div class="card">',
        _chart(report.workers),
        "</div>",
        '<h2>The team at a glance</h2><div class="card">',
        _team_table(report),
        "</div>",
        "<h2>Findings by supervisee</h2>",
        *(_worker(index, worker) for index, worker in enumerate(report.workers)),
        _unreadable(report),
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
    workers = report.workers
    overdue = sum(w.overdue_now is not None for w in workers)
    findings = report.findings
    errors = sum(f.level == "error" for f in findings)
    warnings = sum(f.level == "warning" for f in findings)
    tiles = [
        ("", len(workers), "supervisees"),
        ("good" if overdue < len(workers) else "", len(workers) - overdue, "up to date with supervision"),
        ("bad" if overdue else "good", overdue, "overdue for supervision now"),
        ("bad" if errors else "good", errors, "errors against the rules"),
        ("warn" if warnings else "good", warnings, "warnings"),
    ]
    cells = "".join(
        f'<div class="tile {kind}"><b>{value}</b><span>{escape(label)}</span></div>'
        for kind, value, label in tiles
    )
    return f'<section class="tiles" aria-label="Summary">{cells}</section>'


def _chart(workers: tuple[WorkerReport, ...]) -> str:
    """Horizontal stacked bars: sessions held on time, and overdue (held late, or missed now)."""
    if not workers:
        return "<p>No supervisees found.</p>"
    label_width, bar_width, row, top = 190, 600, 30, 8
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
            f'fill="#1c2430">{escape(_short(worker.supervisee))}</text>'
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
    head = (
        "<tr><th>Supervisee</th><th>Supervisor</th><th>Rules</th><th>Last session</th>"
        "<th>Next due</th><th>Errors</th><th>Warnings</th></tr>"
    )
    rows = []
    for index, worker in enumerate(report.workers):
        due = _date(worker.next_due)
        if worker.overdue_now is not None:
            due += f' <span class="badge error">{worker.overdue_now} days overdue</span>'
        rows.append(
            f'<tr><td><a href="#worker-{index}">{escape(worker.supervisee)}</a></td>'
            f"<td>{escape(worker.supervisor or '—')}</td><td>{escape(worker.pack)}</td>"
            f"<td>{_date(worker.last_session)}</td><td>{due}</td>"
            f'<td class="num">{worker.errors}</td><td class="num">{worker.warnings}</td></tr>'
        )
    return f"<table>{head}{''.join(rows)}</table>"


def _worker(index: int, worker: WorkerReport) -> str:
    meta = (
        f"Supervisor: {escape(worker.supervisor or 'not known')} · rules: {escape(worker.pack)} · "
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
        f'<section class="card worker" id="worker-{index}"><h3>{escape(worker.supervisee)}</h3>'
        f'<p class="meta">{meta}</p>{body}</section>'
    )


def _finding(finding: Finding) -> str:
    where = escape(finding.field)
    if finding.document:
        where += f" in {escape(finding.document)}"
    return (
        f'<tr><td><span class="badge {escape(finding.level)}">{escape(finding.level)}</span></td>'
        f'<td>{escape(finding.message)}<div class="where">{where} · '
        f'<span class="rule">{escape(finding.rule)}</span></div></td>'
        f'<td class="source">{escape(finding.source)}</td></tr>'
    )


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
        "<p>Made by supervision-forms. A month interval means a session in "
        "each calendar month; working days skip weekends and England and Wales bank holidays.</p>"
        "</footer>"
    )


def _date(day: datetime.date | None) -> str:
    return escape(format_date(day)) if day else "—"
