"""The fetch cache: pages fetched by earlier runs, so a re-run does not fetch them again.

A digest is re-made many times from the same links (another title, another format); fetching
is the slowest part of such a run and a burden on the sites. Each page is kept in the folder
`pages/` of the user's cache folder (support.cachedir), readable by the owner only,
as two files named after the link: the page's bytes as fetched (`<name>.html`, which the HTML
reader reads like a saved page) and a small JSON record of the link, the address it ended at,
the HTTP status, the content type and when it was fetched. The record is written last, so a
page without one (a run killed half-way) is no entry. A link that failed for good (a 404, a
picture, a redirect loop) is kept as a record of why, so a re-run says so again without asking
the site; one that may work next time (a 5xx, a timeout) is not kept, and is tried again.
`--refetch` asks again for everything. A cache that cannot be written only makes the next run
fetch again.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import logging
import os
import re
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from tgreport.read.fetch import Page
from tgreport.support.cachedir import cache_dir

log = logging.getLogger(__name__)

FORMAT = 1  # of the JSON record; a record of another format is no entry
UNUSED_DAYS = 60  # pages no run has used for this long are removed
_SLUG_CHARS = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class KeptFailure:
    """A link that failed for good when it was fetched, and why."""

    url: str
    reason: str
    fetched: dt.datetime


@dataclass(frozen=True)
class CachedPage:
    """A kept page: the file holding its bytes, and what the server said of them."""

    path: Path
    url: str
    final_url: str
    status: int
    content_type: str
    fetched: dt.datetime


class FetchCache:
    def __init__(self, root: Path | None = None, suffix: str = ".html") -> None:
        self.root = root or cache_dir() / "pages"
        self.suffix = suffix  # of the files of bytes: ".html" for pages, ".img" for photos

    def get(self, url: str) -> CachedPage | KeptFailure | None:
        """The kept page of `url` (or why it failed for good), or None when there is none, or it
        is unreadable or foreign."""
        name = entry_name(url)
        page, record = self.root / f"{name}{self.suffix}", self.root / f"{name}.json"
        kept: CachedPage | KeptFailure
        try:
            data = json.loads(record.read_bytes())
            if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("url") != url:
                return None
            fetched = dt.datetime.fromisoformat(str(data["fetched"]))
            if data.get("failed"):
                kept = KeptFailure(url, str(data["failed"]), fetched)
            elif page.is_file():
                kept = CachedPage(page, url, str(data["final_url"]), int(data["status"]),
                                  str(data["content_type"]), fetched)
            else:
                return None
            os.utime(record)  # used now: kept by the pruning
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError, RecursionError) as exc:
            log.debug("fetch cache entry %s ignored: %s", record, exc)
            return None
        return kept

    def put(self, page: Page) -> CachedPage:
        """Keep `page`; the entry as it will be read back (its file may be missing if the cache
        cannot be written, which the caller learns from the OSError)."""
        name = entry_name(page.url)
        record = {
            "format": FORMAT,
            "url": page.url,
            "final_url": page.final_url,
            "status": page.status,
            "content_type": page.content_type,
            "fetched": page.fetched.isoformat(),
        }
        self.root.mkdir(mode=0o700, parents=True, exist_ok=True)
        _write(self.root / f"{name}{self.suffix}", page.body)
        _write(self.root / f"{name}.json", json.dumps(record, ensure_ascii=False, indent=1).encode())
        return CachedPage(self.root / f"{name}{self.suffix}", page.url, page.final_url, page.status,
                          page.content_type, page.fetched)

    def put_failure(self, url: str, reason: str, when: dt.datetime) -> KeptFailure:
        """Remember that `url` failed for good, and why."""
        name = entry_name(url)
        record = {"format": FORMAT, "url": url, "failed": reason, "fetched": when.isoformat()}
        self.root.mkdir(mode=0o700, parents=True, exist_ok=True)
        _write(self.root / f"{name}.json", json.dumps(record, ensure_ascii=False, indent=1).encode())
        (self.root / f"{name}{self.suffix}").unlink(missing_ok=True)  # an older page of the link
        return KeptFailure(url, reason, when)

    def prune(self) -> None:
        cutoff = time.time() - UNUSED_DAYS * 86400
        with contextlib.suppress(OSError):
            for record in self.root.glob("*.json"):
                with contextlib.suppress(OSError):
                    if record.stat().st_mtime < cutoff:
                        record.unlink()
                        record.with_suffix(self.suffix).unlink(missing_ok=True)


def entry_name(url: str) -> str:
    """A file name for `url`: its last path segment, for a person looking in the folder, and a
    hash of the whole link, which makes it unique. It is also the article's id."""
    key = hashlib.sha256(url.encode("utf-8")).hexdigest()[:16]
    path = urlsplit(url).path.rstrip("/")
    stem = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    slug = _SLUG_CHARS.sub("-", stem.lower()).strip("-")[:48].rstrip("-")
    return f"{slug}-{key}" if slug else key


def _write(path: Path, data: bytes) -> None:
    """Replace `path` whole (owner-only, as mkstemp makes it), or leave it as it was."""
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
