"""The user's cache folder, which every part that keeps something between runs shares."""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    """TGREPORT_CACHE_DIR, else $XDG_CACHE_HOME/tgreport, else ~/.cache/tgreport."""
    explicit = os.environ.get("TGREPORT_CACHE_DIR", "").strip()
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    return (Path(base) if base else Path.home() / ".cache") / "tgreport"
