"""Nothing a person wrote on a scan is lost: every word OCR read of an answer ends up in a
field or in `unmapped`, and words on an OCR'd page that no field took and that the form
does not print are kept in `unmapped` (the printed text itself is not)."""

from __future__ import annotations

import datetime
import importlib
import json
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from supervision_forms import parse
from supervision_forms.models.paths import flatten, generic, leaf_map
from supervision_forms.reading.ocr_fields import judged
from supervision_forms.reading.ocr_words import page_lines
from supervision_forms.reading.page import Page, Rule, Word
from supervision_forms.reading.result import ParseResult, ReadWarning
from supervision_forms.reading.scan import ocr_image
from supervision_forms.registry import installed_packs
from tests.ocr.conftest import require_ocr_tools

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "fixtures"
SCANS = [
    *sorted(f"{p.parent.name}/{p.name}" for p in CORPUS.glob("scan*/*") if p.suffix != ".json"),
    "ps-garbled/portsmouth-old-000.pdf",  # an older edition: labels the pack does not know
    "ps-garbled/sefton-old-000.pdf",  # and a table of meeting dates
]
RUN = 4  # words in a row: a run of an answer OCR read must be found again as a run
PARSE = importlib.import_module("supervision_forms.reading.parse")


@pytest.fixture(autouse=True)
def _tools() -> None:
    require_ocr_tools()


def _tokens(text: str) -> list[str]:
    return [t.casefold() for t in re.findall(r"[^\W_]+", text)]


def _runs(tokens: list[str]) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + RUN]) for i in range(len(tokens) - RUN + 1)}


def _line(source: str) -> tuple[int, int]:
    where = re.fullmatch(r"page (\d+), line (\d+)", source)
    return (int(where[1]), int(where[2])) if where else (0, 0)


def _read(name: str, monkeypatch: pytest.MonkeyPatch) -> tuple[ParseResult, list[Page]]:
    """The file parsed, and the pages OCR read on the way."""
    pages: list[Page] = []
    by_image, by_pdf = PARSE.ocr_image, PARSE.ocr_pdf

    def image(data: bytes, label: str) -> list[Page]:
        read: list[Page] = by_image(data, label)
        pages.extend(read)
        return read

    def pdf(data: bytes, numbers: list[int], label: str) -> dict[int, Page]:
        read: dict[int, Page] = by_pdf(data, numbers, label)
        pages.extend(read.values())
        return read

    monkeypatch.setattr(PARSE, "ocr_image", image)
    monkeypatch.setattr(PARSE, "ocr_pdf", pdf)
    return parse(CORPUS / name), pages


def _written(name: str) -> Iterator[tuple[str, str]]:
    """The answers written on the file's pages (field, text as written)."""
    path = CORPUS / name
    item, fields = path.name.split(".")[0], None
    listing = path.parent / "files.json"
    if listing.exists():
        page = json.loads(listing.read_text(encoding="utf-8"))[path.name]
        item, fields = page["item"], set(page["fields"])
    truth = json.loads((CORPUS / "truth.json").read_text(encoding="utf-8"))[item]
    for field, text in truth["written"].items():
        if fields is None or field in fields:
            yield field, text


@pytest.mark.parametrize("name", SCANS)
def it_keeps_every_run_of_an_answer_ocr_read_in_a_field_or_in_unmapped(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    result, pages = _read(name, monkeypatch)
    on_pages = _runs([t for p in pages for line in page_lines(p) for w in line for t in _tokens(w.text)])
    leaves = leaf_map(type(result.data))
    kept: set[tuple[str, ...]] = set()
    for value in flatten(result.data.model_dump(mode="python")).values():
        kept |= _runs(_tokens(str(value))) if isinstance(value, str) else set()
    for items in (result.unmapped, sorted(result.unmapped, key=lambda item: _line(item.source))):
        kept |= _runs([t for item in items for t in _tokens(item.text)])  # as kept, and as on the pages
    lost = []
    for field, text in _written(name):
        leaf = leaves.get(generic(field))
        if leaf is None or leaf.kind != "text":
            continue  # dates, numbers and choices are written other ways than they are kept
        lost += [" ".join(run) for run in sorted(_runs(_tokens(text)) & on_pages - kept)]
    assert not lost, f"{name}: written, read by OCR, and lost: {lost}"


def _surrey_page() -> list[Page]:
    image = CORPUS / "scan-png" / "surrey-000.p1.png"
    return ocr_image(image.read_bytes(), image.name)


def it_keeps_in_unmapped_the_written_text_no_field_took_and_never_the_printed_text() -> None:
    pages = _surrey_page()
    pack = next(p for p in installed_packs() if p.name == "surrey")
    empty: Any = pack.model("agreement").model_validate({})
    result = judged(ParseResult("surrey", "agreement", empty), pages, {0}, pack.knowledge("agreement"))
    kept = " ".join(item.text for item in result.unmapped)
    assert "that is what supervision is for. Supervisor" in kept  # the answers are kept
    assert "Available by Teams most days;" in kept
    assert "Fatima" in kept and "Llewellyn" in kept
    assert "This agreement sets out" not in kept  # the form's own text is not
    assert "relationship of trust and respect" not in kept
    assert "Availability of manager" not in kept
    assert "OFFICIAL" not in kept


def it_adds_nothing_to_unmapped_for_words_a_field_was_read_from() -> None:
    pages = _surrey_page()
    pack = next(p for p in installed_packs() if p.name == "surrey")
    answer = "Available by Teams most days; urgent matters by phone at any time."
    data: Any = pack.model("agreement").model_validate(
        {"agreement_date": datetime.date(2026, 6, 5), "management_availability": answer}
    )
    read = ParseResult(
        "surrey",
        "agreement",
        data,
        sources={"agreement_date": "page 1, line 7", "management_availability": "page 1, line 26"},
    )
    result = judged(read, pages, {0}, pack.knowledge("agreement"))
    kept = " ".join(item.text for item in result.unmapped)
    assert result.data.management_availability == answer
    assert "June" not in kept and "2026" not in kept
    assert "Teams" not in kept and "urgent matters" not in kept
    assert "that is what supervision is for" in kept


def _page(*lines: str, top: float = 300.0, size: float = 10.0, rules: tuple[Rule, ...] = ()) -> Page:
    """A page OCR read with the given lines of words, one under the other, from x 260
    (a line every 14 points: each line's box 10 points tall, as `scan.to_page` makes them)."""
    words = []
    for number, line in enumerate(lines):
        x = 260.0
        for text in line.split():
            width = 5.0 * len(text)
            y = top + 14 * number
            words.append(Word(text, x, y, x + width, y + size, size, 0.96))
            x += width + 3.0
    return Page(0, 595.0, 842.0, tuple(words), rules)


def _judged_availability(
    page: Page, value: str, line: int = 1, warnings: tuple[ReadWarning, ...] = ()
) -> ParseResult:
    pack = next(p for p in installed_packs() if p.name == "surrey")
    data: Any = pack.model("agreement").model_validate({"management_availability": value})
    read = ParseResult(
        "surrey",
        "agreement",
        data,
        warnings=list(warnings),
        sources={"management_availability": f"page 1, line {line}"},
    )
    return judged(read, [page], {0}, pack.knowledge("agreement"))


def it_leaves_empty_an_answer_whose_next_line_runs_on_in_text_no_field_took() -> None:
    result = _judged_availability(
        _page("Teams most days and by phone", "whenever urgent"), "Teams most days and by phone"
    )
    assert result.data.management_availability is None
    kept = [item.text for item in result.unmapped]
    assert "Teams most days and by phone" in kept and "whenever urgent" in kept
    assert any("may be part of it" in w.message for w in result.warnings)


def it_leaves_empty_an_answer_with_text_no_field_took_under_it_in_its_cell() -> None:
    # "Frequency may change…" under an answer that ends a sentence: its last line, or not?
    result = _judged_availability(_page("Teams most days.", "Weekends by phone only"), "Teams most days.")
    assert result.data.management_availability is None
    kept = [item.text for item in result.unmapped]
    assert "Teams most days." in kept and "Weekends by phone only" in kept
    assert any("may be part of it" in w.message for w in result.warnings)


def it_leaves_empty_an_answer_with_text_no_field_took_over_it_or_inside_it() -> None:
    over = _judged_availability(
        _page("Straight", "answers and time to think out loud."),
        "answers and time to think out loud.",
        line=2,
    )
    assert over.data.management_availability is None
    inside = _judged_availability(
        _page("Teams most days.", "Weekends by phone.", "Evenings never."),
        "Teams most days.\nEvenings never.",
    )
    assert inside.data.management_availability is None


def it_keeps_an_answer_when_the_text_under_it_is_past_a_drawn_line() -> None:
    border = Rule(250.0, 312.0, 560.0, 313.0)  # between the two lines, across the cell
    result = _judged_availability(
        _page("Teams most days.", "Weekends by phone only", rules=(border,)), "Teams most days."
    )
    assert result.data.management_availability == "Teams most days."
    assert [item.text for item in result.unmapped] == ["Weekends by phone only"]
    apart = _judged_availability(  # or past a blank line's gap
        _page("Teams most days.", "", "Weekends by phone only"), "Teams most days."
    )
    assert apart.data.management_availability == "Teams most days."


def it_takes_an_underline_for_no_border() -> None:
    underline = Rule(260.0, 308.5, 340.0, 309.0)  # just under the baseline, under the words only
    result = _judged_availability(
        _page("Teams most days.", "Weekends by phone only", rules=(underline,)), "Teams most days."
    )
    assert result.data.management_availability is None


def it_keeps_an_answer_beside_a_loosely_matched_label_or_a_value_ocr_was_unsure_of() -> None:
    label = ReadWarning(
        "management_availability", "the label was matched loosely (80%); check this value", "page 1, line 1"
    )
    result = _judged_availability(
        _page("Reaching the manager", "Teams most days."), "Teams most days.", line=2, warnings=(label,)
    )
    assert result.data.management_availability == "Teams most days."
    pack = next(p for p in installed_packs() if p.name == "surrey")
    data: Any = pack.model("agreement").model_validate(
        {"management_availability": "Teams most days.", "concerns_addressed": "Talked through openly"}
    )
    doubtful = _page("Teams most days.", "Talked through openly")
    unsure = Page(
        0, 595.0, 842.0, tuple(replace(w, confidence=0.5) if w.top > 310 else w for w in doubtful.words)
    )
    read = ParseResult(
        "surrey",
        "agreement",
        data,
        sources={"management_availability": "page 1, line 1", "concerns_addressed": "page 1, line 2"},
    )
    judged_both = judged(read, [unsure], {0}, pack.knowledge("agreement"))
    assert judged_both.data.concerns_addressed is None  # OCR was unsure of it
    assert judged_both.data.management_availability == "Teams most days."


def it_leaves_empty_an_answer_whose_next_line_in_lower_case_was_taken_for_a_loose_label() -> None:
    label = ReadWarning(
        "review_date", "the label was matched loosely (80%); check this value", "page 1, line 2"
    )
    result = _judged_availability(
        _page("Teams most days. Frequency may change after the", "review; see the review date below."),
        "Teams most days. Frequency may change after the",
        warnings=(label,),
    )
    assert result.data.management_availability is None  # a label starts with a capital


def it_leaves_empty_an_answer_that_runs_into_the_page_footer() -> None:
    result = _judged_availability(
        _page("Teams most days.", "Policy v3.4 June 2023", top=770.0),
        "Teams most days. Policy v3.4 June 2023",
    )
    assert result.data.management_availability is None
    assert any("margin" in w.message for w in result.warnings)


def _placed(*lines: list[tuple[str, float]]) -> Page:
    """A page of lines 14 points apart, each word at its given left edge (6 points a letter)."""
    words = []
    for number, line in enumerate(lines):
        top = 300.0 + 14 * number
        words += [Word(text, x, top, x + 6 * len(text), top + 10, 10.0, 0.96) for text, x in line]
    words.append(Word("edge", 506.0, 700.0, 530.0, 710.0, 10.0, 0.96))  # the text's right edge
    return Page(0, 595.0, 842.0, tuple(words))


def it_leaves_empty_an_answer_that_text_no_field_took_may_have_wrapped_onto() -> None:
    # "a) What I want ..... Straight" / "answers and time to think out loud"
    page = _placed([("What", 63.0), ("I", 95.0), ("want", 105.0), ("Straight", 450.0)], [("answers", 63.0)])
    label = ReadWarning(
        "management_availability", "the label was matched loosely (80%); check", "page 1, line 1"
    )
    result = _judged_availability(page, "answers", line=2, warnings=(label,))
    assert result.data.management_availability is None


def it_keeps_an_answer_under_a_row_of_two_columns_that_does_not_wrap() -> None:
    page = _placed(
        [("Factors", 63.0), ("sessions", 219.0), ("will", 300.0), ("be", 480.0)],
        [("acknowledge", 63.0), ("Tuesdays", 219.0)],
    )
    result = _judged_availability(page, "sessions will be Tuesdays", line=1)
    assert result.data.management_availability == "sessions will be Tuesdays"


def _two_pages(second: str, label: str = "") -> ParseResult:
    """An answer at the foot of page 1 (over the page number), after its `label` if any,
    and `second` at the top of page 2; the reader took the answer and no field took page
    2's first line."""
    first = _page(f"{label} Teams most days and by phone", top=740.0)
    footer = Word("Page 1 of 2", 260.0, 800.0, 320.0, 810.0, 10.0, 0.96)
    first = replace(first, words=(*first.words, footer))
    following = replace(_page(*second.split("|"), top=70.0), number=1)
    pack = next(p for p in installed_packs() if p.name == "surrey")
    data: Any = pack.model("agreement").model_validate(
        {"management_availability": "Teams most days and by phone"}
    )
    read = ParseResult("surrey", "agreement", data, sources={"management_availability": "page 1, line 1"})
    return judged(read, [first, following], {0, 1}, pack.knowledge("agreement"))


def it_leaves_empty_an_answer_that_text_no_field_took_may_go_on_from_over_a_page_break() -> None:
    result = _two_pages("whenever urgent, and at weekends")
    assert result.data.management_availability is None
    assert any("may be part of it" in w.message for w in result.warnings)
    kept = [item.text for item in result.unmapped]
    assert "Teams most days and by phone" in kept and "whenever urgent, and at weekends" in kept


def it_leaves_empty_an_answer_after_its_label_that_text_no_field_took_may_go_on_from_over_a_page_break() -> (
    None
):
    result = _two_pages("whenever urgent, and at weekends", label="Contact:")
    assert result.data.management_availability is None
    assert any("may be part of it" in w.message for w in result.warnings)


def it_keeps_an_answer_at_a_page_s_foot_when_the_next_page_starts_with_the_form_s_label() -> None:
    result = _two_pages("What does the supervisee bring to supervision|Twenty years in the team")
    assert result.data.management_availability == "Teams most days and by phone"
