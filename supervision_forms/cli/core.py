"""The core commands: packs, example, render, parse, validate, schema, demo.

Each command imports the parts of the library it uses when it runs, not before.
"""

from __future__ import annotations

import datetime
import sys
import warnings
from pathlib import Path
from typing import Any

import click

from .app import (
    PROBLEMS,
    app,
    date_option,
    detail,
    document_option,
    input_label,
    json_flag,
    note,
    pack_option,
    print_json,
    read_json_input,
    verbosity,
    wants_json,
)

ERRORS_SHOWN = 3  # error findings listed on stderr without -v


@app.command()
@json_flag
def packs(as_json: bool) -> None:
    """List the installed template packs."""
    from ..registry import installed_packs

    listing = [
        {"name": p.name, "title": p.spec.title, "documents": p.documents, "version": p.spec.version}
        for p in installed_packs()
    ]
    if wants_json(as_json):
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
    from ..registry import installed_packs

    model = installed_packs().get(pack).example(document)
    print_json(model.model_dump(mode="json"))


@app.command()
@click.argument("source", metavar="IN")
@pack_option
@document_option
@click.option(
    "-o",
    "--out",
    required=True,
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    help="The .docx or .pdf to write; - for stdout.",
)
@click.option(
    "--to",
    "kind",
    type=click.Choice(["docx", "pdf"]),
    default=None,
    help="Output format [default: from the -o suffix; docx for stdout].",
)
@click.option("--redact", is_flag=True, help="Blank special-category fields.")
def render(source: str, pack: str, document: str, out: Path, kind: str | None, redact: bool) -> None:
    """Render one document (IN is a JSON file, or - for stdin) in a pack's layout.

    A .pdf is made from the Word document by LibreOffice. A value that contradicts what
    the council's form prints is rendered, with a warning naming the field."""
    from ..files import write_atomic
    from ..registry import installed_packs
    from ..render import coerce_model, render_pdf
    from ..render import render as render_docx

    data = read_json_input(source)
    chosen = installed_packs().get(pack)
    model = coerce_model(data, chosen.model(document), input_label(source))
    to_stdout = str(out) == "-"
    kind = kind or ("pdf" if not to_stdout and out.suffix.lower() == ".pdf" else "docx")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        if kind == "pdf":
            content = render_pdf(model, pack=chosen, document=document, redact=redact)
        else:
            content = render_docx(model, pack=chosen, document=document, redact=redact)
    for warning in caught:
        note(f"warning: {warning.message}")
    if to_stdout:
        sys.stdout.buffer.write(content)
        sys.stdout.flush()
        return
    write_atomic(out, content)
    detail(f"wrote {out.name} ({chosen.name} {document}, {len(content):,} bytes)")


@app.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--pack", "-p", default=None, help="Skip detection and read as this pack.")
@click.option("--document", "-d", default=None, help="Document kind, with --pack.")
@json_flag
@click.option("--redact", is_flag=True, help="Blank special-category fields and unmapped text.")
def parse(file: Path, pack: str | None, document: str | None, as_json: bool, redact: bool) -> None:
    """Read a completed form (.docx, .pdf, .doc, .rtf, .odt, or a scan) into the model.

    Prints the JSON envelope (pack, document, data, warnings, unmapped) with --json or when
    piped; on a terminal, the fields that hold a value, then the warnings and unmapped text."""
    from ..reading import parse as parse_document

    result = parse_document(file, pack=pack, document=document, redact=redact)
    if wants_json(as_json):
        print_json(result.envelope())
        if verbosity() > 0:
            for item in result.warnings:
                click.echo(f"warning: {_located(item.field, item.message, item.source)}", err=True)
        return
    _print_parsed(result.envelope(), result.confidence)


def _print_parsed(envelope: dict[str, Any], confidence: float) -> None:
    from ..models.paths import flatten

    click.echo(f"{envelope['pack']} {envelope['document'].replace('_', ' ')} (confidence {confidence:.2f})")
    for path, value in flatten(envelope["data"]).items():
        if value not in (None, ""):
            click.echo(f"  {path}: {value}")
    for item in envelope["warnings"]:
        click.echo(f"warning: {_located(item['field'], item['message'], item['source'])}")
    for item in envelope["unmapped"]:
        click.echo(f"unmapped: {item['text']}" + (f" ({item['source']})" if item["source"] else ""))


def _located(field: str, message: str, source: str) -> str:
    text = f"{field}: {message}" if field else message
    return f"{text} ({source})" if source else text


@app.command()
@click.argument("source", metavar="IN")
@pack_option
@document_option
@json_flag
@click.option(
    "--as-of", callback=date_option, help="Judge deadlines on this date, e.g. 24/11/2026 (default: today)."
)
def validate(source: str, pack: str, document: str, as_json: bool, as_of: datetime.date | None) -> None:
    """Check data against the model and the council's standards.

    Exit 1 when any finding is an error; they are also listed on stderr (the first three,
    or all with -v)."""
    from ..validation import validate_data

    findings = validate_data(read_json_input(source), pack=pack, document=document, as_of=as_of)
    if wants_json(as_json):
        print_json({"findings": [f.as_json() for f in findings]})
    else:
        for finding in findings:
            click.echo(f"{finding.level:<8} {finding.field or '-'}: {finding.message}  [{finding.source}]")
        if not findings:
            click.echo("no findings")
    errors = [f for f in findings if f.level == "error"]
    shown = errors if verbosity() > 0 else errors[:ERRORS_SHOWN]
    for finding in shown:
        click.echo(f"error: {finding.field}: {finding.message}", err=True)
    if len(shown) < len(errors):
        click.echo(f"({len(errors) - len(shown)} more errors; -v lists them all)", err=True)
    if errors:
        sys.exit(PROBLEMS)


@app.command()
@document_option
def schema(document: str) -> None:
    """Print the JSON Schema of a document's model."""
    from ..errors import InvalidData
    from ..models import DOCUMENT_MODELS

    if document not in DOCUMENT_MODELS:
        raise InvalidData([], f"unknown document '{document}' (known: {', '.join(DOCUMENT_MODELS)})")
    print_json(DOCUMENT_MODELS[document].model_json_schema())


@app.command()
@click.option(
    "-o", "--out", default="demo-output", show_default=True, type=click.Path(file_okay=False, path_type=Path)
)
def demo(out: Path) -> None:
    """Render every pack's example, read each back, and say how it went."""
    from ..demo import run_demo

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
