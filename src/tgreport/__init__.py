"""tgreport: Vietnamese news articles → a printable digest (PDF, DOCX, HTML, EPUB, JSON).

    import tgreport
    settings = tgreport.Settings(title="Điểm báo tuần 2", organisation="BAN TUYÊN GIÁO")
    result = tgreport.read(["bai-viet/"], settings)
    report = tgreport.build_report(result.articles, settings)
    report = tgreport.with_photos(report, settings)  # the lead photos (settings.images)
    tgreport.write(report, "digest.pdf", settings)
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from tgreport.errors import (
    ConfigError,
    ExportError,
    FormatUnavailable,
    InputError,
    NoArticles,
    TgreportError,
    UsageError,
)
from tgreport.support.lazy import lazy_names
from tgreport.version import __version__

if TYPE_CHECKING:
    from tgreport.assemble import build_report
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

# The public API is imported on first use (PEP 562): a reading process imports `tgreport.read.text`,
# and with it this package, and needs none of assembly, presentation and export.
_LAZY: dict[str, tuple[str, str]] = {
    "build_report": ("tgreport.assemble", "build_report"),
    "available_formats": ("tgreport.export.registry", "available"),
    **{name: ("tgreport.model", name) for name in (
        "Article", "Block", "Caption", "Heading", "Image", "IndexEntry", "InMemory", "ListBlock",
        "Paragraph", "Period", "Picture", "PictureBytes", "Quote", "Related", "Report", "Section")},
    **{name: ("tgreport.pipeline", name) for name in ("Made", "make", "read", "render", "write")},
    "ReadResult": ("tgreport.read", "ReadResult"),
    "with_photos": ("tgreport.read.photos", "with_photos"),
    "Settings": ("tgreport.settings", "Settings"),
    "Theme": ("tgreport.theme", "Theme"),
    "theme": ("tgreport.theme", "theme"),
}

# `read` names both the subpackage and the public function. Importing the subpackage binds its
# name here, but only the first time: it is imported now, and its name given to the function.
importlib.import_module("tgreport.read")
del globals()["read"]


if not TYPE_CHECKING:  # type checkers see the imports above: a misspelt name stays an error
    __getattr__ = lazy_names(__name__, globals(), _LAZY)


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


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
