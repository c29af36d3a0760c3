"""Reading's knowledge of a pack document is kept in the user's cache folder: a fresh
command uses it without compiling the template, and never when the pack, its template or
the library changed, nor when the entry is damaged."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from supervision_forms.packs import Pack, load_pack
from supervision_forms.reading import knowledge_cache
from supervision_forms.reading.knowledge import FormKnowledge
from tests.tiny_pack import make_tiny_pack

KIND = "agreement"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "supervision-forms" / knowledge_cache.FOLDER


def fresh(folder: Path) -> Pack:
    """The pack as a new command loads it (templates compiled on first use)."""
    return load_pack(folder, compile_templates=False)


def entries(cache: Path) -> list[Path]:
    return sorted(cache.glob("*.json"))


def test_kept_knowledge_is_used_without_compiling_the_template(tmp_path: Path, cache: Path) -> None:
    folder = make_tiny_pack(tmp_path / "tiny", body_text="Please bring your diary.")
    built = fresh(folder).knowledge(KIND)
    assert len(entries(cache)) == 1
    again = fresh(folder)
    kept = again.knowledge(KIND)
    assert kept == built
    assert kept.printed_lines == built.printed_lines and kept.order == built.order
    assert kept.is_printed("Please bring your diary.")
    assert not again._templates  # nothing compiled


def test_a_changed_template_or_pack_file_is_built_again(tmp_path: Path, cache: Path) -> None:
    folder = make_tiny_pack(tmp_path / "tiny", body_text="Please bring your diary.")
    fresh(folder).knowledge(KIND)
    make_tiny_pack(folder, body_text="Please bring your notebook.")
    changed = fresh(folder).knowledge(KIND)
    assert changed.is_printed("Please bring your notebook.")
    assert not changed.is_printed("Please bring your diary.")
    toml = folder / "pack.toml"
    toml.write_text(toml.read_text().replace('label = "Manager"', 'label = "Line manager"'))
    relabelled = fresh(folder).knowledge(KIND)
    assert "Line manager" in {label for info in relabelled.fields for label in info.labels}
    assert len(entries(cache)) == 3


def test_a_changed_library_is_built_again(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = make_tiny_pack(tmp_path / "tiny")
    fresh(folder).knowledge(KIND)
    monkeypatch.setattr(knowledge_cache, "_library", lambda: "another version of the library")
    pack = fresh(folder)
    pack.knowledge(KIND)
    assert pack._templates  # compiled: the entry was not used
    assert len(entries(cache)) == 2


def test_the_library_is_known_by_its_files_sizes_and_change_times_without_reading_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "module.py").write_text("VALUE = 1\n")
    first = knowledge_cache._library.__wrapped__(tmp_path)

    def unread(path: Path) -> bytes:
        raise AssertionError(f"{path.name} was read")

    monkeypatch.setattr(Path, "read_bytes", unread)
    assert knowledge_cache._library.__wrapped__(tmp_path) == first
    os.utime(tmp_path / "module.py", ns=(1, 1))  # a changed file
    assert knowledge_cache._library.__wrapped__(tmp_path) != first


@pytest.mark.parametrize(
    "damage",
    [
        lambda blob: blob[: len(blob) // 2],  # cut short
        lambda blob: blob.replace(b"Manager", b"Managex"),  # a changed byte
        lambda blob: b"",
        lambda blob: b"\xff\xfe\x00garbage",
    ],
)
def test_a_damaged_entry_is_built_again(tmp_path: Path, cache: Path, damage) -> None:  # type: ignore[no-untyped-def]
    folder = make_tiny_pack(tmp_path / "tiny")
    built = fresh(folder).knowledge(KIND)
    (entry,) = entries(cache)
    entry.write_bytes(damage(entry.read_bytes()))
    pack = fresh(folder)
    assert pack.knowledge(KIND) == built
    assert pack._templates


@pytest.mark.parametrize(
    "body",
    [
        b"[]",
        b'{"layout": 1}',
        b'{"layout": 999, "corpus": ""}',
        b"[" * 100_000,
    ],
)
def test_an_entry_not_as_written_is_built_again(tmp_path: Path, cache: Path, body: bytes) -> None:
    """Checksummed but not what `keep` writes (another layout, say): built again."""
    folder = make_tiny_pack(tmp_path / "tiny")
    built = fresh(folder).knowledge(KIND)
    (entry,) = entries(cache)
    entry.write_bytes(knowledge_cache.hashlib.sha256(body).hexdigest().encode() + b"\n" + body)
    assert fresh(folder).knowledge(KIND) == built


def test_a_field_the_pack_does_not_have_is_built_again(tmp_path: Path, cache: Path) -> None:
    folder = make_tiny_pack(tmp_path / "tiny")
    pack = fresh(folder)
    built = pack.knowledge(KIND)
    raw = knowledge_cache._dump(built)
    raw["fields"][0]["path"] = "no.such.field"
    assert knowledge_cache._restore(raw, pack, KIND) is None
    assert knowledge_cache._restore(knowledge_cache._dump(built), pack, KIND) == built


def test_without_a_writable_cache_folder_it_is_built(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    folder = make_tiny_pack(tmp_path / "tiny")
    built = fresh(folder).knowledge(KIND)
    assert isinstance(built, FormKnowledge)
    assert fresh(folder).knowledge(KIND) == built


def test_old_entries_are_removed(tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(knowledge_cache, "KEEP", 2)
    for number in range(4):
        make_tiny_pack(tmp_path / "tiny", body_text=f"Edition {number} of the form.")
        fresh(tmp_path / "tiny").knowledge(KIND)
    assert len(entries(cache)) == 2


@pytest.mark.parametrize("name", ["sefton-old-000.pdf", "portsmouth-000.pdf"])
def test_a_document_reads_the_same_with_kept_knowledge(cache: Path, name: str) -> None:
    """Detection and reading with the knowledge built, then with it read back (a fresh
    registry each time: as two commands)."""
    from supervision_forms.packs import PackRegistry
    from supervision_forms.reading import parse

    source = Path(__file__).parents[1] / "corpus" / "fixtures" / "pdf" / name
    built = parse(source, packs=PackRegistry.from_entry_points())
    assert entries(cache)
    packs = PackRegistry.from_entry_points()
    kept = parse(source, packs=packs)
    assert not any(pack._templates for pack in packs)  # read without compiling a template
    assert (kept.pack, kept.document, kept.confidence) == (built.pack, built.document, built.confidence)
    assert kept.data == built.data
    assert (kept.warnings, kept.unmapped, kept.sources) == (built.warnings, built.unmapped, built.sources)
