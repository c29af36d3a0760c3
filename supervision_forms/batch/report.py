"""What a batch did, row by row: the report `generate` returns and the manifest records.

Nothing here holds a personal value except file names, which are made from the
supervisee's name by design; errors name the row, the column and the reason only, and
identities are hashes.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from ..errors import FieldError
from ..files import display_name

if TYPE_CHECKING:
    from .identity import Identity

Status = Literal["written", "updated", "unchanged", "failed"]
STATUSES: tuple[Status, ...] = ("written", "updated", "unchanged", "failed")


@dataclass(frozen=True, slots=True)
class RowResult:
    """One roster row's outcome.

    `written`: a new file; `updated`: this batch's earlier file for the row, replaced
    because the row (or the pack) changed; `unchanged`: already done, nothing written;
    `failed`: see `errors` (column and reason, never a free-text value)."""

    row: int
    status: Status
    file: str | None = None
    sha256: str | None = None
    pdf: str | None = None
    pdf_sha256: str | None = None
    fingerprint: str | None = None  # of the validated row, the pack and its template
    errors: tuple[FieldError, ...] = ()
    sheet: str | None = None  # the workbook sheet the row came from
    identity: Identity | None = None  # who the file is for (hashes), to find it again
    content: str | None = None  # hash of the row's data
    order: int = 0  # position in the roster, across sheets
    warnings: tuple[str, ...] = ()  # what rendering noticed (value-free), e.g. a printed value contradicted

    def as_json(self) -> dict[str, Any]:
        item: dict[str, Any] = {"row": self.row}
        if self.sheet is not None:
            item["sheet"] = self.sheet
        item["status"] = self.status
        for key in ("file", "sha256", "pdf", "pdf_sha256", "fingerprint", "content"):
            value = getattr(self, key)
            if value is not None:
                item[key] = value
        if self.identity is not None and self.file is not None:
            item["identity"] = self.identity.as_json()
        if self.warnings:
            item["warnings"] = list(self.warnings)
        if self.errors:
            item["errors"] = [{"field": e.field, "message": e.message} for e in self.errors]
        return item

    def describe(self) -> str:
        """'row 7, Review date: 31/02/2027 is not a real date': no free-text values."""
        where = f"row {self.row}" + (f" of sheet '{display_name(self.sheet)}'" if self.sheet else "")
        reasons = "; ".join(str(error) for error in self.errors[:3]) or self.status
        more = f" (and {len(self.errors) - 3} more)" if len(self.errors) > 3 else ""
        joiner = ", " if self.errors and self.errors[0].field else ": "
        return f"{where}{joiner}{reasons}{more}"


def failed(
    row: int, errors: list[FieldError] | tuple[FieldError, ...], sheet: str | None = None
) -> RowResult:
    """A row that produced nothing, and why."""
    return RowResult(row, "failed", errors=tuple(errors), sheet=sheet)


@dataclass(frozen=True)
class BatchReport:
    """Every row's outcome, in roster order, and where the outputs are; the files of
    earlier runs no row claims (`orphaned`, kept); rows the roster hides (`hidden_rows`,
    skipped); and what was guessed or left out (`warnings`)."""

    out: Path
    manifest: Path
    rows: tuple[RowResult, ...]
    zip: Path | None = None
    pdf_pack: Path | None = None
    orphaned: tuple[str, ...] = ()
    hidden_rows: int = 0
    warnings: tuple[str, ...] = ()
    errors_file: Path | None = None
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
        """'1000 rows: 998 written, 0 updated, 0 unchanged, 2 failed', and what was skipped
        or kept when there is any."""
        parts = ", ".join(f"{self.counts[status]} {status}" for status in STATUSES)
        extra = ""
        if self.hidden_rows:
            extra += f"; {self.hidden_rows} hidden or filtered-out row{_s(self.hidden_rows)} skipped"
        if self.orphaned:
            extra += f"; {len(self.orphaned)} orphaned file{_s(len(self.orphaned))} kept"
        return f"{len(self.rows)} rows: {parts}{extra}"

    def as_json(self) -> dict[str, Any]:
        return {
            "out": display_name(self.out),
            "manifest": display_name(self.manifest),
            "errors": display_name(self.errors_file) if self.errors_file else None,
            "zip": display_name(self.zip) if self.zip else None,
            "pdf_pack": display_name(self.pdf_pack) if self.pdf_pack else None,
            "summary": {
                "rows": len(self.rows),
                **self.counts,
                "orphaned": len(self.orphaned),
                "hidden_rows": self.hidden_rows,
            },
            "warnings": list(self.warnings),
            "orphaned": list(self.orphaned),
            "rows": [row.as_json() for row in self.rows],
        }


def _s(count: int) -> str:
    return "" if count == 1 else "s"
