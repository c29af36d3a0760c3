"""Values OCR read that are unsure as a whole, left empty and kept in unmapped: one with a
word OCR ran together from two ("xxSupervisee": a struck-through "xx" and the answer after
it; "theStraight"), and a list with an item OCR was unsure of (never a list missing one)."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from supervision_forms.reading.ocr_fields import judged
from supervision_forms.reading.ocr_leaders import LEADER_WORD, apart
from supervision_forms.reading.ocr_order import out_of_order
from supervision_forms.reading.ocr_specks import without_specks
from supervision_forms.reading.ocr_words import WordStream
from supervision_forms.reading.page import Page, Word
from supervision_forms.reading.result import ParseResult
from supervision_forms.registry import installed_packs
from supervision_forms.text.durations import read_duration_minutes

from .judging import judged_answer


@pytest.mark.parametrize("text", ["xxSupervisee has a long-term condition.", "theStraight answers, please."])
def it_leaves_empty_a_value_with_two_words_run_together(text: str) -> None:
    result = judged_answer(text)
    assert result.data.other_issues is None
    assert any("ran two words together" in w.message for w in result.warnings)
    assert [item.text for item in result.unmapped] == [text]


@pytest.mark.parametrize(
    "text", ["Siobhan McKenzie and Marie-Claire O'Brien agreed.", "DeShawn keeps notes."]
)
def it_reads_names_with_capitals_inside_them(text: str) -> None:
    assert judged_answer(text).data.other_issues == text


@pytest.mark.parametrize(
    "text",
    [
        "this agreement?",
        "Next steps:\nSupervisee is working a four-day week.",
        "agreement:\nNone.",
    ],
)
def it_reads_a_value_whose_first_line_is_no_label_s_end(text: str) -> None:
    assert judged_answer(text).data.other_issues == text


def it_leaves_a_whole_list_of_dates_empty_when_ocr_was_unsure_of_one_of_them() -> None:
    rows = [("2 March 2026", 0.97), ("14 April 2026", 0.6), ("27 May 2026", 0.97)]
    words = []
    for number, (text, sure) in enumerate(rows):
        x, top = 300.0, 300.0 + 14 * number
        for word in text.split():
            words.append(Word(word, x, top, x + 6 * len(word), top + 10, 10.0, sure))
            x += 6 * len(word) + 4
    pack = next(p for p in installed_packs() if p.name == "sefton")
    dates = [datetime.date(2026, 3, 2), datetime.date(2026, 4, 14), datetime.date(2026, 5, 27)]
    data: Any = pack.model("agreement").model_validate({"meeting_dates": dates})
    sources = {f"meeting_dates.{i}": f"page 1, line {i + 1}" for i in range(3)}
    read = ParseResult("sefton", "agreement", data, sources=sources)
    result = judged(read, [Page(0, 595.0, 842.0, tuple(words))], {0}, pack.knowledge("agreement"))
    assert result.data.meeting_dates == []  # never a list with a date missing
    assert sum("another item of the list" in w.message for w in result.warnings) == 2
    assert not any(w.message.startswith("read by OCR (") for w in result.warnings)


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("[ ] Every 2 weeks", "not read as a letter"),  # a tick box OCR read as text
        ("no.change expected this year.", "ran two words together"),  # a speck between words
        ("referred learning style)", "printed text"),  # the end of a label OCR read apart
        ("this agreement?\nSupervisee is working a four-day week.", "end of a printed label"),
    ],
)
def it_leaves_empty_a_value_with_a_box_read_as_text_a_speck_inside_or_the_forms_own_words(
    text: str, why: str
) -> None:
    result = judged_answer(text)
    assert result.data.other_issues is None
    assert any(why in w.message for w in result.warnings)


def it_reads_abbreviations_and_brackets_in_an_answer() -> None:
    text = "Fortnightly (e.g. Tuesdays), i.e. every other week."
    assert judged_answer(text).data.other_issues == text


@pytest.mark.parametrize(
    "text", ["We have different heaith needs.", "Written down.\nrofessional or personal."]
)
def it_leaves_empty_an_answer_with_a_word_in_no_english_word_list_nor_on_the_form(
    text: str, tesseract: None
) -> None:
    result = judged_answer(text)  # (the word list is Tesseract's)
    assert result.data.other_issues is None
    assert any("no English word list" in w.message for w in result.warnings)
    assert [item.text for item in result.unmapped] == [" ".join(text.split())]


def it_reads_an_answer_of_english_words_the_forms_own_words_and_capitalised_names(tesseract: None) -> None:
    text = "The supervisee's Cafcass guardian, Siobhan, isn't worried about LAC reviews or wellbeing."
    assert judged_answer(text).data.other_issues == text


def it_knows_british_spellings(tesseract: None) -> None:
    text = "We recognise the centre's programme of behaviour work and the organisation's wellbeing offer."
    assert judged_answer(text).data.other_issues == text


def _apart(text: str, sure: float) -> tuple[str, float]:
    page = apart(Page(0, 595.0, 842.0, (Word(text, 72.0, 300.0, 300.0, 312.0, 12.0, sure),)))
    return page.words[0].text, page.words[0].confidence


@pytest.mark.parametrize(
    ("read", "word"),
    [
        ("feedback.........cccssccseereenees", "feedback........."),
        ("year...........0.", "year..........."),
        ("..........Six-weekly..........", "..........Six-weekly.........."),
        ("..........Teams", "..........Teams"),
    ],
)
def it_gives_an_english_word_glued_to_a_leader_the_leaders_doubt_not_its_own(
    read: str, word: str, tesseract: None
) -> None:
    assert _apart(read, 0.0) == (word, LEADER_WORD)


@pytest.mark.parametrize(
    ("read", "word"),
    [
        ("CUITentiee.....", "CUITentiee....."),  # "current" misread with its dots
        ("recOrded............ccsseeseseeeeen", "recOrded............"),
        ("heaith..........", "heaith.........."),
        ("Slip............:ccccseeeee", "Slip............"),  # "slip": its case misread
        ("WITHIN..........", "WITHIN.........."),
    ],
)
def it_keeps_the_doubt_of_a_word_misread_with_its_leader(read: str, word: str, tesseract: None) -> None:
    assert _apart(read, 0.1) == (word, 0.1)


@pytest.mark.parametrize("read", ["today.....one", "and so...", "etc.", "supervision"])
def it_keeps_as_read_a_word_with_no_leader_or_with_a_word_after_its_dots(read: str, tesseract: None) -> None:
    assert _apart(read, 0.5) == (read, 0.5)


def _marks(*line: tuple[str, float, float]) -> list[str]:
    """The words kept of a line of (text, left edge, confidence) words."""
    words = tuple(Word(text, x, 300.0, x + 5 * len(text), 312.0, 12.0, sure) for text, x, sure in line)
    return [word.text for word in without_specks(Page(0, 595.0, 842.0, words)).words]


def it_leaves_out_a_mark_ocr_read_unsure_from_a_speck_standing_alone() -> None:
    assert _marks(
        ("November", 72.0, 0.97), ("2026", 130.0, 0.97), (".", 165.0, 0.76), ("7th", 190.0, 0.97)
    ) == [
        "November",
        "2026",
        "7th",
    ]
    assert _marks((".", 160.0, 0.79)) == []  # a line of its own between an answer's lines


@pytest.mark.parametrize(
    "line",
    [
        (("down", 72.0, 0.97), (".", 93.0, 0.79)),  # a full stop against its word
        (("down.", 72.0, 0.97), (".", 110.0, 0.95)),  # read sure: ocr's to judge
        (("a", 72.0, 0.97), ("-", 90.0, 0.79), ("b", 110.0, 0.97)),  # a dash is no speck's mark
    ],
)
def it_keeps_a_mark_that_touches_its_word_is_read_sure_or_is_no_speck_s(
    line: tuple[tuple[str, float, float], ...],
) -> None:
    assert _marks(*line) == [text for text, _, _ in line]


def it_leaves_out_a_table_s_border_ocr_read_as_an_unsure_i_between_two_cells() -> None:
    line = (("Signed", 72.0, 0.97), ("I", 110.0, 0.5), ("Precious", 122.0, 0.97), ("Addo", 170.0, 0.97))
    assert _marks(*line) == ["Signed", "Precious", "Addo"]
    assert _marks(("used", 72.0, 0.97), ("I", 100.0, 0.5), ("02/07/25", 112.0, 0.97)) == ["used", "02/07/25"]


@pytest.mark.parametrize(
    "line",
    [
        (("and", 72.0, 0.97), ("I", 95.0, 0.5), ("will", 107.0, 0.97)),  # a pronoun: a small letter after
        (("and", 72.0, 0.97), ("I", 95.0, 0.93), ("Sam", 107.0, 0.97)),  # read sure
        (("What", 72.0, 0.97), ("I", 95.0, 0.3), ("Want", 99.0, 0.97)),  # touching the next word
        (("so", 72.0, 0.97), ("I", 95.0, 0.3)),  # nothing after it
    ],
)
def it_keeps_an_i_that_may_be_the_pronoun(line: tuple[tuple[str, float, float], ...]) -> None:
    assert _marks(*line) == [text for text, _, _ in line]


def _disordered(lines: dict[str, int]) -> set[str]:
    """The fields out of Surrey's agreement's order, each read from the given line of a
    page of 16 lines."""
    words = tuple(
        Word(f"word{row}", 72.0, 80.0 + 20 * row, 120.0, 92.0 + 20 * row, 11.0, 0.96) for row in range(16)
    )
    know = next(p for p in installed_packs() if p.name == "surrey").knowledge("agreement")
    sources = {path: f"page 1, line {line}" for path, line in lines.items()}
    return out_of_order(sources, WordStream([Page(0, 595.0, 842.0, words)]), know)[0]


def it_takes_a_field_read_after_the_answers_of_fields_the_form_asks_later_for_out_of_order() -> None:
    lines = {
        "supervisor.name": 1,
        "supervisee.name": 2,
        "relationship_factors": 4,
        "difficulty_resolution": 5,
    }
    lines |= {"frequency.description": 9, "other_issues": 12, "review_date": 14}
    assert _disordered(lines) == {"frequency.description"}
    del lines["frequency.description"]
    assert _disordered(lines) == set()


def it_takes_neither_of_two_fields_read_in_each_other_s_place_as_in_order() -> None:
    assert _disordered({"supervisor.name": 1, "other_issues": 4, "frequency.description": 8}) == {
        "other_issues",
        "frequency.description",
    }


def it_leaves_empty_a_field_read_out_of_the_form_s_order() -> None:
    answers = {
        "supervisor.name": "Ann Smith",
        "relationship_factors": "Trust",
        "difficulty_resolution": "Talk",
        "frequency.description": "Monthly",
        "other_issues": "None",
    }
    words, sources = [], {}
    for row, (path, text) in enumerate(answers.items()):
        x, top = 300.0, 300.0 + 20 * row
        sources[path] = f"page 1, line {row + 1}"
        for word in text.split():
            words.append(Word(word, x, top, x + 6 * len(word), top + 12, 12.0, 0.97))
            x += 6 * len(word) + 4
    pack = next(p for p in installed_packs() if p.name == "surrey")
    values: dict[str, Any] = {path: text for path, text in answers.items() if "." not in path}
    values |= {"supervisor": {"name": "Ann Smith"}, "frequency": {"description": "Monthly"}}
    read = ParseResult("surrey", "agreement", pack.model("agreement").model_validate(values), sources=sources)
    result = judged(read, [Page(0, 595.0, 842.0, tuple(words))], {0}, pack.knowledge("agreement"))
    data: Any = result.data
    assert data.frequency.description is None
    assert any(
        w.field == "frequency.description" and "out of the form's order" in w.message for w in result.warnings
    )
    assert data.difficulty_resolution is None  # the answer just before: it may run on into that "label"
    assert (data.supervisor.name, data.relationship_factors, data.other_issues) == (
        "Ann Smith",
        "Trust",
        "None",
    )


def it_takes_an_answer_read_just_before_a_label_out_of_order_as_maybe_running_on_into_it() -> None:
    words = tuple(
        Word(f"word{row}", 72.0, 80.0 + 20 * row, 120.0, 92.0 + 20 * row, 11.0, 0.96) for row in range(16)
    )
    know = next(p for p in installed_packs() if p.name == "surrey").knowledge("agreement")
    lines = {
        "supervisor.name": 1,
        "supervisee.name": 2,
        "relationship_factors": 4,
        "difficulty_resolution": 5,
    }
    lines |= {"other_issues": 12, "review_date": 14}
    sources = {path: f"page 1, line {line}" for path, line in lines.items()}
    stream = WordStream([Page(0, 595.0, 842.0, words)])
    tried = {"frequency.description": "page 1, line 6"}  # its label found there, its answer not read
    assert out_of_order(sources, stream, know, tried) == (set(), {"difficulty_resolution"})
    assert out_of_order(sources, stream, know) == (set(), set())


def it_takes_a_signature_s_name_under_its_label_and_its_date_beside_the_label_as_in_order() -> None:
    lines = {"supervisor.name": 1, "other_issues": 4, "signatures.supervisee.date": 8}
    assert _disordered(lines | {"signatures.supervisee.name": 9, "signatures.supervisor.name": 11}) == set()


def _durationjudged_answer(text: str, unsure: str = "") -> ParseResult:
    words, x = [], 72.0
    for word in text.split():
        sure = 0.6 if word == unsure else 0.97
        words.append(Word(word, x, 300.0, x + 6 * len(word), 312.0, 12.0, sure))
        x += 6 * len(word) + 4
    pack = next(p for p in installed_packs() if p.name == "surrey")
    minutes = read_duration_minutes(text)
    data: Any = pack.model("agreement").model_validate({"duration_minutes": minutes})
    read = ParseResult("surrey", "agreement", data, sources={"duration_minutes": "page 1, line 1"})
    return judged(read, [Page(0, 595.0, 842.0, tuple(words))], {0}, pack.knowledge("agreement"))


@pytest.mark.parametrize(
    ("text", "minutes"),
    [("Sessions last a minimum of: an hour", 60), ("half an hour", 30), ("An hour and a half at most", 90)],
)
def it_finds_again_the_words_of_a_duration_written_in_words(text: str, minutes: int) -> None:
    result = _durationjudged_answer(text)
    assert result.data.duration_minutes == minutes
    assert any(w.message.startswith("read by OCR (confidence 0.97)") for w in result.warnings)


def it_leaves_empty_a_duration_written_in_words_ocr_was_unsure_of() -> None:
    result = _durationjudged_answer("Sessions last a minimum of: an hour", unsure="hour")
    assert result.data.duration_minutes is None
    assert any("OCR was unsure of a word (0.60)" in w.message for w in result.warnings)


def it_judges_a_date_in_a_table_by_its_own_column_not_the_month_column_beside_it() -> None:
    rows = [("March", "27 March 2026", 0.97), ("Aug_", "27th Aug. 2026", 0.58)]
    words = []
    for number, (month, date, month_sure) in enumerate(rows):
        top = 300.0 + 14 * number
        words.append(Word(month, 72.0, top, 72.0 + 6 * len(month), top + 10, 10.0, month_sure))
        x = 300.0
        for word in date.split():
            words.append(Word(word, x, top, x + 6 * len(word), top + 10, 10.0, 0.97))
            x += 6 * len(word) + 4
    pack = next(p for p in installed_packs() if p.name == "sefton")
    dates = [datetime.date(2026, 3, 27), datetime.date(2026, 8, 27)]
    data: Any = pack.model("agreement").model_validate({"meeting_dates": dates})
    sources = {f"meeting_dates.{i}": f"page 1, line {i + 1}" for i in range(2)}
    read = ParseResult("sefton", "agreement", data, sources=sources)
    result = judged(read, [Page(0, 595.0, 842.0, tuple(words))], {0}, pack.knowledge("agreement"))
    assert result.data.meeting_dates == dates
    assert all(w.message.startswith("read by OCR (confidence 0.97)") for w in result.warnings)


def it_leaves_empty_an_answer_to_a_question_that_starts_mid_sentence_in_lower_case() -> None:
    result = judged_answer("have different first languages and will check we have understood each other.")
    assert result.data.other_issues is None
    assert any("starts mid-sentence" in w.message for w in result.warnings)


@pytest.mark.parametrize(
    "text", ["We have different first languages and will check.", "every 3 weeks", "e.g. none this year"]
)
def it_reads_an_answer_that_starts_with_a_capital_or_is_a_short_phrase(text: str) -> None:
    assert judged_answer(text).data.other_issues == text


def it_leaves_empty_an_answer_whose_last_word_ends_its_line_in_a_comma() -> None:
    result = judged_answer(
        "Came from an agency post before moving into the care team,",
        "Came from an agency post before moving into the care team",
    )
    assert result.data.other_issues is None
    assert any("ends in a comma" in w.message for w in result.warnings)


def it_reads_an_answer_that_ends_at_a_comma_before_another_value_on_its_line() -> None:
    result = judged_answer(
        "Monthly, more often during the ASYE, 1 hour 15", "Monthly, more often during the ASYE"
    )
    assert not any("comma" in w.message for w in result.warnings)


def _line_words(text: str, top: float) -> list[Word]:
    words, x = [], 72.0
    for word in text.split():
        words.append(Word(word, x, top, x + 6 * len(word), top + 12.0, 12.0, 0.97))
        x += 6 * len(word) + 4
    return words


def it_follows_a_date_a_page_break_parts_onto_the_next_page_past_its_footer_and_header() -> None:
    first = _line_words("Date of Review: 17th", 758.0) + _line_words("Page 3 of 4", 800.0)
    second = _line_words("OFFICIAL", 25.0) + _line_words("Mar. 2027", 67.0)
    pages = [Page(0, 595.0, 842.0, tuple(first)), Page(1, 595.0, 842.0, tuple(second))]
    pack = next(p for p in installed_packs() if p.name == "sefton")
    data: Any = pack.model("agreement").model_validate({"review_date": datetime.date(2027, 3, 17)})
    read = ParseResult("sefton", "agreement", data, sources={"review_date": "page 1, line 1"})
    result = judged(read, pages, {0, 1}, pack.knowledge("agreement"))
    assert result.data.review_date == datetime.date(2027, 3, 17)
    assert any(w.message.startswith("read by OCR (confidence 0.97)") for w in result.warnings)


def _sureness(*line: tuple[str, float, float]) -> list[float]:
    """The confidence of each word kept of a line of (text, left edge, confidence) words."""
    words = tuple(Word(text, x, 300.0, x + 5 * len(text), 312.0, 12.0, sure) for text, x, sure in line)
    return [word.confidence for word in without_specks(Page(0, 595.0, 842.0, words)).words]


@pytest.mark.parametrize(
    "line",
    [
        (("supervisor", 72.0, 0.96), ("I", 126.0, 0.85), ("am", 131.0, 0.97)),
        (("I", 72.0, 0.85), ("will", 77.0, 0.96), ("call", 101.0, 0.97)),  # it starts its line
    ],
)
def it_reads_a_bar_in_running_text_before_a_small_english_word_as_the_pronoun(
    line: tuple[tuple[str, float, float], ...],
) -> None:
    assert _sureness(*line)[line.index(next(w for w in line if w[0] == "I"))] >= 0.9


@pytest.mark.parametrize(
    "line",
    [
        (("supervisor", 72.0, 0.96), ("I", 126.0, 0.85), ("Am", 131.0, 0.97)),  # a capital after it
        (("supervisor", 72.0, 0.96), ("I", 126.0, 0.85), ("am", 131.0, 0.7)),  # unsure after it
        (("supervisor", 72.0, 0.96), ("I", 126.0, 0.85), ("qzx", 131.0, 0.97)),  # no English word
        (("supervisor", 72.0, 0.96), ("I", 126.0, 0.85), ("am", 145.0, 0.97)),  # clear of it: a border
        (("supervisor", 72.0, 0.96), ("I", 140.0, 0.85), ("am", 145.0, 0.97)),  # clear of the word before
    ],
)
def it_leaves_a_bar_unsure_where_it_may_be_a_border(line: tuple[tuple[str, float, float], ...]) -> None:
    assert _sureness(*line)[1] == 0.85
