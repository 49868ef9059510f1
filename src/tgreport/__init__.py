"""tgreport: Vietnamese news articles → a printable digest (PDF, DOCX, HTML, EPUB, JSON).

    import tgreport
    settings = tgreport.Settings(title="Điểm báo tuần 2", organisation="BAN TUYÊN GIÁO")
    result = tgreport.read(["bai-viet/"], settings)
    report = tgreport.build_report(result.articles, settings)
    report = tgreport.with_photos(report, settings)  # the lead photos (settings.images)
    tgreport.write(report, "digest.pdf", settings)
"""

from __future__ import annotations

from tgreport.assemble import build_report
from tgreport.errors import (
    ConfigError,
    ExportError,
    FormatUnavailable,
    InputError,
    NoArticles,
    TgreportError,
    UsageError,
)
from tgreport.export.registry import available as available_formats
from tgreport.model import (
    Article,
    Block,
    Caption,
    Heading,
    Image,
    IndexEntry,
    InMemory,
    ListBlock,
    Paragraph,
    Period,
    Picture,
    PictureBytes,
    Quote,
    Related,
    Report,
    Section,
)
from tgreport.pipeline import Made, make, read, render, write
from tgreport.read import ReadResult
from tgreport.read.photos import with_photos
from tgreport.settings import Settings
from tgreport.theme import Theme, theme
from tgreport.version import __version__

__all__ = [
    "Article",
    "Block",
    "Caption",
    "ConfigError",
    "ExportError",
    "FormatUnavailable",
    "Heading",
    "Image",
    "InMemory",
    "IndexEntry",
    "InputError",
    "ListBlock",
    "Made",
    "NoArticles",
    "Paragraph",
    "Period",
    "Picture",
    "PictureBytes",
    "Quote",
    "ReadResult",
    "Related",
    "Report",
    "Section",
    "Settings",
    "TgreportError",
    "Theme",
    "UsageError",
    "__version__",
    "available_formats",
    "build_report",
    "make",
    "read",
    "render",
    "theme",
    "with_photos",
    "write",
]
