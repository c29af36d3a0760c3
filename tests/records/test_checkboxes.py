"""Choices printed as tick boxes, and read back however the boxes were ticked."""

from __future__ import annotations

import pytest

from supervision_forms.docx.checkboxes import checkbox_text
from supervision_forms.reading.ticks import read_ticks, ticked

LABELS = {"child_in_need": "Child in need", "child_protection": "Child protection", "other": "Other"}


def it_prints_one_box_a_line_ticking_the_chosen() -> None:
    assert checkbox_text("child_protection", LABELS) == "☐ Child in need\n☒ Child protection\n☐ Other"


def it_ticks_every_chosen_option_of_a_list() -> None:
    assert checkbox_text(["other", "child_in_need"], LABELS) == "☒ Child in need\n☐ Child protection\n☒ Other"


def it_prints_empty_boxes_for_no_choice() -> None:
    assert checkbox_text(None, LABELS).count("☐") == 3


def it_prints_a_value_that_is_not_an_option_as_it_is() -> None:
    assert checkbox_text("\ue000marker\ue001", LABELS) == "\ue000marker\ue001"


@pytest.mark.parametrize(
    "text",
    [
        "☐ Child in need\n☒ Child protection\n☐ Other",  # as printed
        "Child in need☐\n Child protection☒\n Other☐",  # a PDF draws the fallback-font glyph last
        "☐ Child in need ☑ Child protection ☐ Other",  # on one line, Word's other tick
        "[ ] Child in need\n[x] Child protection\n[ ] Other",  # typed by hand
        "☐ CHILD IN NEED\n✓ child  protection\n☐ Other",  # case and spacing changed
    ],
)
def it_reads_the_ticked_option(text: str) -> None:
    assert read_ticks(text, LABELS) == ["child_protection"]


def it_reads_several_ticks_in_option_order() -> None:
    assert read_ticks("☒ Other ☐ Child protection ☒ Child in need", LABELS) == ["child_in_need", "other"]


def it_reads_no_tick_as_no_choice() -> None:
    assert read_ticks("☐ Child in need\n☐ Child protection\n☐ Other", LABELS) == []


def it_says_none_when_no_option_is_there() -> None:
    assert read_ticks("Looked after since May", LABELS) is None


def it_counts_every_named_option_when_a_list_was_typed_without_boxes() -> None:
    assert read_ticks("Other; child in need", LABELS, boxed=False) == ["child_in_need", "other"]


def it_does_not_take_a_word_inside_another_for_an_option() -> None:
    assert read_ticks("☒ Otherwise fine", LABELS) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("☐ Every 2 weeks   ☐ Other     Duration: 60 mins", "Duration: 60 mins"),
        ("☒ Every 2 weeks   ☐ Other\tDuration: 1 hour", "Every 2 weeks\nDuration: 1 hour"),
        ("☐ Weekly ☒ Other: every 3 weeks", "Other: every 3 weeks"),  # the option's own words
        ("☐ Weekly ☒ Other please say: monthly", "Other please say: monthly"),
        ("☐ Weekly ☐ Other", None),
    ],
)
def it_keeps_what_is_written_after_the_options_under_a_label_of_its_own(
    text: str, expected: str | None
) -> None:
    assert ticked(text) == expected
