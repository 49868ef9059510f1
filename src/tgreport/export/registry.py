"""Finds exporters: built-ins by dotted path, imported lazily; third parties by entry point.

A built-in whose engine cannot be imported (WeasyPrint without its system libraries, say) breaks
only its own format, and `available()` says why.
"""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass

from tgreport.errors import FormatUnavailable, UsageError
from tgreport.export.base import Exporter
from tgreport.support.plugins import entry_points

log = logging.getLogger(__name__)

ENTRY_POINT_GROUP = "tgreport.exporters"

# name → (suffix, "module:Class"). The suffix is listed here so that `-o x.pdf` can pick a format
# without importing its engine.
BUILTINS: dict[str, tuple[str, str]] = {
    "json": (".json", "tgreport.export.json:JsonExporter"),
    "pdf": (".pdf", "tgreport.export.pdf:PdfExporter"),
    "docx": (".docx", "tgreport.export.docx:DocxExporter"),
    "html": (".html", "tgreport.export.html:HtmlExporter"),
    "epub": (".epub", "tgreport.export.html.epub:EpubExporter"),
}


@dataclass(frozen=True)
class FormatInfo:
    name: str
    suffix: str
    target: str  # "module:Class"
    origin: str  # "built-in" or the distribution that provides it
    available: bool
    reason: str | None = None  # why it is not available


def _third_party() -> dict[str, tuple[str, str]]:
    """Entry points of the group, as name → (target, distribution); duplicates refused."""
    found: dict[str, tuple[str, str]] = {}
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        dist = ep.dist.name if ep.dist is not None else "unknown distribution"
        if ep.name in BUILTINS or ep.name in found:
            log.warning("exporter %r from %s ignored: the name is already taken", ep.name, dist)
            continue
        found[ep.name] = (ep.value, dist)
    return found


def load(name: str) -> type[Exporter]:
    """The exporter class registered as `name`, imported now."""
    if name in BUILTINS:
        target = BUILTINS[name][1]
    else:
        third = _third_party()
        if name not in third:
            raise UsageError(f"unknown format {name!r}; known formats: {', '.join(names())}")
        target = third[name][0]
    return _import(name, target)


def _import(name: str, target: str) -> type[Exporter]:
    module_name, _, attr = target.partition(":")
    try:
        cls = getattr(importlib.import_module(module_name), attr)
    except ModuleNotFoundError as exc:
        raise FormatUnavailable(f"format {name!r} needs {exc.name!r}, which is not installed") from exc
    except (ImportError, OSError, AttributeError) as exc:
        raise FormatUnavailable(f"format {name!r} cannot load its engine: {exc}") from exc
    for attribute in ("name", "suffix", "render"):
        if not hasattr(cls, attribute):
            raise FormatUnavailable(f"exporter {target} has no {attribute!r}")
    return cls  # type: ignore[no-any-return]


def names() -> list[str]:
    return sorted({*BUILTINS, *_third_party()})


def available() -> list[FormatInfo]:
    """Every known format, with whether it loads on this machine and why not."""
    infos = []
    entries = {n: (suffix, target, "built-in") for n, (suffix, target) in BUILTINS.items()}
    for n, (target, dist) in _third_party().items():
        entries[n] = ("", target, dist)
    for n, (suffix, target, origin) in sorted(entries.items()):
        try:
            cls = _import(n, target)
        except FormatUnavailable as exc:
            infos.append(FormatInfo(n, suffix, target, origin, False, exc.message))
        else:
            infos.append(FormatInfo(n, cls.suffix, target, origin, True))
    return infos


def format_for_suffix(suffix: str) -> str:
    """The format that writes files ending in `suffix` (".pdf" → "pdf")."""
    suffix = suffix.lower()
    for n, (builtin_suffix, _) in BUILTINS.items():
        if builtin_suffix == suffix:
            return n
    for n, (target, _) in _third_party().items():
        try:
            if _import(n, target).suffix == suffix:
                return n
        except FormatUnavailable:
            continue
    raise UsageError(f"no format writes {suffix or 'files without a suffix'!r} files; use -f")
