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

import copy
import weakref
from collections.abc import Callable
from itertools import chain
from typing import Any

from reportlab.pdfbase.pdfmetrics import getAscentDescent, getFont
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import ParaLines, split, strip

_SOFT_HYPHEN = "\xad"
# Words at least this long are cut by `_cut_wide_words`, each piece starting a line; shorter
# words wider than a line (URLs, codes) keep ReportLab's splitting, which may start one mid-line.
HUGE_WORD = 500
_CACHE_LIMIT = 100_000  # distinct words per font and size; a 5,000-article digest uses ~30,000
_NO_ROOM = (0, 0x7FFFFFFF)  # what Paragraph.wrap returns for a width too small to hold anything


class _Widths(dict[str, float]):
    """word → its width in one font and size, measured the first time it is asked for."""

    def __init__(self, font_name: str, size: float) -> None:
        super().__init__()
        self.font = getFont(font_name)
        self.size = size
        self.ascent_descent: tuple[float, float] = getAscentDescent(font_name, size)

    def __missing__(self, word: str) -> float:
        width: float = self.font.stringWidth(word, self.size, "utf8")
        self[word] = width
        return width


_widths: dict[tuple[str, float], _Widths] = {}


def _width_table(font_name: str, size: float) -> _Widths:
    table = _widths.get((font_name, size))
    if table is None or len(table) > _CACHE_LIMIT:
        table = _widths[font_name, size] = _Widths(font_name, size)
    return table


class PlainParagraph(Paragraph):  # type: ignore[misc]
    """A Paragraph whose single plain fragment is broken into lines by `_break_plain`.

    Its lines are worked out once per width: the article's tail (tails.py), KeepTogether and
    the frame each wrap the same paragraph, and the two parts of a paragraph split at a page
    end are given their lines, which are the whole's (see `split`).
    """

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        key = self.__dict__.get("_wrapped")
        if key is not None and key[0] == availWidth and key[1] is self.style and "blPara" in self.__dict__:
            return self.width, self.height
        self._wrapped = None
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        if size != _NO_ROOM:
            self._wrapped = (availWidth, self.style)
        return size

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        broken = self.__dict__.get("_broken")
        blPara = self.__dict__.get("blPara")
        if blPara is None or broken is None or broken[1] is not blPara.lines:
            broken = None  # lines ReportLab broke, or none yet: its split
        parts = self._split_lines(availWidth, availHeight, broken[1]) if broken else None
        if parts is None:
            parts = super().split(availWidth, availHeight)
        if len(parts) != 2:
            return parts
        head, tail = parts
        if tail.style.justifyLastLine == JUSTIFY_ALL:  # the tail of a head: its last line is the head's
            tail.style = _last_line_ragged(tail.style)
        if broken is None:
            return parts
        # The greedy breaker gives the head the whole's first lines (the words after them are
        # gone, nothing before them changed) and the tail, all of whose lines are as wide as
        # the whole's later ones, the rest. Each is used only if the part is wrapped to those
        # widths (checked in `_break_plain`).
        widths, lines, ends = broken
        cut = len(head.blPara.lines)
        head._given = (widths, lines[:cut], ends[:cut])
        tail._given = ([widths[-1], widths[-1]], lines[cut:], ends[cut:])
        return parts

    def _split_lines(self, availWidth: float, availHeight: float, lines: list[Any]) -> list[Any] | None:
        """Paragraph.split for lines this class broke, or None for a case it leaves to it.

        ReportLab's split hands each part the words of its lines one at a time through a
        generator; here they are chained in one C call. It marks the head so that its last line,
        not the paragraph's, is justified; here the head's style says so (JUSTIFY_ALL), and the
        tail of a head split again has it taken off, as ReportLab's tail has no mark. The
        decisions, attributes and styles are otherwise ReportLab's: the parts draw the same
        bytes (tests/export/pdf/test_pdf_plain.py).
        """
        style = self.style
        if (availWidth < 1 or availHeight < 1 or style.justifyLastLine not in (0, JUSTIFY_ALL)
                or style.endDots
                or getattr(self, "autoLeading", getattr(style, "autoLeading", "")) not in ("", "off")):
            return None
        leading = style.leading
        s = int(availHeight / float(leading))
        allow_orphans = getattr(self, "allowOrphans", getattr(style, "allowOrphans", 0))
        if (not allow_orphans and s <= 1) or s == 0:  # an orphan, or no room
            del self.blPara
            return []
        n = len(lines)
        if n <= s:
            return [self]
        if not getattr(self, "allowWidows", getattr(style, "allowWidows", 1)) and n == s + 1:
            if (allow_orphans and n == 3) or n > 3:
                s -= 1  # the widow's line takes one more with it
            else:
                del self.blPara
                return []
        head = self.__class__(None, _last_line_justified(style), bulletText=self.bulletText,
                              frags=_words_of(self.blPara, 0, s))
        head.blPara = ParaLines(kind=1, lines=lines[0:s], aH=availHeight, aW=availWidth)
        head.height = s * leading
        head.width = availWidth
        if style.firstLineIndent != 0:
            style = copy.deepcopy(style)
            style.firstLineIndent = 0
        tail = self.__class__(None, style, bulletText=None, frags=_words_of(self.blPara, s, n))
        if hasattr(self, "autoLeading"):
            head.autoLeading = tail.autoLeading = self.autoLeading
        return [head, tail]

    def breakLines(self, width: float | list[float] | tuple[float, ...]) -> Any:
        lines = self._break_plain(list(width) if isinstance(width, (list, tuple)) else [width])
        return lines if lines is not None else super().breakLines(width)

    def _break_plain(self, widths: list[float]) -> Any:
        """ReportLab's simple-case line breaking, or None when this paragraph is not that case."""
        self._broken: tuple[list[float], list[tuple[float, list[str]]], list[float]] | None = None
        style = self.style
        frags = self.frags
        if len(frags) != 1 or self.bulletText or not _plain_style(style):
            return None
        frag = frags[0]
        if hasattr(frag, "cbDefn") or hasattr(frag, "backColor"):
            return None
        font_name, size = frag.fontName, frag.fontSize
        table = _width_table(font_name, size)
        ascent, descent = table.ascent_descent
        given = self.__dict__.pop("_given", None)
        if given is not None and given[0] == widths:
            return self._lines(frag, given[0], given[1], given[2], ascent, descent)
        if hasattr(frag, "text"):
            text = strip(frag.text)
            if _SOFT_HYPHEN in text:
                return None
            # ReportLab's split is str.split but for no-break spaces, which it keeps inside words.
            words = (text.split() if "\xa0" not in text else split(text)) if text else []
        else:
            words = list(frag.words)  # the second part of a paragraph split at a page end
            # ReportLab marks the pieces of a word it split with str subclasses: not plain.
            if any(type(w) is not str or _SOFT_HYPHEN in w for w in words):
                return None
            if not any(strip(w) for w in words):
                words = []
        if not words:
            return self._lines(frag, widths, [], [], ascent, descent)
        measured = list(map(table.__getitem__, words))  # dict's C lookup; __missing__ measures
        narrowest = min(widths)
        if max(measured) > narrowest:
            if max(len(w) for w in words) < HUGE_WORD:
                return None  # a word wider than a line: ReportLab splits it (splitLongWords)
            # A pasted blob: cut into line-wide pieces here, in one pass over its letters;
            # ReportLab's splitter measures each letter through the font registry and copies the
            # piece so far at each, a minute and a half for a 10 MB word.
            words, measured = _cut_wide_words(words, measured, narrowest, table,
                                              lambda c: table.font.stringWidth(c, size, "utf8"))

        space = table[" "]
        shrink = style.spaceShrinkage * space
        last = len(widths) - 1
        lineno = 0
        max_width = widths[0]
        lines: list[tuple[float, list[str]]] = []
        ends: list[float] = []  # where each line's text ends
        line: list[str] = []
        current = -space  # as ReportLab: no space before the first word
        for word, w in zip(words, measured, strict=True):
            new = current + space + w
            if new <= max_width + shrink * len(line) or not line:
                line.append(word)
                current = new
            else:
                lines.append((max_width - current, line))
                ends.append(current)
                line = [word]
                current = w
                lineno += 1
                max_width = widths[min(last, lineno)]
        lines.append((max_width - current, line))
        ends.append(current)
        return self._lines(frag, widths, lines, ends, ascent, descent)

    def _lines(self, frag: Any, widths: list[float], lines: list[tuple[float, list[str]]], ends: list[float],
               ascent: float, descent: float) -> Any:
        """The paragraph's lines as ReportLab's breakLines returns them, with what it records."""
        self._width_max = max(0.0, *ends) if ends else 0
        self.height = 0
        self._splitLongWordCount = self._hyphenations = 0
        self._broken = (widths, lines, ends) if lines else None
        return frag.clone(kind=0, lines=lines, ascent=ascent, descent=descent, fontSize=frag.fontSize)


# justifyLastLine justifies a paragraph's last line when it has more words than this: any line.
JUSTIFY_ALL = 0.5
_justified: weakref.WeakKeyDictionary[Any, Any] = weakref.WeakKeyDictionary()


def _last_line_justified(style: Any) -> Any:
    derived = _justified.get(style)
    if derived is None:
        derived = _justified[style] = style.clone(style.name, justifyLastLine=JUSTIFY_ALL)
    return derived


def _last_line_ragged(style: Any) -> Any:
    plain = copy.copy(style)
    plain.justifyLastLine = 0
    return plain


def _words_of(blPara: Any, start: int, stop: int) -> list[Any]:
    """The fragment of lines `start` to `stop` of `blPara`, as ReportLab's split makes it: its
    words in one list instead of lines."""
    frag = blPara.clone()
    for name in ("lines", "kind", "text"):
        if hasattr(frag, name):
            delattr(frag, name)
    frag.words = list(chain.from_iterable(words for _, words in blPara.lines[start:stop]))
    return [frag]


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
