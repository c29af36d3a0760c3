"""The audit's parts: reading a folder, grouping, the cross-document checks, the page."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import pytest

from supervision_forms import installed_packs
from supervision_forms.audit import audit_folder, render_html
from supervision_forms.audit.load import load_folder
from supervision_forms.cli import main
from tests.audit.team_folder import ALL_TOPICS, agreement, case, every, general

AS_OF = datetime.date(2026, 10, 30)


def _write(folder: Path, name: str, data: dict[str, Any]) -> None:
    (folder / name).write_text(json.dumps(data), encoding="utf-8")


def _envelope(data: dict[str, Any], kind: str, pack: str = "portsmouth") -> dict[str, Any]:
    return {"pack": pack, "document": kind, "data": data}


def _steady_worker(folder: Path, who: str = "Tom Wheeler", boss: str = "Priya Nair") -> None:
    _write(
        folder,
        "agreement.json",
        _envelope(
            agreement(who, boss, "qualified", "2026-07-07", "2027-07-06", "Every 4 weeks"), "agreement"
        ),
    )
    for day in every("2026-08-04", 28, 4):
        _write(folder, f"session-{day}.json", general(who, boss, day))


def it_reads_bare_json_by_recognising_its_model(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "a.json",
        agreement("Tom Wheeler", "Priya Nair", "qualified", "2026-07-07", "2027-07-06", "Monthly"),
    )
    _write(tmp_path, "g.json", general("Tom Wheeler", "Priya Nair", "2026-08-04"))
    _write(tmp_path, "empty.json", {})
    _write(
        tmp_path, "bad-date.json", {**general("Tom Wheeler", "Priya Nair", "2026-08-04"), "date": "4/8/26"}
    )
    (tmp_path / "list.json").write_text("[1, 2]", encoding="utf-8")
    (tmp_path / "broken.json").write_text("{nope", encoding="utf-8")
    documents, problems, _ = load_folder(tmp_path, packs=installed_packs())
    assert sorted((d.file, d.kind, d.pack) for d in documents) == [
        ("a.json", "agreement", None),
        ("g.json", "general_record", None),
    ]
    reasons = {p.file: p.problem for p in problems}
    assert reasons == {
        "bad-date.json": "invalid data: date: expected an ISO date (YYYY-MM-DD)",
        "broken.json": "not valid JSON (line 1)",
        "empty.json": 'could be more than one kind of document; give it as {"pack", "document", "data"}',
        "list.json": "not a JSON object",
    }


def it_groups_names_written_differently_as_one_supervisee(tmp_path: Path) -> None:
    _steady_worker(tmp_path)
    _write(tmp_path, "late.json", general("  tom WHEELER. ", "Priya Nair", "2026-10-27"))
    report = audit_folder(tmp_path, as_of=AS_OF)
    assert [(w.supervisee, len(w.documents)) for w in report.workers] == [("Tom Wheeler", 6)]


def it_reports_a_document_that_names_no_supervisee(tmp_path: Path) -> None:
    _steady_worker(tmp_path)
    _write(tmp_path, "nameless.json", _envelope({"date": "2026-09-01"}, "general_record"))
    report = audit_folder(tmp_path, as_of=AS_OF)
    assert [(p.file, p.problem) for p in report.unreadable] == [
        ("nameless.json", "names no supervisee, so it belongs to no one")
    ]


def it_finds_nothing_wrong_with_a_steady_worker_and_exits_0(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _steady_worker(tmp_path)
    with pytest.raises(SystemExit) as exit_info:
        main(["audit", str(tmp_path), "--as-of", AS_OF.isoformat(), "--json"])
    out, err = capsys.readouterr()
    assert (exit_info.value.code, err) == (0, "")
    worker = json.loads(out)["workers"][0]
    assert (worker["last_session"], worker["next_due"], worker["findings"]) == (
        "2026-10-27",
        "2026-11-24",
        [],
    )


def it_takes_one_cover_session_for_cover_and_two_in_a_row_for_a_new_supervisor(tmp_path: Path) -> None:
    _steady_worker(tmp_path)
    _write(tmp_path, "cover.json", general("Tom Wheeler", "Mark Ellison", "2026-09-15"))
    assert audit_folder(tmp_path, as_of=AS_OF).findings == []
    _write(tmp_path, "new.json", general("Tom Wheeler", "Mark Ellison", "2026-10-29"))
    assert [(f.rule, f.document) for f in audit_folder(tmp_path, as_of=AS_OF).findings] == [
        ("portsmouth.agreement.new_supervisor", "new.json")
    ]


def it_counts_case_records_as_case_work_for_the_quarter(tmp_path: Path) -> None:
    who, boss = "Tom Wheeler", "Priya Nair"
    _write(
        tmp_path,
        "agreement.json",
        _envelope(
            agreement(who, boss, "qualified", "2026-03-31", "2027-03-30", "Every 4 weeks"), "agreement"
        ),
    )
    without_case_work = [t for t in ALL_TOPICS if t != "case_work"]
    for day in every("2026-04-28", 28, 7):
        _write(tmp_path, f"g-{day}.json", general(who, boss, day, topics=without_case_work))
    found = audit_folder(tmp_path, as_of=AS_OF).findings
    assert [(f.rule, f.message[:7]) for f in found] == [
        ("portsmouth.topics.not_covered", "Q2 2026"),
        ("portsmouth.topics.not_covered", "Q3 2026"),
    ]
    assert all(f.message.endswith("did not cover Review of case work") for f in found)
    for child, day in (("A-1", "2026-05-26"), ("B-2", "2026-08-18")):
        _write(
            tmp_path,
            f"case-{child}.json",
            _envelope(case(who, boss, day, child, next_review=None), "case_record"),
        )
    assert audit_folder(tmp_path, as_of=AS_OF).findings == []


def it_uses_the_default_pack_for_workers_whose_files_name_none(tmp_path: Path) -> None:
    for day in every("2026-07-06", 28, 3):
        _write(tmp_path, f"g-{day}.json", general("Nadia Hussain", "Joanne Birch", day, shared_after=9))
    report = audit_folder(tmp_path, as_of=datetime.date(2026, 9, 30), pack="sefton")
    assert (report.workers[0].pack, report.workers[0].career_stage) == ("sefton", None)
    assert {f.rule for f in report.findings} == {"sefton.agreement.missing", "sefton.record.shared_late"}
    national = audit_folder(tmp_path, as_of=datetime.date(2026, 9, 30))
    assert {f.rule for f in national.findings} == {"national.agreement.missing"}


def it_blanks_special_category_values_as_files_are_read(tmp_path: Path) -> None:
    record = general("Tom Wheeler", "Priya Nair", "2026-08-04") | {"wellbeing": "Private health detail"}
    _write(tmp_path, "g.json", record)
    documents, _, _ = load_folder(tmp_path, packs=installed_packs(), redact=True)
    assert documents[0].model.model_dump()["wellbeing"] == "[redacted]"


def it_escapes_everything_on_the_page(tmp_path: Path) -> None:
    hostile = '<script>alert("x")</script> & Co'
    _write(tmp_path, "g.json", general(hostile, '<img src=x onerror="y">', "2026-08-04"))
    page = render_html(audit_folder(tmp_path, as_of=AS_OF))
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co" in page


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["audit", "{missing}"], "is not a folder"),
        (["audit", "{folder}", "--pack", "atlantis"], "unknown pack 'atlantis'"),
        (["audit", "{folder}", "--as-of", "next week"], "give a date such as 24/11/2026"),
    ],
)
def it_exits_2_with_one_line_for_unusable_input(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, args: list[str], message: str
) -> None:
    names = {"missing": str(tmp_path / "nowhere"), "folder": str(tmp_path)}
    with pytest.raises(SystemExit) as exit_info:
        main([a.format(**names) for a in args])
    _, err = capsys.readouterr()
    assert exit_info.value.code == 2
    assert message in err and len(err.strip().splitlines()) == 1


def it_reports_a_reader_failure_on_one_file_and_audits_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing_parse(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug, with a value: Tom Wheeler")

    monkeypatch.setattr("supervision_forms.audit.load.parse", failing_parse)
    _steady_worker(tmp_path)
    (tmp_path / "odd.docx").write_bytes(b"PK")
    report = audit_folder(tmp_path, as_of=AS_OF)
    assert [(p.file, p.problem) for p in report.unreadable] == [
        ("odd.docx", "could not be read (internal error: RuntimeError)")
    ]
    assert [w.supervisee for w in report.workers] == ["Tom Wheeler"]
