"""`extract`: read a folder of filled forms into one table (.csv, .xlsx or .jsonl)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click
from tqdm import tqdm

from ..extract import Extracted, check_output, extract, find_documents, write_table
from .app import PROBLEMS, app, note, show_progress


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
    """Read every .docx and .pdf in FOLDER (and its subfolders): one row per document.

    A file that cannot be read is reported here and left out; the rest still go
    through, and the exit code is then 1."""
    check_output(out)
    files = find_documents(folder)
    if not files:
        click.echo(f"no .docx or .pdf files in {folder.name}", err=True)
    documents: list[Extracted] = []
    jobs = jobs or min(os.cpu_count() or 1, max(1, len(files)))
    read = extract(files, root=folder, pack=pack, document=document, jobs=jobs, redact=redact)
    with tqdm(
        total=len(files), unit="file", disable=not show_progress(), leave=False, file=sys.stderr
    ) as bar:
        for document_read in read:
            documents.append(document_read)
            bar.update(1)
    written = write_table(documents, out)
    failed = [d for d in documents if d.error is not None]
    for item in failed:
        click.echo(f"skipped {item.file}: {item.error}", err=True)
    note(f"{written} of {len(documents)} documents read into {out.name}")
    if failed:
        sys.exit(PROBLEMS)
