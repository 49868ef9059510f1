"""The TOML config file: every key documented in examples/report.toml loads; mistakes name key and file."""

from __future__ import annotations

import dataclasses
import tomllib
from pathlib import Path

import pytest

from tgreport.cli import build_parser
from tgreport.config import OPTION_KEYS, READER_FIELDS, THEME_FIELDS, load_config
from tgreport.errors import ConfigError
from tgreport.read import ReaderOptions
from tgreport.theme import THEMES, Theme, theme

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "report.toml"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "report.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_example_loads_and_reproduces_the_official_theme() -> None:
    settings = load_config(EXAMPLE)
    table = dict(settings["theme"])
    name = table.pop("name")
    # The example spells out the defaults: applying them changes nothing.
    assert theme(name, **table) == THEMES["official"]
    assert settings["order"] == "date" and settings["group"] == "none" and settings["index"] is True
    assert ReaderOptions(**{k: tuple(v) if isinstance(v, list) else v for k, v in settings["reader"].items()})


def test_the_example_documents_every_key() -> None:
    # Uncomment the commented-out keys too: every key the loader knows must appear in the example.
    text = EXAMPLE.read_text(encoding="utf-8")
    uncommented = "\n".join(
        line[2:] if line.startswith("# ") and "=" in line.split("#")[1][:30] else line
        for line in text.splitlines()
    )
    data = tomllib.loads(uncommented)
    top = {k.replace("_", "-") for k in data if not isinstance(data[k], dict)}
    aliases = {"format", "organisation", "from", "to", "theme-name"}  # documented beside their twin
    assert set(OPTION_KEYS) - aliases - {"date-from", "date-to"} <= top
    assert set(THEME_FIELDS) | {"name"} == set(data["theme"])
    assert set(READER_FIELDS) == set(data["reader"])


def test_theme_keys_follow_the_theme_dataclass() -> None:
    assert set(THEME_FIELDS) == {f.name for f in dataclasses.fields(Theme)} - {"name"}
    assert set(READER_FIELDS) <= {f.name for f in dataclasses.fields(ReaderOptions)}


def test_config_options_and_cli_options_are_the_same_set() -> None:
    dests = {action.dest for action in build_parser()._actions}
    # What only makes sense on a command line: help, version, listing formats, naming the file.
    command_only = {"help", "version", "list_formats", "config"}
    assert {dest for dest, _ in OPTION_KEYS.values()} == dests - command_only


@pytest.mark.parametrize(
    "text, key",
    [
        ('titel = "x"\n', "'titel'"),
        ('[theme]\nbody_sise = 13\n', "theme.'body_sise'"),
        ('[reader]\nchrome = ["a"]\n', "reader.'chrome'"),
        ('[printer]\nx = 1\n', "'printer'"),
    ],
)
def test_unknown_keys_name_the_key_and_the_file(tmp_path: Path, text: str, key: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert key in str(info.value) and str(path) in str(info.value)


@pytest.mark.parametrize(
    "text, words",
    [
        ("drop-undated = \"yes\"\n", "must be bool"),
        ("similarity = true\n", "must be int or float"),
        ('order = "random"\n', "not one of"),
        ('group = "author"\n', "not one of"),
        ('[theme]\nbody_size = "13pt"\n', "must be int or float"),
        ('[theme]\nname = "fancy"\n', "unknown"),
        ('[reader]\nextra_chrome = [1, 2]\n', "list of strings"),
        ("inputs = [1]\n", "list of strings"),
        ("title = \n", "not valid TOML"),
    ],
)
def test_bad_values_name_the_file(tmp_path: Path, text: str, words: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError, match=words) as info:
        load_config(path)
    assert str(path) in str(info.value)


def test_missing_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        load_config(tmp_path / "nope.toml")


def test_aliases_and_underscores(tmp_path: Path) -> None:
    path = write(tmp_path, 'date_from = "2021-01-01"\nto = "2021-02-01"\ntheme = "modern"\nformat = "json"\n')
    assert load_config(path) == {
        "date_from": "2021-01-01", "date_to": "2021-02-01", "theme_name": "modern", "formats": "json",
    }


@pytest.mark.parametrize(
    "overrides, words",
    [
        ({"font_family": "Comic Sans"}, "unknown font family"),
        ({"page_size": "B5"}, "unknown page size"),
        ({"body_size": -1.0}, "must be a number"),
        ({"colour": "red"}, "unknown theme setting"),
    ],
)
def test_theme_refuses_what_no_exporter_can_honour(overrides: dict[str, object], words: str) -> None:
    with pytest.raises((KeyError, ValueError), match=words):
        theme("official", **overrides)


def test_modern_theme_differs_in_the_ways_it_promises() -> None:
    modern, official = theme("modern"), theme("official")
    assert modern.font_family == "Liberation Sans" and official.font_family == "Liberation Serif"
    assert not modern.justify and official.justify
    assert theme("modern", page_size="A5-landscape").page_size == "A5-landscape"
