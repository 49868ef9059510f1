"""Repeated markup (articles, TOC entries, index links) written in Python, as the macros write it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from tgreport.export.html.view import ArticleView, IndexLink, SectionView, text_filter

# The built-in `_article.html` stays the reference and the extension point: a user's override
# of it is used instead of these functions (htmlbase.macros_for). Python, because a Jinja loop
# pays a sandboxed attribute lookup per field and a frame per macro call; tests/html/
# test_markup.py holds the two byte for byte equal.

Link = Callable[[str], str]

# Block kinds written as one element around the text; the rest are handled one by one below.
_SIMPLE = {
    "paragraph": ("<p>", "</p>\n"),
    "image": ('<figure class="image"><figcaption class="image-name">', "</figcaption></figure>\n"),
    "quote": ("<blockquote><p>", "</p></blockquote>\n"),
    "related": ('<p class="related">', "</p>\n"),
}


def article(a: ArticleView, level: int) -> Markup:
    """One article as `_article.html`'s `article(a, level)` macro writes it."""
    sub = level + 1
    out = [
        f'<article id="{escape(a.anchor)}" class="article">\n<header class="article-head">\n'
        f'<h{level} class="article-title">{a.heading}</h{level}>\n'
    ]
    if a.derived_note:
        out.append(f'<p class="derived-note">{escape(a.derived_note)}</p>\n')
    if a.meta:
        out.append(f'<p class="meta">{a.meta}</p>\n')
    out.append("</header>\n")
    if a.lead:
        out.append(f'<p class="lead">{a.lead}</p>\n')
    for kind, text, credit, items in a.blocks:
        simple = _SIMPLE.get(kind)
        if simple is not None:
            out += (simple[0], text, simple[1])
        elif kind == "heading":
            out.append(f'<h{sub} class="subhead">{text}</h{sub}>\n')
        elif kind == "caption":
            credit_html = f' <span class="credit">({credit})</span>' if credit else ""
            out.append(f'<figure class="caption"><figcaption>{text}{credit_html}</figcaption></figure>\n')
        elif kind == "list" or kind == "olist":
            tag = "ul" if kind == "list" else "ol"
            out.append(f'<{tag} class="list">{"".join(f"<li>{i}</li>" for i in items)}</{tag}>\n')
        else:  # an unknown kind reads as a paragraph, as in the macro
            out += ("<p>", text, "</p>\n")
    if a.byline:
        out.append(f'<p class="byline">{a.byline}</p>\n')
    out.append("</article>\n")
    return Markup("".join(out))


def section_head(s: SectionView) -> Markup:
    return Markup(f'<h2 class="section-title">{text_filter(s.title)}</h2>\n')


def section_articles(s: SectionView, grouped: bool, link: Link | None = None) -> Markup:
    """A section's articles, inside a titled <section> when the report is grouped."""
    if not grouped:
        return Markup("".join([article(a, 2) for a in s.articles]))
    body = "".join([article(a, 3) for a in s.articles])
    return Markup(f'<section id="{escape(s.anchor)}" class="section">\n{section_head(s)}\n{body}</section>\n')


def toc_articles(articles: Iterable[ArticleView], link: Link) -> Markup:
    """The TOC's entries for `articles`: link, title and the date/source line under it."""
    return Markup(
        "".join(
            [
                f'<li class="toc-article"><a href="{escape(link(a.anchor))}"><span class="toc-heading">'
                f'{a.heading}</span></a><span class="toc-sub">{escape(a.toc_subtitle)}</span></li>\n'
                for a in articles
            ]
        )
    )


def index_links(links: Iterable[IndexLink], link: Link, label: str, css_class: str = "index-link") -> Markup:
    """An index line's links to the articles citing it: "Bài 3; Bài 17" as links."""
    label_html = escape(label)
    start = f'<a class="{escape(css_class)}" href="'
    return Markup(
        "; ".join([f'{start}{escape(link(i.anchor))}">{label_html}&#160;{i.number}</a>' for i in links])
    )


def index_numbers(links: Iterable[IndexLink], label: str) -> Markup:
    """The same as plain text ("Bài 3; Bài 17"): the PDF links each article once, in a key."""
    label_html = escape(label)
    return Markup("; ".join([f"{label_html}&#160;{i.number}" for i in links]))


@dataclass(frozen=True)
class ArticleMacros:
    """What the page templates call to write articles: these functions, or a user's macros."""

    article: Callable[..., Any]
    section_head: Callable[..., Any]
    section_articles: Callable[..., Any]

    def context(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "section_head": self.section_head,
            "section_articles": self.section_articles,
        }


BUILTIN = ArticleMacros(article, section_head, section_articles)


def from_template(module: Any) -> ArticleMacros:
    """The macros of a user's own `_article.html` (a Jinja template module)."""
    return ArticleMacros(module.article, module.section_head, module.section_articles)
