"""tgreport: Vietnamese news articles → a printable digest (PDF, DOCX, HTML, EPUB, JSON)."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("tgreport")
except PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0.0.0+unknown"

from .api import export, read, read_inputs, render
from .assemble import build_report
from .exporters.base import ExportOptions
from .exporters.registry import available as available_formats

__all__ = [
    "ExportOptions",
    "__version__",
    "available_formats",
    "build_report",
    "export",
    "read",
    "read_inputs",
    "render",
]
