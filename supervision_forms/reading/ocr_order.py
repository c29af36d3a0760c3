"""Fields read out of the form's order. A form asks its questions in one order, and a
scan's answers come down its pages in that order too. A field read from a line that
comes after the answers of fields the form asks later (a word of another answer taken
for its label: "Frequency may change after the review" read as the label `Frequency`,
the next line as its answer) was not read where the form puts it: it is not a value.
The fields that keep the form's order are those in every longest run of them, down the
pages, whose places in the form never go back; the others are out of order (where two
runs as long part ways, neither is sure). Nor is a field of one party's row (a
signature's date) read from the line of another party's row."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Set

from ..models.paths import generic
from .knowledge import FormKnowledge
from .ocr_words import WordStream


def out_of_order(
    sources: Mapping[str, str],
    stream: WordStream,
    know: FormKnowledge,
    tried: Mapping[str, str] = {},
    mid_sentence: Set[str] = frozenset(),
) -> tuple[set[str], set[str]]:
    """The fields (of `sources`: path -> "page 2, line 14") read out of the form's order;
    and the fields read just before a field out of order (read, or only `tried`: its label
    found there, its answer not read), whose answers may run on into the words taken for
    that label ("…within the timescales. Duration: longer sessions…"), or before one of
    `mid_sentence` (tried, the text after its label going on in lower case: "Supervisee
    name | and supervisor name as above" is an answer's sentence, not a label and a name)."""
    order = _places(know)
    placed = []
    for path, source in [*sources.items(), *((p, s) for p, s in tried.items() if p not in sources)]:
        name = generic(path).removesuffix("[]")
        where = stream.place_of(source)
        if name in order and where != (-1, -1):
            placed.append((where, order[name], path))
    placed.sort()
    kept = _in_every_longest_rise([index for _, index, _ in placed])
    disordered = {path for position, (_, _, path) in enumerate(placed) if position not in kept}
    cut = set()
    for position, (where, _, _) in enumerate(placed):
        if (position in kept and placed[position][2] not in mid_sentence) or position == 0:
            continue
        before, _, previous = placed[position - 1]
        if before[0] == where[0] and before < where and previous in sources and previous not in disordered:
            cut.add(previous)
    return disordered & set(sources), cut


def _places(know: FormKnowledge) -> dict[str, int]:
    """Each field's place in the form's order; the fields of one part of the model (a
    signature's name and date) share the first one's: a name may sit under its label, its
    date beside the label, on the line above."""
    places: dict[str, int] = {}
    parts: dict[str, int] = {}
    for index, slot in enumerate(know.order):
        name = slot.removesuffix("[]")
        places[name] = parts.setdefault(name.rpartition(".")[0] or name, index)
    return places


def _in_every_longest_rise(values: list[int]) -> set[int]:
    """The positions in every longest run of `values` (not always next to each other) that
    never goes down: where two runs as long part ways, neither way is sure."""
    ending = [1] * len(values)  # the longest such run ending at each position
    for i, value in enumerate(values):
        ending[i] = 1 + max((ending[j] for j in range(i) if values[j] <= value), default=0)
    starting = [1] * len(values)  # ... and starting there
    for i in range(len(values) - 1, -1, -1):
        after = (starting[j] for j in range(i + 1, len(values)) if values[i] <= values[j])
        starting[i] = 1 + max(after, default=0)
    longest = max(ending, default=0)
    on_one = [i for i in range(len(values)) if ending[i] + starting[i] - 1 == longest]
    return {i for i in on_one if sum(ending[j] == ending[i] for j in on_one) == 1}


def crossed_rows(sources: Mapping[str, str], tried: Mapping[str, str] = {}) -> dict[str, str]:
    """The fields of one party (`signatures.supervisee.date`) read from a line that holds
    another party's other field (`signatures.supervisor.name`) and none of the party's own,
    whose own fields were read elsewhere, with that other party (`signatures.supervisor`):
    a row's value OCR lost (its date run into its label), the reader took from the next
    party's row, where it is that party's."""
    lines: dict[str, dict[str, str]] = defaultdict(dict)  # party -> its fields' source lines
    for path, source in {**tried, **sources}.items():
        party, _, leaf = path.rpartition(".")
        if party and not leaf.isdigit():
            lines[party][leaf] = source
    crossed = {}
    for path, source in sources.items():
        party, _, leaf = path.rpartition(".")
        own = [line for other, line in lines.get(party, {}).items() if other != leaf]
        if not own or source in own:
            continue
        kin = (p for p in lines if p != party and p.rpartition(".")[0] == party.rpartition(".")[0])
        row = next((p for p in kin if any(line == source for o, line in lines[p].items() if o != leaf)), None)
        if row is not None:
            crossed[path] = row
    return crossed
