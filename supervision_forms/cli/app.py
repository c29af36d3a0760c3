"""The command group and what every command shares: options, JSON in and out, exit codes."""

from __future__ import annotations

import datetime
import json
import sys
import warnings
from pathlib import Path
from typing import Any, TextIO

import click

from ..docx.package import read_file
from ..errors import DocumentTooLarge, InvalidData, UnsupportedFormat
from ..registry import choose_packs

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
@click.option(
    "--pack-dir",
    "pack_dirs",
    multiple=True,
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    help="Load this pack folder (or folder of packs) too; repeatable. Also SUPERVISION_FORMS_PACK_PATH.",
)
@click.option("--only-packs", default=None, help="Load only these packs (names, comma-separated).")
@click.option("--block-pack", "blocked", multiple=True, help="Never load this pack; repeatable.")
def app(debug: bool, pack_dirs: tuple[Path, ...], only_packs: str | None, blocked: tuple[str, ...]) -> None:
    """Supervision agreements and records for UK children's social care, in each
    council's own Word layout: render, read back, validate."""
    warnings.showwarning = _one_line_warning
    choose_packs(pack_dirs, only_packs, blocked)


def _one_line_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: TextIO | None = None,
    line: str | None = None,
) -> None:
    """A warning (a skipped pack, say) as one line on stderr."""
    sys.stderr.write(f"supervision-forms: warning: {message}\n")


def iso_date_option(ctx: click.Context, param: click.Parameter, value: str | None) -> datetime.date | None:
    """A click callback: an optional ISO date."""
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter("give a date as YYYY-MM-DD") from None
