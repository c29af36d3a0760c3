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
