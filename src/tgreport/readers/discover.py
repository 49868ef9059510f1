"""Turns the INPUT arguments into a stable, de-duplicated list of files to read."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from ..errors import UsageError

log = logging.getLogger(__name__)

INPUT_SUFFIXES = (".txt", ".html", ".htm", ".json", ".jsonl")


def find_inputs(paths: list[str | Path]) -> list[Path]:
    """Files named directly, plus readable files found recursively in folders.

    Folders are walked in sorted order without following links to folders, so a symbolic-link
    loop cannot trap the walk and the order never depends on the file system. The result is
    sorted, so the same set of inputs gives the same report whatever order they were named in.
    """
    found: dict[str, Path] = {}
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for file in _walk(path):
                found.setdefault(os.path.realpath(file), file)
        elif path.exists():
            found.setdefault(os.path.realpath(path), path)
        else:
            raise UsageError("no such file or folder", path)
    return sorted(found.values(), key=lambda p: (str(p).casefold(), str(p)))


def _walk(folder: Path) -> list[Path]:
    files = []
    for root, dirs, names in os.walk(folder, followlinks=False, onerror=_log_walk_error):
        dirs.sort()
        for name in sorted(names):
            if name.startswith("."):
                continue
            file = Path(root) / name
            if file.suffix.lower() in INPUT_SUFFIXES and file.is_file():
                files.append(file)
    return files


def _log_walk_error(exc: OSError) -> None:
    log.warning("%s: cannot list this folder: %s", exc.filename, exc.strerror)
