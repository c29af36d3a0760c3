"""The `supervision-forms` command: a thin layer over the library.

Exit codes: 0 success; 1 the work ran but found problems; 2 the input could not be used.
Each command module registers its commands on `app` when imported here.
"""

from __future__ import annotations

import sys
import traceback
from typing import NoReturn

import click
from pydantic import ValidationError

from ..errors import InvalidData, SupervisionFormsError
from . import core  # noqa: F401  (registers the commands)
from .app import OK, UNUSABLE, app


def fail(message: str, error: BaseException, debug: bool) -> NoReturn:
    if debug:
        traceback.print_exception(error)
    sys.stderr.write(f"supervision-forms: {message}\n")
    sys.exit(UNUSABLE)


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
        fail("aborted", error, debug)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as error:  # a bug: still one line; the traceback only with --debug
        fail(f"internal error ({type(error).__name__}); run with --debug for details", error, debug)
    sys.exit(OK)
