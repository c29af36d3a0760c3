"""PDFs as printed in the world: a typewriter font's wide spaces, line spacing taller than
single, upper-case labels, text boxes typed over a label."""

from __future__ import annotations

from docx.document import Document as DocxDocument

from supervision_forms import PackRegistry, parse
from supervision_forms.reading.pdf_pages import extract
from supervision_forms.reading.unwrap import Line, wraps

from .kit import document, read, table
from .pdfkit import Rule, Text, cell, pdf, spaced, width

LEFT = 62.5
SIZE = 11.0


def it_wraps_a_name_in_a_cell_by_the_width_of_its_typewriter_spaces(packs: PackRegistry) -> None:
    gap = 0.6 * SIZE  # a monospaced font's space
    x0, x1 = 190.0, 380.0
    words = ["Supervisee", "Krzysztof"]
    first_end = x0 + 5 + width(words[0]) + gap + width(words[1])
    right = first_end + width("D'Arcy") + 0.25 * SIZE + 1 + 6  # fits the next word by a narrow space only
    items: list[Text | Rule] = [
        *cell(LEFT, 100, x0, 140),
        *cell(x0, 100, right, 140),
        *cell(right, 100, right + 120, 140),
        *spaced(x0 + 5, 114, words, [gap]),
        Text(x0 + 5, 128, "D'Arcy"),
        Text(right + 5, 114, "Date: 01-05-2026"),
    ]
    assert right < x1
    result = parse(pdf([[Text(LEFT, 60, "Parties to the Contract:"), *items]]), pack="sefton", packs=packs)
    assert result.data.signatures.supervisee.name == "Krzysztof D'Arcy"  # type: ignore[attr-defined]


def it_joins_lines_set_a_little_more_than_one_and_a_third_apart() -> None:
    upper = Line("record is on the system within a week and", 2.0, 30.0, top=100.0, size=11.0, bottom=112.0)
    lower = Line("signed off", 300.0, 30.0, top=114.9, size=11.0, bottom=126.9)  # 1.355 of the font size
    assert wraps(upper, lower)
    apart = Line("A new paragraph", 300.0, 30.0, top=120.0, size=11.0, bottom=132.0)  # 1.8: space after
    assert not wraps(upper, apart)


def it_finds_an_upper_case_label_s_possessive_apart_from_a_role_s_signature(packs: PackRegistry) -> None:
    def form(doc: DocxDocument) -> None:
        doc.add_paragraph("Supervisee's name: Amy Smith")
        doc.add_paragraph("SUPERVISOR'S NAME: ")  # left blank
        table(
            doc,
            [
                ["Parties to the Contract:", "", ""],
                ["", "Supervisee\tAmy Smith", "Date: 15-06-2026"],
                ["", "Supervisor\tTom Jones", "Date: 25-05-2026"],
            ],
        )

    data = read(document(form), packs.get("sefton")).data
    assert data.signatures.supervisor.name == "Tom Jones"  # type: ignore[attr-defined]
    assert data.supervisor.name is None  # type: ignore[attr-defined]


def it_parts_a_word_typed_over_a_label_s_list_number_from_it() -> None:
    # a text box set on the label's line from where the label starts: "f)" then "Keeping"
    # drawn back over it is two words ("f)Keeping" put the writer's word in no value)
    page = [
        Text(LEFT, 100, "f)"),
        Text(LEFT, 100, "Keeping chronologies"),
        Text(LEFT + width("f) "), 100, "As the"),
    ]
    words = [word[0] for word in extract(pdf([page]), "form")["pages"][0]["words"]]
    assert words == ["f)", "Keeping", "chronologies", "As", "the"]


def it_joins_a_word_broken_at_a_line_s_end_that_english_has_only_whole(packs: PackRegistry) -> None:
    # one break in the document: no sign the producer hyphenates, but "inter-preter" is no word
    first = "Led work with families through an inter-"
    page = [
        *cell(LEFT, 100, 230, 125),
        *cell(230, 100, 235 + width(first) + 8, 125),
        Text(LEFT + 5, 114, "Staff member"),
        Text(235, 114, "Jane Smith"),
        *cell(LEFT, 125, 230, 175),
        *cell(230, 125, 235 + width(first) + 8, 175),
        Text(LEFT + 5, 139, "Any other relevant issues"),
        Text(LEFT + 5, 152, "for this agreement"),
        Text(235, 139, first),
        Text(235, 152, "preter for two years."),
    ]
    result = parse(pdf([page]), pack="portsmouth", packs=packs)
    assert result.data.other_issues == "Led work with families through an interpreter for two years."  # type: ignore[attr-defined]
