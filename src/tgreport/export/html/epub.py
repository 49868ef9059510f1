"""EPUB 3: the HTML rendering cut into XHTML files of consecutive articles, with nav, NCX and fonts."""

from __future__ import annotations

import bisect
import contextlib
import hashlib
import io
import itertools
import re
import uuid
import zipfile
from collections.abc import Callable, Iterator
from typing import IO, Any, BinaryIO, ClassVar

from markupsafe import Markup

from tgreport.export.html.base import (
    font_faces,
    render_template,
    stream_template,
    template_context,
    theme_families,
)
from tgreport.export.html.view import (
    ArticleView,
    ManifestItem,
    NcxPoint,
    ReportView,
    SectionView,
    plain_filter,
)
from tgreport.export.html.webfonts import subset_ttf
from tgreport.model import Picture, Report
from tgreport.present import is_article_anchor
from tgreport.settings import Settings
from tgreport.support.fonts import STYLES, FontFamily
from tgreport.support.pieces import batches

# All four styles: with HarfBuzz a subset costs milliseconds, and readers synthesise bold italic
# badly when it is missing.
EMBEDDED_STYLES = STYLES
# 1980-01-01, the earliest date a zip can hold: every rerun gives the same bytes.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
# zlib's level for the pages, fonts and package files: 3, the last of its fast levels (no lazy
# matching), makes a book a few percent larger than the default 6 does, in two thirds of the time.
TEXT_LEVEL = 3


_FRONT_FILES = {"summary": "summary.xhtml", "index": "index.xhtml", "cover": "cover.xhtml"}
# Consecutive articles share a file up to this many bytes of their XHTML (the page around them
# adds a few hundred), as calibre splits books: e-readers slow down on larger files (Adobe's
# engine refuses those over 300 KB), and a file an article would be a zip entry an article,
# each remembered until the zip's directory is written.
FILE_BYTES = 256 * 1024


class _ArticleFiles:
    """The articles' files, articles-0001.xhtml on, in reading order. Which one holds an article
    is found from the number of each file's first article: an int a file, not an entry an article."""

    def __init__(self) -> None:
        self.firsts: list[int] = []

    def start(self, number: int) -> str:
        """The next file's name; its first article is number `number`."""
        self.firsts.append(number)
        return self.name(len(self.firsts))

    @staticmethod
    def name(position: int) -> str:
        return f"articles-{position:04d}.xhtml"

    def holding(self, number: int) -> str:
        return self.name(bisect.bisect_right(self.firsts, number))

    def __iter__(self) -> Iterator[str]:
        return map(self.name, range(1, len(self.firsts) + 1))


def _linker(view: ReportView, brief: bool, files: _ArticleFiles) -> Callable[[str], str]:
    """Where each anchor lives, as a link: an article in the file holding it, a section heading
    in its first article's; in the brief every article and section on its one page. Worked out
    from the anchor's number, not kept per article: a million articles, a million entries."""
    sections = {s.anchor: s.numbered[0].number for s in view.sections if s.numbered}

    def file_of(anchor: str) -> str:
        if anchor in _FRONT_FILES:
            return _FRONT_FILES[anchor]
        if not (anchor in sections or is_article_anchor(anchor)):
            raise KeyError(anchor)
        if brief:
            return "brief.xhtml"
        return files.holding(sections[anchor] if anchor in sections else int(anchor[1:]))

    return lambda anchor: f"{file_of(anchor)}#{anchor}"


def _ncx_points(view: ReportView, link: Callable[[str], str], summary_title: str,
                index_title: str) -> Iterator[NcxPoint]:
    """toc.ncx's entries, made as the template writes them."""
    order = itertools.count(1)
    yield NcxPoint(next(order), summary_title, link("summary"))
    for s in view.sections:
        articles = (NcxPoint(next(order), plain_filter(a.heading), link(a.anchor)) for a in s.numbered)
        if s.title:
            yield NcxPoint(next(order), s.title, link(s.anchor), articles)
        else:
            yield from articles
    if view.index:
        yield NcxPoint(next(order), index_title, link("index"))


class _Manifest:
    """content.opf's items, made each time the template goes through them (the manifest, then
    the spine): the pages in reading order, then the package's other files."""

    def __init__(self, pages: Callable[[], Iterator[str]], others: list[ManifestItem], svg: bool) -> None:
        self._pages, self._others, self._svg = pages, others, svg

    def __iter__(self) -> Iterator[ManifestItem]:
        for name in self._pages():
            if name == "nav.xhtml":
                yield ManifestItem("nav", name, "application/xhtml+xml", spine=True, properties="nav")
            else:
                yield ManifestItem(name.removesuffix(".xhtml"), name, "application/xhtml+xml", spine=True,
                                   properties="svg" if name == "summary.xhtml" and self._svg else None)
        yield from self._others


class _Characters:
    """The distinct characters of the pages, for the font subsets, added a page at a time.

    set() over Vietnamese text makes a string object per character; instead every run of the
    characters already seen is deleted with one regex scan, and only what is left (a few new
    characters, then none) is looked at."""

    def __init__(self) -> None:
        self.seen: set[str] = set()
        self._known: re.Pattern[str] | None = None

    def add(self, text: str) -> None:
        new = self._known.sub("", text) if self._known is not None else text
        if new:
            self.seen.update(new)
            self._known = re.compile("[" + "".join(map(re.escape, sorted(self.seen))) + "]+")


@contextlib.contextmanager
def _entry(zf: zipfile.ZipFile, name: str, stored: bool = False) -> Iterator[IO[bytes]]:
    """A member of a deterministic EPUB container, open for writing a piece at a time: the
    1980 date; stored (the mimetype, and photos: JPEG and PNG are compressed already) or
    deflated at the ZipFile's level."""
    if stored:
        info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
        info.compress_type = zipfile.ZIP_STORED
        with zf.open(info, "w") as entry:
            yield entry
    else:
        # Opened by name, the member gets the ZipFile's compresslevel (a ZipInfo's own level
        # has no public setter before Python 3.13) and ZipInfo's default date, ZIP_DATE.
        with zf.open(name, "w") as entry:
            yield entry
        info = zf.getinfo(name)
    # Written only into the zip's directory, at the end: the same bytes on every machine.
    info.external_attr = 0o644 << 16
    info.create_system = 3  # Unix, whatever machine builds it


def _write(zf: zipfile.ZipFile, name: str, data: bytes | Picture) -> None:
    """A member written whole; a photo copied from where it is kept (model.PictureBytes)."""
    with _entry(zf, name, stored=name == "mimetype" or not isinstance(data, bytes)) as entry:
        if isinstance(data, bytes):
            entry.write(data)
        else:
            data.held.copy_to(entry)


def _font_href(font: FontFamily, style: str) -> str:
    return f"fonts/{font.files[style]}"


def _photo_href(picture: Picture, photos: dict[str, Picture]) -> str:
    """The photo's file in the book, named by its bytes: one file however many pages show it."""
    suffix = ".png" if picture.media_type == "image/png" else ".jpg"
    href = f"images/{picture.held.digest[:20]}{suffix}"
    photos.setdefault(href, picture)
    return href


class EpubExporter:
    name: ClassVar[str] = "epub"
    suffix: ClassVar[str] = ".epub"
    description: ClassVar[str] = "EPUB 3 e-book with embedded fonts, for e-readers and phones"

    def render(self, report: Report, options: Settings) -> bytes:
        out = io.BytesIO()
        self.render_to(report, options, out)
        return out.getvalue()

    def render_to(self, report: Report, options: Settings, out: BinaryIO) -> None:
        """The book, each file written into `out` as it is made: nothing is kept per article.
        The files that link to articles (nav, index, toc.ncx) follow the articles' files, which
        say where each article is; those that depend on every page (the fonts' subsets, the
        identifier in content.opf and toc.ncx) follow the pages; only the mimetype comes first."""
        faces = font_faces(options.theme, _font_href, styles=EMBEDDED_STYLES)
        photos: dict[str, Picture] = {}  # file in the book → the photo, each once
        base = template_context(report, options, mode="epub", font_faces=faces,
                                photo_url=lambda picture: _photo_href(picture, photos))
        view: ReportView = base["r"]
        brief = bool(base["brief"])
        files = _ArticleFiles()
        link = base["link"] = _linker(view, brief, files)
        first = view.sections[0].toc[0]
        # The identifier is a hash of what the reader sees, so the same report keeps the same
        # identity across runs and machines, and a changed report gets a new one.
        digest = hashlib.sha256()
        characters = _Characters()

        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=TEXT_LEVEL) as zf:

            def add(file: str, name: str, shown: bool = True, **context: Any) -> None:
                """`file` from template `name`, written as it is made; what the reader is shown
                counts for the identifier and the fonts' characters."""
                if shown:
                    digest.update(file.encode() + b"\0")
                with _entry(zf, f"OEBPS/{file}") as entry:
                    for text in batches(stream_template(options, name, **base, **context)):
                        data = text.encode("utf-8")
                        if shown:
                            characters.add(text)
                            digest.update(data)
                        entry.write(data)
                if shown:
                    digest.update(b"\0")

            def page(file: str, kind: str, title: str, **extra: Any) -> None:
                add(file, "epub/page.xhtml", page=kind, page_title=title, **extra)

            _write(zf, "mimetype", b"application/epub+zip")
            container = render_template(options, "epub/container.xml", **base)
            _write(zf, "META-INF/container.xml", container.encode("utf-8"))
            page("cover.xhtml", "cover", view.title)
            page("summary.xhtml", "summary", base["summary_title"])
            if brief:
                page("brief.xhtml", "brief", view.title)
            else:
                def article(a: ArticleView, section_start: SectionView | None, last: bool) -> str:
                    # The last article ends with the signature block, as the document does.
                    return render_template(options, "epub/article.xhtml", **base, a=a,
                                           section_start=section_start, last=last)

                for a, texts in _article_files(view, article):
                    page(files.start(a.number), "articles", a.heading_text, articles=texts)
            add("nav.xhtml", "epub/nav.xhtml", first_anchor=first.anchor, first_heading=first.heading_text)
            if view.index:
                page("index.xhtml", "index", base["index_title"])
            css = render_template(options, "epub.css", **base).encode("utf-8")
            digest.update(b"style.css\0" + css + b"\0")
            identifier = f"urn:uuid:{uuid.UUID(bytes=digest.digest()[:16], version=5)}"
            _write(zf, "OEBPS/style.css", css)

            others = [ManifestItem("ncx", "toc.ncx", "application/x-dtbncx+xml"),
                      ManifestItem("css", "style.css", "text/css")]
            fonts = [(_font_href(font, style), font.path(style))
                     for font in theme_families(options.theme) for style in EMBEDDED_STYLES]
            others += [ManifestItem(f"font{i}", href, "application/vnd.ms-opentype")
                       for i, (href, _) in enumerate(fonts)]
            others += [ManifestItem(f"photo{i}", href, picture.media_type)
                       for i, (href, picture) in enumerate(photos.items())]
            manifest = _Manifest(lambda: _page_names(view, brief, files), others, bool(view.charts))
            add("content.opf", "epub/content.opf", shown=False, identifier=identifier, manifest=manifest)
            points = _ncx_points(view, link, base["summary_title"], base["index_title"])
            add("toc.ncx", "epub/toc.ncx", shown=False, identifier=identifier, ncx_points=points)
            for href, path in fonts:
                _write(zf, f"OEBPS/{href}", subset_ttf(path, frozenset(characters.seen)))
            for href, picture in photos.items():
                _write(zf, f"OEBPS/{href}", picture)


def _article_files(view: ReportView, render: Callable[[ArticleView, SectionView | None, bool], str],
                   ) -> Iterator[tuple[ArticleView, list[Markup]]]:
    """The articles, each rendered alone by `render(article, section starting, last)`, put in
    files of consecutive articles within FILE_BYTES (an article longer has a file of its own):
    each file's first article and the articles' markup."""
    last = next((s.numbered[-1].anchor for s in reversed(view.sections) if s.numbered), None)
    first: ArticleView | None = None
    held: list[Markup] = []
    size = 0
    for s in view.sections:
        for i, a in enumerate(s.articles):
            text = render(a, s if view.grouped and i == 0 else None, a.anchor == last)
            length = len(text.encode("utf-8"))
            if first is not None and size + length > FILE_BYTES:
                yield first, held
                first = None
            if first is None:
                first, held, size = a, [], 0
            held.append(Markup(text))
            size += length
    if first is not None:
        yield first, held


def _page_names(view: ReportView, brief: bool, files: _ArticleFiles) -> Iterator[str]:
    """Every page of the book, in reading order."""
    yield from ("cover.xhtml", "nav.xhtml", "summary.xhtml")
    if brief:
        yield "brief.xhtml"
    else:
        yield from files
    if view.index:
        yield "index.xhtml"
