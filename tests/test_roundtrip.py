"""Reading our own documents back gives exactly what was rendered."""

from __future__ import annotations

import datetime
import re
import secrets
import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from supervision_forms import PackRegistry, parse, render
from supervision_forms.models import Agreement
from supervision_forms.models.paths import flatten, unflatten
from supervision_forms.office import convert
from supervision_forms.packs import Pack
from supervision_forms.render import annex_items
from tests.conftest import PACK_NAMES, needs_libreoffice
from tests.docx_edit import add_paragraph_in_cell, edit_document_xml, retype, run, tracked

HOSTILE = "Amy & <Bo> \"quoted\" 'single' {{ not.a.tag }} {_{ x }_} {% if %} 😀 Łódź 北京 עברית"


@pytest.mark.parametrize("name", PACK_NAMES)
def it_reads_each_example_back_exactly(
    name: str, packs: PackRegistry, examples: dict[str, Agreement]
) -> None:
    result = parse(render(examples[name], pack=name), packs=packs)
    assert (result.pack, result.document) == (name, "agreement")
    assert result.data == examples[name]
    assert result.unmapped == []


@pytest.mark.parametrize("source", PACK_NAMES)
@pytest.mark.parametrize("target", PACK_NAMES)
def it_renders_any_agreement_in_any_layout_without_losing_a_value(
    source: str, target: str, packs: PackRegistry, examples: dict[str, Agreement]
) -> None:
    result = parse(render(examples[source], pack=target), packs=packs)
    assert result.pack == target
    assert result.data == examples[source]


@pytest.mark.parametrize("name", PACK_NAMES)
def it_keeps_hostile_text_exactly(name: str, packs: PackRegistry) -> None:
    data = Agreement.model_validate(
        {
            "supervisee": {"name": HOSTILE},
            "supervisor": {"name": "Line one\nLine two\n\tindented"},
            "other_issues": "First paragraph.\n\nSecond & last <para>.",
            "meeting_dates": ["2026-03-03", "2026-04-07"],
        }
    )
    assert parse(render(data, pack=name), packs=packs).data == data


def it_writes_newlines_as_word_line_breaks(examples: dict[str, Agreement]) -> None:
    import io
    import zipfile

    data = examples["surrey"].model_copy(update={"other_issues": "one\ntwo"})
    xml = zipfile.ZipFile(io.BytesIO(render(data, pack="surrey"))).read("word/document.xml").decode()
    assert re.search(r"one</w:t>\s*<w:br/>\s*<w:t[^>]*>two", xml)


@pytest.mark.parametrize("name", PACK_NAMES)
def it_reads_what_a_person_typed_inside_the_answer_places(name: str, packs: PackRegistry) -> None:
    data = Agreement.model_validate({"supervisee": {"name": "Old Name"}, "review_date": "2027-01-04"})

    def edit(root):  # type: ignore[no-untyped-def]
        retype(root, "sf_supervisee_name", [run("Jane ", bold=True), tracked("ins", "Q. "), run("Doe")])
        retype(
            root,
            "sf_review_date",
            [tracked("del", "4 January 2027"), run("14th "), run("March 2027", bold=True)],
        )

    edited = edit_document_xml(render(data, pack=name), edit)
    result = parse(edited, packs=packs)
    assert result.data.supervisee.name == "Jane Q. Doe"  # type: ignore[attr-defined]
    assert result.data.review_date == datetime.date(2027, 3, 14)  # type: ignore[attr-defined]


def it_reads_a_second_paragraph_typed_in_an_answer_cell(
    packs: PackRegistry, examples: dict[str, Agreement]
) -> None:
    edited = edit_document_xml(
        render(examples["portsmouth"], pack="portsmouth"),
        lambda root: add_paragraph_in_cell(root, "sf_other_issues", "Added later in Word."),
    )
    result = parse(edited, packs=packs)
    assert result.data.other_issues == examples["portsmouth"].other_issues + "\nAdded later in Word."  # type: ignore[attr-defined, operator]


def it_puts_text_typed_outside_any_field_in_unmapped(
    packs: PackRegistry, examples: dict[str, Agreement]
) -> None:
    def add_note(root):  # type: ignore[no-untyped-def]
        body = root.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}body")
        paragraph = body[0].makeelement(body[0].tag, {})
        paragraph.append(run("A note typed between sections."))
        body.insert(1, paragraph)

    result = parse(edit_document_xml(render(examples["sefton"], pack="sefton"), add_note), packs=packs)
    assert result.data == examples["sefton"]
    assert [u.text for u in result.unmapped] == ["A note typed between sections."]


@pytest.mark.parametrize("name", PACK_NAMES)
def it_reads_an_empty_agreement_as_empty(name: str, packs: PackRegistry) -> None:
    result = parse(render(Agreement(), pack=name), packs=packs)
    assert result.data == Agreement()
    assert result.unmapped == []


form_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\r"), max_size=60
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=st.sampled_from(PACK_NAMES),
    texts=st.lists(form_text, min_size=4, max_size=4),
    day=st.dates(datetime.date(1990, 1, 1), datetime.date(2100, 12, 31)),
    days=st.lists(st.dates(datetime.date(2000, 1, 1), datetime.date(2099, 12, 31)), max_size=14),
)
def it_round_trips_arbitrary_text(
    name: str, texts: list[str], day: datetime.date, days: list[datetime.date]
) -> None:
    from supervision_forms.models.common import _XML_ILLEGAL

    texts = [_XML_ILLEGAL.sub("", t) for t in texts]
    data = Agreement.model_validate(
        {
            "supervisee": {"name": texts[0], "team": texts[1]},
            "other_issues": texts[2],
            "expectations": {"mutual": texts[3]},
            "review_date": day,
            "meeting_dates": days,
        }
    )
    assert parse(render(data, pack=name)).data == data


def _comparable(agreement: Agreement) -> dict[str, object]:
    """Values with white space collapsed: a PDF keeps words and dates, not line layout."""
    return {
        path: re.sub(r"\s+", " ", value) if isinstance(value, str) else value
        for path, value in flatten(agreement).items()
    }


@pytest.fixture(scope="module")
def office_copies(
    tmp_path_factory: pytest.TempPathFactory, examples: dict[str, Agreement]
) -> dict[str, Path]:
    """Each example rendered in its own pack and in the others, then re-saved and exported."""
    needs_libreoffice()
    folder = tmp_path_factory.mktemp("office")
    sources = []
    for source in PACK_NAMES:
        for target in PACK_NAMES:
            path = folder / f"{source}-in-{target}.docx"
            path.write_bytes(render(examples[source], pack=target))
            sources.append(path)
    hostile = Agreement.model_validate(
        {"supervisee": {"name": HOSTILE}, "other_issues": "one\ntwo & <three>"}
    )
    for target in PACK_NAMES:
        path = folder / f"hostile-in-{target}.docx"
        path.write_bytes(render(hostile, pack=target))
        sources.append(path)
    convert(sources, "pdf", folder / "pdf")
    convert(sources, "docx:MS Word 2007 XML", folder / "resaved")
    return {"folder": folder}


@pytest.mark.libreoffice
@pytest.mark.parametrize("source", PACK_NAMES)
@pytest.mark.parametrize("target", PACK_NAMES)
def it_survives_a_libreoffice_resave(
    source: str,
    target: str,
    office_copies: dict[str, Path],
    packs: PackRegistry,
    examples: dict[str, Agreement],
) -> None:
    result = parse(office_copies["folder"] / "resaved" / f"{source}-in-{target}.docx", packs=packs)
    assert result.pack == target
    assert result.data == examples[source]
    assert result.unmapped == []


@pytest.mark.libreoffice
@pytest.mark.parametrize("target", PACK_NAMES)
def it_keeps_hostile_text_through_a_libreoffice_resave(target: str, office_copies: dict[str, Path]) -> None:
    result = parse(office_copies["folder"] / "resaved" / f"hostile-in-{target}.docx")
    assert result.data.supervisee.name == HOSTILE  # type: ignore[attr-defined]
    assert result.data.other_issues == "one\ntwo & <three>"  # type: ignore[attr-defined]


@pytest.mark.libreoffice
@pytest.mark.parametrize("source", PACK_NAMES)
@pytest.mark.parametrize("target", PACK_NAMES)
def it_reads_our_pdf_export_back_exactly(
    source: str,
    target: str,
    office_copies: dict[str, Path],
    packs: PackRegistry,
    examples: dict[str, Agreement],
) -> None:
    pdf = office_copies["folder"] / "pdf" / f"{source}-in-{target}.pdf"
    result = parse(pdf, packs=packs)
    assert result.pack == target
    assert result.data == examples[source]
    assert result.unmapped == [] and result.warnings == []
    from_text = parse(without_data(pdf.read_bytes()), packs=packs)  # the page text alone
    expected = _without_printed(examples[source], packs.get(target))
    assert _comparable(from_text.data) == _comparable(expected)  # type: ignore[arg-type]
    assert from_text.unmapped == []


def without_data(pdf: bytes) -> bytes:
    """A PDF of ours with its attached data taken off: only the page text is left."""
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    for key in ("/AF", "/Names"):
        if key in writer.root_object:
            del writer.root_object[key]
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def every_document(tmp_path_factory: pytest.TempPathFactory, packs: PackRegistry) -> dict[str, Path]:
    """Every pack's every document's example, rendered and exported by LibreOffice."""
    needs_libreoffice()
    folder = tmp_path_factory.mktemp("documents")
    sources = []
    for name in PACK_NAMES:
        for kind in packs.get(name).documents:
            path = folder / f"{name}-{kind}.docx"
            path.write_bytes(render(packs.get(name).example(kind), pack=name, document=kind))
            sources.append(path)
    return {path.stem: path for path in convert(sources, "pdf", folder / "pdf")}


@pytest.mark.libreoffice
def it_reads_every_documents_pdf_back_exactly(every_document: dict[str, Path], packs: PackRegistry) -> None:
    for stem, pdf in every_document.items():
        name, kind = stem.split("-", 1)
        expected = packs.get(name).example(kind)
        result = parse(pdf, packs=packs)
        assert (result.pack, result.document, result.data) == (name, kind, expected), stem
        from_text = parse(without_data(pdf.read_bytes()), packs=packs)
        shown = _without_printed(expected, packs.get(name)) if kind == "agreement" else expected
        assert _soft_wraps_kept(flatten(from_text.data), flatten(shown)), stem


@pytest.mark.libreoffice
def it_reads_an_edited_pdf_from_its_text_not_its_attached_data(
    every_document: dict[str, Path], packs: PackRegistry, examples: dict[str, Agreement]
) -> None:
    from supervision_forms.pdfdata import attach_data

    pdf = without_data(every_document["surrey-agreement"].read_bytes())
    stale = examples["surrey"].model_copy(update={"other_issues": "Something else entirely."})
    result = parse(attach_data(pdf, "surrey", "agreement", stale), packs=packs)
    assert _comparable(result.data) == _comparable(examples["surrey"])  # type: ignore[arg-type]
    assert any("differs from the data attached" in w.message for w in result.warnings)


def _soft_wraps_kept(got: dict[str, object], expected: dict[str, object]) -> bool:
    """Whether each value reads as expected, white space aside (a PDF cannot always show
    it: a line the writer ended where it filled its cell, a line wrapped where there was
    no space), and whether every line break read is one the writer typed: a soft wrap
    never comes back as a line break."""
    for path, value in expected.items():
        read = got.get(path)
        if isinstance(value, str) and isinstance(read, str):
            if "".join(read.split()) != "".join(value.split()) or not _breaks(read) <= _breaks(value):
                return False
        elif read != value:
            return False
    return True


def _breaks(text: str) -> set[int]:
    """Where a text's line breaks are, counted in the characters before them that are not white space."""
    found, count = set(), 0
    for char in text:
        if char == "\n":
            found.add(count)
        elif not char.isspace():
            count += 1
    return found


# words as people write them: letters and digits, punctuation after them (a PDF cannot show
# where LibreOffice's line-breaking rules broke a line inside brackets and the like)
WORD = st.builds(
    str.__add__,
    st.text(alphabet=string.ascii_letters + string.digits + "éçö", min_size=1, max_size=11),
    st.sampled_from(["", "", "", ",", ".", ";", "'s"]),
)
LINE = st.lists(WORD, min_size=1, max_size=24).map(" ".join)
TEXT = st.lists(LINE, min_size=1, max_size=4).map("\n".join)


@pytest.mark.libreoffice
@settings(
    max_examples=3,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.lists(st.tuples(st.sampled_from(PACK_NAMES), TEXT, TEXT, TEXT), min_size=3, max_size=3))
def it_round_trips_multi_line_text_through_our_pdfs(
    tmp_path: Path, forms: list[tuple[str, str, str, str]]
) -> None:
    needs_libreoffice()
    folder = tmp_path / secrets.token_hex(4)
    folder.mkdir()
    expected = {}
    for number, (name, issues, mutual, team) in enumerate(forms):
        data = Agreement.model_validate(
            {
                "other_issues": issues,
                "expectations": {"mutual": mutual},
                "supervisee": {"name": "A B", "team": team},
            }
        )
        path = folder / f"{number}-{name}.docx"
        path.write_bytes(render(data, pack=name))
        expected[path.stem] = data
    for pdf in convert(sorted(folder.glob("*.docx")), "pdf", folder / "pdf"):
        assert parse(pdf).data == expected[pdf.stem]
        from_text = parse(without_data(pdf.read_bytes())).data
        assert _soft_wraps_kept(flatten(from_text), flatten(expected[pdf.stem])), pdf.stem


def _without_printed(agreement: Agreement, pack: Pack) -> Agreement:
    """What a PDF can give back: a value the form already prints is kept only as hidden
    text in the .docx, which a PDF does not carry, so it reads as empty (never wrong)."""
    template = pack.template("agreement")
    items = annex_items(agreement, template.paths, pack.document("agreement").printed)
    hidden = {path for item in items if item.hidden for path, _ in item.values}
    kept = {path: value for path, value in flatten(agreement).items() if path not in hidden}
    if "frequency.description" in hidden:
        kept.pop("frequency.every"), kept.pop("frequency.unit")
    return Agreement.model_validate(unflatten(kept))
