"""Photos in a saved page: which elements are captions by the page's own structure (a
<figcaption>, a cell under a picture, a caption class, the styled line right after a picture),
and the article's blocks with those captions as Caption blocks and each picture's address."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from tgreport.model import Article, Block, Caption, Image, Paragraph
from tgreport.read.page.captions import caption_of
from tgreport.read.page.vocab import Vocabulary

CAPTION_MAX_CHARS = 400
_CAPTION_CLASS = re.compile(r"caption|chuthich|chu-thich|image|photo|desc|fig|note", re.IGNORECASE)
_STYLED = re.compile(r"italic|text-align:\s*center", re.IGNORECASE)


def _has_image(element: Any) -> bool:
    return next(element.iter("img"), None) is not None


def is_caption(element: Any, previous_was_image: bool) -> bool:
    """Whether `element`'s text is a photo caption, judged by the markup around it."""
    tag = element.tag
    if tag == "figcaption":
        return True
    if tag not in ("td", "p", "div", "span", "em", "i", "figure") or _has_image(element):
        return False
    cls = element.get("class") or ""
    if cls and _CAPTION_CLASS.search(cls) and not re.search(r"related|list|box|menu", cls, re.IGNORECASE):
        return True
    if tag == "td":
        table = next((a for a in element.iterancestors("table")), None)
        return table is not None and _has_image(table) and previous_was_image
    return previous_was_image and bool(_STYLED.search(element.get("style") or ""))


def with_figures(article: Article, captions: set[str], sources: dict[str, str], vocab: Vocabulary) -> Article:
    """The article with paragraphs the markup marks as captions made captions (credit apart)
    and each picture's `src`."""
    if not captions and not sources:
        return article
    blocks: list[Block] = []
    changed = False
    for block in article.blocks:
        if isinstance(block, Paragraph) and " ".join(block.text.split()) in captions:
            blocks.append(_caption(block.text, vocab))
            changed = True
        elif isinstance(block, Image) and block.src is None and block.text in sources:
            blocks.append(Image(block.text, sources[block.text]))
            changed = True
        else:
            blocks.append(block)
    return dataclasses.replace(article, blocks=tuple(blocks)) if changed else article


def _caption(text: str, vocab: Vocabulary) -> Caption:
    found = caption_of(text, vocab)  # "… - Ảnh: Minh Châu": the credit apart
    return found if found is not None else Caption(text)
