"""--redact blanks special-category text wherever it ends up: in the model, in unmapped
(text the model refused, too long say), and in warnings; on every command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

from supervision_forms import parse, render
from supervision_forms.cli import main
from supervision_forms.privacy import REDACTED
from tests.batch.conftest import EXAMPLE
from tests.docx_edit import W, edit_document_xml

SECRET = "Zebra-Secret-4711 has a long-term health condition. "
MARKER = "MARKER-FOR-THE-SECRET"


def too_long_secret(tmp_path: Path) -> Path:
    """One of our documents in which someone wrote far more than the field may hold."""
    data = json.loads(json.dumps(EXAMPLE))
    data["relationship_factors"] = MARKER
    document = render(data, pack="portsmouth")

    def lengthen(root: etree._Element) -> None:
        for text in root.iter(f"{W}t"):
            if text.text and MARKER in text.text:
                text.text = SECRET * 250  # over the 10,000 characters the model takes

    path = tmp_path / "agreement.docx"
    path.write_bytes(edit_document_xml(document, lengthen))
    return path


def it_keeps_refused_special_category_text_in_unmapped_without_redact(tmp_path: Path) -> None:
    result = parse(too_long_secret(tmp_path))
    assert any("Zebra" in item.text for item in result.unmapped)  # nothing a person wrote is lost


def it_blanks_refused_special_category_text_with_redact(tmp_path: Path) -> None:
    result = parse(too_long_secret(tmp_path), redact=True)
    shown = json.dumps(result.envelope())
    assert "Zebra" not in shown
    assert any(item.text == REDACTED for item in result.unmapped)
    assert any(w.field == "relationship_factors" and w.message == REDACTED for w in result.warnings)
    assert result.data.model_dump()["location"] == EXAMPLE["location"]  # the rest is read as before


@pytest.mark.parametrize("command", ["parse", "extract"])
def it_blanks_it_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    path = too_long_secret(tmp_path)
    if command == "parse":
        args = ["parse", str(path), "--redact", "--json"]
    else:
        args = ["extract", str(tmp_path), "-o", str(tmp_path / "table.jsonl"), "--redact"]
    with pytest.raises(SystemExit):
        main(args)
    out, err = capsys.readouterr()
    written = (tmp_path / "table.jsonl").read_text(encoding="utf-8") if command == "extract" else ""
    assert "Zebra" not in out + err + written


def it_blanks_text_that_no_field_took_since_it_may_hold_anything(tmp_path: Path) -> None:
    def add_paragraph(root: etree._Element) -> None:
        body = root.find(f"{W}body")
        assert body is not None
        paragraph = etree.SubElement(body, f"{W}p")
        etree.SubElement(etree.SubElement(paragraph, f"{W}r"), f"{W}t").text = SECRET
        body.insert(len(body) - 2, paragraph)  # before the section properties

    path = tmp_path / "agreement.docx"
    path.write_bytes(edit_document_xml(render(EXAMPLE, pack="sefton"), add_paragraph))
    assert any("Zebra" in item.text for item in parse(path).unmapped)
    result = parse(path, redact=True)
    assert "Zebra" not in json.dumps(result.envelope())
    assert result.unmapped and all(item.text == REDACTED for item in result.unmapped)
