"""`extract`'s spreadsheet holds real dates, and it starts a worker per CPU unless told."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from supervision_forms import PackRegistry, render
from supervision_forms.cli import main
from supervision_forms.extract import extract_folder, write_table


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory, packs: PackRegistry) -> Path:
    made = tmp_path_factory.mktemp("team")
    for name in ("portsmouth", "surrey", "sefton"):
        (made / f"{name}.docx").write_bytes(render(packs.get(name).example("agreement"), pack=name))
    return made


def it_writes_dates_as_date_cells_in_a_spreadsheet(folder: Path, tmp_path: Path) -> None:
    documents = list(extract_folder(folder))
    write_table(documents, tmp_path / "team.xlsx")
    sheet = load_workbook(tmp_path / "team.xlsx").active
    assert sheet is not None
    header = [cell.value for cell in sheet[1]]
    review = sheet.cell(row=2, column=header.index("review_date") + 1)
    assert isinstance(review.value, datetime.datetime) and review.number_format == "dd/mm/yyyy"
    assert review.value.date() == datetime.date(2027, 11, 15)
    files = [cell.value for cell in sheet["A"]]
    dates = sheet.cell(row=files.index("sefton.docx") + 1, column=header.index("meeting_dates") + 1)
    assert isinstance(dates.value, str) and dates.value.startswith("2026-12-14;")  # a list: one text cell
    name = sheet.cell(row=2, column=header.index("supervisee.name") + 1)
    assert name.data_type == "s"


def it_starts_one_worker_per_cpu_by_default(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    asked: list[int] = []

    def counting(*args: Any, jobs: int, **kwargs: Any) -> Any:
        asked.append(jobs)
        return extract_folder(*args, jobs=1, **kwargs)

    monkeypatch.setattr("supervision_forms.cli.extract.extract_folder", counting)
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    for jobs in ([], ["--jobs", "1"]):
        with pytest.raises(SystemExit) as ended:
            main(["extract", str(folder), "-o", str(tmp_path / "team.csv"), *jobs])
        assert ended.value.code == 0, capsys.readouterr().err
    assert asked == [2, 1]
