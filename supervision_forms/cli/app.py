"""The command group and what every command shares: options, JSON in and out, exit codes."""

from __future__ import annotations

import datetime
import json
import sys
from pathlib import Path
from typing import Any

import click

from ..docx.package import read_file
from ..errors import DocumentTooLarge, InvalidData, UnsupportedFormat

OK, PROBLEMS, UNUSABLE = 0, 1, 2
MAX_JSON_BYTES = 20 * 1024 * 1024

pack_option = click.option("--pack", "-p", required=True, help="Template pack name (see `packs`).")
document_option = click.option(
    "--document", "-d", default="agreement", show_default=True, help="Document kind."
)
json_flag = click.option("--json", "as_json", is_flag=True, help="Print JSON.")


def print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, indent=2, ensure_ascii=False) + "\n")


def read_json_input(source: str) -> Any:
    """JSON from a file or '-' (stdin); a clear error names the file and line."""
    label = input_label(source)
    try:
        raw = (
            sys.stdin.buffer.read(MAX_JSON_BYTES + 1)
            if source == "-"
            else read_file(Path(source), MAX_JSON_BYTES)
        )
        if len(raw) > MAX_JSON_BYTES:
            raise DocumentTooLarge(f"{label}: over {MAX_JSON_BYTES // 2**20} MB of JSON")
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidData([], f"{label}: cannot be read (not UTF-8 text)") from None
    except UnsupportedFormat as error:  # a missing file, a folder, a device
        raise InvalidData([], str(error)) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise InvalidData(
            [], f"{label}: not valid JSON (line {error.lineno}, column {error.colno})"
        ) from None


def input_label(source: str) -> str:
    return "stdin" if source == "-" else Path(source).name


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show tracebacks on errors.")
def app(debug: bool) -> None:
    """Supervision agreements and records for UK children's social care, in each
    council's own Word layout: render, read back, validate."""


def iso_date_option(ctx: click.Context, param: click.Parameter, value: str | None) -> datetime.date | None:
    """A click callback: an optional ISO date."""
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter("give a date as YYYY-MM-DD") from None
