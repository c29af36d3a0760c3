"""Packs are plugins: loaded through entry points, checked on load, rendered like the built-ins."""

from __future__ import annotations

import datetime
from io import BytesIO
from pathlib import Path

import pytest
from docx import Document

from supervision_forms import PackRegistry, load_pack, parse, render
from supervision_forms.errors import PackError, TemplateSecurityError, UnknownPack
from supervision_forms.models import Agreement
from tests.tiny_pack import make_tiny_pack


def _install_as_plugin(site: Path, pack_folder: Path) -> None:
    """Lay out an installed distribution whose entry point names the pack folder."""
    package = site / "tiny_council_pack"
    package.mkdir()
    (package / "__init__.py").write_text(f"from pathlib import Path\nPACK = Path({str(pack_folder)!r})\n")
    info = site / "tiny_council_pack-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: tiny-council-pack\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text("[supervision_forms.packs]\ntiny = tiny_council_pack:PACK\n")


def it_loads_a_third_party_pack_through_the_entry_point_group(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = make_tiny_pack(tmp_path / "packdata")
    (tmp_path / "site").mkdir()
    _install_as_plugin(tmp_path / "site", folder)
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    registry = PackRegistry.from_entry_points()
    assert {"tiny", "portsmouth", "surrey", "sefton"} <= {p.name for p in registry}
    data = Agreement.model_validate({"supervisee": {"name": "Kim"}, "meeting_dates": ["2026-05-05"]})
    result = parse(render(data, pack="tiny", packs=registry), packs=registry)
    assert result.pack == "tiny"
    assert result.data == data


def it_renders_with_a_pack_object_directly(tmp_path: Path) -> None:
    pack = load_pack(make_tiny_pack(tmp_path / "tiny"))
    data = Agreement.model_validate({"review_date": "2027-02-01", "supervisor": {"name": "Sam"}})
    result = parse(render(data, pack=pack), packs=PackRegistry([pack]))
    assert result.data.review_date == datetime.date(2027, 2, 1)  # type: ignore[attr-defined]


def it_refuses_two_packs_with_one_name(tmp_path: Path) -> None:
    first = load_pack(make_tiny_pack(tmp_path / "a"))
    second = load_pack(make_tiny_pack(tmp_path / "b"))
    with pytest.raises(PackError, match="two packs are named 'tiny'"):
        PackRegistry([first, second])


def it_refuses_a_mapped_path_the_model_does_not_have(tmp_path: Path) -> None:
    folder = make_tiny_pack(tmp_path / "p", extra_fields='"supervisee.shoe_size" = { label = "Shoe" }')
    with pytest.raises(PackError, match=r"unknown model path 'supervisee\.shoe_size'"):
        load_pack(folder)


def it_refuses_a_template_tag_the_pack_file_does_not_declare(tmp_path: Path) -> None:
    folder = make_tiny_pack(tmp_path / "p", body_text="Location: {{ location }}")
    with pytest.raises(PackError, match="'location' is not declared"):
        load_pack(folder)


def it_refuses_a_declared_field_the_template_never_shows(tmp_path: Path) -> None:
    folder = make_tiny_pack(tmp_path / "p", extra_fields='"location" = { label = "Location" }')
    with pytest.raises(PackError, match="not in the template: location"):
        load_pack(folder)


def it_refuses_a_template_tag_for_an_unknown_field(tmp_path: Path) -> None:
    folder = make_tiny_pack(
        tmp_path / "p", body_text="{{ supervisee.salary }}", extra_fields='"location" = { label = "L" }'
    )
    with pytest.raises(PackError, match="unknown"):
        load_pack(folder)


@pytest.mark.parametrize(
    "payload",
    [
        "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
        "{{ supervisee.name.__class__ }}",
        "{% import os %}",
        "{{ supervisee.name|attr('x') }}",
    ],
)
def it_refuses_jinja_beyond_the_allow_list(tmp_path: Path, payload: str) -> None:
    with pytest.raises(TemplateSecurityError):
        load_pack(make_tiny_pack(tmp_path / "p", body_text=payload))


def it_names_an_unknown_pack_and_lists_the_installed_ones(packs: PackRegistry) -> None:
    with pytest.raises(
        UnknownPack, match=r"unknown pack 'nowhere' \(installed: portsmouth, sefton, surrey\)"
    ):
        packs.get("nowhere")


def it_lists_the_built_in_packs_with_their_documents(packs: PackRegistry) -> None:
    assert [(p.name, p.documents) for p in packs] == [
        ("portsmouth", ["agreement", "case_record", "general_record"]),
        ("sefton", ["agreement", "general_record"]),
        ("surrey", ["agreement", "cancellation"]),
    ]


@pytest.mark.parametrize(
    ("pack", "printed"), [("sefton", "minimum of: 75 minutes"), ("surrey", "Duration: 75 minutes")]
)
def it_prints_a_duration_with_its_unit_where_the_form_prints_none(
    packs: PackRegistry, pack: str, printed: str
) -> None:
    example = packs.get(pack).example("agreement").model_copy(update={"duration_minutes": 75})
    document = Document(BytesIO(render(example, pack=pack)))
    text = "\n".join(p.text for p in document.paragraphs) + "\n".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells
    )
    assert printed in text
    assert parse(render(example, pack=pack), packs=packs).data.duration_minutes == 75
