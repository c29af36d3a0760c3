"""Reading forms we did not make: councils' own layouts, filled in by hand, in Word or PDF.

The pack file says, for each field, its printed label and where the answer sits
(right, below, after, dots, table, signature). The reader finds each label on the form
(`labels`), takes the answer from its place (`places`, `tables`), cleans it of prompts,
dot leaders and tick boxes (`answers`), and converts it like any other read. Text that
no field takes is kept in `unmapped`.
"""

from __future__ import annotations

from collections import defaultdict

from ...models.paths import Leaf, leaf_map
from ...packs import Pack
from ..result import ParseResult, ReadWarning, Unmapped
from ..values import Collector
from .answers import clean, split_shared
from .knowledge import FieldInfo, Knowledge, knowledge
from .labels import Finder, Hit
from .layout import Layout, from_body, from_pages, from_runs
from .places import Answer, Places, Span
from .tables import read_rows, row_date
from .text import fold

LOOSE_SCORE = 95.0

__all__ = ["Layout", "from_body", "from_pages", "from_runs", "read_form"]


def read_form(layout: Layout, pack: Pack, kind: str) -> ParseResult:
    """Read a filled copy of `pack`'s `kind` form laid out as `layout`."""
    know = knowledge(pack, kind)
    finder = Finder(layout, know.in_prose)
    hits = _find_labels(finder, know)
    places = Places(layout, finder.hits, know)
    collector = Collector(pack.model(kind))
    used: list[Span] = [Span(h.piece, h.start, h.end) for h in finder.hits]
    used.extend(_label_pieces(finder.hits))
    infos = {info.path: info for info in know.fields}
    _read_tables(layout, hits, infos, places, collector, used)
    answers: dict[str, Answer] = {}
    for path, hit in hits.items():
        if infos[path].spec.place == "table":
            continue
        answer = places.read(hit, infos[path])
        if answer is not None:
            answers[path] = answer
            used.extend(answer.spans)
        if hit.score < LOOSE_SCORE or hit.ambiguous:
            why = "the label was matched loosely" if hit.score < LOOSE_SCORE else "the label is printed twice"
            source = layout.pieces[hit.piece].source
            collector.warnings.append(ReadWarning(path, f"{why}; check this value", source))
    _put_answers(answers, hits, infos, know, collector, pack, kind)
    _unmapped(layout, used, places, know, collector)
    data = collector.build()
    return ParseResult(pack.name, kind, data, collector.warnings, collector.unmapped, collector.sources)


def label_score(layout: Layout, pack: Pack, kind: str) -> float:
    """How much of the pack's form this is: the share of its labels found (0 to 1)."""
    know = knowledge(pack, kind)
    finder = Finder(layout, know.in_prose)
    hits = _find_labels(finder, know)
    weights = {info.path: len(fold(info.spec.label).split()) for info in know.fields}
    total = sum(weights.values()) or 1
    return sum(weights[p] * hits[p].score / 100 for p in hits) / total


def _find_labels(finder: Finder, know: Knowledge) -> dict[str, Hit]:
    """Each field's label: the longest first; in a signature group, the name's label
    first and the rest (its "Date:") near it."""
    groups: dict[str, list[FieldInfo]] = defaultdict(list)
    for info in know.fields:
        if info.spec.place == "signature":
            groups[info.path.rsplit(".", 1)[0]].append(info)
    anchors = {max(members, key=lambda i: len(i.spec.label)).path: members for members in groups.values()}
    near = {info.path for members in groups.values() for info in members} - set(anchors)
    hits: dict[str, Hit] = {}
    alone = [i for i in know.fields if i.path not in near and i.spec.place != "table"]
    tables = [i for i in know.fields if i.spec.place == "table"]
    for info in sorted(alone, key=lambda i: -len(fold(i.spec.label))):
        _find(finder, info, hits)
    for anchor, members in anchors.items():
        for info in members:
            if info.path != anchor and anchor in hits:
                hit = finder.find_near(info.path, info.labels, hits[anchor])
                if hit is not None:
                    hits[info.path] = hit
    for info in tables:
        _find(finder, info, hits)
    return hits


def _find(finder: Finder, info: FieldInfo, hits: dict[str, Hit]) -> None:
    """Find a field's label; fields that share a label (one answer for two fields) share it."""
    for path, hit in hits.items():
        if finder.label_of.get(path) == info.spec.label:
            hits[info.path] = hit
            return
    found = finder.find(info.path, info.labels)
    if found is not None:
        finder.label_of[info.path] = info.spec.label
        hits[info.path] = found


def _label_pieces(hits: list[Hit]) -> list[Span]:
    """Whole pieces inside labels that run over several pieces."""
    return [Span(n, 0, 10**9) for h in hits for n in h.pieces[1:-1]]


def _put_answers(
    answers: dict[str, Answer],
    hits: dict[str, Hit],
    infos: dict[str, FieldInfo],
    know: Knowledge,
    collector: Collector,
    pack: Pack,
    kind: str,
) -> None:
    """Clean and convert each answer; fields sharing one answer split it between them."""
    sharing: dict[tuple[int, int], list[str]] = defaultdict(list)
    for path in answers:
        sharing[(hits[path].piece, hits[path].start)].append(path)
    leaves = leaf_map(pack.model(kind))
    for paths in sharing.values():
        answer = answers[paths[0]]
        text = clean(answer.text, know.prompts)
        if text is None:
            continue
        if len(paths) == 1:
            collector.put(paths[0], text, answer.source)
            continue
        kinds = {p: _kind(p, leaves) for p in paths}
        labels = {p: infos[p].labels for p in paths}
        parts = split_shared(text, kinds, labels)
        for path in paths:
            if path in parts:
                collector.put(path, clean(parts[path], know.prompts), answer.source)


def _kind(path: str, leaves: dict[str, Leaf]) -> str:
    leaf = leaves.get(path) or leaves.get(path + "[]")
    kind = leaf.kind if leaf is not None else "text"
    return "minutes" if kind == "int" and path.endswith("minutes") else kind


def _read_tables(
    layout: Layout,
    hits: dict[str, Hit],
    infos: dict[str, FieldInfo],
    places: Places,
    collector: Collector,
    used: list[Span],
) -> None:
    """Fields placed in a table: one item per row under their headings."""
    tables: dict[str, dict[str, Hit]] = defaultdict(dict)
    for path, hit in hits.items():
        if infos[path].spec.place == "table":
            tables[path.split("[]")[0]][path] = hit
    printed = {n for n in range(len(layout.pieces)) if places.printed(n)}
    leaves = leaf_map(collector.model)
    for head, headings in tables.items():
        rows = read_rows(layout, headings, printed)
        scalar = f"{head}[]" in leaves
        number = 0
        year = None
        for row in rows:
            if scalar:
                day = row_date(row, head, year)
                if day is None:
                    if clean(" ".join(row.cells.values()), []):
                        collector.unmapped.append(Unmapped(" ".join(row.cells.values()), row.source))
                        used.extend(row.spans)
                    continue
                year = day.year
                collector.put(f"{head}.{number}", day.isoformat(), row.source)
            else:
                values = {p: clean(row.cells.get(p, ""), []) for p in headings}
                if not any(values.values()):
                    continue
                for path, value in values.items():
                    collector.put(path.replace("[]", f".{number}", 1), value, row.source)
            used.extend(row.spans)
            number += 1


def _unmapped(layout: Layout, used: list[Span], places: Places, know: Knowledge, collector: Collector) -> None:
    """Text a person wrote that no field took: every piece's unused, unprinted part."""
    taken: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for span in used:
        taken[span.piece].append((span.start, span.end))
    previous_in_column: dict[float, str] = {}
    for number, piece in enumerate(layout.pieces):
        text = piece.text
        left = _without(text, taken.get(number, []))
        key = round(piece.column)
        joined = previous_in_column.get(key, "") + " " + text
        previous_in_column[key] = text
        if not left.strip() or places.printed(number) or know.is_prompt(left):
            continue
        if not layout.structured and know.is_printed(joined):
            continue
        cleaned = clean(left, know.prompts)
        if cleaned and not know.is_printed(cleaned):
            collector.unmapped.append(Unmapped(cleaned, piece.source))


def _without(text: str, spans: list[tuple[int, int]]) -> str:
    keep = [True] * len(text)
    for start, end in spans:
        for i in range(max(0, start), min(len(text), end)):
            keep[i] = False
    return "".join(c if k else " " for c, k in zip(text, keep, strict=True))
