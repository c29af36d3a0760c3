"""Which file is whose: a row keeps its file across reruns because it is matched by who
it is, never by where it sits among rows with the same name.

A row's identity is its document's base name (`Tom-Wheeler-2026-11-16`) with the
employee ID when the roster gives one, else the person's other details (team, role,
supervisor) as a disambiguator; both are kept in the manifest as hashes, never as
values. On a rerun each row claims the file an earlier run made for the same identity.
A row whose details changed (a new team) takes over the one file left unclaimed under
its name, decided only once the whole roster has been read, so a file is never handed
to someone else while its owner may still come. Files whose rows are gone are orphans:
kept, reported, and never given to another row.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import islice
from typing import Any

from pydantic import BaseModel

from .naming import NameRegistry, comparison_key, document_stem

TRAITS = (("supervisee", "team"), ("supervisee", "role"), ("supervisor", "name"), ("line_manager", "name"))


@dataclass(frozen=True, slots=True)
class Identity:
    base: str  # the document's name before any -2 (compared as Windows would)
    employee: str | None  # hash of the employee ID
    traits: str | None  # hash of the person's other details; None for an entry from an old manifest

    def as_json(self) -> dict[str, Any]:
        item: dict[str, Any] = {"base": self.base, "traits": self.traits}
        if self.employee is not None:
            item["employee"] = self.employee
        return item

    @classmethod
    def from_json(cls, item: Any, stem: str) -> Identity:
        """From a manifest entry; an entry written before identities is matched by name."""
        if not isinstance(item, dict) or not isinstance(item.get("base"), str):
            return cls(comparison_key(stem), None, None)
        employee, traits = item.get("employee"), item.get("traits")
        return cls(
            item["base"],
            employee if isinstance(employee, str) else None,
            traits if isinstance(traits, str) else None,
        )


def identity_of(model: BaseModel, employee_id: str | None, dumped: str) -> tuple[str, Identity, str]:
    """The row's document stem, its identity, and a hash of its content (`dumped`: the
    model as JSON)."""
    stem = document_stem(model)
    employee = employee_id or _attribute(model, ("supervisee", "employee_id"))
    traits = [str(_attribute(model, path) or "") for path in TRAITS]
    identity = Identity(
        comparison_key(stem),
        _digest("employee", comparison_key(str(employee).strip())) if employee else None,
        _digest("traits", *(" ".join(comparison_key(t).split()) for t in traits)),
    )
    return stem, identity, _digest("content", dumped)


def _attribute(model: BaseModel, path: tuple[str, ...]) -> Any:
    node: Any = model
    for name in path:
        node = getattr(node, name, None)
    return node


def _digest(kind: str, *parts: str) -> str:
    return hashlib.sha256("\0".join((kind, *parts)).encode("utf-8")).hexdigest()[:20]


@dataclass(frozen=True, slots=True)
class Previous:
    """A file an earlier run made (or was about to make, when `sha256` is None)."""

    file: str
    identity: Identity
    content: str | None  # hash of the row's data when the file was made
    fingerprint: str | None
    sha256: str | None
    pdf: str | None = None
    pdf_sha256: str | None = None

    @property
    def stem(self) -> str:
        return self.file.rsplit(".", 1)[0]


class Claims:
    """Hands each row a file stem: its earlier file, or a new free name. One per batch.
    Earlier entries are indexed by what a row is matched on, so a claim costs O(1)
    however many entries share a name."""

    def __init__(self, previous: Iterable[Previous], reserved: tuple[str, ...]) -> None:
        self._unclaimed: dict[str, dict[int, Previous]] = defaultdict(dict)  # by base, in order
        self._by_employee: dict[tuple[str, str], dict[int, Previous]] = defaultdict(dict)
        self._by_traits: dict[tuple[str, str | None], dict[int, Previous]] = defaultdict(dict)
        self._by_content: dict[tuple[str, str | None, str | None], dict[int, Previous]] = defaultdict(dict)
        self._without_id: dict[str, dict[int, Previous]] = defaultdict(dict)
        self._key: dict[int, int] = {}  # id(entry) -> its number, to remove it again
        stems = list(reserved)
        for number, entry in enumerate(previous):
            self._key[id(entry)] = number
            base = entry.identity.base
            self._unclaimed[base][number] = entry
            for index, key in self._indexes(entry):
                index[key][number] = entry
            stems.append(entry.stem)
        self._names = NameRegistry(tuple(stems))
        self._first_row: dict[Identity, int] = {}

    def twin_of(self, identity: Identity, row: int) -> int | None:
        """The earlier row of this run with the very same identity, if any."""
        first = self._first_row.setdefault(identity, row)
        return first if first != row else None

    def claim(self, identity: Identity, content: str) -> Previous | bool | None:
        """The earlier entry that is this row's; None when there is none, so a new name
        may be given at once; False when it cannot be told before the roster's end (the
        row changed, or the person's details did)."""
        base = identity.base
        if not self._unclaimed.get(base):
            return None
        if identity.employee is not None:
            same = self._by_employee.get((base, identity.employee))
            if same:
                return self._take(next(iter(same.values())))
        for entries in (
            self._by_content.get((base, identity.traits, content), {}),  # unchanged
            self._by_traits.get((base, None), {}),  # from a manifest without identities
        ):
            found = next((e for e in entries.values() if _may_be(e.identity, identity)), None)
            if found is not None:
                return self._take(found)
        return False if self._any_candidate(identity) else None

    def settle(self, waiting: list[Identity]) -> list[Previous | None]:
        """At the roster's end, the rows that could not be told, all under one base name:
        the entry with the same details when it is the only one for the only such row;
        then, if one row and one entry are left, the same person whose details changed.
        The rest get new names (None)."""
        found: list[Previous | None] = [None] * len(waiting)
        rows = Counter(identity.traits for identity in waiting)
        for index, identity in enumerate(waiting):
            if rows[identity.traits] != 1:
                continue
            entries = self._by_traits.get((identity.base, identity.traits), {}).values()
            same = list(islice((e for e in entries if _may_be(e.identity, identity)), 2))
            if len(same) == 1:
                found[index] = self._take(same[0])
        left = [i for i, f in enumerate(found) if f is None]
        if len(left) == 1:
            candidates = self._candidates(waiting[left[0]])
            if len(candidates) == 1:
                found[left[0]] = self._take(candidates[0])
        return found

    def new_stem(self, stem: str) -> str:
        return self._names.claim(stem)

    def orphans(self) -> list[Previous]:
        """Earlier entries no row claimed."""
        return [entry for entries in self._unclaimed.values() for entry in entries.values()]

    def _any_candidate(self, identity: Identity) -> bool:
        """Whether some unclaimed entry under the name may be this row's: any, for a row
        without an employee ID; else one with no ID or with this one."""
        entries = self._unclaimed.get(identity.base, {})
        if identity.employee is None:
            return bool(entries)
        if self._by_employee.get((identity.base, identity.employee)):
            return True
        return bool(self._without_id.get(identity.base))

    def _candidates(self, identity: Identity) -> list[Previous]:
        return [e for e in self._unclaimed.get(identity.base, {}).values() if _may_be(e.identity, identity)]

    def _indexes(self, entry: Previous) -> list[tuple[dict[Any, dict[int, Previous]], Any]]:
        """The indexes an entry is in, each with its key there."""
        base, employee, traits = entry.identity.base, entry.identity.employee, entry.identity.traits
        found: list[tuple[dict[Any, dict[int, Previous]], Any]] = [
            (self._unclaimed, base),
            (self._by_traits, (base, traits)),
            (self._by_content, (base, traits, entry.content)),
        ]
        if employee is not None:
            found.append((self._by_employee, (base, employee)))
        else:
            found.append((self._without_id, base))
        return found

    def _take(self, entry: Previous) -> Previous:
        number = self._key[id(entry)]
        for index, key in self._indexes(entry):
            del index[key][number]
        return entry


def _may_be(before: Identity, now: Identity) -> bool:
    """Two employee IDs that differ are two people, whatever else they share."""
    return before.employee is None or now.employee is None or before.employee == now.employee


def _unchanged(content: str) -> Callable[[Previous, Identity], bool]:
    def match(before: Previous, now: Identity) -> bool:
        return before.identity.traits == now.traits and before.content == content

    return match
