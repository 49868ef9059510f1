"""A ReportLab Paragraph for plain text that breaks its lines without ReportLab's per-word overhead.

Line breaking is most of a large digest's layout time. For a paragraph of one plain-text
fragment, ReportLab's breakLines pops words off the front of a list (quadratic in the number of
words) and measures each word through the font registry. Vietnamese prose repeats a few
thousand syllables, so here each font size keeps a word → width table, and the words are walked
once. Everything else — the arithmetic, the squeezing of spaces allowed by spaceShrinkage, the
lines it returns — is ReportLab's own, so the layout and the PDF bytes are unchanged
(tests/pdf/test_pdf_plain.py compares the two on random Vietnamese text). Any paragraph the fast
path does not cover (bullets, soft hyphens, hyphenation, bidi, shaping) goes to ReportLab's
breakLines, and so do words wider than a line, but for HUGE_WORD letters and more: those are cut
into line-wide pieces in one pass (`_cut_wide_words`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.pdfbase.pdfmetrics import getAscentDescent, getFont
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import split, strip

_SOFT_HYPHEN = "\xad"
# Words at least this long are cut by `_cut_wide_words`, each piece starting a line; shorter
# words wider than a line (URLs, codes) keep ReportLab's splitting, which may start one mid-line.
HUGE_WORD = 500
_CACHE_LIMIT = 100_000  # distinct words per font and size; a 5,000-article digest uses ~30,000
_widths: dict[tuple[str, float], dict[str, float]] = {}


def _width_table(font_name: str, size: float) -> dict[str, float]:
    table = _widths.get((font_name, size))
    if table is None:
        table = _widths[font_name, size] = {}
    return table


class PlainParagraph(Paragraph):  # type: ignore[misc]
    """A Paragraph whose single plain fragment is broken into lines by `_break_plain`."""

    def breakLines(self, width: float | list[float] | tuple[float, ...]) -> Any:
        lines = self._break_plain(list(width) if isinstance(width, (list, tuple)) else [width])
        return lines if lines is not None else super().breakLines(width)

    def _break_plain(self, widths: list[float]) -> Any:
        """ReportLab's simple-case line breaking, or None when this paragraph is not that case."""
        style = self.style
        frags = self.frags
        if len(frags) != 1 or self.bulletText or not _plain_style(style):
            return None
        frag = frags[0]
        if hasattr(frag, "cbDefn") or hasattr(frag, "backColor"):
            return None
        if hasattr(frag, "text"):
            text = strip(frag.text)
            if _SOFT_HYPHEN in text:
                return None
            words = split(text) if text else []
        else:
            words = list(frag.words)  # the second part of a paragraph split at a page end
            # ReportLab marks the pieces of a word it split with str subclasses: not plain.
            if any(type(w) is not str or _SOFT_HYPHEN in w for w in words):
                return None
            if not any(strip(w) for w in words):
                words = []
        font_name, size = frag.fontName, frag.fontSize
        ascent, descent = getAscentDescent(font_name, size)
        self._width_max: float = 0
        self.height = 0
        self._splitLongWordCount = self._hyphenations = 0
        if not words:
            return frag.clone(kind=0, lines=[], ascent=ascent, descent=descent, fontSize=size)
        table = _width_table(font_name, size)
        try:
            measured = [table[word] for word in words]
        except KeyError:  # a word not seen before in this font and size: measure them all
            if len(table) > _CACHE_LIMIT:
                table.clear()
            font = getFont(font_name)
            measured = [font.stringWidth(word, size, self.encoding) for word in words]
            table.update(zip(words, measured, strict=True))
        narrowest = min(widths)
        if max(measured) > narrowest:
            if max(len(w) for w in words) < HUGE_WORD:
                return None  # a word wider than a line: ReportLab splits it (splitLongWords)
            # A pasted blob: cut into line-wide pieces here, in one pass over its letters;
            # ReportLab's splitter measures each letter through the font registry and copies the
            # piece so far at each, a minute and a half for a 10 MB word.
            font = getFont(font_name)
            words, measured = _cut_wide_words(words, measured, narrowest, table,
                                              lambda c: font.stringWidth(c, size, self.encoding))

        space = table.get(" ")
        if space is None:
            space = table[" "] = getFont(font_name).stringWidth(" ", size, self.encoding)
        shrink = style.spaceShrinkage * space
        last = len(widths) - 1
        lineno = 0
        max_width = widths[0]
        lines: list[tuple[float, list[str]]] = []
        line: list[str] = []
        current = -space  # as ReportLab: no space before the first word
        widest = 0.0
        for word, w in zip(words, measured, strict=True):
            new = current + space + w
            if new <= max_width + shrink * len(line) or not line:
                line.append(word)
                current = new
            else:
                widest = max(widest, current)
                lines.append((max_width - current, line))
                line = [word]
                current = w
                lineno += 1
                max_width = widths[min(last, lineno)]
        widest = max(widest, current)
        lines.append((max_width - current, line))
        self._width_max = widest
        return frag.clone(kind=0, lines=lines, ascent=ascent, descent=descent, fontSize=size)


def _cut_wide_words(
    words: list[str], measured: list[float], line: float, table: dict[str, float],
    measure: Callable[[str], float],
) -> tuple[list[str], list[float]]:
    """`words` with each word wider than `line` cut into pieces that each fit one, widths kept
    alongside. Each piece fills its line but for one letter, so the breaker puts every piece on
    a line of its own, as ReportLab's splitLongWords does."""
    out_words: list[str] = []
    out_widths: list[float] = []
    for word, width in zip(words, measured, strict=True):
        if width <= line:
            out_words.append(word)
            out_widths.append(width)
            continue
        start, filled = 0, 0.0
        for i, letter in enumerate(word):
            w = table.get(letter)
            if w is None:
                w = table[letter] = measure(letter)
            if filled + w > line and i > start:
                out_words.append(word[start:i])
                out_widths.append(filled)
                start, filled = i, 0.0
            filled += w
        out_words.append(word[start:])
        out_widths.append(filled)
    return out_words, out_widths


def _plain_style(style: Any) -> bool:
    """No feature that makes ReportLab's breaker do more than fit words at spaces."""
    wrap = style.wordWrap
    return not (
        style.endDots
        or getattr(style, "shaping", 0)
        or getattr(style, "hyphenationLang", "")
        or style.uriWasteReduce
        or style.embeddedHyphenation
        or (wrap and wrap.upper() in ("RTL", "LTR", "CJK"))
    )
