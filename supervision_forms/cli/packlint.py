"""`supervision-forms pack ...`: tools for pack authors.

- `pack init BLANK.docx -o DIR --name NAME`: a council's blank form becomes a pack.
- `pack lint DIR`: every problem in a pack, one a line (or JSON).
- `pack test DIR`: the round trips, as a one-screen report.

Exit codes: 0 clean; 1 problems (each printed); 2 the pack or form cannot be read at all.
"""

from __future__ import annotations

import contextlib
import sys
import tomllib
from dataclasses import asdict
from pathlib import Path

import click
from pydantic import ValidationError

from ..docx.package import read_file, unpack_package
from ..docx.security import scan_package
from ..errors import PackError, SupervisionFormsError
from ..models import DOCUMENT_MODELS
from ..packs.authoring import init_pack
from ..packs.authoring.checks import FIDELITY, DocumentCheck, Problem, check_pack
from ..packs.pack import MAX_TEMPLATE_BYTES, PACK_FILE, load_pack
from ..packs.spec import PackSpec
from .app import PROBLEMS, app, json_flag, print_json

LintFinding = Problem  # one problem in a pack: file, rule, part of the file, message
MAX_FORM_BYTES = 20 * 1024 * 1024


def lint_pack_folder(folder: Path) -> list[Problem]:
    """Every problem with the pack in `folder`: unsafe template content (all of it, not
    just the first), then what loading checks (paths, tags), then the round trips
    (labels printed, example read back, the form's text kept, hand-filled reading).
    Raises `PackError` when the pack file or a template cannot be read at all."""
    return _checked(folder)[0]


def _checked(folder: Path) -> tuple[list[Problem], list[DocumentCheck]]:
    spec = _read_spec(folder)
    found: list[Problem] = []
    for doc in spec.documents.values():
        package = unpack_package(_read_template(folder, doc.template), doc.template)
        found += [Problem(doc.template, f.rule, f.part, f.message) for f in scan_package(package)]
    if found:
        return found, []
    try:
        pack = load_pack(folder)
    except PackError as error:
        return [Problem(PACK_FILE, "pack", "", str(error))], []
    checks = check_pack(pack)
    return [problem for check in checks for problem in check.problems], checks


def _read_spec(folder: Path) -> PackSpec:
    try:
        raw = tomllib.loads((folder / PACK_FILE).read_text(encoding="utf-8"))
        return PackSpec.model_validate(raw)
    except (OSError, UnicodeDecodeError):
        raise PackError(f"{folder.name}: no readable {PACK_FILE}") from None
    except tomllib.TOMLDecodeError as error:
        raise PackError(f"{folder.name}/{PACK_FILE}: {error}") from None
    except ValidationError as error:
        first = error.errors(include_input=False)[0]
        where = ".".join(str(p) for p in first["loc"])
        raise PackError(f"{folder.name}/{PACK_FILE}: {where}: {first['msg']}") from None


def _read_template(folder: Path, name: str) -> bytes:
    """A template's bytes: a regular file inside the pack folder, of a sane size."""
    root = folder.resolve()
    path = (folder / name).resolve()
    if not path.is_relative_to(root):
        raise PackError(f"{PACK_FILE}: template '{name}' is outside the pack folder")
    try:
        if not path.is_file():
            raise PackError(f"{PACK_FILE}: template '{name}' is not a file")
        if path.stat().st_size > MAX_TEMPLATE_BYTES:
            raise PackError(f"{name}: the template is over {MAX_TEMPLATE_BYTES // 2**20} MB")
        return path.read_bytes()
    except OSError as error:
        raise PackError(f"{name}: cannot be read ({error.strerror})") from None


@app.group()
def pack() -> None:
    """Tools for template pack authors."""


@pack.command("init")
@click.argument("blank", metavar="BLANK.docx", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option(
    "-o", "--out", required=True, type=click.Path(path_type=Path, file_okay=False), help="The pack folder."
)
@click.option("--name", required=True, help="The pack's name: lower case letters, digits, '-' or '_'.")
@click.option("--council", default=None, help="The council's name, as it should be shown.")
@click.option(
    "--document",
    "-d",
    default="agreement",
    show_default=True,
    type=click.Choice(list(DOCUMENT_MODELS)),
    help="Which document the form is.",
)
def init(blank: Path, out: Path, name: str, council: str | None, document: str) -> None:
    """Make a pack from a council's blank Word form: the template (the form with a tag in
    each answer place), pack.toml (each place's model path; places to check marked
    `# check:`), an example, and a copy of the form. Run it again after editing pack.toml:
    your choices there are kept."""
    data = read_file(blank, MAX_FORM_BYTES)
    report = init_pack(data, out, name=name, council=council, document=document, label=blank.name)
    for line in report.lines():
        click.echo(line)


@pack.command("lint")
@click.argument("folder", metavar="DIR", type=click.Path(path_type=Path, file_okay=False, exists=True))
@json_flag
def lint(folder: Path, as_json: bool) -> None:
    """Check a pack folder: unsafe template content (macros, external links, DDE and
    INCLUDE fields, embedded objects, Jinja beyond the allow-list), the pack's paths and
    tags, every label printed, the example's round trip, the form's printed text kept, and
    reading the form filled in by hand. Exit 0 clean, 1 findings, 2 unreadable."""
    findings = lint_pack_folder(folder)
    if as_json:
        print_json({"findings": [asdict(f) for f in findings]})
    else:
        for finding in findings:
            click.echo(str(finding))
    if findings:
        click.echo(f"{len(findings)} problem(s) found in {folder.name}", err=True)
        sys.exit(PROBLEMS)
    if not as_json:
        click.echo(f"{folder.name}: no problems found")


@pack.command("test")
@click.argument("folder", metavar="DIR", type=click.Path(path_type=Path, file_okay=False, exists=True))
@json_flag
def test(folder: Path, as_json: bool) -> None:
    """Run a pack's round trips and print a one-screen report: labels printed, the example
    rendered and read back, the council's printed text kept (against the blank form), and
    the blank form filled in by hand and read by its labels. Exit 1 on any problem."""
    problems, checks = _checked(folder)
    if as_json:
        print_json(
            {
                "pack": folder.name,
                "documents": [_as_json(c) for c in checks],
                "problems": [asdict(p) for p in problems],
            }
        )
    else:
        title = folder.name
        with contextlib.suppress(SupervisionFormsError):
            loaded = load_pack(folder)
            title = f"{loaded.name} ({loaded.spec.council}), version {loaded.spec.version}"
        for line in report_lines(title, checks, problems):
            click.echo(line)
    if problems:
        sys.exit(PROBLEMS)


def _as_json(check: DocumentCheck) -> dict[str, object]:
    return {
        "document": check.kind,
        "fields": check.fields,
        "labels_printed": check.labels_printed,
        "read_back": [check.read_back, check.read_back_of],
        "fidelity": check.fidelity,
        "hand_filled": [check.hand_filled, check.hand_filled_of],
        "problems": [asdict(p) for p in check.problems],
    }


def report_lines(title: str, checks: list[DocumentCheck], problems: list[Problem]) -> list[str]:
    """The one-screen report of `pack test`."""
    lines = [title]
    for check in checks:
        lines.append(f"  {check.kind}: {check.fields} fields")
        lines.append(
            _line(
                check.labels_printed == check.fields,
                "labels printed on the template",
                f"{check.labels_printed}/{check.fields}",
            )
        )
        if check.read_back_of:
            lines.append(
                _line(
                    check.read_back == check.read_back_of,
                    "example rendered and read back",
                    f"{check.read_back}/{check.read_back_of} values",
                )
            )
        else:
            lines.append("    --  no example: the round trips are not checked")
        if check.fidelity is not None:
            found, total = check.lines
            lines.append(
                _line(
                    check.fidelity >= FIDELITY,
                    "the form's printed text kept",
                    f"{check.fidelity:.3f} ({found}/{total} lines)",
                )
            )
        if check.hand_filled_of:
            lines.append(
                _line(
                    check.hand_filled == check.hand_filled_of,
                    "hand-filled copy read by its labels",
                    f"{check.hand_filled}/{check.hand_filled_of} values",
                )
            )
    shown = problems[:8]
    lines.extend(f"  ✗ {problem}" for problem in shown)
    if len(problems) > len(shown):
        lines.append(f"  … and {len(problems) - len(shown)} more (supervision-forms pack lint)")
    lines.append("all checks passed" if not problems else f"{len(problems)} problem(s)")
    return lines


def _line(passed: bool, what: str, count: str) -> str:
    return f"    {'ok ' if passed else 'NO '} {what:<36} {count}"
