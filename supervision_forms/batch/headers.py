"""Which model field a roster column's header names, as HR teams write headers.

A header is looked up, in this order, in: the `--columns` map; the model's own paths
(`supervisee.name`, `meeting_dates.0`); the common wordings below ("Staff member",
"Start date"); the pack's printed labels and their aliases (pack.toml); the model's field
titles ("Review date", "Supervisee: Career stage"). Headers are compared ignoring case,
punctuation, numbering ("7.", "a)") and spacing. A wording that names two fields in one
source (Surrey's "Date:" beside both signatures) names neither.
"""

from __future__ import annotations

import difflib
import re
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from ..errors import RosterError
from ..files import display_name
from ..models.paths import Leaf, generic, leaf_map, leaves, title_of
from ..packs import Pack

IDENTITY_PATH = "supervisee.employee_id"
"""The employee's ID: the row's identity; a model field too once the model has it."""

SYNONYMS: dict[str, tuple[str, ...]] = {
    "supervisee.name": (
        "supervisee",
        "staff member",
        "staff name",
        "member of staff",
        "employee",
        "employee name",
        "worker",
        "worker name",
        "social worker",
        "practitioner",
        "name",
        "full name",
    ),
    "supervisee.role": ("role", "job title", "post", "position"),
    "supervisee.team": ("team", "team name", "service"),
    "supervisee.career_stage": ("stage", "career stage", "experience level"),
    IDENTITY_PATH: (
        "employee id",
        "employee number",
        "employee no",
        "staff number",
        "staff no",
        "staff id",
        "payroll number",
        "payroll id",
        "payroll no",
        "personnel number",
    ),
    "supervisor.name": (
        "supervisor",
        "manager",
        "manager name",
        "supervising manager",
        "name of supervisor",
        "name of manager",
    ),
    "supervisor.role": ("supervisor role", "supervisor job title", "manager role"),
    "supervisor.team": ("supervisor team", "manager team"),
    "line_manager.name": ("line manager", "line manager name"),
    "agreement_date": (
        "start date",
        "date of agreement",
        "agreement date",
        "date agreed",
        "agreement start date",
        "date",
    ),
    "date": ("date", "session date", "supervision date", "date of supervision", "meeting date"),
    "review_date": ("review date", "date of review", "next review", "next review date", "review due"),
    "frequency.description": ("frequency", "supervision frequency", "how often", "frequency of supervision"),
    "duration_minutes": (
        "duration",
        "length",
        "session length",
        "length of session",
        "supervision duration",
        "duration of supervision",
        "minutes",
    ),
    "location": ("location", "venue", "where"),
    "meeting_dates": ("meeting dates", "supervision dates", "dates of supervision", "planned dates"),
    "planned_date": ("planned date", "date planned"),
    "cancelled_date": ("cancellation date", "date cancelled"),
}
"""Common wordings of roster headers, by model path. A path the model lacks is skipped."""

IGNORE = ""
"""A `--columns` entry with this value drops the column without a warning."""

_PATH_SHAPE = re.compile(r"^[a-z_][a-z0-9_]*(?:\.(?:[a-z_][a-z0-9_]*|[0-9]+))*$")
_NUMBERING = re.compile(r"^\s*(?:\d{1,2}|[a-z])[.)]\s+")
_MARKS = re.compile(r"^[\s*]+|[\s:?*]+$")  # 'Supervisee.name:', '*date' (a required column)
_LIST_INDEX = re.compile(r"\[\s*(\d+)\s*\]")  # 'meeting_dates[2]'
_WORD_GAPS = re.compile(r"[\s-]+")
_AMBIGUOUS = "\0ambiguous"
SKIPPED_PLACES = ("signature", "table")  # a signature line's label names the signer, not the person


@dataclass(frozen=True)
class Heading:
    """What a header names: a concrete model path and the field's facts."""

    path: str
    leaf: Leaf | None  # None: the employee ID, which this model has no field for
    whole_list: bool  # one cell holds every item of a list, separated by ';'


def header_key(text: str) -> str:
    """A header as compared: 'Name Supervisor/Manager:' -> 'name supervisor manager'."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"[‘’`´']", "", text)
    text = _NUMBERING.sub("", text)
    text = re.sub(r"[\W_]+", " ", text)
    return " ".join(text.split())


def as_path(header: str) -> str:
    """A header as the model path it may be, in HR's casing and marks:
    'Expectations.Supervisor_Responsible_For:' -> 'expectations.supervisor_responsible_for'."""
    return _MARKS.sub("", unicodedata.normalize("NFKC", header).casefold())


def path_shaped(header: str) -> bool:
    """'supervisee.name', 'meeting_dates.0': written as a model path, not as a person would."""
    written = as_path(header)
    return ("." in written or "_" in written) and bool(_PATH_SHAPE.fullmatch(written))


def _path_spellings(header: str) -> list[str]:
    """The model paths a header may spell, strictest first: as written ('supervisee.name:'),
    then with HR's numbering, list brackets, full stops and spaces in a part read as a
    path's ('1. Supervisee . Career stage.' -> 'supervisee.career_stage')."""
    written = as_path(header)
    loose = _LIST_INDEX.sub(r".\1", _NUMBERING.sub("", written)).strip(" .:?*")
    parts = [_WORD_GAPS.sub("_", part.strip()) for part in loose.split(".")]
    return [written, ".".join(parts)] if len(parts) > 1 or "_" in loose else [written]


class Headings:
    """The headers one model's rosters may use (with one pack's labels)."""

    def __init__(
        self,
        model: type[BaseModel],
        *,
        pack: Pack | None = None,
        mapping: Mapping[str, str] | None = None,
        mapping_label: str = "the column map",
    ) -> None:
        self._model = model
        self._known = leaf_map(model)
        self._wordings: dict[str, str] = {}  # key -> a wording to suggest
        self._tiers: list[dict[str, str]] = []
        self._tiers.append(self._map_tier(mapping or {}, mapping_label))
        self._tiers.append(self._tier((path, words) for path, words in SYNONYMS.items()))
        self._tiers.append(self._tier(_pack_labels(pack, model)))
        self._tiers.append(self._tier(_titles(model)))

    def name(self, header: str) -> Heading | None:
        """What the header names; None when it names nothing we know. A header the
        column map sends to IGNORE gives a Heading with an empty path."""
        key = header_key(header)
        found = self._tiers[0].get(key)
        if found is not None:
            return Heading(IGNORE, None, False) if found == IGNORE else self._heading(found)
        for spelling in _path_spellings(header):
            named = self._heading(spelling)
            if named is not None:
                return named
        for tier in self._tiers[1:]:
            path = tier.get(key)
            if path is not None and path != _AMBIGUOUS:
                return self._heading(path)
        return None

    def suggestion(self, header: str) -> str | None:
        """The closest header we know, as a person would write it (or a model path)."""
        if path_shaped(header):
            paths = [p.replace("[]", "") for p in self._known]
            hint = difflib.get_close_matches(as_path(header), paths, n=1, cutoff=0.6)
            return hint[0] if hint else None
        hint = difflib.get_close_matches(header_key(header), list(self._wordings), n=1, cutoff=0.75)
        return self._wordings[hint[0]] if hint else None

    def _heading(self, path: str) -> Heading | None:
        if path == IDENTITY_PATH and generic(path) not in self._known:
            return Heading(path, None, False)
        if not _PATH_SHAPE.fullmatch(path):  # the first part is a name, list positions ASCII digits
            return None
        shape = generic(path)  # "meeting_dates.0" -> "meeting_dates[]"
        if shape in self._known:
            return Heading(path, self._known[shape], whole_list=False)
        if f"{shape}[]" in self._known and "[]" not in shape:  # the whole list in one cell
            return Heading(path, self._known[f"{shape}[]"], whole_list=True)
        return None

    def _tier(self, entries: Iterable[tuple[str, Iterable[str]]]) -> dict[str, str]:
        tier: dict[str, str] = {}
        for path, wordings in entries:
            if self._heading(path) is None:
                continue  # a field this model does not have
            for wording in wordings:
                key = header_key(wording)
                if not key:
                    continue
                tier[key] = path if tier.get(key, path) == path else _AMBIGUOUS
                shown_as = wording.strip().rstrip(":?").strip()
                self._wordings.setdefault(key, shown_as[:1].upper() + shown_as[1:])
        return tier

    def _map_tier(self, mapping: Mapping[str, str], label: str) -> dict[str, str]:
        tier: dict[str, str] = {}
        for header, path in mapping.items():
            target = path.strip()
            if target != IGNORE and self._heading(target) is None:
                hint = difflib.get_close_matches(target, [p.replace("[]", "") for p in self._known], n=1)
                suggestion = f" (did you mean '{hint[0]}'?)" if hint else ""
                raise RosterError(
                    f"{label}: '{shown(header)}' = '{shown(target)}' is not a field of the model{suggestion}"
                )
            tier[header_key(header)] = target
        return tier


def load_column_map(path: Path) -> dict[str, str]:
    """A --columns file: TOML, `"Header as written" = "model.path"` (or "" to drop the
    column quietly), at the top level or under [columns]."""
    label = display_name(path.name)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise RosterError(f"{label}: cannot be read (no such file)") from None
    except (OSError, UnicodeDecodeError):
        raise RosterError(f"{label}: cannot be read as UTF-8 text") from None
    except tomllib.TOMLDecodeError as error:
        raise RosterError(f"{label}: not valid TOML ({error})") from None
    table = data.get("columns", data)
    if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
        raise RosterError(f'{label}: each entry must be "Header" = "model.path"')
    return {str(key): str(value) for key, value in table.items()}


def shown(text: str, limit: int = 40) -> str:
    """A header or value as quoted in a message: one line, escaped, not too long."""
    text = display_name(" ".join(str(text).split()))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _pack_labels(pack: Pack | None, model: type[BaseModel]) -> Iterable[tuple[str, Iterable[str]]]:
    if pack is None:
        return
    for kind in pack.documents:
        if pack.model(kind) is not model:
            continue
        for path, spec in pack.document(kind).fields.items():
            if spec.place not in SKIPPED_PLACES and "[]" not in path:
                yield path, (spec.label, *spec.aliases)


def _titles(model: type[BaseModel]) -> Iterable[tuple[str, Iterable[str]]]:
    """Each field's full title ("Supervisee: Career stage") and, where no other field
    shares it, its own title ("Career stage")."""
    usable = [leaf for leaf in leaves(model) if "[]" not in leaf.path.removesuffix("[]")]
    counts: dict[str, int] = {}
    for leaf in usable:
        counts[header_key(leaf.title)] = counts.get(header_key(leaf.title), 0) + 1
    for leaf in usable:
        path = leaf.path.removesuffix("[]")
        own = (leaf.title,) if counts[header_key(leaf.title)] == 1 else ()
        yield path, (title_of(model, path), *own)
