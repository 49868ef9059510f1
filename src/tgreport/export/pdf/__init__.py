"""PDF exporter (ReportLab): cover, table of contents, summary, articles, index; one layout pass."""

from __future__ import annotations

import importlib
from typing import ClassVar

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
    return render(report, options.theme, save=False, date_style=options.date_style,
                  toc_summaries=options.toc_summaries, article_break=options.article_break)[1]


class PdfExporter:
    name: ClassVar[str] = "pdf"
    suffix: ClassVar[str] = ".pdf"
    description: ClassVar[str] = "Printable PDF digest: cover, table of contents, bookmarks (ReportLab)"

    def render(self, report: Report, options: Settings) -> bytes:
        if options.engine == "weasyprint":
            return _weasyprint(report, options)
        if options.engine != "reportlab":
            raise FormatUnavailable(f"unknown PDF engine {options.engine!r}; use 'reportlab' or 'weasyprint'")
        return render(report, options.theme, date_style=options.date_style, kind=options.kind,
                      toc_summaries=options.toc_summaries, article_break=options.article_break,
                      qr=options.qr)[0]


def _weasyprint(report: Report, options: Settings) -> bytes:
    # Imported only when asked for: WeasyPrint needs system libraries the default engine does not.
    try:
        module = importlib.import_module("tgreport.export.html.weasypdf")
    except (ImportError, OSError) as exc:
        raise FormatUnavailable(f"the WeasyPrint PDF engine cannot be loaded: {exc}") from exc
    result: bytes = module.render_pdf(report, options)
    return result
