"""What Tesseract's words are made into from the page's ink: a "|" off any drawn line is the
word "I", sure only where it sits in text; ink far flatter than letters is dots."""

from __future__ import annotations

from supervision_forms.ocr.model import OcrRule, OcrWord
from supervision_forms.ocr.page import BAR_AS_I, DOTS_SURE, _bars, _dotted


def _line(*words: tuple[str, float, float], top: float = 100.0, height: float = 8.0) -> list[OcrWord]:
    return [OcrWord(text, x0, top, x1, top + height, 0.9) for text, x0, x1 in words]


def it_reads_a_bar_between_words_as_the_word_i() -> None:
    words = _bars(_line(("when", 10, 40), ("|", 43, 45), ("am", 48, 60)), ())
    assert [w.text for w in words] == ["when", "I", "am"]
    assert words[1].confidence > BAR_AS_I


def it_drops_a_bar_that_lies_on_a_drawn_vertical_line() -> None:
    border = OcrRule(43.5, 80, 44.5, 130)
    words = _bars(_line(("when", 10, 40), ("|", 43, 45), ("am", 48, 60)), (border,))
    assert [w.text for w in words] == ["when", "am"]


def it_is_unsure_of_a_bar_standing_apart_from_the_words_of_its_line() -> None:
    words = _bars(_line(("Question", 10, 60), ("|", 120, 122), ("Answer", 180, 220)), ())
    assert words[1].text == "I" and words[1].confidence <= BAR_AS_I


def it_reads_flat_ink_as_dots_and_keeps_letters_and_dashes() -> None:
    words = _line(("Will", 10, 30), ("be", 33, 45)) + _line(("The", 10, 30), ("form", 33, 50), top=120)
    words += [
        OcrWord("eeteneeeeeeree", 50, 106, 90, 107.5, 0.0),  # a dot leader
        OcrWord("-", 92, 104, 96, 105, 0.8),  # a dash
        OcrWord("c", 98, 106, 99, 107, 0.3),  # one dot
    ]
    out = _dotted(words)
    assert [w.text for w in out[:4]] == ["Will", "be", "The", "form"]
    assert set(out[4].text) == {"."} and len(out[4].text) > 5 and out[4].confidence >= DOTS_SURE
    assert out[5].text == "-"
    assert out[6].text == "." and out[6].confidence == 0.3
