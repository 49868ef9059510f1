"""Exporters: one module per format, all behind the contract in `base`."""

from __future__ import annotations

from tgreport.export.base import Exporter

__all__ = ["Exporter"]
