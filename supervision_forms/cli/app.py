"""The command group and what every command shares: options, JSON in and out, exit codes,
how much to say.

Each command lives in a module of this package that is imported only when the command
runs (`COMMANDS`), so `supervision-forms --help` or `render` never pays for `audit`.
"""

from __future__ import annotations

import datetime
import importlib
import json
import sys
from pathlib import Path
from typing import Any

import click

from .. import __version__

OK, PROBLEMS, UNUSABLE = 0, 1, 2
MAX_JSON_BYTES = 20 * 1024 * 1024
VERBOSITY = "supervision_forms.verbosity"  # key in the click context's meta: -1, 0, 1
PROG = "supervision-forms"

COMMANDS: dict[str, tuple[str, str]] = {
    "audit": ("sessions", "Check a team's agreements and records (Word, PDF, scans, .json) against each council's rules."),  # noqa: E501
    "batch": ("batch", "One document per ROSTER row (.csv, .xlsx, .json or .jsonl) in DIR, with a manifest."),
    "demo": ("core", "Render every pack's example, read each back, and say how it went."),
    "example": ("core", "Print a complete, realistic example for a pack as JSON."),
    "extract": ("extract", "Read every document in FOLDER (and subfolders): .docx, .pdf, .doc, .rtf, .odt, scans."),  # noqa: E501
    "pack": ("packlint", "Tools for template pack authors."),
    "packs": ("core", "List the installed template packs."),
    "parse": ("core", "Read a completed form (.docx, .pdf, .doc, .rtf, .odt, or a scan) into the model."),
    "render": ("core", "Render one document (IN is a JSON file, or - for stdin) in a pack's layout."),
    "roster-template": ("batch", "Write a roster to fill in: the column headers, a hint under each, one example row."),  # noqa: E501
    "rules": ("sessions", "List the councils' written rules: value, level and source clause."),
    "schedule": ("sessions", "Planned session dates from an agreement (IN is JSON, or - for stdin)."),
    "schema": ("core", "Print the JSON Schema of a document's model."),
    "validate": ("core", "Check data against the model and the council's standards."),
}  # fmt: skip
"""Command name -> (its module in this package, the one-line help `--help` lists). A test
checks each line against the command's own docstring."""


class LazyGroup(click.Group):
    """A group that imports a command's module only when that command is used."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            importlib.import_module(f"{__package__}.{COMMANDS[cmd_name][0]}")  # registers it on `app`
        return self.commands.get(cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list, from `COMMANDS` for commands not yet imported."""
        names = self.list_commands(ctx)
        limit = formatter.width - 6 - max(len(name) for name in names)
        rows = []
        for name in names:
            command = self.commands.get(name) or click.Command(name, help=COMMANDS[name][1])
            rows.append((name, command.get_short_help_str(limit)))
        with formatter.section("Commands"):
            formatter.write_dl(rows)


def _set_verbosity(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    if value:
        ctx.meta[VERBOSITY] = -1 if param.name == "quiet" else 1
    return value


@click.group(
    cls=LazyGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog="Global options (--debug, -q, -v) may also be given after the command. "
    "See `supervision-forms COMMAND --help` for each command.",
)
@click.version_option(__version__, "--version", prog_name=PROG, message="%(prog)s %(version)s")
@click.option("--debug", is_flag=True, help="Show tracebacks on errors.")
@click.option(
    "-q", "--quiet", is_flag=True, callback=_set_verbosity, expose_value=False, help="Say only what failed."
)
@click.option(
    "-v",
    "--verbose",
    is_flag=True,
    callback=_set_verbosity,
    expose_value=False,
    help="Say more: every warning and every failure, not just the first.",
)
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
    council's own Word layout: render, read back, validate, batch, audit."""
    if pack_dirs or only_packs is not None or blocked:
        _choose_packs(pack_dirs, only_packs, blocked)


def _choose_packs(folders: tuple[Path, ...], only: str | None, block: tuple[str, ...]) -> None:
    """Settings for `registry.installed_packs` in this process and the processes it starts
    (the command line owns its process): more pack folders, before those already in the
    environment; an allow-list; a block-list."""
    import os

    from ..registry import BLOCK_PACKS, ONLY_PACKS, PACK_PATH, names

    if folders:
        given = [str(Path(folder).resolve()) for folder in folders]
        os.environ[PACK_PATH] = os.pathsep.join(
            [*given, *filter(None, os.environ.get(PACK_PATH, "").split(os.pathsep))]
        )
    if only is not None:
        os.environ[ONLY_PACKS] = ",".join(names(only))
    if block:
        os.environ[BLOCK_PACKS] = ",".join([*names(os.environ.get(BLOCK_PACKS, "")), *block])


# --- how much to say -------------------------------------------------------------------


def verbosity() -> int:
    """-1 with -q, 1 with -v, else 0."""
    ctx = click.get_current_context(silent=True)
    return int(ctx.meta.get(VERBOSITY, 0)) if ctx is not None else 0


def note(message: str) -> None:
    """An informational line on stderr (a summary, where a file went); none with -q."""
    if verbosity() >= 0:
        click.echo(message, err=True)


def detail(message: str) -> None:
    """A line on stderr shown only with -v."""
    if verbosity() > 0:
        click.echo(message, err=True)


def show_progress() -> bool:
    """A progress bar is drawn on a terminal, unless -q."""
    return verbosity() >= 0 and sys.stderr.isatty()


def wants_json(as_json: bool) -> bool:
    """JSON when asked for, or when stdout is not a terminal (a pipe, a file)."""
    return as_json or not sys.stdout.isatty()


# --- options every command shares -------------------------------------------------------

pack_option = click.option("--pack", "-p", required=True, help="Template pack name (see `packs`).")
document_option = click.option(
    "--document", "-d", default="agreement", show_default=True, help="Document kind."
)
json_flag = click.option("--json", "as_json", is_flag=True, help="Print JSON (the default when piped).")


def date_option(ctx: click.Context, param: click.Parameter, value: str | None) -> datetime.date | None:
    """A click callback: an optional date, ISO (2026-11-24) or British (24/11/2026,
    24 November 2026, 24th Nov 2026)."""
    from ..text.dates import read_whole_date

    if value is None:
        return None
    reading = read_whole_date(value)
    if reading is not None:
        return reading.value
    if any(ch.isdigit() for ch in value) and len(value) <= 40:
        raise click.BadParameter(f"{value.strip()} is not a real date (give e.g. 24/11/2026 or 2026-11-24)")
    raise click.BadParameter("give a date such as 24/11/2026, 24 November 2026 or 2026-11-24")


# --- JSON in and out --------------------------------------------------------------------


def print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, indent=2, ensure_ascii=False) + "\n")


def read_json_input(source: str) -> Any:
    """JSON from a file or '-' (stdin); a clear error names the file and line."""
    from ..docx.package import read_file
    from ..errors import DocumentTooLarge, InvalidData, UnsupportedFormat

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
    except UnsupportedFormat as error:  # a folder, a device
        raise InvalidData([], str(error)) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise InvalidData(
            [], f"{label}: not valid JSON (line {error.lineno}, column {error.colno})"
        ) from None


def input_label(source: str) -> str:
    return "stdin" if source == "-" else Path(source).name
