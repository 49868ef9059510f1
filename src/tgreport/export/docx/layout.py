"""Where each heading will fall: a quick page layout of the paragraphs, for the stored TOC numbers.

Word and LibreOffice lay the DOCX out with the same rules this module follows: exact line
heights, lines broken greedily at spaces and after hyphens inside words, with the fonts' advance
widths (Liberation has the metrics of Times New Roman and Arial), spaces after paragraphs, page
breaks before headings, keep-with-next, keep-lines-together and two-line widow/orphan control.
It is the layout the PDF makes, redone in a fraction of a ReportLab pass. Two known differences
from ReportLab, where this module follows LibreOffice: ReportLab may squeeze a justified line's
spaces by up to 5% to fit a word, and it never breaks a line after a hyphen.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import accumulate

from tgreport.export.docx.metrics import advances
from tgreport.export.docx.paragraphs import TAB, TEXT, Para
from tgreport.export.docx.styles import StyleSpec, font_family
from tgreport.export.docx.wml import twips
from tgreport.present import is_article_anchor
from tgreport.theme import Theme

_MAY_BREAK = frozenset("-…—")
_FALLBACK_EM = 0.5  # advance of a character the font lacks (another font will draw it)
# Where LibreOffice was seen to break a line inside a word: after a hyphen between two letters or
# digits ("05-|CT/TW", "Mát-|xcơ-|va", "2020-|2025", "Covid-|19"), after an ellipsis ("vv…|và"),
# on either side of an em dash ("chính|—|trị"); never at "/", "–" or other punctuation.
# Each alternative starts with its cheapest test (is the character a hyphen, an ellipsis, a
# dash?), which fails at once at almost every position: twice as fast as the plain spelling.
_HYPHEN_BREAK = re.compile(r"(?<=-)(?<=[^\W_]-)(?=[^\W_])|(?<=…)(?=\S)|(?=—)(?<=\S)|(?<=—)(?=\S)")
# The same places, one pattern a break character: each starts with its character, so the regex
# engine skips straight to it instead of trying the look-behinds at every position.
_HYPHEN_MARK = re.compile(r"-(?<=[^\W_]-)(?=[^\W_])")
_ELLIPSIS_MARK = re.compile(r"…(?=\S)")
_DASH_MARK_BEFORE = re.compile(r"—(?<=\S—)")
_DASH_MARK_AFTER = re.compile(r"—(?=\S)")
_MARK = "\x00"  # where _pieces cuts a word: a character no printable text has
_ANY_BREAK = re.compile(f"( +)|{_HYPHEN_BREAK.pattern}")
_SPACES = re.compile(" +")


# The words _Measure remembers at most per face, then forgets all at once: a day's or a week's
# digest uses fewer (1,000 articles: 5,700 distinct words, most of them in the body's face), and
# measuring a word again costs a microsecond, while 50,000 remembered words held ~6 MiB to the end
# of a long digest (memory.py's folder of 20,000 pages: 64.1 -> 58.0 MiB, CPU 10.2 -> 9.0 s).
_KNOWN_WORDS = 4_096


class _Measure:
    """Word widths in points for the four faces of the theme's two families, memoised."""

    def __init__(self, theme: Theme) -> None:
        self.faces = {}
        for heading in (False, True):
            fam = font_family(theme.heading_font_family if heading else theme.font_family)
            for bold in (False, True):
                for italic in (False, True):
                    style = ("bold" if bold else "") + ("italic" if italic else "") or "regular"
                    self.faces[heading, bold, italic] = advances(str(fam.path(style)))
        # The widths `width` gave: of the words of paragraphs of several runs, and of the few
        # pieces line_count needs without a space.
        self.caches: dict[tuple[bool, bool, bool], dict[str, float]] = {face: {} for face in self.faces}
        # Words' widths with a space's added before them (space + width, the very float a line's
        # running width adds): a plain paragraph's running widths are then one lookup a word. Its
        # words are not in `caches` as well: each would cost a float and a slot more (a third of
        # what the two caches hold), and line_count needs their bare widths rarely.
        self.spaced: dict[tuple[bool, bool, bool], dict[str, float]] = {face: {} for face in self.faces}

    def width(self, face: tuple[bool, bool, bool], word: str) -> float:
        """Width of `word` at 1 pt."""
        cache = self.caches[face]
        found = cache.get(word)
        if found is None:
            if len(cache) >= _KNOWN_WORDS:
                cache.clear()
            found = cache[word] = self._measure(face, word)
        return found

    def _measure(self, face: tuple[bool, bool, bool], word: str) -> float:
        widths, upm = self.faces[face]
        fallback = upm * _FALLBACK_EM
        return sum(widths.get(ord(c), fallback) for c in word) / upm

    def _learn(self, face: tuple[bool, bool, bool], words: list[str]) -> None:
        """Measure (and remember in `spaced`) the words of `words` not seen before, each once."""
        space = self.width(face, " ")
        spaced = self.spaced[face]
        new = set(words).difference(spaced)
        if len(spaced) + len(new) > _KNOWN_WORDS:
            spaced.clear()
            new = set(words)
        for word in new:
            spaced[word] = space + self._measure(face, word)

    def line_count(
        self, face: tuple[bool, bool, bool], value: str, size: float, first: float, other: float
    ) -> int:
        """Lines of one plain run: the common paragraph.

        Rather than walking the words one by one, the words' running widths are summed once and
        each line's last word is found by bisection: a paragraph costs one step per line, not per
        word. A word a line may break inside (after a hyphen, an ellipsis, around a dash) is cut
        into its pieces only when it is the one that does not fit at a line's end: cutting every
        such word of the text first cost more than all the rest.
        """
        words = value.split(" ")
        if "  " in value or value[:1] == " " or value[-1:] == " ":
            words = [w for w in words if w]
        if not words or not words[0]:
            return 1
        spaced = self.spaced[face]
        # ends[k]: width at 1 pt of words 0..k-1 with the space before each of them.
        try:
            ends = list(accumulate(map(spaced.__getitem__, words), initial=0.0))
        except KeyError:
            self._learn(face, words)
            ends = list(accumulate(map(spaced.__getitem__, words), initial=0.0))
        may_break = "-" in value or "…" in value or "—" in value
        space = self.width(face, " ")
        lines, i, avail, n = 0, 0, first, len(words)
        cut = -1.0  # where in word i the line starts, if after an in-word break (else -1)
        while i < n:
            # A line starting at word i holds words i..j-1 while ends[j] - ends[i] - space fits
            # (from a cut: while ends[j] - cut fits), and word i (or its rest) in any case.
            room = (avail + 1e-6) / size
            limit = room + ends[i] + space if cut < 0 else room + cut
            j = bisect_right(ends, limit, i + 2) - 1
            if j == i + 1 and ends[j] > limit:  # a word wider than a line: the long way
                return self._line_count_pieces(face, value, size, first, other)
            i, lines, avail, cut = j, lines + 1, other, -1.0
            if may_break and i < n and not _MAY_BREAK.isdisjoint(words[i]):
                # The pieces of the word that does not fit, after its space: those that do stay.
                at = ends[i] + space
                for piece in _HYPHEN_BREAK.split(words[i])[:-1]:
                    at += self.width(face, piece)
                    if at > limit:
                        break
                    cut = at
        return lines

    def _line_count_pieces(
        self, face: tuple[bool, bool, bool], value: str, size: float, first: float, other: float
    ) -> int:
        """line_count of a text with a word as wide as a line: cut at every in-word break first."""
        spaced = self.spaced[face]
        space = self.width(face, " ")
        joined: frozenset[int] = frozenset()  # the pieces that follow an in-word break: no space
        if "-" in value or "…" in value or "—" in value:
            pieces, joined = _pieces(value)
        else:
            pieces = value.split(" ")
            if "  " in value or value[:1] == " " or value[-1:] == " ":
                pieces = [w for w in pieces if w]
        if not pieces or not pieces[0]:
            return 1
        try:
            steps = list(map(spaced.__getitem__, pieces))
        except KeyError:
            self._learn(face, pieces)
            steps = list(map(spaced.__getitem__, pieces))
        for k in joined:
            steps[k] = self.width(face, pieces[k])
        # A step is never less than its piece's width: only a step wider than a line asks whether
        # a piece is, and then the pieces are walked.
        line = min(first, other)
        if max(steps) * size > line and max(self.width(face, p) for p in pieces) * size > line:
            return _walk([(self.width(face, p) * size, 0.0 if k in joined else space * size)
                          for k, p in enumerate(pieces)], first, other)
        # ends[k]: width at 1 pt of pieces 0..k-1 with the space before each of them.
        ends = list(accumulate(steps, initial=0.0))
        lines, i, avail = 0, 0, first
        while i < len(pieces):
            # A line starting at piece i holds pieces i..j while ends[j+1] - ends[i] - gap_i fits.
            limit = (avail + 1e-6) / size + ends[i] + (0.0 if i in joined else space)
            i = bisect_right(ends, limit, i + 2) - 1
            lines, avail = lines + 1, other
        return lines


def _pieces(value: str) -> tuple[list[str], frozenset[int]]:
    """`value` cut at spaces and where a line may break inside a word, with the pieces that follow
    such a break (no space before them; every other piece has one space before it).

    Each in-word break is marked with _MARK by a substitution that jumps straight to its hyphen,
    ellipsis or dash; then the pieces are one split at spaces, and the pieces after a mark are
    found by counting the spaces between marks: C loops over the text, Python ones over its
    few marks only."""
    text = value.strip(" ")
    if _MARK in text:  # printable text never holds it; cut such a text by the plain split
        parts = _ANY_BREAK.split(text)
        return parts[0::2], frozenset(k for k, sep in enumerate(parts[1::2], 1) if not sep)
    if "  " in text:
        text = _SPACES.sub(" ", text)
    if "-" in text:
        text = _HYPHEN_MARK.sub("-" + _MARK, text)
    if "…" in text:
        text = _ELLIPSIS_MARK.sub("…" + _MARK, text)
    if "—" in text:
        text = _DASH_MARK_AFTER.sub("—" + _MARK, _DASH_MARK_BEFORE.sub(_MARK + "—", text))
        # "…—" and "——" have two breaks in one place: one cut
        text = text.replace(_MARK + _MARK, _MARK)
    joined = []
    after = 0  # the piece that follows the mark
    for run in text.split(_MARK)[:-1]:
        after += run.count(" ") + 1
        joined.append(after)
    return text.replace(_MARK, " ").split(" "), frozenset(joined)


def text_width_pt(theme: Theme, value: str, size: float, bold: bool = False) -> float:
    """Width of `value` in the theme's body font at `size` points."""
    return _Measure(theme).width((False, bold, False), value) * size


@dataclass(slots=True)
class _Box:
    lines: int
    line: int  # twips
    before: int
    after: int
    page_break: bool
    keep_next: bool
    keep_lines: bool
    bookmark: str | None


def count_lines(p: Para, s: StyleSpec, text_width: int, measure: _Measure) -> int:
    """Lines of `p` when broken greedily at spaces and after in-word hyphens, as LibreOffice does."""
    runs = p.runs
    other = (text_width - s.left - s.right) / 20
    first = other - s.first / 20
    if s.first < 0 and len(runs) > 2 and runs[1].kind == TAB:
        # "12.<tab>Title<tab>page": the label hangs in the indent, the page number sits in room
        # the right indent keeps, so only the title's run counts, at full width.
        runs = runs[2:3]
        first = other
    if len(runs) == 1 and runs[0].kind == TEXT and "\n" not in runs[0].text and (
        s.first >= 0 or first == other
    ):
        run = runs[0]
        value = run.text.upper() if s.caps else run.text
        face = (s.heading_font, s.bold or run.bold, s.italic or run.italic)
        return measure.line_count(face, value, s.size, first, other)
    words: list[tuple[float, float]] = []  # (width, width of the space before it) in points
    current = 0.0
    space_before = 0.0
    started = False
    hanging_label = s.first < 0
    breaks = 1
    for n, run in enumerate(p.runs):
        if run.kind == TAB:
            if hanging_label and n <= 1:
                # The label ("12.", "•") sits in the hanging indent; the text starts at the indent.
                current, started, words = 0.0, False, []
                continue
            break  # what follows a later tab sits at a right tab stop, in room the style keeps
        if run.kind != TEXT:
            continue
        face = (s.heading_font, s.bold or run.bold, s.italic or run.italic)
        value = run.text.upper() if s.caps else run.text
        size = s.size
        space = measure.width(face, " ") * size
        for k, line in enumerate(value.split("\n")):
            if k:
                breaks += 1  # a forced line break: count what came before as its own lines
            may_break = not _MAY_BREAK.isdisjoint(line)
            for m, word in enumerate(line.split(" ")):
                if m:
                    if started:
                        words.append((current, space_before))
                    space_before = space
                    current, started = 0.0, False
                pieces = _HYPHEN_BREAK.split(word) if may_break and _MAY_BREAK.intersection(word) else (word,)
                for j, piece in enumerate(pieces):
                    if j:  # a break may follow the hyphen: a new word, with no space before it
                        words.append((current, space_before))
                        current, space_before = 0.0, 0.0
                    if piece:
                        current += measure.width(face, piece) * size
                        started = True
    if started:
        words.append((current, space_before))
    width = text_width / 20
    other = width - (s.left + s.right) / 20
    first = other - (0 if hanging_label else s.first / 20)
    if hanging_label and not any(r.kind == TAB for r in p.runs[:2]):
        first = other + (-s.first) / 20
    return _walk(words, first, other) + breaks - 1


def _walk(words: list[tuple[float, float]], first: float, other: float) -> int:
    """Lines of `words` ((width, space before it), in points) filled greedily, one by one."""
    lines, used, avail = 1, 0.0, first
    for n, (w, space) in enumerate(words):
        if n == 0:
            used = w
        elif used + space + w <= avail + 1e-6:
            used += space + w
            continue
        elif w > other:
            # Wider than any line (a long link): cut to fill this line, as ReportLab and
            # LibreOffice both do, rather than moved to the next.
            used += space + w
        else:
            lines += 1
            avail = other
            used = w
        while used > avail + 1e-6:
            used -= avail
            lines += 1
            avail = other
    return lines


def fold_space_before(paras: Iterable[Para], specs: dict[str, StyleSpec]) -> Iterator[Para]:
    """The paragraphs, each one's space before moved onto the previous paragraph's space after.

    Word adds the two spaces between paragraphs; LibreOffice (for a DOCX) keeps only the larger;
    ReportLab adds them. With one of the two always zero every engine leaves the same gap.
    A paragraph is given out once the next one has been folded into it.
    """
    previous: Para | None = None
    for p in paras:
        spec = specs[p.style]
        before = spec.before if p.before is None else p.before
        if previous is not None and before and not p.page_break:
            above = specs[previous.style].after if previous.after is None else previous.after
            if above:
                previous.after = above + before
                p.before = 0
        if previous is not None:
            yield previous
        previous = p
    if previous is not None:
        yield previous


def estimate_pages(
    paras: Iterable[Para], specs: dict[str, StyleSpec], theme: Theme, text_width: int, text_height: int,
    count: Callable[[Para], int] | None = None,
) -> Pages:
    """Bookmark → the 1-based page where its paragraph starts. The paragraphs are laid out as
    they come and not kept: a large digest's are never all in memory. `count` (line_counter)
    shares what it has measured with keep_tails."""
    count = count or line_counter(specs, theme, text_width)
    pages = Paginator(text_height)
    for p in paras:
        pages.add(_box(p, specs[p.style], count(p)))
    return pages.finish()


def _box(p: Para, s: StyleSpec, lines: int) -> _Box:
    if p.height is not None:  # a table of exact rows (a chart): one block that does not split
        return _Box(1, p.height, 0, s.after if p.after is None else p.after, p.page_break, s.keep_next,
                    True, p.bookmark)
    photo = p.photo is not None  # one "line" as tall as the picture, kept with its caption
    return _Box(
        1 if photo else lines,
        twips(p.photo.height_pt) if p.photo is not None else s.line,
        s.before if p.before is None else p.before,
        s.after if p.after is None else p.after,
        p.page_break,
        s.keep_next or p.keep_next or photo,
        s.keep_lines or p.keep_lines or photo,
        p.bookmark,
    )


# The plain paragraphs line_counter remembers at most: enough for keep_tails and the estimate to
# count an article's paragraphs once (the estimate counts them right after keep_tails), and for
# a digest's frequent repeats, not for a whole large digest's text. Each holds its text, a copy
# decoded for the exporter (model.Article keeps its own in UTF-8): about 300 bytes. (1,000
# articles: 4,096 count 0.2% more paragraphs than 20,000 would.)
_KNOWN_PARAGRAPHS = 4_096


def line_counter(specs: dict[str, StyleSpec], theme: Theme, text_width: int) -> Callable[[Para], int]:
    """count_lines for a paragraph of `specs`' styles, with what it measures remembered."""
    measure = _Measure(theme)
    # Digests repeat paragraphs (boilerplate, merged near-duplicates): plain ones are memoised.
    known: dict[tuple[str, str], int] = {}

    def lines_of(p: Para) -> int:
        s = specs[p.style]
        runs = p.runs
        if len(runs) == 1 and not (runs[0].bold or runs[0].italic):
            key = (p.style, runs[0].text)
            lines = known.get(key)
            if lines is None:
                if len(known) >= _KNOWN_PARAGRAPHS:
                    known.clear()
                lines = known[key] = count_lines(p, s, text_width, measure)
            return lines
        return count_lines(p, s, text_width, measure)

    return lines_of


# The lines an article's ending keeps together (the PDF's tails.TAIL_LINES), and the longest
# paragraph kept whole for it: Word and LibreOffice cannot cut a paragraph at a chosen line.
TAIL_LINES = 4
TAIL_KEEP_LINES = 8


def keep_tails(paras: list[Para], specs: dict[str, StyleSpec], theme: Theme, text_width: int,
               count: Callable[[Para], int] | None = None) -> bytes:
    """Keep each article's ending together: its last paragraphs (`Para.tail` marks the last one),
    counted from the end until TAIL_LINES lines, are kept whole and with the next. Returns, for
    each tail in order, how many paragraphs it tied (tie_tails ties them again, uncounted).

    Word and LibreOffice know only two-line widow control, which leaves a page holding the last
    line of a paragraph and a one-line caption or byline. A paragraph longer than
    TAIL_KEEP_LINES is not tied: it still breaks as widow control allows, and a byline after it
    may still start a page alone when the paragraph ends on a page's last line.
    """
    count = count or line_counter(specs, theme, text_width)
    ties = bytearray()
    for i, p in enumerate(paras):
        if not p.tail:
            continue
        byline = paras[i + 1] if i + 1 < len(paras) and paras[i + 1].style == "Byline" else None
        need = TAIL_LINES - (count(byline) if byline else 0)
        # A longer last paragraph is not tied to the byline: LibreOffice would move all of it
        # (Word only its last lines), leaving most of a page empty.
        j = i  # paras[j + 1 : i + 1] are tied
        while paras[j].photo is None and count(paras[j]) <= TAIL_KEEP_LINES:  # a photo keeps its own
            need -= count(paras[j])
            j -= 1
            before = paras[j] if j >= 0 else None
            if need <= 0 or before is None or before.style not in _BODY_STYLES or before.photo is not None:
                break
        ties.append(i - j)  # at most TAIL_LINES: each paragraph tied is a line at least
    tie_tails(paras, iter(ties))
    return bytes(ties)


def tie_tails(paras: list[Para], ties: Iterator[int]) -> None:
    """What keep_tails did to `paras`, done again from its result (`ties`, consumed a tail at a
    time): the DOCX's second pass ties its paragraphs as the estimate had them, without counting
    their lines again or remembering them from the first."""
    for i, p in enumerate(paras):
        if not p.tail:
            continue
        byline = i + 1 < len(paras) and paras[i + 1].style == "Byline"
        for j in range(i - next(ties) + 1, i + 1):
            paras[j].keep_lines = True
            paras[j].keep_next = paras[j].keep_next or j < i or byline


# What an article's text is made of; its title, date and source lines already keep with the text.
_BODY_STYLES = frozenset({"BodyText", "Heading3", "Caption", "Quote", "ListParagraph", "Related", "Lead"})


def _min_chunk(box: _Box) -> int:
    """The fewest lines of `box` that may start a page's last stretch (orphan control)."""
    return box.lines if box.keep_lines or box.lines <= 3 else 2


class Pages(Mapping[str, int]):
    """Bookmark → page, with the articles' ("a12") in an array by number: a digest of a
    million short articles holds a million of them."""

    def __init__(self) -> None:
        self._articles = array("I")
        self._others: dict[str, int] = {}

    def __setitem__(self, anchor: str, page: int) -> None:
        if is_article_anchor(anchor):
            n = int(anchor[1:])
            if n >= len(self._articles):
                self._articles.extend([0] * (n + 1 - len(self._articles)))
            self._articles[n] = page
        else:
            self._others[anchor] = page

    def __getitem__(self, anchor: str) -> int:
        if is_article_anchor(anchor):
            n = int(anchor[1:])
            if n < len(self._articles) and self._articles[n]:
                return self._articles[n]
            raise KeyError(anchor)
        return self._others[anchor]

    def __iter__(self) -> Iterator[str]:
        yield from self._others
        yield from (f"a{n}" for n, page in enumerate(self._articles) if page)

    def __len__(self) -> int:
        return len(self._others) + sum(1 for page in self._articles if page)


class Paginator:
    """paginate, a box at a time: boxes wait only while a chain kept with what follows is open
    (the lines of one article's head, at most), so a digest's boxes are never all kept."""

    def __init__(self, height: int) -> None:
        self.height = height
        self.pages = Pages()
        self._waiting: list[_Box] = []
        self._page, self._y = 1, 0
        self._previous_keeps = False
        self._started = False

    def add(self, box: _Box) -> None:
        self._waiting.append(box)
        if not box.keep_next:  # every chain waiting ends here: they can be placed
            self._place_waiting()

    def finish(self) -> Pages:
        self._place_waiting()
        return self.pages

    def _place_waiting(self) -> None:
        boxes, height = self._waiting, self.height
        page, y, previous_keeps = self._page, self._y, self._previous_keeps
        for i, box in enumerate(boxes):
            if box.page_break and (y > 0 or i > 0 or self._started):
                page, y = page + 1, 0
            if box.keep_next and not previous_keeps and y > 0 and _chain_height(boxes, i) + y > height:
                page, y = page + 1, 0
            previous_keeps = box.keep_next
            first_page, page, y = _place(box, page, y, height)
            if box.bookmark:
                self.pages[box.bookmark] = first_page
        self._started = self._started or bool(boxes)
        self._page, self._y, self._previous_keeps = page, y, previous_keeps
        self._waiting = []


def paginate(boxes: list[_Box], height: int) -> Pages:
    pages = Paginator(height)
    for box in boxes:
        pages.add(box)
    return pages.finish()


def _chain_height(boxes: list[_Box], i: int) -> int:
    """Height of box i, the boxes it keeps with, and the first lines of the one that ends the chain."""
    need = 0
    for j in range(i, len(boxes)):
        box = boxes[j]
        space = box.before if j > i else 0
        ends = not box.keep_next or j + 1 == len(boxes) or boxes[j + 1].page_break
        if ends and j > i:
            return need + space + _min_chunk(box) * box.line
        need += space + box.lines * box.line + box.after
        if ends:
            return need
    return need


def _place(box: _Box, page: int, y: int, height: int) -> tuple[int, int, int]:
    """Lay `box` out from `y` on `page`: (page of its first line, page and y after it)."""
    remaining = box.lines
    first_page = 0
    at_start = True
    while True:
        # Space before is dropped at the top of a page, unless a page break put it there.
        space = box.before if at_start and (y > 0 or box.page_break) else 0
        fits = max((height - y - space) // box.line, 0)
        if remaining <= fits:
            return first_page or page, page, y + space + remaining * box.line + box.after
        take = fits
        if box.keep_lines:
            take = 0
        elif take <= 1:
            take = 0  # no orphan: a single first line does not stay alone at a page's foot
        elif remaining - take == 1:
            take = take - 1 if remaining > 3 else 0  # no widow: the last line takes company
        if take == 0 and y == 0:
            take = max(fits, 1)  # taller than a page: it must break somewhere
        if take:
            first_page = first_page or page
            remaining -= take
            at_start = False
        page, y = page + 1, 0
