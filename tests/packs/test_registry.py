"""Packs from folders, broken plugins skipped, only/block lists, and a pack's own rules file."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from supervision_forms import PackRegistry, load_pack
from supervision_forms.cli import main
from supervision_forms.errors import PackError
from supervision_forms.packs import PackWarning
from supervision_forms.registry import BLOCK_PACKS, ONLY_PACKS, PACK_PATH
from tests.tiny_pack import make_tiny_pack


@pytest.fixture(autouse=True)
def clean_settings() -> Iterator[None]:
    """The CLI writes its pack settings into the environment: put them back after each test."""
    names = (PACK_PATH, ONLY_PACKS, BLOCK_PACKS)
    saved = {name: os.environ.pop(name, None) for name in names}
    yield
    for name, value in saved.items():
        os.environ.pop(name, None)
        if value is not None:
            os.environ[name] = value


def install_plugins(site: Path, monkeypatch: pytest.MonkeyPatch, points: dict[str, str]) -> None:
    """An installed distribution with these entry points (name -> 'module:attr' source)."""
    package = site / "council_plugins"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("")
    lines = []
    for name, source in points.items():
        (package / f"{name}.py").write_text(source)
        lines.append(f"{name} = council_plugins.{name}:PACK")
    info = site / "council_plugins-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: council-plugins\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text("[supervision_forms.packs]\n" + "\n".join(lines) + "\n")
    monkeypatch.syspath_prepend(str(site))


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    out, err = capsys.readouterr()
    return int(exit_info.value.code or 0), out, err


def it_skips_a_broken_installed_pack_with_one_warning_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = make_tiny_pack(tmp_path / "tiny")
    install_plugins(
        tmp_path / "site",
        monkeypatch,
        {
            "broken": "raise ImportError('no such module')\n",
            "tiny": f"from pathlib import Path\nPACK = Path({str(folder)!r})\n",
        },
    )
    with pytest.warns(PackWarning, match=r"pack 'broken' skipped") as caught:
        registry = PackRegistry.from_entry_points()
    assert len(caught) == 1
    assert {"tiny", "portsmouth", "surrey", "sefton"} <= {p.name for p in registry}
    assert [s.name for s in registry.skipped] == ["broken"]


def it_never_loads_a_blocked_or_unlisted_plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    install_plugins(tmp_path / "site", monkeypatch, {"broken": "raise ImportError('boom')\n"})
    blocked = PackRegistry.from_entry_points(block={"broken"})
    only = PackRegistry.from_entry_points(only={"surrey"})
    assert "broken" not in blocked and "surrey" in blocked
    assert [p.name for p in only] == ["surrey"]


def it_loads_a_folder_of_packs_skipping_a_broken_one(tmp_path: Path) -> None:
    make_tiny_pack(tmp_path / "packs" / "one", name="one")
    make_tiny_pack(tmp_path / "packs" / "two", name="two", extra_fields='"location" = { label = "L" }')
    with pytest.warns(PackWarning, match=r"pack 'two' skipped: .*not in the template: location"):
        registry = PackRegistry.from_folders([tmp_path / "packs"])
    assert [p.name for p in registry] == ["one"]


def it_refuses_a_named_pack_folder_that_is_broken(tmp_path: Path) -> None:
    folder = make_tiny_pack(tmp_path / "two", extra_fields='"location" = { label = "L" }')
    with pytest.raises(PackError, match="not in the template"):
        PackRegistry.from_folders([folder])


def it_renders_with_a_pack_folder_given_on_the_command_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = make_tiny_pack(tmp_path / "tiny", name="mycouncil")
    data = tmp_path / "in.json"
    data.write_text(json.dumps({"supervisee": {"name": "Kim Ode"}}))
    out = tmp_path / "kim.docx"
    code, _, err = run_cli(
        capsys, "--pack-dir", str(folder), "render", str(data), "--pack", "mycouncil", "-o", str(out)
    )
    assert (code, err) == (0, "")
    code, parsed, _ = run_cli(capsys, "--pack-dir", str(folder), "parse", str(out), "--json")
    assert json.loads(parsed)["pack"] == "mycouncil"


def it_takes_pack_folders_from_the_environment_too(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_tiny_pack(tmp_path / "packs" / "tiny", name="envcouncil")
    monkeypatch.setenv(PACK_PATH, str(tmp_path / "packs"))
    code, out, _ = run_cli(capsys, "--block-pack", "surrey", "packs", "--json")
    names = [p["name"] for p in json.loads(out)]
    assert code == 0
    assert "envcouncil" in names and "surrey" not in names


@pytest.mark.filterwarnings("always::supervision_forms.packs.registry.PackWarning")
def it_warns_in_one_line_when_an_installed_pack_is_skipped(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    install_plugins(tmp_path / "site", monkeypatch, {"broken": "raise ImportError('boom')\n"})
    monkeypatch.setenv(BLOCK_PACKS, "nothing-blocked")  # a fresh registry for this test
    code, out, err = run_cli(capsys, "packs", "--json")
    assert code == 0
    assert (
        err
        == "supervision-forms: warning: pack 'broken' skipped: its entry point failed to load (ImportError)\n"
    )
    assert {"portsmouth", "surrey", "sefton"} <= {p["name"] for p in json.loads(out)}


def it_exposes_the_rules_file_a_pack_ships(tmp_path: Path) -> None:
    folder = make_tiny_pack(tmp_path / "tiny")
    text = (folder / "pack.toml").read_text()
    (folder / "pack.toml").write_text(
        text.replace('council = "Tiny Borough"', 'council = "Tiny Borough"\nrules = "rules.toml"')
    )
    with pytest.raises(PackError, match=r"rules file rules\.toml is missing"):
        load_pack(folder)
    (folder / "rules.toml").write_text("# the council's written rules\n")
    assert load_pack(folder).rules_path == folder / "rules.toml"
