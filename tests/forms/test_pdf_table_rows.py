"""PDF tables drawn with borders: a cell's text set lower in its row than the cell beside
it (its own line of the page) is the same row, not a row of its own."""

from __future__ import annotations

import datetime

from supervision_forms import PackRegistry, parse

from .pdfkit import Rule, Text, cell, pdf


def it_reads_a_row_whose_month_is_set_lower_than_its_date(packs: PackRegistry) -> None:
    rows = [
        ("Sep", "27-09-2025", 0),
        ("Oct", "27/10/25", 0),
        ("Nov", "27th Nov. 2025", 14),
        ("Dec", "27-12-2025", 0),
    ]
    page: list[Text | Rule] = [
        Text(60, 100, "Name Supervisee: Jane Smith"),
        Text(60, 120, "Name Supervisor/Manager: Tom Jones"),
        Text(60, 300, "Dates of Supervision Meetings (next 12 months):"),
        Text(60, 324, "Month"),
        Text(205, 324, "Date"),
        *cell(55, 310, 200, 330),
        *cell(200, 310, 400, 330),
    ]
    for number, (month, date, lower) in enumerate(rows):
        top = 330 + 32 * number
        page += [Text(60, top + 14 + lower, month), Text(205, top + 14, date)]
        page += [*cell(55, top, 200, top + 32), *cell(200, top, 400, top + 32)]
    result = parse(pdf([page]), pack="sefton", document="agreement", packs=packs)
    assert result.data.meeting_dates == [  # type: ignore[attr-defined]
        datetime.date(2025, 9, 27),
        datetime.date(2025, 10, 27),
        datetime.date(2025, 11, 27),
        datetime.date(2025, 12, 27),
    ]


def it_tells_rows_apart_by_a_border_drawn_where_tightly_set_lines_overlap(packs: PackRegistry) -> None:
    # the border under a row runs inside the overlap of its last line's box and the next
    # line's; the next row's label starts on that next line, its answer a line lower
    pitch = 11.6
    page: list[Text | Rule] = [
        Text(60, 100, "Supervisor: Tom Jones"),
        Text(60, 120, "Supervisee: Jane Smith"),
        Rule(55, 180, 540, 180),
        Text(60, 200, "What methods will be used to"),
        Text(60, 200 + pitch, "resolve any difficulties in"),
        Text(60, 200 + 2 * pitch, "working together"),
        Text(230, 200, "Name it early, in the session, and agree one thing each"),
        Text(230, 200 + pitch, "to change. Swap to a different supervisor for a period"),
        Text(230, 200 + 2 * pitch, "if both of us agree that it would help with the work."),
        Rule(
            55, 200 + 3 * pitch - 9.75, 540, 200 + 3 * pitch - 9.75
        ),  # (the next line's box starts at -10.4)
        Text(60, 200 + 3 * pitch, "Any other relevant issues for"),
        Text(60, 200 + 4 * pitch, "this agreement"),
        Text(230, 200 + 4 * pitch, "Reasonable adjustments agreed through occupational"),
        Text(230, 200 + 5 * pitch, "health are in place."),
        Rule(55, 200 + 6 * pitch - 9.75, 540, 200 + 6 * pitch - 9.75),
    ]
    data = parse(pdf([page]), pack="portsmouth", packs=packs).data
    assert " ".join(data.difficulty_resolution.split()) == (  # type: ignore[attr-defined]
        "Name it early, in the session, and agree one thing each to change. Swap to a different "
        "supervisor for a period if both of us agree that it would help with the work."
    )
    assert data.other_issues == "Reasonable adjustments agreed through occupational health are in place."  # type: ignore[attr-defined]
