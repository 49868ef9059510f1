"""The paragraphs of the body as light values, and their WordprocessingML, built as strings.

python-docx builds one proxy object per run and is slow on long digests (about 16 s for 1,000
articles); joining strings and parsing them once is what makes the exporter fast.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from tgreport.export.docx.wml import esc
from tgreport.model import Picture
from tgreport.present.highlight import pieces

# Run kinds: plain text, a tab, a line break, or a PAGEREF field showing a stored page number.
TEXT, TAB, PAGEREF = "text", "tab", "pageref"


@dataclass(slots=True)
class Run:
    text: str = ""
    bold: bool = False
    italic: bool = False
    kind: str = TEXT
    anchor: str = ""  # the bookmark a PAGEREF points to
    mark: bool = False  # a highlighted term (present.highlight): bold, on Word's grey highlight


@dataclass(slots=True)
class Para:
    """One paragraph: a style id, runs, and what the layout and the links need to know."""

    style: str
    runs: list[Run] = field(default_factory=list)
    page_break: bool = False
    bookmark: str | None = None  # an anchor ("a1", "s1") that TOC and index link to
    link: str | None = None  # the runs link to this bookmark (TOC and index entries)
    before: int | None = None  # overrides the style's space before, in twips
    after: int | None = None  # … and its space after
    field_begin: str | None = None  # a complex field (the TOC) starts before the runs
    field_end: bool = False  # … and ends after them
    xml: str | None = None  # written as it is instead (the cover's header table); no runs
    photo: Picture | None = None  # a photo paragraph: its drawing is made by photo.Photos (the runs name it)
    height: int | None = None  # an `xml` table's exact height in twips, for the page estimate
    keep_next: bool = False  # kept on the page of the next paragraph, whatever its style says
    keep_lines: bool = False  # … and its lines kept on one page
    tail: bool = False  # an article's last paragraph of text (layout.keep_tails)


def text(value: str, bold: bool = False, italic: bool = False) -> Run:
    return Run(value, bold, italic)


def marked(value: str, terms: tuple[str, ...], italic: bool = False) -> list[Run]:
    """`value` as runs, the highlight terms (present.highlight) bold and highlighted."""
    if not terms:
        return [Run(value, False, italic)]
    return [Run(piece, hit, italic, mark=hit) for piece, hit in pieces(value, terms)]


def run_xml(run: Run, pages: Mapping[str, int]) -> str:
    if run.kind == TAB:
        return "<w:r><w:tab/></w:r>"
    if run.kind == PAGEREF:
        # A real field, so Word can refresh it, with the page we expect as its stored result.
        stored = str(pages.get(run.anchor, 0))
        return (
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> PAGEREF {run.anchor} \\h </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            f"<w:r><w:t>{stored}</w:t></w:r>"
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        )
    rpr = ""
    if run.bold or run.italic or run.mark:
        rpr = "<w:rPr>" + ("<w:b/><w:bCs/>" if run.bold else "") + ("<w:i/><w:iCs/>" if run.italic else "")
        rpr += ('<w:highlight w:val="lightGray"/>' if run.mark else "") + "</w:rPr>"
    value = esc(run.text)
    if "\n" not in value and "\t" not in value:
        return _text_run(rpr, value)
    pieces = []
    for n, line in enumerate(value.split("\n")):
        if n:
            pieces.append(f"<w:r>{rpr}<w:br/></w:r>")
        for k, cell in enumerate(line.split("\t")):
            if k:
                pieces.append(f"<w:r>{rpr}<w:tab/></w:r>")
            pieces.append(_text_run(rpr, cell))
    return "".join(pieces)


def _text_run(rpr: str, value: str) -> str:
    if not value:
        return ""
    space = ' xml:space="preserve"' if value[0] == " " or value[-1] == " " else ""
    return f"<w:r>{rpr}<w:t{space}>{value}</w:t></w:r>"


def para_xml(p: Para, pages: Mapping[str, int], bookmark_id: int) -> str:
    if p.xml is not None:
        return p.xml
    ppr = f'<w:pStyle w:val="{p.style}"/>'
    if p.keep_next:
        ppr += "<w:keepNext/>"
    if p.keep_lines:
        ppr += "<w:keepLines/>"
    if p.page_break:
        ppr += "<w:pageBreakBefore/>"
    if p.before is not None or p.after is not None:
        before = "" if p.before is None else f' w:before="{p.before}"'
        after = "" if p.after is None else f' w:after="{p.after}"'
        ppr += f"<w:spacing{before}{after}/>"
    runs = "".join([run_xml(r, pages) for r in p.runs])
    if not (p.link or p.bookmark or p.field_begin or p.field_end):  # a paragraph of the body
        return f"<w:p><w:pPr>{ppr}</w:pPr>{runs}</w:p>"
    out = [f"<w:p><w:pPr>{ppr}</w:pPr>"]
    if p.field_begin:
        out.append(
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> {esc(p.field_begin)} </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        )
    if p.bookmark:
        out.append(f'<w:bookmarkStart w:id="{bookmark_id}" w:name="{p.bookmark}"/>')
    if p.link:
        runs = f'<w:hyperlink w:anchor="{p.link}" w:history="1">{runs}</w:hyperlink>'
    out.append(runs)
    if p.bookmark:
        out.append(f'<w:bookmarkEnd w:id="{bookmark_id}"/>')
    if p.field_end:
        out.append('<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    out.append("</w:p>")
    return "".join(out)


def body_pieces(paras: Iterable[Para], pages: Mapping[str, int]) -> Iterator[str]:
    """The paragraphs as <w:p> elements, one at a time, for writing as they are made;
    bookmarks numbered in order."""
    bookmark_id = 0
    for p in paras:
        if p.bookmark:
            bookmark_id += 1
        yield para_xml(p, pages, bookmark_id)
