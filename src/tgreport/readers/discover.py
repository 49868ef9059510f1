"""Turns the INPUT arguments into a stable, de-duplicated list of files to read."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from ..errors import UsageError

log = logging.getLogger(__name__)

INPUT_SUFFIXES = (".txt", ".html", ".htm", ".json", ".jsonl")


def _order(path: Path) -> tuple[str, str]:
    return (str(path).casefold(), str(path))


def find_inputs(paths: list[str | Path]) -> list[Path]:
    """Files named directly, plus readable files found recursively in folders.

    Folders are walked in sorted order without following links to folders, so a symbolic-link
    loop cannot trap the walk and the order never depends on the file system. The result is
    sorted, and a file reached by several names is listed once under the name that sorts first,
    so the same set of inputs gives the same report whatever order they were named in.
    """
    found: dict[str, Path] = {}

    def add(file: Path) -> None:
        key = os.path.realpath(file)
        if key not in found or _order(file) < _order(found[key]):
            found[key] = file

    for given in paths:
        path = Path(given)
        if path.is_dir():
            for file in _walk(path):
                add(file)
        elif path.exists():
            add(path)
        elif path.is_symlink():
            raise UsageError("broken symbolic link, or a loop of links; no file behind it", path)
        else:
            raise UsageError("no such file or folder", path)
    return sorted(found.values(), key=_order)


def _walk(folder: Path) -> list[Path]:
    files = []
    for root, dirs, names in os.walk(folder, followlinks=False, onerror=_log_walk_error):
        dirs.sort()
        for name in dirs:
            if not name.startswith(".") and os.path.islink(os.path.join(root, name)):
                log.warning("%s: a symbolic link to a folder; not followed", Path(root) / name)
        for name in sorted(names):
            if name.startswith("."):
                continue
            file = Path(root) / name
            if file.suffix.lower() not in INPUT_SUFFIXES:
                continue
            if file.is_file():
                files.append(file)
            elif file.is_symlink():
                log.warning("%s: broken symbolic link, or a loop of links; skipped", file)
            else:
                log.warning("%s: not a regular file; skipped", file)
    return files


def _log_walk_error(exc: OSError) -> None:
    log.warning("%s: cannot list this folder: %s", exc.filename, exc.strerror)
