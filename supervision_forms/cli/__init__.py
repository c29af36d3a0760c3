"""The `supervision-forms` command: a thin layer over the library.

Exit codes: 0 success; 1 the work ran but found problems; 2 the input could not be used.
Commands live in the modules named by `app.COMMANDS`, each imported only when used.
"""

from __future__ import annotations

import os
import re
import sys
import traceback
import warnings
from typing import Any, NoReturn

import click

from .app import OK, PROG, UNUSABLE, app

MAX_MESSAGE = 400
INTERRUPTED = 130  # 128 + SIGINT, as shells report it
GLOBAL_FLAGS = frozenset({"--debug", "-q", "--quiet", "-v", "--verbose"})
"""Options of the whole command that may be given anywhere on the line."""


def fail(message: str, error: BaseException, debug: bool) -> NoReturn:
    """One line on stderr (whatever the message holds, escaped), exit code 2."""
    from ..files import escape_controls  # only when failing: --help imports nothing of ours

    if debug:
        traceback.print_exception(error)
    line = escape_controls(re.sub(r"\s+", " ", message).strip())
    if len(line) > MAX_MESSAGE:
        line = line[: MAX_MESSAGE - 3] + "..."
    sys.stderr.write(f"{PROG}: {line}\n")
    sys.exit(UNUSABLE)


def interrupted() -> NoReturn:
    """Ctrl-C: what was done is kept (a batch resumes where it stopped); exit code 130."""
    sys.stderr.write(f"{PROG}: interrupted; run again to finish\n")
    sys.exit(INTERRUPTED)


def file_problem(error: OSError) -> str:
    """An OS error as a line naming the file (its name only) and what went wrong."""
    name = os.path.basename(os.fsdecode(error.filename)) if error.filename is not None else "a file"
    return f"{name}: {error.strerror or type(error).__name__}"


def quiet_stdout() -> None:
    """The reader of our output went away (`| head`): send what is left nowhere."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def lift_global_flags(args: list[str]) -> list[str]:
    """Global flags moved to the front, wherever they were given (not after `--`);
    with no command at all, the full help."""
    end = args.index("--") if "--" in args else len(args)
    flags = [a for a in args[:end] if a in GLOBAL_FLAGS]
    rest = [a for a in args[:end] if a not in GLOBAL_FLAGS] + args[end:]
    if not rest:
        rest = ["--help"]
    return flags + rest


def _validation_error(error: Exception) -> Exception | None:
    """Pydantic's ValidationError, recognised without importing pydantic."""
    core = sys.modules.get("pydantic_core")
    return error if core is not None and isinstance(error, core.ValidationError) else None


def show_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: Any = None,
    line: Any = None,
) -> None:
    """A warning (a render warning from `batch`, say) as one line, without source lines."""
    sys.stderr.write(f"{PROG}: warning: {message}\n")


def main(argv: list[str] | None = None) -> None:
    """Entry point: every library error is one line on stderr and exit code 2."""
    args = lift_global_flags(sys.argv[1:] if argv is None else list(argv))
    debug = "--debug" in args
    warnings.showwarning = show_warning
    if {"-q", "--quiet"} & set(args):
        warnings.simplefilter("ignore", UserWarning)
    try:
        app.main(args=args, prog_name=PROG, standalone_mode=False)
    except click.exceptions.Exit as error:
        sys.exit(error.exit_code)
    except click.UsageError as error:
        where = error.ctx.command_path if error.ctx is not None else PROG
        fail(f"{error.format_message()} (see '{where} --help')", error, debug)
    except click.ClickException as error:
        fail(error.format_message(), error, debug)
    except click.exceptions.Abort as error:
        if isinstance(error.__cause__ or error.__context__, KeyboardInterrupt):  # Ctrl-C, as click says it
            interrupted()
        fail("aborted", error, debug)
    except KeyboardInterrupt:
        interrupted()
    except BrokenPipeError:
        quiet_stdout()
        sys.exit(OK)
    except OSError as error:  # a file or folder named on the command line
        fail(file_problem(error), error, debug)
    except RecursionError as error:
        fail("the input is nested too deeply to read", error, debug)
    except MemoryError as error:
        fail("the input is too large to read in the memory available", error, debug)
    except Exception as error:
        fail(_message(error), error, debug)
    sys.exit(OK)


def _message(error: Exception) -> str:
    """A library error's own message; pydantic's without values; else a bug, in one line."""
    from ..errors import InvalidData, SupervisionFormsError

    if isinstance(error, SupervisionFormsError):
        return str(error)
    invalid = _validation_error(error)
    if invalid is not None:
        return str(InvalidData.from_validation(invalid))  # type: ignore[arg-type]
    return f"internal error ({type(error).__name__}); run with --debug for details"
