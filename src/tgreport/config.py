"""The TOML configuration file: every CLI option, plus the theme and reader settings.

Keys use the CLI's long option names with dashes or underscores (`title`, `date-from` or
`from`, …). Unknown keys are errors naming the key and the file, so a typo never passes silently.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from .errors import ConfigError

# Config key → argparse destination. Tables ([theme], [reader]) are handled by their consumers.
OPTION_KEYS: dict[str, str] = {
    "output": "output",
    "formats": "formats",
    "format": "formats",
    "engine": "engine",
    "title": "title",
    "org": "org",
    "organisation": "org",
    "place": "place",
    "date": "date",
    "from": "date_from",
    "to": "date_to",
    "template": "template",
    "template-dir": "template_dir",
    "theme-name": "theme_name",
    "inputs": "inputs",
}
TABLES = ("theme", "reader")


def load_config(path: str | Path) -> dict[str, Any]:
    """The file's settings as {argparse destination: value}, tables under their own names."""
    file = Path(path)
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"cannot read the configuration file: {exc.strerror}", file) from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"not valid TOML: {exc}", file) from exc
    settings: dict[str, Any] = {}
    for key, value in data.items():
        normal = key.replace("_", "-")
        if normal in TABLES:
            if not isinstance(value, dict):
                raise ConfigError(f"[{key}] must be a table", file)
            settings[normal] = value
        elif normal in OPTION_KEYS:
            settings[OPTION_KEYS[normal]] = value
        else:
            raise ConfigError(f"unknown key {key!r}", file)
    return settings
