"""The command group and what every command shares: options, JSON in and out, exit codes."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from ..errors import InvalidData

OK, PROBLEMS, UNUSABLE = 0, 1, 2

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
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InvalidData([], f"{label}: cannot be read ({type(error).__name__})") from None
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
