"""Reading one filled form: labels found, answers taken from their places, the rest kept."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Mapping
from functools import partial

from ...models.paths import MINUTES, in_minutes
from ...ocr.lexicon import english_words
from ...packs import Pack
from ...packs.spec import PrintedFact
from ...text.names import written_like_a_name
from ..knowledge import FieldInfo, FormKnowledge, placeholder_start
from ..leaders import final_stop
from ..result import ParseResult, ReadWarning, Unmapped
from ..text import LIST_MARK, fold
from ..ticks import untick_options
from ..unwrap import hyphen_end
from ..values import Collector
from ..wording import key, meaning, path_key
from .answers import break_at_labels, clean, remove_phrases, split_shared, split_signature
from .fields import put_form_fields
from .labels import EXACT, Finder, Hit, Stage  # (a label found less exactly is read with a warning)
from .layout import Layout
from .places import Answer, Places
from .reworded import could_answer, find_by_order, find_reworded, is_name
from .spots import Span, label_spans, without
from .tables import read_tables

SHARED = 0.9  # confidence in a part of an answer that holds several fields
STYLE_ANSWERS = 2  # prose answers that, ending alike, show how their writer ends one
STAGES: tuple[Stage, ...] = ("exact", "reworded", "loose")

NOT_A_NAME = "not written like a person's name (digits, a sentence, or a form's words)"
PLACEHOLDER_PIECE = "the first words of Word's placeholder text, not an answer"
BROKEN_AT_END = "it ends in a word broken at its hyphen; the rest is on a line not read with it"
UNTICKED = "reads as the form's options printed side by side, no tick box left to say which is meant"
INSIDE_LABEL = "text is written on the lines of its printed label; it is kept in unmapped"
BY_ORDER = "the label was found only by its place in the form's order; check this value"
PRINTED_SOURCE = "the form's printed text"  # where a value the form itself prints came from
LIGATURES = ("ffi", "ffl", "ff", "fi", "fl")
STRAY = re.compile(r"[A-Za-z]+[\u3400-\u9fff\uac00-\ud7af][A-Za-z]*|[\u3400-\u9fff\uac00-\ud7af][a-z]+")
COLON = re.compile(r"\s*:\s*(?=\S)")  # a colon inside an answer, text after it
LABEL_WORDS = re.compile(r"(?<=\s)[A-Z][^\W\d_]*(?: [^\W\d_]+){0,3}$")  # up to 4 words, a capital first


def read_form(
    layout: Layout, pack: Pack, kind: str, form_fields: Mapping[str, str] | None = None
) -> ParseResult:
    """Read a filled copy of `pack`'s `kind` form laid out as `layout`. A fillable
    PDF's `form_fields` (name -> value) answer the fields whose labels they are named
    after; the rest are read from the page."""
    know = pack.knowledge(kind)
    _mend_ligatures(layout, know)
    finder = Finder(layout, know.in_prose, lambda text: fold(text) in know.lines)
    hits = _find_labels(finder, know)
    places = Places(layout, finder.hits, know)
    collector = Collector(pack.model(kind), pdf=not layout.structured)
    used = label_spans(finder.hits)
    infos = {info.path: info for info in know.fields}
    answers: dict[str, Answer] = {}
    from_fields = put_form_fields(form_fields or {}, know, collector)
    for path, hit in hits.items():
        if infos[path].spec.place == "table" or path in from_fields:
            continue
        answer = places.read(hit, infos[path])
        if answer is not None:
            answers[path] = answer
            used.extend(answer.spans)
        if answer is not None and not answer.doubt and (hit.score < EXACT or hit.ambiguous):
            why = (
                f"the label was matched loosely ({hit.score:.0f}%)"
                if hit.score < EXACT
                else "the label is printed twice"
            )
            source = layout.pieces[hit.piece].source
            collector.warnings.append(ReadWarning(path, f"{why}; check this value", source))

    def unexplained(numbers: range) -> list[int]:
        claimed = [Span(n, start, end) for n, spans in places.claimed.items() for start, end, _ in spans]
        labels = label_spans(finder.hits)
        return sorted({n for n, _ in _left_over(layout, [*used, *claimed, *labels], places, know, numbers)})

    for path, label in find_by_order(finder, places, know, hits, answers, unexplained).items():
        used.extend(label)
        source = layout.pieces[hits[path].piece].source
        text = "\n".join(layout.pieces[span.piece].text.strip() for span in label)
        if written_like_a_name(text):  # (no word of it is the label's: it may be a name written there)
            collector.unmapped.append(Unmapped(text, source))
        if path in answers:
            used.extend(answers[path].spans)
            collector.warnings.append(ReadWarning(path, BY_ORDER, source))
    _put_answers(answers, hits, infos, know, collector)
    _put_inner(answers, hits, infos, know, collector)
    printed = {number for number in range(len(layout.pieces)) if places.printed(number)}
    used.extend(read_tables(layout, hits, infos, printed, collector))
    for number, text in _left_over(layout, used, places, know, range(len(layout.pieces))):
        collector.unmapped.append(Unmapped(text, layout.pieces[number].source))  # what no field took
    for number, path, text in _inside_labels(layout, finder.hits, infos, know):
        collector.unmapped.append(Unmapped(text, layout.pieces[number].source))
        collector.warnings.append(ReadWarning(path, INSIDE_LABEL, layout.pieces[number].source))
    _put_printed_facts(layout, pack.document(kind).printed, collector)
    return collector.result(pack.name, kind)


def _put_printed_facts(layout: Layout, printed: Mapping[str, PrintedFact], collector: Collector) -> None:
    """Values the form states in its printed text (pack.toml `printed`), where this copy
    still prints that text word for word and no answer gave the field."""
    shown = fold(" ".join(piece.text for piece in layout.pieces))
    for path, fact in printed.items():
        if path not in collector.values and fold(fact.text) in shown:
            collector.put(path, fact.value, PRINTED_SOURCE)


def _mend_ligatures(layout: Layout, know: FormKnowledge) -> None:
    """PDF: a ligature its font maps to a stray character ("dif케culties", Ghostscript)
    read as the ligature's letters, throughout the document, where words the form prints
    or English words (Tesseract's list) show which ligature that character stands for
    (and no other): a word that one ligature alone makes a word counts for it."""
    strays = [] if layout.structured else [w for piece in layout.pieces for w in STRAY.findall(piece.text)]
    if not strays:
        return
    printed = set(know.corpus.split())
    english = english_words()
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    for word in strays:
        stray = next(char for char in word if not char.isascii())
        made = [
            letters
            for letters in LIGATURES
            if (whole := word.replace(stray, letters).casefold()) in printed or whole in english
        ]
        if len(made) == 1:
            seen[stray][made[0]] += 1
    meant = {stray: next(iter(found)) for stray, found in seen.items() if len(found) == 1}
    if not meant:
        return

    def mended(match: re.Match[str]) -> str:
        word = match.group()
        return "".join(meant.get(char, char) for char in word)

    layout.pieces[:] = [dataclasses.replace(p, text=STRAY.sub(mended, p.text)) for p in layout.pieces]


def _find_labels(finder: Finder, know: FormKnowledge) -> dict[str, Hit]:
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
    by_length = sorted(alone, key=lambda i: -len(fold(i.spec.label)))
    for stage in STAGES:  # every label printed word for word first, then reworded, then loosely
        for info in by_length:
            if info.path not in hits:
                _find(finder, info, hits, stage)
    _find_near(finder, anchors, hits)
    for stage in STAGES:
        for info in tables:
            if info.path not in hits:
                _find(finder, info, hits, stage)
    find_reworded(finder, know, hits, [i for i in alone if i.path not in hits])
    for info in alone:
        if info.path not in hits:
            named = finder.find_named(info.path, _names(info, know), partial(could_answer, info))
            if named is not None:
                hits[info.path] = named
    _find_near(finder, anchors, hits)  # (near a name's label an older edition words its own way)
    return hits


def _find_near(finder: Finder, anchors: dict[str, list[FieldInfo]], hits: dict[str, Hit]) -> None:
    """The labels of a signature group not found yet (its "Date:"), near its found name's label."""
    for anchor, members in anchors.items():
        for info in members:
            if info.path not in hits and anchor in hits:
                hit = finder.find_near(info.path, info.labels, hits[anchor])
                if hit is not None:
                    hits[info.path] = hit


def _names(info: FieldInfo, know: FormKnowledge) -> Callable[[frozenset[str]], bool]:
    """Which label keys name the field `info` in words of its own: words of its path
    ("Duration" for `duration_minutes`, "To be reviewed on" for `review_date`), stemmed,
    that are in no other field's path, and no printed label's key; never words that
    only ask ("May" for `others_who_may_see`)."""
    own = meaning(path_key(info.path))
    others = [meaning(path_key(other.path)) for other in know.fields if other.path != info.path]
    printed = {key(label) for other in know.fields for label in other.labels}

    def names(words: frozenset[str]) -> bool:
        meant = meaning(words)
        return bool(meant) and meant <= own and words not in printed and not any(meant <= o for o in others)

    return names


def _find(finder: Finder, info: FieldInfo, hits: dict[str, Hit], stage: Stage) -> None:
    """Find a field's label; fields that share a label (one answer for two fields) share it."""
    for path, hit in hits.items():
        if finder.label_of.get(path) == info.spec.label:
            hits[info.path] = hit
            return
    tabular = info.spec.place == "table"
    found = finder.find(
        info.path,
        info.labels,
        at_start=info.starts_piece,
        stage=stage,
        tabular=tabular,
        at_end=info.spec.place == "before",
    )
    if found is not None:
        finder.label_of[info.path] = info.spec.label
        hits[info.path] = found


def _put_answers(
    answers: dict[str, Answer],
    hits: dict[str, Hit],
    infos: dict[str, FieldInfo],
    know: FormKnowledge,
    collector: Collector,
) -> None:
    """Clean and convert each answer; fields sharing one answer split it between them."""
    sharing: dict[tuple[int, int], list[str]] = defaultdict(list)
    for path in answers:
        sharing[(hits[path].piece, hits[path].start)].append(path)
    stops = _writer_stops(answers, infos, know)
    for paths in sharing.values():
        answer = answers[paths[0]]
        labels = {p: infos[p].labels for p in paths}
        if len(paths) == 1:
            inside = _before_inner(answer.text, paths[0], hits, know)[0]
            info, completes = infos[paths[0]], _completes_sentence(infos[paths[0]])
            text = clean(
                inside, know.prompts, completes=completes, stops=stops if _prose(info) or completes else None
            )
        else:  # each field's part cleaned on its own: "☒ Monthly  Duration: 1 hour" keeps both
            parts = (clean(part, know.prompts) for part in break_at_labels(answer.text, labels).split("\n"))
            text = "\n".join(part for part in parts if part) or None
        if text is None:
            continue
        doubts = (
            (answer.doubt, bool(answer.doubt)),
            (BROKEN_AT_END, hyphen_end(answer.text.rstrip())),
            (PLACEHOLDER_PIECE, placeholder_start(text)),
            (UNTICKED, collector.pdf and untick_options(text)),
        )
        why = next((message for message, unsure in doubts if unsure), "")
        if why:
            collector.keep_unsure(paths, text, answer.source, why)
            continue
        if len(paths) == 1 and infos[paths[0]].spec.place == "signature" and infos[paths[0]].kind == "text":
            _put_signature(paths[0], text, answer, answers, infos, collector)
            continue
        if len(paths) == 1 and is_name(paths[0]) and not written_like_a_name(text):
            collector.keep_unsure(paths, text, answer.source, NOT_A_NAME)
            continue
        if len(paths) == 1:
            collector.put(paths[0], text, answer.source, answer.confidence)
            continue
        kinds = {p: MINUTES if infos[p].kind == "int" and in_minutes(p) else infos[p].kind for p in paths}
        shares = split_shared(text, kinds, labels)
        for path in paths:
            if path in shares:
                collector.put(
                    path, clean(shares[path], know.prompts), answer.source, answer.confidence * SHARED
                )


def _writer_stops(
    answers: Mapping[str, Answer], infos: Mapping[str, FieldInfo], know: FormKnowledge
) -> bool | None:
    """Whether this writer ends their prose answers with a full stop: True or False where
    at least two answers show it and none shows otherwise, else None (`leaders.final_stop`)."""
    shown = Counter(
        final_stop(remove_phrases(answer.text, know.prompts))
        for path, answer in answers.items()
        if _prose(infos[path])
    )
    shown.pop(None, None)
    return next(iter(shown)) if len(shown) == 1 and sum(shown.values()) >= STYLE_ANSWERS else None


def _prose(info: FieldInfo) -> bool:
    """Whether the field asks a question answered on lines of its own (not a name)."""
    return (
        info.kind == "text" and (info.spec.new_line or info.spec.place == "below") and not is_name(info.path)
    )


def _completes_sentence(info: FieldInfo) -> bool:
    """Whether the field's answer goes on the printed sentence its label starts, on the
    label's line ("The frequency of supervision will be ……"): a phrase, not a sentence."""
    return info.spec.place == "dots" and not info.spec.new_line and info.spec.label.rstrip()[-1:].isalnum()


def _before_inner(text: str, path: str, hits: Mapping[str, Hit], know: FormKnowledge) -> tuple[str, str, str]:
    """An answer that runs into a label naming another field in that field's own words,
    a field whose label was found nowhere else ("☒ Other   Duration: 60 mins"): (the
    text before that label, the other field's path, the text after it); the whole text
    and no path when there is none."""
    others = [i for i in know.fields if i.path not in hits and i.path != path]
    for colon in COLON.finditer(text):
        label = LABEL_WORDS.search(text, 0, colon.start())
        words = label.group().split() if label else []
        for count in range(1, len(words) + 1):  # its last word first ("Other Duration:")
            phrase = " ".join(words[-count:])
            rest = text[colon.end() :]
            named = [
                i.path
                for i in others
                if phrase[:1].isupper() and _names(i, know)(key(phrase)) and could_answer(i, rest)
            ]
            if named:
                return text[: colon.start() - len(phrase)].rstrip(), named[0], text[colon.end() :]
    return text, "", ""


def _put_inner(
    answers: dict[str, Answer],
    hits: dict[str, Hit],
    infos: dict[str, FieldInfo],
    know: FormKnowledge,
    collector: Collector,
) -> None:
    """Fields answered after their label inside another field's answer (`_before_inner`)."""
    for path, answer in answers.items():
        _, other, rest = _before_inner(answer.text, path, hits, know)
        text = clean(rest, know.prompts) if other else None
        if text is None or other in collector.values or answer.doubt:
            continue
        if infos[other].spec.place == "signature" or is_name(other):
            collector.keep_unsure([other], text, answer.source, "its label was found inside another answer")
        else:
            collector.put(other, text, answer.source, answer.confidence * SHARED)


def _put_signature(
    path: str,
    text: str,
    answer: Answer,
    answers: dict[str, Answer],
    infos: dict[str, FieldInfo],
    collector: Collector,
) -> None:
    """A signature's name, and a date written on its line after it: the date goes to the
    signature's date when that has no answer of its own; a name never keeps a date."""
    name, day = split_signature(" ".join(text.split()))  # (a name wrapped over lines is one line)
    source = answer.source
    sibling = path.rsplit(".", 1)[0] + ".date"
    if day is not None and sibling in infos and sibling not in answers:
        collector.put(sibling, day, source, answer.confidence * SHARED)
    elif day is not None or name is None:
        why = "a date is written with the name" if name else "the name and date could not be told apart"
        collector.keep_unsure([path], text if name is None else day or text, source, why)
    if name is not None and hyphen_end(name):
        collector.keep_unsure([path], name, source, BROKEN_AT_END)
    elif name is not None and not written_like_a_name(name):
        collector.keep_unsure([path], name, source, NOT_A_NAME)
    elif name is not None:
        collector.put(path, name, source, answer.confidence)


def _written_after(text: str, know: FormKnowledge) -> bool:
    """Whether a piece that starts as printed text holds writing after a printed prompt
    ("To be discussed and recorded by supervisee and supervisor  Studying this year.")."""
    rest = remove_phrases(text, know.prompts)
    return rest != text and bool(fold(rest)) and not know.is_printed(rest)


def _inside_labels(
    layout: Layout, hits: list[Hit], infos: Mapping[str, FieldInfo], know: FormKnowledge
) -> Iterator[tuple[int, str, str]]:
    """Writing drawn on a line of a label found over several lines ("Signature of Rukhsana
    Kowalczyk", then "supervisee:"), where every word of one of the label's wordings is
    there: the words after the last of them on each of its lines but the last, when the
    form does not print them. The label's lines are used up whole, so these would be
    lost. (Where the label's words are not all there, it was found reworded: an older
    edition's wording, not writing.)"""
    for hit in hits:
        if len(hit.pieces) < 2 or hit.path not in infos:
            continue
        lines = [
            layout.pieces[number].text[hit.start if number == hit.piece else 0 :] for number in hit.pieces
        ]
        found = set(fold(" ".join(lines)).split())
        wordings = (set(fold(label).split()) for label in infos[hit.path].labels)
        wording = next((words for words in wordings if words <= found), None)
        if wording is None:
            continue  # found reworded
        for number, line in zip(hit.pieces[:-1], lines, strict=False):
            words = line.split()
            own = [at for at, word in enumerate(words) if wording.issuperset(fold(word).split())]
            extra = " ".join(words[own[-1] + 1 :]) if own else ""
            if any(char.isalpha() for char in extra) and not know.in_prose(fold(extra)):
                yield number, hit.path, extra


def _left_over(
    layout: Layout, used: list[Span], places: Places, know: FormKnowledge, numbers: range
) -> list[tuple[int, str]]:
    """The pieces among `numbers` whose unused part is not the form's own text, with that part."""
    taken: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for span in used:
        taken[span.piece].append((span.start, span.end))
    above: dict[int, str] = {}  # each piece's number -> the text of the piece above it in its column
    below: dict[int, str] = {}  # and of the piece under it
    last_in_column: dict[float, int] = {}
    for number, piece in enumerate(layout.pieces):
        if (last := last_in_column.get(round(piece.column))) is not None:
            above[number], below[last] = layout.pieces[last].text, piece.text
        last_in_column[round(piece.column)] = number
    found: list[tuple[int, str]] = []
    for number in numbers:
        piece = layout.pieces[number]
        left = without(piece.text, taken.get(number, []))
        joined = above.get(number, "") + " " + piece.text
        if (
            not left.strip()
            or know.is_prompt(left)
            or (places.printed(number) and not _written_after(left, know))
        ):
            continue
        if (
            know.in_prose(fold(joined))
            or (number in below and know.in_prose(fold(f"{left} {below[number]}")))
            or (not layout.structured and know.is_printed(joined) and know.echoes(piece.text))
        ):
            continue  # a printed line broken in two
        cleaned = clean(left, know.prompts)
        if cleaned and not know.is_printed(cleaned) and not LIST_MARK.fullmatch(cleaned):
            found.append((number, cleaned))
    return found
