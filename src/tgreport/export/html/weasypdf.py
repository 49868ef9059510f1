"""PDF through WeasyPrint: the report's HTML with the paged stylesheet, fetching nothing outside."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from tgreport import present
from tgreport.errors import ExportError
from tgreport.export.html import render_html
from tgreport.export.html.base import font_faces
from tgreport.model import Report
from tgreport.settings import Settings
from tgreport.support.fonts import FontFamily
from tgreport.support.resources import fonts_dir, templates_dir

log = logging.getLogger(__name__)

# The PDF names its @font-face families apart, so WeasyPrint takes the shipped files even where
# fontconfig knows an installed font of the same name (or a different version of it).
FAMILY_PREFIX = "tgreport "


def allowed_roots() -> tuple[Path, ...]:
    return (templates_dir().resolve(), fonts_dir().resolve())


def is_allowed(url: str, roots: tuple[Path, ...]) -> bool:
    """True for data: URIs and for files inside tgreport's own templates/ and fonts/."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "data":
        return True
    if scheme != "file" or parts.netloc not in ("", "localhost"):
        return False
    # resolve() follows symlinks and "..", so neither can lead out of the allowed folders.
    path = Path(unquote(parts.path)).resolve()
    return any(path.is_relative_to(root) for root in roots) and path.is_file()


def _fetcher_class() -> type[Any]:
    from weasyprint.urls import URLFetcher

    class RestrictedFetcher(URLFetcher):  # type: ignore[misc]
        """Serves only data: URIs and tgreport's own files; refuses and logs everything else."""

        def __init__(self) -> None:
            super().__init__(allowed_protocols=("data", "file"), allow_redirects=False)
            self.roots = allowed_roots()
            self.fetched: list[str] = []
            self.refused: list[str] = []

        def fetch(self, url: str, headers: Any = None) -> Any:
            if not is_allowed(url, self.roots):
                self.refused.append(url)
                log.warning("refused to fetch %s: only tgreport's fonts and templates are read", url[:200])
                raise ValueError(f"tgreport does not fetch {url[:200]}")
            self.fetched.append(url[:200])
            return super().fetch(url, headers)

    return RestrictedFetcher


def make_fetcher() -> Any:
    """A WeasyPrint URL fetcher limited to data: URIs, templates/ and fonts/."""
    return _fetcher_class()()


# Pango finds no place to break a word without spaces, and WeasyPrint then tries ever shorter
# prefixes of it: minutes for 100 KB. A zero-width space (no glyph, no width) every WORD_PIECE
# letters of a longer run gives it places to break, so layout time grows with the text's length.
LONG_WORD = 40
WORD_PIECE = 20
_LONG_RUN = re.compile(rf"[^\s\u200b]{{{LONG_WORD},}}")


def breakable(text: str) -> str:
    """`text` with a zero-width space every WORD_PIECE letters of a run longer than LONG_WORD."""
    if len(text) < LONG_WORD:
        return text
    return _LONG_RUN.sub(lambda m: "\u200b".join(
        m.group()[i:i + WORD_PIECE] for i in range(0, len(m.group()), WORD_PIECE)), text)


def _font_url(font: FontFamily, style: str) -> str:
    return font.path(style).resolve().as_uri()


def render_pdf(report: Report, options: Settings, fetcher: Any = None) -> bytes:
    """The report as PDF bytes through WeasyPrint; `fetcher` lets tests see what was fetched."""
    try:
        from weasyprint import HTML
        from weasyprint.text.fonts import FontConfiguration
    except (ImportError, OSError) as exc:
        raise ExportError(f"WeasyPrint cannot load (its system libraries are missing?): {exc}") from exc
    html_text = render_html(
        present.rewrite_wording(report, breakable),
        options,
        mode="pdf",
        family_prefix=FAMILY_PREFIX,
        font_faces=font_faces(options.theme, _font_url, prefix=FAMILY_PREFIX),
    )
    fetcher = fetcher or make_fetcher()
    base_url = (templates_dir() / "html").resolve().as_uri() + "/"
    try:
        document = HTML(string=html_text, base_url=base_url, url_fetcher=fetcher).render(
            font_config=FontConfiguration()
        )
        # No /ID and dates from the report (dcterms meta): reruns give the same bytes.
        data: bytes = document.write_pdf(pdf_identifier=False)
    except Exception as exc:  # WeasyPrint raises many kinds; the caller needs one
        raise ExportError(f"WeasyPrint failed: {exc}") from exc
    return data
