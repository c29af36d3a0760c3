"""Workbooks written the way Excel stores them, part by part: formulas with their saved
results, error cells, hidden and filtered-out rows, hidden sheets, 1900 or 1904 dates.
(openpyxl cannot write a formula's result, so it cannot make these.)"""

from __future__ import annotations

import datetime
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from supervision_forms.batch.cells import column_letters

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
DATE_STYLE, DATETIME_STYLE, DURATION_STYLE = 1, 2, 3


@dataclass(frozen=True)
class Formula:
    """A formula cell; `result` is what Excel saved (None: never calculated)."""

    text: str
    result: Any = None


@dataclass(frozen=True)
class Error:
    code: str  # "#N/A"
    formula: str | None = "VLOOKUP(A2,Staff!A:B,2,FALSE)"


@dataclass(frozen=True)
class Duration:
    """A length of time formatted [h]:mm, stored as a fraction of a day."""

    minutes: int


@dataclass
class SheetSpec:
    name: str
    rows: list[list[Any]]
    hidden: set[int] = field(default_factory=set)  # 1-based row numbers
    state: str = "visible"
    filter: bool = False
    first_row: int = 1
    dimension: str | None = None  # e.g. "A1:Z1048576"
    padding: int = 0  # empty styled rows written after the data


def write_workbook(path: Path, sheets: list[SheetSpec], *, date1904: bool = False) -> Path:
    strings: list[str] = []
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        parts = [f"xl/worksheets/sheet{i + 1}.xml" for i in range(len(sheets))]
        for part, sheet in zip(parts, sheets, strict=True):
            archive.writestr(part, _sheet(sheet, strings, date1904))
        archive.writestr("[Content_Types].xml", _content_types(parts))
        archive.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" '
            f'Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        archive.writestr("xl/workbook.xml", _workbook(sheets, date1904))
        relations = "".join(
            f'<Relationship Id="rId{i + 1}" Type="{REL}/worksheet" Target="worksheets/sheet{i + 1}.xml"/>'
            for i in range(len(sheets))
        )
        relations += f'<Relationship Id="rS" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
        relations += f'<Relationship Id="rT" Type="{REL}/styles" Target="styles.xml"/>'
        archive.writestr(
            "xl/_rels/workbook.xml.rels", f'<Relationships xmlns="{PKG}">{relations}</Relationships>'
        )
        items = "".join(f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in strings)
        archive.writestr("xl/sharedStrings.xml", f'<sst xmlns="{MAIN}" count="{len(strings)}">{items}</sst>')
        archive.writestr("xl/styles.xml", STYLES)
    return path


STYLES = f"""<styleSheet xmlns="{MAIN}">
<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy\\ hh:mm"/></numFmts>
<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>
<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>
<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/>
<xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="46" applyNumberFormat="1"/></cellXfs>
</styleSheet>"""


def _workbook(sheets: list[SheetSpec], date1904: bool) -> str:
    entries = "".join(
        f'<sheet name={quoteattr(s.name)} sheetId="{i + 1}"'
        + (f' state="{s.state}"' if s.state != "visible" else "")
        + f' r:id="rId{i + 1}"/>'
        for i, s in enumerate(sheets)
    )
    pr = '<workbookPr date1904="1"/>' if date1904 else "<workbookPr/>"
    return f'<workbook xmlns="{MAIN}" xmlns:r="{REL}">{pr}<sheets>{entries}</sheets></workbook>'


def _content_types(parts: list[str]) -> str:
    sheet = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
    overrides = "".join(f'<Override PartName="/{p}" ContentType="{sheet}"/>' for p in parts)
    return (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        f"{overrides}</Types>"
    )


def _serial(value: datetime.date, date1904: bool) -> float:
    if not isinstance(value, datetime.datetime):
        value = datetime.datetime.combine(value, datetime.time())
    moment = value
    epoch = datetime.datetime(1904, 1, 1) if date1904 else datetime.datetime(1899, 12, 30)
    return (moment - epoch).total_seconds() / 86400


def _cell(ref: str, value: Any, strings: list[str], date1904: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, Formula):
        result = value.result
        if result is None:
            return f'<c r="{ref}"><f>{escape(value.text)}</f></c>'
        if isinstance(result, str):
            return f'<c r="{ref}" t="str"><f>{escape(value.text)}</f><v>{escape(result)}</v></c>'
        if isinstance(result, datetime.date):
            serial = _serial(result, date1904)
            return f'<c r="{ref}" s="{DATE_STYLE}"><f>{escape(value.text)}</f><v>{serial}</v></c>'
        return f'<c r="{ref}"><f>{escape(value.text)}</f><v>{result}</v></c>'
    if isinstance(value, Error):
        formula = f"<f>{escape(value.formula)}</f>" if value.formula else ""
        return f'<c r="{ref}" t="e">{formula}<v>{escape(value.code)}</v></c>'
    if isinstance(value, Duration):
        return f'<c r="{ref}" s="{DURATION_STYLE}"><v>{value.minutes / 1440}</v></c>'
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, datetime.datetime):
        return f'<c r="{ref}" s="{DATETIME_STYLE}"><v>{_serial(value, date1904)}</v></c>'
    if isinstance(value, datetime.date):
        return f'<c r="{ref}" s="{DATE_STYLE}"><v>{_serial(value, date1904)}</v></c>'
    if isinstance(value, (int, float)):
        return f'<c r="{ref}"><v>{value}</v></c>'
    strings.append(str(value))
    return f'<c r="{ref}" t="s"><v>{len(strings) - 1}</v></c>'


def _sheet(sheet: SheetSpec, strings: list[str], date1904: bool) -> str:
    rows = []
    last = sheet.first_row
    width = max((len(r) for r in sheet.rows), default=1)
    for offset, cells in enumerate(sheet.rows):
        number = sheet.first_row + offset
        last = number
        hidden = ' hidden="1"' if number in sheet.hidden else ""
        body = "".join(
            _cell(f"{column_letters(i)}{number}", value, strings, date1904) for i, value in enumerate(cells)
        )
        rows.append(f'<row r="{number}"{hidden}>{body}</row>')
    for extra in range(sheet.padding):
        number = last + 1 + extra
        rows.append(f'<row r="{number}"><c r="A{number}" s="1"/><c r="B{number}" s="1"/></row>')
    dimension = sheet.dimension or f"A1:{column_letters(width - 1)}{last + sheet.padding}"
    auto = f'<autoFilter ref="A{sheet.first_row}:{column_letters(width - 1)}{last}"/>' if sheet.filter else ""
    return (
        f'<worksheet xmlns="{MAIN}" xmlns:r="{REL}"><dimension ref="{dimension}"/>'
        f"<sheetData>{''.join(rows)}</sheetData>{auto}</worksheet>"
    )
