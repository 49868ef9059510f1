"""What every exporter prints, worded once: titles, metadata lines, cover and TOC text.

Exporters decide how things look; this module decides what they say, so PDF, DOCX, HTML and
EPUB agree word for word.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import itertools
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, overload

from tgreport.assemble.sections import UNKNOWN_CATEGORY, UNKNOWN_SOURCE
from tgreport.assemble.titles import DERIVED_TITLE_MAX, derive_title, display_title, source_text
from tgreport.vn.dates import VIETNAM

__all__ = [
    "DERIVED_TITLE_MAX", "UNKNOWN_CATEGORY", "UNKNOWN_SOURCE", "derive_title", "display_title", "source_text",
]
from tgreport.errors import UsageError
from tgreport.model import Article, Report, Section
from tgreport.settings import DATE_STYLES, DEFAULT_TITLE
from tgreport.support.lazy import lazy_pattern
from tgreport.vn import TONE_STYLES, format_date, format_period, normalize_tone_style, printable, sort_key
from tgreport.vn.syllables import TONE_MARKS

# The styles an article's own date may take on its metadata line and TOC subtitle
# (`Settings.date_style`, `--date-style`). Not "official_line" (the cover's place-and-date
# line) nor the "_time" styles: the time is added on its own when the page gave one.
ARTICLE_DATE_STYLES = DATE_STYLES
# A style that can carry the time of day → the style that does.
_WITH_TIME = {"official": "official_time", "numeric": "numeric_time"}


def check_date_style(style: str) -> str:
    """`style` if articles can be dated in it; otherwise a UsageError listing the choices."""
    if style not in ARTICLE_DATE_STYLES:
        raise UsageError(f"unknown date style {style!r}; choose one of {', '.join(ARTICLE_DATE_STYLES)}")
    return style


def date_text(article: Article, date_style: str = "official") -> str | None:
    """ "ngày 07 tháng 01 năm 2021, 21 giờ 38" when the page gave a time, else the date alone.

    `date_style` is one of ARTICLE_DATE_STYLES ("numeric": "07/01/2021 21:38"); the styles of
    Babel's and the weekday style show the date alone."""
    if article.date is None:
        return None
    check_date_style(date_style)
    published = article.published
    if date_style in _WITH_TIME and isinstance(published, dt.datetime) and published.date() == article.date:
        return format_date(published, _WITH_TIME[date_style])
    return format_date(article.date, date_style)


def meta_line(article: Article, date_style: str = "official") -> str:
    """The line under an article's title: date · category · publisher (what is known)."""
    parts = [date_text(article, date_style), article.category, article.publisher]
    if article.views is not None:
        parts.append(f"{article.views:,} lượt xem".replace(",", "."))
    return " · ".join(p for p in parts if p)


def toc_subtitle(article: Article, date_style: str = "official") -> str:
    """The short line under a TOC entry: date (official unless `date_style` says) · source."""
    date = format_date(article.date, check_date_style(date_style)) if article.date else UNDATED
    source = source_text(article)
    return f"{date} · {source}" if source else date


UNDATED = "không rõ ngày"  # a TOC subtitle's date when the article has none
SOURCE_LABEL = "Nguồn"


def source_name(article: Article) -> str | None:
    """The outlet an article came from: the site's name, else the agency or paper credited."""
    return article.site or article.publisher


def source_line(article: Article, date_style: str = "official") -> str | None:
    """ "Nguồn: Báo Nhân Dân, ngày 07 tháng 01 năm 2021": the outlet and the date it carried the
    article (the date alone only beside an outlet or a link); None when nothing is known."""
    name = source_name(article)
    if not name and not article.url:
        return None
    day = format_date(article.date, check_date_style(date_style)) if article.date else None
    # A page tgreport fetched says when: what the link showed that day is what the digest holds.
    accessed = f"{ACCESSED_LABEL} {format_date(_in_vietnam(article.fetched), 'official')}" \
        if article.fetched else None
    said = ", ".join(p for p in (name, day, accessed) if p)
    return f"{SOURCE_LABEL}: {said}" if said else f"{SOURCE_LABEL}:"


ACCESSED_LABEL = "truy cập"  # "truy cập ngày 08 tháng 01 năm 2021": when the page was fetched


def _in_vietnam(moment: dt.datetime) -> dt.date:
    """The day in Vietnam of a fetch time (kept in UTC; a naive one is taken as UTC)."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)
    return aware.astimezone(VIETNAM).date()


def source_line_with_link(article: Article, date_style: str = "official") -> str | None:
    """The source line with the page's address after it, for formats that print links as text."""
    line = source_line(article, date_style)
    if line is None or not article.url:
        return line
    return f"{line} ({article.url})" if not line.endswith(":") else f"{line} {article.url}"


def byline(article: Article) -> str | None:
    return ", ".join(article.authors) if article.authors else None


# No tool's name inside an official document: the note says what was done, not by what.
DERIVED_TITLE_NOTE = "(Tiêu đề đặt theo câu đầu của bài)"


def cover_period(report: Report) -> str | None:
    """ "Từ ngày 06 tháng 01 năm 2021 đến ngày 16 tháng 7 năm 2021" for the cover."""
    if report.period is None:
        return None
    text = format_period(report.period.start, report.period.end)
    return text[0].upper() + text[1:]


def cover_count(report: Report) -> str:
    return f"Gồm {len(report.all_articles())} bài viết"


def cover_place_date(report: Report) -> str:
    return format_date(report.issued, "official_line", place=report.place or "Hà Nội")


@dataclass(frozen=True, slots=True)
class NumberedArticle:
    """An article with its number in the report ("1.", "2.", …) and an id unique in the report."""

    number: int
    article: Article

    @property
    def anchor(self) -> str:
        # Made when asked for, not kept: a str per article held by every format's outline.
        return f"a{self.number}"

    @property
    def heading(self) -> str:
        return f"{self.number}. {display_title(self.article)}"


def is_article_anchor(anchor: str) -> bool:
    """Whether `anchor` is a NumberedArticle's ("a12"), as `anchor` writes them."""
    number = anchor[1:]
    return anchor[:1] == "a" and number.isascii() and number.isdigit() and number[:1] != "0"


class NumberedArticles(Sequence[NumberedArticle]):
    """A section's articles numbered from `first`, each NumberedArticle made when asked for:
    a report of a million short articles would otherwise hold 80 MB of them through a render."""

    __slots__ = ("_articles", "_first")

    def __init__(self, articles: Sequence[Article], first: int) -> None:
        self._articles = articles
        self._first = first

    def __len__(self) -> int:
        return len(self._articles)

    @overload
    def __getitem__(self, i: int) -> NumberedArticle: ...
    @overload
    def __getitem__(self, i: slice) -> tuple[NumberedArticle, ...]: ...
    def __getitem__(self, i: int | slice) -> NumberedArticle | tuple[NumberedArticle, ...]:
        if isinstance(i, slice):
            return tuple(self[k] for k in range(len(self))[i])
        article = self._articles[i]  # IndexError as a tuple's; a negative i counts from the end
        return NumberedArticle(self._first + (i if i >= 0 else len(self) + i), article)

    def __iter__(self) -> Iterator[NumberedArticle]:
        return map(NumberedArticle, itertools.count(self._first), self._articles)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, NumberedArticles):
            return (self._first, tuple(self._articles)) == (other._first, tuple(other._articles))
        return isinstance(other, tuple) and tuple(self) == other

    def __hash__(self) -> int:
        return hash((self._first, tuple(self._articles)))

    def __repr__(self) -> str:
        return f"NumberedArticles({len(self)} from {self._first})"


@dataclass(frozen=True)
class NumberedSection:
    number: int
    section: Section | None  # None for a report that is not grouped
    articles: NumberedArticles
    anchor: str

    @property
    def heading(self) -> str:
        return self.section.title if self.section else ""


def outline(report: Report) -> tuple[NumberedSection, ...]:
    """The report as numbered sections of numbered articles; one unnamed section when flat.

    Anchors (`a1`, `a2`, … and `s1`, …) are the same in every format, so links agree.
    """
    groups: list[tuple[Section | None, tuple[Article, ...]]] = [(None, report.articles)]
    if report.sections:
        groups = [(s, s.articles) for s in report.sections]
    first = 1
    result = []
    for s_index, (section, articles) in enumerate(groups, start=1):
        result.append(NumberedSection(s_index, section, NumberedArticles(articles, first), f"s{s_index}"))
        first += len(articles)
    return tuple(result)


@dataclass(frozen=True)
class Summary:
    """The summary page after the TOC: how many articles, over what period, from where."""

    count: int
    period: str | None
    by_source: tuple[tuple[str, int], ...]
    by_category: tuple[tuple[str, int], ...]
    undated: int
    by_section: tuple[tuple[str, int], ...] = ()  # the report's sections (topics, months, …) in order
    by_day: tuple[tuple[str, int], ...] = ()  # "07/01/2021", oldest first; undated articles left out
    by_assessment: tuple[tuple[str, int], ...] = ()  # "tích cực", "trung tính", "tiêu cực", then others

    @property
    def tables(self) -> tuple[tuple[str, tuple[tuple[str, int], ...]], ...]:
        """(label, rows) of each count the overview page shows, in order; empty ones left out."""
        pairs = (("by_source", self.by_source), ("by_category", self.by_category),
                 ("by_section", self.by_section), ("by_assessment", self.by_assessment),
                 ("by_day", self.by_day))
        return tuple((SUMMARY_LABELS[key], rows) for key, rows in pairs if rows)


def summary(report: Report) -> Summary:
    articles = report.all_articles()
    # Any clue beats "Không rõ nguồn": the outlet, the credited agency, else the page's section.
    sources = Counter(source_text(a) or UNKNOWN_SOURCE for a in articles)
    categories = Counter(a.category or UNKNOWN_CATEGORY for a in articles)

    def ranked(counts: Counter[str]) -> tuple[tuple[str, int], ...]:
        # Most frequent first; ties in a stable (code point) order.
        return tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))

    days = Counter(a.date for a in articles if a.date is not None)
    # Sections by paper or category would repeat a table already there: shown only when new.
    sections = tuple((s.title, len(s.articles)) for s in report.sections)
    return Summary(
        count=len(articles),
        period=cover_period(report),
        by_source=ranked(sources),
        by_category=ranked(categories),
        undated=sum(1 for a in articles if a.date is None),
        by_section=sections if set(sections) - set(sources.items()) - set(categories.items()) else (),
        by_day=tuple((f"{day:%d/%m/%Y}", n) for day, n in sorted(days.items())),
        by_assessment=_assessment_counts(report),
    )


ASSESSMENTS = ("tích cực", "trung tính", "tiêu cực")  # the usual labels, counted in this order


def _assessment_counts(report: Report) -> tuple[tuple[str, int], ...]:
    """How many articles carry each label; none when nothing was assessed. Articles left
    unassessed are counted too, so the column adds up to the report's articles."""
    if not report.assessments:
        return ()
    counts = Counter(label for _, label in report.assessments)
    order = [label for label in ASSESSMENTS if label in counts]
    order += sorted((label for label in counts if label not in ASSESSMENTS), key=sort_key)
    rows = [(label, counts[label]) for label in order]
    unassessed = len(report.all_articles()) - len({i for i, _ in report.assessments})
    if unassessed:
        rows.append((UNASSESSED, unassessed))
    return tuple(rows)


UNASSESSED = "Chưa đánh giá"


SUMMARY_TITLE = "TỔNG QUAN"
INDEX_TITLE = "PHỤ LỤC"
TOC_TITLE = "MỤC LỤC"

# Labels of the summary page and the appendix (added for HTML/EPUB; meant for every format).
SUMMARY_LABELS = {
    "count": "Số bài viết:",
    "period": "Thời gian:",
    "undated": "Số bài không rõ ngày:",
    "by_source": "Theo nguồn",
    "by_category": "Theo chuyên mục",
    "by_section": "Theo phần",  # the report's own sections: topics, months, papers …
    "by_day": "Theo ngày",
    "by_assessment": "Theo đánh giá",
}
INDEX_KIND_TITLES = {"document": "Văn bản được nhắc đến", "person": "Nhân vật được nhắc đến"}
ARTICLE_LABEL = "Bài"  # the appendix links to "Bài 3"
PAGE_LABEL = "tr."  # "tr. 12": a page reference
INDEX_PAGES_LABEL = "Trang của các bài được nêu"  # the appendix's page key (WeasyPrint PDF)
# Printed from a browser, the HTML's TOC has no page numbers (browsers lack CSS target-counter):
# a line under the TOC, on paper only, says so and names the printable form.
PRINT_NOTE = "Bản in từ trình duyệt không có số trang ở mục lục; bản để in là tệp PDF."
CAPTION_CREDIT = "Ảnh: {credit}"  # after a photo caption, in brackets: "(Ảnh: Phương Hoa/TTXVN)"
RELATED_PREFIX = "Bài liên quan: "  # marks a related-article line as such


# Fields that name things rather than say them: a path, a URL, an id, a block's kind.
_NOT_WORDING = frozenset({"id", "source", "type", "article_ids", "url", "src"})


def restyle_tones(report: Report, style: str | None) -> Report:
    """The report with every text it prints in one tone-mark style ("hòa" or "hoà"); None keeps it.

    Applied once to the whole report, whatever reader made the articles (JSON included), so every
    format shows the same style; ids, sources and URLs are left alone."""
    if style is None:
        return report
    if style not in TONE_STYLES:
        raise UsageError(f"unknown tone style {style!r}; choose one of {', '.join(TONE_STYLES)}")
    restyled: Report = _restyle(report, style)
    return restyled


def _toned(letters: str) -> str:
    return "".join(unicodedata.normalize("NFC", c + mark) for c in letters for mark in TONE_MARKS)


# The only words a tone style changes end in o/u + a/e/y with a tone mark on one of the two (hòa,
# hoà, thủy, khoẻ); finding those first and restyling only them is ~20 times faster than letting
# normalize_tone_style look at every word (2.5 s for a 1,000-article report otherwise).
_ENDING = rf"(?:[{_toned('oOuU')}][aAeEyY]|[oOuU][{_toned('aAeEyY')}])(?![^\W\d_])"
# Compiled on first use (support.lazy): only for a tone style, or words to highlight.
_CANDIDATE = lazy_pattern(rf"(?<![^\W\d_])[^\W\d_]*{_ENDING}")
_HAS_CANDIDATE = lazy_pattern(_ENDING)  # a quick first look: most strings have no such word


def _restyle_text(text: str, style: str) -> str:
    if not unicodedata.is_normalized("NFC", text):  # the model is NFC; anything else the long way
        return normalize_tone_style(text, style)
    if not _HAS_CANDIDATE().search(text):
        return text
    return _CANDIDATE().sub(lambda m: normalize_tone_style(m.group(), style), text)


def _restyle(value: Any, style: str) -> Any:
    if isinstance(value, str):
        return _restyle_text(value, style)
    if isinstance(value, tuple):
        return tuple(_restyle(v, style) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {name: _restyle(getattr(value, name), style) for name in _wording_fields(type(value))}
        return dataclasses.replace(value, **changes)
    return value  # dates, numbers, None


def rewrite_wording(report: Report, edit: Callable[[str], str]) -> Report:
    """The report with `edit` applied to every text it prints as words (titles, bodies,
    captions, names); ids, sources, URLs and image sources are left as they are."""
    rewritten: Report = _rewrite(report, edit, _NOT_PROSE)
    return rewritten


def printable_report(report: Report) -> Report:
    """The report with every text in it, from any source (inputs, flags, the config file, a
    script), ids and paths included, fit for every format: see vn.printable. The one cleaning
    every output goes through; a report that needs none is returned as it is."""
    cleaned: Report = _rewrite(report, _printable, frozenset({"type"}))
    if not cleaned.title.strip():  # nothing printable left ("\x00 "): the title every cover needs
        cleaned = dataclasses.replace(cleaned, title=DEFAULT_TITLE)
    return cleaned


def _printable(text: str) -> str:
    # vn.printable's answer for the usual text, found without its scan for unprintable
    # characters (a regex pass over every article, most of this step's time): all it removes
    # or replaces is unprintable to str.isprintable too (tests/present/test_printable.py).
    if text.isprintable() and (text.isascii() or unicodedata.is_normalized("NFC", text)):
        return text
    return printable(text)


_NOT_PROSE = _NOT_WORDING | {"url", "src"}
# Values with no text inside: nothing to look at.
_ATOMS = frozenset({type(None), bool, int, float, bytes, dt.date, dt.datetime})


def _rewrite(value: Any, edit: Callable[[str], str], skip: frozenset[str]) -> Any:
    """`value` with `edit` applied to every str inside it (tuples and dataclasses followed,
    the fields named in `skip` left out); what nothing changed in is returned as it is, so a
    report that needs no edit costs one look at each text and no copy."""
    if isinstance(value, str):
        return edit(value)
    if isinstance(value, tuple):
        # No new tuple until an item changes: a million articles' tuple is 8 MB to copy for nothing.
        for i, item in enumerate(value):
            new_item = _rewrite(item, edit, skip)
            if new_item is not item:
                return (*value[:i], new_item, *(_rewrite(v, edit, skip) for v in value[i + 1:]))
        return value
    cls: type = type(value)
    names = _visited_fields(cls, skip)
    if not names:
        return value  # dates, numbers, None, objects that are not dataclasses
    changes = {}
    for name in names:
        old = getattr(value, name)
        if type(old) in _ATOMS:
            continue
        new = edit(old) if type(old) is str else _rewrite(old, edit, skip)
        if new is not old:
            changes[name] = new
    return dataclasses.replace(value, **changes) if changes else value


@functools.cache
def _visited_fields(cls: type, skip: frozenset[str]) -> tuple[str, ...]:
    # Once per class: dataclasses.fields and is_dataclass on every object were half the walk.
    if not dataclasses.is_dataclass(cls):
        return ()
    return tuple(f.name for f in dataclasses.fields(cls) if f.init and f.name not in skip)


@functools.cache
def _wording_fields(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls) if f.init and f.name not in _NOT_WORDING)
