"""Reading a folder of agreements and records (any document format, and .json) for an audit.

A file that cannot be read becomes a `FileProblem` (its name and a value-free reason), never
an exception: one bad file must not stop a team's audit.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import threading
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
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
    folder: Path, *, packs: PackRegistry, redact: bool = False, jobs: int | None = None
) -> tuple[list[Document], list[FileProblem], list[FileProblem]]:
    """Every readable document under `folder`, the files that could not be used, and the
    files set aside as the same document as another (a .docx and its PDF count once).
    Files are read in `jobs` processes (by default, as many as pay for themselves at
    this folder's size); the outcome is the same, in the same order."""
    documents: list[Document] = []
    problems: list[FileProblem] = []
    copies: list[FileProblem] = []
    seen: dict[str, str] = {}
    entries = audit_files(folder)
    for entry, loaded in zip(entries, _load_all(entries, packs, jobs), strict=True):
        if isinstance(loaded, FileProblem):
            problems.append(loaded)
            continue
        key = _content_key(loaded)
        if key in seen:
            copies.append(FileProblem(entry.name, f"the same document as {seen[key]}, which was used"))
            continue
        seen[key] = entry.name
        if redact:
            loaded = Document(loaded.file, loaded.pack, loaded.kind, redacted(loaded.model), loaded.warnings)
        documents.append(loaded)
    return documents, problems, copies


FILES_PER_JOB = 4  # a folder with fewer files a process is read faster by one
_registry: PackRegistry | None = None  # the packs a forked reader inherits


def default_jobs(files: int) -> int:
    """Processes that pay for themselves reading this many files: one per FILES_PER_JOB,
    never more than the usable cores."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, files // FILES_PER_JOB))


def _load_all(
    entries: list[Entry], packs: PackRegistry, jobs: int | None
) -> Iterator[Document | FileProblem]:
    """Each entry's document or problem, in order: here, or in processes forked once the
    packs' reading knowledge is built (where forking is safe: no other thread running)."""
    wanted = [e for e in entries if e.kind is Kind.DOCUMENT]
    count = default_jobs(len(wanted)) if jobs is None else jobs
    if count <= 1 or len(wanted) <= 1 or threading.active_count() > 1 or not hasattr(os, "fork"):
        yield from (_load_entry(entry, packs) for entry in entries)
        return
    global _registry
    for pack in packs:  # built once here, shared by every reader
        for kind in pack.documents:
            pack.knowledge(kind)
    _registry = packs
    try:
        with ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("fork")) as pool:
            futures = {
                id(entry): pool.submit(_load_in_worker, entry)
                for entry in entries
                if entry.kind is Kind.DOCUMENT
            }
            for entry in entries:
                future = futures.get(id(entry))
                if future is None:
                    yield _load_entry(entry, packs)
                    continue
                try:
                    yield future.result()
                except Exception:  # a result that could not come back (a reader died): read it here
                    yield _load_entry(entry, packs)
    finally:
        _registry = None


def _load_in_worker(entry: Entry) -> Document | FileProblem:
    if _registry is None:
        raise RuntimeError("reader not started")
    return _load_entry(entry, _registry)


def _load_entry(entry: Entry, packs: PackRegistry) -> Document | FileProblem:
    """An entry's document, or why it cannot be used (never an exception)."""
    if entry.kind is Kind.OTHER:
        return FileProblem(entry.name, entry.reason)
    try:
        return load_file(entry.path, entry.name, packs)
    except SupervisionFormsError as error:
        return FileProblem(entry.name, _reason(str(error), entry.path.name))
    except Exception as error:  # a reader bug on one odd file must not stop the team's audit
        return FileProblem(entry.name, f"could not be read (internal error: {type(error).__name__})")


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
