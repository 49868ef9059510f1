"""Saved web pages: what the page says of itself (html_meta), then its visible text, one line
per block element, read by the page-text reader; the page's metadata wins over what the text
reader guesses (title, date, writers) and gives the article its site and address."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from tgreport.errors import InputError
from tgreport.model import Article, Caption, Heading, Paragraph
from tgreport.read.files import decode, read_bytes
from tgreport.read.html_content import main_content
from tgreport.read.html_figures import (
    CAPTION_MAX_CHARS,
    CAPTION_TAGS,
    HEADING_MAX_WORDS,
    WEAK_CAPTION_MAX_WORDS,
    caption_kind,
    is_name,
    names_sapo,
    with_figures,
    without_links,
)
from tgreport.read.html_lead import with_lead
from tgreport.read.html_meta import TITLE_PARTS, PageMeta, best_title, page_meta, parse
from tgreport.read.page import read_page
from tgreport.read.page.bylines import parse_byline, unit_byline
from tgreport.read.page.captions import caption_of
from tgreport.read.page.lines import spaced
from tgreport.read.page.outlet import outlet_in_window_title, outlet_named
from tgreport.read.page.vocab import Vocabulary, vocabulary
from tgreport.read.provenance import outlet_for_host, source_for_path
from tgreport.settings import Settings
from tgreport.vn import clean_text
from tgreport.vn.dateparse import parse_date

_BLOCK_TAGS = frozenset({
    "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "section", "article",
    "header", "footer", "figcaption", "figure", "blockquote", "title", "ul", "ol", "table", "hr",
    "nav", "main", "dd", "dt", "td", "th",
})
_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
# Sidebars (<aside>) hold other articles' headlines, never this one's text.
_SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "head", "aside", "iframe",
                           "select", "button", "textarea"})
# Page furniture drawn as pictures: icons, logos, share buttons, spacers.
_ICON = re.compile(r"(^|[_\W])(ico|icon|logo|share|button|btn|spacer|blank|pixel|arrow|bullet|loading)"
                   r"|^(fb|gplus|twitter|zalo)", re.IGNORECASE)
# Inline elements that walk() reads like plain text when they hold no element: 1 a link, 2 bold.
_LEAF_KINDS = {tag: 0 for tag in ("span", "em", "i", "u", "font", "small", "big", "sup", "sub", "label",
                                  "time", "abbr", "cite", "code", "q", "s", "mark", "del", "ins")}
_LEAF_KINDS.update(a=1, b=2, strong=2)
_IMAGE_NAME = re.compile(r"\.(jpe?g|png|gif|webp|bmp|tiff?)$", re.IGNORECASE)


# Where two sibling elements met with nothing between them: a space when a letter or digit ends
# the one and a capital or digit opens the other ("Hoàng Nam|Thứ Sáu", "Facebook|Zalo"), else
# nothing ("<b>Đ</b><b>ảng</b>", a word styled in parts).
_JOIN = "\x00"
_JOINS = re.compile(r"(.?)\x00+(.?)", re.DOTALL)


def _join(match: re.Match[str]) -> str:
    before, after = match.group(1), match.group(2)
    apart = before.isalnum() and (after.isupper() or after.isdigit())
    return f"{before} {after}" if apart else before + after


class _Done(Exception):
    """The walk has read all the page lines it needs."""


AFTER_CONTENT_LINES = 2  # the lines after the content element that _article_lines looks at


class _Lines:
    """(line, is_heading) pairs of a page's visible text, and the text of its <h1>."""

    def __init__(self, content: Any | None = None) -> None:
        self.lines: list[tuple[str, bool]] = []
        # Where each line stood: 0 before the article's content element, 1 in it, 2 after it.
        self.regions: list[int] = []
        self.h1_line: int | None = None  # the index of the first line of the first <h1>
        self.headline: int | None = None  # the index of the line that says the headline
        self._content = content
        # The content element and the elements around it are never a box to leave out.
        self._keep = {content, *content.iterancestors()} if content is not None else set()
        self._region = 0
        self._enough = 0  # with the lines after the content element that are read (set at its end)
        self.h1: list[str] = []
        self.captions: set[str] = set()  # lines the markup marks as photo captions
        self.sources: dict[str, str] = {}  # an image line (its file name) → the picture's src
        self._buffer: list[str] = []
        self._heading = 0
        self._after_image = False  # the last line was a picture
        # The caption kind of the caption element the walk is inside (its text in a <p> of its own)
        self._caption_within = 0
        self.links: set[str] = set()  # lines whose text is (almost) all link text
        self._link_chars = 0
        self.bold: set[str] = set()  # lines whose text is (almost) all bold
        self._bold_chars = 0
        self.sapo: list[str] = []  # lines of an element named as the sapo ("description", "sapo")
        self._in_sapo = 0

    def flush(self, caption: int = 0) -> None:
        if not self._buffer:  # most block boundaries close nothing: nothing to join or split
            self._link_chars = self._bold_chars = 0
            return
        joined = "".join(self._buffer)
        self._buffer.clear()
        if _JOIN in joined:
            joined = _JOINS.sub(_join, joined)
        if joined.isspace() or not joined:  # the spaces between two blocks: most flushes of a page
            self._link_chars = self._bold_chars = 0
            return
        line = spaced(joined)
        link_chars, self._link_chars = self._link_chars, 0
        bold_chars, self._bold_chars = self._bold_chars, 0
        letters = len(line) - line.count(" ")
        if line and link_chars >= LINK_SHARE * letters:
            self.links.add(line)  # a block that is all link: another article's teaser, a menu
        if line and bold_chars >= LINK_SHARE * letters:
            self.bold.add(line)  # a sapo set in bold, or an inter-title
        if line:
            if self._in_sapo:
                self.sapo.append(line)
            self.lines.append((line, self._heading > 0))
            self.regions.append(self._region)
            caption = caption or self._caption_within
            if caption and len(line) <= CAPTION_MAX_CHARS and (
                    caption == 1 or len(line.split()) <= WEAK_CAPTION_MAX_WORDS):
                self.captions.add(line)
            self._after_image = False

    def walk(self, element: Any, in_h1: bool = False, in_link: bool = False, in_bold: bool = False) -> None:
        # Every element of the page passes here: each attribute is read once, and the tests
        # that most elements fail come first.
        tag = element.tag
        if tag.__class__ is not str or tag in _SKIPPED_TAGS:
            return  # comments and processing instructions have no text to show
        block = tag in _BLOCK_TAGS
        caption = 0
        if block:
            cls = element.get("class")
            ident = element.get("id")
            if (cls or ident) and _is_box(cls, ident) and element not in self._keep:
                return
            if (tag == "nav" or element.get("role") == "navigation") and _is_menu(element, cls, ident) \
                    and element not in self._keep:
                return
            if self._buffer:
                self.flush()
            else:
                self._link_chars = self._bold_chars = 0
            # caption_kind's own first tests: no caption without a class, a picture above or
            # <figcaption>, and none in an <li>, a <ul> or a <section>.
            if (cls or self._after_image or tag == "figcaption") and tag in CAPTION_TAGS:
                caption = caption_kind(element, tag, cls, self._after_image)
            sapo = bool(cls) and not caption and names_sapo(cls)
            self._in_sapo += sapo
        is_content = element is self._content
        if is_content:
            self.flush()
            self._region = 1
        if tag == "h1" and self.h1_line is None:
            self.h1_line = len(self.lines)
        within = self._caption_within
        if caption == 1 or (caption and _short_text(element)):
            # A layout table's cell beside a logo is no caption however its paragraphs fall.
            self._caption_within = caption
        # A sub-heading set as a paragraph of its own class ("pSubTitle", "intertitle").
        heading = tag in _HEADINGS or (block and bool(cls) and tag in ("p", "div") and _names_subtitle(cls))
        if heading:
            self._heading += 1
        if tag == "h1":
            in_h1 = True
        elif tag == "a":
            in_link = True
        elif tag == "b" or tag == "strong":
            in_bold = True
        elif tag == "img":
            # The picture's file name marks where it stood; its alt text mostly repeats the
            # title or the caption, so it is not kept.
            src = _picture_src(element)
            name = _image_name(src)
            if name:
                self.flush()
                self.lines.append((name, False))
                self.regions.append(self._region)
                if src and not src.startswith("data:"):
                    self.sources.setdefault(name, src)
                self._after_image = True
        buffer = self._buffer  # flush() empties it in place
        text = element.text
        if text:
            if buffer or not text.isspace():  # the spaces between two blocks make no line
                buffer.append(text)
            if in_link:
                self._link_chars += len(text.strip())
            if in_bold:
                self._bold_chars += len(text.strip())
            if in_h1:
                self.h1.append(text)
        walk = self.walk
        for child in element:
            if buffer and not buffer[-1][-1:].isspace():
                # Two elements side by side ("<span>Hoàng Nam</span><time>Thứ Sáu…") that CSS
                # sets apart: flush() puts a space here when the next text opens a new word.
                buffer.append(_JOIN)
            kind = _LEAF_KINDS.get(child.tag)
            if kind is not None and not len(child):
                # A run of text in an inline element with nothing inside (a menu's link, a
                # span): half the elements a walk meets, read here as walk() would read them.
                inner = child.text
                if inner:
                    buffer.append(inner)
                    if in_link or kind == 1:
                        self._link_chars += len(inner.strip())
                    if in_bold or kind == 2:
                        self._bold_chars += len(inner.strip())
                    if in_h1:
                        self.h1.append(inner)
            else:
                walk(child, in_h1, in_link, in_bold)
            tail = child.tail
            if tail:
                if buffer or not tail.isspace():
                    buffer.append(tail)
                if in_link:
                    self._link_chars += len(tail.strip())
                if in_bold:
                    self._bold_chars += len(tail.strip())
                if in_h1:
                    self.h1.append(tail)
        if block:
            self.flush(caption)  # before the heading ends, so its line is marked as one
            self._caption_within = within
            self._in_sapo -= sapo
            if self._region == 2 and self.h1_line is not None and len(self.lines) >= self._enough:
                # Past the article and the lines after it that may hold its byline, the page
                # is footer and sidebars: nothing there is read (half of a page's lines).
                raise _Done
        if is_content:
            self.flush()
            self._region = 2
            self._enough = len(self.lines) + AFTER_CONTENT_LINES
        if heading:
            self._heading -= 1


# What sites call a box of other articles' teasers, or a player that reads the article aloud
# ("VCObjectBoxRelatedNews", "box-tinlienquan", "audio tts-player"): its text is not the article.
_BOX_NAME = re.compile(r"related|relate-|lienquan|lien-quan|(?<![a-z])(player|tts|audio)(?![a-z])",
                       re.IGNORECASE)


# A page repeats its few class names hundreds of times: each is looked at once.
@lru_cache(maxsize=4096)
def _is_box(cls: str | None, ident: str | None) -> bool:
    return _BOX_NAME.search(f"{cls} {ident}") is not None


# A site's menu: a navigation element with this many links or more (a breadcrumb trail has fewer,
# and names the section the header takes from it).
MENU_MIN_LINKS = 4
_CRUMB_NAME = re.compile(r"crumb|duong-?dan", re.IGNORECASE)


def _is_menu(nav: Any, cls: str | None, ident: str | None) -> bool:
    """Whether a navigation element is the site's menu, whose last item, read as a line of its own
    over the headline, would pass for the article's section ("Chính quyền")."""
    if _CRUMB_NAME.search(f"{cls} {ident} {nav.get('aria-label')}"):
        return False
    return any(n >= MENU_MIN_LINKS for n, _ in enumerate(nav.iter("a"), 1))


_SUBTITLE_NAME = re.compile(r"sub-?title|subhead|inter-?title", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _names_subtitle(cls: str) -> bool:
    return _SUBTITLE_NAME.search(cls) is not None


def _short_text(element: Any) -> bool:
    total = 0
    for text in element.itertext():
        total += len(text)
        if total > CAPTION_MAX_CHARS:
            return False  # a layout cell holding a page: said without reading all of it
    return True


# Where a page that loads its pictures as they scroll into view keeps the real address, its
# `src` being a placeholder (a data: GIF) or absent until then.
_LAZY_SRC = ("data-src", "data-original", "data-lazy-src", "data-srcset", "srcset")


def _picture_src(img: Any) -> str | None:
    src = img.get("src")
    if src and not src.startswith("data:"):
        return str(src)
    for name in _LAZY_SRC:
        value = img.get(name)
        if value and not value.startswith("data:"):
            return str(value.split(",")[0].split()[0])  # the first address of a srcset
    return str(src) if src else None


def _image_name(src: str | None) -> str | None:
    if not src or src.startswith("data:"):
        return None
    # The path's last part, without query, fragment or a path parameter ("matuy.jpg;pvf9a951…").
    path = src.partition("?")[0].partition("#")[0]
    name = path[path.rfind("/") + 1 :].partition(";")[0]
    return name if _IMAGE_NAME.search(name) and not _ICON.search(name) else None


def _text_of(tree: Any, lines: _Lines | None = None, meta: PageMeta | None = None,
             vocab: Vocabulary | None = None) -> tuple[str, str | None]:
    """(the article's lines as text, the headline: the page's metadata's, else its <h1>)."""
    vocab = vocab or vocabulary(())
    lines = lines or _Lines()
    body = tree.find("body")
    # Markup nested thousands deep: the text read so far is what there is.
    with contextlib.suppress(RecursionError, _Done):
        lines.walk(body if body is not None else tree)
    lines.flush()
    h1 = spaced("".join(lines.h1)) or None
    title = best_title(meta, h1) if meta is not None else None
    out: list[str] = []
    after_heading = False
    title = _printed_title(title, meta, lines)
    lines.headline = _headline_line(lines, title)
    for line, heading in _article_lines(lines, lines.headline, vocab):
        if out:
            out.append("\n" if after_heading else "\n\n")
        out.append(line)
        after_heading = heading
    title = title or (clean_text(h1) if h1 else None)
    # A headline without a letter or digit (a lone accent, a dash) names nothing: the text says it.
    return "".join(out), title if title and any(c.isalnum() for c in title) else None


def _printed_title(title: str | None, meta: PageMeta | None, lines: _Lines) -> str | None:
    """The headline taken from the window title, checked against the page: "Sở Nông nghiệp và
    PTNT - Triển khai kế hoạch …" puts the site first, and the headline is the part the page
    prints on a line of its own."""
    if title is None or meta is None or meta.title or not meta.og_title:
        return title
    printed = [line for line, _ in lines.lines]
    if title in printed:
        return title
    # A window title is often cut short: the printed line that starts with the part is the headline.
    for part in (p.strip() for p in TITLE_PARTS.split(meta.og_title)):
        if len(part.split()) >= TITLE_MIN_WORDS:
            found = next((line for line in printed
                          if line.startswith(part) and len(line) < 2 * len(part)), None)
            if found:
                return found
    return title


TITLE_MIN_WORDS = 4


def _headline_line(lines: _Lines, title: str | None) -> int | None:
    """Where the headline stands among the lines: the line that says the title (a logo can be
    the page's first <h1>), else the first <h1>."""
    if title:
        found = [i for i, (line, _) in enumerate(lines.lines)
                 if line == title or (line.startswith(title) and len(line) < 2 * len(title))]
        # The one nearest above the article's content: menus and teasers repeat headlines too.
        content = next((i for i, region in enumerate(lines.regions) if region == 1), len(lines.lines))
        above = [i for i in found if i <= content]
        if above or found:
            return above[-1] if above else found[0]
    return lines.h1_line


LINK_SHARE = 0.9  # of a line's letters inside links, for the line to be a link and nothing more
ABOVE_HEADLINE = 4
HEAD_MAX_LINES = 40  # lines from the <h1> to the content: farther apart, they are not one article
BYLINE_MAX_WORDS = 6


def _article_lines(lines: _Lines, h1: int | None, vocab: Vocabulary) -> list[tuple[str, bool]]:
    """The lines from just above the headline to the end of the content element, and a short
    line or two right after it (the byline); the whole page when no content element was found."""
    inside = [i for i, region in enumerate(lines.regions) if region == 1]
    if not inside:
        return lines.lines
    first, last = inside[0], inside[-1]
    start = h1 if h1 is not None and first - HEAD_MAX_LINES <= h1 < first else first
    start = max(0, start - ABOVE_HEADLINE)  # the category, breadcrumb or date line above the headline
    kept = lines.lines[start : last + 1]
    # An <h1> with no text (a logo) that ends the page stands past the last line.
    if h1 is not None and not start <= h1 <= last and h1 < len(lines.lines):
        kept.insert(0, lines.lines[h1])
    for line, heading in lines.lines[last + 1 : last + 1 + AFTER_CONTENT_LINES]:
        if len(line.split()) > BYLINE_MAX_WORDS:
            break
        kept.append((line, heading))
    return _end_at_byline(kept, lines.links, vocab)


_BYLINE_LOOK = 3  # lines after the last paragraph where the byline may stand


def _end_at_byline(
    kept: list[tuple[str, bool]], links: set[str], vocab: Vocabulary
) -> list[tuple[str, bool]]:
    """The lines up to the writer's name that follows the last paragraph, when one does: what a
    page prints after it (share counts, "Tweet", "[Quay lại]", links to other articles) would
    hide it from the page reader, which takes a name on the article's last line for its byline.
    A line that is all link is no paragraph of the article."""
    # The last paragraph, looked for from the end: the lines above it are not split into words.
    last = next((i for i in reversed(range(len(kept)))
                 if len(kept[i][0].split()) >= 12 and kept[i][0] not in links), None)
    if last is None:
        return kept
    for i in range(last + 1, min(len(kept), last + 1 + _BYLINE_LOOK)):
        line = kept[i][0]
        if (is_name(line) or ((byline := parse_byline(line, vocab)) is not None and byline.authors)
                or unit_byline(line, vocab) is not None):  # "Chi cục Chăn nuôi và Thú y" signs too
            return kept[: i + 1]
    return kept


def _bold_headings(article: Article, lines: _Lines) -> Article:
    """The article with the short captions the page reader guessed, which the markup sets in bold
    and does not mark as captions, made sub-headings: an inter-title under a picture ("Con đường
    của Amazon"); a caption is set in italics, or in a caption's element, not in bold. A short
    paragraph the markup marks as a sub-heading (<h2>…<h6>, a "pSubTitle") is one too, however
    it ends ("Học tập theo...")."""
    blocks = list(article.blocks)
    marked_headings = {text for text, heading in lines.lines if heading}
    for index, block in enumerate(blocks):
        if isinstance(block, Paragraph):
            if block.text in marked_headings and len(block.text.split()) <= HEADING_MAX_WORDS:
                blocks[index] = Heading(block.text)
            continue
        if not isinstance(block, Caption) or block.credit is not None:
            continue
        text = spaced(block.text)
        if (text in lines.bold and len(text.split()) <= HEADING_MAX_WORDS
                and not any(text in marked for marked in lines.captions)):
            blocks[index] = Heading(block.text)
    return dataclasses.replace(article, blocks=tuple(blocks)) if blocks != list(article.blocks) else article


def html_to_text(markup: str) -> str:
    """The page's visible text, a blank line between blocks; a sub-heading (<h2>…<h6>) sits
    right on top of the text it introduces, as the page reader expects of one."""
    tree = parse(markup)
    return _text_of(tree, meta=page_meta(tree))[0]


def body_blocks(markup: str) -> list[dict[str, str]]:
    """An article's body given as markup (a scraper's HTML `content`), as the JSON contract's
    blocks: paragraphs, sub-headings, pictures (their file name and `src`) and captions (those
    the markup marks, and a short line right under a picture), with the credit a caption names.
    Scripts, styles and boxes of related articles are left out, as on a page."""
    lines = _Lines()
    tree = parse(markup)
    with contextlib.suppress(RecursionError, _Done):
        lines.walk(tree)
    lines.flush()
    vocab = vocabulary(())
    blocks: list[dict[str, str]] = []
    for text, heading in lines.lines:
        src = lines.sources.get(text)
        if src is not None:
            blocks.append({"type": "image", "text": text, "src": src})
            continue
        text = clean_text(text)
        after_picture = bool(blocks) and blocks[-1]["type"] == "image"
        if text in lines.captions or (after_picture and not heading
                                      and len(text.split()) <= WEAK_CAPTION_MAX_WORDS):
            # Marked as one, or a short line right under the picture ("Người dân dọn rác ven hồ.").
            found = caption_of(text, vocab)
            blocks.append({"type": "caption", "text": found.text if found else text}
                          | ({"credit": found.credit} if found and found.credit else {}))
        else:
            blocks.append({"type": "heading" if heading else "paragraph", "text": text})
    return blocks


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
    # Valid UTF-8 (checked by decoding) is parsed from its bytes, without a byte order mark.
    tree = parse(data.removeprefix(b"\xef\xbb\xbf") if encoding == "utf-8" else markup)
    meta = page_meta(tree)
    body = tree.find("body")
    lines = _Lines(main_content(body if body is not None else tree))
    vocab = vocabulary(settings.extra_chrome)
    text, title = _text_of(tree, lines, meta, vocab)
    if encoding == "utf-8":
        text = clean_text(text)  # NFC, odd spaces and controls, as decode() does for other bytes
    article = read_page(text, path, settings, encoding, title_hint=title)
    article = with_meta(article, meta, path, settings, title)
    if article.site is None:
        article = dataclasses.replace(article, site=_outlet_in_footer(tree, settings.outlets))
    # Links first: a teaser or tag list after the last paragraph would hide the writer's name there.
    article = without_links(article, lines.links)
    article = with_figures(_bold_headings(article, lines), lines.captions, lines.sources, vocab)
    article = with_lead(article, meta.description or next(iter(lines.sapo), None), lines.bold)
    if article.date:
        return [article]
    above = [] if lines.headline is None else [
        line for line, _ in reversed(lines.lines[max(0, lines.headline - STAMP_LINES) : lines.headline])]
    return [with_stamp(article, [*above, *[x for x in text.split("\n") if x.strip()][:STAMP_LINES]])]


STAMP_LINES = 15  # the date line stands near the headline


def with_stamp(article: Article, candidates: list[str]) -> Article:
    """An undated article with the first publication stamp (a date and a time of day, year
    written) among `candidates` (the lines just above the headline, nearest first, then the
    article's top lines): one the page reader passed over because the page ran it into the
    section name ("Đời sống Xã hội | Cập nhật thứ hai, ngày 24/12/12 11:05 tối") or set it
    apart from the headline by a box of other articles."""
    for line in candidates:
        found = parse_date(line)
        if found and found.kind == "timestamp" and found.year and found.hour is not None:
            try:
                stamp = dt.datetime(found.year, found.month, found.day, found.hour, found.minute or 0)
            except (TypeError, ValueError):
                continue
            return dataclasses.replace(article, date=stamp.date(), published=stamp)
    return article


def _outlet_in_footer(tree: Any, outlets: Mapping[str, str]) -> str | None:
    """The outlet a copyright line names anywhere on the page ("© Bản quyền thuộc Báo điện tử
    Đảng Cộng sản Việt Nam"): the footer, which the walk over the article stops short of. Looked
    for only when nothing else named the outlet."""
    found = tree.xpath("//body//text()[contains(., '©') or contains(., 'opyright') "
                       "or contains(., 'ản quyền') or contains(., 'ẢN QUYỀN')]")
    owners = [text.getparent() for text in found if text.getparent() is not None]
    return outlet_named([" ".join(" ".join(e.itertext()).split()) for e in owners], outlets)


# How far the stamp a page prints by its headline may stand from its metadata's and still be the
# one an editor reads: a CMS that dates an article when it was written, or gives its local time as
# UTC, moves the day by one; a stamp further off is some other date the page reader misread.
STAMP_SLACK = dt.timedelta(hours=48)


def _prints_its_stamp(shown: dt.datetime | dt.date | None, stated: dt.datetime | dt.date) -> bool:
    """Whether the publication stamp the page prints (`shown`, with its time) is the one to keep
    over the one its metadata states: the same day with a time the metadata lacks, or a moment
    near the metadata's ("Thứ Hai, 24/12/2012, 03:04 AM" printed, "2012-12-23T14:02" stated)."""
    if not isinstance(shown, dt.datetime):
        return False
    if not isinstance(stated, dt.datetime):
        return shown.date() == stated
    return abs(shown - stated.replace(tzinfo=None)) <= STAMP_SLACK


def with_meta(article: Article, meta: PageMeta, path: Path, settings: Settings, title: str | None) -> Article:
    """The article with what the page's markup states put before what its text suggested."""
    changes: dict[str, Any] = {}
    if title:
        changes.update(title=title, title_derived=False, warnings=tuple(
            w for w in article.warnings if not w.startswith("no headline on the page")))
    if meta.published is not None and not _prints_its_stamp(article.published, meta.published):
        day = meta.published.date() if isinstance(meta.published, dt.datetime) else meta.published
        changes.update(published=meta.published, date=day)
    if meta.authors and not article.authors:
        changes["authors"] = meta.authors
    site = (outlet_for_host(meta.host, settings.outlets) or meta.site
            or outlet_in_window_title(meta.window, settings.outlets)
            or (outlet_named([meta.copyright], settings.outlets) if meta.copyright else None)
            or article.site or source_for_path(path, settings.sources))
    changes.update(site=site, url=meta.url)
    return dataclasses.replace(article, **changes)


# An HTML digest from an earlier run (`-o folder/digest.html` inside the input folder): read as an
# article it would put the whole previous report into the next one, and again on every run.
# tgreport's own JSON is different: the JSON reader takes its articles on purpose.
_OWN_HTML = re.compile(rb"""<meta\s+name=["']generator["']\s+content=["']tgreport[ "']""", re.IGNORECASE)
