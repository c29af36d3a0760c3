"""An answer typed against a form's dot leader ("……Time kept free") whose first word OCR
read as part of the dots, or lost with them: what is left starts in lower case after
room where that word stood (a gap after the dots, or room on the line above that the
text would have filled). Left empty, the text kept in unmapped; an answer read whole is
kept."""

from __future__ import annotations

from typing import Any

import pytest

from supervision_forms.reading.ocr_fields import judged
from supervision_forms.reading.page import Page, Word
from supervision_forms.reading.result import ParseResult
from supervision_forms.registry import installed_packs

SIZE = 12.0
LEFT, RIGHT = 72.0, 523.0  # the page's text runs from LEFT to RIGHT


def _line(text: str, top: float, x: float = LEFT) -> list[Word]:
    """Words of one line from x; a word "GAP:n" leaves n points empty."""
    words = []
    for piece in text.split():
        if piece.startswith("GAP:"):
            x += float(piece[4:])
            continue
        words.append(Word(piece, x, top, x + 6 * len(piece), top + SIZE, SIZE, 0.97))
        x += 6 * len(piece) + 4
    return words


def _judged(lines: list[str], path: str, value: str, source_line: int = 1) -> ParseResult:
    words = [w for i, text in enumerate(lines) for w in _line(text, 300.0 + 15 * i)]
    words.append(Word("☐", RIGHT - 8, 100.0, RIGHT, 112.0, SIZE, 1.0))  # the text's right edge
    pack = next(p for p in installed_packs() if p.name == "sefton")
    model = pack.model("agreement")
    top, _, leaf = path.partition(".")
    data: Any = model.model_validate({top: {leaf: value}} if leaf else {top: value})
    read = ParseResult("sefton", "agreement", data, sources={path: f"page 1, line {source_line}"})
    return judged(read, [Page(0, 595.0, 842.0, tuple(words))], {0}, pack.knowledge("agreement"))


def _value(result: ParseResult, path: str) -> Any:
    node: Any = result.data
    for part in path.split("."):
        node = getattr(node, part)
    return node


LOST = "words before it may have run into a leader's dots"


@pytest.mark.parametrize(
    ("lines", "path", "value"),
    [
        (  # the label's line ends short of the right edge: "……Early" lost, dots and all
            ["c) What I want from you as the supervisee", "warning when things slip."],
            "expectations.want_from_supervisee",
            "warning when things slip.",
        ),
        (  # a gap after the dots where "Ideas" stood ("I" read as a dot)
            ["b) What I will contribute as a supervisee ..... GAP:60 deas for team learning."],
            "expectations.contribute_as_supervisee",
            "deas for team learning.",
        ),
        (  # the dots end a line with room left for the lost word
            ["Method of recording the session will be by ..........", "team's template on Teams.........."],
            "recording.method",
            "team's template on Teams",
        ),
    ],
)
def it_leaves_empty_an_answer_whose_first_word_ran_into_the_dots(
    lines: list[str], path: str, value: str
) -> None:
    result = _judged(lines, path, value)
    assert _value(result, path) is None
    assert any(LOST in w.message for w in result.warnings)
    assert any(value in item.text for item in result.unmapped)


@pytest.mark.parametrize(
    ("lines", "path", "value"),
    [
        (  # typed a space after the dots: an answer in lower case is read whole
            ["there will only be interruptions if .......... the court calls .........."],
            "interruptions",
            "the court calls",
        ),
        (  # glued to the dots, and read with them
            ["there will only be interruptions if ..........the court calls.........."],
            "interruptions",
            "the court calls",
        ),
        (  # in capitals: a gap is no sign of a word lost
            ["b) What I will contribute as a supervisee ..... GAP:60 Ideas for team learning."],
            "expectations.contribute_as_supervisee",
            "Ideas for team learning.",
        ),
        (  # the dots fill the line: the answer wrapped under them
            [
                "Method of recording the session will be by ......................................."
                "....................",
                "the team's template on Teams..........",
            ],
            "recording.method",
            "the team's template on Teams",
        ),
    ],
)
def it_reads_an_answer_typed_whole_after_the_dots(lines: list[str], path: str, value: str) -> None:
    assert _value(_judged(lines, path, value), path) == value


END_LOST = "its end may have run into the leader's dots"


@pytest.mark.parametrize(
    ("lines", "value"),
    [
        (["there will only be interruptions if ..........the court calls about a hearing listed"], None),
        (
            ["there will only be interruptions if .....the court calls about a hearing listed....."],
            "",
        ),
        (
            ["there will only be interruptions if .....the court calls about a hearing listed ....."],
            "",
        ),
        (["there will only be interruptions if ..........the court calls about a hearing listed."], ""),
    ],
)
def it_leaves_empty_an_answer_against_dots_with_no_dots_read_after_it(
    lines: list[str], value: str | None
) -> None:
    answer = "the court calls about a hearing listed" + ("." if lines[0].endswith("listed.") else "")
    result = _judged(lines, "interruptions", answer)
    if value is None:  # no dots after it, and no full stop: its end ("today……") may be lost
        assert _value(result, "interruptions") is None
        assert any(END_LOST in w.message for w in result.warnings)
    else:  # dots after it (glued or not), or a full stop ends it
        assert _value(result, "interruptions") == answer


def it_reads_an_answer_on_lines_of_its_own_under_the_dots() -> None:
    lines = [
        "there will only be interruptions if",
        "...............",
        "",
        "the court calls about a hearing listed",
    ]
    answer = "the court calls about a hearing listed"
    assert _value(_judged(lines, "interruptions", answer, source_line=4), "interruptions") == answer
