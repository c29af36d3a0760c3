"""A table row that ends at the foot of a page and the next row, with its own label,
at the top of the next: the answer at the foot does not run on into the next row's, even
where its last line is full (no room left for the next line's first word)."""

from __future__ import annotations

from supervision_forms import PackRegistry, parse

from .pdfkit import Rule, Text, cell, pdf


def _pages() -> list[list[Text | Rule]]:
    first: list[Text | Rule] = [
        *cell(55, 700, 215, 760),
        *cell(215, 700, 540, 760),
        Text(60, 712, "How will we recognise when"),
        Text(60, 725, "the supervisory relationship"),
        Text(60, 738, "is not working effectively"),
        Text(220, 712, "One of us dreads the session or keeps postponing it."),
        Text(220, 725, "Agreed actions come back unchanged after three sessions."),  # (full: ends at x 518)
    ]
    second: list[Text | Rule] = [
        *cell(55, 40, 215, 100),
        *cell(215, 40, 540, 100),
        Text(60, 52, "What methods will be used"),
        Text(60, 65, "to resolve any difficulties in"),
        Text(60, 78, "working together"),
        Text(220, 52, "Bring in the principal social worker for an independent view."),
        Text(220, 65, "Name it early and agree one thing each to change."),
    ]
    return [first, second]


def it_ends_an_answer_at_the_foot_of_a_page_where_the_next_row_s_label_starts_the_next(
    packs: PackRegistry,
) -> None:
    result = parse(pdf(_pages()), pack="portsmouth", document="agreement", packs=packs)
    data = result.data
    assert data.not_working_signs == (  # type: ignore[attr-defined]
        "One of us dreads the session or keeps postponing it.\n"
        "Agreed actions come back unchanged after three sessions."
    )
    assert " ".join(data.difficulty_resolution.split()) == (  # type: ignore[attr-defined]
        "Bring in the principal social worker for an independent view. "
        "Name it early and agree one thing each to change."
    )
