"""File names from people's names: readable, stable, and never able to leave the folder."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supervision_forms.batch.naming import (
    MAX_STEM_BYTES,
    WINDOWS_DEVICES,
    NameRegistry,
    bookmark_title,
    document_stem,
    safe_part,
)
from supervision_forms.models import Agreement
from supervision_forms.models.common import BIDI_CONTROLS

WINDOWS_FORBIDDEN = set('<>:"/\\|?*') | {chr(c) for c in range(32)}


def agreement(name: str | None, date: datetime.date | None = datetime.date(2026, 11, 16)) -> Agreement:
    return Agreement.model_validate({"supervisee": {"name": name}, "agreement_date": date})


def assert_safe(stem: str) -> None:
    name = f"{stem}.docx"
    assert stem and not (set(name) & WINDOWS_FORBIDDEN)
    assert stem.split(".")[0].casefold() not in WINDOWS_DEVICES
    assert not stem.startswith((".", "-")) and not stem.endswith((".", " "))
    assert len(stem.encode("utf-8")) <= MAX_STEM_BYTES
    folder = Path("/srv/out")
    assert (folder / name).parent == folder and ".." not in Path(name).parts


def it_names_a_document_after_the_supervisee_and_the_date() -> None:
    assert document_stem(agreement("Tom Wheeler")) == "Tom-Wheeler-2026-11-16"


def it_keeps_letters_of_any_script_and_drops_apostrophes() -> None:
    assert document_stem(agreement("Siân O'Brien-Nguyễn")) == "Siân-OBrien-Nguyễn-2026-11-16"


@pytest.mark.parametrize(
    ("name", "stem"),
    [
        ("../../etc/passwd", "etc-passwd"),
        ("..\\..\\Windows\\System32", "Windows-System32"),
        ("/absolute/path", "absolute-path"),
        ("C:\\Users\\x", "C-Users-x"),
        ("CON", "CON-file"),
        ("nul", "nul-file"),
        ("Com1", "Com1-file"),
        ("a:b|c*d?e", "a-b-c-d-e"),
        ("...", "unnamed"),
        ("  \u202e\u200b ", "unnamed"),
        ("ｆｕｌｌｗｉｄｔｈ／ｓｌａｓｈ", "fullwidth-slash"),
    ],
)
def it_makes_hostile_names_harmless(name: str, stem: str) -> None:
    assert safe_part(name, "unnamed") == stem
    if not BIDI_CONTROLS.search(name):  # the model refuses these in a name
        assert_safe(document_stem(agreement(name)))


def it_shortens_long_names_within_the_byte_limit() -> None:
    stem = document_stem(agreement("Ñ" * 500))
    assert_safe(stem)
    assert stem.endswith("-2026-11-16")


def it_says_unnamed_and_undated_when_the_row_has_neither() -> None:
    assert document_stem(agreement(None, None)) == "unnamed-undated"


def it_titles_a_pdf_bookmark_with_the_name_and_date() -> None:
    assert bookmark_title(agreement("Tom Wheeler")) == "Tom Wheeler, 16 November 2026"


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def it_never_makes_an_unsafe_name(name: str) -> None:
    assert_safe(safe_part(name, "unnamed") + "-2026-11-16")


def it_resolves_collisions_in_order_ignoring_case() -> None:
    names = NameRegistry(reserved=("manifest",))
    claimed = [names.claim(stem) for stem in ["Tom-2026", "tom-2026", "Tom-2026", "Ann-2026", "MANIFEST"]]
    assert claimed == ["Tom-2026", "tom-2026-2", "Tom-2026-3", "Ann-2026", "MANIFEST-2"]


def it_resolves_collisions_the_same_way_every_time() -> None:
    stems = ["A-1", "a-1", "B-1", "A-1"]
    first, second = NameRegistry(), NameRegistry()
    assert [first.claim(s) for s in stems] == [second.claim(s) for s in stems]
