"""Rosters read as Excel shows them: saved formula results, hidden and filtered-out rows,
the right sheet, error cells, the encodings and separators spreadsheets export."""

from __future__ import annotations

import codecs
import csv
import datetime
import io
import json
from pathlib import Path

import pytest

from supervision_forms.batch import Roster, RosterRow, generate
from supervision_forms.batch.cells import ERROR_MARK, EXCEL_ERRORS, CellError, as_error
from supervision_forms.errors import RosterError
from supervision_forms.models import Agreement
from tests.batch.xlsx_kit import Duration, Error, Formula, SheetSpec, write_workbook

HEADERS = ["Supervisee name", "Supervisor", "Start date", "Review date"]
START = datetime.date(2026, 11, 16)


def person(name: object, review: object = "16/11/2027") -> list[object]:
    return [name, "Priya Nair", START, review]


def read(path: Path, **options: object) -> tuple[list[RosterRow], Roster]:
    with Roster(path, Agreement, **options) as roster:  # type: ignore[arg-type]
        return list(roster), roster


def names(rows: list[RosterRow]) -> list[object]:
    return [row.values.get("supervisee", {}).get("name") for row in rows]


def it_reads_a_formulas_saved_result_never_the_formula(tmp_path: Path) -> None:
    path = write_workbook(
        tmp_path / "team.xlsx",
        [SheetSpec("Team", [HEADERS, person(Formula('PROPER("renee cote")', "Renee Cote"))])],
    )
    rows, _ = read(path)
    assert names(rows) == ["Renee Cote"]
    report = generate(rows, pack="surrey", out=tmp_path / "out")
    assert [r.file for r in report.rows] == ["Renee-Cote-2026-11-16.docx"]


def it_names_the_cell_of_a_formula_saved_without_its_result(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "team.xlsx", [SheetSpec("Team", [HEADERS, person(Formula("A1"))])])
    [row], _ = read(path)
    assert [str(p) for p in row.problems] == [
        "Supervisee name: cell A2 holds a formula with no saved result; "
        "open the workbook in Excel and save it"
    ]


def it_skips_and_counts_hidden_and_filtered_out_rows(tmp_path: Path) -> None:
    rows = [HEADERS, person("Ann"), person("Hidden Hugh"), person("Filtered Fay"), person("Tom")]
    path = write_workbook(tmp_path / "team.xlsx", [SheetSpec("Team", rows, hidden={3, 4}, filter=True)])
    found, roster = read(path)
    assert names(found) == ["Ann", "Tom"] and roster.hidden_rows == 2
    with Roster(path, Agreement) as again:
        report = generate(again, pack="surrey", out=tmp_path / "out")
    assert report.summary() == (
        "2 rows: 2 written, 0 updated, 0 unchanged, 0 failed; 2 hidden or filtered-out rows skipped"
    )


def it_reads_the_first_visible_sheet_that_holds_rows(tmp_path: Path) -> None:
    path = write_workbook(
        tmp_path / "team.xlsx",
        [
            SheetSpec("Lookup", [["Code", "Name"], ["x", "Lookup Lou"]], state="hidden"),
            SheetSpec("Cover", []),
            SheetSpec("Team A", [HEADERS, person("Ann")]),
        ],
    )
    rows, roster = read(path)
    assert names(rows) == ["Ann"] and roster.sheets == ["Team A"] and roster.warnings == []


def it_warns_of_a_hidden_sheet_that_holds_a_roster_and_reads_it_when_named(tmp_path: Path) -> None:
    path = write_workbook(
        tmp_path / "team.xlsx",
        [
            SheetSpec("Team A", [HEADERS, person("Ann")]),
            SheetSpec("Leavers", [HEADERS, person("Lee")], state="hidden"),
        ],
    )
    rows, roster = read(path)
    assert names(rows) == ["Ann"]
    assert roster.warnings == [
        "team.xlsx: sheet 'Leavers' is hidden and was not read, though it holds rows under "
        "roster headers (use --sheet NAME to read it)"
    ]
    rows, roster = read(path, sheet="Leavers")
    assert names(rows) == ["Lee"] and roster.warnings == []


def it_warns_when_other_sheets_hold_rows_and_reads_them_all_when_asked(tmp_path: Path) -> None:
    path = write_workbook(
        tmp_path / "team.xlsx",
        [SheetSpec("Team A", [HEADERS, person("Ann")]), SheetSpec("Team B", [HEADERS, person("Bob")])],
    )
    rows, roster = read(path)
    assert names(rows) == ["Ann"]
    assert roster.warnings == [
        "team.xlsx: only sheet 'Team A' was read; 'Team B' also holds rows "
        "(use --all-sheets, or --sheet NAME)"
    ]
    rows, _ = read(path, sheet="team b")
    assert names(rows) == ["Bob"]
    with Roster(path, Agreement, all_sheets=True) as both:
        report = generate(both, pack="surrey", out=tmp_path / "out")
    listed = json.loads((tmp_path / "out" / "manifest.json").read_text())["rows"]
    assert [(row["sheet"], row["row"]) for row in listed] == [("Team A", 2), ("Team B", 2)]
    assert report.ok and len({r.file for r in report.rows}) == 2


def it_names_the_sheets_when_the_one_asked_for_is_not_there(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "team.xlsx", [SheetSpec("Team A", [HEADERS, person("Ann")])])
    with pytest.raises(RosterError, match="no sheet named 'Team C'; its sheets are 'Team A'"):
        Roster(path, Agreement, sheet="Team C")


def it_says_the_roster_is_empty_only_when_every_sheet_is(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "team.xlsx", [SheetSpec("A", []), SheetSpec("B", [[None, ""]])])
    with pytest.raises(RosterError, match=r"team\.xlsx: the roster is empty"):
        Roster(path, Agreement)


@pytest.mark.parametrize("code", ["#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?"])
def it_gives_a_row_error_naming_the_cell_of_an_excel_error(tmp_path: Path, code: str) -> None:
    path = write_workbook(
        tmp_path / "team.xlsx", [SheetSpec("Team", [HEADERS, person("Ann"), person(Error(code))])]
    )
    first, second = read(path)[0]
    assert not first.problems
    assert [str(p) for p in second.problems] == [f"Supervisee name: cell A3 shows the Excel error {code}"]


def it_treats_an_excel_error_in_a_csv_export_the_same(tmp_path: Path) -> None:
    path = tmp_path / "team.csv"
    path.write_text("Supervisee name,Review date\n#N/A,16/11/2027\nAnn,#REF!\n", encoding="utf-8")
    first, second = read(path)[0]
    assert [str(p) for p in first.problems] == ["Supervisee name: cell A2 shows the Excel error #N/A"]
    assert [str(p) for p in second.problems] == ["Review date: cell B3 shows the Excel error #REF!"]


def it_checks_a_cell_for_an_excel_error_only_when_it_holds_the_mark_all_of_them_hold() -> None:
    assert all(ERROR_MARK in code for code in EXCEL_ERRORS)  # else the quick look misses one
    assert as_error(" #n/a ") == CellError("#N/A")
    assert as_error("Ann #1") == "Ann #1"


def it_reads_real_excel_dates_times_and_lengths_in_either_calendar(tmp_path: Path) -> None:
    for date1904 in (False, True):
        path = write_workbook(
            tmp_path / f"team{date1904}.xlsx",
            [
                SheetSpec(
                    "Team",
                    [
                        ["Staff member", "Date of agreement", "Review date", "Duration"],
                        [
                            "Ann",
                            datetime.datetime(2026, 11, 16, 9, 30),
                            datetime.date(2027, 5, 1),
                            Duration(90),
                        ],
                    ],
                )
            ],
            date1904=date1904,
        )
        [row] = read(path)[0]
        assert row.values == {
            "supervisee": {"name": "Ann"},
            "agreement_date": START,
            "review_date": datetime.date(2027, 5, 1),
            "duration_minutes": 90,
        }


def it_says_when_the_first_row_looks_like_data(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "team.xlsx", [SheetSpec("Team", [person("Ann"), person("Bob")])])
    with pytest.raises(RosterError, match=r"team\.xlsx: the first row looks like data, not column headers"):
        Roster(path, Agreement)
    csv = tmp_path / "team.csv"
    csv.write_text("Ann Smith,Priya Nair,16/11/2026\nBob Jones,Priya Nair,17/11/2026\n")
    with pytest.raises(RosterError, match="the first row looks like data"):
        Roster(csv, Agreement)


def it_reads_past_a_title_above_the_header(tmp_path: Path) -> None:
    path = write_workbook(
        tmp_path / "team.xlsx",
        [SheetSpec("Team", [["Supervision roster – Team A"], [], HEADERS, person("Ann")])],
    )
    [row] = read(path)[0]
    assert row.number == 4 and names([row]) == ["Ann"]


def it_says_a_password_protected_workbook_is_one(tmp_path: Path) -> None:
    from tests.hostile.corpus import encrypted_docx  # any Office package: Excel encrypts the same way

    plain = write_workbook(tmp_path / "plain.xlsx", [SheetSpec("Team", [HEADERS, person("Ann")])])
    protected = tmp_path / "team.xlsx"
    protected.write_bytes(encrypted_docx(plain.read_bytes()))
    with pytest.raises(RosterError, match="the workbook is password-protected; save a copy without"):
        Roster(protected, Agreement)


def it_says_an_old_excel_file_is_one(tmp_path: Path) -> None:
    path = tmp_path / "team.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2000)  # an OLE file: Excel 97-2003
    with pytest.raises(RosterError, match=r"an Excel 97-2003 workbook \(\.xls\)"):
        Roster(path, Agreement)


NAME = "Renée Côté"


@pytest.mark.parametrize(
    ("encoding", "prefix", "separator", "warned"),
    [
        ("utf-8", b"", ",", None),
        ("utf-8", codecs.BOM_UTF8, ",", None),
        ("utf-16-le", codecs.BOM_UTF16_LE, "\t", None),  # Excel's "Unicode Text"
        ("utf-16-be", codecs.BOM_UTF16_BE, "\t", None),
        ("utf-16-le", b"", "\t", "read as UTF-16"),
        ("cp1252", b"", ",", "read as Windows-1252"),
        ("mac_roman", b"", ",", "read as Mac Roman"),
        ("cp1252", b"", ";", "read as Windows-1252"),  # a continental Excel's CSV
    ],
)
def it_detects_the_encoding_and_separator(
    tmp_path: Path, encoding: str, prefix: bytes, separator: str, warned: str | None
) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=separator)
    writer.writerows(
        [["Supervisee name", "Frequency"], [NAME, "Every 4 weeks, or as needed"], ["Zoë Brontë", "Monthly"]]
    )
    text = buffer.getvalue()
    path = tmp_path / "team.csv"
    path.write_bytes(prefix + text.encode(encoding))
    rows, roster = read(path)
    assert names(rows) == [NAME, "Zoë Brontë"]
    assert rows[0].values["frequency"] == {"description": "Every 4 weeks, or as needed"}
    if warned is None:
        assert roster.warnings == []
    else:
        [warning] = roster.warnings
        assert warning.startswith("team.csv ") and warned in warning and "Renée" not in warning


def it_reads_unicode_text_saved_as_txt_and_excels_sep_line(tmp_path: Path) -> None:
    unicode_text = tmp_path / "team.txt"
    unicode_text.write_bytes(codecs.BOM_UTF16_LE + "Staff member\tTeam\r\nAnn\tNorth\r\n".encode("utf-16-le"))
    assert read(unicode_text)[0][0].values == {"supervisee": {"name": "Ann", "team": "North"}}
    sep = tmp_path / "team.csv"
    sep.write_text("sep=;\nStaff member;Team\nAnn;North, East\n")
    [row] = read(sep)[0]
    assert row.number == 2 and row.values == {"supervisee": {"name": "Ann", "team": "North, East"}}
