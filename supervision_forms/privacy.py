"""Special-category personal data (UK GDPR Art. 9): which fields, and redaction."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel

from .models.paths import flatten, generic, leaves, unflatten

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
