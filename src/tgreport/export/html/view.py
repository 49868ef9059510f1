"""The report as the HTML templates print it: escaped text, and plain views of every part."""

from __future__ import annotations

import base64
import dataclasses
import logging
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar, overload

from markupsafe import Markup, escape

from tgreport import present
from tgreport.assemble.summaries import summary as brief_summary
from tgreport.model import Article, Block, Caption, Image, IndexEntry, ListBlock, Picture, Report
from tgreport.present import chart, header
from tgreport.present import pieces as paragraph_pieces
from tgreport.present import qr as present_qr
from tgreport.present.header import Letterhead
from tgreport.present.highlight import pieces
from tgreport.present.signature import SignatureBlock, signature
from tgreport.version import __version__

log = logging.getLogger(__name__)

# Characters XML 1.0 forbids; HTML parsers tolerate them but XHTML (EPUB) does not, so they go.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
# Document codes ("05-CT/TW", "30/2020/NĐ-CP") must not break across lines (VIETNAMESE.md §5).
_DOC_CODE = re.compile(r"\b\d+(?:[-/][0-9A-ZĐ]+)*[-/][A-ZĐ][0-9A-ZĐ]*(?:[-/][0-9A-ZĐ]+)*\b")
# "-" or "/" after a digit; written sign first, so the scan skips ahead to the signs.
_CODE_HINT = re.compile(r"[-/](?<=\d[-/])")

def text_filter(value: object) -> Markup:
    """Article text as escaped markup, with document codes kept on one line."""
    text = str(value)
    if not text.isprintable():  # cheap test first: nearly all text has nothing to remove
        text = _NOT_XML.sub("", text)
    # str.replace per character beats markupsafe.escape on long non-ASCII text, same output.
    escaped = (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace('"', "&#34;").replace("'", "&#39;")
    )
    # Most texts have no "-" or "/" at all, and `in` is far cheaper than any pattern.
    if not ("-" in text or "/" in text) or not _CODE_HINT.search(text):
        return Markup(escaped)
    # Escaping leaves letters, digits, "-" and "/" alone, so codes match the same afterwards,
    # and no entity ("&#34;", "&amp;") looks like a code.
    return Markup(_wrap_codes(escaped))


# Joins an article's texts for text_filters: printable, left alone by escaping, not a word
# character (so \b and the digit runs of document codes stop at it, as at a text's ends), and
# all but absent from Vietnamese news; a text that has it is escaped on its own instead.
_JOIN = "\u00a4"


def text_filters(texts: Sequence[str]) -> list[Markup]:
    """`[text_filter(t) for t in texts]`, in one pass over their joined text: an article's
    paragraphs are many short texts, and the filter's steps cost more per call than per
    character."""
    joined = _JOIN.join(texts)
    if joined.count(_JOIN) != len(texts) - 1:
        return [text_filter(t) for t in texts]
    return [Markup(t) for t in str(text_filter(joined)).split(_JOIN)] if texts else []


def _wrap_codes(escaped: str) -> str:
    """`_DOC_CODE.sub(_wrap_code, escaped)`, with the pattern tried only where a code can start.

    A code's first "-" or "/" follows its leading digits, so a match can start only at the
    digit run before a hint: tried there, not at every position of a long paragraph.
    """
    out: list[str] = []
    done = 0
    for hint in _CODE_HINT.finditer(escaped):
        sign = hint.start()
        if sign < done:
            continue
        start = sign - 1  # the digit before the sign; now back to the run's first digit
        while start > done and escaped[start - 1].isdecimal():  # \d is isdecimal (Unicode Nd)
            start -= 1
        match = _DOC_CODE.match(escaped, start)  # \b still sees the character before `start`
        if match is None:
            continue
        out += (escaped[done:start], _wrap_code(match))
        done = match.end()
    if not out:
        return escaped
    out.append(escaped[done:])
    return "".join(out)


def _wrap_code(match: re.Match[str]) -> str:
    return f'<span class="code">{match.group()}</span>'


def css_string_filter(value: object) -> Markup:
    """A quoted CSS string that cannot close the string or the <style> element around it."""
    text = _NOT_XML.sub("", str(value))
    escaped = "".join(
        ch if ch.isalnum() or ch in " .,;:!?()-–—/'’“”…" else f"\\{ord(ch):X} " for ch in text
    )
    return Markup(f'"{escaped}"')


def plain_filter(value: object) -> str:
    """Text for attributes and metadata: XML-legal, escaped by autoescape afterwards."""
    return _NOT_XML.sub("", str(value))


BlockView = tuple[str, Markup, Markup | None, tuple[Markup, ...]]
_NO_ITEMS: tuple[Markup, ...] = ()


def _block_texts(blocks: Iterable[Block]) -> list[str]:
    """The texts `_block_views` escapes, in the order it takes them back."""
    texts: list[str] = []
    for block in blocks:
        if isinstance(block, ListBlock):
            texts += block.items
        elif block.type == "related":  # worded as in every format: "Bài liên quan: …"
            texts.append(present.RELATED_PREFIX + block.text)
        else:
            texts.append(block.text)
            if isinstance(block, Caption) and block.credit:  # "Ảnh: …", as in every format
                texts.append(present.CAPTION_CREDIT.format(credit=block.credit))
    return texts


PhotoUrl = Callable[[Picture], str]  # where a page finds a photo: a data: URI, or a file in the book


def data_uri(picture: Picture) -> str:
    """The photo inside the page itself: the self-contained HTML, and WeasyPrint's PDF."""
    return f"data:{picture.media_type};base64,{base64.b64encode(picture.data).decode('ascii')}"


def _block_views(blocks: tuple[Block, ...], escaped: Iterable[Markup] | None = None,
                 photo_url: PhotoUrl = data_uri, in_pieces: bool = False,
                 terms: tuple[str, ...] = ()) -> list[BlockView]:
    """The views of `blocks`; `escaped` are their `_block_texts`, when already filtered. With
    `in_pieces`, a long paragraph's text is its pieces (see pieces_markup)."""
    parts = iter(escaped if escaped is not None else text_filters(_block_texts(blocks)))
    views: list[BlockView] = []
    for block in blocks:
        if isinstance(block, ListBlock):
            items = tuple(next(parts) for _ in block.items)
            views.append(("olist" if block.ordered else "list", Markup(""), None, items))
            continue
        text = next(parts)
        if isinstance(block, Image) and block.picture is not None:
            # A photo: its address and printed width and height ride in the items.
            picture = block.picture
            size = (Markup(f"{picture.width_pt:.1f}pt"), Markup(f"{picture.height_pt:.1f}pt"))
            views.append(("photo", text, None, (escape(photo_url(picture)), *size)))
            continue
        if in_pieces and block.type == "paragraph" and len(block.text) > paragraph_pieces.LONG_PARAGRAPH:
            text = pieces_markup(block.text, terms)
        credit = next(parts) if isinstance(block, Caption) and block.credit else None
        views.append((block.type, text, credit, _NO_ITEMS))
    return views


# Each piece a block of its own, so WeasyPrint lays it out alone; the ones after the first go
# on without an indent, so the pieces read as one paragraph. Styled here rather than in the
# stylesheet so that a --template-dir's own paged.css gets them too.
_FIRST_PIECE = '<span style="display: block">'
_NEXT_PIECE = '<span style="display: block; text-indent: 0">'


def pieces_markup(text: str, terms: tuple[str, ...] = ()) -> Markup:
    """A long paragraph's text as consecutive block-level pieces (present/pieces.py): WeasyPrint
    fits each line over the rest of its text box, quadratic in one huge paragraph."""
    cut = paragraph_pieces.pieces(text)
    return Markup("".join(f"{_NEXT_PIECE if n else _FIRST_PIECE}{marked_filter(piece, terms)}</span>"
                          for n, piece in enumerate(cut)))


@dataclass(frozen=True, slots=True)
class ArticleView:
    """One article ready to print: text fields are already escaped markup (`|t` applied), so
    templates write them as they are; `heading_text` is the plain heading for titles and NCX.
    One is kept per article while a page is written: slots, not a dict each."""

    anchor: str
    number: int
    heading: Markup
    heading_text: str
    derived_note: str | None
    meta: Markup
    lead: Markup | None
    # (kind, text, credit, items): kind is paragraph, heading, caption, image, photo, quote,
    # list, olist or related (a photo's items: its address, printed width and height); tuples
    # rather than objects, because the template loop unpacks them without a sandboxed attribute
    # lookup each (a third of the rendering time otherwise).
    blocks: tuple[BlockView, ...]
    byline: Markup | None
    toc_subtitle: str
    source: Markup | None = None  # "Nguồn: …" (escaped)
    source_url: Markup | None = None  # the page's address, escaped for an attribute and for text
    toc_summary: str | None = None  # under the TOC entry, with Settings.toc_summaries
    qr: Markup | None = None  # the QR code to the page's address (SVG), with Settings.qr


@dataclass(frozen=True, slots=True)
class TocView:
    """What a TOC entry prints of an article (markup.toc_article): an ArticleView has the same
    fields, but making one escapes the whole article's text."""

    anchor: str
    heading: Markup  # as the article's heading: escaped, the highlight terms marked
    heading_text: str
    toc_subtitle: str
    toc_summary: str | None = None


View = TypeVar("View")


class ArticleViews(Sequence[View], Generic[View]):
    """A section's article views, each made when it is asked for and not kept: a page goes
    through them once for its TOC and once for its text, and a million short articles' views,
    kept all at once, took more than a gigabyte."""

    def __init__(self, items: Sequence[present.NumberedArticle],
                 make: Callable[[present.NumberedArticle], View]) -> None:
        self._items = items
        self._make = make

    def __len__(self) -> int:
        return len(self._items)

    @overload
    def __getitem__(self, i: int) -> View: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[View]: ...

    def __getitem__(self, i: int | slice) -> View | Sequence[View]:
        if isinstance(i, slice):
            return tuple(map(self._make, self._items[i]))
        return self._make(self._items[i])

    def __iter__(self) -> Iterator[View]:
        return map(self._make, self._items)


@dataclass(frozen=True)
class SectionView:
    anchor: str
    title: str  # "" for the one unnamed section of a flat report
    articles: Sequence[ArticleView]
    # The same articles as the built-in TOC prints them (_toc.html): the articles' own views
    # when they are kept, light views made as they are asked for when not.
    toc: Sequence[ArticleView | TocView] = ()
    # The numbered articles themselves, for what needs only their anchors and headings.
    numbered: Sequence[present.NumberedArticle] = ()


@dataclass(frozen=True, slots=True)
class IndexLink:
    anchor: str
    number: int


@dataclass(frozen=True, slots=True)
class IndexLine:
    name: str
    detail: str | None
    links: tuple[IndexLink, ...]


@dataclass(frozen=True)
class IndexGroup:
    title: str
    lines: tuple[IndexLine, ...]


@dataclass(frozen=True, slots=True)
class ManifestItem:
    """A file of the EPUB, as content.opf lists it."""

    id: str
    href: str
    media_type: str
    spine: bool = False
    properties: str | None = None


@dataclass(slots=True)
class NcxPoint:
    """An entry of the EPUB's toc.ncx."""

    order: int
    label: str
    src: str
    children: Iterable[NcxPoint] = ()  # made as the template writes them


@dataclass(frozen=True)
class ReportView:
    """Everything the templates print, worded by present.py, in plain values."""

    title: str
    organisation: str | None
    org_lines: tuple[str, ...]  # a plain cover's organisation, a line each
    letterhead: Letterhead | None  # an official cover's two-column header (present.header)
    issue_line: str | None
    internal: str | None
    cover_period: str | None
    cover_count: str
    cover_place_date: str
    issued_iso: str
    grouped: bool
    sections: tuple[SectionView, ...]
    summary: present.Summary
    index: tuple[IndexGroup, ...]
    generator: str
    signature: SignatureBlock | None = None  # the last block: recipients and signer
    charts: tuple[chart.Figure, ...] = ()  # the overview's charts (present.chart), as SVG by chart.svg


def build_view(report: Report, date_style: str = "official", photo_url: PhotoUrl = data_uri,
               toc_summaries: bool = False, qr: bool = False, in_pieces: bool = False,
               bodies: bool = True, kept: bool = True) -> ReportView:
    """The view the templates print; `date_style` words the articles' dates (the cover's stays
    official); `photo_url` says where a page finds each photo; `in_pieces` (the WeasyPrint PDF)
    sets long paragraphs out in pieces. Without `bodies` (the brief, which prints its own items)
    the articles' views hold their headings and lines, not their text. Without `kept` each
    article's view is made whenever a template asks for it (ArticleViews): for a page written
    as it is made, which goes through the articles twice; a format that goes through them more
    often keeps them."""

    def make(item: present.NumberedArticle) -> ArticleView:
        a = item.article
        if not bodies:
            item = dataclasses.replace(item, article=dataclasses.replace(a, blocks=(), lead=None))
        view = _article_view(item, date_style, photo_url, report.highlight, in_pieces)
        if toc_summaries:
            view = dataclasses.replace(view, toc_summary=brief_summary(a))
        if qr and a.url:
            view = dataclasses.replace(view, qr=Markup(present_qr.svg(a.url)))
        return view

    def make_toc(item: present.NumberedArticle) -> TocView:
        a = item.article
        return TocView(item.anchor, marked_filter(item.heading, report.highlight), plain_filter(item.heading),
                       present.toc_subtitle(a, date_style),
                       brief_summary(a) if toc_summaries else None)

    sections = []
    # Only the articles the appendix names need a link of their own.
    named = {i for entry in report.index for i in entry.article_ids}
    anchors: dict[str, IndexLink] = {}
    for numbered_section in present.outline(report):
        for item in numbered_section.articles:
            if item.article.id in named:
                anchors.setdefault(item.article.id, IndexLink(item.anchor, item.number))
        views: Sequence[ArticleView] = ArticleViews(numbered_section.articles, make)
        toc: Sequence[ArticleView | TocView] = ArticleViews(numbered_section.articles, make_toc)
        if kept:
            views = tuple(views)
            toc = views
        sections.append(SectionView(numbered_section.anchor, numbered_section.heading, views, toc,
                                    numbered_section.articles))
    return ReportView(
        title=report.title,
        organisation=report.organisation,
        org_lines=header.org_lines(report),
        letterhead=header.letterhead(report),
        issue_line=header.issue_line(report),
        internal=header.internal_line(report),
        cover_period=present.cover_period(report),
        cover_count=present.cover_count(report),
        cover_place_date=present.cover_place_date(report),
        issued_iso=report.issued.isoformat(),
        grouped=report.grouped,
        sections=tuple(sections),
        summary=present.summary(report),
        index=_index_groups(report.index, anchors),
        generator=f"tgreport {__version__}",
        charts=tuple(chart.figure(c, chart.WIDTH) for c in chart.charts(report)),
        signature=signature(report),
    )


def marked_filter(value: object, terms: tuple[str, ...]) -> Markup:
    """text_filter, with the highlight terms (present.highlight) in <mark>."""
    if not terms:
        return text_filter(value)
    return Markup("".join(Markup("<mark>") + text_filter(piece) + Markup("</mark>") if hit
                          else text_filter(piece) for piece, hit in pieces(str(value), terms)))


def _article_view(item: present.NumberedArticle, date_style: str, photo_url: PhotoUrl = data_uri,
                  terms: tuple[str, ...] = (), in_pieces: bool = False) -> ArticleView:
    """`terms` (Report.highlight) are marked in the title, the lead and the text."""
    a = item.article
    byline = present.byline(a)
    texts = [item.heading, present.meta_line(a, date_style), a.lead or "", byline or ""]
    if terms:
        escaped = [marked_filter(texts[0], terms), text_filter(texts[1]), marked_filter(texts[2], terms),
                   text_filter(texts[3])] + [marked_filter(t, terms) for t in _block_texts(a.blocks)]
    else:
        escaped = text_filters(texts + _block_texts(a.blocks))
    return ArticleView(
        anchor=item.anchor,
        number=item.number,
        heading=escaped[0],
        heading_text=plain_filter(item.heading),
        derived_note=present.DERIVED_TITLE_NOTE if a.title_derived or not a.title else None,
        meta=escaped[1],
        lead=escaped[2] if a.lead else None,
        blocks=tuple(_block_views(a.blocks, escaped[4:], photo_url, in_pieces, terms)),
        byline=escaped[3] if byline else None,
        toc_subtitle=present.toc_subtitle(a, date_style),
        **_source_view(a, date_style),
    )


def _source_view(a: Article, date_style: str) -> dict[str, Markup | None]:
    line = present.source_line(a, date_style)
    return {"source": text_filter(line) if line else None,
            "source_url": escape(a.url) if line and a.url else None}


def _index_groups(entries: Iterable[IndexEntry], anchors: dict[str, IndexLink]) -> tuple[IndexGroup, ...]:
    groups: dict[str, list[IndexLine]] = {}
    for entry in entries:
        links = tuple(anchors[i] for i in entry.article_ids if i in anchors)
        missing = [i for i in entry.article_ids if i not in anchors]
        if missing:
            log.warning("index entry %r names articles not in the report: %s", entry.name, missing)
        groups.setdefault(entry.kind, []).append(IndexLine(entry.name, entry.detail, links))
    return tuple(
        IndexGroup(present.INDEX_KIND_TITLES.get(kind, kind), tuple(lines)) for kind, lines in groups.items()
    )
