"""Tick boxes read back from text: "☒ Child protection ☐ Other", boxes ticked by hand in
Word or a PDF (☒ ☑ ✓ ✔ ✗ ✘ ■ or a lone "x"), boxes typed as "[ ]" and "[x]".

Boxes come before their labels, except in some PDFs' text, which draw the box glyph (from
a fallback font) after the label: the side the boxes are on is found from the text.
Symbol-font boxes (Wingdings) are mapped to these glyphs where text is read (`text.SYMBOLS`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from .leaders import EDGES, LEADERS
from .text import WORD

BOXES = re.compile(r"[☐☒☑□■]|\[\s*[xX✓✔]?\s*\]")  # glyphs, or boxes typed as "[ ]" and "[x]"
TICK = re.compile(r"[☒☑✓✔✗✘■]|(?<![^\W_])[xX](?![^\W_])")
# Words alone, one of 4+ letters back after one or two others: options printed side by
# side ("handwritten notes typed notes", "Every 2 weeks Every 4 weeks").
OPTIONS = re.compile(r"(?=.*\b([^\W\d_]{4,})(?: [^\W_]+){1,2} \1\b)[^\W_]+(?: [^\W_]+)*", re.I)
MAX_OPTION_WORDS = 12
# After the last option's first word: a label of its own with text after it ("☐ Other
# Duration: 60 mins"), which the options do not hold.
LABELLED_AFTER = re.compile(r"(?<=[^\W_])\s+([A-Z][^\W\d_]*(?: [^\W\d_]+){0,3}\s*:\s*[^\W_].*)$", re.S)


def read_ticks(text: str, labels: Mapping[str, str], *, boxed: bool = True) -> list[str] | None:
    """The options ticked in `text`, in option order; None when no option's label is there.

    With `boxed` false (a list typed out without boxes), every option named counts."""
    spans = _label_spans(text, labels)
    if not spans:
        return None
    spans.sort()
    starts = [start for start, _, _ in spans]
    ends = [end for _, end, _ in spans]
    before = [text[a:b] for a, b in zip([0, *ends], starts, strict=False)]
    after = [text[a:b] for a, b in zip(ends, [*starts[1:], len(text)], strict=True)]
    marks_after = not BOXES.search(before[0]) and bool(BOXES.search(after[-1]))
    beside = after if marks_after else before
    ticked = [
        option for (_, _, option), near in zip(spans, beside, strict=True) if not boxed or TICK.search(near)
    ]
    order = list(labels)
    return sorted(ticked, key=order.index)


def has_boxes(text: str) -> bool:
    return bool(BOXES.search(text))


def _label_spans(text: str, labels: Mapping[str, str]) -> list[tuple[int, int, str]]:
    """Where each label is, searched for in option order and never overlapping."""
    spans: list[tuple[int, int, str]] = []
    cursor = 0
    for option, label in labels.items():
        words = WORD.findall(label)
        if not words:
            continue
        pattern = re.compile(r"(?<![^\W_])" + r"[\W_]+".join(map(re.escape, words)) + r"(?![^\W_])", re.I)
        match = pattern.search(text, cursor) or pattern.search(text)
        if match and not any(s < match.end() and match.start() < e for s, e, _ in spans):
            spans.append((match.start(), match.end(), option))
            cursor = match.end()
    return spans


def ticked(text: str) -> str | None:
    """The options ticked in a line of tick boxes, by their printed words, and on a line of
    its own what is written after the options under a label of its own ("Duration: 1 hour")."""
    marks = list(BOXES.finditer(text))
    before_first = text[: marks[0].start()].strip()
    after_last = text[marks[-1].end() :].strip()
    labels_first = bool(before_first) and not after_last  # some PDFs draw the box after its label
    after = None if labels_first else LABELLED_AFTER.search(text, marks[-1].end())
    if after is not None:
        text = text[: after.start()]
    chosen = []
    for number, mark in enumerate(marks):
        if labels_first:
            start = marks[number - 1].end() if number else 0
            words = text[start : mark.start()]
        else:
            end = marks[number + 1].start() if number + 1 < len(marks) else len(text)
            words = text[mark.end() : end]
        words = EDGES.sub("", " ".join(LEADERS.sub(" ", words).split())).strip()
        if TICK.fullmatch(mark.group()) and words:
            chosen.append(words)
    lines = ["; ".join(chosen), after.group(1).strip() if after else ""]
    return "\n".join(line for line in lines if line) or None


def untick_options(text: str) -> bool:
    """Whether an answer reads as a row of printed options whose tick boxes were lost (a
    PDF producer dropped the glyphs): a few words, no punctuation, a word coming back."""
    words = " ".join(text.split())
    return len(words.split()) <= MAX_OPTION_WORDS and bool(OPTIONS.fullmatch(words))
