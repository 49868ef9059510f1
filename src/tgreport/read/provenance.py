"""Where an article came from: the outlet's name from the page's own metadata, else from the
outlet table by the page's domain (read/outlets.toml plus the user's [outlets]), else from the
user's [sources] patterns for the file's folder or name."""

from __future__ import annotations

import fnmatch
import functools
from collections.abc import Mapping
from pathlib import PurePath
from urllib.parse import urlsplit


@functools.cache
def shipped_outlets() -> Mapping[str, str]:
    """The outlet table: domain → the outlet's name."""
    table: dict[str, str] = _shipped()["outlets"]
    return table


@functools.cache
def shipped_signatures() -> Mapping[str, str]:
    """The signatures outlets open their stories with ("TTO", "Chinhphu.vn"), case-folded →
    the outlet's name."""
    return {tag.casefold(): name for tag, name in _shipped()["signatures"].items()}


@functools.cache
def _shipped() -> dict[str, dict[str, str]]:
    # Imported here: a run whose articles name their outlet, or come from JSON, reads no table.
    import tomllib
    from importlib import resources

    text = resources.files("tgreport.read").joinpath("outlets.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def host_of(url: str | None) -> str | None:
    """The host of the address `url`, lower case, without "www."."""
    if not url:
        return None
    host = urlsplit(url.strip()).hostname
    return host.lower().removeprefix("www.") if host else None


def outlet_for_host(host: str | None, extra: Mapping[str, str] = {}) -> str | None:
    """The outlet whose domain is `host` or a domain `host` is under; the user's table first."""
    if not host:
        return None
    host = host.lower().removeprefix("www.")
    parts = host.split(".")
    for table in (extra, shipped_outlets()):
        for i in range(len(parts) - 1):  # longest first: "ione.vnexpress.net" before "vnexpress.net"
            name = table.get(".".join(parts[i:]))
            if name:
                return name
    return None


def source_for_path(path: str | PurePath, sources: Mapping[str, str]) -> str | None:
    """The name the first matching [sources] pattern gives the file: "folder/" matches a folder
    of that name anywhere in the path; any other pattern is a shell pattern for the file name."""
    file = PurePath(path)
    folders = {p.casefold() for p in file.parent.parts}
    for pattern, name in sources.items():
        if pattern.endswith("/"):
            if pattern.rstrip("/").casefold() in folders:
                return name
        elif fnmatch.fnmatch(file.name.casefold(), pattern.casefold()):
            return name
    return None
