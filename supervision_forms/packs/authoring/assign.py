"""Giving each answer place its model path: the author's choices first, then the best matches."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..spec import ExtraSpec
from .match import MAYBE, SURE, Candidate, Vocabulary, allowed_paths, extra_name, rank
from .places import DATE_WORD, InRows, Slot
from .text import clean_label, fold

MONTH = "month"


@dataclass
class Mapped:
    """A place with the model path(s) it holds and how sure that is."""

    slot: Slot
    paths: list[str]
    confidence: float
    note: str = ""  # why a person should look at it ("" when sure)
    columns: dict[int, str] = field(default_factory=dict)  # a list's grid columns -> tag expression
    loop: str = ""  # a list's loop statement: "for d in meeting_dates|pad(12)"
    kept: bool = False  # taken from the pack file already there
    label: str = ""  # the author's label for it, when not the printed one whole
    place: str = ""  # and where the author says the answer sits, by that label

    @property
    def printed_label(self) -> str:
        return self.label or self.slot.label

    @property
    def where(self) -> str:
        """The place for the pack file: the author's where the pack file gives one (how the
        council's copies are filled in), else where the answer sits on the blank form."""
        return self.place or self.slot.place

    @property
    def check(self) -> bool:
        return bool(self.note)


@dataclass
class Decisions:
    """What an existing pack file says for this document: label -> fields."""

    fields: dict[str, list[tuple[str, dict[str, Any]]]] = field(default_factory=dict)
    aliases: dict[str, list[tuple[str, dict[str, Any]]]] = field(default_factory=dict)
    extra: dict[str, ExtraSpec] = field(default_factory=dict)

    @classmethod
    def from_document(cls, raw: Mapping[str, Any] | None) -> Decisions:
        found = cls()
        if not raw:
            return found
        for path, spec in (raw.get("fields") or {}).items():
            if isinstance(spec, Mapping) and isinstance(spec.get("label"), str):
                found.fields.setdefault(_key(spec["label"]), []).append((path, dict(spec)))
                for alias in spec.get("aliases") or ():  # the place printed under another word
                    found.aliases.setdefault(_key(str(alias)), []).append((path, dict(spec)))
        for name, spec in (raw.get("extra") or {}).items():
            try:
                found.extra[name] = ExtraSpec.model_validate(spec)
            except ValueError:
                continue
        return found

    def label_for(self, slot: Slot) -> tuple[str, str]:
        """The label and place the author gave the place: a shorter part of a long printed
        label, or another label the place's own word is an alias of."""
        chosen = [c for c in self._chosen(slot) if (c[1].get("place") == "signature") == bool(slot.signature)]
        if not chosen:
            return "", ""
        spec = chosen[0][1]
        return str(spec["label"]), str(spec.get("place") or "")

    def _chosen(self, slot: Slot) -> list[tuple[str, dict[str, Any]]]:
        key = _key(slot.label)
        chosen = self.fields.get(key, []) or self.aliases.get(key, [])
        if not chosen and len(key.split()) > 3:  # "Agreed ‘permissions’" for its whole long cell,
            parts = [  # "there will only be interruptions if" at the end of its sentence
                k
                for k in self.fields
                if len(k.split()) >= 2 and (key.startswith(k + " ") or key.endswith(" " + k))
            ]
            chosen = self.fields[max(parts, key=len)] if parts else []
        return chosen

    def for_slot(self, slot: Slot) -> list[str]:
        chosen = [c for c in self._chosen(slot) if (c[1].get("place") == "signature") == bool(slot.signature)]
        if slot.signature and len(chosen) > 1:  # "Date:" twice: the one of this party
            chosen = [c for c in chosen if f".{slot.party}." in c[0]] or chosen[:1]
        return [path for path, _ in chosen]


def _key(label: str) -> str:
    return fold(clean_label(label)) or fold(label)


def assign(
    slots: list[Slot], vocab: Vocabulary, decisions: Decisions, extras: dict[str, ExtraSpec]
) -> list[Mapped]:
    """Each place's paths: kept from the pack file, matched, or a field of the council's own
    (added to `extras`)."""
    mapped: dict[int, Mapped] = {}
    used: set[str] = set()
    for number, slot in enumerate(slots):
        if slot.value == "rows":
            rows = _rows_kept(slot, decisions)
            if rows is not None:
                mapped[number] = rows
                used.update(rows.paths)
            continue
        kept = [p for p in decisions.for_slot(slot) if p not in used or _shared(p)]
        if kept:
            label, place = decisions.label_for(slot)
            mapped[number] = Mapped(slot, kept, 1.0, kept=True, label=label, place=place)
            used.update(kept)
            for path in kept:
                name = path.removeprefix("extra.")
                if path.startswith("extra.") and name in decisions.extra:
                    extras[name] = decisions.extra[name]
    for number, slot in enumerate(slots):  # a signature's path is its party's: no doubt about the words
        if number in mapped or not slot.signature:
            continue
        choices = [p for p in allowed_paths(slot, vocab) if p not in used]
        if choices:
            sure = bool(slot.party)
            note = "" if sure else "whose signature this is is not printed beside it: check the party"
            mapped[number] = Mapped(slot, [choices[0]], SURE if sure else MAYBE, note)
            used.add(choices[0])
    ranked: list[tuple[float, int, Candidate, list[Candidate]]] = []
    for number, slot in enumerate(slots):
        if number in mapped or slot.value == "rows":
            continue
        found = rank(slot, vocab, allowed_paths(slot, vocab))
        for candidate in found:
            ranked.append((candidate.score, number, candidate, found))
    for score, number, candidate, found in sorted(ranked, key=lambda r: (-r[0], r[1])):
        if number in mapped or candidate.path in used or score < MAYBE:
            continue
        slot = slots[number]
        note = "" if score >= SURE else _loose(slot, candidate, found)
        mapped[number] = Mapped(slot, [candidate.path], score, note)
        used.add(candidate.path)
    taken = set(extras) | {p.removeprefix("extra.") for p in used if p.startswith("extra.")}
    for number, slot in enumerate(slots):
        if number in mapped:
            continue
        if slot.value == "rows":
            mapped[number] = _rows(slot, vocab, used, extras, taken)
            continue
        found = rank(slot, vocab, allowed_paths(slot, vocab))
        name = extra_name(slot, taken)
        extras[name] = _extra_spec(slot)
        nearest = next((c for c in found if c.path not in used), None)
        hint = (
            f"; nearest field: {nearest.path} ({nearest.score:.2f})"
            if nearest and nearest.score >= 0.5
            else ""
        )
        mapped[number] = Mapped(slot, [f"extra.{name}"], 0.0, f"no model field fits, so it has its own{hint}")
    return [mapped[n] for n in range(len(slots))]


def _rows_kept(slot: Slot, decisions: Decisions) -> Mapped | None:
    """A table of empty rows the pack file already maps, column by column."""
    assert isinstance(slot.edit, InRows)
    rows = slot.edit.last - slot.edit.first + 1
    columns: dict[int, str] = {}
    paths: list[str] = []
    head = ""
    for column, heading in slot.columns:
        found = [p for p, _ in decisions.fields.get(_key(heading), []) if "[]." in p]
        if found:
            head, part = found[0].split("[].", 1)
            columns[column] = "{{ a." + part + " }}"
            paths.append(found[0])
    if columns:
        return Mapped(slot, paths, 1.0, "", columns, f"for a in {head}|pad({rows})", kept=True)
    for column, heading in slot.columns:  # a list of dates: its date column's heading
        lists = [p for p, _ in decisions.fields.get(_key(heading), []) if DATE_WORD.search(heading)]
        if lists:
            path = lists[0].removesuffix("[]")
            tags = {column: "{{ d }}"}
            tags.update({c: "{{ d|month }}" for c, h in slot.columns if MONTH in fold(h) and c != column})
            return Mapped(slot, [path], 1.0, "", tags, f"for d in {path}|pad({rows})", kept=True)
    return None


def _shared(path: str) -> bool:
    return "[]" in path


def _loose(slot: Slot, best: Candidate, found: list[Candidate]) -> str:
    others = [c for c in found if c.path != best.path][:2]
    also = "; also " + ", ".join(f"{c.path} ({c.score:.2f})" for c in others) if others else ""
    return f"matched “{best.phrase}” loosely ({best.score:.2f}){also}"


def _extra_spec(slot: Slot) -> ExtraSpec:
    title = clean_label(slot.label)
    if slot.context and clean_label(slot.context[0]) != title:  # "Location and Environment: If ... we will"
        title = f"{clean_label(slot.context[0])}: {title}"
    title = title[:200] or "Further detail"
    if slot.value == "choice" and slot.options:
        labels = tuple(dict.fromkeys(o for o in slot.options if o))
        return ExtraSpec(title=title, type="choice", choices=labels)
    if slot.value == "dates":
        return ExtraSpec(title=title, type="dates")
    if DATE_WORD.search(slot.label) and not slot.signature:
        return ExtraSpec(title=title, type="date")
    return ExtraSpec(title=title)


def _rows(
    slot: Slot, vocab: Vocabulary, used: set[str], extras: dict[str, ExtraSpec], taken: set[str]
) -> Mapped:
    """A table of empty rows: a list of dates (meeting dates), or of items (decisions)."""
    assert isinstance(slot.edit, InRows)
    rows = slot.edit.last - slot.edit.first + 1
    dated = [(column, head) for column, head in slot.columns if DATE_WORD.search(head)]
    months = [column for column, head in slot.columns if MONTH in fold(head)]
    lists = _item_lists(vocab)
    best_items = _best_item_list(slot, vocab, lists)
    if best_items is not None and best_items[1]:
        head, columns, score = best_items
        paths = sorted({f"{head}[].{part}" for part in columns.values()})
        tags = {column: "{{ a." + part + " }}" for column, part in columns.items()}
        note = "" if score >= SURE else f"columns matched loosely ({score:.2f}): check each column"
        return Mapped(slot, paths, score, note, tags, f"for a in {head}|pad({rows})")
    if dated:
        date_column, date_head = dated[-1]
        dates = Slot(**{**slot.__dict__, "value": "dates", "label": date_head})
        found = rank(dates, vocab, allowed_paths(dates, vocab))
        tags = {date_column: "{{ d }}"}
        tags.update({column: "{{ d|month }}" for column in months if column != date_column})
        best = next((c for c in found if c.path not in used and c.score >= MAYBE), None)
        if best is not None:
            used.add(best.path)
            path = best.path.removesuffix("[]")
            note = "" if best.score >= SURE else _loose(dates, best, found)
            return Mapped(slot, [path], best.score, note, tags, f"for d in {path}|pad({rows})")
        name = extra_name(dates, taken)
        extras[name] = _extra_spec(dates)
        return Mapped(
            slot,
            [f"extra.{name}"],
            0.0,
            "no model list fits these dates, so they have their own",
            tags,
            f"for d in extra.{name}|pad({rows})",
        )
    name = extra_name(slot, taken)
    extras[name] = ExtraSpec(title=clean_label(slot.label) or "Further detail")
    note = "a table of empty rows no model list fits: only its first cell is kept, as text of its own"
    return Mapped(slot, [f"extra.{name}"], 0.0, note, {slot.columns[0][0]: "{{ extra." + name + " }}"}, "")


def _item_lists(vocab: Vocabulary) -> dict[str, list[str]]:
    """List-of-items fields: head -> the item's parts ("decisions" -> action, owner, due)."""
    found: dict[str, list[str]] = defaultdict(list)
    for path in vocab.leaves:
        if "[]." in path:
            head, part = path.split("[].", 1)
            found[head].append(part)
    return found


def _best_item_list(
    slot: Slot, vocab: Vocabulary, lists: dict[str, list[str]]
) -> tuple[str, dict[int, str], float] | None:
    best: tuple[str, dict[int, str], float] | None = None
    for head, parts in lists.items():
        columns: dict[int, str] = {}
        scores: list[float] = []
        for column, heading in slot.columns:
            probe = Slot(**{**slot.__dict__, "value": "text", "label": heading, "context": (), "section": ""})
            ranked = rank(probe, vocab, [f"{head}[].{p}" for p in parts])
            top = next((c for c in ranked if c.path.split("[].")[1] not in columns.values()), None)
            if top is not None and top.score >= MAYBE:
                columns[column] = top.path.split("[].", 1)[1]
                scores.append(top.score)
        if len(columns) >= 2 and (best is None or len(columns) > len(best[1])):
            best = (head, columns, sum(scores) / len(scores))
    return best
