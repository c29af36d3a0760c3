"""The template engine's lists of objects and tick boxes, on templates built here."""

from __future__ import annotations

import io

import pytest
from docx import Document

from supervision_forms.docx.package import read_package
from supervision_forms.docx.reader import read_body
from supervision_forms.docx.template import CompiledTemplate, compile_template
from supervision_forms.errors import PackError
from supervision_forms.models import CaseRecord
from supervision_forms.models.paths import leaf_map

CHOICES = {leaf.path: leaf.choice_labels() for leaf in leaf_map(CaseRecord).values() if leaf.choices}


def _template(*paragraphs: str, rows: tuple[str, ...] = ()) -> CompiledTemplate:
    doc = Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    if rows:
        table = doc.add_table(rows=0, cols=1)
        for text in rows:
            table.add_row().cells[0].text = text
    buffer = io.BytesIO()
    doc.save(buffer)
    return compile_template(buffer.getvalue(), empty_text=lambda path: "", properties={}, choices=CHOICES)


def _text(template: CompiledTemplate, context: dict[str, object]) -> str:
    body = read_body(read_package(template.render(context, lambda ids: "")))
    return "\n".join(p.text for p in body.paragraphs)


def it_prints_a_choice_as_tick_boxes_in_one_slot() -> None:
    template = _template("{{ legal_status|checkboxes }}")
    assert [slot.path for slot in template.slots] == ["legal_status"]
    assert "☒ Child protection" in _text(template, {"legal_status": "child_protection"})


def it_refuses_tick_boxes_on_a_field_without_choices() -> None:
    with pytest.raises(PackError, match="checkboxes"):
        _template("{{ case_summary|checkboxes }}")


def it_pads_a_list_of_objects_with_empty_rows() -> None:
    template = _template(rows=("{%tr for a in decisions|pad(3) %}", "{{ a.action }}", "{%tr endfor %}"))
    assert [(s.path, s.in_loop) for s in template.slots] == [("decisions[].action", True)]
    text = _text(template, {"decisions": [{"action": "Visit"}]})
    assert text.split("\n") == ["Visit", "", ""]


def it_prints_minutes_with_their_unit_where_the_form_prints_none() -> None:
    template = _template("The meeting will last for a minimum of: {{ duration_minutes }}")
    assert "minimum of: 75 minutes" in _text(template, {"duration_minutes": 75})


def it_prints_the_bare_number_where_the_form_names_the_unit() -> None:
    template = _template(rows=("Duration (minutes): {{ duration_minutes }}",))
    assert "Duration (minutes): 75\n" in _text(template, {"duration_minutes": 75}) + "\n"
