"""EPUB-style HTML: the whole report as one self-contained page that reads and prints well."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, BinaryIO, ClassVar

from tgreport.export.html.base import stream_template, template_context
from tgreport.model import Report
from tgreport.settings import Settings
from tgreport.support.pieces import write_pieces


def _local_link(anchor: str) -> str:
    return f"#{anchor}"


def render_html(report: Report, options: Settings, mode: str = "html", **extra: Any) -> str:
    """The report page as text: `mode` "html" for screens and browsers, "pdf" for WeasyPrint."""
    return "".join(stream_html(report, options, mode, **extra))


def stream_html(report: Report, options: Settings, mode: str = "html", **extra: Any) -> Iterator[str]:
    """render_html's text in pieces, as the template makes them."""
    context = template_context(report, options, mode=mode, link=_local_link, **extra)
    return stream_template(options, "report.html", **context)


class HtmlExporter:
    name: ClassVar[str] = "html"
    suffix: ClassVar[str] = ".html"
    description: ClassVar[str] = "one self-contained HTML page (screen, phone and print)"

    def render(self, report: Report, options: Settings) -> bytes:
        # Fonts are not embedded: every system a reader uses has a Vietnamese-complete font under
        # the names the stylesheet lists (Times New Roman/Arial, Liberation, Noto), and embedding
        # subsets would add ~100 KB and ~0.25 s to every page. The EPUB and the PDF embed them.
        return render_html(report, options).encode("utf-8")

    def render_to(self, report: Report, options: Settings, out: BinaryIO) -> None:
        write_pieces(out, stream_html(report, options))  # most of Jinja2's pieces are a few words
