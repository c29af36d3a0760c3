"""A template renders each value's place as the filter `sf_slot` (Jinja calls a filter
directly; a call goes through the sandbox's checks), while its sources keep the form the
reader learns from, `sf_value(expression, n)`: both must give the very same document."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest
from markupsafe import Markup

from supervision_forms import installed_packs
from supervision_forms.docx.template import SLOT_CALL, compile_template, make_environment
from supervision_forms.errors import TemplateSecurityError
from supervision_forms.models.paths import flatten, unflatten

ODD = ' – ünïcode & <tag> "q" ]]>\nline two\tTab'
ANNEX = '<w:p><w:r><w:t xml:space="preserve">annex</w:t></w:r></w:p>'


def _with_odd_values(pack: str) -> Any:
    """The pack's example with every text field that takes it made long and awkward."""
    example = installed_packs().get(pack).example("agreement")
    flat = flatten(example.model_dump(mode="json"))
    for path, value in list(flat.items()):
        if isinstance(value, str):
            trial = {**flat, path: value + ODD}
            try:
                type(example).model_validate(unflatten(trial))
            except ValueError:
                continue
            flat = trial
    return type(example).model_validate(unflatten(flat))


@pytest.mark.parametrize("pack", ["portsmouth", "surrey", "sefton"])
def it_renders_the_body_exactly_as_its_sources_say(pack: str) -> None:
    chosen = installed_packs().get(pack)
    template = chosen.template("agreement")
    context = _with_odd_values(pack).model_dump()
    fast = template.render(context, lambda ids: ANNEX)
    ours = zipfile.ZipFile(io.BytesIO(fast)).read("word/document.xml").decode("utf-8")
    source = template.sources["word/document.xml"]
    assert len(SLOT_CALL.findall(source)) >= 10  # the places the reader learns from are there
    plain = make_environment()  # the sources as written: `sf_value` called through the sandbox
    plain.globals["sf_value"] = template._value
    expected = plain.from_string(source).render({**context, "annex": Markup(ANNEX)})
    assert ours == expected


def it_refuses_the_slot_filter_in_a_pack_template() -> None:
    installed = installed_packs().get("portsmouth")
    data = (installed.root / installed.document("agreement").template).read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    body = parts["word/document.xml"].decode("utf-8")
    parts["word/document.xml"] = body.replace(
        "{{ supervisee.name }}", "{{ supervisee.name|sf_slot(0) }}", 1
    ).encode()
    assert parts["word/document.xml"] != body.encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, blob in parts.items():
            archive.writestr(name, blob)
    with pytest.raises(TemplateSecurityError, match="sf_slot"):
        compile_template(buffer.getvalue(), empty_text=lambda path: "", properties={})
