"""Session records read back exactly as rendered: as .docx, after Word edits, through LibreOffice."""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from pydantic import BaseModel

from supervision_forms import PackRegistry, parse, render
from supervision_forms.models import TOPIC_LABELS, Cancellation, CaseRecord, GeneralRecord
from supervision_forms.models.common import _XML_ILLEGAL
from supervision_forms.models.paths import flatten
from supervision_forms.office import convert
from tests.conftest import needs_libreoffice
from tests.docx_edit import W, bookmark_runs, edit_document_xml, retype, run, tracked
from tests.records.conftest import RECORD_IDS, RECORDS

HOSTILE = 'Amy & <Bo> "quoted" {{ not.a.tag }} {% if %} ☒ ☐ [x] 😀 Łódź 北京'
# A PDF draws glyphs from fallback fonts (☒, emoji, CJK) apart from the text around them, and
# may map them back wrongly: the PDF test uses markup and accents that the body font holds.
MARKUP = 'Amy & <Bo> "quoted" {{ not.a.tag }} {% if %} [x] Łódź'
EMPTY = {"case_record": CaseRecord, "general_record": GeneralRecord, "cancellation": Cancellation}


@pytest.mark.parametrize(("pack", "kind"), RECORDS, ids=RECORD_IDS)
def it_reads_each_example_back_exactly(
    pack: str, kind: str, packs: PackRegistry, record_examples: dict[tuple[str, str], BaseModel]
) -> None:
    example = record_examples[(pack, kind)]
    result = parse(render(example, pack=pack, document=kind), packs=packs)
    assert (result.pack, result.document) == (pack, kind)
    assert result.data == example
    assert result.unmapped == []
    assert result.warnings == []


@pytest.mark.parametrize(("pack", "kind"), RECORDS, ids=RECORD_IDS)
def it_reads_an_empty_record_as_empty(pack: str, kind: str, packs: PackRegistry) -> None:
    result = parse(render(EMPTY[kind](), pack=pack, document=kind), packs=packs)
    assert result.data == EMPTY[kind]()
    assert result.unmapped == []


def _hostile_case_record(text: str = HOSTILE) -> CaseRecord:
    return CaseRecord.model_validate(
        {
            "child": {"name": text},
            "case_summary": "Line one\nLine two\n\tindented & <b>",
            "decisions": [{"action": text, "owner": "A & B", "due": "2026-03-03", "reason": "x\ny"}],
            "legal_status_detail": f"{text} (not really)",
        }
    )


def it_keeps_hostile_text_in_every_kind_of_place(packs: PackRegistry) -> None:
    record = _hostile_case_record()
    assert parse(render(record, pack="portsmouth", document="case_record"), packs=packs).data == record


def it_puts_values_the_layout_has_no_place_for_in_the_annex_and_reads_them_back(packs: PackRegistry) -> None:
    record = GeneralRecord.model_validate(
        {"supervisor": {"name": "P", "role": "Team Manager", "team": "North"}, "topics": ["case_work"]}
    )
    docx = render(record, pack="portsmouth", document="general_record")
    assert b"Further details recorded in this General Supervision Recording" in _body_text(docx)
    assert parse(docx, packs=packs).data == record


@pytest.mark.parametrize(("source", "target"), [("portsmouth", "sefton"), ("sefton", "portsmouth")])
def it_renders_a_general_record_in_another_councils_layout_without_losing_a_value(
    source: str, target: str, packs: PackRegistry, record_examples: dict[tuple[str, str], BaseModel]
) -> None:
    example = record_examples[(source, "general_record")]
    result = parse(render(example, pack=target, document="general_record"), packs=packs)
    assert (result.pack, result.document) == (target, "general_record")
    assert result.data == example
    assert result.unmapped == []


def it_reads_a_decision_retyped_in_word(
    packs: PackRegistry, record_examples: dict[tuple[str, str], BaseModel]
) -> None:
    example = record_examples[("portsmouth", "case_record")]

    def edit(root: etree._Element) -> None:
        retype(root, "sf_decisions_owner_1", [run("Sam ", bold=True), tracked("ins", "J. "), run("Ortiz")])
        retype(root, "sf_decisions_due_1", [tracked("del", "30 November 2026"), run("4/12/2026")])

    result = parse(
        edit_document_xml(render(example, pack="portsmouth", document="case_record"), edit), packs=packs
    )
    decision = result.data.decisions[1]  # type: ignore[attr-defined]
    assert (decision.owner, decision.due) == ("Sam J. Ortiz", datetime.date(2026, 12, 4))


def it_reads_a_decision_typed_into_a_blank_row(packs: PackRegistry) -> None:
    record = CaseRecord.model_validate({"decisions": [{"action": "Visit"}]})

    def type_in_blank_row(root: etree._Element) -> None:
        for name, text in (("sf_decisions_action_3", "Call school"), ("sf_decisions_due_3", "9 March 2026")):
            start, _ = bookmark_runs(root, name)
            paragraph = start.getparent()
            assert paragraph is not None
            paragraph.append(run(text))  # Word types after an empty bookmark, not inside it

    docx = edit_document_xml(render(record, pack="portsmouth", document="case_record"), type_in_blank_row)
    result = parse(docx, packs=packs)
    assert [(d.action, d.due) for d in result.data.decisions] == [  # type: ignore[attr-defined]
        ("Visit", None),
        ("Call school", datetime.date(2026, 3, 9)),
    ]
    assert result.unmapped == []


def it_reads_boxes_ticked_and_unticked_in_word(packs: PackRegistry) -> None:
    record = GeneralRecord.model_validate({"topics": ["case_work", "files_review"]})

    def tick(root: etree._Element) -> None:
        for text in root.iter(f"{W}t"):
            if text.text == "☐ Review of individual professional development":
                text.text = "☒ Review of individual professional development"
            if text.text == "☒ Review of written files and records":
                text.text = "☐ Review of written files and records"

    docx = edit_document_xml(render(record, pack="portsmouth", document="general_record"), tick)
    assert parse(docx, packs=packs).data.topics == ["case_work", "professional_development"]  # type: ignore[attr-defined]


def it_reads_a_legal_status_ticked_by_hand(packs: PackRegistry) -> None:
    def tick(root: etree._Element) -> None:
        for text in root.iter(f"{W}t"):
            if text.text == "☐ Child in need":
                text.text = "X Child in need"

    docx = edit_document_xml(render(CaseRecord(), pack="portsmouth", document="case_record"), tick)
    assert parse(docx, packs=packs).data.legal_status == "child_in_need"  # type: ignore[attr-defined]


def it_warns_when_one_choice_has_two_ticks_and_keeps_the_text(packs: PackRegistry) -> None:
    def tick_all(root: etree._Element) -> None:
        for text in root.iter(f"{W}t"):
            if text.text and text.text.startswith("☐ Child"):
                text.text = "☒" + text.text[1:]

    docx = edit_document_xml(render(CaseRecord(), pack="portsmouth", document="case_record"), tick_all)
    result = parse(docx, packs=packs)
    assert result.data.legal_status is None  # type: ignore[attr-defined]
    assert [w.field for w in result.warnings] == ["legal_status"]
    assert "Child protection" in result.unmapped[0].text


def it_detects_a_record_by_its_printed_text_when_the_stamp_is_gone(
    packs: PackRegistry, record_examples: dict[tuple[str, str], BaseModel]
) -> None:
    for pack, kind in RECORDS:
        docx = _without_keywords(render(record_examples[(pack, kind)], pack=pack, document=kind))
        result = parse(docx, packs=packs)
        assert (result.pack, result.document) == (pack, kind)
        assert result.data == record_examples[(pack, kind)]


any_text = st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\x00\r"), max_size=40)
form_text = any_text.map(lambda t: _XML_ILLEGAL.sub("", t))  # text a Word document can hold
some_text = form_text.filter(lambda t: t.strip() != "")
days = st.dates(datetime.date(1990, 1, 1), datetime.date(2100, 12, 31))
decisions = st.lists(
    st.fixed_dictionaries(
        {"action": some_text, "owner": form_text, "due": st.none() | days, "reason": form_text}
    ),
    max_size=8,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    texts=st.lists(form_text, min_size=3, max_size=3),
    rows=decisions,
    day=days,
    status=st.sampled_from([None, "child_in_need", "child_protection", "cared_for", "other"]),
)
def it_round_trips_arbitrary_case_records(
    texts: list[str], rows: list[dict[str, object]], day: datetime.date, status: str | None
) -> None:
    record = CaseRecord.model_validate(
        {
            "child": {"name": texts[0]},
            "case_summary": texts[1],
            "risks": texts[2],
            "decisions": rows,
            "recorded_on_child_file": day,
            "legal_status": status,
        }
    )
    assert parse(render(record, pack="portsmouth", document="case_record")).data == record


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=form_text,
    topics=st.lists(st.sampled_from(list(TOPIC_LABELS)), max_size=7),
    rows=decisions.map(lambda ds: [{k: v for k, v in d.items() if k != "reason"} for d in ds]),
    minutes=st.none() | st.integers(1, 24 * 60),
)
def it_round_trips_arbitrary_general_records(
    text: str, topics: list[str], rows: list[dict[str, object]], minutes: int | None
) -> None:
    record = GeneralRecord.model_validate(
        {"wellbeing": text, "topics": topics, "actions": rows, "duration_minutes": minutes}
    )
    assert parse(render(record, pack="portsmouth", document="general_record")).data == record


# --- LibreOffice: one call re-saves every file, one call exports every PDF -----------------


def _comparable(model: BaseModel) -> dict[str, object]:
    """Values with white space collapsed: a PDF keeps words and dates, not line layout."""
    return {
        path: re.sub(r"\s+", " ", value) if isinstance(value, str) else value
        for path, value in flatten(model).items()
    }


@pytest.fixture(scope="module")
def office_copies(
    tmp_path_factory: pytest.TempPathFactory, record_examples: dict[tuple[str, str], BaseModel]
) -> Path:
    needs_libreoffice()
    folder = tmp_path_factory.mktemp("office-records")
    sources = []
    for (pack, kind), example in record_examples.items():
        path = folder / f"{pack}-{kind}.docx"
        path.write_bytes(render(example, pack=pack, document=kind))
        sources.append(path)
    crossed = folder / "portsmouth-in-sefton-general_record.docx"
    crossed.write_bytes(
        render(record_examples[("portsmouth", "general_record")], pack="sefton", document="general_record")
    )
    sources.append(crossed)
    for name, text in (("hostile", HOSTILE), ("markup", MARKUP)):
        path = folder / f"{name}-case_record.docx"
        path.write_bytes(render(_hostile_case_record(text), pack="portsmouth", document="case_record"))
        sources.append(path)
    convert(sources, "pdf", folder / "pdf")
    convert(sources, "docx:MS Word 2007 XML", folder / "resaved")
    return folder


@pytest.mark.libreoffice
@pytest.mark.parametrize(("pack", "kind"), RECORDS, ids=RECORD_IDS)
def it_survives_a_libreoffice_resave(
    pack: str,
    kind: str,
    office_copies: Path,
    packs: PackRegistry,
    record_examples: dict[tuple[str, str], BaseModel],
) -> None:
    result = parse(office_copies / "resaved" / f"{pack}-{kind}.docx", packs=packs)
    assert (result.pack, result.document) == (pack, kind)
    assert result.data == record_examples[(pack, kind)]
    assert result.unmapped == []


@pytest.mark.libreoffice
def it_keeps_hostile_text_through_a_libreoffice_resave(office_copies: Path, packs: PackRegistry) -> None:
    result = parse(office_copies / "resaved" / "hostile-case_record.docx", packs=packs)
    assert result.data == _hostile_case_record()


@pytest.mark.libreoffice
@pytest.mark.parametrize(("pack", "kind"), RECORDS, ids=RECORD_IDS)
def it_reads_every_field_rows_and_ticks_included_from_a_pdf_export(
    pack: str,
    kind: str,
    office_copies: Path,
    packs: PackRegistry,
    record_examples: dict[tuple[str, str], BaseModel],
) -> None:
    result = parse(office_copies / "pdf" / f"{pack}-{kind}.pdf", packs=packs)
    assert (result.pack, result.document) == (pack, kind)
    assert _comparable(result.data) == _comparable(record_examples[(pack, kind)])
    assert result.unmapped == []


@pytest.mark.libreoffice
def it_reads_values_from_the_annex_of_a_pdf_in_another_layout(
    office_copies: Path, packs: PackRegistry, record_examples: dict[tuple[str, str], BaseModel]
) -> None:
    result = parse(office_copies / "pdf" / "portsmouth-in-sefton-general_record.pdf", packs=packs)
    assert result.pack == "sefton"
    assert _comparable(result.data) == _comparable(record_examples[("portsmouth", "general_record")])


@pytest.mark.libreoffice
def it_reads_markup_in_decision_rows_from_a_pdf_export(office_copies: Path, packs: PackRegistry) -> None:
    result = parse(office_copies / "pdf" / "markup-case_record.pdf", packs=packs)
    assert _comparable(result.data) == _comparable(_hostile_case_record(MARKUP))


def _body_text(docx: bytes) -> bytes:
    return zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml")


def _without_keywords(docx: bytes) -> bytes:
    """The document with its identity stamp (the keywords property) removed."""
    source = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "docProps/core.xml":
                data = re.sub(rb"<cp:keywords>.*?</cp:keywords>", b"", data)
            target.writestr(item, data)
    return out.getvalue()
