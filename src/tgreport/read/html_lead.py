"""The sapo (lead) of a saved page, found by the page's own description: sites put the sapo in
`og:description`, so the paragraph that says the same is the lead, and short lines the page
printed above it (teasers of other articles, share bars) are not the article."""

from __future__ import annotations

import dataclasses
import re
import unicodedata

from tgreport.model import Article, Paragraph, Related

# The agency mark a Vietnamese sapo starts with: "(Dân trí) -", "(PLO)-", "TT -", "(TNO)".
_AGENCY_MARK = re.compile(r"^\s*(\([^)]{1,20}\)\s*[-–—:]?|[A-ZĐ]{2,6}\s*[-–—])\s*")
_KEY_CHARS = 40  # enough to tell a sapo from any other paragraph, short enough to survive edits
_LOOK_AHEAD = 8  # the sapo is among the first paragraphs of the page's text


def _key(text: str) -> str:
    text = unicodedata.normalize("NFC", _AGENCY_MARK.sub("", text))
    return "".join(ch for ch in text.casefold() if ch.isalnum())[:_KEY_CHARS]


def with_lead(article: Article, description: str | None) -> Article:
    """The article with the paragraph its page describes itself by as the lead; unchanged when
    it already has a lead, the page has no description, or no early paragraph says it."""
    if article.lead or not description:
        return article
    want = _key(description)
    if len(want) < 20:
        return article  # a description of a few words is the title again, not a sapo
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
    return article
