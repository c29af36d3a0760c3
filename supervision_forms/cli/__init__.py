"""The `supervision-forms` command: a thin layer over the library.

Exit codes: 0 success; 1 the work ran but found problems; 2 the input could not be used.
Each command module registers its commands on `app` when imported here.
"""

from __future__ import annotations

import os
import re
import sys
import traceback
from typing import NoReturn

import click
from pydantic import ValidationError

from ..errors import InvalidData, SupervisionFormsError
from ..files import escape_controls
from . import (
    batch,  # noqa: F401
    core,  # noqa: F401  (registers the commands)
    extract,  # noqa: F401
    packlint,  # noqa: F401
    sessions,  # noqa: F401
)
from .app import OK, UNUSABLE, app

MAX_MESSAGE = 400
INTERRUPTED = 130  # 128 + SIGINT, as shells report it


def fail(message: str, error: BaseException, debug: bool) -> NoReturn:
    """One line on stderr (whatever the message holds), exit code 2."""
    if debug:
        traceback.print_exception(error)
    line = escape_controls(re.sub(r"\s+", " ", message).strip())
    if len(line) > MAX_MESSAGE:
        line = line[: MAX_MESSAGE - 3] + "..."
    sys.stderr.write(f"supervision-forms: {line}\n")
    sys.exit(UNUSABLE)


def interrupted() -> NoReturn:
    """Ctrl-C: what was done is kept (a batch resumes where it stopped); exit code 130."""
    sys.stderr.write("supervision-forms: interrupted; run again to finish\n")
    sys.exit(INTERRUPTED)


def file_problem(error: OSError) -> str:
    """An OS error as a line naming the file (its name only) and what went wrong."""
    name = os.path.basename(os.fsdecode(error.filename)) if error.filename is not None else "a file"
    return f"{name}: {error.strerror or type(error).__name__}"


def quiet_stdout() -> None:
    """The reader of our output went away (`| head`): send what is left nowhere."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def main(argv: list[str] | None = None) -> None:
    """Entry point: every library error is one line on stderr and exit code 2."""
    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args
    try:
        app.main(args=args, prog_name="supervision-forms", standalone_mode=False)
    except SupervisionFormsError as error:
        fail(str(error), error, debug)
    except ValidationError as error:
        fail(str(InvalidData.from_validation(error)), error, debug)
    except click.exceptions.Exit as error:
        sys.exit(error.exit_code)
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
    except Exception as error:  # a bug: still one line; the traceback only with --debug
        fail(f"internal error ({type(error).__name__}); run with --debug for details", error, debug)
    sys.exit(OK)
