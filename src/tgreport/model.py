"""The document model: immutable values that know nothing of any input or output format."""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import MISSING, dataclass, field, fields
from typing import IO, Any, ClassVar, Literal, Protocol

BlockType = Literal["paragraph", "heading", "caption", "quote", "list", "related", "image"]


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str
    type: ClassVar[BlockType] = "paragraph"


@dataclass(frozen=True, slots=True)
class Heading:
    """A sub-heading inside an article (not the article's title)."""

    text: str
    type: ClassVar[BlockType] = "heading"


@dataclass(frozen=True, slots=True)
class Caption:
    """A photo caption; `credit` is the photographer or agency ("Minh Châu", "Phương Hoa/TTXVN")."""

    text: str
    credit: str | None = None
    type: ClassVar[BlockType] = "caption"


@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    type: ClassVar[BlockType] = "quote"


@dataclass(frozen=True, slots=True)
class ListBlock:
    """A bulleted or numbered list; `text` joins the items with newlines (the JSON contract)."""

    items: tuple[str, ...]
    ordered: bool = False
    type: ClassVar[BlockType] = "list"

    @property
    def text(self) -> str:
        return "\n".join(self.items)


@dataclass(frozen=True, slots=True)
class Related:
    """A link to another article ("[Năm 2021, công tác tuyên giáo cần đổi mới …]")."""

    text: str
    type: ClassVar[BlockType] = "related"


class PictureBytes(Protocol):
    """Where a picture's bytes are kept until a format embeds them. A digest's photos together
    are many times the size of its text, so the photo stage keeps them in a temporary file
    (support/spool.py), not in memory; a small picture made on the spot (a QR code) is InMemory.
    `digest` is the bytes' SHA-256 in hex, known without reading them."""

    @property
    def size(self) -> int: ...

    @property
    def digest(self) -> str: ...

    def read(self) -> bytes: ...

    def copy_to(self, out: IO[bytes]) -> None:
        """The bytes written into `out`, a piece at a time."""


@dataclass(frozen=True, slots=True)
class InMemory:
    """A picture's bytes held in memory."""

    data: bytes

    @property
    def size(self) -> int:
        return len(self.data)

    @property
    def digest(self) -> str:
        import hashlib  # OpenSSL's (milliseconds to load), for a run with a picture to embed

        return hashlib.sha256(self.data).hexdigest()

    def read(self) -> bytes:
        return self.data

    def copy_to(self, out: IO[bytes]) -> None:
        out.write(self.data)


@dataclass(frozen=True, slots=True)
class Picture:
    """A photo ready to print, the same bytes for every format: a JPEG or PNG with no metadata,
    `width` × `height` pixels, printed at `dpi` (its printed width is width / dpi inches).
    `held` is where its bytes are; `data` reads them each time it is asked (keep them no longer
    than needed)."""

    held: PictureBytes
    media_type: str  # "image/jpeg" or "image/png"
    width: int
    height: int
    dpi: float

    @property
    def data(self) -> bytes:
        return self.held.read()

    @property
    def width_pt(self) -> float:
        return self.width / self.dpi * 72

    @property
    def height_pt(self) -> float:
        return self.height / self.dpi * 72


@dataclass(frozen=True, slots=True)
class Image:
    """A picture in the article: `text` is its file name or alt text; `src` where the picture
    is (a URL, or a path relative to the article's file) when known; `picture` the photo itself
    once the photo stage (read/photos.py) has prepared it, else the picture is not printed. Its
    caption, if any, is the Caption block that follows it."""

    text: str
    src: str | None = None
    picture: Picture | None = None
    type: ClassVar[BlockType] = "image"


Block = Paragraph | Heading | Caption | Quote | ListBlock | Related | Image


def _shared(more: tuple[Any, ...]) -> tuple[Any, ...]:
    """`more`, or an equal tuple kept before (see _SHARED_MORE)."""
    try:
        found = _SHARED_MORE.get(more)
        if found is None and len(_SHARED_MORE) < _SHARED_MAX:
            _SHARED_MORE[more] = found = more
    except TypeError:  # an unhashable value (a list a script gave): this article's own tuple
        return more
    return more if found is None else found


@dataclass(frozen=True, init=False)
class Article:
    """One news article as a careful editor would read it off the page.

    A report may hold a million of them, so each is small: the four fields every article sets
    are slots, and the rest are kept together in one tuple (`_more`), shared by the articles
    whose values are the same (usually all at their defaults). A body of one paragraph (a short
    record, a brief) is kept as its text (`_blocks`): its tuple and Paragraph are made when
    read, not kept. That text and the title are kept in UTF-8 when it is smaller (see
    _compact). Every field reads as an attribute, `dataclasses.replace` and
    `dataclasses.fields` work as on any dataclass."""

    __slots__ = ("_blocks", "_more", "_title", "id", "source")

    id: str
    source: str
    title: str | None
    blocks: tuple[Block, ...]
    title_derived: bool = False
    # What the report shows and sorts by: `published` when the page gives it, else `event_date`.
    date: dt.date | None = None
    published: dt.datetime | dt.date | None = None
    event_date: dt.date | None = None
    authors: tuple[str, ...] = ()
    # Where the article came from: the outlet's name ("Báo Nhân Dân") and the page's address.
    site: str | None = None
    url: str | None = None
    # When tgreport fetched the page from `url` (UTC), for "truy cập ngày …"; None when read from a file.
    fetched: dt.datetime | None = None
    publisher: str | None = None
    category: str | None = None
    views: int | None = None
    lead: str | None = None
    removed: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    # A summary the input or the office gave (a scraper's "summary", the config's [summaries]);
    # None: the brief and the TOC summarise the article themselves (assemble.summaries.summary).
    summary: str | None = None

    def __init__(
        self,
        id: str,
        source: str,
        title: str | None,
        blocks: tuple[Block, ...] = (),
        title_derived: bool = False,
        date: dt.date | None = None,
        published: dt.datetime | dt.date | None = None,
        event_date: dt.date | None = None,
        authors: tuple[str, ...] = (),
        site: str | None = None,
        url: str | None = None,
        fetched: dt.datetime | None = None,
        publisher: str | None = None,
        category: str | None = None,
        views: int | None = None,
        lead: str | None = None,
        removed: tuple[str, ...] = (),
        warnings: tuple[str, ...] = (),
        summary: str | None = None,
    ) -> None:
        put = object.__setattr__  # frozen: the dataclass's __setattr__ refuses every change
        put(self, "id", id)
        put(self, "source", source)
        put(self, "_title", _compact(title))
        put(self, "_blocks", _packed(blocks))
        more = (title_derived, date, published, event_date, authors, site, url, fetched, publisher,
                category, views, lead, removed, warnings, summary)
        # Equal values are not always the same: one instant in two time zones (printed
        # differently), True and 1. Those are kept as given (a time of day is near unique anyway).
        alike = (type(title_derived) is bool and fetched is None and (views is None or type(views) is int)
                 and not any(isinstance(d, dt.datetime) for d in (date, published, event_date)))
        put(self, "_more", _shared(more) if alike else more)

    def __reduce__(self) -> tuple[type[Article], tuple[Any, ...]]:
        # Pickled (to and from the reading processes) as the values of its fields, in order.
        return Article, tuple(getattr(self, f.name) for f in fields(self))


class _Utf8(bytes):
    """A text as Article keeps it when that is smaller: its UTF-8 (see _compact)."""

    __slots__ = ()


def _compact(text: str | None) -> str | _Utf8 | None:
    """`text`, or its UTF-8 when that is smaller: a Vietnamese text has letters beyond Latin-1
    (ộ, ư, đ), so Python keeps all of it at two bytes a character, where UTF-8 takes one for
    most of its letters and two or three for the others."""
    if type(text) is str and not text.isascii():
        try:
            held = _Utf8(text.encode())
        except UnicodeEncodeError:  # a lone surrogate: no UTF-8 holds it
            return text
        if sys.getsizeof(held) < sys.getsizeof(text):
            return held
    return text


def _text(held: str | _Utf8 | None) -> str | None:
    return held.decode() if type(held) is _Utf8 else held  # type: ignore[return-value]


def _packed(blocks: tuple[Block, ...]) -> tuple[Block, ...] | str | _Utf8:
    """`blocks` as Article keeps them: one paragraph as its text (see _unpacked)."""
    if type(blocks) is tuple and len(blocks) == 1:
        only = blocks[0]
        if type(only) is Paragraph and type(only.text) is str:
            return _compact(only.text)  # type: ignore[return-value]  # a str stays a str
    return blocks


def _unpacked(article: Article) -> tuple[Block, ...]:
    held: tuple[Block, ...] | str | _Utf8 = article._blocks  # type: ignore[attr-defined]  # a slot
    if isinstance(held, str | _Utf8):
        return (Paragraph(_text(held)),)  # type: ignore[arg-type]  # a text is no None
    return held


def _more_field(index: int) -> property:
    return property(lambda article: article._more[index])


# The fields kept in `_more`: those with a default (the slots' fields have none), in order.
_MORE = tuple(f for f in fields(Article) if f.default is not MISSING)
for _index, _field in enumerate(_MORE):
    setattr(Article, _field.name, _more_field(_index))
Article.blocks = property(_unpacked)  # type: ignore[assignment]
Article.title = property(lambda article: _text(article._title))  # type: ignore[assignment]
_NO_MORE = tuple(f.default for f in _MORE)
# Articles read from one source often share all of these (the same day, outlet and byline, or
# none): each such set is kept once. Bounded, so unique values (a URL each) cannot grow it forever.
_SHARED_MORE: dict[tuple[Any, ...], tuple[Any, ...]] = {_NO_MORE: _NO_MORE}
_SHARED_MAX = 1024


@dataclass(frozen=True, slots=True)
class Section:
    """A group of articles that is one level-1 entry in every table of contents."""

    title: str
    articles: tuple[Article, ...]


@dataclass(frozen=True, slots=True)
class Period:
    """The span of time a report covers, both ends inclusive."""

    start: dt.date
    end: dt.date


@dataclass(frozen=True, slots=True)
class IndexEntry:
    """One line of the appendix index: a cited document or a person, with the articles naming it."""

    kind: Literal["document", "person"]
    name: str
    article_ids: tuple[str, ...]
    detail: str | None = None


@dataclass(frozen=True, slots=True)
class Masthead:
    """What the cover's official header says about the issuing office (see settings.HEADERS):
    `org` superior body first, issuing body last; `number` "25-BT/BTGĐUK"; `issue` "Số 25"."""

    header: str = "plain"
    org: tuple[str, ...] = ()
    number: str | None = None
    issue: str | None = None
    internal: bool = False
    # The document's last block (present.signature): the signer's authority and title lines
    # ("TM. BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"), the signer's name, and the recipients ("Nơi nhận").
    signer: tuple[str, ...] = ()
    signer_name: str | None = None
    recipients: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Report:
    """A digest: metadata plus articles, either flat or grouped into sections."""

    title: str
    issued: dt.date
    organisation: str | None = None
    place: str | None = None
    period: Period | None = None
    articles: tuple[Article, ...] = ()
    sections: tuple[Section, ...] = ()
    index: tuple[IndexEntry, ...] = ()
    warnings: tuple[str, ...] = ()
    masthead: Masthead = field(default_factory=Masthead)
    # (article id, the office's assessment of it: "tích cực", "trung tính", "tiêu cực", …)
    assessments: tuple[tuple[str, str], ...] = ()
    # Words and phrases to mark wherever the articles print them (present.highlight).
    highlight: tuple[str, ...] = ()

    @property
    def grouped(self) -> bool:
        return bool(self.sections)

    def all_articles(self) -> tuple[Article, ...]:
        """Every article in report order, whether or not the report is grouped."""
        if self.sections:
            return tuple(a for s in self.sections for a in s.articles)
        return self.articles
