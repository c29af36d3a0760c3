"""File names for generated documents: readable, stable, and safe on Windows and POSIX.

A name is `<supervisee>-<date>.docx`, e.g. `Tom-Wheeler-2026-11-16.docx`. Whatever the
roster says, a name is one plain file name inside the output folder: no separators, no
`..`, no drive letters or device names (CON, NUL, COM1...), no control or invisible
characters, and never longer than `MAX_STEM_BYTES`. Two rows that would share a name
(ignoring case, as Windows and macOS do) get `-2`, `-3`... in roster order.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from typing import Any

from pydantic import BaseModel

from ..text.dates import format_date

MAX_NAME_CHARS = 60
MAX_STEM_BYTES = 120  # well under the 255-byte limit of common file systems
UNNAMED = "unnamed"
UNDATED = "undated"
NAME_DATE_FIELDS = ("agreement_date", "date", "planned_date")
WINDOWS_DEVICES = frozenset(
    {"con", "prn", "aux", "nul", "conin$", "conout$", "clock$"}
    | {f"{port}{n}" for port in ("com", "lpt") for n in [*"0123456789", "¹", "²", "³"]}
)
_KEEP_TOGETHER = re.compile(r"['’‘`ʼ]")  # O'Brien -> OBrien, not O-Brien
_SEPARATORS = re.compile(r"-{2,}")


def safe_part(text: str, fallback: str) -> str:
    """Text made into one safe piece of a file name: letters and digits (any script)
    joined by single hyphens; `fallback` when nothing usable is left."""
    text = unicodedata.normalize("NFKC", text)
    text = _KEEP_TOGETHER.sub("", text)
    kept = "".join(ch if ch.isalnum() else "-" for ch in text)
    kept = _SEPARATORS.sub("-", kept).strip("-")
    kept = _shorten(kept, MAX_NAME_CHARS, MAX_STEM_BYTES - 20)
    if not kept:
        return fallback
    if kept.split(".")[0].casefold() in WINDOWS_DEVICES:
        kept = f"{kept}-file"
    return kept


def _shorten(text: str, chars: int, max_bytes: int) -> str:
    text = text[:chars]
    while len(text.encode("utf-8")) > max_bytes:
        text = text[:-1]
    return text.rstrip("-")


def document_stem(model: BaseModel) -> str:
    """`<supervisee>-<date>` for a document, before any collision suffix."""
    person = _value(model, ("supervisee", "name"))
    date = _document_date(model)
    name_part = safe_part(person, UNNAMED) if isinstance(person, str) else UNNAMED
    return f"{name_part}-{date.isoformat() if date else UNDATED}"


def names_nobody(model: BaseModel) -> bool:
    """Whether the document names no supervisee (its file is then called 'unnamed-…')."""
    person = _value(model, ("supervisee", "name"))
    return not (isinstance(person, str) and person.strip())


def bookmark_title(model: BaseModel) -> str:
    """A person's entry in a PDF pack: 'Tom Wheeler, 16 November 2026'."""
    person = _value(model, ("supervisee", "name"))
    date = _document_date(model)
    name = person if isinstance(person, str) else "Unnamed"
    return f"{name}, {format_date(date)}" if date else name


def _document_date(model: BaseModel) -> datetime.date | None:
    for name in NAME_DATE_FIELDS:
        value = _value(model, (name,))
        if isinstance(value, datetime.date):
            return value
    return None


def _value(model: BaseModel, path: tuple[str, ...]) -> Any:
    node: Any = model
    for name in path:
        node = getattr(node, name, None)
    return node


def comparison_key(name: str) -> str:
    """Names that are the same file on Windows or macOS compare equal."""
    return unicodedata.normalize("NFC", name).casefold()


class NameRegistry:
    """Hands out distinct file names in the order asked: the first row keeps the plain
    name, later rows with the same name get -2, -3... The same roster always gives the
    same names. One registry per batch; not shared."""

    def __init__(self, reserved: tuple[str, ...] = ()) -> None:
        self._taken: set[str] = {comparison_key(stem) for stem in reserved}
        self._next: dict[str, int] = {}  # per stem, the first number not yet tried

    def claim(self, stem: str) -> str:
        """A free stem, `<stem>` or `<stem>-<n>`; it is then taken. Every file made for a
        row (its .docx, its .pdf) uses the row's stem. Numbers tried before stay taken,
        so each stem's search resumes where it stopped: O(1) a row, however many share
        a name."""
        key = comparison_key(stem)
        number = self._next.get(key, 1)
        candidate = stem if number == 1 else f"{stem}-{number}"
        while comparison_key(candidate) in self._taken:
            number += 1
            candidate = f"{stem}-{number}"
        self._taken.add(comparison_key(candidate))
        self._next[key] = number + 1
        return candidate
