"""Text → ReportLab paragraphs: NFC, escaped, so tag-like text prints literally."""

from __future__ import annotations

import re
import unicodedata
import weakref
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import cleanBlockQuotedText

from tgreport.export.pdf.plain import PlainParagraph
from tgreport.present.highlight import pieces

# Control characters other than tab/newline would reach the PDF as .notdef boxes.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# What ReportLab's whitespace cleaner would change: any space but a single inner " " (its
# spaces are Python's, plus the zero-width space). One character class for the regex engine to
# skip to, the rest substring tests: the five-way alternation was tried at every character.
_OTHER_SPACE = re.compile(r"[^\S ]")


def _untidy(text: str) -> bool:
    return (_OTHER_SPACE.search(text) is not None or "\u200b" in text or "  " in text
            or text[:1] == " " or text[-1:] == " ")


def escape(text: str) -> str:
    """`text` as literal paragraph markup: "<para>", "&amp;", "<font name=x>" print as written.

    Document codes ("05-CT/TW", "30/2020/NĐ-CP") need nothing here: they contain no space, and
    the styles turn off hyphenation and breaking at embedded hyphens (see styles.py), so
    ReportLab's line breaker, which breaks only at spaces, never splits them.
    """
    text = unicodedata.normalize("NFC", _CONTROL.sub("", text))
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def bold(text: str) -> str:
    return f"<b>{escape(text)}</b>"


def italic(text: str) -> str:
    return f"<i>{escape(text)}</i>"


_templates: weakref.WeakKeyDictionary[ParagraphStyle, Any] = weakref.WeakKeyDictionary()


def paragraph(text: str, style: ParagraphStyle, bullet: str | None = None) -> Paragraph:
    """A Paragraph of plain `text` (no markup), built without ReportLab's markup parser.

    Parsing is a tenth of a large digest's render time and plain text needs none of it: the one
    fragment the parser would make is cloned from a parsed sample in the same style, and the
    whitespace is cleaned by ReportLab's own cleaner, so the layout is the same.
    """
    clean = unicodedata.normalize("NFC", _CONTROL.sub("", text))
    if _untidy(clean):  # most text is tidy already: the cleaner would return it as is
        clean = cleanBlockQuotedText(clean)
    template = _templates.get(style)
    if template is None:
        template = _templates[style] = Paragraph("x", style).frags[0]
    frags = [template.clone(text=clean)] if clean else []
    markup = clean.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return PlainParagraph(markup, style, bulletText=bullet, frags=frags)


MARK_BACKGROUND = "#e6e6e6"  # behind a highlighted term: a light grey any printer keeps


def marked(text: str, style: ParagraphStyle, terms: tuple[str, ...], bullet: str | None = None) -> Paragraph:
    """`text` with the highlight terms (present.highlight) in bold on a light background; the
    plain paragraph when none occurs."""
    body = marked_markup(text, terms)
    return paragraph(text, style, bullet) if body is None else Paragraph(body, style, bulletText=bullet)


def marked_markup(text: str, terms: tuple[str, ...]) -> str | None:
    """`text` as paragraph markup with the terms marked; None when no term occurs in it."""
    runs = pieces(text, terms) if terms else ()
    if not any(hit for _, hit in runs):
        return None
    return "".join(f'<span backColor="{MARK_BACKGROUND}"><b>{escape(piece)}</b></span>' if hit
                   else escape(piece) for piece, hit in runs)
