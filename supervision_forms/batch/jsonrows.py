"""JSON rosters: a .jsonl file (one object a line) or a .json array, decoded one row at a time."""

from __future__ import annotations

import json
from collections.abc import Generator
from pathlib import Path
from typing import Any, TextIO

from ..errors import FieldError, RosterError

CHUNK = 1 << 16
MAX_ROW_CHARS = 2_000_000

Source = Generator[tuple[int, Any], None, None]


def count_lines(path: Path) -> int:
    with path.open("rb") as handle:
        return sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(CHUNK), b""))


def jsonl_objects(path: Path, label: str) -> Source:
    with path.open("r", encoding="utf-8-sig", errors="strict", newline="") as handle:
        number = 0
        while True:
            try:
                line = handle.readline(MAX_ROW_CHARS + 1)
            except UnicodeDecodeError:
                raise RosterError(f"{label}: not UTF-8 text (after line {number})") from None
            if not line:
                return
            number += 1
            if len(line) > MAX_ROW_CHARS:
                while line and not line.endswith("\n"):  # skip the rest of an overlong line
                    line = handle.readline(CHUNK)
                yield number, FieldError("", f"is longer than {MAX_ROW_CHARS:,} characters")
                continue
            if not line.strip():
                continue
            try:
                yield number, json.loads(line)
            except json.JSONDecodeError as error:
                yield number, FieldError("", f"is not valid JSON (at character {error.pos + 1})")


def json_objects(path: Path, label: str) -> Source:
    """The objects of a top-level JSON array, decoded one at a time (or one object)."""
    with path.open("r", encoding="utf-8-sig", errors="strict") as handle:
        stream = _JsonStream(handle, label)
        first = stream.next_char()
        if first == "{":
            item = stream.decode()
            if isinstance(item, FieldError):
                yield 1, item
                return
            if stream.next_char() != "":
                yield 2, FieldError("", "follows the first object; a .json roster holds one array")
                return
            yield 1, item
            return
        if first != "[":
            raise RosterError(f"{label}: a .json roster must be an array of objects")
        stream.advance()
        number = 0
        if stream.next_char() == "]":
            return
        while True:
            number += 1
            item = stream.decode()
            yield number, item
            if isinstance(item, FieldError):
                return
            separator = stream.next_char()
            stream.advance()
            if separator == "]":
                return
            if separator != ",":
                yield number + 1, FieldError("", "is not valid JSON (rows from here on were not read)")
                return


class _JsonStream:
    """Text read in chunks, decoding one JSON value at a time."""

    def __init__(self, handle: TextIO, label: str) -> None:
        self._handle = handle
        self._label = label
        self._buffer = ""
        self._pos = 0
        self._eof = False
        self._decoder = json.JSONDecoder()

    def _fill(self) -> bool:
        if self._eof:
            return False
        try:
            chunk = self._handle.read(CHUNK)
        except UnicodeDecodeError:
            raise RosterError(f"{self._label}: not UTF-8 text") from None
        if not chunk:
            self._eof = True
            return False
        self._buffer = self._buffer[self._pos :] + chunk
        self._pos = 0
        return True

    def next_char(self) -> str:
        """The next character that is not white space ('' at the end)."""
        while True:
            while self._pos < len(self._buffer) and self._buffer[self._pos] in " \t\r\n":
                self._pos += 1
            if self._pos < len(self._buffer):
                return self._buffer[self._pos]
            if not self._fill():
                return ""

    def advance(self) -> None:
        self._pos += 1

    def decode(self) -> Any:
        """The next value, or a FieldError when it is not valid JSON."""
        self.next_char()  # raw_decode does not skip white space itself
        while True:
            try:
                value, end = self._decoder.raw_decode(self._buffer, self._pos)
            except json.JSONDecodeError:
                value, end = None, -1
            complete = end != -1 and (end < len(self._buffer) or self._eof)
            if complete:
                self._pos = end
                return value
            if len(self._buffer) - self._pos > MAX_ROW_CHARS:
                return FieldError("", f"is longer than {MAX_ROW_CHARS:,} characters")
            if not self._fill():
                if end != -1:
                    self._pos = end
                    return value
                return FieldError("", "is not valid JSON (rows from here on were not read)")
