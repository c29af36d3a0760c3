"""Marks OCR misread in an answer, left empty and kept in unmapped: a sentence's full stop
read as a comma before the next sentence's capital ("within a week, Signing off"), a
speck read as a mark standing alone (" . ") or between two words ("for.a"), and a bullet
or a speck read as a lone letter ("e", "c"). Commas before names, months and weekdays,
and the letters ordinary text has alone ("a", "x"), are read."""

from __future__ import annotations

import pytest

from .judging import judged_answer


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("Feedback on recording within a week, Signing off assessments on time.", "full stop misread"),
        ("Supervisee has a . long-term health condition.", "not read as a letter"),
        ("Either of us may ask for.a break when needed.", "ran two words together"),
        ("Time kept free for reflection c", "not read as a letter"),
        ("e", "not read as a letter"),
    ],
)
def it_leaves_empty_an_answer_with_a_mark_ocr_misread(text: str, why: str, tesseract: None) -> None:
    result = judged_answer(text)
    assert result.data.other_issues is None
    assert any(why in w.message for w in result.warnings)
    assert [item.text for item in result.unmapped] == [text.replace(" . ", " ")]  # (a speck: no word)


@pytest.mark.parametrize(
    "text",
    [
        "The supervisee's guardian, Siobhan, agreed the plan with her manager, Thandiwe St John.",
        "Every other week, Tuesdays or Thursdays, in March, April and May.",
        "Meet 2 x 1 hour, with a break. Both of us, I think, agree.",
    ],
)
def it_reads_commas_before_names_and_dates_and_letters_that_stand_alone(text: str, tesseract: None) -> None:
    assert judged_answer(text).data.other_issues == text
