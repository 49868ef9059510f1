"""Readers: input files → Articles. They never import exporters."""

from __future__ import annotations

from tgreport.read.base import ReaderOptions, read_path
from tgreport.read.discover import INPUT_SUFFIXES, find_inputs

__all__ = ["INPUT_SUFFIXES", "ReaderOptions", "find_inputs", "read_path"]
