"""tgreport: Vietnamese news articles → a printable digest (PDF, DOCX, HTML, EPUB, JSON)."""

from __future__ import annotations

# The one place the version is written: pyproject.toml reads it from here (tool.hatch.version).
# Asking importlib.metadata instead cost every run 30 ms of imports.
__version__ = "0.1.0"

from tgreport.assemble import FactsSpec, build_report
from tgreport.export.base import ExportOptions
from tgreport.export.registry import available as available_formats
from tgreport.pipeline import export, read, read_inputs, render

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
