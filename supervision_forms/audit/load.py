"""Reading a folder of agreements and records (.docx, .pdf, .json) for an audit.

A file that cannot be read becomes a `FileProblem` (its name and a value-free reason), never
an exception: one bad file must not stop a team's audit.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from ..errors import (
    CorruptDocument,
    DocumentTooLarge,
    InvalidData,
    SupervisionFormsError,
    UnsupportedFormat,
)
from ..models import DOCUMENT_MODELS
from ..packs import PackRegistry
from ..privacy import redacted
from ..reading import parse
from ..reading.parse import MAX_INPUT_BYTES

SUFFIXES = (".docx", ".pdf", ".json")
ENVELOPE_KEYS = {"pack", "document", "data"}
ENVELOPE = '{"pack", "document", "data"}'


@dataclass(frozen=True)
class Document:
    """One document read from the folder: its file (relative), pack (if known), kind and model."""

    file: str
    pack: str | None
    kind: str
    model: BaseModel
    warnings: int = 0


@dataclass(frozen=True)
class FileProblem:
    """A file the audit could not use, and why (never the file's content)."""

    file: str
    problem: str

    def as_json(self) -> dict[str, str]:
        return {"file": self.file, "problem": self.problem}


def audit_files(folder: Path) -> Iterator[Path]:
    """The .docx, .pdf and .json files under `folder`, in name order; hidden files and Word's
    lock files (~$name.docx) are skipped."""
    for path in sorted(folder.rglob("*")):
        parts = path.relative_to(folder).parts
        if any(p.startswith(".") for p in parts) or path.name.startswith("~$"):
            continue
        if path.is_file() and path.suffix.lower() in SUFFIXES:
            yield path


def load_folder(
    folder: Path, *, packs: PackRegistry, redact: bool = False
) -> tuple[list[Document], list[FileProblem]]:
    """Every readable document under `folder`, and the files that could not be read."""
    documents: list[Document] = []
    problems: list[FileProblem] = []
    for path in audit_files(folder):
        name = path.relative_to(folder).as_posix()
        try:
            document = load_file(path, name, packs)
        except SupervisionFormsError as error:
            problems.append(FileProblem(name, _reason(str(error), path.name)))
            continue
        except Exception as error:  # a reader bug on one odd file must not stop the team's audit
            problems.append(FileProblem(name, f"could not be read (internal error: {type(error).__name__})"))
            continue
        if redact:
            document = Document(
                document.file, document.pack, document.kind, redacted(document.model), document.warnings
            )
        documents.append(document)
    return documents, problems


def load_file(path: Path, name: str, packs: PackRegistry) -> Document:
    """Read one file; raises a SupervisionFormsError when it cannot be used."""
    if path.suffix.lower() == ".json":
        return _load_json(path, name)
    result = parse(path, packs=packs)
    return Document(name, result.pack, result.document, result.data, len(result.warnings))


def _load_json(path: Path, name: str) -> Document:
    """A parse envelope ({"pack", "document", "data"}) or a bare model, its kind recognised
    by which model accepts it."""
    label = path.name
    try:
        if path.stat().st_size > MAX_INPUT_BYTES:
            raise DocumentTooLarge(f"{label}: the file is over {MAX_INPUT_BYTES // 2**20} MB")
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        raise UnsupportedFormat(f"{label}: cannot be read as UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise CorruptDocument(f"{label}: not valid JSON (line {error.lineno})") from None
    if not isinstance(raw, dict):
        raise UnsupportedFormat(f"{label}: not a JSON object")
    if set(raw) >= ENVELOPE_KEYS:
        return _from_envelope(raw, label, name)
    problems = {kind: _problems(model, raw) for kind, model in DOCUMENT_MODELS.items()}
    kinds = [kind for kind, error in problems.items() if error is None]
    if len(kinds) > 1:
        raise UnsupportedFormat(f"{label}: could be more than one kind of document; give it as {ENVELOPE}")
    if kinds:
        return Document(name, None, kinds[0], DOCUMENT_MODELS[kinds[0]].model_validate(raw))
    closest = min((e for e in problems.values() if e is not None), key=lambda e: e.error_count())
    if all(item["type"] == "extra_forbidden" for item in closest.errors()):
        raise UnsupportedFormat(f"{label}: fits no document model; give it as {ENVELOPE}")
    raise InvalidData.from_validation(closest, label)


def _from_envelope(raw: dict[str, Any], label: str, name: str) -> Document:
    kind, pack = raw["document"], raw["pack"]
    if kind not in DOCUMENT_MODELS:
        raise UnsupportedFormat(f"{label}: 'document' is not a known document kind")
    if pack is not None and not isinstance(pack, str):
        raise UnsupportedFormat(f"{label}: 'pack' is not a pack name")
    try:
        model = DOCUMENT_MODELS[kind].model_validate(raw["data"])
    except ValidationError as error:
        raise InvalidData.from_validation(error, label) from None
    return Document(name, pack, kind, model)


def _problems(model: type[BaseModel], raw: dict[str, Any]) -> ValidationError | None:
    """Why `model` refuses `raw`, or None when it accepts it."""
    try:
        model.model_validate(raw)
    except ValidationError as error:
        return error
    return None


def _reason(message: str, label: str) -> str:
    """The error without the file name the report already shows."""
    return message.removeprefix(f"{label}: ")
