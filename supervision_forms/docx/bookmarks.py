"""Bookmark names that mark where each field's value sits in our documents.

Word allows 40 characters (letters, digits, underscore), so long paths are shortened
with a hash. Loop items end in "_<index>".
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

PREFIX = "sf_"
DISPLAY_PREFIX = "sfd_"  # text shown for a field through a filter (a month name): not a value
MAX_NAME = 40


def path_code(generic_path: str) -> str:
    """'decisions[].action' -> 'decisions_action' (shortened to fit with an index)."""
    code = generic_path.replace("[]", "").replace(".", "_")
    if len(PREFIX) + len(code) + 4 > MAX_NAME:
        digest = hashlib.sha1(generic_path.encode()).hexdigest()[:6]
        code = f"{code[: MAX_NAME - len(PREFIX) - 4 - 7]}_{digest}"
    return code


def static_name(generic_path: str) -> str:
    return PREFIX + path_code(generic_path)


def item_name(generic_path: str, index: int) -> str:
    return f"{PREFIX}{path_code(generic_path)}_{index}"


def concrete_name(path: str) -> str:
    """Bookmark for a concrete path: 'meeting_dates.2' -> 'sf_meeting_dates_2'."""
    parts = path.split(".")
    indices = [p for p in parts if p.isdigit()]
    generic = ".".join("[]" if p.isdigit() else p for p in parts).replace(".[]", "[]")
    return item_name(generic, int(indices[0])) if indices else static_name(generic)


class BookmarkDecoder:
    """Maps bookmark names back to concrete model paths."""

    def __init__(self, generic_paths: Iterable[str]) -> None:
        self._static: dict[str, str] = {}
        self._items: list[tuple[re.Pattern[str], str]] = []
        for path in generic_paths:
            if "[]" in path:
                pattern = re.compile(re.escape(PREFIX + path_code(path)) + r"_(\d{1,4})$")
                self._items.append((pattern, path))
                if path.endswith("[]") and path.count("[]") == 1:
                    self._static[static_name(path)] = path  # a whole list in one place (tick boxes)
            else:
                self._static[static_name(path)] = path

    def path(self, name: str) -> str | None:
        if name in self._static:
            return self._static[name]
        for pattern, generic in self._items:
            match = pattern.match(name)
            if match:
                head, _, tail = generic.partition("[]")
                return f"{head}.{match.group(1)}{tail}"
        return None
