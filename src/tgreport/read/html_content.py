"""Where a saved page's article is: the element whose own paragraphs hold the most prose (the
readability rule: each paragraph's length, less its links, counts for its parent and half for
its grandparent). Menus, link lists and comment boxes score low because their text is links or
short."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from lxml import etree

_INLINE = frozenset({"a", "b", "strong", "em", "i", "u", "span", "font", "sup", "sub", "small", "big", "br"})
_TEXT_HOLDERS = ("p", "div", "td", "li", "blockquote", "pre", "font", "span")
MIN_PROSE = 40  # characters of its own text a block needs to count as prose
MIN_CONTENT = 250  # a best element with less prose than this is no article: read the whole page
_WRAPPERS = frozenset({"html", "body", "form"})


def text_of(element: Any) -> str:
    """The text of `element` and of all it holds, its tail left out: "".join(element.itertext())
    on a page's tree (which has no comments or processing instructions: html_meta.parse drops
    them), gathered by libxml2 in one call, four times as fast as joining itertext()'s pieces."""
    text: str = etree.tostring(element, method="text", encoding=str, with_tail=False)
    return text


def _own_text(element: Any) -> tuple[int, int]:
    """(characters of the element's own text and inline children's, characters of them in links)."""
    text = element.text
    size = len(text.strip()) if text else 0
    links = 0
    for child in element[:]:  # a list of the children is had faster than one at a time
        tag = child.tag  # a comment's is a function: in no set of names
        if tag in _INLINE:
            nested = len(child)
            if nested:
                inline = len(text_of(child).strip())
            else:  # most inline children hold one run of text: itertext() costs more than reading it
                inner = child.text
                inline = len(inner.strip()) if inner else 0
            size += inline
            if tag == "a":
                links += inline
            elif inline and nested:  # links inside a <span>, a <b>
                links += sum(len(text_of(a).strip()) for a in child.iter("a"))
        tail = child.tail
        if tail:
            size += len(tail.strip())
    return size, links


# What sites call the parts of a page (class and id): a footer with a long address, a comment
# thread or a sidebar can hold more prose than a short article; names tip the balance.
_NOT_ARTICLE = re.compile(
    r"footer|comment|binhluan|sidebar|menu|nav|related|lienquan|share|social|banner|advert|quangcao|"
    r"widget|breadcrumb|copyright|bottom|header|topnews|tinkhac|other", re.IGNORECASE)
_ARTICLE = re.compile(r"content|article|detail|body|fck|entry|post|story|baiviet|noidung|chitiet|text",
                      re.IGNORECASE)


def _name_weight(element: Any) -> float:
    return _names_weight(element.get("class"), element.get("id"))


# A page repeats its few class names: each is weighed once.
@lru_cache(maxsize=4096)
def _names_weight(cls: str | None, ident: str | None) -> float:
    names = f"{cls or ''} {ident or ''}"
    if not names.strip():
        return 1.0
    if _NOT_ARTICLE.search(names):
        return 0.25
    return 1.5 if _ARTICLE.search(names) else 1.0


def main_content(root: Any) -> Any | None:
    """The element that holds the article's prose, or None when no element holds enough."""
    scores: dict[Any, float] = {}
    for element in root.iter(*_TEXT_HOLDERS):
        if not len(element):  # a paragraph or an item with nothing inside: its text is all it holds
            text = element.text
            if not text or len(text) < MIN_PROSE:
                continue
            size, links = len(text.strip()), 0
        else:
            size, links = _own_text(element)
        prose = size - 2 * links  # a link's text counts against: teasers are all links
        if size < MIN_PROSE or prose <= 0:
            continue
        parent = element.getparent()
        if parent is None:
            continue
        scores[parent] = scores.get(parent, 0.0) + prose
        grandparent = parent.getparent()
        if grandparent is not None:
            scores[grandparent] = scores.get(grandparent, 0.0) + prose / 2
    ranked = sorted(((score * _name_weight(e), i, e) for i, (e, score) in enumerate(scores.items())),
                    key=lambda x: (-x[0], x[1]))
    # Text right in <body> (a footer's address, a page of bare paragraphs) scores for it: when
    # it outscores the best element by far, the page has no article element to take.
    wrapped = max((score for score, _, e in ranked if e.tag in _WRAPPERS), default=0.0)
    ranked = [x for x in ranked if x[2].tag not in _WRAPPERS]
    if not ranked:
        return None
    top, _, best = ranked[0]
    lineage = set(best.iterancestors())
    near = [(score, e) for score, _, e in ranked[1:TOP_CANDIDATES]
            if score >= NEAR_TOP * top and e not in lineage and best not in set(e.iterancestors())]
    best, top = _common_ancestor(best, top, near)
    if top < MIN_CONTENT or top < wrapped / 2:
        return None
    return best


TOP_CANDIDATES = 6
NEAR_TOP = 0.5
MIN_NEAR = 3


def _common_ancestor(best: Any, top: float, near: list[tuple[float, Any]]) -> tuple[Any, float]:
    """The best element and its score, or the nearest of its ancestors that holds at least three
    other elements that scored nearly as well (readability's rule) and their scores together: a
    photo story prints each caption in its own table, and the best of them is one caption."""
    if len(near) < MIN_NEAR:
        return best, top
    lineages = [(score, set(e.iterancestors())) for score, e in near]
    for ancestor in best.iterancestors():
        if ancestor.tag in _WRAPPERS:
            break
        held = [score for score, lineage in lineages if ancestor in lineage]
        if len(held) >= MIN_NEAR:
            return ancestor, top + sum(held)
    return best, top
