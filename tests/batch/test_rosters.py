"""Reading rosters: .csv, .xlsx, .json, .jsonl; headers are model paths; rows stream."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import pytest

from supervision_forms.batch import Roster, RosterRow
from supervision_forms.errors import RosterError
from supervision_forms.models import Agreement
from tests.batch.conftest import write_jsonl, write_xlsx


def read(path: Path) -> list[RosterRow]:
    with Roster(path, Agreement) as roster:
        return list(roster)


def csv_file(tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "team.csv"
    path.write_bytes(text.encode(encoding))
    return path


def it_reads_csv_headers_as_model_paths(tmp_path: Path) -> None:
    path = csv_file(
        tmp_path, "supervisee.name,frequency.description,duration_minutes\nTom Wheeler,Every 4 weeks,90\n"
    )
    [row] = read(path)
    assert row.number == 2
    assert row.values == {
        "supervisee": {"name": "Tom Wheeler"},
        "frequency": {"description": "Every 4 weeks"},
        "duration_minutes": 90,
    }


def it_splits_list_columns_on_semicolons_and_reads_british_dates(tmp_path: Path) -> None:
    path = csv_file(tmp_path, "meeting_dates,review_date\n2026-01-05; 02/02/2026 ;,16/11/2026\n")
    [row] = read(path)
    assert row.values["meeting_dates"] == [datetime.date(2026, 1, 5), datetime.date(2026, 2, 2)]
    assert row.values["review_date"] == datetime.date(2026, 11, 16)


def it_reads_one_list_item_per_column(tmp_path: Path) -> None:
    path = csv_file(tmp_path, "meeting_dates.1,meeting_dates.0\n2026-02-02,2026-01-05\n")
    [row] = read(path)
    assert Agreement.model_validate(row.values).meeting_dates == [
        datetime.date(2026, 1, 5),
        datetime.date(2026, 2, 2),
    ]


def it_matches_choices_and_headers_whatever_their_case(tmp_path: Path) -> None:
    path = csv_file(tmp_path, " Supervisee.Career_Stage \nNQSW\n")
    assert read(path)[0].values == {"supervisee": {"career_stage": "nqsw"}}


def it_treats_formulas_as_text(tmp_path: Path) -> None:
    path = csv_file(tmp_path, 'supervisee.name,location\n"=HYPERLINK(""http://x"",""y"")",=1+1\n')
    [row] = read(path)
    assert row.values == {"supervisee": {"name": '=HYPERLINK("http://x","y")'}, "location": "=1+1"}


def it_skips_blank_rows_and_hint_rows_but_counts_them(tmp_path: Path) -> None:
    path = csv_file(tmp_path, "supervisee.name,location\n# hint,where\n,\n\nAnn,Room 1\n")
    assert [(row.number, row.values) for row in read(path)] == [
        (5, {"supervisee": {"name": "Ann"}, "location": "Room 1"})
    ]


def it_counts_a_cell_with_line_breaks_as_one_row(tmp_path: Path) -> None:
    path = csv_file(tmp_path, 'supervisee.name,other_issues\nAnn,"line one\nline two"\nTom,\n')
    assert [row.number for row in read(path)] == [2, 3]
    with Roster(path, Agreement) as roster:
        assert roster.size_hint == 2


def it_reads_excel_csv_in_windows_1252(tmp_path: Path) -> None:
    path = csv_file(tmp_path, "supervisee.name\nZoë Brontë – lead\n", encoding="cp1252")
    assert read(path)[0].values == {"supervisee": {"name": "Zoë Brontë – lead"}}


def it_reads_utf8_with_excels_byte_order_mark(tmp_path: Path) -> None:
    path = csv_file(tmp_path, "\ufeffsupervisee.name\nSiân\n")
    assert read(path)[0].values == {"supervisee": {"name": "Siân"}}


def it_ignores_values_under_no_header_with_one_warning(tmp_path: Path) -> None:
    path = csv_file(tmp_path, "supervisee.name,,location\nAnn,secret,Room 1\nTom,more,\n")
    with Roster(path, Agreement) as roster:
        first, second = list(roster)
        assert roster.warnings == [
            "team.csv: ignored column B, which has values but no header or one we do not know "
            "(first at row 2)"
        ]
    assert first.values == {"supervisee": {"name": "Ann"}, "location": "Room 1"} and not first.problems
    assert second.values == {"supervisee": {"name": "Tom"}}


def it_reports_a_value_under_no_header_as_a_row_problem_with_strict_columns(tmp_path: Path) -> None:
    path = csv_file(tmp_path, "supervisee.name,,location\nAnn,secret,Room 1\nTom,,\n")
    with Roster(path, Agreement, strict_columns=True) as roster:
        first, second = list(roster)
    assert first.problems[0].message == "has a value in column B, which has no header"
    assert "secret" not in str(first.problems)
    assert second.values == {"supervisee": {"name": "Tom"}}


@pytest.mark.parametrize(
    ("header", "message"),
    [
        (
            "supervise.name",
            "column B 'supervise.name' is not a field of the model (did you mean 'supervisee.name'?)",
        ),
        ("meeting_dates.x", "column B 'meeting_dates.x' is not a field of the model"),
        ("__class__", "column B '__class__' is not a field of the model"),
    ],
)
def it_refuses_a_header_written_as_a_model_path_that_is_not_one(
    tmp_path: Path, header: str, message: str
) -> None:
    path = csv_file(tmp_path, f"location,{header}\nx,y\n")
    with pytest.raises(RosterError) as raised:
        Roster(path, Agreement)
    assert str(raised.value).startswith("team.csv: ") and message in str(raised.value)


def it_refuses_two_columns_for_the_same_field(tmp_path: Path) -> None:
    with pytest.raises(RosterError, match=r"columns A 'meeting_dates' and B 'meeting_dates\.0' both give"):
        Roster(csv_file(tmp_path, "meeting_dates,meeting_dates.0\n"), Agreement)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("team.doc", r"must be \.csv, \.xlsx, \.json or \.jsonl"),
        ("team.xls", r"an Excel 97-2003 workbook \(\.xls\); save it as \.xlsx or CSV"),
    ],
)
def it_refuses_other_formats(tmp_path: Path, name: str, message: str) -> None:
    (tmp_path / name).write_text("supervisee.name\n")
    with pytest.raises(RosterError, match=message):
        Roster(tmp_path / name, Agreement)


def it_refuses_an_empty_csv_and_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(RosterError, match="empty"):
        Roster(csv_file(tmp_path, ""), Agreement)
    with pytest.raises(RosterError, match="no such file"):
        Roster(tmp_path / "missing.csv", Agreement)


def it_reads_xlsx_dates_and_numbers_as_excel_shows_them(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "team.xlsx",
        ["supervisee.name", "agreement_date", "duration_minutes", "meeting_dates", "location"],
        [
            ["Tom", datetime.datetime(2026, 11, 16), 90.0, "2026-01-05;2026-02-02", "=A1&B1"],
            [None, None, None, None, None],
            [12345, "16/11/2026", "ninety", datetime.datetime(2026, 3, 1), None],
        ],
    )
    first, second = read(path)
    assert first.number == 2 and second.number == 4
    assert first.values == {
        "supervisee": {"name": "Tom"},
        "agreement_date": datetime.date(2026, 11, 16),
        "duration_minutes": 90,
        "meeting_dates": [datetime.date(2026, 1, 5), datetime.date(2026, 2, 2)],
    }
    # openpyxl saves a formula without its result, as no spreadsheet program would
    assert [str(p) for p in first.problems] == [
        "location: cell E2 holds a formula with no saved result; open the workbook in Excel and save it"
    ]
    assert second.values == {
        "supervisee": {"name": "12345"},
        "agreement_date": datetime.date(2026, 11, 16),
        "duration_minutes": 90,
        "meeting_dates": [datetime.date(2026, 3, 1)],
    }


def it_refuses_a_file_that_only_claims_to_be_xlsx(tmp_path: Path) -> None:
    (tmp_path / "team.xlsx").write_bytes(b"supervisee.name\nTom\n")
    with pytest.raises(RosterError, match=r"not an Excel \.xlsx workbook"):
        Roster(tmp_path / "team.xlsx", Agreement)


def it_reads_jsonl_line_by_line_and_reports_broken_lines(tmp_path: Path) -> None:
    path = tmp_path / "team.jsonl"
    path.write_text('{"supervisee": {"name": "Ann"}}\n\n{"supervisee": \n[1]\n', encoding="utf-8")
    rows = read(path)
    assert [(r.number, r.values, [p.message for p in r.problems]) for r in rows] == [
        (1, {"supervisee": {"name": "Ann"}}, []),
        (3, {}, ["is not valid JSON (at character 17)"]),
        (4, {}, ["is not a JSON object"]),
    ]


def it_streams_a_json_array_across_chunk_boundaries(tmp_path: Path) -> None:
    items: list[Any] = [
        {"supervisee": {"name": f"Person {i}"}, "other_issues": "x" * 5000} for i in range(40)
    ]
    path = tmp_path / "team.json"
    path.write_text(json.dumps(items, indent=2), encoding="utf-8")
    rows = read(path)
    assert [r.number for r in rows] == list(range(1, 41))
    assert [r.values for r in rows] == items


def it_stops_at_broken_json_in_an_array_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "team.json"
    path.write_text('[{"supervisee": {"name": "Ann"}}, {"supervisee": oops}, {}]', encoding="utf-8")
    first, second = read(path)
    assert first.values == {"supervisee": {"name": "Ann"}}
    assert second.number == 2 and "rows from here on were not read" in second.problems[0].message


def it_reads_a_single_json_object_as_one_row(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text('{"supervisee": {"name": "Ann"}}', encoding="utf-8")
    assert [r.values for r in read(path)] == [{"supervisee": {"name": "Ann"}}]


def it_refuses_json_that_is_not_an_array_of_objects(tmp_path: Path) -> None:
    path = tmp_path / "team.json"
    path.write_text('"just text"', encoding="utf-8")
    with pytest.raises(RosterError, match="array of objects"):
        read(path)


def it_reads_rows_lazily(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "team.jsonl", [{"location": str(i)} for i in range(5)])
    with Roster(path, Agreement) as roster:
        rows = iter(roster)
        assert next(rows).values == {"location": "0"}
        path.write_text("")  # already open: the rest still streams from the open handle
        assert next(rows).number == 2


def it_refuses_a_workbook_that_would_unpack_to_far_more_than_it_weighs(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "team.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * 20_000_000)
    with pytest.raises(RosterError, match="zip bomb"):
        Roster(path, Agreement)
