"""`pack init`: a council's blank Word form becomes a working pack, with no code.

The form's answer places are found (`places`), each is given a model path (`assign`,
`match`), and the pack folder is written (`write`): the template (the council's own
document with a tag in each place), the pack file (with `# check:` above each place a
person should look at), an example, and a copy of the blank form. Run again on a folder
that already has a pack file, the author's choices there are kept: a place whose label a
field of the pack file names keeps that field's path.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ...docx.form import Form, open_form
from ...docx.security import scan_package
from ...errors import PackError
from ...files import write_atomic
from ...models import DOCUMENT_MODELS
from ...registry import installed_packs
from ..extras import pack_model
from ..pack import PACK_FILE, load_pack
from ..registry import PackRegistry
from ..spec import PACK_NAME, ExtraSpec
from .assign import Decisions, Mapped, assign
from .examples import example
from .match import vocabulary
from .places import find_places
from .text import fold, words
from .write import document_section, head_section, template

TITLES = {
    "agreement": "Supervision Agreement",
    "case_record": "Case Supervision Record",
    "general_record": "Supervision Record",
    "cancellation": "Supervision Cancellation",
}
OWN_KEYS = {"template", "title", "example", "blank", "prompts", "fields", "extra"}  # pack init writes these
SECTION = re.compile(r"^\[\s*documents\.([A-Za-z_][\w]*)\s*[\].]", re.MULTILINE)


@dataclass
class InitReport:
    """What `pack init` found and wrote."""

    folder: Path
    name: str
    document: str
    places: list[Mapped]
    written: list[Path]
    missing: list[str] = field(default_factory=list)  # the pack file's fields not found on the form
    notes: list[str] = field(default_factory=list)  # what was changed beside the answer places

    @property
    def to_check(self) -> list[Mapped]:
        return [m for m in self.places if m.check]

    def lines(self) -> list[str]:
        """A one-screen summary: each place, its path, and what needs a person's check."""
        own = sum(1 for m in self.places if any(p.startswith("extra.") for p in m.paths))
        out = [
            f"{self.name}: {len(self.places)} answer places on the {self.document} form: "
            f"{len(self.places) - len(self.to_check)} sure, {len(self.to_check)} to check, "
            f"{own} kept as the council's own fields",
        ]
        for item in self.places:
            mark = "?" if item.check else "✓"
            paths = ", ".join(item.paths)
            label = " ".join(item.slot.label.split())
            label = label if len(label) <= 48 else label[:47] + "…"
            out.append(f"  {mark} {paths:<38} “{label}” ({item.slot.place}, {item.slot.source})")
        for path in self.missing:
            out.append(f"  ! {path}: its label is not on the form; left out")
        out.extend(f"  ! {note}" for note in self.notes)
        out.append("wrote " + ", ".join(str(p) for p in self.written))
        if self.to_check:
            out.append(
                f"check the {len(self.to_check)} places marked “# check:” in {self.folder / PACK_FILE}, then:"
            )
        out.append(f"  supervision-forms pack test {self.folder}")
        return out


def init_pack(
    blank: bytes,
    folder: Path,
    *,
    name: str,
    council: str | None = None,
    document: str = "agreement",
    packs: PackRegistry | None = None,
    label: str = "form",
) -> InitReport:
    """Make (or remake) the pack in `folder` for the blank form `blank` (.docx bytes)."""
    if not re.match(PACK_NAME, name):
        raise PackError(f"pack name '{name[:40]}' must be 2-40 lower case letters, digits, '-' or '_'")
    if document not in DOCUMENT_MODELS:
        raise PackError(f"unknown document '{document}' (known: {', '.join(DOCUMENT_MODELS)})")
    folder = Path(folder)
    existing_text, existing = _existing(folder)
    raw_doc = (existing.get("documents") or {}).get(document) or {}
    decisions = Decisions.from_document(raw_doc)
    known = [p for p in (packs if packs is not None else installed_packs()) if p.name != name]
    vocab = vocabulary(DOCUMENT_MODELS[document], document, known)
    form = open_form(blank, label)
    notes = _made_safe(form, label)
    slots = find_places(form, frozenset(vocab.prompts))
    extras: dict[str, ExtraSpec] = {}
    mapped = assign(slots, vocab, decisions, extras)
    extras = {n: s for n, s in extras.items() if any(f"extra.{n}" in m.paths for m in mapped)}
    files = {
        "template": f"{document}.docx",
        "example": f"example-{document}.json",
        "blank": f"blank-{document}.docx",
    }
    kept_fields = {path: spec for group in decisions.fields.values() for path, spec in group}
    section = document_section(
        document,
        title=str(raw_doc.get("title") or TITLES[document]),
        template_name=files["template"],
        example_name=files["example"],
        blank_name=files["blank"],
        prompts=_prompts(mapped, raw_doc),
        mapped=mapped,
        extras=extras,
        kept=kept_fields,
        more={k: v for k, v in raw_doc.items() if k not in OWN_KEYS and not isinstance(v, dict)},
        default_empty=str(existing.get("empty") or ""),
    )
    council = council or str(existing.get("council") or name.replace("-", " ").replace("_", " ").title())
    head = (existing_text and _head(existing_text)) or head_section(
        name, f"{council} – Children's Services", council
    )
    pack_text = _merge(existing_text, head, document, section)
    model = pack_model(DOCUMENT_MODELS[document], name, extras)
    paths = [p for m in mapped for p in m.paths]
    made_example = example(model, paths, extras)
    kept_example = _kept_example(folder / files["example"], model, set(extras))
    data = _topped_up(kept_example, made_example) if kept_example is not None else made_example
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    annex_before = raw_doc.get("annex_before")
    made = template(form, mapped, annex_before if isinstance(annex_before, str) else None)
    outputs = [(files["template"], made), (files["blank"], blank)]
    if data != kept_example:  # an example that still fits, and has every place, is the author's
        outputs.append((files["example"], (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode()))
    outputs.append((PACK_FILE, pack_text.encode("utf-8")))
    for file_name, content in outputs:
        write_atomic(folder / file_name, content)
        written.append(folder / file_name)
    pack = load_pack(folder)  # the pack must load: paths, tags, template
    pack.example(document)
    placed = {p.removesuffix("[]") for m in mapped for p in m.paths}
    missing = sorted(p for p in kept_fields if p.removesuffix("[]") not in placed)
    return InitReport(folder, pack.name, document, mapped, written, missing, notes)


def _made_safe(form: Form, label: str) -> list[str]:
    """A form a template may be made of: an attached template (a link Word follows when the
    form opens) is unlinked; anything else unsafe (macros, embedded objects, DDE fields,
    links to files) has to be taken out of the form first."""
    notes = []
    if form.drop_attached_template():
        notes.append("the form's link to an attached Word template was taken out (its styles are kept)")
    findings = [f for f in scan_package(form.package) if f.rule != "attached-template"]
    if findings:
        first = findings[0]
        more = f" (and {len(findings) - 1} more)" if len(findings) > 1 else ""
        raise PackError(
            f"{label}: {first.message} ({first.part}){more}; take it out of the form and run again"
        )
    return notes


def _kept_example(path: Path, model: type[BaseModel], extras: set[str]) -> dict[str, Any] | None:
    """The pack's example as it is, when there is one and it still fits the model (and
    holds no field of the council's own that the pack no longer declares)."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        model.model_validate(raw)
    except (OSError, ValueError):
        return None
    if not isinstance(raw, dict) or not isinstance(raw.get("extra") or {}, dict):
        return None
    return raw if set(raw.get("extra") or {}) <= extras else None


def _topped_up(kept: dict[str, Any], made: dict[str, Any]) -> dict[str, Any]:
    """The author's example, with a made-up value for each place it has none for (a place
    given a model path since)."""
    out = dict(kept)
    for key, value in made.items():
        if key not in out or out[key] is None:
            out[key] = value
        elif isinstance(out[key], dict) and isinstance(value, dict):
            out[key] = _topped_up(out[key], value)
    return out


def _existing(folder: Path) -> tuple[str, dict[str, Any]]:
    path = folder / PACK_FILE
    if not path.is_file():
        return "", {}
    text = path.read_text(encoding="utf-8")
    try:
        return text, tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise PackError(f"{folder.name}/{PACK_FILE}: {error}") from None


def _prompts(mapped: list[Mapped], raw_doc: dict[str, Any]) -> list[str]:
    """Printed prompts that are never answers: those the form shows in its places."""
    found = [str(p) for p in raw_doc.get("prompts") or []]
    for item in mapped:
        empty = item.slot.empty
        if empty and words(empty) and fold(empty) not in {fold(p) for p in found}:
            found.append(empty)
    return found


def _head(text: str) -> str:
    """The pack file's top: everything before its first document section."""
    first = SECTION.search(text)
    head = text[: first.start()] if first else text
    return _without_trailing_comments(head)


def _without_trailing_comments(text: str) -> str:
    lines = text.rstrip("\n").split("\n")
    while lines and lines[-1].lstrip().startswith("#"):
        lines.pop()
    return "\n".join(lines).rstrip("\n") + "\n\n"


def _merge(existing: str, head: str, document: str, section: str) -> str:
    """The pack file: its top, its other documents as they were, this document's new part
    (its own tables pack init does not write, `printed` say, kept after it)."""
    if not existing:
        return head.rstrip("\n") + "\n\n" + section
    out: list[str] = [head.rstrip("\n") + "\n"]
    kept: list[str] = []
    placed = False
    for header, text in _tables(existing):
        if header is None:
            continue
        if header.startswith(f"documents.{document}.") or header == f"documents.{document}":
            if _written(header, document):
                if not placed:
                    out.append(_leading_comments(text) + section)
                    placed = True
            else:
                kept.append(text.rstrip("\n") + "\n")
            continue
        out.extend(kept)
        kept = []
        out.append(text.rstrip("\n") + "\n")
    if not placed:
        out.append(section)
    out.extend(kept)
    return "\n".join(out)


def _leading_comments(text: str) -> str:
    """The comment lines a table starts with (the author's note on a document)."""
    lines = []
    for line in text.split("\n"):
        if not line.lstrip().startswith("#"):
            break
        lines.append(line)
    return "".join(f"{line}\n" for line in lines)


def _written(header: str, document: str) -> bool:
    """The tables of a document that pack init writes (the others are the author's)."""
    base = f"documents.{document}"
    return header in (base, f"{base}.fields") or header.startswith(f"{base}.extra.")


TABLE = re.compile(r"^\s*\[\s*([^\[\]]+?)\s*\]\s*(?:#.*)?$")


def _tables(text: str) -> list[tuple[str | None, str]]:
    """The pack file cut at each table header; comments just above a header go with it."""
    lines = text.split("\n")
    starts: list[tuple[int, str]] = []
    for number, line in enumerate(lines):
        match = TABLE.match(line)
        if match:
            start = number
            while start > 0 and lines[start - 1].lstrip().startswith("#"):
                start -= 1
            starts.append((start, re.sub(r"\s+", "", match.group(1)).replace('"', "")))
    parts: list[tuple[str | None, str]] = [(None, "\n".join(lines[: starts[0][0]] if starts else lines))]
    for index, (start, header) in enumerate(starts):
        end = starts[index + 1][0] if index + 1 < len(starts) else len(lines)
        parts.append((header, "\n".join(lines[start:end])))
    return parts
