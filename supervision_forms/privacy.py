"""Special-category personal data (UK GDPR Art. 9): which fields, and redaction."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel

from .models.paths import flatten, generic, leaves, unflatten

if TYPE_CHECKING:
    from .reading.result import ParseResult

M = TypeVar("M", bound=BaseModel)
REDACTED = "[redacted]"


def special_category_paths(model: type[BaseModel]) -> set[str]:
    """Generic paths of the fields marked special-category."""
    return {leaf.path for leaf in leaves(model) if leaf.special_category}


def is_special(model: type[BaseModel], path: str) -> bool:
    return generic(path) in special_category_paths(model)


def redacted(model: M) -> M:
    """A copy with every special-category value replaced by '[redacted]'."""
    special = special_category_paths(type(model))
    values: dict[str, Any] = {
        path: (REDACTED if value is not None and generic(path) in special else value)
        for path, value in flatten(model).items()
    }
    return type(model).model_validate(unflatten(values))


def redacted_result(result: ParseResult) -> ParseResult:
    """A parse result with every special-category value blanked: in the model, in the
    warnings that came from a special-category field, and in all unmapped text, since text
    that no field took may hold anything (its source is kept, so nothing is lost silently)."""
    model = type(result.data)
    special = special_category_paths(model)

    def sensitive(path: str) -> bool:
        shape = generic(path) if path else ""
        return bool(shape) and (shape in special or f"{shape}[]" in special)

    return dataclasses.replace(
        result,
        data=redacted(result.data),
        warnings=[
            dataclasses.replace(warning, message=REDACTED) if sensitive(warning.field) else warning
            for warning in result.warnings
        ],
        unmapped=[dataclasses.replace(item, text=REDACTED) for item in result.unmapped],
    )
