"""The TOML config file: every key documented in examples/report.toml loads; mistakes name key and file."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import tomllib
from pathlib import Path

import pytest

from tgreport.cli import _SETTING_FLAGS, build_parser
from tgreport.config import RUN_KEYS, load_config
from tgreport.errors import ConfigError
from tgreport.settings import Settings
from tgreport.theme import THEMES, Theme, theme

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "report.toml"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "report.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_example_loads_and_reproduces_the_defaults() -> None:
    config = load_config(EXAMPLE)
    settings = Settings.from_mapping(config.settings, source=EXAMPLE)
    # The example spells out the defaults: applying them changes nothing but what it names.
    assert settings.theme == THEMES["official"]
    assert settings.order == "date" and settings.group == "none" and settings.index is True
    assert settings.extra_chrome == ("Ý KIẾN BẠN ĐỌC VỀ BÀI VIẾT NÀY", "Tra cứu tạp chí in:")
    assert settings.sources["baonhandan/"] == "Báo Nhân Dân"
    assert settings.outlets == {"baobacninh.vn": "Báo Bắc Ninh"}
    assert settings.signatures == {"BBG": "Báo Bắc Giang"}
    assert config.run["inputs"] == ["seeds"] and config.run["formats"] == ["pdf"]


def _uncommented_example() -> dict[str, object]:
    # Uncomment the commented-out keys too: every key the loader knows must appear in the example.
    text = EXAMPLE.read_text(encoding="utf-8")
    uncommented = "\n".join(
        line[2:] if line.startswith("# ") and "=" in line.split("#")[1][:30] else line
        for line in text.splitlines()
    )
    return tomllib.loads(uncommented)


def test_the_example_documents_every_setting() -> None:
    data = _uncommented_example()
    top = {k.replace("-", "_") for k in data if k not in ("theme", "reader")}  # [assessments] is a setting
    reader = {k.replace("-", "_") for k in data["reader"]}  # type: ignore[union-attr]
    tables = {k for k in ("sources", "outlets", "signatures") if isinstance(data.get(k), dict)}
    documented = top | reader | tables | {"organisation", "issued", "date_from", "date_to", "theme"}
    settings = {f.name for f in dataclasses.fields(Settings)} - {"extra"}
    assert settings <= documented, settings - documented
    assert {f.name for f in dataclasses.fields(Theme)} == set(data["theme"])  # type: ignore[arg-type]
    # And it loads, uncommented, as it stands.
    Settings.from_mapping({k: v for k, v in data.items() if k.replace("_", "-") not in RUN_KEYS
                           and k != "reader"} | dict(data["reader"]))  # type: ignore[call-overload]


def test_config_settings_and_cli_options_are_the_same_set() -> None:
    # Every option's destination, read through argparse's public API: a parse of no arguments
    # holds each (--help and --version, which keep none, are left out).
    dests = set(vars(build_parser().parse_args([])))
    assert {"title", "org", "jobs", "formats"} <= dests
    # What only makes sense on a command line: listing formats, naming the file.
    command_only = {"list_formats", "config"}
    # --theme, --body-size and --page-size set fields of the [theme] table.
    cli_settings = {_SETTING_FLAGS.get(d, d) for d in dests - command_only} - {"theme_name", "body_size",
                                                                                 "page_size"}
    run = {dest for dest, _ in RUN_KEYS.values()}
    # [reader], [theme], [sources], [outlets], [signatures], [assessments] and [[topics]] tables
    file_only = {"extra", "extra_chrome", "max_input_bytes", "theme", "sources", "outlets", "signatures",
                 "topics", "assessments", "summaries", "signer", "recipients"}
    settings = {f.name for f in dataclasses.fields(Settings)} - file_only
    assert cli_settings == settings | run


@pytest.mark.parametrize(
    "text, key",
    [
        ('titel = "x"\n', "'titel'"),
        ('[theme]\nbody_sise = 13\n', "theme setting 'body_sise'"),
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
        ("similarity = 5\n", "at most 1"),
        ('order = "random"\n', "choose one of"),
        ('group = "author"\n', "choose one of"),
        ('[theme]\nbody_size = "13pt"\n', "must be a number"),
        ('[theme]\nname = "fancy"\n', "unknown"),
        ('[reader]\nextra_chrome = [1, 2]\n', "list of strings"),
        ("inputs = [1]\n", "list of text"),
        ('from = "7/1/2021"\n', "YYYY-MM-DD"),
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
    config = load_config(path)
    assert config.run == {"formats": ["json"]}
    settings = Settings.from_mapping(config.settings)
    assert (settings.date_from, settings.date_to) == (dt.date(2021, 1, 1), dt.date(2021, 2, 1))
    assert settings.theme == THEMES["modern"]


@pytest.mark.parametrize("make", ["fifo", "device", "huge"])
def test_a_config_that_is_no_regular_small_file_is_refused(tmp_path: Path, make: str) -> None:
    path = tmp_path / "report.toml"
    if make == "fifo":
        os.mkfifo(path)  # reading it would wait forever
    elif make == "device":
        path = Path("/dev/zero")  # reading it would fill the memory
    else:
        path.write_text("# " + "x" * 2_000_000, encoding="utf-8")
    with pytest.raises(ConfigError, match=r"not a regular file|larger than") as info:
        load_config(path)
    assert str(path) in str(info.value)


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
