"""Fields read from pages that OCR read: how sure OCR was of each, and the unsure ones
left empty.

A field read from an OCR'd page is followed back to the words it was read from: from the
line its answer starts on (its source, "page 2, line 14"), the words that spell its value
in order (a date's day, month and year; a duration's number and unit; a choice's printed
label and the boxes beside it). Its OCR confidence is the least of those words'. Every
such field is warned about ("read by OCR") with that confidence, and the envelope's
confidence for it is the reader's times OCR's. A field with a word OCR was unsure of, or
beside a tick box that could not be told ticked or not, is never a value: it is left
empty, its text kept in `unmapped`, with a warning that says why. A wrong value is worse
than a missing one. Then nothing on the OCR'd pages is lost (`ocr_kept`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from rapidfuzz import fuzz

from ..models.paths import generic, leaf_map
from ..ocr.lexicon import english_words, unknown, words_of
from ..ocr.tesseract import UNSURE
from ..text.english import leads_on, run_together
from ..text.names import particles_run_together
from .knowledge import FieldInfo, FormKnowledge
from .ocr_breaks import cut_at_break
from .ocr_kept import furniture, kept, shown, take_out, value_at
from .ocr_order import crossed_rows, out_of_order
from .ocr_words import BOXES, MONTHS, WEEKDAYS, WordStream, date_like, sureness
from .page import Page, Word
from .result import ParseResult, ReadWarning, Unmapped
from .scan import UNDECIDED
from .text import fold

SURE = 0.9  # OCR confidence: a field with a word under it is left empty (words at 0.8-0.9
# were right only about 85 % of the time on our scans; at 0.9 or more, over 99 %)
ORDINARY = set("-–—&/+%=:;,.!?…'\"‘’“”()[]•")  # marks that stand alone in ordinary text
NOT_FIRST = set(".,;:!?)]}…")  # marks no text starts with
BRACKETS = set("()[]{}")  # brackets alone ("[ ]", "( )"): a tick box OCR read as text
STRAY = 0.5  # confidence of text with a stray mark in it (a speck or a box read as "@")
GLUED = re.compile(r"(?<![^\W\d_])[a-z]+[A-Z]")  # "xxSupervisee", "theStraight": two words as one
DOTTED = re.compile(r"(?<![^\W\d_])[a-z]{2,}\.[a-z]")  # "no.change", "for.a": a speck read between two words
PRINTED_WORDS = 3  # words at least of a value that is the form's printed text, not an answer
LABEL_WORDS = 12  # ... and at most (a label's length)
PRINTED_SCORE = 90  # fuzzy score of such a value against the printed text (OCR misreads a letter)
LABEL_ENDS = (":", "?")  # marks a printed label ends with
LABEL_END_WORDS = 2  # words at least of a label's end read as an answer's first line (one its own)
MID_SENTENCE_WORDS = 6  # words at least of an answer taken as cut when it starts in lower case
# (a shorter one may be a phrase a writer starts so: "every 3 weeks")
TRAILING_COMMA = ","  # an answer's last word read ending in one: cut, or a full stop misread
COMMA_CAPITAL = re.compile(r"\w, ([A-Z][a-z]+) [a-z]")  # "week, Signing off": a full stop read as a comma
LONE = set(".,;:")  # marks that stand against the word before them, never alone
LONE_LETTERS = set("ax")  # lower-case letters that stand alone in ordinary text ("2 x 1 hour")
SENTENCE_END = set(".!?")  # marks that end an answer's last sentence
WIDE_FIGURE = 0.7  # of the font size: a figure OCR read is narrower (0.63 at most on our scans);
# a number's word wider than this a figure holds ink OCR did not read ("1½" read as "4")
HYPHEN_LOWER = re.compile(r"\b[A-Z][^\W\d_]*-[a-z]")  # "Pryce-jones": a capital after the hyphen misread
NAMES = {"name", "employee_id"}  # fields of names and identifiers: no word list holds them


def judged(
    result: ParseResult, pages: Sequence[Page], ocr: set[int], know: FormKnowledge | None = None
) -> ParseResult:
    """`result` with its OCR'd fields warned about, their confidence from OCR's, and the
    ones OCR was unsure of left empty (`ocr`: the 0-based numbers of the OCR'd pages).
    With the form's `know`ledge, text on the OCR'd pages that the reading left in no field
    and not in `unmapped`, and that the form does not print, is added to `unmapped`."""
    if not ocr:
        return result
    stream = WordStream(pages)
    data = result.data.model_dump(mode="python")
    leaves = leaf_map(type(result.data))
    cleared: dict[str, str] = {}
    edges = furniture(pages, ocr, know, stream) if know is not None else set()
    doubted: list[Unmapped] = []
    tried = {w.field: w.source for w in result.warnings if w.field and w.source}
    lower = {  # a name's or a date's label found, and a sentence going on after it
        path
        for path, source in tried.items()
        if path not in result.sources
        and (path.rpartition(".")[2] in NAMES or getattr(leaves.get(generic(path)), "kind", "") == "date")
        and any(u.source == source and _goes_on(u.text) for u in result.unmapped)
    }
    disordered, ran_on = out_of_order(result.sources, stream, know, tried, lower) if know else (set(), set())
    crossed = crossed_rows(result.sources, tried)
    for path, party in crossed.items():  # a value on another party's row is that party's, if it has none
        if (mine := f"{party}.{path.rpartition('.')[2]}") not in {**result.sources, **tried}:
            _given_to(result, data, path, mine)
    form = _form_words(know.corpus if know is not None else "")  # the form's own words, in lower case
    taken: set[int] = set()  # the tokens every field was read from
    rows: dict[str, list[int]] = {}  # the tokens of each list of dates, by the list's path

    def clear(path: str, why: str, text: str) -> None:  # a field left empty, its text kept
        cleared[path] = source = result.sources[path]
        result.warnings[:] = [
            w for w in result.warnings if not (w.field == path and w.message.startswith("read by OCR ("))
        ]
        result.warnings.append(
            ReadWarning(path, f"read by OCR: {why}; left empty, the text is kept in unmapped", source)
        )
        doubted.append(Unmapped(text, source))
        result.unmapped.append(doubted[-1])

    for path, source in list(result.sources.items()):
        value = value_at(data, path)
        leaf = leaves.get(generic(path)) or leaves.get(generic(path) + "[]")
        if value is None or leaf is None:
            continue
        found = stream.located(value, leaf, source, ocr)
        if found is None:
            continue  # read from a page with a text layer
        info = next((i for i in know.fields if i.path == generic(path)), None) if know is not None else None
        taken.update(stream.with_fillers(found) if leaf.kind in ("date", "int") else found)
        if leaf.kind == "date" and path.rpartition(".")[2].isdigit():
            rows.setdefault(path.rpartition(".")[0], []).extend(found)
        words = stream.words_at(found, leaf)
        if not words:
            sure, text = 0.0, shown(value)
            why = "its words could not be found again"
        else:
            sure = min(sureness(w, form) for w in words)
            text = " ".join(word.text for word in words if word.text not in BOXES) or shown(value)
            why = f"OCR was unsure of a word ({sure:.2f})"
            if any(w.text == UNDECIDED for w in words):
                why = "a tick box could not be told ticked or not"
        named = path.rpartition(".")[2] in NAMES
        if words and named:
            sure, why = _as_elsewhere(words, stream, sure, why)
        plain = value if isinstance(value, str) else ""
        prose = plain if leaf.kind == "text" else ""
        answer = "" if named else prose  # text no word list holds aside
        cut = (
            cut_at_break(stream, found, path, edges, know)
            if know and found and (path.rpartition(".")[2].isdigit() or bool(answer))
            else None
        )
        doubts = {  # why a value is not sure, if so: the last that holds is told
            "a number's ink is wider than the figures OCR read (a fraction, say)": any(
                w.text.isdigit() and w.x1 - w.x0 > WIDE_FIGURE * w.size * len(w.text) for w in words
            ),
            "a name's part after a hyphen was read in lower case (a capital misread)": named
            and bool(HYPHEN_LOWER.search(plain)),
            "it ends in a comma OCR read: it may go on, or its full stop was misread": leaf.kind == "text"
            and bool(found)
            and _ends_in_comma(stream, found),
            "a mark beside the text was not read as a letter": _stray(plain)
            or any(len(w) == 1 and w.islower() and w not in LONE_LETTERS for w in answer.split()),
            "a comma OCR read before a capital may be a full stop misread": _comma_for_stop(answer),
            "OCR ran two words together (one may be struck through)": bool(
                GLUED.search(plain) or DOTTED.search(plain)
            ),
            "OCR may have lost a space between two words": _lost_space(plain, form),
            "it ends on a word a sentence goes on after: the rest may be lost": len(answer.split()) > 1
            and leads_on(answer.split()[-1]),
            "a word OCR read is in no English word list nor on the form": bool(unknown(answer, form)),
            "it starts mid-sentence, in lower case: its first lines may be lost": _starts_mid_sentence(
                answer, info
            ),
            "it reads as the form's own printed text": _printed(prose, know),
            "its first line reads as the end of a printed label": _label_first(prose, know),
            "words before it may have run into a leader's dots, unread": bool(found)
            and _first_word_lost(answer, found, stream, info),
            "its end may have run into the leader's dots after it, unread": bool(prose and found)
            and _end_lost(prose, found, stream, info),
            "it was read out of the form's order (its label may be an answer's words)": path in disordered,
            "it was read from the line of another party's row, not its own": path in crossed,
            "it may run on into words taken for a label (out of order, or a sentence going on)": path
            in ran_on,
            cut or "": cut is not None,
            "it runs into the page's margin, where headers and footers are": leaf.kind == "text"
            and any(stream.in_margin(index) or stream.tokens[index].line in edges for index in found),
        }
        if any(doubts.values()):
            sure, why = min(sure, STRAY), [reason for reason, doubt in doubts.items() if doubt][-1]
        if sure < SURE:
            clear(path, why, text)
            continue
        result.field_confidence[path] = round(result.field_confidence.get(path, 1.0) * sure, 2)
        result.warnings.append(
            ReadWarning(path, f"read by OCR (confidence {sure:.2f}); check this value", source)
        )
    for listed in _partial_lists(rows, taken, stream, edges, know):
        for path in [p for p in result.sources if p.rpartition(".")[0] == listed and p not in cleared]:
            clear(
                path,
                "a row beside its rows reads as a date, but was not read into it",
                shown(value_at(data, path)),
            )
    # the items read of a list one item of which was cleared: never a list missing one
    lists = {path.rpartition(".")[0] for path in cleared if path.rpartition(".")[2].isdigit()}
    for path in [p for p in result.sources if p not in cleared and p.rpartition(".")[0] in lists]:
        clear(path, "OCR was unsure of another item of the list", shown(value_at(data, path)))
    if cleared:
        take_out(result, cleared)
    if know is not None:
        kept(result, ocr, know, stream, edges, doubted)
    return result


def _given_to(result: ParseResult, data: dict[str, Any], path: str, to: str) -> None:
    """A field's value (in `result` and its dumped `data`), source, confidence and warnings
    given to another field, `to`, of the same kind."""
    *above, leaf = path.split(".")
    *over, mine = to.split(".")
    node, other = (
        functools.reduce(dict.__getitem__, above, data),
        functools.reduce(dict.__getitem__, over, data),
    )
    other[mine], node[leaf] = node[leaf], None
    result.data = type(result.data).model_validate(data)
    result.sources[to] = result.sources.pop(path)
    if path in result.field_confidence:
        result.field_confidence[to] = result.field_confidence.pop(path)
    result.warnings[:] = [replace(w, field=to) if w.field == path else w for w in result.warnings]


def _partial_lists(
    rows: dict[str, list[int]],
    taken: set[int],
    stream: WordStream,
    edges: set[int],
    know: FormKnowledge | None,
) -> list[str]:
    """The lists of dates read from a table (`rows`: their tokens) only in part: a line
    between their rows, or just above their first or below their last (past a page break
    too), holds a word that reads as a date, in one of their columns, that no field was
    read from (a row the reader could not read, a speck in it, say), and that the form
    does not print. A list with a row missing is a wrong list."""
    partial = []
    for listed, found in rows.items():
        lines = sorted({stream.tokens[i].line for i in found})
        words = [stream.tokens[i].word for i in found]
        left, right = min(w.x0 for w in words), max(w.x1 for w in words)
        between = [line for line in range(lines[0], lines[-1]) if line not in lines and line not in edges]
        around = [stream.body_neighbour(lines[0], -1, edges), stream.body_neighbour(lines[-1], 1, edges)]
        for line in [*(near for near in around if near is not None), *between]:
            free = [t.word for i, t in enumerate(stream.tokens) if t.line == line and i not in taken]
            printed = know is not None and know.is_printed(" ".join(w.text for w in stream.lines[line]))
            if not printed and any(w.x0 < right and left < w.x1 and date_like(w.text) for w in free):
                partial.append(listed)
                break
    return partial


def _printed(value: str, know: FormKnowledge | None) -> bool:
    """Whether a value of a few words is (a letter or two misread) a piece of the form's
    own printed text: the end of a label OCR read apart from it ("referred learning style)")."""
    norm = fold(value)
    if know is None or not PRINTED_WORDS <= len(norm.split()) <= LABEL_WORDS:
        return False
    return know.is_printed(value) or fuzz.partial_ratio(norm, know.corpus, score_cutoff=PRINTED_SCORE) > 0


def _label_first(value: str, know: FormKnowledge | None) -> bool:
    """Whether a text answer of several lines starts with a line that is the end of one of
    the form's printed labels ("the record:"): OCR read a label's last line apart from it."""
    first, _, rest = value.strip().partition("\n")
    norm = fold(first)
    return (
        know is not None
        and bool(rest.strip())
        and first.rstrip()[-1:] in LABEL_ENDS
        and LABEL_END_WORDS <= len(norm.split()) <= LABEL_WORDS
        and any(f" {fold(label)}".endswith(f" {norm}") for info in know.fields for label in info.labels)
    )


def _starts_mid_sentence(value: str, info: FieldInfo | None) -> bool:
    """Whether an answer of a few sentences, to a label it does not complete (a question or
    a heading, not a printed sentence it is typed into), starts with a word in lower case:
    OCR lost its first lines (struck-through or underlined text it read nothing of), and
    what is left is its end."""
    words = value.split()
    return (
        info is not None
        and info.starts_piece
        and len(words) >= MID_SENTENCE_WORDS
        and words[0][:1].isalpha()
        and words[0][:1].islower()
    )


def _goes_on(text: str) -> bool:
    """Whether text is a sentence's words going on: several, the first a word in lower case."""
    words = text.split()
    return len(words) >= MID_SENTENCE_WORDS and words[0].isalpha() and words[0].islower()


def _first_word_lost(value: str, found: list[int], stream: WordStream, info: FieldInfo | None) -> bool:
    """Whether an answer (not a name) that starts in lower case may have lost its first
    words: OCR did not read what stood just before it, after a leader's dots or in the
    room left on the line above (`WordStream.unread_before`). Typed against the dots
    ("……Time kept free"), an answer's first word is read with the dots or lost with them."""
    first = value.lstrip()[:1]
    return (
        first.isalpha()
        and first.islower()
        and stream.unread_before(min(found), dots=info is not None and info.spec.place == "dots")
    )


def _end_lost(value: str, found: list[int], stream: WordStream, info: FieldInfo | None) -> bool:
    """Whether an answer typed into a leader (`dots`: read after dots on its first line, so
    dots are printed after it too), with no mark ending it, may have lost its end: no dots
    were read after its last word ("today……" read as nothing, or "loud.……" as "loud").
    Dots after an answer end it, whether or not OCR read them glued to its last word. An
    answer on lines of its own, under the dots, is not typed into them."""
    return (
        info is not None
        and info.spec.place == "dots"
        and value.rstrip()[-1:] not in SENTENCE_END
        and stream.dots_before(min(found))
        and not stream.dots_after(max(found))
    )


def _as_elsewhere(words: list[Word], stream: WordStream, sure: float, why: str) -> tuple[float, str]:
    """A name's confidence and why, from the other places OCR read its words: where a check
    doubted one of them (`UNSURE` exactly: an accent unread, say), here too; else, unsure
    of it here, as sure as OCR was of the same words read elsewhere on one line, every
    one sure (the same name in the form's header and its signature block)."""
    texts = [word.text for word in words]
    mine = {id(word) for word in words}
    others = [w for line in stream.lines.values() for w in line if w.text in texts and id(w) not in mine]
    if sure >= SURE and any(w.confidence == UNSURE for w in others):
        return UNSURE, "OCR doubted a word of it where it read it elsewhere (an accent, say)"
    if sure >= SURE or any(w.confidence == UNSURE for w in [*words, *others]):
        return sure, why
    for line in stream.lines.values():
        for start in range(len(line) - len(words) + 1):
            run = line[start : start + len(words)]
            if [w.text for w in run] == texts and min(w.confidence for w in run) >= SURE:
                return min(w.confidence for w in run), why
    return sure, why


def _ends_in_comma(stream: WordStream, found: list[int]) -> bool:
    """Whether an answer's last word ends in a comma and ends its line too (not a comma
    between two values that share a line: "Monthly, more often, 1 hour")."""
    last = stream.tokens[max(found)]
    return last.word.text.endswith(TRAILING_COMMA) and stream.lines[last.line][-1] is last.word


def _lost_space(value: str, form: frozenset[str]) -> bool:
    """Whether a value holds a word that reads as two with the space between them lost:
    two small words of a sentence ("toa", "ofthe") not on the form, or two particles of a
    name ("Vander")."""
    return any(
        (word.islower() and word not in form and run_together(word)) or particles_run_together(word)
        for word in words_of(value)
    )


@functools.cache
def _form_words(corpus: str) -> frozenset[str]:
    return frozenset(word.lower() for word in words_of(corpus))


def _stray(text: str) -> bool:
    """Whether text holds a mark OCR made of dirt or a box (no letters, not punctuation
    ordinary text has on its own), or starts with one no text starts with."""
    pieces = text.split()
    if not pieces:
        return False
    if pieces[0][0] in NOT_FIRST:
        return True
    return any(
        not any(c.isalnum() for c in piece)
        and (not set(piece) <= ORDINARY or set(piece) <= BRACKETS or piece in LONE)
        for piece in pieces
    )


def _comma_for_stop(value: str) -> bool:
    """Whether a text answer (not a name) has a comma before an English word with a
    capital (not a month's or a weekday's name) that a word in lower case follows: OCR
    read a sentence's full stop as a comma ("within a week, Signing off"; a name after a
    comma is followed by a comma or a surname: "guardian, Siobhan, agreed")."""
    words = (match.group(1).lower() for match in COMMA_CAPITAL.finditer(value))
    return any(w in english_words() and w.removesuffix("s") not in {*MONTHS, *WEEKDAYS} for w in words)
