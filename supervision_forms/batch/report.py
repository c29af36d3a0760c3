"""What a batch did, row by row: the report `generate` returns and the manifest records.

Nothing here holds a personal value except file names, which are made from the
supervisee's name by design; errors name the row, the field and the reason only.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ..errors import FieldError

Status = Literal["written", "updated", "unchanged", "failed"]
STATUSES: tuple[Status, ...] = ("written", "updated", "unchanged", "failed")


@dataclass(frozen=True, slots=True)
class RowResult:
    """One roster row's outcome.

    `written`: a new file; `updated`: this batch's earlier file for the row, replaced
    because the row (or the pack) changed; `unchanged`: already done, nothing written;
    `failed`: see `errors` (field path and reason, never the value)."""

    row: int
    status: Status
    file: str | None = None
    sha256: str | None = None
    pdf: str | None = None
    pdf_sha256: str | None = None
    fingerprint: str | None = None  # of the validated row, the pack and its template
    errors: tuple[FieldError, ...] = ()

    def as_json(self) -> dict[str, Any]:
        item: dict[str, Any] = {"row": self.row, "status": self.status}
        for key in ("file", "sha256", "pdf", "pdf_sha256", "fingerprint"):
            value = getattr(self, key)
            if value is not None:
                item[key] = value
        if self.errors:
            item["errors"] = [{"field": e.field, "message": e.message} for e in self.errors]
        return item

    def describe(self) -> str:
        """'row 7: review_date: expected an ISO date (YYYY-MM-DD)': no values."""
        reasons = "; ".join(str(error) for error in self.errors[:3]) or self.status
        more = f" (and {len(self.errors) - 3} more)" if len(self.errors) > 3 else ""
        return f"row {self.row}: {reasons}{more}"


def failed(row: int, errors: list[FieldError] | tuple[FieldError, ...]) -> RowResult:
    """A row that produced nothing, and why."""
    return RowResult(row, "failed", errors=tuple(errors))


@dataclass(frozen=True)
class BatchReport:
    """Every row's outcome, in roster order, and where the outputs are."""

    out: Path
    manifest: Path
    rows: tuple[RowResult, ...]
    zip: Path | None = None
    pdf_pack: Path | None = None
    counts: dict[Status, int] = field(init=False)

    def __post_init__(self) -> None:
        tally = Counter(row.status for row in self.rows)
        object.__setattr__(self, "counts", {status: tally.get(status, 0) for status in STATUSES})

    @property
    def ok(self) -> bool:
        """True when no row failed."""
        return self.counts["failed"] == 0

    @property
    def failures(self) -> list[RowResult]:
        return [row for row in self.rows if row.status == "failed"]

    def summary(self) -> str:
        """'1000 rows: 998 written, 0 updated, 0 unchanged, 2 failed'."""
        parts = ", ".join(f"{self.counts[status]} {status}" for status in STATUSES)
        return f"{len(self.rows)} rows: {parts}"

    def as_json(self) -> dict[str, Any]:
        return {
            "out": str(self.out),
            "manifest": str(self.manifest),
            "zip": str(self.zip) if self.zip else None,
            "pdf_pack": str(self.pdf_pack) if self.pdf_pack else None,
            "summary": {"rows": len(self.rows), **self.counts},
            "rows": [row.as_json() for row in self.rows],
        }
