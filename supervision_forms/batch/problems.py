"""Row problems in plain English: the model's refusals put in HR's words, and errors.csv.

A model error names the roster column it came from ("Review date", as written in the
header), or the model path for a JSON roster, and says what is wrong without quoting the
value and without pydantic's wording."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from ..errors import FieldError
from ..files import atomic_output
from ..models.paths import title_of
from .report import RowResult

ERRORS_FILE = "errors.csv"
ERRORS_HEADER = ("sheet", "row", "column", "problem")


def model_problems(
    error: ValidationError, labels: Mapping[str, str], model: type[BaseModel]
) -> list[FieldError]:
    """Each of the model's errors as a FieldError naming the column it came from."""
    found: list[FieldError] = []
    for item in error.errors(include_input=False, include_url=False):
        path = ".".join(str(part) for part in item["loc"])
        problem = FieldError(_label(path, labels, model), plain_message(item["type"], item["msg"], item))
        if problem not in found:
            found.append(problem)
    return found


def plain_message(kind: str, message: str, item: Any) -> str:
    """What a pydantic error type means, in a sentence's second half: 'must be ...'."""
    context = item.get("ctx") or {}
    limits = {
        "less_than_equal": ("must be at most", "le"),
        "less_than": ("must be less than", "lt"),
        "greater_than_equal": ("must be at least", "ge"),
        "greater_than": ("must be more than", "gt"),
        "too_long": ("has more items than the limit of", "max_length"),
        "string_too_long": ("is longer than the limit of", "max_length"),
    }
    if kind in limits:
        words, key = limits[kind]
        return f"{words} {context.get(key, '')}".strip()
    if kind == "literal_error":
        expected = str(context.get("expected", "")).replace("'", "")
        return f"must be one of: {expected}" if expected else "is not one of the allowed values"
    if kind in ("value_error", "assertion_error"):  # our own validators' messages, value-free
        return message.removeprefix("Value error, ").removeprefix("Assertion failed, ")
    return _PLAIN.get(kind, "is not a value this field can take")


_PLAIN = {
    "missing": "is required",
    "extra_forbidden": "is not a field of this document",
    "int_parsing": "must be a whole number",
    "int_type": "must be a whole number",
    "int_from_float": "must be a whole number",
    "date_parsing": "is not a date",
    "date_type": "is not a date",
    "date_from_datetime_inexact": "must be a date without a time",
    "date_from_datetime_parsing": "is not a date",
    "string_type": "must be text",
    "list_type": "must be a list",
    "model_type": "must be a group of fields (a JSON object)",
    "model_attributes_type": "must be a group of fields (a JSON object)",
    "dict_type": "must be a group of fields (a JSON object)",
    "bool_type": "must be yes or no",
    "bool_parsing": "must be yes or no",
    "frozen_instance": "cannot be changed",
}


def _label(path: str, labels: Mapping[str, str], model: type[BaseModel]) -> str:
    """The header that filled `path` (or a list it is an item of, or a field inside it);
    else the field's title; else the path."""
    if not labels:
        return path
    if path in labels:
        return labels[path]
    parts = path.split(".")
    for end in range(len(parts) - 1, 0, -1):
        parent = ".".join(parts[:end])
        if parent in labels:
            return labels[parent]
    inside = next((label for filled, label in labels.items() if filled.startswith(f"{path}.")), None)
    if inside is not None:
        return inside
    try:
        return title_of(model, path) if path else ""
    except (KeyError, AttributeError, IndexError):
        return path


def write_errors(out: Path, results: Iterable[RowResult]) -> Path | None:
    """errors.csv beside the manifest: one line per problem of each failed row (sheet,
    row, column, problem); removed when no row failed. Written whole or not at all."""
    target = out / ERRORS_FILE
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(ERRORS_HEADER)
    count = 0
    for result in results:
        if result.status != "failed":
            continue
        for problem in result.errors or (FieldError("", "failed"),):
            writer.writerow([result.sheet or "", result.row, problem.field, _cell(problem.message)])
            count += 1
    if not count:
        target.unlink(missing_ok=True)
        return None
    with atomic_output(target) as handle:
        handle.write(buffer.getvalue().encode("utf-8-sig"))  # the BOM lets Excel see UTF-8
    return target


def _cell(text: str) -> str:
    """Text a spreadsheet would run as a formula gets a leading quote."""
    return "'" + text if text.startswith(("=", "+", "-", "@")) else text
