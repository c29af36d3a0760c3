"""The core commands: packs, example, render, parse, validate, schema, demo."""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

import click

from ..demo import run_demo
from ..errors import InvalidData
from ..models import DOCUMENT_MODELS
from ..reading import parse as parse_document
from ..registry import installed_packs
from ..render import coerce_model, render_to_file
from ..validation import validate_data
from .app import (
    PROBLEMS,
    app,
    document_option,
    input_label,
    iso_date_option,
    json_flag,
    pack_option,
    print_json,
    read_json_input,
)


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
@click.option("--as-of", callback=iso_date_option, help="Judge deadlines on this date (default: today).")
def validate(source: str, pack: str, document: str, as_json: bool, as_of: datetime.date | None) -> None:
    """Check data against the model and the council's standards."""
    findings = validate_data(read_json_input(source), pack=pack, document=document, as_of=as_of)
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
