"""Text → ReportLab paragraph markup: NFC, escaped, so tag-like text prints literally."""

from __future__ import annotations

import re
import unicodedata

# Control characters other than tab/newline would reach the PDF as .notdef boxes.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


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
