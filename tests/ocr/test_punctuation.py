"""Punctuation typed prose does not have, read at high confidence (a speck taken for a quote,
dash, slash or full stop), leaves its word unsure, so the reader leaves the field empty
rather than give a wrong value; the word's text is never changed, and punctuation that
prose does have stays sure."""

from __future__ import annotations

from collections.abc import Callable

from supervision_forms.ocr.model import OcrWord
from supervision_forms.ocr.punctuation import doubted
from supervision_forms.ocr.tesseract import UNSURE

HEIGHT = 10.0


def _line(text: str, top: float = 0.0, sure: float = 0.96) -> list[OcrWord]:
    """The words of a line of text, each 6 points a letter, 4 apart."""
    words, x = [], 0.0
    for word in text.split():
        width = 6.0 * len(word)
        words.append(OcrWord(word, x, top, x + width, top + HEIGHT, sure))
        x += width + 4.0
    return words


def _doubted(*lines: list[OcrWord], drawn_stop: Callable[[OcrWord], bool] | None = None) -> list[str]:
    words = [w for line in lines for w in line]
    out = doubted(words, drawn_stop)
    assert [w.text for w in out] == [w.text for w in words]  # never changed
    return [w.text for w, was in zip(out, words, strict=True) if w.confidence != was.confidence]


def it_doubts_an_opening_quote_that_is_never_closed() -> None:
    assert _doubted(_line("‘Keeping chronologies current. Recording within five days.")) == ["‘Keeping"]


def it_keeps_a_quotation_that_is_closed_sure() -> None:
    assert _doubted(_line("We use ‘Signs of Safety’ in every session.")) == []
    assert _doubted(_line("A ‘check-in’ first.")) == []


def it_doubts_a_dash_or_slash_glued_before_a_letter() -> None:
    assert _doubted(_line("condition; -sessions may be by video")) == ["-sessions"]
    assert _doubted(_line("/t is fine to bring notes")) == ["/t"]


def it_keeps_dashes_and_slashes_prose_has_sure() -> None:
    assert _doubted(_line("an e-mail and/or a call, - a bullet, -5 degrees")) == []


def it_doubts_a_full_stop_before_a_small_letter_on_its_line() -> None:
    assert _doubted(_line("the supervisee may disagree. with a decision")) == ["disagree."]


def it_keeps_full_stops_of_sentences_and_abbreviations_sure() -> None:
    assert _doubted(_line("They may disagree. With a decision, etc. and e.g. notes")) == []
    # the next line's first word is not on the full stop's line
    assert _doubted(_line("we agreed."), _line("then we met", top=14.0)) == []


def it_does_not_take_a_word_of_another_column_for_the_next_word() -> None:
    left = _line("we agreed.")
    far = [OcrWord("notes", 200.0, 0.0, 230.0, HEIGHT, 0.96)]
    assert _doubted(left, far) == []


def it_doubts_a_lone_full_stop_that_starts_a_line() -> None:
    assert _doubted(_line("no surprises"), _line(". at appraisal", top=14.0)) == ["."]
    assert _doubted(_line("no surprises .")) == []


def it_keeps_a_full_stop_drawn_as_one_before_a_small_letter() -> None:
    # an answer's last sentence, then the form's printed text going on
    line = _line("no change expected this year. and the person responsible")
    assert _doubted(line, drawn_stop=lambda word: word.text == "year.") == []
    assert _doubted(line, drawn_stop=lambda word: False) == ["year."]


def it_doubts_a_lone_mark_after_a_space_inside_a_line() -> None:
    assert _doubted(_line("eight years in youth justice . before moving")) == ["."]
    assert _doubted(_line("and chronology summaries. .")) == ["."]
    assert _doubted(_line("agreed , then")) == [","]


def it_keeps_a_lone_full_stop_ending_a_line_after_a_word_or_a_leader() -> None:
    assert _doubted(_line("stored in ........ ."), _line("next line", top=14.0)) == []
    assert _doubted(_line("no surprises ."), _line("next line", top=14.0)) == []


def it_leaves_an_unsure_word_as_unsure_as_it_was() -> None:
    words = _line("-sessions may", sure=0.6)
    assert doubted(words) == words
    assert all(w.confidence <= UNSURE for w in doubted(_line("-sessions")))
