"""The `supervision-forms` command: a thin layer over the library.

Exit codes: 0 success; 1 the work ran but found problems; 2 the input could not be used.
"""

from __future__ import annotations

import json
import sys
import traceback
from pathlib import Path
from typing import Any, NoReturn

import click
from pydantic import ValidationError

from .demo import run_demo
from .errors import InvalidData, SupervisionFormsError
from .models import DOCUMENT_MODELS
from .reading import parse as parse_document
from .registry import installed_packs
from .render import coerce_model, render_to_file
from .validation import validate_data

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


@app.command()
@json_flag
def packs(as_json: bool) -> None:
    """List the installed template packs."""
    listing = [
        {"name": p.name, "title": p.spec.title, "documents": p.documents, "version": p.spec.version}
        for p in installed_packs()
    ]
    if as_json or not sys.stdout.isatty():
        print_json(listing)
        return
    for item in listing:
        click.echo(
            f"{item['name']:<12} {item['version']:<6} {', '.join(item['documents']):<28} {item['title']}"
        )


@app.command()
@pack_option
@document_option
def example(pack: str, document: str) -> None:
    """Print a complete, realistic example for a pack as JSON."""
    model = installed_packs().get(pack).example(document)
    print_json(model.model_dump(mode="json"))


@app.command()
@click.argument("source", metavar="IN")
@pack_option
@document_option
@click.option(
    "-o", "--out", required=True, type=click.Path(dir_okay=False, path_type=Path), help="The .docx to write."
)
@click.option("--redact", is_flag=True, help="Blank special-category fields.")
def render(source: str, pack: str, document: str, out: Path, redact: bool) -> None:
    """Render one document (IN is a JSON file, or - for stdin) in a pack's layout."""
    data = read_json_input(source)
    chosen = installed_packs().get(pack)
    model = coerce_model(data, chosen.model(document), input_label(source))
    render_to_file(model, out, pack=chosen, document=document, redact=redact)


@app.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--pack", "-p", default=None, help="Skip detection and read as this pack.")
@click.option("--document", "-d", default=None, help="Document kind, with --pack.")
@json_flag
@click.option("--redact", is_flag=True, help="Blank special-category fields.")
def parse(file: Path, pack: str | None, document: str | None, as_json: bool, redact: bool) -> None:
    """Read a completed .docx or .pdf back into the model (a JSON envelope)."""
    result = parse_document(file, pack=pack, document=document, redact=redact)
    print_json(result.envelope())


@app.command()
@click.argument("source", metavar="IN")
@pack_option
@document_option
@json_flag
def validate(source: str, pack: str, document: str, as_json: bool) -> None:
    """Check data against the model and the council's standards."""
    findings = validate_data(read_json_input(source), pack=pack, document=document)
    print_json({"findings": [f.as_json() for f in findings]})
    errors = [f for f in findings if f.level == "error"]
    for finding in errors[:3]:
        click.echo(f"error: {finding.field}: {finding.message}", err=True)
    if errors:
        sys.exit(PROBLEMS)


@app.command()
@document_option
def schema(document: str) -> None:
    """Print the JSON Schema of a document's model."""
    if document not in DOCUMENT_MODELS:
        raise InvalidData([], f"unknown document '{document}' (known: {', '.join(DOCUMENT_MODELS)})")
    print_json(DOCUMENT_MODELS[document].model_json_schema())


@app.command()
@click.option(
    "-o", "--out", default="demo-output", show_default=True, type=click.Path(file_okay=False, path_type=Path)
)
def demo(out: Path) -> None:
    """Render every pack's example, read each back, and say how it went."""
    lines = run_demo(out)
    for line in lines:
        verdict = "read back identical" if line.identical else "read back DIFFERENT"
        pdf = f" + {line.pdf.name}" if line.pdf else ""
        click.echo(
            f"{line.pack:<11} {line.docx.name}{pdf}: {line.fields} fields filled, {verdict}, "
            f"{line.warnings} warnings, {line.unmapped} unmapped"
        )
    click.echo(f"Open the files in {out}/ to see each council's layout.")
    if not all(line.identical for line in lines):
        sys.exit(PROBLEMS)


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
