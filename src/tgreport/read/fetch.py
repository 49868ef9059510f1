"""Fetching the pages of links the user gave, politely and within bounds, with httpx.

Only http and https. Every request carries an honest User-Agent naming tgreport and its version.
Per page: a connect and a read timeout, a time limit for the whole answer (a server that drips
one byte at a time never trips the read timeout), a size cap (said from Content-Length when it
is sent, else counted while streaming, so an endless body stops at the cap), and a bounded number
of redirects (a loop ends there). Per host: at most `per_host` connections at once and a pause
between the starts of two requests, so a digest of fifty links to one paper does not hammer it.
A 5xx answer or a dropped connection is tried again after a growing wait; nothing else is (a 404
or a timeout would only fail again, more slowly).

Nothing here reads what it fetched, follows a link inside a page or writes a file: fetch_all
hands back bytes or a reason, and web.py keeps and reads them.
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
import queue
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, as_completed
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from tgreport.read.links import is_private_host, unsupported_scheme
from tgreport.version import __version__

log = logging.getLogger(__name__)

USER_AGENT = f"tgreport/{__version__} (news digest maker; fetches only the links its user gave it)"
# What a news page is served as; anything else (a PDF, a picture, a feed) is not an article.
PAGE_TYPES = ("text/html", "application/xhtml+xml")
# What a photo may be served as: any image type (read/picture.py checks the bytes themselves),
# or the "just bytes" some servers send pictures as.
PICTURE_TYPES = ("image/", "application/octet-stream", "binary/octet-stream")


@dataclass(frozen=True)
class FetchPolicy:
    """The bounds of fetching; the defaults suit real news sites, tests use shorter ones."""

    connect_seconds: float = 10.0
    read_seconds: float = 20.0  # between two pieces of the answer
    page_seconds: float = 60.0  # for the whole answer of one attempt
    max_bytes: int = 10 * 1024 * 1024  # a news page is well under 1 MB; the reader's limit also holds
    max_redirects: int = 5
    attempts: int = 3  # tries of one page, on a 5xx answer or a connection error
    backoff_seconds: float = 1.0  # wait before the second try; doubled before each further one
    pause_seconds: float = 1.0  # between the starts of two requests to one host
    per_host: int = 2  # connections open at once to one host
    workers: int = 8  # pages fetched at once, over all hosts


# What the read stage uses; a script (or a test, with a local server) may set another.
DEFAULT_POLICY = FetchPolicy()


@dataclass(frozen=True)
class Page:
    """A page as fetched: its bytes, and what the server said of them."""

    url: str  # as given
    final_url: str  # after redirects
    status: int
    content_type: str
    fetched: dt.datetime  # UTC, to the second
    body: bytes


class FetchFailed(Exception):
    """A page that could not be had; the message says why, for a warning naming the URL.

    `lasting` failures (a 404, a picture, a redirect loop) would fail again the same way and may
    be remembered; the others (a 5xx, a timeout, a dropped connection) may be gone by the next
    run, and a page too large may fit the next run's limit.
    """

    def __init__(self, reason: str, *, lasting: bool = False) -> None:
        super().__init__(reason)
        self.lasting = lasting


class _TryAgain(Exception):
    """A failure worth another try: a 5xx answer or a connection that broke."""


class _HostGate:
    """At most `per_host` requests at once to one host, their starts `pause` seconds apart."""

    def __init__(self, per_host: int, pause: float) -> None:
        self._per_host = per_host
        self._pause = pause
        self._lock = threading.Lock()
        self._slots: dict[str, threading.Semaphore] = {}
        self._next_start: dict[str, float] = {}

    def slot(self, host: str) -> threading.Semaphore:
        with self._lock:
            return self._slots.setdefault(host, threading.Semaphore(self._per_host))

    def wait_turn(self, host: str) -> None:
        """Sleep until this host may be asked again, and book the next turn."""
        with self._lock:
            now = time.monotonic()
            start = max(now, self._next_start.get(host, now))
            self._next_start[host] = start + self._pause
        if start > now:
            time.sleep(start - now)


class Fetcher:
    """One HTTP client for a run; `fetch(url)` is safe to call from several threads."""

    def __init__(self, policy: FetchPolicy, max_bytes: int | None = None,
                 types: tuple[str, ...] = PAGE_TYPES) -> None:
        self.policy = policy
        self.types = types  # what the answer may be; "image/" takes every image/… type
        self.max_bytes = min(policy.max_bytes, max_bytes) if max_bytes else policy.max_bytes
        self.stopped = threading.Event()  # set on Ctrl-C: pages not started yet are not
        self._gate = _HostGate(policy.per_host, policy.pause_seconds)
        self._client = httpx.Client(
            headers={
                "User-Agent": USER_AGENT,
                "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1" if types == PAGE_TYPES
                else "image/jpeg,image/png,image/webp,image/gif;q=0.9,*/*;q=0.1",
                "Accept-Language": "vi,en;q=0.5",
            },
            timeout=httpx.Timeout(policy.read_seconds, connect=policy.connect_seconds),
            follow_redirects=True,
            max_redirects=policy.max_redirects,
            limits=httpx.Limits(max_connections=policy.workers, max_keepalive_connections=policy.workers),
            event_hooks={"request": [self._check_hop]},
        )
        self._asked = threading.local()  # the link each thread is fetching, for _check_hop

    def close(self) -> None:
        self._client.close()

    def fetch(self, url: str) -> Page:
        """The page at `url`; FetchFailed saying why when it cannot be had."""
        reason = unsupported_scheme(url)
        if reason:
            raise FetchFailed(reason, lasting=True)
        host = (urlsplit(url).hostname or "").lower()
        failure = ""
        for attempt in range(self.policy.attempts):
            if attempt:
                time.sleep(self.policy.backoff_seconds * 2 ** (attempt - 1))
            if self.stopped.is_set():
                raise FetchFailed("stopped before it was fetched")
            with self._gate.slot(host):
                self._gate.wait_turn(host)
                try:
                    return self._fetch_once(url)
                except _TryAgain as exc:
                    failure = str(exc)
                    log.debug("%s: %s (try %d of %d)", url, failure, attempt + 1, self.policy.attempts)
        tries = self.policy.attempts
        raise FetchFailed(f"{failure} ({tries} tries)" if tries > 1 else failure)

    def _check_hop(self, request: httpx.Request) -> None:
        """A redirect may not lead from the internet into this machine or its private network
        (a page on a news site must not make tgreport ask 127.0.0.1 or 192.168.x.x): it may
        only when the link itself was to such an address, which the user chose."""
        asked = getattr(self._asked, "host", None)
        host = request.url.host
        if asked is None or host == asked or not is_private_host(host) or is_private_host(asked):
            return
        raise FetchFailed(f"redirected to {host}, an address on this machine or a private network; "
                          "not followed", lasting=True)

    def _fetch_once(self, url: str) -> Page:
        self._asked.host = urlsplit(url).hostname or ""
        try:
            with self._client.stream("GET", url) as response:
                status = response.status_code
                if status >= 500:
                    raise _TryAgain(f"HTTP {status} {response.reason_phrase}".rstrip())
                if not 200 <= status < 300:
                    # 408 and 429 say "not now", not "never".
                    raise FetchFailed(f"HTTP {status} {response.reason_phrase}".rstrip(),
                                      lasting=status not in (408, 429))
                content_type = response.headers.get("content-type", "")
                kind = content_type.partition(";")[0].strip().lower()
                if kind and not _accepted(kind, self.types):
                    wanted = "a web page" if self.types == PAGE_TYPES else "a picture"
                    what = "an article" if self.types == PAGE_TYPES else "a picture"
                    raise FetchFailed(f"not {what}: the link gives {kind}, not {wanted}", lasting=True)
                body = self._body(response)
                return Page(url, str(response.url), status, content_type,
                            dt.datetime.now(dt.UTC).replace(microsecond=0), body)
        except httpx.TooManyRedirects:
            raise FetchFailed(f"more than {self.policy.max_redirects} redirects (a redirect loop?)",
                              lasting=True) from None
        except httpx.TimeoutException:
            raise FetchFailed(f"timed out: no answer within {self.policy.read_seconds:g} s") from None
        except (httpx.NetworkError, httpx.RemoteProtocolError) as exc:
            raise _TryAgain(f"connection failed: {exc or type(exc).__name__}") from None
        except httpx.UnsupportedProtocol:  # a redirect to ftp:, mailto:, …
            raise FetchFailed("redirected to a link that is not http or https", lasting=True) from None
        except httpx.HTTPError as exc:
            raise FetchFailed(f"cannot be fetched: {exc or type(exc).__name__}") from None

    def _body(self, response: httpx.Response) -> bytes:
        limit = self.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FetchFailed(f"too large: {_size(int(declared))}, above the {_size(limit)} limit")
        deadline = time.monotonic() + self.policy.page_seconds
        pieces: list[bytes] = []
        size = 0
        for piece in response.iter_bytes():
            size += len(piece)
            if size > limit:
                raise FetchFailed(f"too large: more than the {_size(limit)} limit")
            if time.monotonic() > deadline:
                raise FetchFailed(f"timed out: the page took more than {self.policy.page_seconds:g} s")
            pieces.append(piece)
        return b"".join(pieces)


def fetch_all(
    urls: list[str],
    policy: FetchPolicy,
    max_bytes: int | None = None,
    done: Callable[[], None] | None = None,
    types: tuple[str, ...] = PAGE_TYPES,
) -> Iterator[tuple[str, Page | FetchFailed]]:
    """Each URL with its page or why it failed, in the order of `urls`; several hosts at once.

    `done()` is called as each page is finished, in whatever order they finish (a progress bar).
    """
    if not urls:
        return
    fetcher = Fetcher(policy, max_bytes, types)
    futures: dict[str, Future[Page]] = {}
    try:
        # Started one host after another, not one host's links in a row: a worker waiting for
        # its host's pause would otherwise keep the other hosts' pages waiting too.
        futures = _started(fetcher.fetch, _by_turns(urls), min(policy.workers, len(urls)))
        for _ in as_completed(futures.values()):
            if done is not None:
                done()
        for url in urls:
            future = futures[url]
            try:
                yield url, future.result()
            except FetchFailed as exc:
                yield url, exc
            except Exception as exc:
                # A bug met on one odd page must not cost the user the rest; -v shows it.
                log.debug("fetching %s failed", url, exc_info=True)
                yield url, FetchFailed(f"cannot be fetched (internal error {type(exc).__name__}: {exc})")
        fetcher.close()
    finally:
        # Interrupted (Ctrl-C): pages not started are not, and the run does not wait for the
        # ones under way; each ends within its time limits.
        fetcher.stopped.set()
        for future in futures.values():
            future.cancel()


def _started(fetch: Callable[[str], Page], urls: list[str], workers: int) -> dict[str, Future[Page]]:
    """Each URL's future page, fetched by `workers` daemon threads in the order of `urls`.

    Not a ThreadPoolExecutor: Python waits for its threads at exit, so after Ctrl-C the command
    would hang until every page under way had timed out (41 s measured, with a slow server).
    Daemon threads are not waited for: the run ends at once, saying it was interrupted."""
    futures: dict[str, Future[Page]] = {url: Future() for url in urls}
    todo: queue.SimpleQueue[str] = queue.SimpleQueue()
    for url in urls:
        todo.put(url)

    def work() -> None:
        while True:
            try:
                url = todo.get_nowait()
            except queue.Empty:
                return
            future = futures[url]
            if not future.set_running_or_notify_cancel():
                continue  # cancelled: the run was interrupted
            try:
                future.set_result(fetch(url))
            except BaseException as exc:  # handed to the caller, which says what failed
                future.set_exception(exc)

    for n in range(workers):
        threading.Thread(target=work, name=f"tgreport-fetch-{n}", daemon=True).start()
    return futures


def _accepted(kind: str, types: tuple[str, ...]) -> bool:
    return kind in types or any(t.endswith("/") and kind.startswith(t) for t in types)


def _by_turns(urls: list[str]) -> list[str]:
    """`urls` reordered round-robin over their hosts: a.vn/1, b.vn/1, a.vn/2, b.vn/2, …"""
    queues: dict[str, list[str]] = {}
    for url in urls:
        queues.setdefault((urlsplit(url).hostname or "").lower(), []).append(url)
    turns = itertools.zip_longest(*queues.values())
    return [url for turn in turns for url in turn if url is not None]


def _size(count: int) -> str:
    if count >= 1024 * 1024:
        return f"{count / 1024 / 1024:.1f} MB"
    return f"{count / 1024:.0f} KB" if count >= 1024 else f"{count} bytes"
