"""What a manager opens: the annex as a labelled table before the signatures, values the
form prints not repeated, rows that stay whole, headings that repeat, room to sign,
answers on their own line, and the document's real date and title."""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from supervision_forms import PackRegistry, load_pack, parse, render
from supervision_forms.errors import PackError, RenderWarning
from supervision_forms.models import Agreement, GeneralRecord
from tests.conftest import PACK_NAMES
from tests.tiny_pack import make_tiny_pack

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def body(docx: bytes) -> etree._Element:
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml"))


def text(element: etree._Element) -> str:
    return "".join(t.text or "" for t in element.iter(f"{W}t"))


def annex_table(root: etree._Element) -> etree._Element:
    heading = next(p for p in root.iter(f"{W}p") if text(p).startswith("Further details recorded"))
    table = heading.getnext()
    assert table is not None and table.tag == f"{W}tbl"
    return table


def annex_rows(root: etree._Element) -> dict[str, str]:
    rows = annex_table(root).findall(f"{W}tr")
    return {text(row[1]).removesuffix(":"): text(row[2]) for row in rows}  # row[0] is w:trPr


def order(root: etree._Element, element: etree._Element) -> int:
    return list(root.iter()).index(element)


def first_mark(root: etree._Element, prefix: str) -> etree._Element:
    return next(b for b in root.iter(f"{W}bookmarkStart") if b.get(f"{W}name", "").startswith(prefix))


# --- the annex -------------------------------------------------------------------------


@pytest.mark.parametrize("name", PACK_NAMES)
def it_puts_the_annex_before_the_signatures_as_a_labelled_table(
    name: str, examples: dict[str, Agreement]
) -> None:
    other = examples["surrey" if name != "surrey" else "portsmouth"]
    root = body(render(other, pack=name))  # Surrey's data agrees with every printed form
    table = annex_table(root)
    assert order(root, table) < order(root, first_mark(root, "sf_signatures_"))
    rows = annex_rows(root)
    assert rows["Supervisor's role"] == other.supervisor.role
    assert "Supervisor: Role" not in rows


def it_writes_a_list_of_dates_on_one_line(examples: dict[str, Agreement]) -> None:
    sefton = examples["sefton"]
    with pytest.warns(RenderWarning, match="frequency.description"):
        rows = annex_rows(body(render(sefton, pack="portsmouth")))
    dates = rows["Dates of supervision meetings"]
    assert dates.split("; ")[:2] == ["14 December 2026", "11 January 2027"]
    assert not [label for label in rows if re.search(r"meetings \d", label)]


def it_keeps_the_annex_where_the_template_places_it(examples: dict[str, Agreement]) -> None:
    root = body(render(examples["portsmouth"], pack="sefton"))
    dates_heading = next(p for p in root.iter(f"{W}p") if text(p).startswith("Dates of Supervision Meetings"))
    assert order(root, annex_table(root)) < order(root, dates_heading)


def it_does_not_repeat_what_the_form_prints_but_keeps_it_to_read_back(examples: dict[str, Agreement]) -> None:
    sefton = examples["sefton"]
    assert sefton.recording.storage == "Sharepoint"
    docx = render(sefton, pack="sefton")
    root = body(docx)
    assert "Where records are kept" not in annex_rows(root)
    hidden = [p for p in root.iter(f"{W}p") if p.find(f"{W}pPr/{W}rPr/{W}vanish") is not None]
    assert [text(p) for p in hidden] == [
        "Responsible for the record: Supervisor",
        "Record shared within (working days): 5",
        "Where records are kept: Sharepoint",
    ]
    assert parse(docx).data == sefton


def it_warns_naming_the_field_when_data_contradicts_the_printed_form(examples: dict[str, Agreement]) -> None:
    mosaic = examples["sefton"].model_copy(
        update={"recording": examples["sefton"].recording.model_copy(update={"storage": "Mosaic"})}
    )
    with pytest.warns(RenderWarning) as caught:
        docx = render(mosaic, pack="sefton")
    assert [str(w.message).split(":")[0] for w in caught] == ["recording.storage"]
    assert "Mosaic" not in str(caught[0].message)  # the field is named, not its value
    assert annex_rows(body(docx))["Where records are kept"] == "Mosaic"
    assert parse(docx).data == mosaic


def it_refuses_a_printed_fact_that_is_not_on_the_form(tmp_path: Path) -> None:
    folder = make_tiny_pack(tmp_path / "tiny")
    with (folder / "pack.toml").open("a", encoding="utf-8") as toml:
        toml.write('\n[documents.agreement.printed]\n"location" = { value = "1", text = "Room 1." }\n')
    with pytest.raises(PackError, match="printed text given for 'location' is not on the form"):
        load_pack(folder)


# --- rows, headings, signatures, answers ------------------------------------------------


@pytest.mark.parametrize("name", PACK_NAMES)
def it_keeps_every_table_row_on_one_page(name: str, packs: PackRegistry) -> None:
    for kind in packs.get(name).documents:
        root = body(render(packs.get(name).example(kind), pack=name, document=kind))
        rows = list(root.iter(f"{W}tr"))
        assert rows and all(row.find(f"{W}trPr/{W}cantSplit") is not None for row in rows)


def it_repeats_a_tables_heading_rows_on_each_page_but_not_a_sections_heading(
    examples: dict[str, Agreement],
) -> None:
    sefton = body(render(examples["sefton"], pack="sefton"))
    headed = [t for t in sefton.iter(f"{W}tbl") if t.find(f"{W}tr/{W}trPr/{W}tblHeader") is not None]
    assert [text(t.findall(f"{W}tr")[0]) for t in headed] == ["MonthDate", "Parties to the Contract:"]
    surrey = body(render(examples["surrey"], pack="surrey"))  # one table of seven sections
    main = max(surrey.iter(f"{W}tbl"), key=lambda t: len(t.findall(f"{W}tr")))
    assert main.find(f"{W}tr/{W}trPr/{W}tblHeader") is None


@pytest.mark.parametrize("name", PACK_NAMES)
def it_leaves_room_to_sign(name: str) -> None:
    root = body(render(Agreement(), pack=name))
    rows = [
        r
        for r in root.iter(f"{W}tr")
        if any(b.get(f"{W}name", "").startswith("sf_signatures_") for b in r.iter(f"{W}bookmarkStart"))
    ]
    assert len(rows) == 2
    for row in rows:
        height = row.find(f"{W}trPr/{W}trHeight")
        assert height is not None and int(height.get(f"{W}val", "0")) >= 850  # 1.5 cm
    table = next(rows[0].iterancestors(f"{W}tbl"))
    kept = [
        all(p.find(f"{W}pPr/{W}keepNext") is not None for p in row.iter(f"{W}p"))
        for row in table.findall(f"{W}tr")
    ]
    assert kept == [True] * (len(kept) - 1) + [False]  # the signatures stay on one page


def it_starts_an_answer_on_its_own_line_after_a_printed_question(examples: dict[str, Agreement]) -> None:
    root = body(render(examples["sefton"], pack="sefton"))
    mark = first_mark(root, "sf_expectations_want_from_supervisor")
    previous = mark.getprevious()
    assert previous is not None and previous.find(f"{W}br") is not None
    frequency = first_mark(root, "sf_frequency_description").getprevious()
    assert frequency is None or frequency.find(f"{W}br") is None  # a sentence to finish stays inline


# --- the document's properties ----------------------------------------------------------


def it_dates_and_titles_each_document(
    monkeypatch: pytest.MonkeyPatch, examples: dict[str, Agreement]
) -> None:
    monkeypatch.setenv(
        "SOURCE_DATE_EPOCH", str(int(datetime.datetime(2026, 11, 24, 15, tzinfo=datetime.UTC).timestamp()))
    )
    package = zipfile.ZipFile(io.BytesIO(render(examples["surrey"], pack="surrey")))
    core = package.read("docProps/core.xml").decode()
    assert '<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-24T00:00:00Z</dcterms:created>' in core
    assert "<dc:title>Supervision Agreement – Daniel Price</dc:title>" in core
    assert "lastPrinted" not in core and "docProps/thumbnail.jpeg" not in package.namelist()
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    today = zipfile.ZipFile(io.BytesIO(render(GeneralRecord(), pack="sefton", document="general_record")))
    assert (
        f">{datetime.date.today().isoformat()}T00:00:00Z</dcterms:created>"
        in today.read("docProps/core.xml").decode()
    )
