"""Fields a council adds: declared in the pack file, kept under `extra`, rendered, read back, exported."""

from __future__ import annotations

import csv
import datetime
from pathlib import Path

import pytest

from supervision_forms import PackRegistry, load_pack, parse, render
from supervision_forms.errors import InvalidData, PackError
from supervision_forms.extract import Extracted, write_table
from supervision_forms.models import Agreement
from supervision_forms.render import coerce_model
from tests.tiny_pack import make_tiny_pack

EXTRAS = """
[documents.agreement.extra.venue]
title = "Location and Environment"

[documents.agreement.extra.policy_read]
title = "Supervisee has read the supervision policy"
type = "choice"
choices = ["Yes", "No"]

[documents.agreement.extra.sessions]
title = "Group sessions"
type = "dates"

[documents.agreement.extra.policy_given]
title = "Policy given on"
type = "date"
"""

FIELDS = """
"extra.venue" = { label = "Location and Environment:", place = "after" }
"extra.policy_read" = { label = "Supervisee has read the supervision policy", place = "after" }
"extra.policy_given" = { label = "Policy given on:", place = "after" }
"""

BODY = [
    "Location and Environment: {{ extra.venue }}",
    "Supervisee has read the supervision policy {{ extra.policy_read|checkboxes }}",
    "Policy given on: {{ extra.policy_given }}",
]

VALUES = {
    "supervisee": {"name": "Kim Ode"},
    "extra": {
        "venue": "Room 4, Civic Centre",
        "policy_read": "yes",
        "policy_given": "2026-02-03",
        "sessions": ["2026-03-02", "2026-04-06"],  # no place on the form: in the annex
    },
}


@pytest.fixture
def pack(tmp_path: Path):  # type: ignore[no-untyped-def]
    folder = make_tiny_pack(tmp_path / "tiny", extra_fields=FIELDS, body_lines=BODY, tail=EXTRAS)
    return load_pack(folder)


def it_keeps_a_councils_own_fields_typed_under_extra(pack) -> None:  # type: ignore[no-untyped-def]
    model = pack.model("agreement")
    data = model.model_validate(VALUES)
    assert issubclass(model, Agreement)
    assert data.extra["policy_given"] == datetime.date(2026, 2, 3)  # type: ignore[attr-defined]
    assert data.extra.get("venue") == "Room 4, Civic Centre"  # type: ignore[attr-defined]
    with pytest.raises(InvalidData, match=r"extra\.policy_read"):
        coerce_model({"extra": {"policy_read": "perhaps"}}, model)


def it_renders_and_reads_back_a_councils_own_fields(pack) -> None:  # type: ignore[no-untyped-def]
    data = pack.model("agreement").model_validate(VALUES)
    result = parse(render(data, pack=pack), packs=PackRegistry([pack]))
    assert result.data == data
    assert result.unmapped == []


def it_keeps_further_fields_when_the_pack_is_not_known() -> None:
    data = Agreement.model_validate({"extra": {"venue": "Room 4", "dates": ["2026-01-05"]}})
    assert data.extra.as_dict() == {"venue": "Room 4", "dates": [datetime.date(2026, 1, 5)]}
    with pytest.raises(InvalidData, match="lower case"):
        coerce_model({"extra": {"Not A Name": "x"}}, Agreement)


def it_prints_another_councils_fields_in_the_annex_and_keeps_them_on_reading(pack) -> None:  # type: ignore[no-untyped-def]
    data = pack.model("agreement").model_validate(VALUES)
    result = parse(render(data, pack="surrey"))
    kept = {u.text for u in result.unmapped}  # Surrey's model has no such fields: kept, not lost
    assert {"Room 4, Civic Centre", "Yes", "3 February 2026", "2 March 2026"} <= kept


def it_exports_a_councils_own_fields_as_columns(pack, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = pack.model("agreement").model_validate(VALUES)
    result = parse(render(data, pack=pack), packs=PackRegistry([pack]))
    out = tmp_path / "team.csv"
    write_table([Extracted("kim.docx", result)], out)
    with out.open(encoding="utf-8-sig") as handle:
        row = next(csv.DictReader(handle))
    assert row["extra.venue"] == "Room 4, Civic Centre"
    assert row["extra.policy_read"] == "yes"
    assert row["extra.policy_given"] == "2026-02-03"
    assert row["extra.sessions"] == "2026-03-02;2026-04-06"


def it_refuses_an_extra_path_the_pack_does_not_declare(tmp_path: Path) -> None:
    folder = make_tiny_pack(tmp_path / "p", extra_fields='"extra.venue" = { label = "Venue" }')
    with pytest.raises(PackError, match=r"unknown model path 'extra\.venue' \(declare it"):
        load_pack(folder)


def it_renders_a_further_field_no_pack_declares_in_the_annex_and_loses_none_of_it() -> None:
    data = Agreement.model_validate({"supervisee": {"name": "Kim Lee"}, "extra": {"venue_notes": "Room 4"}})
    result = parse(render(data, pack="portsmouth"))
    kept = {u.text for u in result.unmapped} | {str(v) for v in result.data.extra.as_dict().values()}
    assert "Room 4" in kept
