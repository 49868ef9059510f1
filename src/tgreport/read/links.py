"""Which inputs are links: a link given as an input, or a text file that is a list of links.

A `.txt` file named as an input (not one found in a folder: those are articles) is a list of
links when each of its lines that is not blank, nor a `#` comment, is one link. Links that are
not http or https, or name no host, are left out with a warning naming where they stood; a
link given twice is fetched once.
"""

from __future__ import annotations

import ipaddress
import logging
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

log = logging.getLogger(__name__)

SCHEMES = ("http", "https")

# "scheme://…": a link, whichever scheme (one that cannot be fetched is said, not taken for a file).
_LINK = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://\S+$")
# A list of links is a page of text; a larger .txt is an article (or a mistake) either way.
MAX_LIST_BYTES = 1024 * 1024


@dataclass
class Inputs:
    """The inputs split: links to fetch (each once, in the order given), and files or folders."""

    links: list[str] = field(default_factory=list)
    paths: list[str | os.PathLike[str]] = field(default_factory=list)


def is_link(text: str) -> bool:
    return bool(_LINK.match(text.strip()))


def split_inputs(given: list[str | os.PathLike[str]]) -> Inputs:
    inputs = Inputs()
    seen: set[str] = set()

    def add(link: str, where: str) -> None:
        link = urldefrag(link.strip()).url  # the #part names a place on the page, never sent
        reason = unsupported_scheme(link)
        if reason:
            log.warning("%s: %s; skipped", where, reason)
        elif link not in seen:
            seen.add(link)
            inputs.links.append(link)

    for item in given:
        if isinstance(item, str) and is_link(item):
            add(item, item)
            continue
        listed = link_list(Path(item))
        if listed is None:
            inputs.paths.append(item)
            continue
        for number, link in listed:
            add(link, f"{item}:{number}")
    return inputs


def link_list(path: Path) -> list[tuple[int, str]] | None:
    """The links in `path` with their line numbers, when it is a .txt file of links only."""
    if path.suffix.lower() != ".txt" or not path.is_file():
        return None
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_LIST_BYTES + 1)
        text = data.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None  # the text reader says what is wrong with it
    if len(data) > MAX_LIST_BYTES:
        return None
    links = []
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if not is_link(line):
            return None
        links.append((number, line))
    return links or None


def unsupported_scheme(url: str) -> str | None:
    """Why `url` cannot be fetched (not http or https, no host), or None when it can."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in SCHEMES:
        return f"only http and https links are fetched, not {parts.scheme or 'this'}:"
    if not parts.hostname:
        return "the link names no host"
    return None


def is_private_host(host: str) -> bool:
    """Whether `host` is, or resolves to, an address of this machine, a private network, a
    link-local or reserved range (what a page on the internet has no business naming)."""
    import socket  # for fetching only: a run from files never resolves a name

    host = host.strip("[]")
    try:
        addresses = [ipaddress.ip_address(host)]
    except ValueError:
        try:
            addresses = [ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
                         for info in socket.getaddrinfo(host, None)]
        except (OSError, UnicodeError, ValueError):
            return False  # not resolvable: the request itself fails, saying so
    return any(a.is_private or a.is_loopback or a.is_link_local or a.is_reserved or a.is_multicast
               or a.is_unspecified for a in addresses)
