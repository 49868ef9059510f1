"""What a saved page says of itself in its markup: JSON-LD NewsArticle, OpenGraph and article
meta tags, <link rel="canonical">, <time datetime>. Read from the parsed tree only: nothing here
fetches, follows or runs anything the page names."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from lxml import etree

from tgreport.read.provenance import host_of
from tgreport.vn import clean_text

_ARTICLE_TYPES = {"newsarticle", "article", "reportagenewsarticle", "blogposting", "analysisnewsarticle"}
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2}))?")
# Names a publisher's CMS puts in <meta name="author">, which are no writer's byline ("Super User"
# is Joomla's first account).
_NOT_WRITERS = re.compile(r"(?i)\b(corp|online|jsc|channelvn|\.vn|\.com|\.net|báo |tạp chí|admin|"
                          r"administrator|super user|quản trị|webmaster)\b|^theo ")


@dataclass(frozen=True)
class PageMeta:
    title: str | None = None  # JSON-LD's headline
    og_title: str | None = None  # og:title, else the document's <title>
    published: dt.datetime | dt.date | None = None
    authors: tuple[str, ...] = ()
    site: str | None = None
    url: str | None = None
    description: str | None = None  # og:description or <meta name="description">: mostly the sapo
    # The window title's parts ("headline | section | Báo Đồng Nai"), and <meta name="copyright">.
    window: tuple[str, ...] = ()
    copyright: str | None = None
    # The page's own host (canonical, og:url, <base>, else the host most links point to): used to
    # look the outlet up by domain, never fetched.
    host: str | None = None


def _clean(text: str | None) -> str | None:
    """NFC, no control characters, spaces collapsed: as the readers clean all text."""
    if text is None:
        return None
    text = " ".join(clean_text(text).split())
    return text or None


class _Metas:
    """The <meta> contents by property/name/itemprop, lower-cased: `get` gives the first that is
    not empty once cleaned. Only the few names asked for are cleaned, not every tag of a page
    (pages carry dozens: cleaning them all was half of reading the metadata)."""

    def __init__(self, elements: list[Any]) -> None:
        self._raw: dict[str, list[str]] = {}
        for element in elements:
            content = element.get("content")
            if not content:
                continue
            for attr in ("property", "name", "itemprop"):
                key = element.get(attr)
                if key:
                    key = key.strip().lower()
                    if key:
                        self._raw.setdefault(key, []).append(content)

    def get(self, key: str) -> str | None:
        return next((c for raw in self._raw.get(key, ()) if (c := _clean(raw))), None)


def _json_ld(scripts: list[Any]) -> dict[str, Any]:
    """The page's NewsArticle (or Article) object from its JSON-LD scripts, {} when none."""
    for script in scripts:
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
        except (ValueError, RecursionError):
            continue  # a broken block on a page is common and says nothing
        for item in _items(data):
            kind = item.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            if any(isinstance(k, str) and k.lower() in _ARTICLE_TYPES for k in kinds):
                return item
    return {}


def _items(data: Any) -> list[dict[str, Any]]:
    if isinstance(data, list):
        return [x for x in data if isinstance(x, dict)]
    if isinstance(data, dict):
        graph = data.get("@graph")
        return [data, *(_items(graph) if graph else [])]
    return []


def parse_iso(text: str | None) -> dt.datetime | dt.date | None:
    """A date or a naive local date and time from an ISO-like stamp ("2018-07-28T00:35:00",
    "2015-03-23 08:06 +07:00"); the wall-clock time the page shows is kept, its zone dropped."""
    match = _ISO_DATE.search(text or "")
    if not match:
        return None
    year, month, day, hour, minute = match.groups()
    try:
        if hour is None:
            return dt.date(int(year), int(month), int(day))
        return dt.datetime(int(year), int(month), int(day), int(hour), int(minute))
    except ValueError:
        return None


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    return []


def writers(names: list[str]) -> tuple[str, ...]:
    """Names that look like a writer's byline, not the publisher's or a CMS's."""
    out = []
    for name in names:
        name = _clean(name) or ""
        if name and len(name) <= 40 and not _NOT_WRITERS.search(name) and name not in out:
            out.append(name)
    return tuple(out)


_ABSOLUTE_HOST = re.compile(r"https?://(?:www\.)?([^/:?#\s]+)", re.IGNORECASE)


def _link_host(tree: Any) -> str | None:
    hosts = Counter(m.group(1).lower() for a in tree.iter("a")
                    if (m := _ABSOLUTE_HOST.match(a.get("href") or "")))
    return hosts.most_common(1)[0][0] if hosts else None


def _site_name(value: str | None) -> str | None:
    """og:site_name as a name; a bare domain or a URL in it is no name."""
    if not value or "/" in value or re.fullmatch(r"[\w.-]+\.[a-z]{2,}", value):
        return None
    return value


_TAGS = ("meta", "script", "link", "base", "time", "title")


def page_meta(tree: Any) -> PageMeta:
    # One walk over the tree for every tag looked at here: each walk costs as much as the work
    # done on what it finds.
    tags: dict[str, list[Any]] = {tag: [] for tag in _TAGS}
    for element in tree.iter(*_TAGS):
        tags[element.tag].append(element)
    meta = _Metas(tags["meta"])
    ld = _json_ld(tags["script"])
    canonical = next(
        (_clean(link.get("href")) for link in tags["link"]
         if "canonical" in (link.get("rel") or "").lower().split()),
        None,
    )
    url = canonical or meta.get("og:url") or _clean(ld.get("url") if isinstance(ld.get("url"), str) else None)
    if url and not url.lower().startswith(("http://", "https://")):
        url = None
    base = next((b.get("href") for b in tags["base"]), None)
    host = host_of(url) or host_of(base) or _link_host(tree)
    published = (
        parse_iso(ld.get("datePublished") if isinstance(ld.get("datePublished"), str) else None)
        or parse_iso(meta.get("article:published_time"))
        or parse_iso(meta.get("datepublished"))
        or parse_iso(meta.get("pubdate"))
        or next((d for t in tags["time"] if (d := parse_iso(t.get("datetime")))), None)
    )
    headline = ld.get("headline") if isinstance(ld.get("headline"), str) else None
    publisher = _names(ld.get("publisher"))
    site = _site_name(meta.get("og:site_name")) or (_site_name(publisher[0]) if publisher else None)
    authors = writers(_names(ld.get("author"))) or writers([author] if (author := meta.get("author")) else [])
    window = _clean(tags["title"][0].text if tags["title"] else None)
    window_parts = TITLE_PARTS.split(window) if window else []
    return PageMeta(
        title=_clean(headline),
        description=meta.get("og:description") or meta.get("description")
        or _clean(ld.get("description") if isinstance(ld.get("description"), str) else None),
        og_title=meta.get("og:title") or meta.get("twitter:title") or window,
        window=tuple(window_parts),
        copyright=meta.get("copyright"),
        published=published,
        authors=authors,
        site=_clean(site),
        url=url,
        host=host,
    )


# No table of id attributes (collect_ids): nothing looks an element up by its id.
_PARSER = etree.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, collect_ids=False)
# For bytes known to be UTF-8, whatever the page's <meta charset> says: libxml2 reads them as
# they are, a tenth faster than a str it would encode again.
_UTF8_PARSER = etree.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, collect_ids=False,
                                encoding="utf-8")


def parse(markup: str | bytes) -> Any:
    """The page's tree (plain lxml elements: lxml.html's element classes cost a third of the
    reading time); an empty document for markup lxml cannot make a tree of. libxml2 reaches
    no network and loads no external entity when parsing HTML. Bytes must be UTF-8."""
    try:
        root = etree.fromstring(markup, _UTF8_PARSER if isinstance(markup, bytes) else _PARSER)
    except (ValueError, etree.XMLSyntaxError):
        root = None
    return root if root is not None else etree.fromstring("<html><body></body></html>", _PARSER)


TITLE_PARTS = re.compile(r"\s+[-|–]\s+")


def _goes_on(rest: str) -> bool:
    """Whether what an <h1> has beyond og:title continues its sentence ("…tuyên giáo| năm 2023,
    triển khai …"): set apart from it, and going on with a small letter, a number or a quote.
    The words of a share bar run into the <h1> ("Chia sẻ", "Facebook") start with capitals."""
    if not rest[:1].isspace() and rest[:1] not in (",", ":", ";"):
        return False
    word = rest.lstrip(" ,:;\u2013-")[:1]
    return word.islower() or word.isdigit() or word in ("“", '"', "(", "‘")


def best_title(meta: PageMeta, h1: str | None) -> str | None:
    """The headline: JSON-LD's, else the <h1> when og:title confirms it, else og:title without
    the " - Section - Site" tail sites add to it; None when the page states none of these."""
    if meta.title:
        return meta.title
    og = meta.og_title
    if not og:
        return None
    first = TITLE_PARTS.split(og)[0].strip()
    if h1 and og.startswith(h1):
        return _clean(h1)
    if h1 and h1.startswith(first):
        if _goes_on(h1[len(first) :]):
            return _clean(h1)  # og:title shortened for sharing; the page prints the whole headline
        return first  # an <h1> with the share bar's words run into it
    return _clean(first) if len(first.split()) >= 4 else None
