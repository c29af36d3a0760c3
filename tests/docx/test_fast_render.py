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
from supervision_forms.docx.template import (
    SLOT_CALL,
    CompiledTemplate,
    _as_filter,
    compile_template,
    make_environment,
)
from supervision_forms.errors import TemplateSecurityError
from supervision_forms.models import Agreement
from supervision_forms.models.paths import flatten, unflatten
from supervision_forms.render import annex_items

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


@pytest.mark.parametrize("ours", ["sf_slot", "sf_numbered"])
def it_refuses_our_own_filters_in_a_pack_template(ours: str) -> None:
    installed = installed_packs().get("portsmouth")
    data = (installed.root / installed.document("agreement").template).read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    body = parts["word/document.xml"].decode("utf-8")
    parts["word/document.xml"] = body.replace(
        "{{ supervisee.name }}", f"{{{{ supervisee.name|{ours}(0) }}}}", 1
    ).encode()
    assert parts["word/document.xml"] != body.encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, blob in parts.items():
            archive.writestr(name, blob)
    with pytest.raises(TemplateSecurityError, match=ours):
        compile_template(buffer.getvalue(), empty_text=lambda path: "", properties={})


BOOKMARKED_ROWS = (
    '{% for d in meeting_dates|pad(3) %}<w:bookmarkStart w:id="{{ 114000 + loop.index0 }}" '
    'w:name="sf_meeting_dates_{{ loop.index0 }}"/>{{ sf_value(d, 0) }}{% endfor %}'
)


def _rendered(template: CompiledTemplate, source: str, context: dict[str, Any]) -> str:
    compiled = template.env.from_string(source)
    return compiled.render(context)


def it_numbers_a_loop_of_bookmarked_rows_without_jinjas_loop_object() -> None:
    template = installed_packs().get("sefton").template("agreement")
    fast = _as_filter(BOOKMARKED_ROWS)
    assert "loop" not in fast.replace("{% endfor %}", "") and "|sf_numbered" in fast
    context = {"meeting_dates": ["2026-01-05", "2026-02-02"]}
    plain = make_environment()
    plain.globals["sf_value"] = template._value
    assert _rendered(template, fast, context) == plain.from_string(BOOKMARKED_ROWS).render(context)
    for other in ("loop.index", "loop.first", "loop.length"):  # any other use keeps Jinja's loop
        source = BOOKMARKED_ROWS.replace("{{ sf_value(d, 0) }}", f"{{{{ {other} }}}}")
        assert _as_filter(source) == source


def it_works_out_the_annex_for_each_layout_apart() -> None:
    example = installed_packs().get("portsmouth").example("agreement")
    assert isinstance(example, Agreement)
    every = {item.values[0][0] for item in annex_items(example, frozenset())}
    fewer = {item.values[0][0] for item in annex_items(example, frozenset({"supervisee.name"}))}
    assert "supervisee.name" in every and every - fewer == {"supervisee.name"}
    assert {item.values[0][0] for item in annex_items(example, frozenset())} == every
