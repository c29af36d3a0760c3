"""A pack's own model: the common model with the fields its council adds under `extra`.

The class is built once per pack and document. It is registered in this module under a
name made from the pack and its declarations, so a model of it can be pickled to a
worker process that loads the same pack.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Mapping
from typing import Any, Literal

from pydantic import BaseModel, Field, create_model

from ..models.common import MAX_ITEMS, SPECIAL_CATEGORY, Day, ExtraFields, IsoDate, Text
from .spec import ExtraSpec


def pack_model(base: type[BaseModel], pack: str, extra: Mapping[str, ExtraSpec]) -> type[BaseModel]:
    """`base` with `extra` typed as the pack declares it (`base` itself when it declares nothing)."""
    if not extra:
        return base
    digest = hashlib.sha1(repr((base.__name__, pack, sorted(extra.items()))).encode()).hexdigest()[:10]
    name = f"{base.__name__}_{pack.replace('-', '_')}_{digest}"
    module = sys.modules[__name__]
    existing = getattr(module, name, None)
    if isinstance(existing, type) and issubclass(existing, base):
        return existing
    fields: dict[str, Any] = {key: _field(spec) for key, spec in extra.items()}
    extras = create_model(f"{name}_extra", __base__=ExtraFields, __module__=__name__, **fields)
    model = create_model(
        name,
        __base__=base,
        __module__=__name__,
        extra=(extras, Field(default_factory=extras, title="Further fields")),
    )
    model.__doc__ = base.__doc__
    setattr(module, extras.__name__, extras)
    setattr(module, name, model)
    return model


def _field(spec: ExtraSpec) -> tuple[Any, Any]:
    metadata: dict[str, Any] = dict(SPECIAL_CATEGORY) if spec.special_category else {}
    if spec.type == "dates":
        return list[Day], Field(default_factory=list, max_length=MAX_ITEMS, title=spec.title)
    if spec.type == "date":
        return IsoDate, Field(None, title=spec.title, json_schema_extra=metadata or None)
    if spec.type == "choice":
        options = spec.options()
        metadata["labels"] = dict(options)
        choice = Literal[tuple(options)]  # type: ignore[valid-type]
        return choice | None, Field(None, title=spec.title, json_schema_extra=metadata)
    return Text, Field(None, title=spec.title, json_schema_extra=metadata or None)
