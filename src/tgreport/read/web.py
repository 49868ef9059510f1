"""Pages named by their links: taken from the fetch cache or fetched, then read like saved pages.

Each page is read by the reader the registry gives its kept file (the HTML reader), so a fetched
page and the same page saved by hand make the same article; the article then says where it came
from: its source is the link, its url the address the page was served from (when the page named
none), and `fetched` when it was fetched. What reading says names the link, not the kept file.
A page that cannot be had or read is one error naming the link and why.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from tgreport.errors import InputError
from tgreport.model import Article
from tgreport.read import fetch
from tgreport.read.fetch import FetchFailed, FetchPolicy, fetch_all
from tgreport.read.fetchcache import CachedPage, FetchCache
from tgreport.settings import Settings

log = logging.getLogger(__name__)

class Outcome(Protocol):
    """What reading one file gives (the read stage's FileRead)."""

    @property
    def articles(self) -> list[Article]: ...
    @property
    def error(self) -> InputError | None: ...
    @property
    def notes(self) -> list[tuple[int, str]]: ...


ReadFile = Callable[[Path, Settings], Outcome]


@dataclasses.dataclass(frozen=True)
class LinkRead:
    """One link's outcome: its articles, or the error that made it skipped; and its notes."""

    articles: list[Article]
    error: InputError | None
    notes: list[tuple[int, str]]


def read_links(
    links: list[str],
    settings: Settings,
    read_file: ReadFile,
    progress: Callable[[int], None] | None = None,
    policy: FetchPolicy | None = None,
    cache: FetchCache | None = None,
) -> list[LinkRead]:
    """Each link's outcome, in the order of `links`. `read_file` reads a kept page (the read
    stage's own, so notes are kept alike); `progress(done)` counts links as they are done.
    `policy` defaults to fetch.DEFAULT_POLICY as it is when called (a script may set it)."""
    store = cache or FetchCache()
    kept: dict[str, CachedPage] = {}
    failed: dict[str, str] = {}
    if not settings.refetch:
        for link in links:
            entry = store.get(link)
            if isinstance(entry, CachedPage):
                kept[link] = entry
            elif entry is not None:
                failed[link] = f"{entry.reason} (when fetched on {entry.fetched:%Y-%m-%d %H:%M} UTC; " \
                    "refetch to try again)"
    done = 0

    def one_done() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done)

    for _ in range(len(kept) + len(failed)):
        one_done()
    todo = [link for link in links if link not in kept and link not in failed]
    for link, got in fetch_all(todo, policy or fetch.DEFAULT_POLICY, settings.max_input_bytes, one_done):
        try:
            if isinstance(got, FetchFailed):
                failed[link] = str(got)
                if got.lasting:
                    store.put_failure(link, str(got), dt.datetime.now(dt.UTC).replace(microsecond=0))
            else:
                kept[link] = store.put(got)
        except OSError as exc:
            log.debug("fetch cache not written to %s: %s", store.root, exc)
            if link not in failed:
                failed[link] = f"fetched, but cannot be kept in {store.root}: {exc.strerror or exc}"
    store.prune()
    outcomes = []
    for link in links:
        if link in failed:
            outcomes.append(LinkRead([], InputError(f"{failed[link]}; skipped", link), []))
        else:
            outcomes.append(_read_page(kept[link], settings, read_file))
    return outcomes


def _read_page(page: CachedPage, settings: Settings, read_file: ReadFile) -> LinkRead:
    outcome = read_file(page.path, settings)
    shown = str(page.path)
    notes = [(level, message.replace(shown, page.url)) for level, message in outcome.notes]
    if outcome.error is not None:
        return LinkRead([], InputError(f"not an article: {outcome.error.message}", page.url), notes)
    articles = [
        dataclasses.replace(article, source=page.url, url=article.url or page.final_url, fetched=page.fetched)
        for article in outcome.articles
    ]
    return LinkRead(articles, None, notes)
