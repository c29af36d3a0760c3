"""Choices shown as tick boxes ("☒ Child protection"), and read back from any such text.

A choice field (or a list of choices) is printed as one box per option, each on its own
line, ticked where chosen. Reading looks for each option's label and for a tick beside it
(☒ ☑ ✓ ✔ ✗ ✘ ■ or a lone "x"), so boxes ticked by hand in Word or a PDF read back too.
Boxes come before their labels, except in some PDFs' text, which draw the box glyph (from
a fallback font) after the label: the side the boxes are on is found from the text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

CHECKED = "☒"
UNCHECKED = "☐"
BOXES = re.compile(r"[☐☒☑□■]|\[\s*[xX✓✔]?\s*\]")  # glyphs, or boxes typed as "[ ]" and "[x]"
TICK = re.compile(r"[☒☑✓✔✗✘■]|(?<![^\W_])[xX](?![^\W_])")


def checkbox_text(value: Any, labels: Mapping[str, str]) -> str:
    """One line per option, ticked where `value` (a choice or a list of them) holds it.

    A value that is not among the options is printed as it is, without boxes, so it
    is never lost (templates are checked with marker values this way)."""
    chosen = [] if value is None else list(value) if isinstance(value, list | tuple) else [value]
    strays = [str(item) for item in chosen if item not in labels]
    if strays:
        return "\n".join(strays)
    return "\n".join(
        f"{CHECKED if option in chosen else UNCHECKED} {label}" for option, label in labels.items()
    )


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
        words = re.findall(r"[^\W_]+", label)
        if not words:
            continue
        pattern = re.compile(r"(?<![^\W_])" + r"[\W_]+".join(map(re.escape, words)) + r"(?![^\W_])", re.I)
        match = pattern.search(text, cursor) or pattern.search(text)
        if match and not any(s < match.end() and match.start() < e for s, e, _ in spans):
            spans.append((match.start(), match.end(), option))
            cursor = match.end()
    return spans
