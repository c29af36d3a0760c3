"""`pack init`: a council's blank form becomes a pack, each kind of answer place a tag."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from docx.oxml.ns import qn

from supervision_forms import PackRegistry, load_pack, parse, render
from supervision_forms.cli import main
from supervision_forms.errors import PackError
from supervision_forms.packs.authoring import init_pack
from supervision_forms.packs.authoring.checks import check_pack
from tests.hostile.templates import field, in_body, relationship
from tools.corpus.fill import checkbox, content_control, legacy_text_field, run
from tools.forms.kit import Form, Gap


def fields_of(folder: Path) -> dict[str, dict[str, str]]:
    import tomllib

    raw = tomllib.loads((folder / "pack.toml").read_text(encoding="utf-8"))
    return dict(raw["documents"]["agreement"]["fields"])


def works(folder: Path) -> None:
    """The pack's example comes back exactly, its form's text is kept, and the form filled
    in with the example reads back by its labels."""
    check = check_pack(load_pack(folder))[0]
    assert check.problems == []
    assert check.read_back == check.read_back_of > 0
    assert check.fidelity == 1.0
    assert check.hand_filled == check.hand_filled_of > 0


def it_turns_the_answer_places_of_a_form_into_fields(tmp_path: Path) -> None:
    form = Form("A council's supervision agreement")
    form.heading("Supervision Agreement")
    form.after("Name of supervisee:", "supervisee.name")
    form.after("Team:", "supervisee.team")
    grid = form.table([5.0, 11.0])
    form.label_row(grid, "Name of supervisor", "supervisor.name")
    form.label_row(grid, "Date of this agreement", "agreement_date")
    form.dots("The frequency of supervision will be ", "frequency.description", label="x")
    form.question("What methods will be used to resolve any difficulties in working together?", "x", lines=3)
    form.line("Date of review ", Gap("Date of review", "review_date"))
    report = init_pack(form.to_bytes(), tmp_path / "council", name="council")
    assert [(m.paths, m.slot.place) for m in report.places] == [
        (["supervisee.name"], "after"),
        (["supervisee.team"], "after"),
        (["supervisor.name"], "right"),
        (["agreement_date"], "right"),
        (["frequency.description"], "dots"),
        (["difficulty_resolution"], "below"),
        (["review_date"], "dots"),
    ]
    works(tmp_path / "council")


def it_keeps_everything_but_the_answer_places_byte_for_byte(tmp_path: Path) -> None:
    form = Form("A council's supervision agreement")
    form.header("Our Council")
    form.footer("Children's Services – version 3")
    form.after("Name of supervisee:", "supervisee.name")
    blank = form.to_bytes()
    init_pack(blank, tmp_path / "council", name="council")
    made = (tmp_path / "council" / "agreement.docx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(blank)) as before, zipfile.ZipFile(io.BytesIO(made)) as after:
        assert before.namelist() == after.namelist()
        changed = [n for n in before.namelist() if before.read(n) != after.read(n)]
    assert changed == ["word/document.xml"]
    assert (tmp_path / "council" / "blank-agreement.docx").read_bytes() == blank


def it_reads_a_grid_of_names_and_signatures_by_row_and_column(tmp_path: Path) -> None:
    form = Form("Parties")
    grid = form.table([4.0, 6.0, 6.0])
    heads = form.row(grid)
    form.cell(heads[1], "Supervisor", bold=True)
    form.cell(heads[2], "Supervisee", bold=True)
    for label, part in (("Name", "name"), ("Signature", "sign"), ("Date", "date")):
        cells = form.row(grid)
        form.cell(cells[0], label, bold=True)
        form.answer_cell(cells[1], label, part)
        form.answer_cell(cells[2], label, part)
    report = init_pack(form.to_bytes(), tmp_path / "grid", name="grid")
    assert [m.paths[0] for m in report.places] == [
        "supervisor.name",
        "supervisee.name",
        "signatures.supervisor.name",
        "signatures.supervisee.name",
        "signatures.supervisor.date",
        "signatures.supervisee.date",
    ]


def it_turns_a_month_and_date_table_into_a_list(tmp_path: Path) -> None:
    form = Form("Dates")
    form.heading("Dates of Supervision Meetings (next 12 months):")
    form.dates_table(["Month", "Date"], 12, "meeting_dates")
    init_pack(form.to_bytes(), tmp_path / "dates", name="dates")
    assert fields_of(tmp_path / "dates") == {"meeting_dates": {"label": "Date", "place": "table"}}
    pack = load_pack(tmp_path / "dates")
    assert len(pack.example("agreement").meeting_dates) == 12  # type: ignore[attr-defined]
    works(tmp_path / "dates")


def it_reads_tick_boxes_as_a_choice_of_the_councils_own(tmp_path: Path) -> None:
    form = Form("Ticks")
    form.ticks("Supervisee has read the supervision policy", ["Yes", "No"], "extra")
    form.ticks("How will supervision be held?", ["In person", "Online", "Either"], "extra", inline=False)
    init_pack(form.to_bytes(), tmp_path / "ticks", name="ticks")
    pack = load_pack(tmp_path / "ticks")
    extra = pack.document("agreement").extra
    assert [(spec.type, spec.choices) for spec in extra.values()] == [
        ("choice", ("Yes", "No")),
        ("choice", ("In person", "Online", "Either")),
    ]
    works(tmp_path / "ticks")


@pytest.mark.parametrize("kind", ["glyph", "control", "legacy"])
def it_knows_every_kind_of_tick_box(tmp_path: Path, kind: str) -> None:
    form = Form("Ticks")
    paragraph = form.para("Supervisee has read the supervision policy ")
    for option in ("Yes", "No"):
        for element in checkbox(False, kind):
            paragraph._p.append(element)
        paragraph._p.append(run(f" {option}  "))
    report = init_pack(form.to_bytes(), tmp_path / kind, name="ticks")
    assert [m.slot.options for m in report.places] == [("Yes", "No")]
    template = zipfile.ZipFile(tmp_path / kind / "agreement.docx").read("word/document.xml").decode()
    assert "checkboxes }}" in template and "FORMCHECKBOX" not in template and "w14:checkbox" not in template


def it_takes_a_prompt_in_a_content_control_for_an_empty_answer(tmp_path: Path) -> None:
    form = Form("Prompts")
    grid = form.table([5.0, 11.0])
    left, right = form.row(grid)
    form.cell(left, "Venue", bold=True)
    right.paragraphs[0]._p.append(
        content_control([run("Click or tap here to enter text.")], placeholder=True)
    )
    report = init_pack(form.to_bytes(), tmp_path / "prompt", name="prompt")
    assert [(m.paths, m.slot.empty) for m in report.places] == [
        (["location"], "Click or tap here to enter text.")
    ]
    template = zipfile.ZipFile(tmp_path / "prompt" / "agreement.docx").read("word/document.xml").decode()
    assert "<w:sdt>" not in template and "{{ location }}" in template
    empty = render({}, pack=load_pack(tmp_path / "prompt"))
    assert (
        "Click or tap here to enter text."
        in zipfile.ZipFile(io.BytesIO(empty)).read("word/document.xml").decode()
    )


def it_finds_dotted_tab_leaders_and_writing_lines(tmp_path: Path) -> None:
    form = Form("Leaders")
    tabbed = form.para("Name of supervisor:")
    tabs = tabbed._p.get_or_add_pPr()
    stops = tabs.makeelement(qn("w:tabs"), {})
    stop = stops.makeelement(qn("w:tab"), {qn("w:val"): "right", qn("w:leader"): "dot", qn("w:pos"): "9000"})
    stops.append(stop)
    tabs.append(stops)
    tabbed.add_run("\t")
    form.para("Name of supervisee: ________________________")
    report = init_pack(form.to_bytes(), tmp_path / "leaders", name="leaders")
    assert [(m.paths, m.slot.place) for m in report.places] == [
        (["supervisor.name"], "dots"),
        (["supervisee.name"], "dots"),
    ]
    works(tmp_path / "leaders")


def it_gives_a_place_no_field_fits_a_field_of_its_own(tmp_path: Path) -> None:
    form = Form("Own")
    grid = form.table([5.0, 11.0])
    form.label_row(grid, "Preferred pronouns of the supervisee", "extra")
    form.label_row(grid, "Date the lone working policy was explained", "extra")
    report = init_pack(form.to_bytes(), tmp_path / "own", name="own")
    assert all(m.check and m.paths[0].startswith("extra.") for m in report.places)
    extra = load_pack(tmp_path / "own").document("agreement").extra
    assert [spec.type for spec in extra.values()] == ["text", "date"]
    text = (tmp_path / "own" / "pack.toml").read_text(encoding="utf-8")
    assert sum(line.startswith("# check:") for line in text.splitlines()) == 2
    works(tmp_path / "own")


def it_keeps_the_authors_choices_when_run_again(tmp_path: Path) -> None:
    form = Form("Again")
    grid = form.table([5.0, 11.0])
    form.label_row(grid, "Where we meet", "location")
    form.label_row(grid, "Supervision frequency and duration?", "frequency.description")
    blank = form.to_bytes()
    folder = tmp_path / "again"
    init_pack(blank, folder, name="again")
    text = (folder / "pack.toml").read_text(encoding="utf-8")
    fields = fields_of(folder)
    own = next(p for p in fields if fields[p]["label"] == "Where we meet")
    edited = text.replace(f'"{own}" =', '"location" =').replace(
        '"frequency.description" = { label = "Supervision frequency and duration?", place = "right" }',
        '"frequency.description" = { label = "Supervision frequency and duration?", place = "right" }\n'
        '"duration_minutes" = { label = "Supervision frequency and duration?", place = "right" }',
    )
    (folder / "pack.toml").write_text(edited, encoding="utf-8")
    report = init_pack(blank, folder, name="again")
    assert [m.paths for m in report.places] == [["location"], ["frequency.description", "duration_minutes"]]
    assert all(m.kept for m in report.places)
    data = (
        load_pack(folder)
        .model("agreement")
        .model_validate(
            {"location": "Room 4", "frequency": {"description": "Monthly"}, "duration_minutes": 90}
        )
    )
    assert parse(render(data, pack=load_pack(folder)), packs=PackRegistry([load_pack(folder)])).data == data


def it_keeps_the_other_documents_of_the_pack_file(tmp_path: Path) -> None:
    form = Form("Records")
    form.after("Name of supervisee:", "supervisee.name")
    folder = tmp_path / "two"
    init_pack(form.to_bytes(), folder, name="two")
    init_pack(form.to_bytes(), folder, name="two", document="general_record")
    init_pack(form.to_bytes(), folder, name="two")
    assert load_pack(folder).documents == ["agreement", "general_record"]


def it_refuses_a_bad_pack_name(tmp_path: Path) -> None:
    with pytest.raises(PackError, match="pack name"):
        init_pack(Form("x").to_bytes(), tmp_path, name="Not A Name")


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    out, err = capsys.readouterr()
    return int(exit_info.value.code or 0), out, err


def it_makes_and_tests_a_pack_from_the_command_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    form = Form("CLI")
    form.after("Name of supervisee:", "supervisee.name")
    form.after("Date of review:", "review_date")
    blank = tmp_path / "our-form.docx"
    blank.write_bytes(form.to_bytes())
    folder = tmp_path / "ours"
    code, out, err = run_cli(capsys, "pack", "init", str(blank), "-o", str(folder), "--name", "ours")
    assert (code, err) == (0, "")
    assert "2 answer places" in out and "✓ supervisee.name" in out
    code, out, _ = run_cli(capsys, "pack", "test", str(folder))
    assert code == 0 and "all checks passed" in out
    code, out, _ = run_cli(capsys, "pack", "test", str(folder), "--json")
    assert json.loads(out)["documents"][0]["hand_filled"] == [2, 2]


def it_reports_a_label_not_printed_with_the_field_it_belongs_to(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    form = Form("Lint")
    form.after("Name of supervisee:", "supervisee.name")
    form.after("Date of review:", "review_date")
    folder = tmp_path / "lint"
    init_pack(form.to_bytes(), folder, name="lint")
    text = (folder / "pack.toml").read_text(encoding="utf-8")
    (folder / "pack.toml").write_text(text.replace('label = "Date of review:"', 'label = "Review by"'))
    code, out, _ = run_cli(capsys, "pack", "lint", str(folder))
    assert code == 1
    assert "pack.toml: agreement field review_date: its label is not printed in agreement.docx [label]" in out
    assert "review_date is not found [hand-filled]" in out


def it_refuses_a_file_that_is_not_a_word_form(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "form.docx"
    bad.write_text("not a form")
    code, out, err = run_cli(capsys, "pack", "init", str(bad), "-o", str(tmp_path / "x"), "--name", "x1")
    assert (code, out) == (2, "")
    assert err.startswith("supervision-forms: form.docx") and err.count("\n") == 1
    assert not (tmp_path / "x").exists()


def it_reads_several_labels_on_one_line_answered_in_the_space_after_each(tmp_path: Path) -> None:
    form = Form("Signatures")
    grid = form.table([16.0])
    for who in ("supervisee", "supervisor"):
        form.para(f"Signature of {who}:                                    Date: ", into=form.row(grid)[0])
    report = init_pack(form.to_bytes(), tmp_path / "sig", name="sig")
    assert [m.paths[0] for m in report.places] == [
        "signatures.supervisee.name",
        "signatures.supervisee.date",
        "signatures.supervisor.name",
        "signatures.supervisor.date",
    ]
    works(tmp_path / "sig")


def it_takes_a_hint_in_an_answer_cell_for_a_prompt(tmp_path: Path) -> None:
    form = Form("Hints")
    grid = form.table([5.0, 11.0])
    left, right = form.row(grid)
    form.cell(left, "Frequency of supervision", bold=True)
    form.para("e.g. monthly, or fortnightly for the first six months", italic=True, into=right)
    report = init_pack(form.to_bytes(), tmp_path / "hint", name="hint")
    assert [(m.paths, m.slot.place, m.slot.empty) for m in report.places] == [
        (["frequency.description"], "right", "e.g. monthly, or fortnightly for the first six months")
    ]


def it_takes_word_controls_and_legacy_fields_after_a_label_for_answers(tmp_path: Path) -> None:
    form = Form("Controls")
    control = form.para("Preferred learning style: ")
    control._p.append(content_control([run("Click or tap here to enter text.")], placeholder=True))
    legacy = form.para("Venue: ")
    for element in legacy_text_field(""):
        legacy._p.append(element)
    report = init_pack(form.to_bytes(), tmp_path / "controls", name="controls")
    assert [(m.paths, m.slot.place) for m in report.places] == [
        (["supervisee_brings"], "dots"),
        (["location"], "dots"),
    ]
    works(tmp_path / "controls")


def it_takes_a_hint_in_italics_beside_a_label_for_where_the_answer_goes(tmp_path: Path) -> None:
    form = Form("Hints")
    grid = form.table([5.0, 11.0])
    left, right = form.row(grid)
    form.cell(left, "Reasonable adjustments agreed", bold=True)
    form.para("Please describe any adjustments to how supervision is held", italic=True, into=right)
    report = init_pack(form.to_bytes(), tmp_path / "quiet", name="quiet")
    assert [(m.slot.place, m.slot.empty) for m in report.places] == [
        ("right", "Please describe any adjustments to how supervision is held")
    ]


def it_unlinks_an_attached_template_and_refuses_what_is_unsafe(tmp_path: Path) -> None:
    form = Form("Linked")
    form.after("Name of supervisee:", "supervisee.name")
    (tmp_path / "form").mkdir()
    (tmp_path / "form" / "agreement.docx").write_bytes(form.to_bytes())
    relationship("word/_rels/settings.xml.rels", "attachedTemplate", "file:///S:/Templates/Normal.dotm")(
        tmp_path / "form"
    )
    report = init_pack(
        (tmp_path / "form" / "agreement.docx").read_bytes(), tmp_path / "linked", name="linked"
    )
    assert report.notes == [
        "the form's link to an attached Word template was taken out (its styles are kept)"
    ]
    works(tmp_path / "linked")
    in_body(field(' DDE "cmd" "/c calc" '))(tmp_path / "form")
    with pytest.raises(PackError, match=r"DDE.*take it out of the form"):
        init_pack((tmp_path / "form" / "agreement.docx").read_bytes(), tmp_path / "dde", name="dde")


def it_makes_the_example_again_when_a_place_is_given_another_path(tmp_path: Path) -> None:
    form = Form("Renamed")
    grid = form.table([5.0, 11.0])
    form.label_row(grid, "Name of supervisee", "supervisee.name")
    form.label_row(grid, "Preferred pronouns of the supervisee", "extra")
    blank = form.to_bytes()
    folder = tmp_path / "renamed"
    init_pack(blank, folder, name="renamed")
    fields = fields_of(folder)
    own = next(p for p in fields if p.startswith("extra."))
    text = (folder / "pack.toml").read_text(encoding="utf-8")
    section = f"[documents.agreement.extra.{own.removeprefix('extra.')}]"
    head, _, tail = text.partition(section)
    edited = head.replace(f'"{own}" =', '"supervisee.role" =') + tail.split("\n\n", 1)[-1]
    (folder / "pack.toml").write_text(edited, encoding="utf-8")
    init_pack(blank, folder, name="renamed")
    example = json.loads((folder / "example-agreement.json").read_text(encoding="utf-8"))
    assert not example.get("extra") and example["supervisee"]["role"]
    works(folder)


def it_reads_an_answer_written_before_its_label(tmp_path: Path) -> None:
    form = Form("Parties")
    grid = form.table([5.0, 11.0])
    left, right = form.row(grid)
    form.cell(left, "Parties to agreement", bold=True)
    form.cell(right, "Xxx Advanced Practitioner")
    form.para("Xxx Social Worker", into=right)
    report = init_pack(form.to_bytes(), tmp_path / "before", name="before")
    assert [(m.paths[0], m.slot.place) for m in report.places] == [
        ("supervisor.name", "before"),
        ("supervisee.name", "before"),
    ]
    works(tmp_path / "before")
