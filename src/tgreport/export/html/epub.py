"""EPUB 3: the HTML rendering cut into one XHTML file per article, packaged with nav, NCX and fonts."""

from __future__ import annotations

import hashlib
import io
import itertools
import re
import uuid
import zipfile
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO, ClassVar

from tgreport.export.html.base import font_faces, render_template, template_context, theme_families
from tgreport.export.html.view import ManifestItem, NcxPoint, ReportView, plain_filter
from tgreport.export.html.webfonts import subset_ttf
from tgreport.model import Picture, Report
from tgreport.present import is_article_anchor
from tgreport.settings import Settings
from tgreport.support.fonts import STYLES, FontFamily

# All four styles: with HarfBuzz a subset costs milliseconds, and readers synthesise bold italic
# badly when it is missing.
EMBEDDED_STYLES = STYLES
# 1980-01-01, the earliest date a zip can hold: every rerun gives the same bytes.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
# zlib's level for the pages, fonts and package files: 3, the last of its fast levels (no lazy
# matching), makes a book a few percent larger than the default 6 does, in two thirds of the time.
TEXT_LEVEL = 3


_FRONT_FILES = {"summary": "summary.xhtml", "index": "index.xhtml", "cover": "cover.xhtml"}


def _linker(view: ReportView, brief: bool) -> Callable[[str], str]:
    """Where each anchor lives, as a link: `a3` in a3.xhtml; a section heading in its first
    article's file; in the brief every article and section on its one page. Worked out from
    the anchor, not kept per article: a million articles would be a million entries."""
    sections = {s.anchor: s.numbered[0].anchor for s in view.sections if s.numbered}

    def file_of(anchor: str) -> str:
        if anchor in _FRONT_FILES:
            return _FRONT_FILES[anchor]
        if not (anchor in sections or is_article_anchor(anchor)):
            raise KeyError(anchor)
        return "brief.xhtml" if brief else f"{sections.get(anchor, anchor)}.xhtml"

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


def _write(zf: zipfile.ZipFile, name: str, data: bytes | Picture) -> None:
    """One member of a deterministic EPUB container: fixed dates; the mimetype (written first)
    stored; a photo copied from where it is kept (model.PictureBytes), a piece at a time, and
    stored, since JPEG and PNG are compressed already."""
    info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
    info.external_attr = 0o644 << 16
    info.create_system = 3  # Unix, whatever machine builds it
    stored = name == "mimetype" or not isinstance(data, bytes)
    info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    if isinstance(data, bytes):
        zf.writestr(info, data, compresslevel=TEXT_LEVEL)
        return
    info.file_size = data.held.size  # as writestr says it: the same entry, byte for byte
    with zf.open(info, "w") as entry:
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
        """The book, each page written into `out` as it is made: nothing is kept per article.
        The package files that depend on every page (the fonts' subsets, the identifier in
        content.opf and toc.ncx) follow the pages; only the mimetype must come first."""
        faces = font_faces(options.theme, _font_href, styles=EMBEDDED_STYLES)
        photos: dict[str, Picture] = {}  # file in the book → the photo, each once
        base = template_context(report, options, mode="epub", font_faces=faces,
                                photo_url=lambda picture: _photo_href(picture, photos))
        view: ReportView = base["r"]
        brief = bool(base["brief"])
        link = base["link"] = _linker(view, brief)
        first = view.sections[0].toc[0]
        # The identifier is a hash of what the reader sees, so the same report keeps the same
        # identity across runs and machines, and a changed report gets a new one.
        digest = hashlib.sha256()
        characters = _Characters()

        with zipfile.ZipFile(out, "w") as zf:

            def add(file: str, text: str) -> None:
                characters.add(text)
                data = text.encode("utf-8")
                digest.update(file.encode() + b"\0")
                digest.update(data)
                digest.update(b"\0")
                _write(zf, f"OEBPS/{file}", data)

            def page(file: str, kind: str, title: str, **extra: Any) -> None:
                add(file, render_template(options, "epub/page.xhtml", **base, page=kind, page_title=title,
                                          **extra))

            _write(zf, "mimetype", b"application/epub+zip")
            container = render_template(options, "epub/container.xml", **base)
            _write(zf, "META-INF/container.xml", container.encode("utf-8"))
            page("cover.xhtml", "cover", view.title)
            add("nav.xhtml", render_template(options, "epub/nav.xhtml", **base, first_anchor=first.anchor,
                                             first_heading=first.heading_text))
            page("summary.xhtml", "summary", base["summary_title"])
            if brief:
                page("brief.xhtml", "brief", view.title)
            if not brief:
                last = next((s.numbered[-1].anchor for s in reversed(view.sections) if s.numbered), None)
                for s in view.sections:
                    for i, a in enumerate(s.articles):
                        start = s if (view.grouped and i == 0) else None
                        # The plain heading: the template escapes titles, and `a.heading` is escaped
                        # already. The last article's page ends with the signature block, as the
                        # document does.
                        page(f"{a.anchor}.xhtml", "article", a.heading_text, a=a, section_start=start,
                             last=a.anchor == last)
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
            manifest = _Manifest(lambda: _page_names(view, brief), others, bool(view.charts))
            opf = render_template(options, "epub/content.opf", **base, identifier=identifier,
                                  manifest=manifest)
            _write(zf, "OEBPS/content.opf", opf.encode("utf-8"))
            points = _ncx_points(view, link, base["summary_title"], base["index_title"])
            ncx = render_template(options, "epub/toc.ncx", **base, identifier=identifier, ncx_points=points)
            _write(zf, "OEBPS/toc.ncx", ncx.encode("utf-8"))
            for href, path in fonts:
                _write(zf, f"OEBPS/{href}", subset_ttf(path, frozenset(characters.seen)))
            for href, picture in photos.items():
                _write(zf, f"OEBPS/{href}", picture)



def _page_names(view: ReportView, brief: bool) -> Iterator[str]:
    """Every page of the book, in reading order (as render_to writes them)."""
    yield from ("cover.xhtml", "nav.xhtml", "summary.xhtml")
    if brief:
        yield "brief.xhtml"
    else:
        for s in view.sections:
            for a in s.numbered:
                yield f"{a.anchor}.xhtml"
    if view.index:
        yield "index.xhtml"
