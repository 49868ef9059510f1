"""Reading a DOCX back with lxml and zipfile only, independent of the exporter's code."""

from __future__ import annotations

import io
import re
import zipfile

from lxml import etree

from factories import SEEDS, make_article, make_report  # noqa: F401 (re-exported)
from tgreport.export.docx import DocxExporter
from tgreport.model import Report
from tgreport.settings import Settings

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def render(report: Report, **options: object) -> bytes:
    return DocxExporter().render(report, Settings(**options))  # type: ignore[arg-type]


def part(data: bytes, name: str) -> etree._Element:
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read(name))


def attr(element: etree._Element, name: str) -> str | None:
    return element.get(f"{{{W}}}{name}")


def paragraph_text(p: etree._Element) -> str:
    """Visible text of a paragraph: w:t, tabs as tabs, field instructions left out."""
    out = []
    for el in p.iter(f"{{{W}}}t", f"{{{W}}}tab", f"{{{W}}}br"):
        if el.tag.endswith("}t"):
            out.append(el.text or "")
        elif el.getparent() is not None and el.getparent().tag == f"{{{W}}}r":
            out.append("\t" if el.tag.endswith("}tab") else "\n")
    return "".join(out)


def paragraphs(data: bytes) -> list[tuple[str, str]]:
    """(style id, text) of every body paragraph."""
    body = part(data, "word/document.xml").find("w:body", NS)
    result = []
    for p in body.iterfind("w:p", NS):
        style = p.find("w:pPr/w:pStyle", NS)
        result.append((attr(style, "val") if style is not None else "", paragraph_text(p)))
    return result


def toc_entries(data: bytes) -> dict[str, tuple[str, int]]:
    """Bookmark → (entry text, stored page number) for every hyperlinked TOC entry."""
    body = part(data, "word/document.xml").find("w:body", NS)
    found = {}
    for p in body.iterfind("w:p", NS):
        style = p.find("w:pPr/w:pStyle", NS)
        if style is None or attr(style, "val") not in ("TOC1", "TOC2"):
            continue
        link = p.find("w:hyperlink", NS)
        instr = "".join(t.text or "" for t in link.iter(f"{{{W}}}instrText"))
        anchor = attr(link, "anchor")
        assert re.fullmatch(rf"\s*PAGEREF {anchor} \\h\s*", instr), instr
        entry, _, number = paragraph_text(link).rpartition("\t")
        found[anchor] = (entry, int(number))
    return found
