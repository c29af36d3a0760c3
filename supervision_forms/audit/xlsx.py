"""The audit as a workbook for managers: one row per supervisee, coloured by where they stand
(overdue red, due soon amber, supervised within timescale green), then every finding.

Text from the documents is always written as text, never as a formula.
"""

from __future__ import annotations

import datetime
import io
from typing import Any

from openpyxl import Workbook
from openpyxl.formatting.rule import FormulaRule, Rule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from .report import AuditReport, WorkerReport

RED, AMBER, GREEN, GREY = "F8D7DA", "FFF3CD", "D1E7DD", "ECEFF1"
WORKER_COLUMNS: tuple[tuple[str, int], ...] = (
    ("Supervisee", 24),
    ("Employee ID", 12),
    ("Team", 24),
    ("Supervisor", 20),
    ("Rules", 12),
    ("Career stage", 12),
    ("Last session", 13),
    ("Next due", 13),
    ("Days overdue", 12),
    ("Due soon", 10),
    ("Within timescale this quarter", 16),
    ("Sessions on time", 10),
    ("Sessions late", 10),
    ("Errors", 8),
    ("Warnings", 9),
    ("Identity questions", 10),
)
FINDING_COLUMNS: tuple[tuple[str, int], ...] = (
    ("Supervisee", 24),
    ("Level", 9),
    ("Finding", 70),
    ("Field", 22),
    ("Document", 34),
    ("Source", 26),
    ("Rule", 36),
)
_HEAD = Font(bold=True)


def render_xlsx(report: AuditReport) -> bytes:
    """The workbook as bytes: sheets 'Supervisees', 'Findings' and 'Summary'."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Supervisees"
    _header(sheet, WORKER_COLUMNS)
    for worker in report.workers:
        sheet.append([_cell(value) for value in _worker_row(worker)])
    _colour_workers(sheet, len(report.workers))
    findings = book.create_sheet("Findings")
    _header(findings, FINDING_COLUMNS)
    for worker in report.workers:
        for finding in worker.findings:
            findings.append(
                [_cell(v) for v in (worker.supervisee, finding.level, finding.message, finding.field,
                                     finding.document, finding.source, finding.rule)]
            )  # fmt: skip
    for note in report.team:
        finding = note.finding
        findings.append(
            [_cell(v) for v in (f"(team) {note.subject or ''}".strip(), finding.level, finding.message,
                                 finding.field, finding.document, finding.source, finding.rule)]
        )  # fmt: skip
    _colour_levels(findings, findings.max_row)
    _summary(book.create_sheet("Summary"), report)
    moment = datetime.datetime.combine(report.as_of, datetime.time(0, 0))
    book.properties.created = book.properties.modified = moment
    book.properties.title = f"Supervision audit {report.as_of.isoformat()}"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _worker_row(worker: WorkerReport) -> list[Any]:
    return [
        worker.supervisee,
        worker.employee_id,
        worker.team,
        worker.supervisor,
        worker.pack,
        worker.career_stage,
        worker.last_session,
        worker.next_due,
        worker.overdue_now or 0,
        "yes" if worker.due_soon else "no",
        {True: "yes", False: "no", None: "—"}[worker.within_timescale],
        worker.on_time,
        worker.late,
        worker.errors,
        worker.warnings,
        len(worker.identity_questions),
    ]


def _cell(value: Any) -> Any:
    """Dates stay dates and numbers numbers; text never starts a formula."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _header(sheet: Worksheet, columns: tuple[tuple[str, int], ...]) -> None:
    sheet.append([name for name, _ in columns])
    for index, (_, width) in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
        cell = sheet.cell(row=1, column=index)
        cell.font = _HEAD
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        cell.fill = PatternFill("solid", fgColor=GREY)
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}1"
    sheet.page_setup.orientation = "landscape"  # printed: one page wide
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.row_dimensions[1].height = 30


def _rule(formula: str, *, fill: PatternFill | None = None, font: Font | None = None) -> Rule:
    """A conditional format: when `formula` holds for a row, its fill or font."""
    rule: Rule = FormulaRule(  # type: ignore[no-untyped-call]
        formula=[formula], fill=fill, font=font, stopIfTrue=fill is not None
    )
    return rule


def _fill(colour: str) -> PatternFill:
    return PatternFill("solid", fgColor=colour, bgColor=colour)


def _colour_workers(sheet: Worksheet, rows: int) -> None:
    """Whole rows: red when overdue now, amber when due soon, green when within timescale."""
    for column in ("G", "H"):
        for cell in sheet[column][1:]:
            cell.number_format = "dd mmm yyyy"
    if rows == 0:
        return
    span = f"A2:{get_column_letter(len(WORKER_COLUMNS))}{rows + 1}"
    sheet.conditional_formatting.add(span, _rule("$I2>0", fill=_fill(RED)))
    sheet.conditional_formatting.add(span, _rule('$J2="yes"', fill=_fill(AMBER)))
    sheet.conditional_formatting.add(span, _rule('$K2="yes"', fill=_fill(GREEN)))
    errors = f"N2:N{rows + 1}"
    sheet.conditional_formatting.add(errors, _rule("$N2>0", font=Font(bold=True, color="B3261E")))


def _colour_levels(sheet: Worksheet, rows: int) -> None:
    if rows < 2:
        return
    span = f"A2:{get_column_letter(len(FINDING_COLUMNS))}{rows}"
    sheet.conditional_formatting.add(span, _rule('$B2="error"', fill=_fill(RED)))
    sheet.conditional_formatting.add(span, _rule('$B2="warning"', fill=_fill(AMBER)))
    for cell in sheet["C"][1:]:
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def _summary(sheet: Worksheet, report: AuditReport) -> None:
    numbers = report.summary()
    quarter = report.quarter
    rows: list[tuple[str, Any]] = [
        ("As of", report.as_of),
        ("Quarter", f"{quarter[0].isoformat()} to {quarter[1].isoformat()}" if quarter else "—"),
        ("Supervisees", numbers["supervisees"]),
        ("Supervised within timescale this quarter", numbers["within_timescale"]),
        ("… as a percentage", numbers["within_timescale_percent"]),
        ("Due in the next two weeks", numbers["due_soon"]),
        ("Overdue now", numbers["overdue_now"]),
        ("Identity questions", numbers["identity_questions"]),
        ("Files read", report.files_read),
        ("Files not used", len(report.unreadable)),
    ]
    for label, value in rows:
        sheet.append([label, _cell(value)])
    sheet.column_dimensions["A"].width = 42
    sheet.column_dimensions["B"].width = 26
    sheet["B1"].number_format = "dd mmm yyyy"
    for problem in report.unreadable:
        sheet.append([_cell(f"Not used: {problem.file}"), _cell(problem.problem)])
