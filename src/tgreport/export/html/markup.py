"""Markup the page templates call for their longest loops: TOC entries and index links."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from markupsafe import Markup, escape

from tgreport.export.html.view import (
    AROUND,
    CREDIT_AROUND,
    ArticleView,
    Blocks,
    BlockView,
    IndexLink,
    TocView,
    list_tags,
    numbered_subheads,
    photo_around,
    text_filter,
)

Link = Callable[[str], str]


def toc_articles(articles: Iterable[ArticleView | TocView], link: Link) -> Markup:
    """The TOC's entries for `articles`: link, title, the date/source line under it, and the
    article's summary when the view carries one (Settings.toc_summaries)."""
    return Markup("".join([toc_article(a, link) for a in articles]))


def toc_article(a: ArticleView | TocView, link: Link) -> Markup:
    """One TOC entry (the built-in _toc.html writes them one at a time, so a large report's TOC
    is written as it is made rather than held as one string). The title is the plain one:
    highlighted terms are marked in the article, not in the TOC (as in every format)."""
    return Markup(
        f'<li class="toc-article"><a href="{escape(link(a.anchor))}"><span class="toc-heading">'
        f'{text_filter(a.heading_text)}</span></a>'
        f'<span class="toc-sub">{escape(a.toc_subtitle)}</span>'
        + (f'<span class="toc-summary">{escape(a.toc_summary)}</span>' if a.toc_summary else "")
        + "</li>\n"
    )


def index_links(links: Iterable[IndexLink], link: Link, label: str, css_class: str = "index-link") -> Markup:
    """An index line's links to the articles citing it: "Bài 3; Bài 17" as links."""
    label_html = escape(label)
    start = f'<a class="{escape(css_class)}" href="'
    links = tuple(links)
    hrefs = _escaped([link(i.anchor) for i in links])
    return Markup("; ".join([f'{start}{href}">{label_html}&#160;{i.number}</a>'
                             for i, href in zip(links, hrefs, strict=True)]))


def _escaped(texts: list[str]) -> list[str]:
    """`[str(escape(t)) for t in texts]`, escaped together: an index line links to dozens of
    articles, and escape() costs more per call than per character."""
    joined = "\n".join(texts)
    if joined.count("\n") != len(texts) - 1:  # a text with a line break (none of ours): one by one
        return [str(escape(t)) for t in texts]
    return str(escape(joined)).split("\n") if texts else []


def index_numbers(links: Iterable[IndexLink], label: str) -> Markup:
    """The same as plain text ("Bài 3; Bài 17"): the PDF links each article once, in a key."""
    label_html = escape(label)
    return Markup("; ".join([f"{label_html}&#160;{i.number}" for i in links]))


def article_blocks(blocks: Iterable[BlockView], level: int) -> Markup:
    """An article's blocks (ArticleView.blocks) as the built-in _article.html prints them, under
    its heading of `level`: one call for the article rather than a template loop with a test per
    kind for each paragraph. The texts are escaped already."""
    if isinstance(blocks, Blocks):
        return blocks.markup(level)
    out: list[str] = []  # blocks a template picked itself (a slice of them): one at a time
    for kind, text, credit, items in blocks:
        if kind == "photo":
            before, after = photo_around(items[0], items[1])
        elif kind == "list" or kind == "olist":
            start, end = list_tags(kind)
            out += (start, *(f"<li>{item}</li>" for item in items), end)
            continue
        else:
            before, after = AROUND.get(kind, AROUND["paragraph"])
        note = f"{CREDIT_AROUND[0]}{credit}{CREDIT_AROUND[1]}" if kind == "caption" and credit else ""
        out.append(f"{before}{text}{note}{after}")
    return Markup(numbered_subheads("".join(out), level))
