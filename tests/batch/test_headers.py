"""Rosters as HR makes them: headers as printed on the forms or as people write them,
values in British styles and people's words, row errors in plain English."""

from __future__ import annotations

import csv
import datetime
import io
from pathlib import Path

import pytest

from supervision_forms import PackRegistry
from supervision_forms.batch import Roster, generate, write_roster_template
from supervision_forms.batch.headers import SKIPPED_PLACES, Headings, path_shaped
from supervision_forms.cli import main
from supervision_forms.errors import RosterError
from supervision_forms.models import Agreement
from supervision_forms.models.paths import generic, leaf_map
from tests.conftest import PACK_NAMES


def roster(tmp_path: Path, rows: list[list[str]], name: str = "team.csv") -> Path:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    path = tmp_path / name
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    out, err = capsys.readouterr()
    return int(exit_info.value.code or 0), out, err


@pytest.mark.parametrize(
    ("header", "path"),
    [
        ("Supervisee name", "supervisee.name"),
        ("Staff member", "supervisee.name"),
        ("Supervisee", "supervisee.name"),
        ("Supervisor", "supervisor.name"),
        ("Manager", "supervisor.name"),
        ("Line manager", "line_manager.name"),
        ("Team", "supervisee.team"),
        ("Job title", "supervisee.role"),
        ("Start date", "agreement_date"),
        ("Date of agreement", "agreement_date"),
        ("Review date", "review_date"),
        ("Frequency", "frequency.description"),
        ("Duration", "duration_minutes"),
        ("Duration (minutes)", "duration_minutes"),
        ("Career stage", "supervisee.career_stage"),
        ("Supervisee: Career stage", "supervisee.career_stage"),
        ("Dates of supervision meetings", "meeting_dates"),
        ("  REVIEW   DATE: ", "review_date"),
        ("Employee ID", "supervisee.employee_id"),
        ("Staff number", "supervisee.employee_id"),
    ],
)
def it_knows_the_headers_hr_writes(header: str, path: str) -> None:
    heading = Headings(Agreement).name(header)
    assert heading is not None and heading.path == path


@pytest.mark.parametrize(
    ("header", "path"),
    [
        ("Expectations.supervisor_responsible_for:", "expectations.supervisor_responsible_for"),
        ("EXPECTATIONS.SUPERVISOR_RESPONSIBLE_FOR", "expectations.supervisor_responsible_for"),
        ("Supervisee.Name?", "supervisee.name"),
        ("*review_date", "review_date"),
        ("Supervisee . Career stage", "supervisee.career_stage"),
        ("2. supervisee.team.", "supervisee.team"),
        ("Meeting_Dates[2]", "meeting_dates.2"),
    ],
)
def it_knows_model_paths_in_hrs_casing_and_punctuation(header: str, path: str) -> None:
    heading = Headings(Agreement).name(header)
    assert heading is not None and heading.path == path and not heading.whole_list


def it_reads_a_whole_list_from_a_path_with_a_colon() -> None:
    heading = Headings(Agreement).name("Meeting_dates:")
    assert heading is not None and heading.path == "meeting_dates" and heading.whole_list


def it_treats_a_mistyped_path_with_a_colon_as_a_path_and_abbreviations_as_words() -> None:
    headings = Headings(Agreement)
    assert path_shaped("supervisee.nmae:") and path_shaped("supervisee.nmae")
    assert headings.suggestion("Supervisee.Nmae:") == "supervisee.name"
    for header in ("D.O.B.", "Dr. Who", "No. of sessions"):
        assert not path_shaped(header) and headings.name(header) is None


@pytest.mark.parametrize("pack", PACK_NAMES)
def it_knows_each_packs_printed_labels(packs: PackRegistry, pack: str) -> None:
    chosen = packs.get(pack)
    for kind in chosen.documents:
        model = chosen.model(kind)
        headings = Headings(model, pack=chosen)
        fields = chosen.document(kind).fields
        wordings: dict[str, set[str]] = {}
        for path, spec in fields.items():
            if spec.place not in SKIPPED_PLACES and "[]" not in path:
                for wording in (spec.label, *spec.aliases):
                    wordings.setdefault(wording, set()).add(path)
        for wording, paths in wordings.items():
            if len(paths) > 1:
                continue  # a label printed beside two fields names neither
            heading = headings.name(wording)
            assert heading is not None and heading.path in paths, (pack, kind, wording)
            assert (
                heading.leaf is leaf_map(model)[generic(heading.path) + ("[]" if heading.whole_list else "")]
            )


def it_never_suggests_another_field_for_a_person(tmp_path: Path) -> None:
    headings = Headings(Agreement)
    for header in ("Supervisor", "Supervisee", "Manager", "Line manager"):
        heading = headings.name(header)
        assert heading is not None and heading.path.endswith(".name")
    assert headings.suggestion("Supervisr") == "Supervisor"
    assert headings.suggestion("Staff membr") == "Staff member"


def it_ignores_unknown_columns_with_one_warning_naming_them(tmp_path: Path) -> None:
    path = roster(
        tmp_path, [["Staff member", "Notes", "Supervisr", "Start date"], ["Ann", "x", "y", "1/2/2026"]]
    )
    with Roster(path, Agreement) as opened:
        [row] = list(opened)
        assert opened.warnings == [
            "team.csv: ignored 2 columns we do not know: 'Notes', 'Supervisr' (did you mean 'Supervisor'?) "
            "(map them with --columns, or refuse them with --strict-columns)"
        ]
    assert row.values == {"supervisee": {"name": "Ann"}, "agreement_date": datetime.date(2026, 2, 1)}
    with pytest.raises(RosterError) as raised:
        Roster(path, Agreement, strict_columns=True)
    assert str(raised.value) == (
        "team.csv: columns B 'Notes', C 'Supervisr' (did you mean 'Supervisor'?) are not fields of the model "
        "(map them with --columns, or leave out --strict-columns to ignore them)"
    )


def it_maps_other_headers_with_a_column_map(tmp_path: Path) -> None:
    path = roster(tmp_path, [["Worker", "Boss", "Notes"], ["Ann", "Priya", "x"]])
    mapping = tmp_path / "columns.toml"
    mapping.write_text('[columns]\nWorker = "supervisee.name"\n"Boss" = "supervisor.name"\nNotes = ""\n')
    with Roster(path, Agreement, columns=mapping) as opened:
        [row] = list(opened)
        assert opened.warnings == []  # "Notes" is mapped to nothing: dropped quietly
    assert row.values == {"supervisee": {"name": "Ann"}, "supervisor": {"name": "Priya"}}
    mapping.write_text('Worker = "supervisee.nmae"\n')
    with pytest.raises(RosterError, match=r"columns\.toml: 'Worker' = 'supervisee\.nmae' is not a field"):
        Roster(path, Agreement, columns=mapping)


@pytest.mark.parametrize("pack", PACK_NAMES)
@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def it_reads_back_its_own_roster_template_unchanged(
    tmp_path: Path, packs: PackRegistry, pack: str, suffix: str
) -> None:
    chosen = packs.get(pack)
    for kind in chosen.documents:
        if chosen.document(kind).example is None:
            continue
        path = write_roster_template(chosen, tmp_path / f"{kind}{suffix}", document=kind)
        with Roster(path, chosen.model(kind), pack=chosen) as opened:
            [row] = list(opened)
            assert opened.warnings == [] and not row.problems, (kind, opened.warnings, row.problems)
        assert chosen.model(kind).model_validate(row.values) == chosen.example(kind), kind


@pytest.mark.parametrize(
    "written",
    [
        "14/03/2026",
        "14/3/2026",
        "14-03-2026",
        "14.03.2026",
        "14/03/26",
        "14th March 2026",
        "14 March 2026",
        "14 Mar 2026",
        "14-Mar-26",
        "14th of March 2026",
        "Saturday 14th March 2026",
        "Sat 14 Mar 2026",
        "March 14th, 2026",
        "2026-03-14",
        "2026-03-14 00:00:00",
    ],
)
def it_reads_dates_in_every_british_style(tmp_path: Path, written: str) -> None:
    path = roster(tmp_path, [["Staff member", "Review date"], ["Ann", written]])
    with Roster(path, Agreement) as opened:
        [row] = list(opened)
    assert row.values["review_date"] == datetime.date(2026, 3, 14) and not row.problems


@pytest.mark.parametrize(
    ("written", "stage"),
    [
        ("ASYE", "nqsw"),
        ("newly qualified", "nqsw"),
        ("Newly-Qualified Social Worker", "nqsw"),
        ("NQSW", "nqsw"),
        ("senior practitioner", "senior"),
        ("Senior Social Worker", "senior"),
        ("Social worker", "qualified"),
        ("Student social worker", "student"),
        ("Team manager", "manager"),
        ("qualified", "qualified"),
    ],
)
def it_reads_career_stages_in_peoples_words(tmp_path: Path, written: str, stage: str) -> None:
    path = roster(tmp_path, [["Staff member", "Career stage"], ["Ann", written]])
    with Roster(path, Agreement) as opened:
        [row] = list(opened)
    assert row.values["supervisee"]["career_stage"] == stage


@pytest.mark.parametrize(
    ("written", "minutes"),
    [
        ("1.5 hours", 90),
        ("90 mins", 90),
        ("1h30", 90),
        ("90", 90),
        ("1 hour", 60),
        ("an hour and a half", 90),
    ],
)
def it_reads_durations_as_people_write_them(tmp_path: Path, written: str, minutes: int) -> None:
    path = roster(tmp_path, [["Staff member", "Duration"], ["Ann", written]])
    with Roster(path, Agreement) as opened:
        [row] = list(opened)
    assert row.values["duration_minutes"] == minutes


def it_explains_bad_rows_in_plain_english_and_lists_them_all_in_errors_csv(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    secret = "Zebra-Secret has a health condition"
    rows = [
        ["Staff member", "Start date", "Review date", "Duration", "Career stage", "relationship_factors"],
        ["Ann", "1/3/2026", "1/3/2027", "1 hour", "ASYE", "fine"],
    ]
    rows += [[f"Filler {n}", "1/3/2026", "1/3/2027", "1 hour", "qualified", ""] for n in range(4)]
    rows += [
        ["Bob", "1/3/2026", "31/02/2027", "1 hour", "ASYE", ""],  # row 7
        ["Cat", "14th March 2026", "Jane Secret", "lots", "Director", ""],
        ["Dan", "1/3/2026", "1/3/2027", "1 hour", "ASYE", secret + "\x07"],
    ]
    path = roster(tmp_path, rows)
    code, out, err = run_cli(capsys, "batch", str(path), "-p", "surrey", "-o", str(tmp_path / "out"))
    assert code == 1
    lines = err.splitlines()
    assert lines == [
        "row 7, Review date: 31/02/2027 is not a real date",
        "row 8, Review date: is not a date we can read (write it as 16/11/2026); "
        "Duration: is not a length of time we can read (write it as 90 mins or 1.5 hours); "
        "Career stage: must be one of: student, nqsw, "
        "qualified, senior, manager or unqualified",
        f"3 of 8 rows failed; all are listed in {tmp_path / 'out' / 'errors.csv'}",
    ]
    with (tmp_path / "out" / "errors.csv").open(encoding="utf-8-sig") as handle:
        listed = list(csv.reader(handle))
    assert listed[0] == ["sheet", "row", "column", "problem"]
    assert [(row[1], row[2]) for row in listed[1:]] == [
        ("7", "Review date"),
        ("8", "Review date"),
        ("8", "Duration"),
        ("8", "Career stage"),
        ("9", "relationship_factors"),
    ]
    shown = err + out + (tmp_path / "out" / "errors.csv").read_text(encoding="utf-8-sig")
    shown += (tmp_path / "out" / "manifest.json").read_text(encoding="utf-8")
    assert "Zebra" not in shown and "Jane" not in shown and "Director" not in shown
    assert "Input should" not in shown and "pydantic" not in shown
    code, _, _ = run_cli(
        capsys, "batch", str(roster(tmp_path, rows[:2])), "-p", "surrey", "-o", str(tmp_path / "out")
    )
    assert code == 0 and not (tmp_path / "out" / "errors.csv").exists()


def it_reads_a_roster_with_the_forms_own_labels(tmp_path: Path, packs: PackRegistry) -> None:
    path = roster(
        tmp_path,
        [
            ["Name of staff member", "Name of supervisor", "Date of this agreement", "Frequency", "Duration"],
            ["Ann Smith", "Priya Nair", "16th November 2026", "Every 4 weeks", "1.5 hours"],
        ],
    )
    with Roster(path, Agreement, pack=packs.get("surrey")) as opened:
        report = generate(opened, pack="surrey", out=tmp_path / "out")
    assert report.ok and [r.file for r in report.rows] == ["Ann-Smith-2026-11-16.docx"]
