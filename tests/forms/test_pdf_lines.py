"""PDF lines: a row border drawn where tightly set rows' line boxes overlap parts the
rows; a printed list item's hanging indent is the form's text, not left-over writing."""

from __future__ import annotations

from supervision_forms import PackRegistry, parse

from .pdfkit import BULLET, Rule, Text, pdf


def _rows(border: Rule) -> list[Text | Rule]:
    """Two rows set 12 points apart (their line boxes overlap), the first answer filling its line."""
    return [
        Rule(55, 80, 540, 80),
        Rule(55, 80, 55, 140),
        Rule(215, 80, 215, 140),
        Rule(540, 80, 540, 140),
        Rule(55, 140, 540, 140),
        Text(60, 95, "What does the supervisee"),
        Text(60, 107, "bring to this relationship"),
        Text(220, 95, "Ten years in youth justice before moving into the care team,"),
        Text(220, 107, "and a practice educator since 2020, with students each year in"),
        border,
        Text(60, 119, "Any other relevant issues"),
        Text(60, 131, "for this agreement"),
        Text(220, 119, "None known at the time of writing."),
    ]


def it_parts_tightly_set_rows_at_a_border_drawn_where_their_lines_overlap(packs: PackRegistry) -> None:
    result = parse(
        pdf([_rows(Rule(55, 108.9, 540, 108.9))]), pack="portsmouth", document="agreement", packs=packs
    )
    assert result.data.other_issues == "None known at the time of writing."  # type: ignore[attr-defined]
    assert " ".join(result.data.supervisee_brings.split()) == (  # type: ignore[attr-defined]
        "Ten years in youth justice before moving into the care team, "
        "and a practice educator since 2020, with students each year in"
    )


def it_keeps_a_printed_list_item_s_hanging_indent_out_of_unmapped(packs: PackRegistry) -> None:
    page: list[Text | Rule] = [
        Text(60, 95, "Manager"),
        Text(220, 95, "Tom Jones"),
        Text(220, 320, "facilitate their aspiration to"),
        Text(236, 334, "progress."),
        Text(220, 348, f"{BULLET} To provide pastoral care, emotional regulation and support as"),
        Text(236, 362, "required"),
    ]
    result = parse(pdf([page]), pack="portsmouth", document="agreement", packs=packs)
    assert not any("required" in u.text for u in result.unmapped)  # type: ignore[attr-defined]
