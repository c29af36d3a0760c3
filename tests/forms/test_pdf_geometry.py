"""Reading PDFs by where things are drawn: cells, line wrap, furniture, signatures, bullets."""

from __future__ import annotations

import datetime
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from supervision_forms import PackRegistry, parse
from supervision_forms.errors import EncryptedDocument
from supervision_forms.geometry import Rule as Drawn
from supervision_forms.reading.pdf_pages import _struck_apart, strike_lines
from supervision_forms.reading.unwrap import Line, join, kept_hyphen

from .pdfkit import BULLET, Kerned, Rule, Text, cell, encrypted, pdf

LEFT, MIDDLE, RIGHT = 60.0, 230.0, 520.0


def _row(top: float, label: str, lines: list[str], bottom: float) -> list[Text | object]:
    """A two-column table row: the label left, the answer's lines right, borders drawn."""
    items: list[Text | object] = [*cell(LEFT, top, MIDDLE, bottom), *cell(MIDDLE, top, RIGHT, bottom)]
    items.append(Text(LEFT + 5, top + 14, label))
    items.extend(Text(MIDDLE + 5, top + 14 + 13 * n, line) for n, line in enumerate(lines))
    return items


def it_joins_a_line_that_fills_its_cell_and_keeps_one_that_stops_short(packs: PackRegistry) -> None:
    answer = [
        "Phased return after sick leave until the end of May, with",  # fills the cell: wrapped
        "two short days a week.",  # stops short: the writer ended the line here
        "Student placement in the team.",
    ]
    page = [
        *_row(100, "Staff member", ["Jane Smith"], 125),
        *_row(125, "Any other relevant issues", answer, 175),
        Text(LEFT + 5, 160, "for this agreement"),
    ]
    result = parse(pdf([page]), pack="portsmouth", packs=packs)
    assert result.data.other_issues == (  # type: ignore[attr-defined]
        "Phased return after sick leave until the end of May, with two short days a week.\n"
        "Student placement in the team."
    )


def it_reads_symbol_font_bullets_as_list_lines(packs: PackRegistry) -> None:
    items = [f"{BULLET} Talk first.", f"{BULLET} Then ask the service manager"]
    page = [
        *_row(100, "Staff member", ["Jane Smith"], 125),
        *_row(125, "What methods will be used", items, 175),
        Text(LEFT + 5, 152, "to resolve any difficulties"),
        Text(LEFT + 5, 165, "in working together"),
    ]
    result = parse(pdf([page]), pack="portsmouth", packs=packs)
    assert result.data.difficulty_resolution == "Talk first.\nThen ask the service manager"  # type: ignore[attr-defined]
    assert not any("\uf0b7" in u.text or "•" in u.text for u in result.unmapped)


def it_reads_a_dot_leader_answer_that_runs_over_several_lines(packs: PackRegistry) -> None:
    page: list[Text | object] = [
        Text(60, 100, "Name Supervisee: Jane Smith"),
        Text(60, 120, "Name Supervisor/Manager: Tom Jones"),
        Text(60, 160, "The frequency of supervision will be ......every four weeks, and weekly for the"),
        Text(60, 173, "first six weeks of the placement......"),
        Text(60, 200, "Date of Review: 3rd March 2027"),
    ]
    result = parse(pdf([page]), pack="sefton", packs=packs)
    description = result.data.frequency.description  # type: ignore[attr-defined]
    assert description == "every four weeks, and weekly for the first six weeks of the placement"
    assert result.data.review_date == datetime.date(2027, 3, 3)  # type: ignore[attr-defined]


def it_never_takes_a_date_on_a_signature_line_for_part_of_the_name(packs: PackRegistry) -> None:
    page: list[Text | object] = [
        Text(60, 100, "Name of supervisor"),
        Text(60, 114, "Tom Jones"),
        Text(60, 200, "Signature of supervisee: Gareth Llewellyn Date: 22/06/26"),
    ]
    result = parse(pdf([page]), pack="surrey", packs=packs)
    signature = result.data.signatures.supervisee  # type: ignore[attr-defined]
    assert (signature.name, signature.date) == ("Gareth Llewellyn", datetime.date(2026, 6, 22))


def it_leaves_page_furniture_out_of_values_and_unmapped(packs: PackRegistry) -> None:
    def furnished(number: int, body: list[Text | object]) -> list[Text | object]:
        return [
            Text(250, 30, "OFFICIAL-SENSITIVE"),
            Text(60, 48, "Surrey County Council Supervision Agreement"),
            *body,
            Text(250, 800, "OFFICIAL"),
            Text(480, 815, f"Page {number} of 2"),
        ]

    first = furnished(1, [Text(60, 100, "Name of supervisor"), Text(60, 114, "Tom Jones")])
    second = furnished(2, [Text(60, 100, "Name of staff member"), Text(60, 114, "Jane Smith")])
    result = parse(pdf([first, second]), pack="surrey", packs=packs)
    assert (result.data.supervisor.name, result.data.supervisee.name) == ("Tom Jones", "Jane Smith")  # type: ignore[attr-defined]
    texts = " ".join(u.text for u in result.unmapped)
    for furniture in ("OFFICIAL", "Page", "Surrey County Council"):
        assert furniture not in texts


def it_never_reads_a_protective_marking_as_an_answer(packs: PackRegistry) -> None:
    page: list[Text | object] = [
        Text(60, 100, "Name of staff member"),
        Text(60, 114, "Jane Smith"),
        Text(60, 140, "Name of supervisor"),
        Text(60, 154, "OFFICIAL-SENSITIVE Tom Jones"),
    ]
    result = parse(pdf([page]), pack="surrey", packs=packs)
    assert result.data.supervisor.name == "Tom Jones"  # type: ignore[attr-defined]


def it_reads_an_aes_encrypted_pdf_that_opens_without_a_password(packs: PackRegistry) -> None:
    page: list[Text | object] = [Text(60, 100, "Name of staff member"), Text(60, 114, "Jane Smith")]
    result = parse(encrypted(pdf([page]), user_password=""), pack="surrey", packs=packs)
    assert result.data.supervisee.name == "Jane Smith"  # type: ignore[attr-defined]


def it_says_an_aes_pdf_that_needs_a_password_is_password_protected(packs: PackRegistry) -> None:
    page: list[Text | object] = [Text(60, 100, "Name of staff member"), Text(60, 114, "Jane Smith")]
    with pytest.raises(EncryptedDocument, match="password-protected"):
        parse(encrypted(pdf([page]), user_password="secret"), pack="surrey", packs=packs)


def it_parses_from_threads_in_a_script_without_a_main_guard(tmp_path: Path) -> None:
    page: list[Text | object] = [Text(60, 100, "Name of staff member"), Text(60, 114, "Jane Smith")]
    (tmp_path / "form.pdf").write_bytes(pdf([page]))
    script = tmp_path / "script.py"
    script.write_text(
        textwrap.dedent(
            """
            import threading
            from supervision_forms import parse
            print("started")
            names = []
            def read():
                names.append(parse("form.pdf", pack="surrey").data.supervisee.name)
            threads = [threading.Thread(target=read) for _ in range(6)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            print(names.count("Jane Smith"))
            """
        )
    )
    done = subprocess.run(
        [sys.executable, str(script)], cwd=tmp_path, capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout.split() == ["started", "6"]


def it_carries_a_signature_name_on_where_it_wraps_to_the_start_of_its_cell(packs: PackRegistry) -> None:
    # "Supervisee" and the name share a narrow drawn cell; the name wraps under the label
    page: list[Text | object] = [
        Text(60, 100, "Name Supervisee: Callum Pryce-Jones"),
        Text(60, 120, "Name Supervisor/Manager: Bronwen MacLeod"),
        *cell(170, 300, 340, 330),
        *cell(340, 300, 520, 330),
        Text(175, 312, "Supervisee"),
        Text(250, 312, "Callum Pryce-"),
        Text(175, 325, "Jones"),
        Text(345, 312, "Date: 15-12-2025"),
    ]
    result = parse(pdf([page]), pack="sefton", packs=packs)
    assert result.data.signatures.supervisee.name == "Callum Pryce-Jones"  # type: ignore[attr-defined]


def it_never_reads_a_name_with_a_glyph_its_font_maps_to_no_character(packs: PackRegistry) -> None:
    page: list[Text | object] = [
        Text(60, 100, "Name Supervisee: Marie Wi\x01niewska"),  # code 1: no character in the font
        Text(60, 120, "Name Supervisor/Manager: Bronwen MacLeod"),
    ]
    result = parse(pdf([page]), pack="sefton", packs=packs)
    assert result.data.supervisee.name is None  # type: ignore[attr-defined]
    assert any(w.field == "supervisee.name" and "garbled" in w.message for w in result.warnings)
    assert any("niewska" in u.text for u in result.unmapped)


def it_puts_an_accent_drawn_apart_on_the_letter_under_it(packs: PackRegistry) -> None:
    # as TeX's OT1 fonts draw "ś": the letter, then an acute accent drawn over it
    label = "Name Supervisee: Marie Wi"
    s_at = 60 + _helvetica_width(label)
    page: list[Text | object] = [
        Text(60, 100, "Name Supervisee: Marie Wisniewska"),
        Text(s_at + 0.5, 100, "\xb4"),
        Text(60, 120, "Name Supervisor/Manager: Bronwen MacLeod"),
    ]
    result = parse(pdf([page]), pack="sefton", packs=packs)
    assert result.data.supervisee.name == "Marie Wiśniewska"  # type: ignore[attr-defined]


def it_puts_an_accent_kerned_apart_on_its_letter_without_parting_the_word(packs: PackRegistry) -> None:
    # TeX kerns "´" right of "i", then back over "s": a PDF reader puts a space before it
    page: list[Text | Kerned] = [
        Text(60, 100, "Name Supervisee: Marie"),
        Kerned(60 + _helvetica_width("Name Supervisee: Marie "), 100, "(W)36(i)-150(\\264)490(sniewska)"),
        Text(60, 120, "Name Supervisor/Manager: Bronwen MacLeod"),
    ]
    result = parse(pdf([page]), pack="sefton", packs=packs)
    assert result.data.supervisee.name == "Marie Wiśniewska"  # type: ignore[attr-defined]


def _helvetica_width(text: str, size: float = 11.0) -> float:
    widths = {
        " ": 278,
        ":": 278,
        "E": 667,
        "N": 722,
        "S": 667,
        "M": 833,
        "W": 944,
        "a": 556,
        "e": 556,
        "i": 222,
    }
    widths |= dict.fromkeys("npu", 556) | {"m": 833, "r": 333, "s": 500, "v": 500}
    return sum(widths[c] for c in text) * size / 1000


def it_leaves_out_a_short_word_struck_through(packs: PackRegistry) -> None:
    # a tracked deletion printed struck through. A word of short letters ("see") has a short
    # box in a PDF with embedded fonts, so the line runs near its top: here 26 % down the box
    # that pdfium gives this font's words (89.6 to 102.46 for a baseline at 100)
    start = 60 + _helvetica_width("Name Supervisee: ")
    see = _helvetica_width("see")
    page: list[Text | object] = [
        Text(60, 100, "Name Supervisee:"),
        Text(start, 100, "see"),
        Rule(start - 0.5, 93.4, start + see + 0.5, 93.4),
        Text(start + see + 4, 100, "Marie Evans"),
        Text(60, 120, "Name Supervisor/Manager: Bronwen MacLeod"),
    ]
    result = parse(pdf([page]), pack="sefton", packs=packs)
    assert result.data.supervisee.name == "Marie Evans"  # type: ignore[attr-defined]


def it_strikes_a_short_word_with_the_line_that_strikes_the_words_beside_it() -> None:
    # a LibreOffice PDF (embedded serif, 12 pt) of the tracked deletion "see notes": pdfium
    # gives "see" a box shorter than "notes" (608.45 and 605.77 to 617.74, from the page's
    # top); one line strikes both, 24 % down the box of "see"
    see = ([("s", 62.5, 67.2), ("e", 67.2, 72.5), ("e", 72.5, 77.8)], 608.45, 617.74, 12.0)
    notes = ([(c, 80.8 + 5 * i, 85.8 + 5 * i) for i, c in enumerate("notes")], 605.77, 617.74, 12.0)
    strike, underline = Drawn(61.8, 610.0, 106.8, 611.4), Drawn(61.8, 615.0, 106.8, 616.0)
    assert strike_lines([see, notes], (strike,)) == [strike]
    assert strike_lines([see], (strike,)) == []  # (alone, "see" would not show it)
    assert strike_lines([see, notes], (underline,)) == []
    assert [w.text for word in (see, notes) for w in _struck_apart(*word, [strike])] == ["", ""]


def it_joins_a_word_broken_at_a_hyphen_whatever_room_its_line_leaves() -> None:
    # a justified line that a wider line elsewhere makes look short
    upper, lower = (
        Line("the case system Super-", 80.0, 30.0, 100.0, 10.0),
        Line("visee name", 40.0, 30.0, 112.0, 10.0),
    )
    assert (
        join([upper, lower], lambda word: word.casefold() == "supervisee")
        == "the case system Supervisee name"
    )
    assert join([upper, Line("Visee name", 40.0, 30.0, 112.0, 10.0)]) == "the case system Super-\nVisee name"


def it_keeps_a_word_underlined_at_its_baseline(packs: PackRegistry) -> None:
    # an insertion or a link printed underlined: the line runs just above the baseline (100)
    # in some producers' fonts, low in the word's box; only a line through its middle strikes it
    start = 60 + _helvetica_width("Name Supervisee: ")
    page: list[Text | object] = [
        Text(60, 100, "Name Supervisee: Marie Evans"),
        Rule(start - 0.5, 99.2, start + _helvetica_width("Marie Evans") + 0.5, 99.2),
        Text(60, 120, "Name Supervisor/Manager: Bronwen MacLeod"),
    ]
    result = parse(pdf([page]), pack="sefton", packs=packs)
    assert result.data.supervisee.name == "Marie Evans"  # type: ignore[attr-defined]


def it_reads_an_answer_typed_after_the_leaders_of_a_label_worded_otherwise(packs: PackRegistry) -> None:
    # "as supervisor" where the pack's form prints "as the supervisor": the label matched
    # loosely, and the dot leaders after it end it, so the text after them is the answer's
    page: list[Text | object] = [
        Text(60, 100, "Name Supervisee: Jane Smith"),
        Text(60, 120, "Name Supervisor/Manager: Tom Jones"),
        Text(60, 160, "d) What I will contribute as supervisor ..........Time kept free. Honest"),
        Text(60, 173, "feedback.........."),
        Text(60, 200, "Date of Review: 3rd March 2027"),
    ]
    result = parse(pdf([page]), pack="sefton", packs=packs)
    expectations = result.data.expectations  # type: ignore[attr-defined]
    assert expectations.contribute_as_supervisor in (None, "Time kept free. Honest feedback.")
    assert expectations.contribute_as_supervisor is not None


def it_tells_a_typesetter_s_hyphen_from_a_writer_s_by_english_spellings() -> None:
    english = frozenset({"under", "stood", "understood", "four", "day", "four-day", "line", "managed"})
    english |= {"long", "term", "longterm", "long-term", "share", "point"}
    unknown = lambda word: False  # noqa: E731  (the document prints none of them whole)
    assert kept_hyphen("under", "stood", unknown, english) is False
    assert kept_hyphen("four", "day", unknown, english) is True
    assert kept_hyphen("line", "managed", unknown, english) is True  # (neither spelling listed)
    assert kept_hyphen("long", "term", unknown, english) is None  # (both are)
    assert kept_hyphen("Share", "point", unknown, english) is None  # (a name, maybe)
    assert kept_hyphen("under", "stood", unknown) is None  # (no word list: who can tell)
    assert kept_hyphen("long", "term", lambda word: word == "longterm", english) is False
