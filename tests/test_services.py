"""For a Python service importing the library: errors without personal data, types that
reach the caller's type checker, every error class at the top level, a cheap import,
and a clear error for a file that is not there."""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest
from pydantic import BaseModel, ValidationError

import supervision_forms
from supervision_forms import (
    Agreement,
    GeneralRecord,
    MissingFile,
    SupervisionFormsError,
    WrongDocument,
    installed_packs,
    parse,
    render,
)
from supervision_forms.models import DOCUMENT_MODELS
from supervision_forms.models.common import Model

SECRET = "practises Santería; recently diagnosed with MS"


def _every_module() -> list[str]:
    names = [supervision_forms.__name__]
    for info in pkgutil.walk_packages(supervision_forms.__path__, f"{supervision_forms.__name__}."):
        if not info.name.endswith("__main__"):
            names.append(info.name)
    return names


def _models() -> set[type[BaseModel]]:
    found: set[type[BaseModel]] = set()
    stack: list[type[BaseModel]] = [Model]
    while stack:
        cls = stack.pop()
        found.add(cls)
        stack.extend(cls.__subclasses__())
    return found


@pytest.mark.parametrize("kind", sorted(DOCUMENT_MODELS))
def it_never_shows_a_value_in_pydantics_own_errors(kind: str) -> None:
    model = DOCUMENT_MODELS[kind]
    special = {"agreement": "relationship_factors", "general_record": "wellbeing"}.get(kind, "nonsense")
    with pytest.raises(ValidationError) as raised:
        model.model_validate({special: [SECRET], "supervisor": {"name": 42, "role": SECRET * 2}})
    assert "Santer" not in str(raised.value) and "Santer" not in repr(raised.value)
    assert special in str(raised.value)  # the field is named


def it_hides_the_input_in_the_errors_of_every_model() -> None:
    assert all(cls.model_config.get("hide_input_in_errors") for cls in _models())
    assert {Agreement, GeneralRecord} <= _models()


def it_offers_every_error_class_at_the_top_level() -> None:
    for name in _every_module():
        module = importlib.import_module(name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, SupervisionFormsError) and cls.__module__.startswith("supervision_forms"):
                assert getattr(supervision_forms, cls.__name__) is cls, cls.__name__
                assert cls.__name__ in supervision_forms.__all__


def it_resolves_every_public_name_and_has_a_version() -> None:
    assert supervision_forms.__version__ == version("supervision-forms")
    for name in supervision_forms.__all__:
        assert getattr(supervision_forms, name) is not None
    assert supervision_forms.render is render and callable(supervision_forms.render)  # not the module


def it_ships_its_type_hints() -> None:
    assert (Path(supervision_forms.__file__).parent / "py.typed").is_file()


def _imported_after(code: str) -> set[str]:
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(json.loads(done.stdout.splitlines()[-1]))


def it_imports_nothing_heavy_until_a_name_is_used() -> None:
    loaded = _imported_after("import supervision_forms")
    assert not {"pydantic", "lxml", "docx", "docxtpl", "pypdf", "openpyxl", "click"} & loaded
    assert [m for m in loaded if m.startswith("supervision_forms.")] == []


def it_answers_help_without_importing_the_library() -> None:
    code = "from supervision_forms.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass"
    loaded = _imported_after(code)
    ours = {m for m in loaded if m.startswith("supervision_forms")}
    assert ours == {"supervision_forms", "supervision_forms.cli", "supervision_forms.cli.app"}
    assert "pydantic" not in loaded


def it_compiles_only_the_template_a_render_needs() -> None:
    code = (
        "from supervision_forms import installed_packs, render\n"
        "render({}, pack='portsmouth', document='case_record')\n"
        "print({p.name: sorted(p._templates) for p in installed_packs()})"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "{'portsmouth': ['case_record'], 'sefton': [], 'surrey': []}"


def it_names_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(MissingFile, match=r"^nope\.docx: no such file$"):
        parse(tmp_path / "nope.docx")


def it_types_a_parse_result_by_its_model() -> None:
    example = installed_packs().get("surrey").example("agreement")
    whole = parse(render(example, pack="surrey"))
    result = whole.expect(Agreement)
    assert result.data.supervisee.name == "Daniel Price"  # type-checks: data is an Agreement
    assert result is not whole and vars(result) == vars(whole)  # every field kept
    with pytest.raises(WrongDocument, match=r"^the document read is 'agreement', not GeneralRecord$"):
        parse(render(example, pack="surrey")).expect(GeneralRecord)


@pytest.mark.parametrize("control", ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2069"])
@pytest.mark.parametrize(
    ("document", "field", "data"),
    [
        ("agreement", "supervisee.name", {"supervisee": {"name": "Ann{}eD"}}),
        ("agreement", "signatures.supervisor.name", {"signatures": {"supervisor": {"name": "Ann{}eD"}}}),
        ("agreement", "review_date", {"review_date": "2026-03-1{}4"}),
        ("case_record", "child.name", {"child": {"name": "Ann{}eD"}}),
        ("general_record", "actions.0.owner", {"actions": [{"owner": "Ann{}eD"}]}),
    ],
)
def it_refuses_bidirectional_controls_in_names_and_dates(
    document: str, field: str, data: dict[str, object], control: str
) -> None:
    filled = json.loads(json.dumps(data).replace("{}", json.dumps(control)[1:-1]))
    with pytest.raises(ValidationError) as raised:
        DOCUMENT_MODELS[document].model_validate(filled)
    [error] = raised.value.errors(include_input=False)
    assert ".".join(str(p) for p in error["loc"]) == field
    assert "bidirectional control character" in error["msg"] and "Ann" not in str(raised.value)


def it_still_takes_right_to_left_names() -> None:
    assert Agreement.model_validate({"supervisee": {"name": "سارة أحمد"}}).supervisee.name == "سارة أحمد"
