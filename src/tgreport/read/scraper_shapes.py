"""Records in the shapes scrapers write, mapped onto tgreport's own JSON contract: news-please
(`maintext`, older `text`), trafilatura's JSON, newspaper4k's `to_json`, and plain records with a
`text`, `content` or `body`. A record of none of these shapes is refused, never read as an empty
article."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from typing import Any

from tgreport.read.provenance import host_of, outlet_for_host
from tgreport.vn.dates import VIETNAM

# tgreport's own contract (contract.article_to_dict): records that use only these are read as is.
OWN_KEYS = frozenset({
    "id", "source", "title", "title_derived", "date", "published", "event_date", "authors", "site",
    "url", "fetched", "publisher", "category", "views", "lead", "blocks", "removed", "warnings", "summary",
})
_TEXT_KEYS = ("maintext", "text", "content", "body")
# Keys each shape is known by, and the keys it may carry that tgreport has no use for.
_NEWS_PLEASE = frozenset({
    "maintext", "date_publish", "source_domain", "date_download", "date_modify", "image_url",
    "description", "filename", "localpath", "language", "title_page", "title_rss", "url", "authors",
    "title", "text",
})
_TRAFILATURA = frozenset({
    "source-hostname", "hostname", "sitename", "raw_text", "fingerprint", "excerpt", "categories",
    "tags", "license", "comments", "language", "image", "pagetype", "author", "date", "text", "title",
    "source", "id", "description", "filedate",
})
_NEWSPAPER = frozenset({
    "publish_date", "source_url", "top_image", "meta_description", "keywords", "summary", "images",
    "movies", "meta_keywords", "tags", "meta_lang", "canonical_link", "title", "text", "authors",
    "url", "article_html", "meta_site_name",
})


class UnknownShape(ValueError):
    """No shape tgreport knows fits the record, or a field of it has the wrong type."""


# Fields that hold text in every shape: anything else there (a list, a number) is a mistake to
# name, not a value to print as "['a', 'b']".
_TEXT_FIELDS = ("title", "maintext", "text", "content", "body", "site", "url", "publisher", "category",
                "lead", "description", "date", "published", "date_publish", "publish_date", "summary")


def to_contract(record: dict[str, Any]) -> tuple[dict[str, Any], set[str]]:
    """(the record in tgreport's contract, the keys it had that were not used)."""
    for key in _TEXT_FIELDS:
        value = record.get(key)
        if value is not None and not isinstance(value, str) and not (key == "publisher" and _name_of(value)):
            raise UnknownShape(f"{key!r} must be text, not {type(value).__name__} {value!r:.60}")
    keys = set(record)
    if "blocks" in record or (keys <= OWN_KEYS and "title" in record and not _text_of(record)):
        return {k: v for k, v in record.items() if k in OWN_KEYS}, keys - OWN_KEYS
    text = _text_of(record)
    if _SCHEMA_TEXT in record or ("headline" in record and text is None):
        mapped, known = _schema_org(record)
    elif text is None:
        raise UnknownShape(f"no article text in this record (keys: {', '.join(sorted(keys)) or 'none'})")
    elif "maintext" in record or "date_publish" in record or "source_domain" in record:
        mapped = _news_please(record, text)
        known = _NEWS_PLEASE
    elif (
        "source-hostname" in record or "raw_text" in record or "fingerprint" in record or "sitename" in record
    ):
        mapped = _trafilatura(record, text)
        known = _TRAFILATURA
    elif "publish_date" in record or "source_url" in record or "top_image" in record:
        mapped = _newspaper(record, text)
        known = _NEWSPAPER
    else:
        mapped, known = _plain(record, text)
    _edit_text(mapped)
    # The record's photo (a local path or a web address), as the article's first picture.
    photo = next((p for k in _PHOTO_KEYS if (p := _photo(record.get(k)))), None)
    if photo is not None:
        mapped["blocks"] = [_image(photo), *mapped["blocks"]]
    return {k: v for k, v in mapped.items() if v is not None}, keys - known


# Where each shape keeps the article's photo: trafilatura, schema.org and plain records `image`,
# newspaper4k `top_image`, news-please `image_url`.
_PHOTO_KEYS = ("image", "top_image", "image_url")


def _photo(value: Any) -> str | None:
    """A photo's address as text, or as schema.org gives it (a list, an ImageObject)."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("url")
    return value.strip() if isinstance(value, str) and value.strip() else None


def _edit_text(mapped: dict[str, Any]) -> None:
    """A scraper's text as an editor reads it: the sapo it also gives as the description is
    printed once, as the lead; the writer's name on the last line (where Vietnamese papers
    print it, and where news-please leaves it with `authors` empty) is the byline."""
    blocks = mapped["blocks"]
    lead = mapped.get("lead")
    if blocks and isinstance(lead, str) and " ".join(lead.split()) == blocks[0]["text"]:
        del blocks[0]
    if len(blocks) >= 2 and not mapped.get("authors"):
        # The page reader's byline rules (and its date parser with them) only for such a record.
        from tgreport.read.page.bylines import parse_byline
        from tgreport.read.page.vocab import vocabulary

        byline = parse_byline(blocks[-1]["text"], vocabulary(()))
        if byline is not None and byline.authors:
            mapped["authors"] = list(byline.authors)
            mapped["removed"] = [*mapped.get("removed", []), blocks.pop()["text"]]


def _image(src: str) -> dict[str, str]:
    src = src.strip()
    name = src.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1] or src
    return {"type": "image", "text": name, "src": src}


def _text_of(record: dict[str, Any]) -> str | None:
    for key in _TEXT_KEYS:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return value
    return None


# A text field holding markup (a spider's HTML `content`): read as a page's body is. Known by an
# element's end tag, a line break or a picture: prose may hold "<" and ">" ("a<b và c>d").
_MARKUP = re.compile(r"</(?:p|div|h[1-6]|li|ul|ol|table|blockquote|figure|figcaption|strong|em|b|i|a"
                     r"|span)\s*>|<br\s*/?>|<img\s", re.IGNORECASE)


def _paragraphs(text: str) -> list[dict[str, str]]:
    if _MARKUP.search(text):
        from tgreport.read.html import body_blocks  # lxml only for a record that needs it

        return body_blocks(text)
    # Scrapers join paragraphs with one newline (news-please, trafilatura) or a blank line.
    return [{"type": "paragraph", "text": " ".join(p.split())} for p in re.split(r"\n\s*", text) if p.strip()]


def _day(value: Any) -> str | None:
    """A scraper's date as the contract's stamp: "2021-01-07 08:15:00", "2021-01-07T08:15:00+07:00",
    an RSS date ("Thu, 07 Jan 2021 08:15:00 +0700"), or a Vietnamese day-first one ("07/01/2021
    08:15", "Thứ Năm, 7/1/2021"); None for anything else."""
    if not isinstance(value, str):
        return None
    match = re.match(r"(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?", value.strip())
    if match:
        with contextlib.suppress(ValueError):
            moment = dt.datetime.fromisoformat(value.strip())
            if moment.tzinfo is not None:  # "…T01:15:00Z": the contract's stamps are Vietnam's time
                return moment.astimezone(VIETNAM).strftime("%Y-%m-%dT%H:%M")
        return f"{match.group(1)}T{match.group(2)}" if match.group(2) else match.group(1)
    return _rss_day(value) or _vietnamese_day(value)


def _rss_day(value: str) -> str | None:
    from email.utils import parsedate_to_datetime

    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if moment.tzinfo is not None:  # the contract's stamps are Vietnam's local time
        moment = moment.astimezone(VIETNAM).replace(tzinfo=None)
    return moment.strftime("%Y-%m-%dT%H:%M")


def _vietnamese_day(value: str) -> str | None:
    from tgreport.vn.dateparse import parse_date

    found = parse_date(value)
    if found is None or found.year is None:
        return None
    day = f"{found.year:04d}-{found.month:02d}-{found.day:02d}"
    return f"{day}T{found.hour:02d}:{found.minute or 0:02d}" if found.hour is not None else day


def _site(name: Any, host: Any, url: Any) -> str | None:
    host = host if isinstance(host, str) and host else host_of(url if isinstance(url, str) else None)
    return outlet_for_host(host) or (name if isinstance(name, str) and name else None) or host


def _authors(value: Any) -> list[str]:
    if isinstance(value, str):  # trafilatura joins names with "; "
        return [a.strip() for a in value.split(";") if a.strip()]
    if isinstance(value, dict):  # schema.org's Person
        name = _name_of(value)
        return [name] if name else []
    if isinstance(value, list):
        names = (_name_of(a) if isinstance(a, dict) else str(a) if a else None for a in value)
        return [name for name in names if name]
    return []


def _name_of(value: Any) -> str | None:
    """A name given as text, or as schema.org gives one ({"@type": "Organization", "name": …})."""
    if isinstance(value, dict):
        value = value.get("name")
    return value.strip() if isinstance(value, str) and value.strip() else None


# What plain records (a spider of one's own) call each field, tgreport's own name first.
_PLAIN_FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline", "name"),
    "published": ("published", "published_at", "publish_date", "published_date", "date_published",
                  "pubDate", "pub_date", "datetime", "created_at", "time", "date"),
    "authors": ("authors", "author", "byline", "writer"),
    "url": ("url", "link", "href", "canonical", "canonical_url", "permalink"),
    "site": ("site", "site_name", "sitename", "source_name", "newspaper", "website", "publisher", "source"),
    "lead": ("lead", "sapo", "description", "excerpt", "abstract"),
    "category": ("category", "section", "categories"),
}
_SPELLINGS = {key: (field, rank) for field, keys in _PLAIN_FIELDS.items() for rank, key in enumerate(keys)}


def _plain(record: dict[str, Any], text: str) -> tuple[dict[str, Any], frozenset[str]]:
    """A record of one's own spider: tgreport's field names, or the ones spiders commonly use."""
    mapped: dict[str, Any] = {k: v for k, v in record.items() if k in _PLAIN_OWN}
    used = set(_PLAIN_USED)
    # Each field's name the record gives, the first of _PLAIN_FIELDS' spellings: a look-up per
    # key the record has, not per spelling (a million short records are read in a run).
    named: dict[str, tuple[int, str]] = {}
    for key, value in record.items():
        spelling = _SPELLINGS.get(key)
        if spelling is not None and value not in (None, "", [], {}):
            field, rank = spelling
            if field not in named or rank < named[field][0]:
                named[field] = (rank, key)
    for field, (_, key) in named.items():
        value = record[key]
        if field == "published":
            stamp = _day(value)
            if stamp is None:
                continue  # said as an ignored key: a date tgreport cannot read
            mapped["published"] = stamp
        elif field == "authors":
            mapped["authors"] = _authors(value)
        elif field == "site":
            name = _name_of(value)
            if key == "source" and name and ("/" in name or "\\" in name):
                continue  # tgreport's own "source", the file the record was made from
            mapped["site"] = name
        elif field == "category" and isinstance(value, list):
            mapped["category"] = next((str(c) for c in value if c), None)
        elif isinstance(value, str):
            mapped[field] = value
        used.add(key)
    if mapped.get("url") and not mapped.get("site"):
        mapped["site"] = outlet_for_host(host_of(mapped["url"]))
    mapped["blocks"] = _paragraphs(text)
    return mapped, frozenset(used)


# Own fields a plain record may give in another spelling are taken through _PLAIN_FIELDS; the
# others as they are.
_PLAIN_OWN = OWN_KEYS - {"title", "published", "date", "authors", "url", "site", "source", "lead", "category"}
_PLAIN_USED = _PLAIN_OWN | set(_TEXT_KEYS) | {"image"}

# schema.org's NewsArticle as JSON-LD (extruct, and spiders that save a page's own metadata).
_SCHEMA_TEXT = "articleBody"
_SCHEMA = frozenset({
    "@context", "@type", "@id", "headline", "articleBody", "datePublished", "dateModified", "dateCreated",
    "author", "publisher", "url", "mainEntityOfPage", "description", "image", "articleSection",
    "inLanguage", "keywords", "thumbnailUrl", "alternativeHeadline", "name",
})


def _schema_org(r: dict[str, Any]) -> tuple[dict[str, Any], frozenset[str]]:
    text = r.get(_SCHEMA_TEXT)
    if not isinstance(text, str) or not text.strip():
        raise UnknownShape(f"no article text in this record (keys: {', '.join(sorted(r))})")
    page = r.get("mainEntityOfPage")
    url = r.get("url") if isinstance(r.get("url"), str) else (
        page if isinstance(page, str) else page.get("@id") if isinstance(page, dict) else None)
    section = r.get("articleSection")
    mapped = {
        "title": r.get("headline") or r.get("name"),
        "published": _day(r.get("datePublished")),
        "authors": _authors(r.get("author")),
        "url": url,
        "site": _site(_name_of(r.get("publisher")), None, url),
        "lead": r.get("description") if isinstance(r.get("description"), str) else None,
        "category": section if isinstance(section, str) else
        next((str(c) for c in section if c), None) if isinstance(section, list) else None,
        "blocks": _paragraphs(text),
    }
    return mapped, _SCHEMA


def _news_please(r: dict[str, Any], text: str) -> dict[str, Any]:
    return {
        "title": r.get("title"),
        "published": _day(r.get("date_publish")),
        "authors": _authors(r.get("authors")),
        "url": r.get("url"),
        "site": _site(None, r.get("source_domain"), r.get("url")),
        "lead": r.get("description"),
        "blocks": _paragraphs(text),
    }


def _trafilatura(r: dict[str, Any], text: str) -> dict[str, Any]:
    url = (
        r.get("source") if isinstance(r.get("source"), str) and "://" in r.get("source", "") else r.get("url")
    )
    return {
        "title": r.get("title"),
        "published": _day(r.get("date")),
        "authors": _authors(r.get("author")),
        "url": url,
        "site": _site(r.get("sitename"), r.get("source-hostname") or r.get("hostname"), url),
        "lead": r.get("excerpt") or r.get("description"),
        "category": r.get("categories")
        if isinstance(r.get("categories"), str) and r.get("categories")
        else None,
        "blocks": _paragraphs(text),
    }


def _newspaper(r: dict[str, Any], text: str) -> dict[str, Any]:
    url = r.get("url") or r.get("canonical_link")
    return {
        "title": r.get("title"),
        "published": _day(r.get("publish_date")),
        "authors": _authors(r.get("authors")),
        "url": url,
        "site": _site(r.get("meta_site_name"), None, r.get("source_url") or url),
        "lead": r.get("meta_description") or None,
        "summary": r.get("summary") or None,  # newspaper4k's nlp() summary, when it was run
        "blocks": _paragraphs(text),
    }
