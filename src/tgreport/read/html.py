"""Saved web pages: the visible text, one line per block element, then the page-text reader."""

from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from tgreport.errors import InputError
from tgreport.model import Article
from tgreport.read.files import read_bytes
from tgreport.read.text import article_from_text, decode
from tgreport.settings import Settings

_BLOCK_TAGS = {
    "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "section", "article",
    "header", "footer", "figcaption", "figure", "blockquote", "title", "ul", "ol", "table", "hr",
    "nav", "main", "dd", "dt", "td", "th",
}
_HEADINGS = {"h2", "h3", "h4", "h5", "h6"}
# Sidebars (<aside>) hold other articles' headlines, never this one's text.
_SKIPPED_TAGS = {"script", "style", "noscript", "template", "svg", "head", "aside", "iframe"}
_IMAGE_NAME = re.compile(r"\.(jpe?g|png|gif|webp|bmp|tiff?)$", re.IGNORECASE)


class _TextExtractor(HTMLParser):
    """Collects (line, is_heading) pairs and the text of the page's <h1>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[tuple[str, bool]] = []
        self.h1: list[str] = []
        self._buffer: list[str] = []
        self._skip_depth = 0
        self._heading_depth = 0
        self._in_h1 = 0

    def _flush(self) -> None:
        line = " ".join("".join(self._buffer).split())
        self._buffer = []
        if line:
            self.lines.append((line, self._heading_depth > 0))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED_TAGS:
            self._skip_depth += 1
            return
        if self._skip_depth:
            return
        if tag in _BLOCK_TAGS:
            self._flush()
        if tag in _HEADINGS:
            self._heading_depth += 1
        if tag == "h1":
            self._in_h1 += 1
        if tag == "img":
            # The picture's file name marks where it stood; its alt text mostly repeats the
            # title or the caption, so it is not kept.
            name = _image_name(dict(attrs).get("src"))
            if name:
                self._flush()
                self.lines.append((name, False))

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS:
            self._skip_depth = max(0, self._skip_depth - 1)
            return
        if self._skip_depth:
            return
        if tag in _BLOCK_TAGS:
            self._flush()
        if tag in _HEADINGS:
            self._heading_depth = max(0, self._heading_depth - 1)
        if tag == "h1":
            self._in_h1 = max(0, self._in_h1 - 1)

    def handle_data(self, data: str) -> None:
        if not self._skip_depth:
            self._buffer.append(data)
            if self._in_h1:
                self.h1.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def _image_name(src: str | None) -> str | None:
    if not src or src.startswith("data:"):
        return None
    name = posixpath.basename(urlsplit(src).path)
    return name if _IMAGE_NAME.search(name) else None


_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)
_DECLARATION = re.compile(r"<!")


def html_to_text(markup: str) -> str:
    """The page's visible text, a blank line between blocks; a sub-heading (<h2>…<h6>) sits
    right on top of the text it introduces, as the page reader expects of one."""
    text, _ = _extract(markup)
    return text


def _extract(markup: str) -> tuple[str, str | None]:
    extractor = _TextExtractor()
    try:
        extractor.feed(markup)
        extractor.close()
    except AssertionError:
        # The standard library's parser gives up on some malformed declarations ("<![ A", an
        # unknown marked section) with an AssertionError. Read the page again with comments
        # dropped and every other "<!" taken as text, rather than lose the whole article.
        extractor = _TextExtractor()
        extractor.feed(_DECLARATION.sub("&lt;!", _COMMENT.sub("", markup)))
        extractor.close()
    out: list[str] = []
    after_heading = False
    for line, heading in extractor.lines:
        if out:
            out.append("\n" if after_heading else "\n\n")
        out.append(line)
        after_heading = heading
    h1 = " ".join("".join(extractor.h1).split())
    return "".join(out), h1 or None


def read_html(path: Path, settings: Settings) -> list[Article]:
    data = read_bytes(path, settings)
    if _OWN_HTML.search(data[:4096]):
        raise InputError("a report that tgreport made, not an article; skipped", path)
    markup, encoding = decode(data, path)
    text, h1 = _extract(markup)
    return [article_from_text(text, path, settings, encoding=encoding, title_hint=h1)]


# An HTML digest from an earlier run (`-o folder/digest.html` inside the input folder): read as an
# article it would put the whole previous report into the next one, and again on every run.
# tgreport's own JSON is different: the JSON reader takes its articles on purpose.
_OWN_HTML = re.compile(rb"""<meta\s+name=["']generator["']\s+content=["']tgreport[ "']""", re.IGNORECASE)
