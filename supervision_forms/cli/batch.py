"""Batch commands: `batch` (one document per roster row) and `roster-template`."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..files import display_name, escape_controls
from .app import (
    PROBLEMS,
    PROG,
    app,
    document_option,
    json_flag,
    note,
    pack_option,
    print_json,
    read_json_input,
    show_progress,
    verbosity,
)
from .progress import ProgressBar

if TYPE_CHECKING:  # the batch engine is imported once LibreOffice is starting (--pdf)
    from ..batch import BatchReport, RowResult
    from ..office import ConverterPool

FAILURES_SHOWN = 2


@app.command()
@click.argument("roster", type=click.Path(dir_okay=False, path_type=Path))
@pack_option
@document_option
@click.option(
    "-o",
    "--out",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the documents and manifest.json.",
)
@click.option(
    "--defaults",
    type=click.Path(dir_okay=False, path_type=Path),
    help="JSON object merged under every row (team-wide values such as the supervisor).",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(1, 64),
    default=None,
    help="Processes, at most, the batch's own included [default: one per CPU; fewer for a short roster].",
)
@click.option("--pdf", is_flag=True, help="Also make a PDF of each document (needs LibreOffice).")
@click.option("--pdf-pack", is_flag=True, help="Also merge the PDFs into one, a bookmark per person.")
@click.option("--zip", "make_zip", is_flag=True, help="Also pack the documents and manifest into one .zip.")
@click.option("--overwrite", is_flag=True, help="Replace files in the folder that this batch did not make.")
@click.option("--sheet", help="The workbook sheet to read [default: the first visible sheet with rows].")
@click.option("--all-sheets", is_flag=True, help="Read every visible sheet that holds rows.")
@click.option(
    "--columns",
    "column_map",
    type=click.Path(dir_okay=False, path_type=Path),
    help='TOML file mapping your headers to model paths: "Worker" = "supervisee.name".',
)
@click.option("--strict-columns", is_flag=True, help="Refuse unknown columns, instead of ignoring them.")
@json_flag
def batch(
    roster: Path,
    pack: str,
    document: str,
    out: Path,
    defaults: Path | None,
    jobs: int | None,
    pdf: bool,
    pdf_pack: bool,
    make_zip: bool,
    overwrite: bool,
    sheet: str | None,
    all_sheets: bool,
    column_map: Path | None,
    strict_columns: bool,
    as_json: bool,
) -> None:
    """One document per ROSTER row (.csv, .xlsx, .json or .jsonl) in DIR, with a manifest.

    Headers as on the form or as HR writes them ("Supervisee name", "Start date") or model
    paths (supervisee.name; meeting_dates as ';'-separated dates). Rerunning skips rows
    already done and unchanged; failed rows are listed in errors.csv; exit 1 if any row
    failed."""
    if sheet is not None and all_sheets:
        raise click.UsageError("give --sheet or --all-sheets, not both")
    jobs = jobs or os.cpu_count() or 1  # the engine starts fewer where more would not pay
    with ExitStack() as held:
        converters = held.enter_context(_converters(jobs)) if pdf or pdf_pack else None
        from ..batch import Roster, generate
        from ..registry import installed_packs

        chosen = installed_packs().get(pack)
        base = read_json_input(str(defaults)) if defaults is not None else None
        opened = Roster(
            roster,
            chosen.model(document),
            pack=chosen,
            sheet=sheet,
            all_sheets=all_sheets,
            columns=column_map,
            strict_columns=strict_columns,
        )
        with opened as rows, _progress(rows.size_hint) as tick:
            report = generate(
                rows,
                pack=chosen,
                out=out,
                document=document,
                defaults=base,
                jobs=jobs,
                pdf=pdf,
                pdf_pack=pdf_pack,
                zip=make_zip,
                overwrite=overwrite,
                progress=tick,
                converters=converters,
            )
    for warning in report.warnings:
        note(f"{PROG}: warning: {escape_controls(warning)}")
    if report.orphaned:
        count = len(report.orphaned)
        note(
            f"{PROG}: warning: {count} file{'s' if count > 1 else ''} from earlier runs match no row of "
            f'this roster; kept, and listed as "orphaned" in {display_name(report.manifest)}'
        )
    if as_json:
        print_json(report.as_json())
    else:
        click.echo(f"{report.summary()}; see {display_name(report.manifest)}")
    if not report.ok:
        _explain_failures(report)
        sys.exit(PROBLEMS)


@contextmanager
def _converters(jobs: int) -> Iterator[ConverterPool | None]:
    """LibreOffice started first, so that its start-up overlaps loading the rest (the
    batch closes it; this closes it at once if the batch never starts). None where it is
    not installed: the batch says so."""
    from ..office import ConverterPool, soffice

    if soffice() is None:
        yield None
        return
    with ConverterPool(jobs) as pool:
        pool.start()
        yield pool


@contextmanager
def _progress(total: int | None) -> Iterator[Callable[[RowResult], None]]:
    """A progress bar on a terminal; nothing when stderr is piped or redirected."""
    with ProgressBar(
        total=total, unit="row", disable=not show_progress(), leave=False, file=sys.stderr
    ) as bar:

        def tick(_: RowResult) -> None:
            bar.update(1)

        yield tick


def _explain_failures(report: BatchReport) -> None:
    """At most three lines (every failed row with -v): the first failed rows (row,
    column, reason), then the count."""
    failures = report.failures
    for failure in failures if verbosity() > 0 else failures[:FAILURES_SHOWN]:
        click.echo(escape_controls(failure.describe()), err=True)
    count = f"{len(failures)} of {len(report.rows)} rows failed"
    listed = display_name(report.errors_file or report.manifest)
    click.echo(f"{count}; all are listed in {listed}", err=True)


@app.command("roster-template")
@pack_option
@document_option
@click.option(
    "-o",
    "--out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="team.xlsx or team.csv",
)
@click.option("--overwrite", is_flag=True, help="Replace the file if it exists.")
def roster_template(pack: str, document: str, out: Path, overwrite: bool) -> None:
    """Write a roster to fill in: the column headers, a hint under each, one example row."""
    from ..batch import write_roster_template
    from ..registry import installed_packs

    chosen = installed_packs().get(pack)
    write_roster_template(chosen, out, document=document, overwrite=overwrite)
    click.echo(
        f"Wrote {display_name(out)}: one row per person under the hints, then "
        f"`supervision-forms batch {display_name(out.name)} --pack {chosen.name} -o DIR`."
    )
