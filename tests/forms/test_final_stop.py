"""Whether an answer's own ending shows how its writer ends answers (`leaders.final_stop`)."""

from __future__ import annotations

import pytest

from supervision_forms.reading.leaders import final_stop


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Keeping chronologies current.", True),
        ("Backing in court.……………", True),  # an ellipsis leader: the dot before it was typed
        ("Is that fair?  ", True),
        ("Keeping chronologies current", False),
        ("Straight answers……………", False),
        ("Straight answers ____", False),
        ("Honest feedback..........", None),  # plain dots: a typed full stop would be one of them
        ("Honest feedback. . . . .", None),
        ("(see the notes)", None),
        ("……………", None),
    ],
)
def it_says_a_full_stop_only_where_the_text_shows_it(text: str, shown: bool | None) -> None:
    assert final_stop(text) is shown
