"""Saved web pages: what the page says of itself (html_meta), then its visible text, one line
per block element, read by the page-text reader; the page's metadata wins over what the text
reader guesses (title, date, writers) and gives the article its site and address."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import posixpath
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from tgreport.errors import InputError
from tgreport.model import Article
from tgreport.read.files import read_bytes
from tgreport.read.html_content import main_content
from tgreport.read.html_figures import CAPTION_MAX_CHARS, is_caption, is_name, with_figures, without_links
from tgreport.read.html_lead import with_lead
from tgreport.read.html_meta import PageMeta, best_title, page_meta, parse
from tgreport.read.page.vocab import vocabulary
from tgreport.read.provenance import outlet_for_host, source_for_path
from tgreport.read.text import article_from_text, decode
from tgreport.settings import Settings
from tgreport.vn import clean_text

_BLOCK_TAGS = frozenset({
    "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "section", "article",
    "header", "footer", "figcaption", "figure", "blockquote", "title", "ul", "ol", "table", "hr",
    "nav", "main", "dd", "dt", "td", "th",
})
_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
# Sidebars (<aside>) hold other articles' headlines, never this one's text.
_SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "head", "aside", "iframe",
                           "select", "button", "textarea"})
_IMAGE_NAME = re.compile(r"\.(jpe?g|png|gif|webp|bmp|tiff?)$", re.IGNORECASE)


class _Lines:
    """(line, is_heading) pairs of a page's visible text, and the text of its <h1>."""

    def __init__(self, content: Any | None = None) -> None:
        self.lines: list[tuple[str, bool]] = []
        # Where each line stood: 0 before the article's content element, 1 in it, 2 after it.
        self.regions: list[int] = []
        self.h1_line: int | None = None  # the index of the first line of the first <h1>
        self._content = content
        self._region = 0
        self.h1: list[str] = []
        self.captions: set[str] = set()  # lines the markup marks as photo captions
        self.sources: dict[str, str] = {}  # an image line (its file name) → the picture's src
        self._buffer: list[str] = []
        self._heading = 0
        self._after_image = False  # the last line was a picture
        self.links: set[str] = set()  # lines whose text is (almost) all link text
        self._link_chars = 0

    def flush(self, caption: bool = False) -> None:
        line = " ".join("".join(self._buffer).split())
        self._buffer = []
        link_chars, self._link_chars = self._link_chars, 0
        if line and link_chars >= LINK_SHARE * len(line.replace(" ", "")):
            self.links.add(line)  # a block that is all link: another article's teaser, a menu
        if line:
            self.lines.append((line, self._heading > 0))
            self.regions.append(self._region)
            if caption and len(line) <= CAPTION_MAX_CHARS:
                self.captions.add(line)
            self._after_image = False

    def walk(self, element: Any, in_h1: bool = False, in_link: bool = False) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _SKIPPED_TAGS or not tag:
            return  # comments and processing instructions have no text to show
        block = tag in _BLOCK_TAGS
        if block:
            self.flush()
        is_content = element is self._content
        if is_content:
            self.flush()
            self._region = 1
        if tag == "h1" and self.h1_line is None:
            self.h1_line = len(self.lines)
        caption = block and is_caption(element, self._after_image)
        heading = tag in _HEADINGS
        self._heading += heading
        in_h1 = in_h1 or tag == "h1"
        in_link = in_link or tag == "a"
        if tag == "img":
            # The picture's file name marks where it stood; its alt text mostly repeats the
            # title or the caption, so it is not kept.
            src = element.get("src")
            name = _image_name(src)
            if name:
                self.flush()
                self.lines.append((name, False))
                self.regions.append(self._region)
                if src and not src.startswith("data:"):
                    self.sources.setdefault(name, src)
                self._after_image = True
        if element.text:
            self._buffer.append(element.text)
            if in_link:
                self._link_chars += len(element.text.strip())
            if in_h1:
                self.h1.append(element.text)
        for child in element:
            self.walk(child, in_h1, in_link)
            if child.tail:
                self._buffer.append(child.tail)
                if in_link:
                    self._link_chars += len(child.tail.strip())
                if in_h1:
                    self.h1.append(child.tail)
        if block:
            self.flush(caption)  # before the heading ends, so its line is marked as one
        if is_content:
            self.flush()
            self._region = 2
        self._heading -= heading


def _image_name(src: str | None) -> str | None:
    if not src or src.startswith("data:"):
        return None
    name = posixpath.basename(urlsplit(src).path)
    return name if _IMAGE_NAME.search(name) else None


def _text_of(tree: Any, lines: _Lines | None = None) -> tuple[str, str | None]:
    lines = lines or _Lines()
    body = tree.find("body")
    # Markup nested thousands deep: the text read so far is what there is.
    with contextlib.suppress(RecursionError):
        lines.walk(body if body is not None else tree)
    lines.flush()
    out: list[str] = []
    after_heading = False
    for line, heading in _article_lines(lines):
        if out:
            out.append("\n" if after_heading else "\n\n")
        out.append(line)
        after_heading = heading
    h1 = " ".join("".join(lines.h1).split())
    return "".join(out), h1 or None


LINK_SHARE = 0.9  # of a line's letters inside links, for the line to be a link and nothing more
HEAD_MAX_LINES = 40  # lines from the <h1> to the content: farther apart, they are not one article
BYLINE_MAX_WORDS = 6


def _article_lines(lines: _Lines) -> list[tuple[str, bool]]:
    """The lines from just above the headline to the end of the content element, and a short
    line or two right after it (the byline); the whole page when no content element was found."""
    inside = [i for i, region in enumerate(lines.regions) if region == 1]
    if not inside:
        return lines.lines
    first, last = inside[0], inside[-1]
    h1 = lines.h1_line
    start = h1 if h1 is not None and first - HEAD_MAX_LINES <= h1 < first else first
    start = max(0, start - 2)  # the category or breadcrumb right above the headline
    kept = lines.lines[start : last + 1]
    if h1 is not None and not start <= h1 <= last:
        kept.insert(0, lines.lines[h1])
    for line, heading in lines.lines[last + 1 : last + 3]:
        if len(line.split()) > BYLINE_MAX_WORDS:
            break
        kept.append((line, heading))
    return _end_at_byline(kept)


_BYLINE_LOOK = 3  # lines after the last paragraph where the byline may stand


def _end_at_byline(kept: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """The lines up to the writer's name that follows the last paragraph, when one does: what a
    page prints after it (share counts, "Tweet", "[Quay lại]") would hide it from the page
    reader, which takes a name on the article's last line for its byline."""
    prose = [i for i, (line, _) in enumerate(kept) if len(line.split()) >= 12]
    if not prose:
        return kept
    last = prose[-1]
    for i in range(last + 1, min(len(kept), last + 1 + _BYLINE_LOOK)):
        if is_name(kept[i][0]):
            return kept[: i + 1]
    return kept


def html_to_text(markup: str) -> str:
    """The page's visible text, a blank line between blocks; a sub-heading (<h2>…<h6>) sits
    right on top of the text it introduces, as the page reader expects of one."""
    return _text_of(parse(markup))[0]


def _decode_markup(data: bytes, path: Path) -> tuple[str, str]:
    """Valid UTF-8 is taken as it is: a browser shows it so, and judging a "repair" by markup,
    scripts and odd symbols in menus misfired on real pages ("repaired mojibake" on clean
    UTF-8). Other bytes go through the legacy-encoding guess."""
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        return decode(data, path)


def read_html(path: Path, settings: Settings) -> list[Article]:
    data = read_bytes(path, settings)
    if _OWN_HTML.search(data[:4096]):
        raise InputError("a report that tgreport made, not an article; skipped", path)
    markup, encoding = _decode_markup(data, path)
    tree = parse(markup)
    meta = page_meta(tree)
    body = tree.find("body")
    lines = _Lines(main_content(body if body is not None else tree))
    text, h1 = _text_of(tree, lines)
    if encoding == "utf-8":
        text = clean_text(text)  # NFC, odd spaces and controls, as decode() does for other bytes
    title = best_title(meta, h1)
    article = article_from_text(text, path, settings, encoding=encoding, title_hint=title or h1)
    article = with_figures(article, lines.captions, lines.sources, vocabulary(settings.extra_chrome))
    article = without_links(article, lines.links)
    return [with_lead(with_meta(article, meta, path, settings, title), meta.description)]


def with_meta(article: Article, meta: PageMeta, path: Path, settings: Settings, title: str | None) -> Article:
    """The article with what the page's markup states put before what its text suggested."""
    changes: dict[str, Any] = {}
    if title:
        changes.update(title=title, title_derived=False, warnings=tuple(
            w for w in article.warnings if not w.startswith("no headline on the page")))
    if meta.published is not None:
        day = meta.published.date() if isinstance(meta.published, dt.datetime) else meta.published
        changes.update(published=meta.published, date=day)
    if meta.authors and not article.authors:
        changes["authors"] = meta.authors
    site = (outlet_for_host(meta.host, settings.outlets) or meta.site
            or source_for_path(path, settings.sources))
    changes.update(site=site, url=meta.url)
    return dataclasses.replace(article, **changes)


# An HTML digest from an earlier run (`-o folder/digest.html` inside the input folder): read as an
# article it would put the whole previous report into the next one, and again on every run.
# tgreport's own JSON is different: the JSON reader takes its articles on purpose.
_OWN_HTML = re.compile(rb"""<meta\s+name=["']generator["']\s+content=["']tgreport[ "']""", re.IGNORECASE)
