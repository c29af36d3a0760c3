"""An answer's next line that starts with a label's words but goes on as a sentence
("Supervisee name and supervisor name as above; …"): the reader took its first words
for a name's label, found no name after them, and ended the answer above there. That
answer may go on into the line: it is left empty, and its text kept in unmapped. With a
value after the label that is no sentence going on (in lower case, several words), the
answer above is read."""

from __future__ import annotations

from typing import Any

import pytest

from supervision_forms.reading.ocr_fields import judged
from supervision_forms.reading.page import Page, Word
from supervision_forms.reading.result import ParseResult, ReadWarning, Unmapped
from supervision_forms.registry import installed_packs

LINES = [
    "Others who may see the record:",
    "The Principal Social Worker, for practice audits.",
    "Supervisee name and supervisor name as above; no change expected this year.",
]
ANSWER = LINES[1]


def _judged(rejected: str) -> ParseResult:
    words = []
    for line, top in zip(LINES, (300.0, 316.0, 346.0), strict=True):  # the last a paragraph apart
        x = 72.0
        for word in line.split():
            words.append(Word(word, x, top, x + 6 * len(word), top + 12, 12.0, 0.96))
            x += 6 * len(word) + 4
    pack = next(p for p in installed_packs() if p.name == "sefton")
    data: Any = pack.model("agreement").model_validate({"recording": {"others_who_may_see": ANSWER}})
    read = ParseResult(
        "sefton",
        "agreement",
        data,
        sources={"recording.others_who_may_see": "page 1, line 2"},
        warnings=[
            ReadWarning("signatures.supervisee.name", "not written like a person's name", "page 1, line 3")
        ],
        unmapped=[Unmapped(rejected, "page 1, line 3")],
    )
    return judged(read, [Page(0, 595.0, 842.0, tuple(words))], {0}, pack.knowledge("agreement"))


def it_leaves_empty_an_answer_before_a_label_whose_words_go_on_as_a_sentence() -> None:
    result = _judged("name and supervisor name as above; no change expected this year.")
    assert result.data.recording.others_who_may_see is None
    assert any("a sentence going on" in w.message for w in result.warnings)
    assert any(item.text == ANSWER for item in result.unmapped)


@pytest.mark.parametrize(
    "rejected",
    [
        "Name and supervisor name as above; no change expected this year.",  # no sentence going on
        "tbeThandiwe St John",  # a name with a mark glued to it, a few words: no sentence either
    ],
)
def it_reads_an_answer_before_a_label_whose_value_was_no_sentence_going_on(rejected: str) -> None:
    assert _judged(rejected).data.recording.others_who_may_see == ANSWER
