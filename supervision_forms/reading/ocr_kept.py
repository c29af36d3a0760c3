"""Nothing a person wrote on a scan is lost: the words of the OCR'd pages that no field was
read from, that are not in `unmapped`, and that the form does not print (nor page
furniture, nor dirt) are added to `unmapped`; and an answer with such text right beside it
(before or after it on its line, or running on from it onto the next line in lower case)
is left empty, since where it starts or ends is not sure."""

from __future__ import annotations

import datetime
import functools
import itertools
import re
from collections.abc import Sequence, Set
from typing import Any

from rapidfuzz import fuzz, process

from ..models.paths import flatten, generic, leaf_map, unflatten
from .forms.answers import clean
from .forms.layout import MARKING, PAGE_NUMBER, PAGE_OF
from .knowledge import FormKnowledge
from .ocr_words import Token, WordStream
from .page import Page, Word
from .result import ParseResult, ReadWarning, Unmapped
from .text import fold

SPECK = 0.5  # OCR confidence: under it, a short run of words may be dirt read as letters
DIRT = 3  # characters at most of such a run
PRINTED_RUN = 5  # words: a longer run is printed text when it is nearly word for word the form's
SHORT_RUN = 2  # words: a run this short is printed when its words are the form's
PRINTED_SCORE = 85  # fuzzy score of such a run against the form's printed text
SHORT_TOKEN = 2  # characters: a shorter word of a short run is not told from printed text
NEAR_WORD = 80  # fuzzy score of a word of a short run against one of the form's words
LABEL_WORDS = 12  # words at most of a label ("Who else may see the record?")
OPTION_WORDS = 3  # words at most of a tick box's printed option ("handwritten notes")
MARGIN = 0.16  # of the page height: where headers and footers are printed
LOOSE_LABEL = "the label was matched loosely"  # the reader's warning (`forms/read.py`)
DOUBTED = "?"  # the owner of a token of a value OCR was unsure of (kept in unmapped)


def value_at(data: dict[str, Any], path: str) -> Any:
    """The value at a field path ("signatures.supervisor.name") of dumped data; None when empty."""
    node: Any = data
    for part in path.split("."):
        if isinstance(node, list) and part.isascii() and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        elif isinstance(node, dict):
            node = node.get(part)
        else:
            return None
    return None if node in ("", []) else node


def shown(value: Any) -> str:
    """A value as text, for `unmapped`."""
    if isinstance(value, list):
        return "; ".join(shown(v) for v in value)
    return value.isoformat() if isinstance(value, datetime.date) else str(value)


def take_out(result: ParseResult, cleared: dict[str, str]) -> None:
    """The cleared fields taken out of a result, with their sources and confidence, and
    what was worked out from them (their neighbours in the same part of the model that
    were not read themselves)."""
    flat = flatten(result.data.model_dump(mode="python"))
    read = set(result.sources) - set(cleared)

    def under(path: str, top: str) -> bool:
        return path == top or path.startswith(top + ".")

    def parent(path: str) -> str:
        return path.rpartition(".")[0]

    kept = {}
    for path, value in flat.items():
        if any(under(path, gone) for gone in cleared):
            continue
        derived = not any(under(path, source) for source in read)
        if derived and any(parent(path) == parent(gone) for gone in cleared):
            continue
        kept[path] = value
    result.data = type(result.data).model_validate(unflatten(kept))
    for path in cleared:
        result.sources.pop(path, None)
        result.field_confidence.pop(path, None)


def _owners(
    result: ParseResult, stream: WordStream, ocr: set[int], doubted: Sequence[Unmapped] = ()
) -> dict[int, str]:
    """Each token some field was read from (its path), that is in `unmapped` ("") or that
    is there as a field's value OCR was unsure of (`doubted`: DOUBTED)."""
    leaves = leaf_map(type(result.data))
    data = result.data.model_dump(mode="python")
    owners: dict[int, str] = {}
    unsure = {id(item) for item in doubted}
    for item in result.unmapped:
        owner = DOUBTED if id(item) in unsure else ""
        owners.update(dict.fromkeys(stream.text_located(item.text, item.source, ocr), owner))
    for path, source in result.sources.items():
        leaf = leaves.get(generic(path)) or leaves.get(generic(path) + "[]")
        value = value_at(data, path)
        if leaf is None or value is None:
            continue
        if isinstance(value, str) and leaf.kind == "text":
            found = stream.text_located(value, source, ocr)
        else:
            found = stream.located(value, leaf, source, ocr) or []
        owners.update(
            dict.fromkeys(stream.with_fillers(found) if leaf.kind in ("date", "int") else found, path)
        )
    return owners


def _lost(
    result: ParseResult,
    ocr: set[int],
    know: FormKnowledge,
    stream: WordStream,
    edges: Set[int],
    doubted: Sequence[Unmapped] = (),
) -> tuple[list[tuple[list[int], str]], dict[int, str]]:
    """Runs of words on the OCR'd pages that no field was read from, that are not in
    `unmapped`, and that are not the form's printed text (nor page furniture, `edges`, nor
    dirt), with their sources; and every token's owner."""
    owners = _owners(result, stream, ocr, doubted)
    lost = []
    for run, segment, source in stream.runs(lambda index: index not in owners, ocr):
        tokens = [stream.tokens[i] for i in run]
        if tokens[0].line in edges:
            continue
        words = _words(run, stream)
        text = " ".join(w.text for w in words)
        if _labelled(text) or (stream.after_box(tokens[0]) and len(words) <= OPTION_WORDS):
            continue  # a label (an older edition's, say) or a tick box's option
        if len(run) <= SHORT_RUN and _among_unplaced(run, segment, stream, owners):
            lost.append((run, source))  # a word or two between text no field took is part of it
        elif not _printed(words, know):
            lost.append((run, source))
    return lost, owners


def kept(
    result: ParseResult,
    ocr: set[int],
    know: FormKnowledge,
    stream: WordStream,
    edges: Set[int],
    doubted: Sequence[Unmapped] = (),
) -> None:
    """Text no field took and the form does not print added to `unmapped`; a text field
    with text no field took right beside it (before or after it on its line, or on the line
    just above or below it in its cell: `WordStream.beside`) left empty: where it starts or
    ends is not sure. `edges`: the lines of page furniture (`furniture`). `doubted`: the
    values OCR was unsure of, already in `unmapped` (a field took them, so they are no text
    beside another)."""
    runs, owners = _lost(result, ocr, know, stream, edges, doubted)
    kinds = leaf_map(type(result.data))
    cut: dict[str, str] = {}
    unplaced = [  # text in unmapped that the form does not print
        run
        for run, _, _ in stream.runs(lambda index: owners.get(index) == "", ocr)
        if not _printed(_words(run, stream), know)
    ]
    labels = {  # the first tokens of lines the reader took for a label, matched loosely
        stream.starts.get(stream.place_of(w.source), -1)
        for w in result.warnings
        if w.message.startswith(LOOSE_LABEL)
    }
    data = result.data.model_dump(mode="python")
    for run in [run for run, _ in runs] + unplaced:
        if run[0] in labels and not stream.tokens[run[0]].word.text[:1].islower():
            continue  # (an older edition's wording of the label over its answer; a label
            # starts with a capital: one in lower case is an answer running on)
        for token in stream.beside(run, ocr) + _answer_over_break(run, stream, ocr, edges, owners, data):
            path = owners.get(token, "")
            leaf = kinds.get(generic(path))
            if path in result.sources and leaf is not None and leaf.kind == "text":
                cut[path] = result.sources[path]
    for path, source in cut.items():
        why = "text beside it that no field took may be part of it"
        result.warnings.append(
            ReadWarning(path, f"read by OCR: {why}; left empty, the text is kept in unmapped", source)
        )
        result.unmapped.append(Unmapped(shown(value_at(data, path)), source))
    if cut:
        take_out(result, cut)
        result.warnings[:] = [
            w for w in result.warnings if not (w.field in cut and w.message.startswith("read by OCR ("))
        ]
    for run, source in runs:
        result.unmapped.append(Unmapped(" ".join(w.text for w in _words(run, stream)), source))


def _answer_over_break(
    run: list[int],
    stream: WordStream,
    ocr: set[int],
    edges: Set[int],
    owners: dict[int, str],
    data: dict[str, Any],
) -> list[int]:
    """A token of the answer a run may run on from over a page break: a column of the
    line before the break that one field took whole after its label, if any ("Supervisee
    Saoirse | Mahmood": a column that holds text no field took, or a label after the
    answer, is not an answer running on), when the field's value does not already hold
    the run (the reader followed it over the break)."""
    found = []
    text = fold(" ".join(w.text for w in _words(run, stream)))
    for column in stream.over_break(run, ocr, edges):
        answer = list(itertools.dropwhile(lambda index: index not in owners, column))
        taken = {owners.get(index, "") for index in answer}
        path = taken.pop() if len(taken) == 1 else ""
        value = value_at(data, path) if path else None
        if path and (not isinstance(value, str) or text not in fold(value)):
            found.append(answer[0])
    return found


def _words(run: list[int], stream: WordStream) -> list[Word]:
    return list({id(stream.tokens[i].word): stream.tokens[i].word for i in run}.values())


def _among_unplaced(run: list[int], segment: list[Token], stream: WordStream, owners: dict[int, str]) -> bool:
    """Whether the tokens beside a short run in its segment are text no field took."""
    first = stream.tokens[run[0]]
    at = next(i for i, t in enumerate(segment) if t is first)
    around = []
    if at > 0:
        around.append(run[0] - 1)
    if at + len(run) < len(segment):
        around.append(run[-1] + 1)
    return bool(around) and all(owners.get(i) == "" for i in around)


def furniture(pages: Sequence[Page], ocr: set[int], know: FormKnowledge, stream: WordStream) -> set[int]:
    """The lines (of `stream`) that are page furniture on the OCR'd pages, in the top or
    bottom margin: a page number ("Page 2 of 3"), a protective marking, a header or footer
    line of the form, or a line another OCR'd page prints there too (told by its text
    alone, numbers aside: OCR puts them a point or two apart); and the lines that run on
    from one of those in the margin, with no drawn line or blank line between (a council's
    own footer over its page number, on a page scanned alone)."""
    margins = {fold(line) for line in know.margins}
    texts: dict[str, list[int]] = {}
    found: set[int] = set()
    for line, (page, _) in stream.places.items():
        words = stream.lines[line]
        if page not in ocr or not _in_margin(words, stream.heights[page]):
            continue
        text = " ".join(w.text for w in words).strip()
        norm = fold(text)
        if PAGE_OF.match(text) or PAGE_NUMBER.fullmatch(norm) or MARKING.fullmatch(text) or norm in margins:
            found.add(line)
        if norm:
            texts.setdefault(re.sub(r"\d+", "#", norm), []).append(line)
    for lines in texts.values():
        if len({stream.places[line][0] for line in lines}) > 1:
            found.update(lines)
    edge = list(found)
    while edge:
        line = edge.pop()
        page = stream.places[line][0]
        for other in (line - 1, line + 1):
            if (
                other in stream.lines
                and other not in found
                and stream.places[other][0] == page
                and _in_margin(stream.lines[other], stream.heights[page])
                and stream.same_cell(line, other, 0.0, float("inf"))
            ):
                found.add(other)
                edge.append(other)
    return found


def _in_margin(words: list[Word], height: float) -> bool:
    return not MARGIN < min(w.top for w in words) / height < 1 - MARGIN


def _labelled(text: str) -> bool:
    """Whether a run of words is a label: a short question, or words before a colon."""
    text = text.strip()
    return text[-1:] in ("?", ":") and len(text.split()) <= LABEL_WORDS


def _printed(words: list[Word], know: FormKnowledge) -> bool:
    """Whether a run of OCR'd words is the form's printed text (OCR may have misread a
    letter or two of it), page furniture, or dirt (a speck or two read as letters)."""
    text = " ".join(w.text for w in words)
    cleaned = clean(text, know.prompts)
    norm = fold(cleaned or "")
    if (
        not norm
        or know.is_printed(text)
        or know.is_printed(norm)
        or MARKING.fullmatch(text.strip())
        or PAGE_NUMBER.fullmatch(norm)
    ):
        return True
    if all(w.confidence < SPECK for w in words) and len(norm) <= DIRT:
        return True
    tokens = norm.split()
    if len(tokens) >= PRINTED_RUN:
        return fuzz.partial_ratio(norm, know.corpus, score_cutoff=PRINTED_SCORE) >= PRINTED_SCORE
    if len(tokens) > SHORT_RUN:
        return False  # too short to compare loosely, and not printed word for word
    vocabulary = _vocabulary(know.corpus)
    return all(token in vocabulary or _near_word(token, vocabulary) for token in tokens)


@functools.cache
def _vocabulary(corpus: str) -> frozenset[str]:
    """The words the form prints (its printed text, `corpus`)."""
    return frozenset(corpus.split())


def _near_word(token: str, vocabulary: frozenset[str]) -> bool:
    """Whether a token is short (a letter or two OCR made of a mark), or one of the form's
    words with a letter or so misread."""
    if len(token) <= SHORT_TOKEN:
        return True
    return process.extractOne(token, vocabulary, scorer=fuzz.ratio, score_cutoff=NEAR_WORD) is not None
