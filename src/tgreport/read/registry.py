"""Finds readers by file suffix: built-ins by dotted path, imported lazily; third parties by entry
point (group `tgreport.readers`, name = the suffix without its dot), as exporters are found.

A reader is a callable `(path, settings) -> list[Article]` that raises InputError for a file it
cannot read; it touches no other file and reaches no network.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path

from tgreport.errors import UsageError
from tgreport.model import Article
from tgreport.settings import Settings
from tgreport.support.plugins import entry_points

log = logging.getLogger(__name__)

ENTRY_POINT_GROUP = "tgreport.readers"

Reader = Callable[[Path, Settings], list[Article]]

# suffix → "module:function"
BUILTINS: dict[str, str] = {
    ".txt": "tgreport.read.text:read_text",
    ".html": "tgreport.read.html:read_html",
    ".htm": "tgreport.read.html:read_html",
    ".json": "tgreport.read.json:read_json",
    ".jsonl": "tgreport.read.json:read_json",
}


@cache
def _targets() -> dict[str, str]:
    """suffix → "module:function", built-ins first; a third party may add suffixes, not take one."""
    found = dict(BUILTINS)
    for ep in entry_points(ENTRY_POINT_GROUP):
        suffix = "." + ep.name.lower().lstrip(".")
        dist = ep.dist.name if ep.dist is not None else "unknown distribution"
        if suffix in found:
            log.warning("reader for %r from %s ignored: the suffix is already taken", suffix, dist)
            continue
        found[suffix] = ep.value
    return found


def suffixes() -> tuple[str, ...]:
    """Every suffix some reader reads (".txt", ".html", …)."""
    return tuple(_targets())


def modules_for(paths: Iterable[str]) -> list[str]:
    """The modules of the readers of `paths`' suffixes: all a reading process needs imported
    (a folder of page text needs no HTML parser)."""
    found = {_target_of(Path(p).suffix.lower()) for p in paths}
    return sorted({t.partition(":")[0] for t in found if t is not None})


def reader_for(path: Path) -> Reader:
    """The reader of `path`'s suffix, imported now."""
    target = _target_of(path.suffix.lower())
    if target is None:
        raise UsageError(f"no reader for {path.suffix or 'files without a suffix'!r} files", path)
    return _load(target)


def _target_of(suffix: str) -> str | None:
    # A built-in suffix is never a third party's: its reader is known without scanning every
    # installed distribution for entry points (each reading process would, once).
    return BUILTINS.get(suffix) or _targets().get(suffix)


def _load(target: str) -> Reader:
    module_name, _, attr = target.partition(":")
    try:
        reader: Reader = getattr(importlib.import_module(module_name), attr)
    except (ImportError, AttributeError) as exc:
        raise UsageError(f"the reader {target} cannot be loaded: {exc}") from exc
    return reader
