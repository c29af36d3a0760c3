"""The corpus producers themselves: what they write is what they say they write."""

from __future__ import annotations

import io
import random
import re
import subprocess
import zipfile
from collections import Counter
from pathlib import Path

import pypdf
import pytest
from lxml import etree

from tests.conftest import needs_libreoffice
from tools.corpus.check import lost, words
from tools.corpus.office import convert
from tools.corpus.producers.packages import as_strict, as_web
from tools.corpus.producers.wordlike import retype, rewrite

FIXTURES = Path(__file__).parent / "fixtures"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
STRICT_W = "http://purl.oclc.org/ooxml/wordprocessingml/main"


def _parts(docx: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        return {name: package.read(name) for name in package.namelist()}


def _texts(xml: bytes, namespace: str) -> list[str]:
    return [t.text or "" for t in etree.fromstring(xml).iter(f"{{{namespace}}}t")]


def it_names_the_main_part_of_a_web_package_only_in_its_relationships() -> None:
    source = (FIXTURES / "docx" / "surrey-000.docx").read_bytes()
    parts = _parts(as_web(source, random.Random(1)))
    assert "word/document.xml" not in parts and "word/document2.xml" in parts
    assert b'Target="/word/document2.xml"' in parts["_rels/.rels"]
    assert b'PartName="/word/document2.xml"' in parts["[Content_Types].xml"]
    ids = set(re.findall(rb'Id="([^"]+)"', parts["word/_rels/document2.xml.rels"]))
    used = set(re.findall(rb'r:id="([^"]+)"', parts["word/document2.xml"]))
    assert used and used <= ids and all(i.startswith(b"R") and len(i) == 17 for i in ids)
    assert _texts(parts["word/document2.xml"], W) == _texts(_parts(source)["word/document.xml"], W)


def it_writes_strict_packages_with_no_transitional_wordprocessing_left() -> None:
    source = (FIXTURES / "docx" / "sefton-000.docx").read_bytes()
    parts = _parts(as_strict(source))
    document = parts["word/document.xml"]
    assert b"schemas.openxmlformats.org/wordprocessingml" not in document
    assert etree.fromstring(document).get(f"{{{STRICT_W}}}conformance") == "strict"
    assert b"purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" in parts["_rels/.rels"]
    assert _texts(document, STRICT_W) == _texts(_parts(source)["word/document.xml"], W)


@pytest.mark.libreoffice
def it_rewrites_a_pdf_the_way_word_draws_it(tmp_path: Path) -> None:
    needs_libreoffice()
    docx = tmp_path / "form.docx"
    docx.write_bytes(retype((FIXTURES / "docx" / "sefton-000.docx").read_bytes(), "DejaVu Serif"))
    (laid_out,) = convert([docx], "pdf", tmp_path)
    rewritten = tmp_path / "wordlike.pdf"
    rewritten.write_bytes(rewrite(laid_out, random.Random(3)))
    reader = pypdf.PdfReader(rewritten)
    content = "\n".join(
        page.get_contents().get_data().decode("latin-1")  # type: ignore[union-attr]
        for page in reader.pages
    )
    assert " TJ ET" in content and " re f" in content
    assert not re.search(r"\sS\n", content)  # rules filled, not stroked
    assert content.count("BT ") > 20 and " Tj" not in content
    assert "Microsoft" in str(reader.metadata.producer)  # type: ignore[union-attr]
    before, after = (_pdf_words(laid_out), _pdf_words(rewritten))
    assert before - after == Counter() and after - before <= Counter({"uf0b7": 99})


def _pdf_words(path: Path) -> Counter[str]:
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True).stdout.decode()
    return words(text.replace("\uf0b7", " uf0b7 ").replace("•", " uf0b7 "))


@pytest.mark.parametrize("producer", ["pdf", "wordlike", "chromium", "latex"])
def it_keeps_every_typed_answer_in_the_text_layer(producer: str) -> None:
    import json

    truth = json.loads((FIXTURES / "truth.json").read_text(encoding="utf-8"))
    missing = {
        path.name: lost(path, truth[path.name.split(".")[0]]["written"])
        for path in sorted((FIXTURES / producer).glob("*.pdf"))
    }
    assert missing and not any(missing.values()), missing


def it_counts_a_field_the_page_list_misplaced_apart_from_wrong_values(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from types import SimpleNamespace

    from tools import measure_accuracy

    item = {"council": "surrey", "fields": ["a", "b", "c"], "data": {"a": "x", "b": "own value", "c": "y"}}
    read = {"a": "x", "b": "own value", "c": "not the document's"}
    result = SimpleNamespace(pack="surrey", data=SimpleNamespace(model_dump=lambda mode: read))
    monkeypatch.setattr(measure_accuracy, "parse", lambda path: result)
    target = measure_accuracy.Target(tmp_path / "f.p1.png", "scan-png", "f", ("a",), ("b", "c"))
    outcome = measure_accuracy.read_one(target, item)
    assert (outcome.right, outcome.misplaced, outcome.fields) == (1, 1, 2)
    assert [failure.field for failure in outcome.wrong] == ["c"]


def it_tells_a_missed_field_kept_in_unmapped_from_one_whose_writing_is_nowhere(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from types import SimpleNamespace

    from tools import measure_accuracy

    item = {
        "council": "sefton",
        "fields": ["review_date", "supervisor.name"],
        "data": {"review_date": "2026-08-06", "supervisor": {"name": "Jane Smith"}},
        "written": {"review_date": "6th Aug. 2026", "supervisor.name": "Jane Smith"},
    }
    result = SimpleNamespace(
        pack="sefton",
        data=SimpleNamespace(model_dump=lambda mode: {}),
        unmapped=[SimpleNamespace(text="To be reviewed on: 6th Aug. 2026")],
    )
    monkeypatch.setattr(measure_accuracy, "parse", lambda path: result)
    outcome = measure_accuracy.read_one(measure_accuracy.Target(tmp_path / "f.docx", "docx", "f"), item)
    assert {failure.field: failure.kept for failure in outcome.missed} == {
        "review_date": True,
        "supervisor.name": False,
    }
    report = measure_accuracy.report([outcome], "council", 0)
    assert (
        "missed fields whose writing is not in unmapped (lost, or misread by OCR): 1 of 2 (docx 1)" in report
    )
    assert any(line.startswith("  LOST   docx/f.docx supervisor.name") for line in report)
