"""Records in the shapes scrapers write, mapped onto tgreport's own JSON contract: news-please
(`maintext`, older `text`), trafilatura's JSON, newspaper4k's `to_json`, and plain records with a
`text`, `content` or `body`. A record of none of these shapes is refused, never read as an empty
article."""

from __future__ import annotations

import re
from typing import Any

from tgreport.read.provenance import host_of, outlet_for_host

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
        if value is not None and not isinstance(value, str):
            raise UnknownShape(f"{key!r} must be text, not {type(value).__name__} {value!r:.60}")
    keys = set(record)
    if "blocks" in record or (keys <= OWN_KEYS and "title" in record and not _text_of(record)):
        return {k: v for k, v in record.items() if k in OWN_KEYS}, keys - OWN_KEYS
    text = _text_of(record)
    if text is None:
        raise UnknownShape(f"no article text in this record (keys: {', '.join(sorted(keys)) or 'none'})")
    if "maintext" in record or "date_publish" in record or "source_domain" in record:
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
        mapped = {k: v for k, v in record.items() if k in OWN_KEYS}
        mapped["blocks"] = _paragraphs(text)
        known = OWN_KEYS | set(_TEXT_KEYS) | {"image"}
    _edit_text(mapped)
    # The record's photo (a local path or a web address), as the article's first picture.
    photo = next((record[k] for k in _PHOTO_KEYS
                  if isinstance(record.get(k), str) and record[k].strip()), None)
    if photo is not None:
        mapped["blocks"] = [_image(photo), *mapped["blocks"]]
    return {k: v for k, v in mapped.items() if v is not None}, keys - known


# Where each shape keeps the article's photo: trafilatura and plain records `image`,
# newspaper4k `top_image`, news-please `image_url`.
_PHOTO_KEYS = ("image", "top_image", "image_url")


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


def _paragraphs(text: str) -> list[dict[str, str]]:
    # Scrapers join paragraphs with one newline (news-please, trafilatura) or a blank line.
    return [{"type": "paragraph", "text": " ".join(p.split())} for p in re.split(r"\n\s*", text) if p.strip()]


def _day(value: Any) -> str | None:
    """ "2021-01-07 08:15:00" and "2021-01-07T08:15:00+07:00" as the contract's stamp."""
    if not isinstance(value, str):
        return None
    match = re.match(r"(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?", value.strip())
    if not match:
        return None
    return f"{match.group(1)}T{match.group(2)}" if match.group(2) else match.group(1)


def _site(name: Any, host: Any, url: Any) -> str | None:
    host = host if isinstance(host, str) and host else host_of(url if isinstance(url, str) else None)
    return outlet_for_host(host) or (name if isinstance(name, str) and name else None) or host


def _authors(value: Any) -> list[str]:
    if isinstance(value, str):  # trafilatura joins names with "; "
        return [a.strip() for a in value.split(";") if a.strip()]
    if isinstance(value, list):
        return [str(a) for a in value if a]
    return []


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
