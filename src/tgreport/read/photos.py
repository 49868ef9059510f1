"""The photo stage: each article's photos found, had and prepared, once, for every format.

Runs on the report (after assembly), so only the articles kept are looked at, and a photo two
articles share is prepared once. `settings.images` says which photos: "lead" (the first photo
of each article, the default), "all", or "none". A photo is had:

- from a file beside the article's own file (a saved page's `<name>_files/` folder, a picture
  next to a JSON record): only when the path, links and `..` resolved, lies inside that file's
  folder; nothing else on the disk is read;
- from the web: only for a page tgreport fetched itself (the user gave its link), or for any
  article when `settings.fetch_photos` asks; fetched politely like pages (read/fetch.py) and kept
  in the fetch cache's `pictures/` folder, so a re-run uses the same bytes.

Each photo is checked and made fit to print by picture.py and hangs on its Image block as a
Picture; exporters embed those bytes and open nothing themselves. A photo that cannot be had or
is no good is left out with one warning naming the article's file (or link) and the photo, and
the article is printed without it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from tgreport.errors import ConfigError
from tgreport.model import Article, Image, Picture, Report
from tgreport.read.links import is_private_host
from tgreport.read.picture import MAX_BYTES, BadPicture, Box, prepare
from tgreport.settings import Settings
from tgreport.support.cachedir import cache_dir
from tgreport.support.regular import read_regular_file
from tgreport.support.spool import Spool
from tgreport.theme import text_area_mm

log = logging.getLogger(__name__)

# A photo with its caption takes at most this share of the text's height: a tall picture (an
# infographic) is printed smaller rather than alone on a page, cut, or pushing its caption over.
HEIGHT_SHARE = 0.6
PREPARERS = 4  # photos prepared at once, at most (and no more than the processors)
_MM = 72 / 25.4
_WEB = ("http", "https")


def photo_box(settings: Settings) -> Box:
    width, height = text_area_mm(settings.theme)
    return Box(width * _MM, height * HEIGHT_SHARE * _MM)


def with_photos(report: Report, settings: Settings) -> Report:
    """The report with the photos `settings.images` asks for prepared on their Image blocks.
    With "lead", an article whose first photo cannot be had or printed gets its next one."""
    if settings.images == "none":
        return report
    # Each article's photos still to try, in order; "lead" tries one at a time until one is ready.
    left = [(a, srcs) for a in report.all_articles()
            if (srcs := deque(b.src for b in a.blocks if isinstance(b, Image) and b.src))]
    if not left:
        return report
    box = photo_box(settings)
    spool = Spool()  # the prepared bytes, kept on disk until the formats embed them
    ready: dict[str, Picture] = {}
    refused: dict[str, str] = {}  # where the photo is → why it is left out
    offline: set[str] = set()
    warned: set[tuple[int, str]] = set()
    # Article → the photos it may print: those it was let have (a page from the internet never
    # prints a picture of this machine, even one another input fetched).
    asked: dict[int, set[str]] = {}
    while left:
        wanted: dict[str, list[tuple[Article, str]]] = {}  # where the photo is → who named it, as named
        tried: list[tuple[Article, deque[str], str | None]] = []
        for article, srcs in left:
            for src in [srcs.popleft() for _ in range(len(srcs) if settings.images == "all" else 1)]:
                where = _wanted(article, src, settings, offline)
                tried.append((article, srcs, where))
                if where is not None:
                    asked.setdefault(id(article), set()).add(where)
                    if where not in ready:
                        wanted.setdefault(where, []).append((article, src))
        new = {where: named for where, named in wanted.items() if where not in refused}
        for where, outcome in _in_threads(_had(new, settings), box, spool):
            if isinstance(outcome, str):
                refused[where] = outcome
            else:
                ready[where] = outcome
        for where, named in wanted.items():
            for article, src in named:
                if where in refused and (id(article), where) not in warned:  # once, if named twice
                    warned.add((id(article), where))
                    _warn(article, src, refused[where])
        left = [] if settings.images == "all" else list(
            {id(a): (a, srcs) for a, srcs, where in tried if srcs and where not in ready}.values())
    if offline:
        log.warning("%d photo(s) are on the web and were not fetched; --fetch-photos fetches them",
                    len(offline))
    if not ready:
        return report
    return _replaced(report, lambda a: _with_pictures(a, settings.images, ready, asked.get(id(a), set())))


def _wanted(article: Article, src: str, settings: Settings, offline: set[str]) -> str | None:
    """Where the photo `src` of `article` is to be had from, or None (said why, or counted)."""
    where = _where(article, src)
    if where is None:
        _warn(article, src, "not a picture address tgreport reads")
    elif _is_web(where) and not (article.fetched is not None or settings.fetch_photos):
        offline.add(where)
        return None
    elif _is_web(where) and article.fetched is not None and _reaches_in(where, article.source):
        _warn(article, src, "an address on this machine or a private network; not fetched")
        return None
    return where


def _in_threads(had: Iterable[tuple[str, bytes | str]], box: Box,
                spool: Spool) -> Iterator[tuple[str, Picture | str]]:
    """Each photo prepared and kept in `spool`, in the order of `had`. Pillow lets go of the
    interpreter while it decodes and encodes, so a few are prepared at once in threads; no more
    than twice as many are read ahead, so a thousand photos never sit in memory together."""
    workers = min(PREPARERS, os.cpu_count() or 1)
    with ThreadPoolExecutor(workers, thread_name_prefix="tgreport-photo") as pool:
        pending: deque[tuple[str, Future[Picture | str]]] = deque()
        for where, data in had:
            pending.append((where, pool.submit(_prepared, data, box, spool)))
            if len(pending) >= 2 * workers:
                first, future = pending.popleft()
                yield first, future.result()
        while pending:
            first, future = pending.popleft()
            yield first, future.result()


def _prepared(data: bytes | str, box: Box, spool: Spool) -> Picture | str:
    """The photo made fit to print and kept in `spool`, or why it cannot be (`data` may already
    be the why)."""
    if isinstance(data, str):
        return data
    try:
        picture = prepare(data, box)
    except BadPicture as exc:
        return str(exc)
    except Exception as exc:
        # A bug met on one odd picture (Pillow's or ours) must not cost the user the digest;
        # -v shows the traceback so it can be reported.
        log.debug("preparing a photo failed", exc_info=True)
        return f"cannot be prepared (internal error {type(exc).__name__}: {exc})"
    return dataclasses.replace(picture, held=spool.keep(picture.data))


def _where(article: Article, src: str) -> str | None:
    """Where the photo `src` of `article` is: an absolute web address, or a real path inside the
    folder of the article's file; None for anything else (data:, file:, a path leading out)."""
    src = src.strip()
    scheme = urlsplit(src).scheme.lower()
    if scheme in _WEB:
        return src
    if article.fetched is not None:
        # A fetched page's pictures are named relative to the page's own address.
        base = article.url or article.source
        joined = urljoin(base, src)
        return joined if urlsplit(joined).scheme.lower() in _WEB else None
    if scheme or src.startswith(("/", "\\")) or not src:
        return None  # file:, data:, javascript:, an absolute path: never read
    folder = os.path.realpath(Path(article.source).parent)
    # A saved page writes its folder's name URL-encoded ("Tin%20m%E1%BB%9Bi_files/a.jpg").
    path = os.path.realpath(os.path.join(folder, unquote(src.split("?", 1)[0].split("#", 1)[0])))
    return path if path.startswith(folder + os.sep) else None


def _reaches_in(photo: str, page: str) -> bool:
    """Whether a page from the internet names a photo on this machine or its private network
    (127.0.0.1, 192.168.x.x): not fetched. A page the user fetched from such an address may."""
    inside = is_private_host(urlsplit(photo).hostname or "")
    return inside and not is_private_host(urlsplit(page).hostname or "")


def _is_web(where: str) -> bool:
    return urlsplit(where).scheme.lower() in _WEB


def _had(wanted: dict[str, list[tuple[Article, str]]],
         settings: Settings) -> Iterable[tuple[str, bytes | str]]:
    """(where, its bytes or why they cannot be had) for every photo in `wanted`."""
    for where in wanted:
        if not _is_web(where):
            try:
                yield where, read_regular_file(where, MAX_BYTES, "photo")
            except ConfigError as exc:
                yield where, exc.message
    urls = [w for w in wanted if _is_web(w)]
    if urls:
        yield from _fetched(urls, settings)


def _fetched(urls: list[str], settings: Settings) -> Iterable[tuple[str, bytes | str]]:
    """Each photo's bytes from the fetch cache, or fetched (and kept), or why not."""
    # Imported here: httpx is loaded only when a photo is on the web.
    from tgreport.read import fetch
    from tgreport.read.fetchcache import CachedPage, FetchCache, KeptFailure

    store = FetchCache(cache_dir() / "pictures", suffix=".img")
    todo = []
    for url in urls:
        entry = None if settings.refetch else store.get(url)
        if isinstance(entry, CachedPage):
            try:
                yield url, entry.path.read_bytes()
                continue
            except OSError:
                pass
        elif isinstance(entry, KeptFailure):
            yield url, entry.reason
            continue
        todo.append(url)
    got = fetch.fetch_all(todo, fetch.DEFAULT_POLICY, MAX_BYTES, types=fetch.PICTURE_TYPES)
    for url, page in got:
        try:
            if isinstance(page, fetch.FetchFailed):
                if page.lasting:
                    store.put_failure(url, str(page), dt.datetime.now(dt.UTC).replace(microsecond=0))
            else:
                store.put(page)
        except OSError as exc:  # a cache that cannot be written only makes the next run fetch again
            log.debug("fetch cache for pictures not written to %s: %s", store.root, exc)
        yield url, str(page) if isinstance(page, fetch.FetchFailed) else page.body
    store.prune()


def _warn(article: Article, src: str, why: str) -> None:
    log.warning("%s: photo %s left out: %s", article.source, src[:200], why)


def _with_pictures(article: Article, images: str, ready: dict[str, Picture], asked: set[str]) -> Article:
    """`article` with the photos it `asked` for that are ready on their blocks: every one
    ("all"), or the first ("lead": the photos before it were tried and could not be printed)."""
    blocks = []
    placed = False
    for block in article.blocks:
        if isinstance(block, Image) and block.src and not (placed and images != "all"):
            where = _where(article, block.src)
            picture = ready.get(where) if where in asked else None
            if picture is not None:
                block = dataclasses.replace(block, picture=picture)
                placed = True
        blocks.append(block)
    return dataclasses.replace(article, blocks=tuple(blocks)) if placed else article


def _replaced(report: Report, edit: Callable[[Article], Article]) -> Report:
    if report.sections:
        sections = tuple(dataclasses.replace(s, articles=tuple(edit(a) for a in s.articles))
                         for s in report.sections)
        return dataclasses.replace(report, sections=sections)
    return dataclasses.replace(report, articles=tuple(edit(a) for a in report.articles))
