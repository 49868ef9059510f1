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
from tgreport.model import Article, Block, Caption, Image, IndexEntry, ListBlock, Paragraph, Picture, Report
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


def text_filter(value: object) -> Markup:
    """Article text as escaped markup, with document codes kept on one line."""
    return Markup(_filtered(str(value)))


def _filtered(text: str) -> str:
    """text_filter's text, as a plain string."""
    if not text.isprintable():  # cheap test first: nearly all text has nothing to remove
        text = _NOT_XML.sub("", text)
    # Escaping leaves letters, digits, "-" and "/" alone, so codes match the same afterwards,
    # and no entity ("&#34;", "&amp;") looks like a code. A plain str: Markup's slicing,
    # which _wrap_codes does, makes a Markup of every slice.
    return _wrap_codes(str(escape(text)))


# Joins an article's texts for text_filters: printable, left alone by escaping, not a word
# character (so \b and the digit runs of document codes stop at it, as at a text's ends), and
# all but absent from Vietnamese news; a text that has it is escaped on its own instead.
_JOIN = "\u00a4"


def text_filters(texts: Sequence[str]) -> list[str]:
    """`[str(text_filter(t)) for t in texts]`, in one pass over their joined text: an article's
    paragraphs are many short texts, and the filter's steps cost more per call than per
    character. Plain strings: the built-in article markup joins them without a Markup each."""
    joined = _JOIN.join(texts)
    if joined.count(_JOIN) != len(texts) - 1:
        return [_filtered(t) for t in texts]
    return _filtered(joined).split(_JOIN) if texts else []


def _wrap_codes(escaped: str) -> str:
    """`_DOC_CODE.sub(_wrap_code, escaped)`, with the pattern tried only where a code can start.

    A code's first "-" or "/" follows its leading digits, so a match can start only at the
    digit run before such a sign: tried there, not at every position of a long paragraph. The
    signs are found with str.find, which skips through text far faster than a pattern's scan.
    """
    signs = _positions(escaped, "-") + _positions(escaped, "/")
    if not signs:
        return escaped
    signs.sort()
    out: list[str] = []
    done = 0
    for sign in signs:
        if sign < done or sign == 0 or not escaped[sign - 1].isdecimal():  # \d is isdecimal (Nd)
            continue
        start = sign - 1  # the digit before the sign; now back to the run's first digit
        while start > done and escaped[start - 1].isdecimal():
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


def _positions(text: str, sign: str) -> list[int]:
    found = []
    at = text.find(sign)
    while at >= 0:
        found.append(at)
        at = text.find(sign, at + 1)
    return found


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

PhotoUrl = Callable[[Picture], str]  # where a page finds a photo: a data: URI, or a file in the book


def data_uri(picture: Picture) -> str:
    """The photo inside the page itself: the self-contained HTML, and WeasyPrint's PDF."""
    return f"data:{picture.media_type};base64,{base64.b64encode(picture.data).decode('ascii')}"


# The markup around a block's text, by kind, as the built-in _article.html writes it (see
# Blocks); "h_" is a subheading's tag, numbered when the article's heading level is known.
AROUND = {
    "paragraph": ("<p>", "</p>\n"),
    "heading": ('<h_ class="subhead">', "</h_>\n"),
    "caption": ('<figure class="caption"><figcaption>', "</figcaption></figure>\n"),
    "image": ('<figure class="image"><figcaption class="image-name">', "</figcaption></figure>\n"),
    "quote": ("<blockquote><p>", "</p></blockquote>\n"),
    "related": ('<p class="related">', "</p>\n"),
}
CREDIT_AROUND = (' <span class="credit">(', ")</span>")  # a caption's credit, inside its figcaption


def photo_around(src: str, width: str) -> tuple[str, str]:
    """The markup around a photo's text, its alternative text."""
    return f'<figure class="photo"><img src="{src}" alt="', f'" style="width: {width}"/></figure>\n'


def list_tags(kind: str) -> tuple[str, str]:
    tag = "ul" if kind == "list" else "ol"
    return f'<{tag} class="list">', f"</{tag}>\n"


def numbered_subheads(markup: str, level: int) -> str:
    """`markup` with its subheadings' tags ("h_") numbered for an article heading of `level`.
    Escaped text has no "<": only markup written here can hold one."""
    sub = level + 1
    return markup.replace('<h_ class="subhead">', f'<h{sub} class="subhead">').replace("</h_>", f"</h{sub}>")


class Blocks(Sequence[BlockView]):
    """An article's blocks as the templates print them.

    The built-in _article.html has them written at once (`markup`, by the `blocks` filter): their
    escaped texts and the markup around them (`frame`, one more than the texts: before the
    first, between each two, after the last), laid out as the article's view is made, joined.
    A template of a user's own may go through them as (kind, text, credit, items) views
    (BlockView), made as it does."""

    __slots__ = ("_blocks", "_frame", "_photos", "_subheads", "_texts")

    def __init__(self, blocks: tuple[Block, ...], texts: list[str], frame: list[str],
                 photos: list[tuple[Markup, Markup, Markup]], subheads: bool) -> None:
        self._blocks, self._texts, self._frame, self._photos = blocks, texts, frame, photos
        self._subheads = subheads

    def markup(self, level: int) -> Markup:
        """The blocks' markup under an article heading of `level`."""
        joined = [""] * (2 * len(self._texts) + 1)
        joined[0::2] = self._frame
        joined[1::2] = self._texts
        text = "".join(joined)
        return Markup(numbered_subheads(text, level) if self._subheads else text)

    def __len__(self) -> int:
        return len(self._blocks)

    @overload
    def __getitem__(self, i: int) -> BlockView: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[BlockView]: ...

    def __getitem__(self, i: int | slice) -> BlockView | Sequence[BlockView]:
        return tuple(self)[i]

    def __iter__(self) -> Iterator[BlockView]:
        texts, photos = iter(self._texts), iter(self._photos)
        for block in self._blocks:
            if isinstance(block, ListBlock):
                items = tuple(Markup(next(texts)) for _ in block.items)
                yield ("olist" if block.ordered else "list", Markup(""), None, items)
                continue
            text = Markup(next(texts))
            if isinstance(block, Image) and block.picture is not None:
                # A photo: its address and printed width and height ride in the items.
                yield ("photo", text, None, next(photos))
                continue
            credit = Markup(next(texts)) if isinstance(block, Caption) and block.credit else None
            yield (block.type, text, credit, _NO_ITEMS)


# An article's blocks laid out (_layout): the texts to escape, in order; the markup around them
# (Blocks); each photo's items; whether a subheading is among them; the paragraphs to print in
# pieces, by their position in the texts. A tuple: making a dataclass adds to every run's start-up.
_Layout = tuple[list[str], list[str], list[tuple[Markup, Markup, Markup]], bool, list[tuple[int, str]]]


def _layout(blocks: tuple[Block, ...], photo_url: PhotoUrl, in_pieces: bool) -> _Layout:
    """`blocks` laid out for Blocks. The photos' addresses are asked for here, once, in order."""
    texts: list[str] = []
    frame: list[str] = []
    photos: list[tuple[Markup, Markup, Markup]] = []
    long: list[tuple[int, str]] = []
    subheads = False
    pending = ""  # the markup before the next text
    for block in blocks:
        if type(block) is Paragraph and not in_pieces:  # most blocks: the short way
            frame.append(pending + "<p>")
            texts.append(block.text)
            pending = "</p>\n"
            continue
        if isinstance(block, ListBlock):
            start, end = list_tags("olist" if block.ordered else "list")
            pending += start
            for item in block.items:
                frame.append(pending + "<li>")
                texts.append(item)
                pending = "</li>"
            pending += end
            continue
        kind = block.type
        text = block.text
        if isinstance(block, Image) and block.picture is not None:
            picture = block.picture
            items = (escape(photo_url(picture)), Markup(f"{picture.width_pt:.1f}pt"),
                     Markup(f"{picture.height_pt:.1f}pt"))
            photos.append(items)
            before, after = photo_around(items[0], items[1])
        else:
            before, after = AROUND.get(kind, AROUND["paragraph"])
            if kind == "related":  # worded as in every format: "Bài liên quan: …"
                text = present.RELATED_PREFIX + text
            elif kind == "heading":
                subheads = True
            elif in_pieces and kind == "paragraph" and len(text) > paragraph_pieces.LONG_PARAGRAPH:
                long.append((len(texts), text))
        frame.append(pending + before)
        texts.append(text)
        pending = after
        if isinstance(block, Caption) and block.credit:  # "Ảnh: …", as in every format
            frame.append(CREDIT_AROUND[0])
            texts.append(present.CAPTION_CREDIT.format(credit=block.credit))
            pending = CREDIT_AROUND[1] + after
    frame.append(pending)
    return texts, frame, photos, subheads, long


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
    # Each (kind, text, credit, items): kind is paragraph, heading, caption, image, photo,
    # quote, list, olist or related (a photo's items: its address, printed width and height);
    # tuples rather than objects, because a template's loop unpacks them without a sandboxed
    # attribute lookup each. The built-in template has them written at once (Blocks.markup).
    blocks: Blocks
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
    title: str  # the numbered heading, as present.NumberedArticle words it
    terms: tuple[str, ...]  # the report's highlight terms
    toc_subtitle: str
    toc_summary: str | None = None

    # Each escaped when a template asks for it: the HTML page's TOC prints only the plain one,
    # the EPUB's navigation only the marked one.
    @property
    def heading(self) -> Markup:
        """As the article's heading: escaped, the highlight terms marked."""
        return marked_filter(self.title, self.terms)

    @property
    def heading_text(self) -> str:
        return plain_filter(self.title)


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
        return TocView(item.anchor, item.heading, report.highlight, present.toc_subtitle(a, date_style),
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
    """`terms` (Report.highlight) are marked in the title, the lead and the text. With
    `in_pieces`, a long paragraph's text is its pieces (see pieces_markup)."""
    a = item.article
    byline = present.byline(a)
    blocks = a.blocks
    body, frame, photos, subheads, long = _layout(blocks, photo_url, in_pieces)
    heading = item.heading  # worked out from the article on every ask
    head = [heading, present.meta_line(a, date_style), a.lead or "", byline or ""]
    if terms:
        escaped = [marked_filter(head[0], terms), _filtered(head[1]), marked_filter(head[2], terms),
                   _filtered(head[3])] + [marked_filter(t, terms) for t in body]
    else:
        escaped = text_filters(head + body)
    texts = escaped[4:]
    for at, text in long:
        texts[at] = pieces_markup(text, terms)
    return ArticleView(
        anchor=item.anchor,
        number=item.number,
        heading=Markup(escaped[0]),
        heading_text=plain_filter(heading),
        derived_note=present.DERIVED_TITLE_NOTE if a.title_derived or not a.title else None,
        meta=Markup(escaped[1]),
        lead=Markup(escaped[2]) if a.lead else None,
        blocks=Blocks(blocks, texts, frame, photos, subheads),
        byline=Markup(escaped[3]) if byline else None,
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
