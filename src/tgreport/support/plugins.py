"""Third parties' readers and exporters, found as installed packages' entry points."""

from __future__ import annotations

from typing import Any


def entry_points(group: str) -> Any:
    """importlib.metadata's entry points of `group`.

    importlib.metadata is imported on first use: scanning the installed distributions costs a
    run some 30 ms, paid only by one that looks beyond the built-in readers and formats.
    """
    from importlib import metadata

    return metadata.entry_points(group=group)
