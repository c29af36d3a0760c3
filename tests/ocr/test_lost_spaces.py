"""Values OCR read sure that are still unsure: a space lost between two small words of a
sentence ("toa") or two particles of a name ("Vander"), and an answer that ends on a word
a sentence goes on after (its end lost). Left empty, the text kept in unmapped."""

from __future__ import annotations

import pytest

from supervision_forms.text.english import leads_on, run_together
from supervision_forms.text.names import particles_run_together

from .judging import judged_answer


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("Sessions move toa video call when needed.", "lost a space"),
        ("Notes go ofthe record only with consent.", "lost a space"),
        ("Written with Marta Vander Meer present.", "lost a space"),
        ("Sessions are kept free of interruptions within", "a sentence goes on after"),
        ("We will review the plan and", "a sentence goes on after"),
    ],
)
def it_leaves_empty_an_answer_with_a_space_lost_or_its_end_lost(text: str, why: str) -> None:
    result = judged_answer(text)
    assert result.data.other_issues is None
    assert any(why in w.message for w in result.warnings)
    assert [item.text for item in result.unmapped] == [text]


@pytest.mark.parametrize(
    "text",
    [
        "Sessions move to a video call when needed.",
        "Written with Marta Van der Meer present.",
        "Notes typed into the template on Teams",  # no full stop, but not cut
        "Either of us may carry on",
        "Someone to talk to",
    ],
)
def it_reads_an_answer_with_its_spaces_and_a_whole_end(text: str) -> None:
    assert judged_answer(text).data.other_issues == text


GLUED_WORDS = [("toa", True), ("ofthe", True), ("isan", True)]
ENGLISH_WORDS = [("into", False), ("mean", False), ("theme", False), ("data", False), ("toast", False)]


@pytest.mark.parametrize(("word", "glued"), [*GLUED_WORDS, *ENGLISH_WORDS])
def it_tells_two_small_words_run_together_from_english_words(word: str, glued: bool) -> None:
    assert run_together(word) is glued


GLUED_NAMES = [("Vander", True), ("vonder", True), ("VANDEN", True)]
NAMES = [("Van", False), ("Devon", False), ("Dale", False), ("Vandal", False), ("Vanderbilt", False)]


@pytest.mark.parametrize(("word", "glued"), [*GLUED_NAMES, *NAMES])
def it_tells_two_particles_of_a_name_run_together(word: str, glued: bool) -> None:
    assert particles_run_together(word) is glued


def it_tells_the_words_a_sentence_goes_on_after() -> None:
    assert all(leads_on(w) for w in ("the", "And", "within", "of"))
    assert not any(leads_on(w) for w in ("on", "to", "up", "week.", "Teams"))
