"""Photos in a saved page: which elements are captions by the page's own structure (a
<figcaption>, a cell under a picture, a caption class, the styled line right after a picture),
and the article's blocks with those captions as Caption blocks and each picture's address."""

from __future__ import annotations

import dataclasses
import re
from functools import lru_cache
from typing import Any

from tgreport.model import Article, Block, Caption, Heading, Image, Paragraph, Related
from tgreport.read.page.captions import caption_of
from tgreport.read.page.lines import spaced
from tgreport.read.page.vocab import Vocabulary

CAPTION_MAX_CHARS = 400
_CAPTION_CLASS = re.compile(r"caption|chuthich|chu-thich|image|photo|desc|fig|note", re.IGNORECASE)
_NOT_CAPTION_CLASS = re.compile(r"related|list|box|menu", re.IGNORECASE)
# The names sites give the sapo: a caption only right under a picture.
_SAPO_CLASS = re.compile(r"(?:^|[\s_-])(?:description|sapo|summary|lead)(?:$|[\s_-])", re.IGNORECASE)
# The elements a caption may be.
CAPTION_TAGS = frozenset({"figcaption", "td", "p", "div", "span", "em", "i", "figure"})
_STYLED = re.compile(r"italic|text-align:\s*center", re.IGNORECASE)


def _has_image(element: Any) -> bool:
    return next(element.iter("img"), None) is not None


WEAK_CAPTION_MAX_WORDS = 25  # a caption known only by where it stands is short; prose is not


def caption_kind(element: Any, tag: str, cls: str | None, previous_was_image: bool) -> int:
    """0: not a caption; 1: the markup says caption (<figcaption>, a caption class); 2: only its
    place says so (the cell under a picture, a styled line right after one), so the caller
    takes it only when it is short. `tag` and `cls` are the element's tag and class attribute."""
    if tag == "figcaption":
        return 1
    if tag not in CAPTION_TAGS:
        return 0
    named = bool(cls) and _caption_class(cls)
    if named and cls and not previous_was_image and names_sapo(cls):
        named = False  # the summary under the headline ("description", "sapo"), under no picture
    if not named and not previous_was_image:
        return 0  # most blocks of a page end here, before the costlier look for a picture inside
    if _has_image(element):
        return 0
    if named:
        return 1
    if tag == "td":
        table = next((a for a in element.iterancestors("table")), None)
        return 2 if table is not None and _has_image(table) else 0
    return 2 if _STYLED.search(element.get("style") or "") else 0


@lru_cache(maxsize=4096)
def names_sapo(cls: str) -> bool:
    """Whether the class attribute names the sapo ("description", "article__sapo")."""
    return _SAPO_CLASS.search(cls) is not None


# A page repeats its few class names hundreds of times: each is looked at once.
@lru_cache(maxsize=4096)
def _caption_class(cls: str) -> bool:
    return _CAPTION_CLASS.search(cls) is not None and not _NOT_CAPTION_CLASS.search(cls)


def with_figures(article: Article, captions: set[str], sources: dict[str, str], vocab: Vocabulary) -> Article:
    """The article with paragraphs the markup marks as captions made captions (credit apart),
    each picture's `src`, and the page reader's guesses undone where the markup says otherwise:
    a short line it took for a caption (its rule for plain text) that stands under no picture,
    has no credit and no caption markup is a sub-heading, a paragraph, the writer's name at the
    end, or the headline again."""
    blocks: list[Block] = []
    authors = article.authors
    removed = list(article.removed)
    changed = False
    last = len(article.blocks) - 1
    for index, block in enumerate(article.blocks):
        if isinstance(block, Caption) and block.text == article.title:
            removed.append(block.text)  # the headline printed under the photo again
            changed = True
        elif isinstance(block, Caption) and not _marked(block, captions, blocks):
            changed = True
            text = block.text
            if index == last and not authors and is_name(text):
                authors = (text,)
            elif len(text.split()) <= HEADING_MAX_WORDS and not text.rstrip().endswith((".", "!", "?", ":")):
                blocks.append(Heading(text))
            else:
                blocks.append(Paragraph(text))
        elif isinstance(block, Paragraph) and spaced(block.text) in captions:
            blocks.append(_caption(block.text, vocab))
            changed = True
        elif isinstance(block, Image) and block.src is None and block.text in sources:
            blocks.append(Image(block.text, sources[block.text]))
            changed = True
        else:
            blocks.append(block)
    at = _byline_at(blocks) if not authors else None
    if at is not None:
        # The writer's name after the article's last paragraph ("H.V.", "XUÂN LONG"), which the
        # page reader left as text because the page printed more after it.
        authors = (blocks.pop(at).text,)
        changed = True
    if not changed:
        return article
    return dataclasses.replace(article, blocks=tuple(blocks), authors=authors, removed=tuple(removed))


BYLINE_LOOK = 4  # blocks after the last paragraph where the writer's name may stand
PROSE_MIN_WORDS = 12


def _byline_at(blocks: list[Block]) -> int | None:
    # The last paragraph, looked for from the end: the blocks above it are not split into words.
    last = next((i for i in reversed(range(len(blocks))) if isinstance(blocks[i], Paragraph)
                 and len(blocks[i].text.split()) >= PROSE_MIN_WORDS), None)
    if last is None:
        return None
    for i in range(last + 1, min(len(blocks), last + 1 + BYLINE_LOOK)):
        block = blocks[i]
        if isinstance(block, Paragraph | Heading) and is_name(block.text):
            return i
    return None


def _marked(caption: Caption, captions: set[str], before: list[Block]) -> bool:
    """Whether the page backs the page reader's caption: a credit, caption markup, a picture above."""
    if caption.credit or (before and isinstance(before[-1], Image)):
        return True
    text = spaced(caption.text)
    return any(text in marked for marked in captions)


HEADING_MAX_WORDS = 12
# A writer's name as a byline prints it: "Trung", "K. Miên", "XUÂN LONG", "H.V.", "Đức Nguyên-Hiệp Thương".
_NAME_WORD = re.compile(r"^[^\W\d_][\w.]*$")
# A source line, not a writer: "Theo Thanh Niên", "Nguồn: TTXVN".
_NOT_A_NAME = re.compile(r"^(theo|nguồn|ảnh|video|clip|tin|bài)\b", re.IGNORECASE)


def is_name(line: str) -> bool:
    words = line.replace("-", " ").split()
    return (0 < len(words) <= 4 and len(line) <= 40 and not _NOT_A_NAME.match(line)
            and all(_NAME_WORD.match(w) and w[0].isupper() for w in words))


def _caption(text: str, vocab: Vocabulary) -> Caption:
    found = caption_of(text, vocab)  # "… - Ảnh: Minh Châu": the credit apart
    return found if found is not None else Caption(text)


def without_links(article: Article, links: set[str]) -> Article:
    """The article without the blocks that were nothing but a link on the page (teasers of other
    articles, menus, tag lists): a paragraph of news is never all link. A writer's name linked
    to the writer's page stays."""
    if not links:
        return article
    kept: list[Block] = []
    dropped: list[str] = []
    prose = False  # a name above the first paragraph that is a link is a menu's ("Cười"), not a writer's
    for block in article.blocks:
        text = spaced(block.text)
        if (isinstance(block, Paragraph | Heading | Caption | Related) and text in links
                and (not prose or not is_name(text))):
            dropped.append(block.text)
        else:
            kept.append(block)
            prose = prose or isinstance(block, Paragraph)
    lead = article.lead
    if lead is not None and spaced(lead) in links:
        dropped.append(lead)  # a ticker of other headlines above this one's
        lead = None
    if not dropped:
        return article
    return dataclasses.replace(article, lead=lead, blocks=tuple(kept), removed=(*article.removed, *dropped))
