"""The Jinja2 side of the HTML, EPUB and WeasyPrint PDF exporters: environment, fonts, context."""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
    Template,
    TemplateError,
    TemplateNotFound,
)
from jinja2.bccache import Bucket
from jinja2.loaders import split_template_path
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from tgreport import present
from tgreport.errors import ExportError
from tgreport.export.html import chart as htmlchart
from tgreport.export.html import markup as htmlmarkup
from tgreport.export.html.view import (
    ArticleView,
    IndexGroup,
    IndexLine,
    IndexLink,
    ManifestItem,
    NcxPoint,
    PhotoUrl,
    ReportView,
    SectionView,
    TocView,
    build_view,
    css_string_filter,
    data_uri,
    marked_filter,
    plain_filter,
    text_filter,
)
from tgreport.model import Report
from tgreport.present import brief as present_brief
from tgreport.present.header import SHORT_RULE
from tgreport.settings import Settings
from tgreport.support.cachedir import cache_dir
from tgreport.support.fonts import STYLES, FontFamily, family
from tgreport.support.regular import read_regular_file
from tgreport.support.resources import templates_dir
from tgreport.theme import Theme

log = logging.getLogger(__name__)

# A CSS font family name we are willing to write into a stylesheet unquoted-safe.
_SAFE_FAMILY = re.compile(r"^[\w .-]+$")


class _Sandbox(SandboxedEnvironment):
    """The sandbox, with a fast pass for the plain data classes that tgreport itself hands over.

    Their public attributes are data (strings, numbers, tuples), never callables worth guarding;
    checking them one by one costs more than the rest of the rendering together.
    """

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if type(obj) in _DATA_TYPES:
            return not attr.startswith("_")
        return bool(super().is_safe_attribute(obj, attr, value))


MAX_TEMPLATE_BYTES = 1024 * 1024  # an HTML template or stylesheet is a few pages of text


class ConfinedLoader(FileSystemLoader):
    """A user's template folder: a template is read only if it really lies inside the folder
    (a link to /etc/shadow there is refused, as the sandbox refuses the path written out), and
    only as a regular file under MAX_TEMPLATE_BYTES."""

    def __init__(self, searchpath: list[str], root: Path) -> None:
        super().__init__(searchpath)
        self.root = os.path.realpath(root)

    def get_source(self, environment: Any, template: str) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)  # refuses ".." and absolute names
        for folder in self.searchpath:
            filename = os.path.join(folder, *pieces)
            if os.path.lexists(filename):
                break
        else:
            raise TemplateNotFound(template)
        real = os.path.realpath(filename)
        if not real.startswith(self.root + os.sep):
            # Not TemplateNotFound: the ChoiceLoader would quietly fall back to the built-in one.
            raise ExportError(f"leads outside the template folder {self.root}; not read", filename)
        text = read_regular_file(real, MAX_TEMPLATE_BYTES, "template").decode(self.encoding)
        return text, os.path.normpath(filename), lambda: True


# How templates are read and compiled (the compiled code depends on them, see _compiled_templates).
_OPTIONS: dict[str, Any] = {
    "autoescape": True,
    "undefined": StrictUndefined,
    "auto_reload": False,  # compile once per process; templates do not change under us
    "trim_blocks": True,
    "lstrip_blocks": True,
    "keep_trailing_newline": True,
}


@cache
def environment(template_dir: Path | None = None, keep_compiled: bool = False) -> SandboxedEnvironment:
    """The Jinja2 environment for one override folder; built, and its templates compiled, once.
    With `keep_compiled` (Settings.cache: the CLI without --no-cache), the built-in templates'
    compiled code is kept in the user's cache folder for the next run.

    A sandbox because a user's `--template-dir` is code we did not write; autoescape because
    article text is text.
    """
    builtin = templates_dir()
    searched: list[Path] = []
    if template_dir is not None:
        if not template_dir.is_dir():
            raise ExportError("the template folder does not exist", template_dir)
        searched += [template_dir / "html", template_dir / "css", template_dir]
    user = [str(p) for p in searched if p.is_dir()]
    builtin_paths = [str(p) for p in (builtin / "html", builtin / "css") if p.is_dir()]
    loaders: list[BaseLoader] = [ConfinedLoader(user, template_dir)] if user and template_dir else []
    env = _Sandbox(
        loader=ChoiceLoader([*loaders, *(FileSystemLoader(p) for p in builtin_paths)]),
        # A user's templates are compiled afresh on every run: only code that tgreport ships is kept.
        bytecode_cache=_compiled_templates() if keep_compiled and template_dir is None else None,
        **_OPTIONS,
    )
    env.filters["t"] = text_filter
    env.filters["plain"] = plain_filter
    env.filters["css_string"] = css_string_filter
    env.filters["blocks"] = htmlmarkup.article_blocks
    return env


class _CompiledTemplates(FileSystemBytecodeCache):
    """The built-in templates as compiled by an earlier run: compiling them is a large share of
    rendering a page (~45 ms of CPU for the HTML page's, ~60 for the EPUB's; loading them takes
    ~3). Jinja2 keeps an entry per template with a checksum of its source, and compiles afresh
    a template whose source changed. An entry that cannot be read is ignored, one that cannot
    be written skipped: the cache can make a run faster, never make it fail."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception as exc:  # truncated or foreign: unpickling and unmarshalling raise many kinds
            log.debug("compiled template %s ignored: %s", bucket.key, exc)
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError as exc:
            log.debug("compiled template %s not kept: %s", bucket.key, exc)


def _compiled_templates() -> _CompiledTemplates | None:
    """The cache of compiled templates, in `templates/` of the user's cache folder (support.cachedir),
    or None when that folder cannot be made or is not a folder that only this user can use:
    what it holds is code this process runs."""
    root = cache_dir()
    folder = root / "templates"
    try:
        root.mkdir(mode=0o700, parents=True, exist_ok=True)  # as read.cache makes it
        folder.mkdir(mode=0o700, exist_ok=True)
        info = os.lstat(folder)
    except OSError as exc:
        log.debug("no cache of compiled templates in %s: %s", folder, exc)
        return None
    getuid = getattr(os, "getuid", None)
    if not stat.S_ISDIR(info.st_mode) or info.st_mode & 0o077 or (getuid and info.st_uid != getuid()):
        log.debug("no cache of compiled templates in %s: not a folder of this user's alone", folder)
        return None
    # The compiled code depends on Jinja2's version, the environment's options and the sandbox's
    # intercepted operators as well: a change of any starts afresh. (Jinja2 adds Python's version.)
    made_by = repr((jinja2.__version__, sorted(_OPTIONS.items()), sorted(_Sandbox.intercepted_binops),
                    sorted(_Sandbox.intercepted_unops)))
    return _CompiledTemplates(str(folder), f"{hashlib.sha256(made_by.encode()).hexdigest()[:16]}-%s.cache")


def get_template(options: Settings, name: str) -> Template:
    try:
        return environment(options.template_dir, options.cache).get_template(name)
    except TemplateError as exc:
        where = options.template_dir or templates_dir()
        raise ExportError(f"template {name!r} cannot be loaded: {exc}", where) from exc


def render_template(options: Settings, name: str, **context: Any) -> str:
    return "".join(stream_template(options, name, **context))


def stream_template(options: Settings, name: str, **context: Any) -> Iterator[str]:
    """The template's text in the pieces Jinja2 makes it in, for writing as it is made."""
    template = get_template(options, name)
    try:
        yield from template.generate(**context)
    except TemplateError as exc:
        where = template.filename or name
        raise ExportError(f"template error: {exc}", where) from exc


@dataclass(frozen=True)
class FontFaceView:
    family: str  # the CSS family name
    weight: str
    style: str
    file: str  # file name inside fonts/
    url: str  # where this output finds it


_STYLE_CSS = {
    "regular": ("normal", "normal"),
    "bold": ("bold", "normal"),
    "italic": ("normal", "italic"),
    "bolditalic": ("bold", "italic"),
}


_DATA_TYPES = frozenset(
    {
        ArticleView, TocView, SectionView, IndexLink, IndexLine, IndexGroup, FontFaceView, ReportView,
        ManifestItem, NcxPoint,
        present.Summary, Theme,
    }
)


def css_family(font: FontFamily, name: str | None = None) -> Markup:
    """A CSS font-family value for a shipped family: its name, its office twin, then generic."""
    names = [name or font.name, font.name, font.office_name]
    for n in names:
        if not _SAFE_FAMILY.match(n):
            raise ExportError(f"font family name {n!r} cannot be written into CSS")
    unique = list(dict.fromkeys(names))
    return Markup(", ".join(f'"{n}"' for n in unique) + f", {font.generic}")


def family_or_error(name: str) -> FontFamily:
    try:
        return family(name)
    except KeyError as exc:
        raise ExportError(str(exc.args[0])) from exc


def theme_families(theme: Theme) -> tuple[FontFamily, ...]:
    """The shipped families a theme uses (body, headings), each once."""
    # FontFamily holds a dict, so it is not hashable: de-duplicate by name.
    names = dict.fromkeys((theme.font_family, theme.heading_font_family))
    return tuple(family_or_error(n) for n in names)


def font_faces(
    theme: Theme, url_for: Any, styles: Iterable[str] = STYLES, prefix: str = ""
) -> tuple[FontFaceView, ...]:
    """@font-face rules for the theme's families; `url_for(family, style)` says where each file is."""
    faces = []
    for font in theme_families(theme):
        for style in styles:
            weight, slant = _STYLE_CSS[style]
            faces.append(
                FontFaceView(prefix + font.name, weight, slant, font.files[style], url_for(font, style))
            )
    return tuple(faces)


def macros_for(options: Settings) -> dict[str, Any]:
    """The article writers and TOC entries the page templates call, for these options."""
    template = get_template(options, "_article.html")  # the built-in one, or the user's
    module = template.module
    builtin = templates_dir() / "html"
    return {
        **{name: getattr(module, name) for name in ("article", "section_head", "section_articles")},
        # report.html writes the built-in section_articles' markup itself, one article at a time,
        # so that the page can be written as it is made (a macro returns all its text at once).
        "builtin_sections": template.filename is not None
        and Path(template.filename).resolve().is_relative_to(builtin.resolve()),
        "toc_articles": htmlmarkup.toc_articles,
        "chart_svg": htmlchart.svg,
        "toc_article": htmlmarkup.toc_article,
        "index_links": htmlmarkup.index_links,
        "index_numbers": htmlmarkup.index_numbers,
    }


def template_context(
    report: Report, options: Settings, family_prefix: str = "", photo_url: PhotoUrl = data_uri, **extra: Any
) -> dict[str, Any]:
    """The variables every template sees; `extra` adds or overrides (mode, font_faces, …);
    `photo_url` says where a page finds each photo (inside it, by default)."""
    theme = options.theme
    body, heading = family_or_error(theme.font_family), family_or_error(theme.heading_font_family)
    context: dict[str, Any] = {
        # No QR code in the EPUB: an e-reader follows the link itself.
        "r": build_view(report, options.date_style, photo_url,
                        options.toc_summaries and options.kind == "full",
                        options.qr and extra.get("mode") != "epub", in_pieces=extra.get("mode") == "pdf",
                        bodies=options.kind != "brief",
                        # A page (HTML) or a book (EPUB) written as it is made makes each
                        # article's view when it prints it, and its TOC entries light views;
                        # the PDF goes through the views more often.
                        kept=extra.get("mode", "html") == "pdf"),
        "theme": theme,
        # With a prefix, the PDF names its @font-face families apart from installed fonts, so
        # the shipped files are used even where a system font has the same name.
        "body_family": css_family(body, family_prefix + body.name if family_prefix else None),
        "heading_family": css_family(heading, family_prefix + heading.name if family_prefix else None),
        "text_align": "justify" if theme.justify else "left",
        "article_break": options.article_break,  # "page" or "run" (Settings.article_break)
        # CSS names the paper and its turn apart: "A4-landscape" is "A4 landscape" in @page.
        "page_css": theme.page_size.replace("-", " "),
        "heading_align": "center" if theme.justify else "left",  # as the PDF's and DOCX's titles
        # The TOC's hanging number, in points: "12. " at the body size (a digit is half an em in
        # the shipped fonts), as the PDF's label column.
        "toc_label_pt": round(theme.body_size * (0.5 * len(str(len(report.all_articles()))) + 0.6), 1),
        "toc_title": present.TOC_TITLE,
        "summary_title": present.SUMMARY_TITLE,
        "index_title": present.INDEX_TITLE,
        "print_note": present.PRINT_NOTE,
        "labels": {
            **present.SUMMARY_LABELS,
            "article": present.ARTICLE_LABEL,
            "page": present.PAGE_LABEL,
            "index_pages": present.INDEX_PAGES_LABEL,
        },
        # The short rule under a State issuing body: this much of its line is left on each side.
        "short_rule_inset": round((1 - SHORT_RULE) * 50, 2),
        # The short digest's items (kind "brief"), None for the full compilation.
        "brief": present_brief.brief(report) if options.kind == "brief" else None,
        "link_label": present_brief.LINK_LABEL,
        # A brief item's summary with the highlight terms in <mark> (articles' views have them already).
        "mark": functools.partial(marked_filter, terms=report.highlight),
        "font_faces": (),
        "mode": "html",
        **macros_for(options),
    }
    context.update(extra)
    return context
