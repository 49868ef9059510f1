"""The reference document: styles, page set-up, header and properties of the DOCX package.

The built-in reference (templates/docx/reference.docx) gets its styles regenerated from the
theme; a user's template (`--template`) keeps its own and only gains the styles it lacks.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import parse_xml
from docx.shared import Twips
from lxml import etree

from tgreport.errors import ExportError
from tgreport.export.docx.styles import LANGUAGE, StyleSpec, style_xml, styles_xml
from tgreport.export.docx.wml import W_NS, esc, mm_twips
from tgreport.model import Report
from tgreport.support.regular import read_regular_file
from tgreport.support.resources import templates_dir
from tgreport.theme import Theme

log = logging.getLogger(__name__)

PAGE_SIZES = {"A4": (11906, 16838), "A5": (8391, 11906), "LETTER": (12240, 15840)}
_W = f"{{{W_NS}}}"


def reference_path() -> Path:
    return templates_dir() / "docx" / "reference.docx"


@dataclass(frozen=True)
class Geometry:
    """The text area of a page, in twips."""

    text_width: int
    text_height: int


MAX_TEMPLATE_BYTES = 20 * 1024 * 1024  # a reference document is styles and a few pages


def open_document(template: Path | None) -> Any:
    """The reference document (or the user's template) as a python-docx Document."""
    path = template or reference_path()
    try:
        if template is None:
            return docx.Document(str(path))
        # A user's file: read once, as a regular file under a limit (a FIFO named by mistake
        # would hang the run, /dev/zero fill the memory).
        return docx.Document(io.BytesIO(read_regular_file(template, MAX_TEMPLATE_BYTES, "DOCX template")))
    except (OSError, PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError,
            etree.XMLSyntaxError) as exc:
        raise ExportError(f"cannot use this file as the DOCX reference document: {exc}", path) from exc


def page_size(theme: Theme) -> tuple[int, int]:
    """The theme's paper in twips; "A4-landscape" turns it."""
    name, _, orientation = theme.page_size.upper().partition("-")
    try:
        width, height = PAGE_SIZES[name]
    except KeyError:
        raise ExportError(f"unknown page size {theme.page_size!r}; known: {', '.join(PAGE_SIZES)}") from None
    return (height, width) if orientation == "LANDSCAPE" else (width, height)


def set_up_page(doc: Any, theme: Theme) -> None:
    """Paper and margins from the theme; the header sits in the middle of the top margin."""
    section = doc.sections[0]
    width, height = page_size(theme)
    section.page_width, section.page_height = Twips(width), Twips(height)
    top, bottom = mm_twips(theme.margin_top_mm), mm_twips(theme.margin_bottom_mm)
    section.top_margin, section.bottom_margin = Twips(top), Twips(bottom)
    section.left_margin = Twips(mm_twips(theme.margin_left_mm))
    section.right_margin = Twips(mm_twips(theme.margin_right_mm))
    # The PDF centres the number's baseline in the top margin; the header's line starts above.
    section.header_distance = Twips(max(top // 2 - round(theme.body_size * 14), 0))
    section.footer_distance = Twips(bottom // 2)
    section.gutter = Twips(0)


def geometry(doc: Any) -> Geometry:
    section = doc.sections[0]

    def tw(value: Any) -> int:
        return int(value.twips) if value is not None else 0

    width = tw(section.page_width) - tw(section.left_margin) - tw(section.right_margin) - tw(section.gutter)
    height = tw(section.page_height) - tw(section.top_margin) - tw(section.bottom_margin)
    if width <= 0 or height <= 0:
        raise ExportError("the DOCX reference document has no room between its margins")
    return Geometry(width, height)


def install_styles(doc: Any, specs: dict[str, StyleSpec], theme: Theme, keep_existing: bool) -> None:
    """Our styles replace the reference's, or (for a user's template) fill in what it lacks."""
    root = doc.styles.element
    if not keep_existing:
        fresh = etree.fromstring(styles_xml(specs, theme).encode("utf-8"))
        for child in list(root):
            root.remove(child)
        for child in list(fresh):
            root.append(child)
        return
    present_ids = {el.get(f"{_W}styleId") for el in root.iterchildren(f"{_W}style")}
    for spec in specs.values():
        if spec.id not in present_ids:
            log.debug("template lacks style %s; adding tgreport's", spec.id)
            root.append(parse_xml(_with_ns(style_xml(spec, theme))))


def _with_ns(fragment: str) -> str:
    return fragment.replace("<w:style ", f'<w:style xmlns:w="{W_NS}" ', 1)


def set_header(doc: Any, theme: Theme, text_width: int) -> None:
    """The page number centred at the top of every page but the cover (a different first page)."""
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    _replace_content(section.first_page_header, '<w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr></w:p>')
    header = section.header
    header.is_linked_to_previous = False
    field = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    if theme.header_text:
        # As the PDF: the header text on the left, the number still in the middle.
        ppr = (
            f'<w:pPr><w:pStyle w:val="Header"/><w:tabs><w:tab w:val="center" w:pos="{text_width // 2}"/>'
            '</w:tabs><w:jc w:val="left"/></w:pPr>'
        )
        runs = f"<w:r><w:rPr><w:i/></w:rPr><w:t>{esc(theme.header_text)}</w:t></w:r><w:r><w:tab/></w:r>"
        _replace_content(header, f"<w:p>{ppr}{runs}{field}</w:p>")
    else:
        _replace_content(header, f'<w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr>{field}</w:p>')


def _replace_content(story: Any, paragraph_xml: str) -> None:
    element = story.part.element  # the header part's root (w:hdr): its paragraphs are ours to set
    for child in list(element):
        element.remove(child)
    element.append(parse_xml(paragraph_xml.replace("<w:p>", f'<w:p xmlns:w="{W_NS}">', 1)))


def clear_body(doc: Any) -> None:
    """Drop the reference's own text, keeping its section properties."""
    body = doc.element.body
    for child in list(body):
        if child.tag != f"{_W}sectPr":
            body.remove(child)


def set_properties(doc: Any, report: Report, subject: str) -> None:
    props = doc.core_properties
    props.title = report.title
    # The author is the office, as in the PDF; no tool's name where Word shows the author.
    props.author = report.organisation or ""
    props.last_modified_by = report.organisation or ""
    props.subject = subject
    props.language = LANGUAGE
    props.keywords = ""
    props.comments = ""
    props.revision = 1
    props.created = props.modified = created(report)
    settings = doc.settings.element
    for lang in settings.iterchildren(f"{_W}themeFontLang"):
        lang.set(f"{_W}val", LANGUAGE)


def created(report: Report) -> dt.datetime:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else the issue date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).replace(tzinfo=None)
    return dt.datetime(report.issued.year, report.issued.month, report.issued.day)
