"""Reading's knowledge of a pack document (`FormKnowledge`) kept in the user's cache
folder, so a fresh command does not compile every installed template (Jinja, the
security scan) only to tell which form a file is.

An entry is named after all it is made from: the pack file as loaded (its spec), the
template's bytes, the library's own code (its source files' sizes and times), the Python
version and the versions of the libraries that read templates. A changed pack, template
or library is a new name, never mixed up with the old one. An entry holds its own
checksum and is used only when it checks and reads back whole; anything else (cut short,
damaged, unreadable, from a different layout) is built again. Entries are written under
a temporary name and renamed into place; the oldest are removed beyond `KEEP`.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..files import write_atomic
from ..user_cache import user_cache
from .knowledge import FieldInfo, FormKnowledge

if TYPE_CHECKING:
    from ..packs import Pack

FOLDER = "knowledge"
LAYOUT = 1  # the entries' JSON layout: raise it when `_dump` changes
KEEP = 64  # entries kept: a few packs' documents over a few library versions
SOURCES = Path(__file__).resolve().parent.parent  # the library's own code
READERS = ("docxtpl", "jinja2", "lxml")  # libraries whose versions change what a template reads as
LISTS = ("statics", "slots", "margins", "repeats", "prompts", "own_lines", "lines")
FIELD_TEXTS = ("path", "tail", "suffix", "kind", "needle")


def load(pack: Pack, kind: str, template: bytes) -> FormKnowledge | None:
    """The kept knowledge of `pack`'s `kind` made from `template` (its bytes); None when
    there is none intact."""
    try:
        path = _path(pack, kind, template)
        blob = path.read_bytes()
    except OSError:
        return None
    checksum, _, body = blob.partition(b"\n")
    if hashlib.sha256(body).hexdigest().encode() != checksum:
        return None
    try:
        return _restore(json.loads(body), pack, kind)
    except (ValueError, TypeError, KeyError, RecursionError):
        return None


def keep(pack: Pack, kind: str, template: bytes, knowledge: FormKnowledge) -> None:
    """Keep `knowledge`, made from `template`; silently not when the cache folder cannot
    be written (the next command builds it again)."""
    body = json.dumps(_dump(knowledge), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    blob = hashlib.sha256(body).hexdigest().encode() + b"\n" + body
    with contextlib.suppress(OSError):
        path = _path(pack, kind, template)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, blob, durable=False)  # a reader sees no file or the whole new one
        _prune(path.parent)


def _path(pack: Pack, kind: str, template: bytes) -> Path:
    folder = user_cache()
    if folder is None:
        raise OSError("no cache folder: the user has no home")
    key = hashlib.sha256()
    for part in (_library(), pack.spec.model_dump_json(), kind, hashlib.sha256(template).hexdigest()):
        key.update(part.encode("utf-8") + b"\0")
    return folder / FOLDER / f"{pack.name[:32]}-{kind}-{key.hexdigest()[:32]}.json"


@functools.cache
def _library(root: Path = SOURCES) -> str:
    """What the knowledge is made by: the library's source files (in `root`), the Python
    running it, and the template readers' versions."""
    digest = hashlib.sha256(f"{LAYOUT}\0{sys.version}".encode())
    for name in READERS:
        try:
            digest.update(f"{name}={version(name)}\0".encode())
        except PackageNotFoundError:
            digest.update(f"{name}=?\0".encode())
    for source in sorted(root.rglob("*.py")):
        stat = source.stat()  # as Python's bytecode cache knows a file (reading them all costs more)
        digest.update(f"{source.relative_to(root)}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    return digest.hexdigest()


def _dump(knowledge: FormKnowledge) -> dict[str, Any]:
    fields = [
        {"labels": list(info.labels), **{name: getattr(info, name) for name in FIELD_TEXTS}}
        for info in knowledge.fields
    ]
    lists: dict[str, Any] = {name: getattr(knowledge, name) for name in LISTS}
    lists["own_lines"], lists["lines"] = sorted(knowledge.own_lines), sorted(knowledge.lines)
    return {"layout": LAYOUT, **lists, "fields": fields, "corpus": knowledge.corpus}


def _restore(raw: Any, pack: Pack, kind: str) -> FormKnowledge | None:
    """The knowledge `_dump` wrote, each field's spec taken from the pack (the entry's
    name says it is the same pack); None when anything is not as written."""
    if not isinstance(raw, dict) or raw.get("layout") != LAYOUT or not isinstance(raw.get("corpus"), str):
        return None
    lists = {name: raw[name] for name in LISTS}
    if not all(_texts(value) for value in lists.values()) or not isinstance(raw["fields"], list):
        return None
    specs = pack.document(kind).fields
    fields = []
    for item in raw["fields"]:
        texts = [item[name] for name in FIELD_TEXTS]
        if not all(isinstance(text, str) for text in texts) or not _texts(item["labels"]):
            return None
        path, tail, suffix, field_kind, needle = texts
        if path not in specs:
            return None
        fields.append(FieldInfo(path, specs[path], tuple(item["labels"]), tail, suffix, field_kind, needle))
    return FormKnowledge(
        lists["statics"],
        lists["slots"],
        lists["margins"],
        lists["repeats"],
        fields,
        lists["prompts"],
        set(lists["own_lines"]),
        set(lists["lines"]),
        raw["corpus"],
    )


def _texts(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _prune(folder: Path) -> None:
    """Remove the oldest entries beyond `KEEP` (another command may be removing them too)."""
    entries = []
    for entry in folder.glob("*.json"):
        with contextlib.suppress(OSError):
            entries.append((entry.stat().st_mtime_ns, entry))
    for _, entry in sorted(entries, reverse=True)[KEEP:]:
        with contextlib.suppress(OSError):
            entry.unlink()
