"""The sapo (lead) of a saved page, found by the page's own description: sites put the sapo in
`og:description`, so the paragraph that says the same is the lead, and short lines the page
printed above it (teasers of other articles, share bars) are not the article."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Set as AbstractSet

from tgreport.model import Article, Paragraph, Related
from tgreport.read.page.lines import spaced

# The agency mark a Vietnamese sapo starts with: "(Dân trí) -", "(PLO)-", "TT -", "(TNO)".
_AGENCY_MARK = re.compile(r"^\s*(\([^)]{1,20}\)\s*[-–—:]?|[A-ZĐ]{2,6}\s*[-–—])\s*")
_KEY_CHARS = 40  # enough to tell a sapo from any other paragraph, short enough to survive edits
_LOOK_AHEAD = 8  # the sapo is among the first paragraphs of the page's text


def _key(text: str) -> str:
    text = unicodedata.normalize("NFC", _AGENCY_MARK.sub("", text))
    return "".join(ch for ch in text.casefold() if ch.isalnum())[:_KEY_CHARS]


BOLD_SAPO_MIN_WORDS = 15  # a bold line this long is no inter-title


def with_lead(article: Article, description: str | None, bold: AbstractSet[str] = frozenset()) -> Article:
    """The article with the paragraph its page describes itself by as the lead, else with its
    first paragraph when the page sets it all in bold (the sapo of many Party and government
    portals); unchanged when it already has a lead or neither is found."""
    if article.lead:
        return article
    want = _key(description) if description else ""
    if len(want) < 20:  # no description, or one of a few words: the title again, not a sapo
        return _bold_lead(article, bold)
    seen = 0
    for index, block in enumerate(article.blocks):
        if not isinstance(block, Paragraph):
            continue
        seen += 1
        if seen > _LOOK_AHEAD:
            break
        if _key(block.text) == want:
            before = [b for b in article.blocks[:index] if not isinstance(b, Paragraph | Related)]
            dropped = [b.text for b in article.blocks[:index] if isinstance(b, Paragraph | Related)]
            return dataclasses.replace(
                article,
                lead=block.text,
                blocks=(*before, *article.blocks[index + 1 :]),
                removed=(*article.removed, *dropped),
            )
    return _bold_lead(article, bold)


def _bold_lead(article: Article, bold: AbstractSet[str]) -> Article:
    first = next((i for i, b in enumerate(article.blocks[:3]) if isinstance(b, Paragraph)), None)
    if first is None:
        return article
    text = article.blocks[first].text
    if spaced(text) not in bold or len(text.split()) < BOLD_SAPO_MIN_WORDS:
        return article
    blocks = article.blocks[:first] + article.blocks[first + 1 :]
    return dataclasses.replace(article, lead=text, blocks=blocks)
