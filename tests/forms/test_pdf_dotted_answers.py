"""Long answers on a PDF form's dot leaders (Sefton's "there will only be interruptions
if ……"): an answer written under a line of leaders, and a justified line whose stretched
space after a colon is wider than a column's gap."""

from __future__ import annotations

from supervision_forms import PackRegistry, parse

from .pdfkit import SQUARE, SQUARED_TIMES, Rule, Text, pdf, spaced, width

NAMES: list[Text | Rule] = [
    Text(60, 100, "Name Supervisee: Jane Smith"),
    Text(60, 115, "Name Supervisor/Manager: Tom Jones"),
]
LEADERS = " ".join(["."] * 80)
ANSWER = [  # five lines wrapped mid-sentence, each filling its line
    "the court calls about a hearing listed today or a child is missing and a decision is",
    "needed now, and then only when the duty manager cannot take the call for us; both",
    "of us will turn our phones to silent at the start of the session and we will only look",
    "at them in a break, which we will take after an hour if the session runs on for longer",
    "than that, so that the time we have together is kept for thinking about the work.",
]

JUSTIFIED = (
    "sure the record is kept. The development plan has three parts:",
    "court report writing, working",
)


def _text(value: str | None) -> str:
    return " ".join((value or "").split())


def it_reads_a_long_answer_written_under_a_line_of_dot_leaders(packs: PackRegistry) -> None:
    page: list[Text | Rule] = [
        *NAMES,
        Text(
            60,
            140,
            "The supervision meeting will take place in privacy and there will only be interruptions if",
        ),
        Text(60, 154, LEADERS),
        *(Text(60, 168 + 14 * n, line) for n, line in enumerate(ANSWER)),
        Text(60, 250, "The frequency of supervision will be . . . . . . . . . . Monthly"),
    ]
    result = parse(pdf([page]), pack="sefton", packs=packs)
    assert _text(result.data.interruptions) == _text(" ".join(ANSWER))  # type: ignore[attr-defined]


def it_keeps_a_justified_line_whole_past_the_wide_space_after_a_colon(packs: PackRegistry) -> None:
    first, rest = (part.split() for part in JUSTIFIED)
    page: list[Text | Rule] = [
        *NAMES,
        Text(60, 140, "e) As the supervisor I am responsible for . . . . . . . . . . . . . . . Making"),
        *spaced(60, 154, [*first, *rest], [5.0] * (len(first) - 1) + [10.5] + [5.0] * (len(rest) - 1)),
        Text(60, 168, "with fathers, and leading a small piece of research with the university."),
        Text(60, 190, "f) As the supervisee I am responsible for . . . . . . . . . . Telling me early."),
    ]
    result = parse(pdf([page]), pack="sefton", packs=packs)
    assert _text(result.data.expectations.supervisor_responsible_for) == (  # type: ignore[attr-defined]
        "Making sure the record is kept. The development plan has three parts: court report writing, "
        "working with fathers, and leading a small piece of research with the university."
    )


def it_keeps_no_printed_words_after_an_answer_whose_printed_line_wraps_from_them(packs: PackRegistry) -> None:
    # the form's text after the answer starts on the answer's line ("and the") and wraps
    page: list[Text | Rule] = [
        *NAMES,
        Text(60, 140, "Method of recording the session will be by . . . . . . . . . . . . . notes"),
        Text(60, 154, "typed straight into the case system . . . . . . . . . . . . . . . . . . and the"),
        Text(60, 168, "person responsible for recording the session will be the supervisor. The"),
        Text(60, 182, "record will be shared within 5 working days and will be signed by both parties"),
    ]
    result = parse(pdf([page]), pack="sefton", packs=packs)
    assert _text(result.data.recording.method) == "notes typed straight into the case system"  # type: ignore[attr-defined]
    assert not any("and the" in u.text for u in result.unmapped)


def _justified(x: float, y: float, text: str, right: float) -> list[Text]:
    """A line set from `x` to `right`, its spaces stretched evenly."""
    words = text.split()
    gap = (right - x - sum(width(word) for word in words)) / (len(words) - 1)
    return spaced(x, y, words, [gap] * (len(words) - 1))


def it_measures_a_line_s_room_from_the_text_s_margin_not_a_line_of_leaders_overrunning_it(
    packs: PackRegistry,
) -> None:
    # a typesetter's line of dot leaders runs past the right margin the justified lines keep
    # to: the line that had no room for "review" wraps into it, which is no new label
    intro = [
        "Good quality reflective supervision requires preparation by both the supervisor and the",
        "supervisee. Following discussion, these are the ways we have agreed to work together to",
    ]
    page: list[Text | Rule] = [
        *NAMES,
        *(t for n, line in enumerate(intro) for t in _justified(60, 130 + 14 * n, line, 530)),
        Text(60, 170, "b) What I will contribute as a supervisee " + " ".join(["."] * 42) + " Preparation"),
        *_justified(
            75,
            184,
            "and honest updates. Ideas for team learning. It may change after the review; see the",
            530,
        ),
        Text(75, 198, "review date below."),
        Text(60, 212, "c) What I want from you as the supervisee . . . . . . . . . . . . Early warning."),
    ]
    result = parse(pdf([page]), pack="sefton", document="agreement", packs=packs)
    assert _text(result.data.expectations.contribute_as_supervisee) == (  # type: ignore[attr-defined]
        "Preparation and honest updates. Ideas for team learning. It may change after the review; "
        "see the review date below."
    )


def it_reads_the_option_of_a_box_that_ends_its_line_wrapped_to_the_next(packs: PackRegistry) -> None:
    # the ticked box last on the label's line, its option set a little in on the next, a
    # label of its own after it
    page: list[Text | Rule] = [
        Text(60, 100, "Name Supervisee: Jane Smith"),
        Text(60, 120, "Name Supervisor/Manager: Tom Jones"),
        Text(60, 200, f"The frequency of supervision will be {SQUARE} Every 2 weeks {SQUARE} Every 4 weeks"),
        Text(460, 200, SQUARED_TIMES),
        Text(64, 214, "Other"),
        Text(110, 214, "Duration: 45 mins"),
        Text(60, 300, "The longest line of the page runs out to the right margin, as printed text does."),
    ]
    result = parse(pdf([page]), pack="sefton", document="agreement", packs=packs)
    assert result.data.frequency.description == "Other"  # type: ignore[attr-defined]
    assert result.data.duration_minutes == 45  # type: ignore[attr-defined]


def it_ends_an_answer_under_dot_leaders_at_the_printed_heading_after_it(packs: PackRegistry) -> None:
    # the printed text after the answer runs on, far below, into a list item's wrapped line:
    # that is no part of the answer, which ends at the heading
    page: list[Text | Rule] = [
        Text(60, 100, "Name Supervisee: Jane Smith"),
        Text(60, 120, "Name Supervisor/Manager: Tom Jones"),
        Text(
            60,
            300,
            "f) As the supervisee I am responsible for .....................................................",
        ),
        Text(60, 326, "Keeping chronologies current."),
        Text(60, 352, "ANY OTHER ISSUES"),
        Text(60, 378, "Disagreements"),
        Text(
            60,
            404,
            "In the case of Managers, the resolution process will be as follows: the Assistant Director in",
        ),
        Text(78, 418, "the case of dispute between a Service Manager and Team Manager."),
    ]
    result = parse(pdf([page]), pack="sefton", document="agreement", packs=packs)
    answer = result.data.expectations.supervisee_responsible_for  # type: ignore[attr-defined]
    assert answer == "Keeping chronologies current."
