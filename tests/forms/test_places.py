"""Reading answers from where people put them on the councils' own forms."""

from __future__ import annotations

import datetime

from docx.document import Document as DocxDocument
from docx.table import _Cell

from supervision_forms import PackRegistry
from tests.forms.kit import document, in_paragraph, read, run, table

PROMPT = "To be discussed and recorded by supervisee and supervisor"


def it_reads_the_cell_to_the_right_of_a_label(packs: PackRegistry) -> None:
    data = document(lambda doc: table(doc, [["Staff member", "Jane Smith"], ["Manager", "Tom Jones"]]))
    result = read(data, packs.get("portsmouth"))
    assert result.data.supervisee.name == "Jane Smith"  # type: ignore[attr-defined]
    assert result.data.supervisor.name == "Tom Jones"  # type: ignore[attr-defined]
    assert result.sources["supervisee.name"] == "table 1, row 1, cell 2"


def it_matches_labels_whatever_their_case_colons_and_quotes(packs: PackRegistry) -> None:
    rows = [["STAFF MEMBER:", "Jane Smith"], ["Agreed 'Permissions' e.g. it's OK", "Say I'm stuck"]]
    result = read(document(lambda doc: table(doc, rows)), packs.get("portsmouth"))
    assert result.data.supervisee.name == "Jane Smith"  # type: ignore[attr-defined]
    assert result.data.permissions == "Say I'm stuck"  # type: ignore[attr-defined]


def it_matches_a_long_label_worded_a_little_differently(packs: PackRegistry) -> None:
    label = "How will we recognize when our supervisory relationship is not working effectively?"
    result = read(
        document(lambda doc: table(doc, [[label, "Sessions get cancelled"]])), packs.get("portsmouth")
    )
    assert result.data.not_working_signs == "Sessions get cancelled"  # type: ignore[attr-defined]
    assert any(w.field == "not_working_signs" and "loosely" in w.message for w in result.warnings)


def it_drops_a_printed_prompt_left_above_the_answer(packs: PackRegistry) -> None:
    label = "Any other relevant issues for this agreement"
    rows = [[label, f"{PROMPT}\nPhased return until May.\nStudent placement in the team."]]
    result = read(document(lambda doc: table(doc, rows)), packs.get("portsmouth"))
    assert result.data.other_issues == "Phased return until May.\nStudent placement in the team."  # type: ignore[attr-defined]


def it_reads_a_prompt_left_alone_as_no_answer(packs: PackRegistry) -> None:
    rows = [["Any other relevant issues for this agreement", PROMPT]]
    result = read(document(lambda doc: table(doc, rows)), packs.get("portsmouth"))
    assert result.data.other_issues is None  # type: ignore[attr-defined]
    assert result.unmapped == []


def it_reads_signature_rows_with_names_and_dates(packs: PackRegistry) -> None:
    rows = [
        ["Signed manager", "Tom Jones", "Date", "3rd March 2026"],
        ["Signed staff member", "Jane Smith", "Date", "04/03/2026"],
    ]
    result = read(document(lambda doc: table(doc, rows)), packs.get("portsmouth"))
    signatures = result.data.signatures  # type: ignore[attr-defined]
    assert (signatures.supervisor.name, signatures.supervisor.date) == (
        "Tom Jones",
        datetime.date(2026, 3, 3),
    )
    assert (signatures.supervisee.name, signatures.supervisee.date) == (
        "Jane Smith",
        datetime.date(2026, 3, 4),
    )


def it_reads_a_signature_line_with_both_answers_in_one_paragraph(packs: PackRegistry) -> None:
    def build(doc: DocxDocument) -> None:
        paragraph = doc.add_paragraph("Signature of")
        in_paragraph(paragraph, run("\nsupervisee: Jane Smith          Date: 3.3.26"))

    result = read(document(build), packs.get("surrey"))
    signature = result.data.signatures.supervisee  # type: ignore[attr-defined]
    assert (signature.name, signature.date) == ("Jane Smith", datetime.date(2026, 3, 3))
    assert any(
        w.field == "signatures.supervisee.date" and "two-digit year" in w.message for w in result.warnings
    )


def it_reads_answers_typed_after_a_label_and_under_it(packs: PackRegistry) -> None:
    rows = [
        ["Name of supervisor: Tom Jones"],
        ["Name of staff member\nJane Smith"],
        ["Date of this agreement"],
        ["3 Mar 2026"],
    ]
    result = read(document(lambda doc: table(doc, rows)), packs.get("surrey"))
    data = result.data
    assert data.supervisor.name == "Tom Jones"  # type: ignore[attr-defined]
    assert data.supervisee.name == "Jane Smith"  # type: ignore[attr-defined]
    assert data.agreement_date == datetime.date(2026, 3, 3)  # type: ignore[attr-defined]


def it_reads_answers_on_and_between_dot_leaders(packs: PackRegistry) -> None:
    def build(doc: DocxDocument) -> None:
        doc.add_paragraph("The frequency of supervision will be ……monthly……")
        doc.add_paragraph("The supervision meeting will last for a minimum of: an hour and a half")
        doc.add_paragraph(
            "Method of recording the session will be by ………typed notes……… and the person responsible for "
            "recording the session will be the supervisor."
        )
        doc.add_paragraph("a) What I want from you as my supervisor ………………………………….")

    result = read(document(build), packs.get("sefton"))
    data = result.data
    assert data.frequency.description == "monthly"  # type: ignore[attr-defined]
    assert (data.frequency.every, data.frequency.unit) == (1, "month")  # type: ignore[attr-defined]
    assert data.duration_minutes == 90  # type: ignore[attr-defined]
    assert data.recording.method == "typed notes"  # type: ignore[attr-defined]
    assert data.expectations.want_from_supervisor is None  # type: ignore[attr-defined]


def it_keeps_a_full_stop_typed_before_dot_leaders_only_where_the_answer_is_a_sentence(
    packs: PackRegistry,
) -> None:
    def build(doc: DocxDocument) -> None:
        doc.add_paragraph("a) What I want from you as my supervisor ……………Backing in court.……………")
        doc.add_paragraph(
            "Method of recording the session will be by ......typed notes; no change expected this year"
            "....... and the person responsible for recording the session will be the supervisor."
        )
        doc.add_paragraph("Name Supervisee: ......Tomasz Van der Berg......")
        doc.add_paragraph(
            "The supervision meeting will take place in privacy and there will only be interruptions if"
        )
        doc.add_paragraph(".........the court calls about a hearing listed today.........")
        doc.add_paragraph("The frequency of supervision will be ......Once every 4 weeks.........")
        doc.add_paragraph(
            "f) As the supervisee I am responsible for ......Keeping my records up to date......"
        )

    data = read(document(build), packs.get("sefton")).data
    # a phrase going on the printed sentence ("will be …"), no clause ended inside it: no full stop
    assert data.frequency.description == "Once every 4 weeks"  # type: ignore[attr-defined]
    # a sentence of its own, under its prompt: its full stop
    assert data.expectations.supervisee_responsible_for == "Keeping my records up to date."  # type: ignore[attr-defined]
    assert data.expectations.want_from_supervisor == "Backing in court."  # type: ignore[attr-defined]
    assert data.recording.method == "typed notes; no change expected this year."  # type: ignore[attr-defined]
    assert data.supervisee.name == "Tomasz Van der Berg"  # type: ignore[attr-defined]
    assert data.interruptions == "the court calls about a hearing listed today"  # type: ignore[attr-defined]


def it_ends_a_phrase_run_into_plain_dots_as_its_writer_ends_their_other_answers(packs: PackRegistry) -> None:
    def build(ends: str) -> bytes:
        def body(doc: DocxDocument) -> None:
            doc.add_paragraph(f"a) What I want from you as my supervisor ……………Straight answers{ends}……………")
            doc.add_paragraph(
                "c) What I want from you as the supervisee ......Curiosity about your practice......"
            )
            doc.add_paragraph(
                "d) What I will contribute as the supervisor ..........Honest feedback.........."
            )
            doc.add_paragraph(
                f"f) As the supervisee I am responsible for ……Keeping chronologies current{ends}"
            )

        return document(body)

    # the dots after "feedback" hide whether a full stop was typed: the writer's other answers say
    stopped = read(build("."), packs.get("sefton")).data.expectations  # type: ignore[attr-defined]
    assert stopped.contribute_as_supervisor == "Honest feedback."
    assert stopped.want_from_supervisor == "Straight answers."
    left_open = read(build(""), packs.get("sefton")).data.expectations  # type: ignore[attr-defined]
    assert left_open.contribute_as_supervisor == "Honest feedback"
    assert left_open.want_from_supervisee == "Curiosity about your practice"
    assert stopped.want_from_supervisee == "Curiosity about your practice."
    assert left_open.supervisee_responsible_for == "Keeping chronologies current"


def it_ends_a_labelled_part_run_into_plain_dots_as_its_writer_ends_their_answers(packs: PackRegistry) -> None:
    """A phrase going on the printed sentence has no full stop of its own; one that goes on
    into a labelled part ("… today Duration: longer …") holds a sentence the writer ends."""

    def build(ends: str) -> bytes:
        def body(doc: DocxDocument) -> None:
            doc.add_paragraph(
                "The supervision meeting will take place in privacy and there will only be interruptions if"
            )
            doc.add_paragraph(
                ".........the court calls about a hearing listed today Duration: longer sessions when "
                f"court work is heavy{ends}........."
            )
            doc.add_paragraph(f"a) What I want from you as my supervisor ……Straight answers{ends}……")
            doc.add_paragraph(
                f"f) As the supervisee I am responsible for ……Keeping chronologies current{ends}"
            )

        return document(body)

    said = "the court calls about a hearing listed today Duration: longer sessions when court work is heavy"
    assert read(build("."), packs.get("sefton")).data.interruptions == said + "."  # type: ignore[attr-defined]
    assert read(build(""), packs.get("sefton")).data.interruptions == said  # type: ignore[attr-defined]


def it_finds_a_reworded_label_in_a_cell_left_of_the_label_before_it_in_the_form_s_order(
    packs: PackRegistry,
) -> None:
    # an older edition puts its review date in the signature table's first column, on the
    # supervisor's row: that cell comes before the supervisor's date in reading order
    rows = [
        ["Parties to the Contract:", "", ""],
        ["", "Supervisee Jane Smith", "Date: 22/09/25"],
        ["Next review: 13-09-2026", "Supervisor Tom Jones", "Date: 23/09/25"],
    ]
    result = read(document(lambda doc: table(doc, rows)), packs.get("sefton"))
    assert result.data.review_date == datetime.date(2026, 9, 13)  # type: ignore[attr-defined]
    assert result.data.signatures.supervisor.date == datetime.date(2025, 9, 23)  # type: ignore[attr-defined]


def it_reads_the_month_and_date_table_skipping_blank_rows(packs: PackRegistry) -> None:
    rows = [
        ["Month", "Date"],
        ["March", "3rd March 2026"],
        ["", ""],
        ["April 2026", "7th"],
        ["May", "05/05/2026"],
    ]
    result = read(document(lambda doc: table(doc, rows)), packs.get("sefton"))
    assert result.data.meeting_dates == [  # type: ignore[attr-defined]
        datetime.date(2026, 3, 3),
        datetime.date(2026, 4, 7),
        datetime.date(2026, 5, 5),
    ]


def it_splits_one_answer_between_frequency_and_duration(packs: PackRegistry) -> None:
    rows = [["Supervision\nFrequency and duration?", "Every 4 weeks for 1.5 hours"]]
    result = read(document(lambda doc: table(doc, rows)), packs.get("surrey"))
    data = result.data
    assert data.frequency.description == "Every 4 weeks"  # type: ignore[attr-defined]
    assert data.duration_minutes == 90  # type: ignore[attr-defined]


def it_reads_the_lower_half_of_a_vertically_merged_label(packs: PackRegistry) -> None:
    def build(doc: DocxDocument) -> None:
        table(
            doc,
            [["What methods will be used to resolve any difficulties", "Talk first."], ["", "Then mediate."]],
        )
        cells = doc.tables[0].rows
        _merge_down(cells[0].cells[0], cells[1].cells[0])

    result = read(document(build), packs.get("portsmouth"))
    assert result.data.difficulty_resolution == "Talk first.\nThen mediate."  # type: ignore[attr-defined]


def it_keeps_text_no_field_takes_in_unmapped_with_its_place(packs: PackRegistry) -> None:
    def build(doc: DocxDocument) -> None:
        table(doc, [["Staff member", "Jane Smith"]])
        doc.add_paragraph("Agreed at the team meeting on Monday.")

    result = read(document(build), packs.get("portsmouth"))
    assert [u.text for u in result.unmapped] == ["Agreed at the team meeting on Monday."]
    assert result.unmapped[0].source.startswith("paragraph ")


def it_reads_several_paragraphs_and_mixed_bold_runs_as_one_answer(packs: PackRegistry) -> None:
    def fill(cell: _Cell) -> None:
        paragraph = cell.paragraphs[0]
        in_paragraph(paragraph, run("Six years in "), run("assessment", bold=True), run(" work."))
        cell.add_paragraph("Prefers written notes.")

    rows = [["What does the supervisee bring to this relationship", fill]]
    result = read(document(lambda doc: table(doc, rows)), packs.get("portsmouth"))
    assert result.data.supervisee_brings == "Six years in assessment work.\nPrefers written notes."  # type: ignore[attr-defined]


def it_reads_an_answer_on_the_next_line_after_a_label_in_the_body(packs: PackRegistry) -> None:
    def build(doc: DocxDocument) -> None:
        doc.add_paragraph("KEY TASKS OF SUPERVISEE:")
        doc.add_paragraph("This may include individual cases, administrative or practical duties.")
        doc.add_paragraph("Duty cover one day a fortnight.")
        doc.add_paragraph("MANDATE FOR SUPERVISION:")

    result = read(document(build), packs.get("sefton"))
    assert result.data.key_tasks == "Duty cover one day a fortnight."  # type: ignore[attr-defined]


def _merge_down(upper: _Cell, lower: _Cell) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for cell, value in ((upper, "restart"), (lower, None)):
        merge = OxmlElement("w:vMerge")
        if value:
            merge.set(qn("w:val"), value)
        cell._tc.get_or_add_tcPr().append(merge)


def it_gives_dates_written_without_a_year_the_year_around_them(packs: PackRegistry) -> None:
    def build(doc: DocxDocument) -> None:
        table(doc, [["Month", "Date"], ["November", "12th"], ["December", "10th"], ["January", "14th"]])
        doc.add_paragraph("Date of Review: 1st October 2025")

    result = read(document(build), packs.get("sefton"))
    assert result.data.meeting_dates == [  # type: ignore[attr-defined]
        datetime.date(2025, 11, 12),
        datetime.date(2025, 12, 10),
        datetime.date(2026, 1, 14),
    ]
