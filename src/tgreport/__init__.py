"""tgreport: Vietnamese news articles → a printable digest (PDF, DOCX, HTML, EPUB, JSON)."""

from __future__ import annotations

# The one place the version is written: pyproject.toml reads it from here (tool.hatch.version).
# Asking importlib.metadata instead cost every run 30 ms of imports.
__version__ = "0.1.0"

from .api import export, read, read_inputs, render
from .assemble import FactsSpec, build_report
from .exporters.base import ExportOptions
from .exporters.registry import available as available_formats

__all__ = [
    "ExportOptions",
    "FactsSpec",
    "__version__",
    "available_formats",
    "build_report",
    "export",
    "read",
    "read_inputs",
    "render",
]
