"""Commands for sessions: schedule, audit, and the rules they apply."""

from __future__ import annotations

import datetime
import json
import sys
from pathlib import Path
from typing import cast

import click

from ..audit import AuditReport, audit_folder, render_html, render_xlsx
from ..files import write_atomic
from ..models.agreement import Agreement
from ..registry import installed_packs
from ..render import coerce_model, render
from ..schedule import plan_sessions, schedule_ics
from ..standards.rules import all_rules, rulebook
from ..text.dates import format_date
from .app import (
    PROBLEMS,
    app,
    date_option,
    input_label,
    json_flag,
    pack_option,
    print_json,
    read_json_input,
)


def _clock(ctx: click.Context, param: click.Parameter, value: str) -> datetime.time:
    try:
        return datetime.time.fromisoformat(value)
    except ValueError:
        raise click.BadParameter("give a time as HH:MM") from None


@app.command()
@click.argument("source", metavar="IN")
@pack_option
@click.option("--months", default=12, show_default=True, type=click.IntRange(1, 36), help="How far ahead.")
@click.option("--start", callback=date_option, help="Plan from this date (default: the agreement date).")
@json_flag
@click.option(
    "--ics",
    type=click.Path(dir_okay=False, path_type=Path),
    help=(
        "Also write an iCalendar file; when it exists, update it "
        "(moved sessions keep their UID, dropped ones are cancelled)."
    ),
)
@click.option(
    "--at", "at", default="10:00", show_default=True, callback=_clock, help="Start time in the .ics."
)
@click.option(
    "--fill",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the agreement with its meeting dates filled: .json, or .docx in the pack's layout.",
)
def schedule(
    source: str,
    pack: str,
    months: int,
    start: datetime.date | None,
    as_json: bool,
    ics: Path | None,
    at: datetime.time,
    fill: Path | None,
) -> None:
    """Planned session dates from an agreement (IN is JSON, or - for stdin)."""
    chosen = installed_packs().get(pack)
    agreement = cast(Agreement, coerce_model(read_json_input(source), Agreement, input_label(source)))
    planned = plan_sessions(agreement, council=chosen, months=months, start=start)
    notice = rulebook(chosen).notice
    if notice is not None:  # never silently the national defaults
        click.echo(f"schedule: {notice}", err=True)
    if ics is not None:
        previous = ics.read_bytes() if ics.is_file() else None  # an earlier run's calendar: update it
        write_atomic(ics, schedule_ics(planned, agreement, at=at, previous=previous))
    if fill is not None:
        filled = agreement.model_copy(update={"meeting_dates": planned.dates})
        if fill.suffix.lower() == ".docx":
            write_atomic(fill, render(filled, pack=chosen))
        else:
            text = json.dumps(filled.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
            write_atomic(fill, text.encode())
    if as_json or not sys.stdout.isatty():
        print_json([day.isoformat() for day in planned.dates])
        return
    for session in planned.sessions:
        moved = f"  (moved from {format_date(session.moved_from)})" if session.moved_from else ""
        click.echo(f"{session.date:%a} {format_date(session.date)}{moved}")


@app.command()
@click.argument("folder", metavar="DIR", type=click.Path(file_okay=False, path_type=Path))
@click.option("--as-of", callback=date_option, help="Audit as of this date (default: today).")
@click.option("--pack", "-p", default=None, help="Rules for workers whose files name no pack (bare JSON).")
@json_flag
@click.option("--html", type=click.Path(dir_okay=False, path_type=Path), help="Also write the HTML report.")
@click.option(
    "--xlsx",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write a workbook: one row per supervisee, coloured by status.",
)
@click.option("--redact", is_flag=True, help="Blank special-category values as files are read.")
@click.option(
    "--jobs",
    "-j",
    default=None,
    type=click.IntRange(1, 64),
    help="Reader processes [default: by folder size].",
)
def audit(
    folder: Path,
    as_of: datetime.date | None,
    pack: str | None,
    as_json: bool,
    html: Path | None,
    xlsx: Path | None,
    redact: bool,
    jobs: int | None,
) -> None:
    """Check a team's agreements and records (Word, PDF, scans, .json) against each council's rules.
    Exit 1 when there is an error finding or a file that could not be used."""
    report = audit_folder(folder, as_of=as_of, pack=pack, redact=redact, jobs=jobs)
    if html is not None:
        write_atomic(html, render_html(report).encode("utf-8"))
    if xlsx is not None:
        write_atomic(xlsx, render_xlsx(report))
    if as_json or not sys.stdout.isatty():
        print_json(report.as_json())
    else:
        _print_summary(report)
    errors = sum(f.level == "error" for f in report.findings)
    if errors or report.unreadable or not report.files_read:
        copies = f" ({len(report.copies)} copies of another file counted once)" if report.copies else ""
        click.echo(
            f"audit: {report.files_read} documents read, {len(report.unreadable)} files not used{copies}; "
            f"{errors} error findings across {len(report.workers)} supervisees",
            err=True,
        )
        sys.exit(PROBLEMS)


def _print_summary(report: AuditReport) -> None:
    for worker in report.workers:
        due = format_date(worker.next_due) if worker.next_due else "—"
        late = f", {worker.overdue_now} days overdue" if worker.overdue_now is not None else ""
        tally = f"{worker.errors} errors, {worker.warnings} warnings"
        click.echo(f"{worker.supervisee:<28} next due {due}{late}; {tally}")
    for problem in report.unreadable:
        click.echo(f"not used: {problem.file}: {problem.problem}")


@app.command()
@click.option("--pack", "-p", default=None, help="Only the rules for this pack's council.")
@json_flag
def rules(pack: str | None, as_json: bool) -> None:
    """List the councils' written rules: value, level and source clause."""
    if pack is not None:
        book = rulebook(installed_packs().get(pack))
        if book.notice is not None:
            click.echo(f"rules: {book.notice}", err=True)
        listing = [rule.as_json() for rule in book.applicable()]
    else:
        listing = [rule.as_json() for rule in all_rules()]
    if as_json or not sys.stdout.isatty():
        print_json(listing)
        return
    for item in listing:
        click.echo(f"{item['id']:<44} {item['value']:<40} {item['level']:<8} {item['source']}")
