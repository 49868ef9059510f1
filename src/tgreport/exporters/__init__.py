"""Exporters: one module per format, all behind the contract in `base`."""

from __future__ import annotations

from .base import Exporter, ExportOptions

__all__ = ["ExportOptions", "Exporter"]
