"""Files made from Tesseract's data (its English word list, the slim Latin model) kept in
the user's cache folder: found again by a fresh process, made again when the data file
changes or the kept file is damaged, written whole or not at all."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from supervision_forms import user_cache
from supervision_forms.ocr import cache, latin, lexicon


@pytest.fixture
def folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """An empty cache folder of the user's."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / user_cache.FOLDER


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "model.traineddata"
    path.write_bytes(b"a model")
    return path


def it_finds_a_kept_file_again(folder: Path, source: Path) -> None:
    assert cache.cached(source, "words") is None
    kept = cache.keep(source, "words", b"alpha\nbeta\n")
    assert kept is not None and kept.parent == folder
    assert cache.cached(source, "words") == kept
    assert kept.read_bytes() == b"alpha\nbeta\n"


def it_never_trusts_a_damaged_file(folder: Path, source: Path) -> None:
    kept = cache.keep(source, "words", b"alpha\nbeta\n")
    assert kept is not None
    kept.write_bytes(b"alpha\nbe")  # cut short, as by a full disk
    assert cache.cached(source, "words") is None


def it_never_mixes_up_a_changed_data_file(folder: Path, source: Path) -> None:
    assert cache.keep(source, "words", b"alpha\n") is not None
    source.write_bytes(b"a newer model")
    assert cache.cached(source, "words") is None
    assert cache.cached(source, "slim") is None  # nor one kind of file with another


def it_does_without_a_cache_folder_it_cannot_write(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, source: Path
) -> None:
    blocked = tmp_path / "a file"
    blocked.write_bytes(b"")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert cache.keep(source, "words", b"alpha\n") is None
    assert cache.cached(source, "words") is None


def it_writes_a_whole_file_or_none(monkeypatch: pytest.MonkeyPatch, folder: Path, source: Path) -> None:
    def full_disk(*_: object) -> None:
        raise OSError("no space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    assert cache.keep(source, "words", b"alpha\n") is None
    assert list(folder.iterdir()) == []  # no file under its name, nor a temporary one left


def it_is_safe_for_workers_keeping_and_reading_at_once(folder: Path, source: Path) -> None:
    data = b"word\n" * 200_000
    seen: list[bytes] = []

    def work() -> None:
        cache.keep(source, "words", data)
        found = cache.cached(source, "words")
        seen.append(found.read_bytes() if found is not None else b"")

    threads = [threading.Thread(target=work) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen == [data] * 6
    assert len(list(folder.iterdir())) == 2  # the file and its checksum


@pytest.fixture
def fresh_word_list() -> Iterator[None]:
    lexicon.english_words.cache_clear()
    yield
    lexicon.english_words.cache_clear()


def it_reads_tesseracts_word_list_from_the_cache_in_a_fresh_worker(
    tesseract: None, folder: Path, fresh_word_list: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    words = lexicon.english_words()
    assert "wellbeing" in words and "centre" in words
    lexicon.english_words.cache_clear()  # as in a fresh worker

    def never(_: Path) -> bytes:
        raise AssertionError("the word list was made again")

    monkeypatch.setattr(lexicon, "_extract", never)
    assert lexicon.english_words() == words


@pytest.fixture
def fresh_latin_model() -> Iterator[None]:
    latin._latin_model.cache_clear()
    yield
    latin._latin_model.cache_clear()


def it_keeps_a_slim_latin_model_without_its_word_list(
    tesseract: None, folder: Path, fresh_latin_model: None
) -> None:
    model = latin.latin_model()
    if model is None:
        if os.environ.get("CI"):
            pytest.fail("CI must have Tesseract's Latin-script model (tesseract-ocr-script-latn)")
        pytest.skip("not installed: tesseract-ocr-script-latn")
    assert model.parent == folder
    assert model.stat().st_size < 5_000_000  # the model is 90 MB, 89 of them its word list


def it_looks_a_word_up_in_the_sorted_list_as_a_set_would() -> None:
    listing = sorted({"a", "ab", "abc", "b", "centre", "café", "cafés", "zebra", "été", "well-being"})
    words = lexicon.SortedWords("\n".join(listing).encode())
    asked = [*listing, "", "aa", "abd", "c", "caf", "cafe", "zebras", "zz", "\u00e9", "a\nb", "well"]
    assert [word in words for word in asked] == [word in set(listing) for word in asked]
    assert words and not lexicon.SortedWords(b"") and "a" not in lexicon.SortedWords(b"")
