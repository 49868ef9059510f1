"""The TOML configuration file: what to read and write, and every Settings value.

Keys use the CLI's long option names with dashes or underscores (`title`, `date-from` or
`from`, …); `[theme]` overrides the theme's fields and `[reader]` holds the reading settings.
Unknown keys and values of the wrong type are errors naming the key and the file, so a typo
never passes silently. `examples/report.toml` documents every key.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tgreport.errors import ConfigError
from tgreport.settings import Settings
from tgreport.support.regular import read_regular_file

__all__ = ["MAX_CONFIG_BYTES", "Config", "load_config", "read_regular_file"]

MAX_CONFIG_BYTES = 1024 * 1024  # a configuration file is a page of text, never more

# What to read and write, and how loud to be: the run's, not the report's settings.
RUN_KEYS: dict[str, tuple[str, tuple[type, ...]]] = {
    "inputs": ("inputs", (list, str)),
    "output": ("output", (str,)),
    "formats": ("formats", (list, str)),
    "format": ("formats", (list, str)),
    "quiet": ("quiet", (bool,)),
    "verbose": ("verbose", (bool,)),
}
READER_KEYS = ("extra_chrome", "max_input_bytes", "tone_style")  # the [reader] table


@dataclass(frozen=True)
class Config:
    """A configuration file's contents: the run's keys, and a mapping for Settings.from_mapping."""

    path: Path
    run: dict[str, Any] = field(default_factory=dict)
    settings: dict[str, Any] = field(default_factory=dict)


def load_config(path: str | Path) -> Config:
    """The file's contents, every settings key already checked (errors name the key and file)."""
    file = Path(path)
    try:
        data = tomllib.loads(read_regular_file(file, MAX_CONFIG_BYTES, "configuration file").decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"not valid TOML: {exc}", file) from exc
    run: dict[str, Any] = {}
    settings: dict[str, Any] = {}
    for key, value in data.items():
        normal = key.replace("_", "-")
        if normal in RUN_KEYS:
            dest, types = RUN_KEYS[normal]
            if not isinstance(value, types) or (isinstance(value, list) and
                                                not all(isinstance(v, str) for v in value)):
                raise ConfigError(f"key {key!r} must be text or a list of text, not {value!r}", file)
            run[dest] = [value] if dest in ("inputs", "formats") and isinstance(value, str) else value
        elif normal == "reader":
            if not isinstance(value, dict):
                raise ConfigError("[reader] must be a table", file)
            for name, item in value.items():
                if name.replace("-", "_") not in READER_KEYS:
                    raise ConfigError(f"unknown key reader.{name!r}; known keys: {', '.join(READER_KEYS)}",
                                      file)
                settings[name] = item
        else:
            settings[key] = value
    Settings.from_mapping(settings, source=file)  # every mistake said now, naming the file
    return Config(file, run, settings)
