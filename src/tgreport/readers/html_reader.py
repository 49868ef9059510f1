"""Saved web pages: the visible text, one line per block element, then the page-text reader."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from ..model import Article
from ..vn import decode_bytes
from .base import ReaderOptions, read_bytes
from .text_reader import article_from_text

_BLOCK_TAGS = {
    "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "section", "article",
    "header", "footer", "figcaption", "figure", "blockquote", "title", "ul", "ol", "table", "hr",
}
_SKIPPED_TAGS = {"script", "style", "noscript", "template", "svg", "head"}


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED_TAGS:
            self._skip_depth += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")
        if tag == "img" and not self._skip_depth:
            alt = dict(attrs).get("alt")
            if alt:
                self.parts.append(f"\n{alt}\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip_depth:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    extractor = _TextExtractor()
    extractor.feed(markup)
    extractor.close()
    lines = (" ".join(line.split()) for line in "".join(extractor.parts).split("\n"))
    return "\n\n".join(line for line in lines if line)


def read_html(path: Path, options: ReaderOptions) -> Article:
    markup, encoding = decode_bytes(read_bytes(path, options), str(path))
    return article_from_text(html_to_text(markup), path, options, encoding=encoding)
