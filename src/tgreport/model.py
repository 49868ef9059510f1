"""The document model: immutable values that know nothing of any input or output format."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import IO, Literal, Protocol

BlockType = Literal["paragraph", "heading", "caption", "quote", "list", "related", "image"]


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str
    type: BlockType = field(default="paragraph", init=False)


@dataclass(frozen=True, slots=True)
class Heading:
    """A sub-heading inside an article (not the article's title)."""

    text: str
    type: BlockType = field(default="heading", init=False)


@dataclass(frozen=True, slots=True)
class Caption:
    """A photo caption; `credit` is the photographer or agency ("Minh Châu", "Phương Hoa/TTXVN")."""

    text: str
    credit: str | None = None
    type: BlockType = field(default="caption", init=False)


@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    type: BlockType = field(default="quote", init=False)


@dataclass(frozen=True, slots=True)
class ListBlock:
    """A bulleted or numbered list; `text` joins the items with newlines (the JSON contract)."""

    items: tuple[str, ...]
    ordered: bool = False
    type: BlockType = field(default="list", init=False)

    @property
    def text(self) -> str:
        return "\n".join(self.items)


@dataclass(frozen=True, slots=True)
class Related:
    """A link to another article ("[Năm 2021, công tác tuyên giáo cần đổi mới …]")."""

    text: str
    type: BlockType = field(default="related", init=False)


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
    type: BlockType = field(default="image", init=False)


Block = Paragraph | Heading | Caption | Quote | ListBlock | Related | Image


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as a careful editor would read it off the page."""

    id: str
    source: str
    title: str | None
    blocks: tuple[Block, ...] = ()
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
