"""Data that might break a document: refused with the field named, or written and read back."""

from __future__ import annotations

import datetime
import io
import zipfile
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from supervision_forms import PackRegistry
from supervision_forms.errors import InvalidData, SupervisionFormsError
from supervision_forms.models import Agreement
from supervision_forms.models.common import MAX_ITEMS, MAX_TEXT
from supervision_forms.models.paths import leaves, unflatten
from supervision_forms.reading import parse
from supervision_forms.render import render
from tests.hostile.corpus import RCE

BREAKERS = ["\x0c", "\x07", "\x00", "\x0b", "\x1b", "\ufffe", "\ud800"]
AWKWARD = [
    RCE,
    "{% for x in y %}",
    "<w:p/>",
    "</w:t></w:r><w:r><w:t>",
    "]]>",
    "&amp;",
    "\u2028",
    "\t",
    "a\nb",
]


def body_xml(docx: bytes) -> str:
    return zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml").decode()


@pytest.mark.parametrize("character", BREAKERS, ids=[f"U+{ord(c):04X}" for c in BREAKERS])
def it_refuses_control_characters_naming_the_field_and_not_the_value(character: str) -> None:
    with pytest.raises(InvalidData) as raised:
        render({"supervisee": {"name": f"Sam{character}Page"}}, pack="sefton")
    message = str(raised.value)
    assert "supervisee.name" in message and f"U+{ord(character):04X}" in message
    assert "Sam" not in message and character not in message


@pytest.mark.parametrize("text", AWKWARD)
def it_writes_markup_and_template_syntax_as_plain_text(text: str, packs: PackRegistry) -> None:
    data = Agreement.model_validate({"supervisee": {"name": f"Sam {text} Page"}, "location": text})
    docx = render(data, pack="surrey", packs=packs)
    assert "<w:br/><w:br/>" not in body_xml(docx) and 'w:type="page"' not in body_xml(docx)
    assert parse(docx, packs=packs).data == data


def it_refuses_a_one_megabyte_answer_with_the_limit(packs: PackRegistry) -> None:
    with pytest.raises(InvalidData) as raised:
        render({"other_issues": "x" * 1_000_000}, pack="portsmouth", packs=packs)
    assert f"other_issues: is longer than the limit of {MAX_TEXT} characters" in str(raised.value)


def it_refuses_ten_thousand_dates_with_the_limit(packs: PackRegistry) -> None:
    dates = [(datetime.date(2026, 1, 1) + datetime.timedelta(days=i)).isoformat() for i in range(10_000)]
    with pytest.raises(InvalidData) as raised:
        render({"meeting_dates": dates}, pack="sefton", packs=packs)
    assert "meeting_dates" in str(raised.value) and str(MAX_ITEMS) in str(raised.value)
    assert "2026" not in str(raised.value)


def it_writes_and_reads_back_a_form_filled_to_every_limit(packs: PackRegistry) -> None:
    full = {
        leaf.path: "y" * MAX_TEXT
        for leaf in leaves(Agreement)
        if leaf.kind == "text" and "[]" not in leaf.path
    }
    full["frequency.description"] = "Every 4 weeks"
    data = Agreement.model_validate(
        {
            **unflatten(full),
            "meeting_dates": [
                datetime.date(2026, 1, 1) + datetime.timedelta(days=i) for i in range(MAX_ITEMS)
            ],
        }
    )
    for name in ("portsmouth", "surrey", "sefton"):
        assert parse(render(data, pack=name, packs=packs), packs=packs).data == data


def it_refuses_deeply_nested_data_as_invalid_data(packs: PackRegistry) -> None:
    nested: dict[str, Any] = {}
    for _ in range(5_000):
        nested = {"x": nested}
    with pytest.raises(InvalidData):
        render({"supervisee": nested}, pack="sefton", packs=packs)


hostile_text = st.one_of(
    st.text(max_size=40),
    st.lists(st.sampled_from([*BREAKERS, *AWKWARD, "x", " ", "\r\n"]), max_size=6).map("".join),
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=12,
)


def _text_leaves(model: type[BaseModel]) -> list[str]:
    return [leaf.path for leaf in leaves(model) if leaf.kind == "text" and "[]" not in leaf.path]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), text=hostile_text)
def it_round_trips_any_text_in_any_field_or_refuses_it_by_name(
    data: st.DataObject, text: str, packs: PackRegistry
) -> None:
    pack = data.draw(st.sampled_from(list(packs)))
    kind = data.draw(st.sampled_from(pack.documents))
    path = data.draw(st.sampled_from(_text_leaves(pack.model(kind))))
    try:
        model = pack.model(kind).model_validate(unflatten({path: text}))
    except ValueError:  # pydantic's ValidationError: the model's own refusal
        with pytest.raises(InvalidData) as raised:
            render(unflatten({path: text}), pack=pack, document=kind)
        assert path in str(raised.value)
        return
    assert parse(render(model, pack=pack, document=kind), packs=packs).data == model


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), value=json_values)
def it_meets_any_json_shape_with_invalid_data_or_a_document(
    data: st.DataObject, value: object, packs: PackRegistry
) -> None:
    pack = data.draw(st.sampled_from(list(packs)))
    kind = data.draw(st.sampled_from(pack.documents))
    path = data.draw(st.sampled_from([leaf.path.replace("[]", "") for leaf in leaves(pack.model(kind))]))
    try:
        render(unflatten({path: value}), pack=pack, document=kind)
    except SupervisionFormsError as error:
        assert isinstance(error, InvalidData)
