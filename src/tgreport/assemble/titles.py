"""What an article is called and where it came from, as a reader would name them: what the
report sorts, merges and groups by, and what every format prints."""

from __future__ import annotations

import re

from tgreport.model import Article

DERIVED_TITLE_MAX = 90
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s")


def display_title(article: Article) -> str:
    """The article's headline, or one derived from its first sentence when the page had none
    (from its summary when it has no text: a brief's JSON record)."""
    if article.title:
        return article.title
    source = article.lead or next((b.text for b in article.blocks if b.type == "paragraph"),
                                  article.summary or "")
    return derive_title(source) or article.id


def derive_title(text: str, limit: int = DERIVED_TITLE_MAX) -> str:
    """The first sentence of `text`, cut at a word boundary with "…" when longer than `limit`."""
    sentence = _SENTENCE_END.split(text.strip(), maxsplit=1)[0].strip()
    sentence = sentence.rstrip(".!?")
    if len(sentence) <= limit:
        return sentence
    cut = sentence[:limit].rsplit(" ", 1)[0].rstrip(",;:–- ")
    return cut + "…"


def source_text(article: Article) -> str | None:
    """Where the article came from, as a reader would name it: the outlet, the credited agency,
    else the page's section (a banner like "Tin Tức huyện Vị Thủy" often names the site)."""
    return article.site or article.publisher or article.category
