"""Delimited text rosters as spreadsheets export them: the encoding and the separator found.

Excel saves "CSV UTF-8" (with a byte order mark), plain "CSV" in the computer's code page
(Windows-1252 on a UK PC, Mac Roman on an older Mac), semicolon-separated CSV where the
decimal point is a comma, and "Unicode Text" (UTF-16, tab-separated). Each is read as
written; when the encoding had to be guessed, the roster says so in a warning.
"""

from __future__ import annotations

import codecs
import csv
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CHUNK = 1 << 16
DELIMITERS = (",", ";", "\t", "|")
_TYPOGRAPHY = frozenset("‘’“”–—…•€£")
_ENCODING_NAMES = {
    "cp1252": "Windows-1252 (Excel's CSV on a PC)",
    "mac_roman": "Mac Roman (Excel's CSV on a Mac)",
}


@dataclass(frozen=True)
class TextFormat:
    encoding: str
    delimiter: str
    skip_lines: int = 0  # Excel's "sep=;" line
    warning: str | None = None  # set when the encoding was a guess


class UnreadableRow:
    """A record the CSV parser could not read (an unclosed quote, say)."""


UNREADABLE = UnreadableRow()


def sniff(path: Path) -> TextFormat:
    """How the file is written: encoding, then separator (from its first line)."""
    with path.open("rb") as handle:
        head = handle.read(CHUNK)
    encoding, warning = _encoding(path, head)
    text = head.decode(encoding, errors="replace")
    first = text.split("\n", 1)[0].strip("\r\ufeff")
    if first.lower().startswith("sep=") and len(first) == 5:
        return TextFormat(encoding, first[4], 1, warning)
    return TextFormat(encoding, _delimiter(text), 0, warning)


def rows(path: Path, form: TextFormat) -> Iterator[tuple[int, list[Any]]]:
    """(row number, cells) for each record, numbered as a spreadsheet shows them; a record
    that cannot be read comes as UNREADABLE."""
    with path.open("r", encoding=form.encoding, errors="replace", newline="") as handle:
        for _ in range(form.skip_lines):
            handle.readline()
        reader = csv.reader(handle, delimiter=form.delimiter)
        number = 0
        while True:
            number += 1  # the row a spreadsheet shows, whatever line breaks its cells hold
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error:
                yield number, [UNREADABLE]
                continue
            if number == 1 and cells:
                cells[0] = cells[0].lstrip("\ufeff")
            yield number, cells  # Excel's error codes are told by the roster, as a workbook's


def count_records(path: Path, form: TextFormat) -> int:
    """How many records the file holds (a cell may span lines)."""
    with path.open("r", encoding=form.encoding, errors="replace", newline="") as handle:
        for _ in range(form.skip_lines):
            handle.readline()
        try:
            return sum(1 for _ in csv.reader(handle, delimiter=form.delimiter))
        except csv.Error:
            return 0


# --- encoding ----------------------------------------------------------------------------


def _encoding(path: Path, head: bytes) -> tuple[str, str | None]:
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig", None
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16", None
    utf16 = _utf16_without_mark(head)
    if utf16 is not None:
        return utf16, "has no byte order mark; read as UTF-16 text"
    if _is_utf8(path):
        return "utf-8", None
    sample = _non_ascii_sample(path)
    scores = {name: _plausibility(_decoded(sample, name)) for name in ("cp1252", "mac_roman")}
    best = max(scores, key=lambda name: (scores[name], name == "cp1252"))
    guess = f"is not UTF-8; read as {_ENCODING_NAMES[best]}: check accented names, or save it as CSV UTF-8"
    return best, guess


def _utf16_without_mark(head: bytes) -> str | None:
    """UTF-16 text with no mark: every other byte NUL (mostly Latin text)."""
    sample = head[: len(head) // 2 * 2]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.8 * len(odd) and even.count(0) < 0.2 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.8 * len(even) and odd.count(0) < 0.2 * len(odd):
        return "utf-16-be"
    return None


def _is_utf8(path: Path) -> bool:
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(CHUNK):
                decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _non_ascii_sample(path: Path, limit: int = 1 << 20) -> bytes:
    """The lines that hold non-ASCII bytes (up to `limit` bytes of them)."""
    kept: list[bytes] = []
    size = 0
    with path.open("rb") as handle:
        for line in handle:
            if any(byte > 0x7F for byte in line):
                kept.append(line)
                size += len(line)
                if size > limit:
                    break
    return b"".join(kept)


def _decoded(sample: bytes, encoding: str) -> str:
    return sample.decode(encoding, errors="replace")


def _plausibility(text: str) -> int:
    """How much the non-ASCII characters look like names and text people write: letters
    in the case their place in a word asks for, typographic quotes and dashes."""
    score = 0
    for index, char in enumerate(text):
        if char < "\x80":
            continue
        before = text[index - 1] if index else " "
        after = text[index + 1] if index + 1 < len(text) else " "
        category = unicodedata.category(char)
        if char == "\ufffd":  # a byte this encoding does not have
            score -= 10
        elif char in _TYPOGRAPHY:
            score += 2
        elif category == "Ll":
            score += 2 if before.isalpha() else 1
            if "A" <= after <= "Z":
                score -= 3
        elif category == "Lu":
            score += -3 if before.isalpha() and before.islower() else 1
        else:  # symbols (™, √, ∂), controls, rare marks
            score -= 3
    return score


# --- separator ---------------------------------------------------------------------------


def _delimiter(text: str) -> str:
    """The separator the header line uses most (outside quotes); a comma when none."""
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for char in text:
        if char == '"':
            quoted = not quoted
        elif char == "\n" and not quoted:
            break
        elif char in counts and not quoted:
            counts[char] += 1
    best = max(DELIMITERS, key=lambda d: counts[d])  # ties go to the earlier: the comma
    return best if counts[best] else ","
