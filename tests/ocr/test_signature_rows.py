"""A signature block on a scan: a party's date read from the line of another party's row
(its own date lost by OCR, run into its label) is that other party's, when it has none;
else it is no value. Each party's own row is read, and so are two rows side by side on
one line."""

from __future__ import annotations

import datetime
from typing import Any

from supervision_forms.reading.ocr_fields import judged
from supervision_forms.reading.page import Page, Word
from supervision_forms.reading.result import ParseResult
from supervision_forms.registry import installed_packs

OCTOBER, NOVEMBER = datetime.date(2025, 10, 18), datetime.date(2025, 11, 3)


def _judged(lines: list[str], values: dict[str, tuple[Any, int]]) -> ParseResult:
    words = []
    for number, line in enumerate(lines):
        top = 300.0 + 16 * number
        for column, text in enumerate(line.split(" | ")):  # columns 180 points apart
            x = 72.0 + 180 * column
            for word in text.split():
                words.append(Word(word, x, top, x + 6 * len(word), top + 12, 12.0, 0.96))
                x += 6 * len(word) + 4
    pack = next(p for p in installed_packs() if p.name == "sefton")
    data: dict[str, Any] = {}
    for path, (value, _) in values.items():
        party, leaf = path.removeprefix("signatures.").split(".")
        data.setdefault("signatures", {}).setdefault(party, {})[leaf] = value
    model: Any = pack.model("agreement").model_validate(data)
    sources = {path: f"page 1, line {line}" for path, (_, line) in values.items()}
    read = ParseResult("sefton", "agreement", model, sources=sources)
    return judged(read, [Page(0, 595.0, 842.0, tuple(words))], {0}, pack.knowledge("agreement"))


LOST_DATE = [
    "Supervisee | Precious Pryce- | Dafia:-2025",
    " | Jones",
    "Supervisor | Thandiwe St John | Date: 18 October 2025",
]


def it_gives_a_date_read_from_the_next_partys_row_to_that_party() -> None:
    result = _judged(
        LOST_DATE,
        {
            "signatures.supervisee.name": ("Precious Pryce-Jones", 1),
            "signatures.supervisee.date": (OCTOBER, 3),
            "signatures.supervisor.name": ("Thandiwe St John", 3),
        },
    )
    assert result.data.signatures.supervisee.date is None
    assert result.data.signatures.supervisor.date == OCTOBER
    assert result.sources["signatures.supervisor.date"] == "page 1, line 3"
    assert "signatures.supervisee.date" not in result.sources
    assert result.data.signatures.supervisor.name == "Thandiwe St John"


def it_leaves_empty_a_date_read_from_the_next_partys_row_when_that_party_has_one() -> None:
    result = _judged(
        [*LOST_DATE[:2], "Supervisor | Thandiwe St John | Date: 18 October 2025 | 18 October 2025"],
        {
            "signatures.supervisee.name": ("Precious Pryce-Jones", 1),
            "signatures.supervisee.date": (OCTOBER, 3),
            "signatures.supervisor.name": ("Thandiwe St John", 3),
            "signatures.supervisor.date": (OCTOBER, 3),
        },
    )
    assert result.data.signatures.supervisee.date is None
    assert result.data.signatures.supervisor.date == OCTOBER
    assert any("another party's row" in w.message for w in result.warnings)


def it_reads_each_partys_row_and_two_rows_side_by_side() -> None:
    rows = [
        "Supervisee | Precious Pryce-Jones | Date: 3 November 2025",
        "Supervisor | Thandiwe St John | Date: 18 October 2025",
    ]
    side = ["Precious Pryce-Jones | 3 November 2025 | Thandiwe St John | 18 October 2025"]
    for lines, (supervisee, supervisor) in ((rows, (1, 2)), (side, (1, 1))):
        result = _judged(
            lines,
            {
                "signatures.supervisee.name": ("Precious Pryce-Jones", supervisee),
                "signatures.supervisee.date": (NOVEMBER, supervisee),
                "signatures.supervisor.name": ("Thandiwe St John", supervisor),
                "signatures.supervisor.date": (OCTOBER, supervisor),
            },
        )
        signatures = result.data.signatures
        assert (signatures.supervisee.date, signatures.supervisor.date) == (NOVEMBER, OCTOBER)
        assert (signatures.supervisee.name, signatures.supervisor.name) == (
            "Precious Pryce-Jones",
            "Thandiwe St John",
        )
