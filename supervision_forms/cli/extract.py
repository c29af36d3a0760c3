"""`extract`: read a folder of filled forms into one table (.csv, .xlsx or .jsonl)."""

from __future__ import annotations

import os
import sys
from collections import Counter
from pathlib import Path

import click

from ..extract import TableWriter, check_output, extract_folder
from ..inventory import Kind, inventory, shown_name, summary
from .app import PROBLEMS, app, note, show_progress, verbosity
from .progress import ProgressBar


@app.command(name="extract")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "-o",
    "--out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="team.csv, .xlsx or .jsonl",
)
@click.option("--pack", "-p", default=None, help="Read every file as this pack (no detection).")
@click.option("--document", "-d", default=None, help="Document kind, with --pack.")
@click.option(
    "--jobs", "-j", default=None, type=click.IntRange(1, 64), help="Worker processes [default: one per CPU]."
)
@click.option("--redact", is_flag=True, help="Blank special-category fields and unmapped text.")
def extract_command(
    folder: Path, out: Path, pack: str | None, document: str | None, jobs: int | None, redact: bool
) -> None:
    """Read every document in FOLDER (and subfolders): .docx, .pdf, .doc, .rtf, .odt, scans.

    Scans (.png, .jpg, .tif, and PDFs of pictures) are read by OCR. One row per file: what
    it read, or why not.

    Every file is accounted for: one not read is a row with its reason, counted in the
    summary, and the exit code is then 1."""
    check_output(out)
    entries = inventory(folder)
    expected = sum(entry.kind in (Kind.DOCUMENT, Kind.OTHER) for entry in entries)
    jobs = jobs or min(os.cpu_count() or 1, max(1, expected))  # one worker per CPU, as `batch` starts
    read = extract_folder(folder, pack=pack, document=document, jobs=jobs, redact=redact)
    not_read: Counter[str] = Counter()
    failures: list[str] = []  # "file: reason" of each file not read
    copies = done = total = 0
    with (
        TableWriter(out) as table,  # rows streamed: no parsed document is held
        ProgressBar(
            total=expected, unit="file", disable=not show_progress(), leave=False, file=sys.stderr
        ) as bar,
    ):
        for item in read:
            table.add(item)
            total += 1
            copies += item.same_as is not None
            if item.result is None:
                not_read[item.reason or "unusable"] += 1
                failures.append(f"not read: {item.file}: {item.error}")
            else:
                done += 1
            bar.update(1)
    verbose = verbosity() > 0  # -v, anywhere on the line
    if verbose:
        for failure in failures:
            click.echo(failure, err=True)
    line = summary(done, not_read, total) if total else f"no files to read in {shown_name(folder.name)}"
    if copies:
        line += f" ({copies} the same document as another file, counted once)"
    if not_read or not done:
        click.echo(f"{line}; table in {shown_name(out.name)}", err=True)
    else:
        note(f"{line}; table in {shown_name(out.name)}")
    if not_read and not verbose:
        click.echo("run again with -v to list the files not read", err=True)
    if not_read or not done:
        sys.exit(PROBLEMS)
