"""The TOML configuration file: every CLI option, plus the theme and reader settings.

Keys use the CLI's long option names with dashes or underscores (`title`, `date-from` or
`from`, …). Unknown keys and values of the wrong type are errors naming the key and the file,
so a typo never passes silently. `examples/report.toml` documents every key.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from tgreport.errors import ConfigError
from tgreport.present import ARTICLE_DATE_STYLES
from tgreport.theme import THEMES

_TEXT, _FLAG, _NUMBER = (str,), (bool,), (int, float)
# ExportOptions.date_style: how articles are dated (metadata lines, TOC); the styles present.py
# can word (official Decree 30 style, dd/mm/yyyy, Babel's), so nothing else gets past the CLI.
DATE_STYLES = ARTICLE_DATE_STYLES
TONE_STYLES = ("hòa", "hoà")

# Config key → (argparse destination, accepted types). Aliases share a destination.
OPTION_KEYS: dict[str, tuple[str, tuple[type, ...]]] = {
    "inputs": ("inputs", (list, str)),
    "output": ("output", _TEXT),
    "formats": ("formats", (list, str)),
    "format": ("formats", (list, str)),
    "engine": ("engine", _TEXT),
    "title": ("title", _TEXT),
    "org": ("org", _TEXT),
    "organisation": ("org", _TEXT),
    "place": ("place", _TEXT),
    "date": ("date", _TEXT),
    "from": ("date_from", _TEXT),
    "date-from": ("date_from", _TEXT),
    "to": ("date_to", _TEXT),
    "date-to": ("date_to", _TEXT),
    "theme-name": ("theme_name", _TEXT),
    "template": ("template", _TEXT),
    "template-dir": ("template_dir", _TEXT),
    "order": ("order", _TEXT),
    "group": ("group", _TEXT),
    "drop-undated": ("drop_undated", _FLAG),
    "index": ("index", _FLAG),
    "dedup": ("dedup", _FLAG),
    "cache": ("cache", _FLAG),
    "similarity": ("similarity", _NUMBER),
    "date-style": ("date_style", _TEXT),
    "tone-style": ("tone_style", _TEXT),
    "quiet": ("quiet", _FLAG),
    "verbose": ("verbose", _FLAG),
}
# Choices checked here too, so a bad value in the file names the file.
CHOICES: dict[str, tuple[str, ...]] = {
    "engine": ("reportlab", "weasyprint"),
    "theme_name": tuple(THEMES),
    "order": ("date", "date-desc", "title", "source"),
    "group": ("none", "category", "publisher", "month"),
    "date_style": DATE_STYLES,
    "tone_style": TONE_STYLES,
}
THEME_FIELDS: dict[str, type | tuple[type, ...]] = {
    "page_size": str, "margin_top_mm": _NUMBER, "margin_bottom_mm": _NUMBER,
    "margin_left_mm": _NUMBER, "margin_right_mm": _NUMBER, "font_family": str,
    "heading_font_family": str, "body_size": _NUMBER, "title_size": _NUMBER,
    "cover_title_size": _NUMBER, "caption_size": _NUMBER, "line_spacing": _NUMBER,
    "paragraph_space_pt": _NUMBER, "first_line_indent_mm": _NUMBER, "justify": bool,
    "header_text": str,
}
READER_FIELDS: dict[str, type | tuple[type, ...]] = {
    "extra_chrome": list, "tone_style": str, "max_input_bytes": int,
}


def _check_type(value: Any, types: type | tuple[type, ...], key: str, file: Path) -> None:
    types = types if isinstance(types, tuple) else (types,)
    # bool is an int in Python; a number setting must not accept `true`.
    ok = isinstance(value, types) and not (isinstance(value, bool) and bool not in types)
    if isinstance(value, list) and not all(isinstance(item, str) for item in value):
        ok, types = False, (list,)
    if not ok:
        names = " or ".join("a list of strings" if t is list else t.__name__ for t in types)
        raise ConfigError(f"key {key!r} must be {names}, not {type(value).__name__} {value!r}", file)


def _table(value: Any, name: str, known: dict[str, type | tuple[type, ...]], file: Path) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(f"[{name}] must be a table", file)
    out: dict[str, Any] = {}
    for key, item in value.items():
        field = key.replace("-", "_")
        if name == "theme" and field == "name":
            _check_type(item, str, f"{name}.{key}", file)
            out["name"] = item
            continue
        if field not in known:
            raise ConfigError(f"unknown key {name}.{key!r}; known keys: {', '.join(sorted(known))}", file)
        _check_type(item, known[field], f"{name}.{key}", file)
        out[field] = float(item) if known[field] == _NUMBER else item
    if name == "theme":
        _check_theme(out, file)
    return out


def _check_theme(settings: dict[str, Any], file: Path) -> None:
    if "name" in settings and settings["name"] not in THEMES:
        known = ", ".join(THEMES)
        raise ConfigError(f"theme.name {settings['name']!r} unknown; shipped themes: {known}", file)


def load_config(path: str | Path) -> dict[str, Any]:
    """The file's settings as {argparse destination: value}; [theme] and [reader] as dicts
    under "theme" and "reader" (a top-level `theme = "modern"` names the theme)."""
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
        if normal == "theme" and isinstance(value, str):
            normal = "theme-name"
        if normal == "theme":
            settings["theme"] = _table(value, "theme", THEME_FIELDS, file)
        elif normal == "reader":
            settings["reader"] = _table(value, "reader", READER_FIELDS, file)
        elif normal in OPTION_KEYS:
            dest, types = OPTION_KEYS[normal]
            _check_type(value, types, key, file)
            if dest in CHOICES and value not in CHOICES[dest]:
                raise ConfigError(f"key {key!r}: {value!r} is not one of {', '.join(CHOICES[dest])}", file)
            settings[dest] = value
        else:
            raise ConfigError(f"unknown key {key!r}", file)
    return settings
