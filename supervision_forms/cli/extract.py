"""`extract`: read a folder of filled forms into one table (.csv, .xlsx or .jsonl)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click
from tqdm import tqdm

from ..extract import Extracted, check_output, extract_folder, tally, write_table
from ..inventory import Kind, inventory, shown_name, summary
from .app import PROBLEMS, app, note, show_progress, verbosity


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
    """Read every document in FOLDER (and its subfolders): .docx, .pdf, and the older
    .doc, .rtf and .odt. One row per file: what it read, or why not.

    Every file is accounted for: one not read is a row with its reason, counted in the
    summary, and the exit code is then 1."""
    check_output(out)
    entries = inventory(folder)
    documents: list[Extracted] = []
    total = sum(entry.kind in (Kind.DOCUMENT, Kind.OTHER) for entry in entries)
    jobs = jobs or min(os.cpu_count() or 1, max(1, total))  # one worker per CPU, as `batch` starts
    read = extract_folder(folder, pack=pack, document=document, jobs=jobs, redact=redact)
    with tqdm(total=total, unit="file", disable=not show_progress(), leave=False, file=sys.stderr) as bar:
        for item in read:
            documents.append(item)
            bar.update(1)
    write_table(documents, out)
    done, not_read, total = tally(documents)
    copies = sum(d.same_as is not None for d in documents)
    verbose = verbosity() > 0  # -v, anywhere on the line
    if verbose:
        for item in documents:
            if item.result is None:
                click.echo(f"not read: {item.file}: {item.error}", err=True)
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
