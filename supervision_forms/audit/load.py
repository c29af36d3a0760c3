"""Reading a folder of agreements and records (any document format, and .json) for an audit.

A file that cannot be read becomes a `FileProblem` (its name and a value-free reason), never
an exception: one bad file must not stop a team's audit.
"""

from __future__ import annotations

import hashlib
import json
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
from ..inventory import DOCUMENT_SUFFIXES, Entry, Kind, inventory
from ..models import DOCUMENT_MODELS
from ..packs import PackRegistry
from ..privacy import redacted
from ..reading import parse
from ..reading.parse import MAX_INPUT_BYTES

SUFFIXES = DOCUMENT_SUFFIXES | {".json"}
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


def audit_files(folder: Path) -> list[Entry]:
    """Every file under `folder` the audit must account for: documents (.json too) to
    read, and the other files, to be listed as not used. Our batches' own files, hidden
    files and Word's lock files are passed over (see `inventory`)."""
    return [e for e in inventory(folder, SUFFIXES) if e.kind in (Kind.DOCUMENT, Kind.OTHER)]


def load_folder(
    folder: Path, *, packs: PackRegistry, redact: bool = False
) -> tuple[list[Document], list[FileProblem], list[FileProblem]]:
    """Every readable document under `folder`, the files that could not be used, and the
    files set aside as the same document as another (a .docx and its PDF count once)."""
    documents: list[Document] = []
    problems: list[FileProblem] = []
    copies: list[FileProblem] = []
    seen: dict[str, str] = {}
    for entry in audit_files(folder):
        if entry.kind is Kind.OTHER:
            problems.append(FileProblem(entry.name, entry.reason))
            continue
        try:
            document = load_file(entry.path, entry.name, packs)
        except SupervisionFormsError as error:
            problems.append(FileProblem(entry.name, _reason(str(error), entry.path.name)))
            continue
        except Exception as error:  # a reader bug on one odd file must not stop the team's audit
            problems.append(
                FileProblem(entry.name, f"could not be read (internal error: {type(error).__name__})")
            )
            continue
        key = _content_key(document)
        if key in seen:
            copies.append(FileProblem(entry.name, f"the same document as {seen[key]}, which was used"))
            continue
        seen[key] = entry.name
        if redact:
            document = Document(
                document.file, document.pack, document.kind, redacted(document.model), document.warnings
            )
        documents.append(document)
    return documents, problems, copies


def _content_key(document: Document) -> str:
    data = json.dumps(document.model.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(f"{document.kind}|{data}".encode()).hexdigest()


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
