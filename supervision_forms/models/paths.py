"""Model paths ("supervisee.name", "meeting_dates[]", "decisions[].due") and their facts."""

from __future__ import annotations

import datetime
import types
import typing
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel

Kind = Literal["text", "date", "int", "choice"]

MINUTES = "minutes"


def in_minutes(path: str) -> bool:
    """Whether a field counts minutes ("duration_minutes"): printed and read with its unit."""
    return path.endswith(MINUTES)


@dataclass(frozen=True)
class Leaf:
    """One leaf field of a model, addressed by its dotted path."""

    path: str  # list items carry "[]": "meeting_dates[]", "decisions[].action"
    kind: Kind
    title: str
    special_category: bool
    choices: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()  # printed label of each choice, where the model gives them

    def choice_labels(self) -> dict[str, str]:
        """Each choice with its printed label ("child_in_need" -> "Child in need")."""
        given = dict(zip(self.choices, self.labels, strict=False))
        return {c: given.get(c) or c.replace("_", " ").capitalize() for c in self.choices}


def _unwrap(annotation: Any) -> Any:
    """Strip Annotated and Optional down to the core type."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0]
        else:
            return annotation


def _kind(annotation: Any) -> tuple[Kind, tuple[str, ...]]:
    if typing.get_origin(annotation) is Literal:
        return "choice", tuple(str(a) for a in typing.get_args(annotation))
    if annotation is datetime.date:
        return "date", ()
    if annotation is int:
        return "int", ()
    return "text", ()


@cache
def leaves(model: type[BaseModel]) -> tuple[Leaf, ...]:
    """Every leaf of a model, in declaration order."""
    found: list[Leaf] = []

    def walk(cls: type[BaseModel], prefix: str, special: bool) -> None:
        for name, info in cls.model_fields.items():
            extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
            is_special = special or bool(extra.get("special_category"))
            path = f"{prefix}{name}"
            core = _unwrap(info.annotation)
            if typing.get_origin(core) is list:
                path += "[]"
                core = _unwrap(typing.get_args(core)[0])
            if isinstance(core, type) and issubclass(core, BaseModel):
                walk(core, path + ".", is_special)
                continue
            kind, choices = _kind(core)
            given = extra.get("labels")
            named = given if isinstance(given, dict) else {}
            labels = tuple(str(named.get(choice, "")) for choice in choices)
            found.append(Leaf(path, kind, info.title or name, is_special, choices, labels))

    walk(model, "", False)
    return tuple(found)


@cache
def leaf_map(model: type[BaseModel]) -> dict[str, Leaf]:
    return {leaf.path: leaf for leaf in leaves(model)}


@cache
def title_of(model: type[BaseModel], path: str) -> str:
    """A human label for a path, built from the field titles ("Supervisee: Role")."""
    titles: list[str] = []
    cls: Any = model
    for part in path.replace("[]", "").split("."):
        if _is_index(part):
            titles[-1] = f"{titles[-1]} {int(part) + 1}"
            continue
        info = cls.model_fields.get(part) if isinstance(cls, type) and issubclass(cls, BaseModel) else None
        if info is None:  # a further field no pack declares here: its name, in words
            titles.append(part.replace("_", " ").capitalize())
            cls = None
            continue
        title = info.title or part
        if not titles or titles[-1] != title:  # "Frequency: Frequency" reads as "Frequency"
            titles.append(title)
        core = _unwrap(info.annotation)
        if typing.get_origin(core) is list:
            core = _unwrap(typing.get_args(core)[0])
        cls = core
    return ": ".join(titles)


def generic(path: str) -> str:
    """'decisions.2.action' -> 'decisions[].action'."""
    return ".".join("[]" if _is_index(p) else p for p in path.split(".")).replace(".[]", "[]")


def flatten(data: Any, prefix: str = "") -> dict[str, Any]:
    """Concrete leaf paths with their values: {'decisions.0.action': 'Visit', ...}."""
    out: dict[str, Any] = {}
    _flatten_into(out, data, prefix)
    return out


# values that are leaves as they come: most of them, each kept without a call of its own
_PLAIN = frozenset({str, int, float, bool, type(None), datetime.date, datetime.datetime})


def _flatten_into(out: dict[str, Any], data: Any, prefix: str) -> None:
    if isinstance(data, BaseModel):  # with any extra keys a model keeps (further fields)
        data = {name: getattr(data, name) for name in type(data).model_fields} | dict(data.model_extra or {})
    if isinstance(data, dict):
        items: Any = data.items()
    elif isinstance(data, list):
        items = enumerate(data)
    else:
        out[prefix.rstrip(".")] = data
        return
    for key, value in items:
        if type(value) in _PLAIN:
            out[f"{prefix}{key}".rstrip(".")] = value
        else:
            _flatten_into(out, value, f"{prefix}{key}.")


def unflatten(values: dict[str, Any]) -> dict[str, Any]:
    """The inverse of `flatten`: lists come back in index order, gaps closed."""
    root: dict[str, Any] = {}
    for path, value in values.items():
        node = root
        parts = path.split(".")
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = value
    result: dict[str, Any] = _lists(root)
    return result


def _lists(node: Any) -> Any:
    if not isinstance(node, dict):
        return node
    if node and all(_is_index(k) for k in node):
        return [_lists(node[k]) for k in sorted(node, key=int)]
    return {k: _lists(v) for k, v in node.items()}


def _is_index(part: str) -> bool:
    """A list position in a path ("decisions.0.action"): ASCII digits only ("²" is a digit to str.isdigit)."""
    return part.isascii() and part.isdigit()
