"""A list of dates read from a table only in part (a row the reader could not read, a
speck in it, say): a row just above or below the rows read reads as a date, in their
column, and no field took it. A list with a row missing is a wrong list: the whole list
is left empty, its text kept in unmapped. A list read whole is kept."""

from __future__ import annotations

import datetime
from typing import Any

from supervision_forms.reading.ocr_fields import judged
from supervision_forms.reading.page import Page, Word
from supervision_forms.reading.result import ParseResult
from supervision_forms.registry import installed_packs

SIZE = 12.0
ROWS = ["October 2025", "November 2025", "December 2025"]


def _page(rows: list[str]) -> Page:
    words = []
    for i, text in enumerate(["Dates of Supervision Meetings (next 12 months):", "Month Date", *rows]):
        x, top = 72.0, 300.0 + 15 * i
        for piece in text.split():
            words.append(Word(piece, x, top, x + 6 * len(piece), top + SIZE, SIZE, 0.97))
            x += 6 * len(piece) + 4
        if i >= 2:
            words.append(Word("2nd", 205.0, top, 223.0, top + SIZE, SIZE, 0.97))
    return Page(0, 595.0, 842.0, tuple(words))


def _judged(read: int, rows: list[str], skipped: int | None = None) -> ParseResult:
    """Sefton's agreement read from `_page(rows)`, its dates from the first `read` rows
    but the `skipped` one."""
    pack = next(p for p in installed_packs() if p.name == "sefton")
    at = [i for i in range(read) if i != skipped]
    days = [datetime.date(2025, 10 + i, 2) for i in at]
    data: Any = pack.model("agreement").model_validate({"meeting_dates": days})
    sources = {f"meeting_dates.{n}": f"page 1, line {3 + i}" for n, i in enumerate(at)}
    result = ParseResult("sefton", "agreement", data, sources=sources)
    return judged(result, [_page(rows)], {0}, pack.knowledge("agreement"))


def it_leaves_empty_a_list_of_dates_with_a_row_of_its_table_not_read() -> None:
    result = _judged(1, ROWS)
    assert result.data.meeting_dates == []
    assert any("reads as a date, but was not read into it" in w.message for w in result.warnings)
    assert "2025-10-02" in [item.text for item in result.unmapped]


def it_leaves_empty_a_list_of_dates_with_a_row_between_its_rows_not_read() -> None:
    result = _judged(3, ROWS, skipped=1)
    assert result.data.meeting_dates == []
    assert any("reads as a date, but was not read into it" in w.message for w in result.warnings)


def it_reads_a_list_of_dates_read_whole() -> None:
    assert len(_judged(3, ROWS).data.meeting_dates) == 3


def it_reads_a_list_of_dates_with_other_text_under_it() -> None:
    result = _judged(3, [*ROWS, "Reviewed quarterly by both of us"])
    assert len(result.data.meeting_dates) == 3
