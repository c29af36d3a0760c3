"""`supervision-forms pack lint DIR`: the checks a pack gets when it loads, for its authors.

Exit codes: 0 clean; 1 findings (each printed); 2 the pack cannot be read at all.
"""

from __future__ import annotations

import sys
import tomllib
from dataclasses import asdict, dataclass
from pathlib import Path

import click
from pydantic import ValidationError

from ..docx.package import unpack_package
from ..docx.security import scan_package
from ..errors import PackError
from ..packs.pack import MAX_TEMPLATE_BYTES, PACK_FILE, load_pack
from ..packs.spec import PackSpec
from .app import PROBLEMS, app, json_flag, print_json


@dataclass(frozen=True)
class LintFinding:
    """One problem in a pack: the file (relative to the pack folder), the rule, the part
    of the file, and what is wrong."""

    file: str
    rule: str
    part: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.part}" if self.part else self.file
        return f"{where}: {self.message} [{self.rule}]"


def lint_pack_folder(folder: Path) -> list[LintFinding]:
    """Every unsafe thing in each template of the pack in `folder` (all of them, not just
    the first); when there are none, the checks `load_pack` makes (paths, tags).
    Raises `PackError` when the pack file or a template cannot be read at all."""
    spec = _read_spec(folder)
    found: list[LintFinding] = []
    for doc in spec.documents.values():
        package = unpack_package(_read_template(folder, doc.template), doc.template)
        found += [LintFinding(doc.template, f.rule, f.part, f.message) for f in scan_package(package)]
    if not found:
        try:
            load_pack(folder)
        except PackError as error:
            found.append(LintFinding(PACK_FILE, "pack", "", str(error)))
    return found


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


@pack.command("lint")
@click.argument("folder", metavar="DIR", type=click.Path(path_type=Path, file_okay=False, exists=True))
@json_flag
def lint(folder: Path, as_json: bool) -> None:
    """Check a pack folder: unsafe template content (macros, external links, DDE and
    INCLUDE fields, embedded objects, Jinja beyond the allow-list), then the pack's paths
    and tags. Exit 0 clean, 1 findings, 2 unreadable."""
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
