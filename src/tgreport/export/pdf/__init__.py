"""PDF exporter (ReportLab): cover, table of contents, summary, articles, index; one layout pass."""

from __future__ import annotations

import importlib
import io
from typing import BinaryIO, ClassVar

from tgreport.errors import FormatUnavailable
from tgreport.export.pdf.document import render
from tgreport.model import Report
from tgreport.settings import Settings

__all__ = ["PdfExporter", "page_numbers"]


def page_numbers(report: Report, options: Settings) -> dict[str, int]:
    """Anchor ("a1", "s1", …) → 1-based page where that article or section starts in the PDF.

    The DOCX exporter pre-fills Word's TOC with these, since it uses the same page metrics.
    Also present: "toc", "summary" and, when the report has an index, "index".
    """
    return render(report, options.theme, None, date_style=options.date_style,
                  toc_summaries=options.toc_summaries, article_break=options.article_break)


class PdfExporter:
    name: ClassVar[str] = "pdf"
    suffix: ClassVar[str] = ".pdf"
    description: ClassVar[str] = "Printable PDF digest: cover, table of contents, bookmarks (ReportLab)"

    def render(self, report: Report, options: Settings) -> bytes:
        out = io.BytesIO()
        self.render_to(report, options, out)
        return out.getvalue()

    def render_to(self, report: Report, options: Settings, out: BinaryIO) -> None:
        """The PDF written into `out`: with the default engine, each photo's bytes are copied
        from where they are kept (splice.py), never all in memory at once."""
        if options.engine == "weasyprint":
            out.write(_weasyprint(report, options))
            return
        if options.engine != "reportlab":
            raise FormatUnavailable(f"unknown PDF engine {options.engine!r}; use 'reportlab' or 'weasyprint'")
        render(report, options.theme, out, date_style=options.date_style, kind=options.kind,
               toc_summaries=options.toc_summaries, article_break=options.article_break, qr=options.qr)


def _weasyprint(report: Report, options: Settings) -> bytes:
    # Imported only when asked for: WeasyPrint needs system libraries the default engine does not.
    try:
        module = importlib.import_module("tgreport.export.html.weasypdf")
    except (ImportError, OSError) as exc:
        raise FormatUnavailable(f"the WeasyPrint PDF engine cannot be loaded: {exc}") from exc
    result: bytes = module.render_pdf(report, options)
    return result
