"""Turns the INPUT arguments into a stable, de-duplicated list of files to read."""

from __future__ import annotations

import logging
import os
from collections.abc import Container
from pathlib import Path

from tgreport.errors import UsageError

log = logging.getLogger(__name__)

def _order(path: str | Path) -> tuple[str, str]:
    text = os.fspath(path)
    return (text.casefold(), text)


def find_inputs(paths: list[str | Path], suffixes: Container[str] | None = None, *,
                follow_links: bool = False) -> list[Path]:
    """Files named directly, plus the files with one of `suffixes` (default: those some reader
    reads) found recursively in folders.

    Folders are walked in sorted order without following links to folders, so a symbolic-link
    loop cannot trap the walk and the order never depends on the file system. The result is
    sorted, and a file reached by several names is listed once under the name that sorts first,
    so the same set of inputs gives the same report whatever order they were named in.

    A link in a folder that leads to a file outside every input named (`passwd.txt` →
    /etc/passwd) is skipped with a warning unless `follow_links`: the user named the folder, not
    whatever its links lead to. A link named directly is the user's choice and is read.
    """
    return [Path(file) for file in input_files(paths, suffixes, follow_links=follow_links)]


def input_files(paths: list[str | Path], suffixes: Container[str] | None = None, *,
                follow_links: bool = False) -> list[str]:
    """find_inputs, each file named by the str of its Path: a Path costs some 350 bytes more
    than its str, which for a folder of 100,000 small pages is more than their text."""
    found: dict[str, str] = {}
    inside = None if follow_links else _Inside(paths)

    def add(file: str, key: str) -> None:
        if key not in found or _order(file) < _order(found[key]):
            found[key] = file

    for given in paths:
        path = Path(given)
        if path.is_dir():
            if suffixes is None:
                suffixes = _Readable()
            for file, key in _walk(path, suffixes):
                if inside is not None and not inside(key):  # only a link can lead outside
                    log.warning("%s: a link to %s, outside the inputs named; skipped "
                                "(--follow-links reads it)", file, key)
                    continue
                add(file, key)
        elif path.exists():
            add(str(path), os.path.realpath(path))
        elif path.is_symlink():
            raise UsageError("broken symbolic link, or a loop of links; no file behind it", path)
        else:
            raise UsageError("no such file or folder", path)
    return sorted(found.values(), key=_order)


class _Readable:
    """The suffixes some reader reads, third parties' too. The built-in ones are known at once;
    the installed distributions are scanned for third parties' (importlib.metadata, some 15 ms
    of a run) only when a folder holds a file of another suffix."""

    def __init__(self) -> None:
        self._all: frozenset[str] | None = None

    def __contains__(self, suffix: object) -> bool:
        from tgreport.read.registry import BUILTINS, suffixes

        if suffix in BUILTINS:
            return True
        if self._all is None:
            self._all = frozenset(suffixes())
        return suffix in self._all


class _Inside:
    """Whether a real path lies within the inputs named: inside a folder, or a file, given."""

    def __init__(self, paths: list[str | Path]) -> None:
        self.folders: list[str] = []
        self.files: set[str] = set()
        for given in paths:
            real = os.path.realpath(given)
            if os.path.isdir(real):
                self.folders.append(real.rstrip(os.sep) + os.sep)
            else:
                self.files.add(real)

    def __call__(self, real: str) -> bool:
        return real in self.files or any(real.startswith(folder) for folder in self.folders)


def _walk(folder: Path, suffixes: Container[str]) -> list[tuple[str, str]]:
    """The input files in `folder` and below, each with its real path (which finds a file
    reached by two names), in the order os.walk(followlinks=False) with sorted names gives.

    The folder's real path is worked out once: below it the walk follows no link, so a file
    that is no link itself has its folder's real path plus its name. Working it out for every
    file (os.path.realpath checks each part of the path) and asking the file system whether
    each is a file cost more than reading, in the parent, before any worker could start.
    """
    files: list[tuple[str, str]] = []
    _walk_into(os.fspath(folder), os.path.realpath(folder), suffixes, files)
    return files


def _walk_into(root: str, real_root: str, suffixes: Container[str], files: list[tuple[str, str]]) -> None:
    try:
        with os.scandir(root) as scan:
            entries = list(scan)
    except OSError as exc:
        _log_walk_error(exc)
        return
    dirs: list[os.DirEntry[str]] = []
    names: list[os.DirEntry[str]] = []
    for entry in entries:
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False  # as os.walk: what cannot be told a folder is listed with the files
        (dirs if is_dir else names).append(entry)
    dirs.sort(key=lambda e: e.name)
    for entry in dirs:
        if not entry.name.startswith(".") and entry.is_symlink():
            log.warning("%s: a symbolic link to a folder; not followed", Path(root) / entry.name)
    # What str(Path(root) / name) gives ("./a.txt" is "a.txt"), without a Path per file.
    folder = str(Path(root))
    prefix = "" if folder == "." else folder if folder.endswith(os.sep) else folder + os.sep
    for entry in sorted(names, key=lambda e: e.name):
        name = entry.name
        if name.startswith("."):
            continue
        if _suffix(name).lower() not in suffixes:
            continue
        file = prefix + name
        if _is_file(entry):
            key = os.path.realpath(file) if entry.is_symlink() else os.path.join(real_root, name)
            files.append((file, key))
        elif entry.is_symlink():
            log.warning("%s: broken symbolic link, or a loop of links; skipped", file)
        else:
            log.warning("%s: not a regular file; skipped", file)
    saved_with = _saved_page_folders(names)
    for entry in dirs:
        if entry.name in saved_with:
            continue  # a browser's "Save page as…" folder: the page's pictures and frames, not inputs
        if not entry.is_symlink():
            _walk_into(os.path.join(root, entry.name), os.path.join(real_root, entry.name), suffixes, files)


def _suffix(name: str) -> str:
    # As PurePath.suffix of a file name: the last ".x", unless the dot starts or ends the name.
    dot = name.rfind(".")
    return name[dot:] if 0 < dot < len(name) - 1 else ""


def _saved_page_folders(names: list[os.DirEntry[str]]) -> set[str]:
    """The folders a browser saves beside "x.html" ("x_files"; "x-Dateien" and others in
    browsers set to other languages are not known here)."""
    return {
        f"{stem}_files"
        for entry in names
        for stem, dot, suffix in [entry.name.rpartition(".")]
        if dot and suffix.lower() in ("html", "htm")
    }


def _is_file(entry: os.DirEntry[str]) -> bool:
    # As Path.is_file: follows a link, and a loop of links (ELOOP) or a denied folder is "no".
    try:
        return entry.is_file()
    except OSError:
        return False


def _log_walk_error(exc: OSError) -> None:
    log.warning("%s: cannot list this folder: %s", exc.filename, exc.strerror)
