"""What earlier runs read, kept on disk so that re-making a digest does not re-read unchanged files.

Users re-run a digest many times over the same folder (a new title, another format, a few more
articles), and reading is the largest share of a run's work. As Sphinx keeps its parsed
documents, the articles read from each page file (not JSON records: read.NOT_CACHED) are kept,
one JSON file per folder, under the user's cache folder (TGREPORT_CACHE_DIR, else
$XDG_CACHE_HOME/tgreport, else ~/.cache/tgreport), created readable by the owner only.

An entry holds a file's articles in the JSON contract (contract.py: data, which cannot run code
when read) and the notes reading it gave, so a cached run says what a fresh one says. It is
used only when nothing that made it has changed: the file (size, modification time in
nanoseconds, inode), the reading settings, and the code that reads (a hash of the readers' and
the Vietnamese-text modules' source, so an upgrade or a local edit starts afresh). Files that
could not be read are not kept: they are tried again. A cache entry that is corrupt, foreign or
unreadable is ignored and the file read again; a cache that cannot be written is skipped (noted
at debug level): the cache can make a run faster, never make it fail or change what it says.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import tempfile
import time
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from tgreport.contract import article_from_dict, article_to_dict
from tgreport.model import Article
from tgreport.read.notes import Note
from tgreport.settings import Settings
from tgreport.support.cachedir import cache_dir

log = logging.getLogger(__name__)

FORMAT = 3  # of the JSON bundle; a bundle of another format is ignored
UNUSED_DAYS = 60  # bundles no run has used for this long are removed
# The code that turns a file into articles: an edit here starts afresh.
_READING_CODE = ("read", "vn", "model.py", "contract.py", "errors.py", "settings.py")
_SOURCE = (".py", ".toml")

Stamp = tuple[int, int, int]  # size, mtime_ns, inode


@cache
def code_fingerprint() -> str:
    """A hash of the source that turns a file into articles (changes with any edit or upgrade)."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent.parent
    for name in _READING_CODE:
        root = package / name
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.suffix in _SOURCE)
        for path in files:
            digest.update(str(path.relative_to(package)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


@dataclass(frozen=True)
class Entry:
    stamp: Stamp
    articles: list[Article]
    notes: list[Note]


@dataclass
class _Bundle:
    """The cached files of one folder, read with one set of settings by one version of the code."""

    path: Path
    folder: str  # its real path, kept in the bundle: a name shared by two folders is no match
    entries: dict[str, Any] = field(default_factory=dict)  # file name → the entry as JSON data
    changed: bool = False


class ReadCache:
    """Entries per file; `save()` writes back the folders whose entries changed."""

    def __init__(self, settings: Settings, root: Path | None = None) -> None:
        self.root = root or cache_dir()
        # Every setting that changes what reading a file gives: the page reader's extra phrases,
        # the size limit, and who the sources and outlets are ([sources], [outlets], [signatures]).
        reading = (f"{FORMAT}|{code_fingerprint()}|{settings.extra_chrome!r}|{settings.max_input_bytes}|"
                   f"{sorted(settings.sources.items())!r}|{sorted(settings.outlets.items())!r}|"
                   f"{sorted(settings.signatures.items())!r}")
        self._key = hashlib.sha256(reading.encode()).hexdigest()[:16]
        self._bundles: dict[Path, _Bundle] = {}  # by the folder as the paths name it

    def get(self, path: Path) -> Entry | None:
        """The entry for `path`, if it is still valid."""
        data = self._bundle(path.parent).entries.get(path.name)
        if data is None:
            return None
        try:
            stamp = tuple(data["stamp"])
            if stamp != stamp_of(path):
                return None
            source = str(path)
            articles = [article_from_dict(a, source=source, default_id=path.stem) for a in data["articles"]]
            notes = [(int(level), str(message)) for level, message in data["notes"]]
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            log.debug("read cache entry for %s ignored: %s", path, exc)
            return None
        return Entry((stamp[0], stamp[1], stamp[2]), articles, notes)

    def put(self, path: Path, entry: Entry) -> None:
        bundle = self._bundle(path.parent)
        bundle.entries[path.name] = {
            "stamp": list(entry.stamp),
            "articles": [article_to_dict(a) for a in entry.articles],
            "notes": [list(n) for n in entry.notes],
        }
        bundle.changed = True

    def save(self) -> None:
        for bundle in self._bundles.values():
            if bundle.changed:
                self._write(bundle)
        self._prune()

    def _bundle(self, given: Path) -> _Bundle:
        found = self._bundles.get(given)  # every file of a folder asks: resolved once
        if found is not None:
            return found
        folder = os.path.realpath(given)
        name = hashlib.sha256(os.fsencode(folder)).hexdigest()[:24]
        bundle = self._bundles[given] = _Bundle(self.root / f"{name}-{self._key}.json", folder)
        try:
            with bundle.path.open("rb") as handle:
                loaded = json.load(handle)
            ours = isinstance(loaded, dict) and loaded.get("format") == FORMAT
            ours = ours and loaded.get("folder") == folder
            if ours and isinstance(loaded.get("files"), dict):
                bundle.entries = loaded["files"]
            os.utime(bundle.path)  # used now: kept by the pruning
        except FileNotFoundError:
            pass
        except (OSError, ValueError, RecursionError) as exc:  # unreadable, truncated or foreign
            log.debug("read cache %s ignored: %s", bundle.path, exc)
        return bundle

    def _write(self, bundle: _Bundle) -> None:
        data = {"format": FORMAT, "folder": bundle.folder, "files": bundle.entries}
        try:
            self.root.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".json", dir=self.root)  # mode 0600
            try:
                with os.fdopen(fd, "wb") as handle:
                    # dumps, not dump: json.dump writing to a file runs the pure-Python encoder.
                    handle.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode())
                os.replace(tmp, bundle.path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
        except (OSError, ValueError) as exc:
            log.debug("read cache not written to %s: %s", self.root, exc)

    def _prune(self) -> None:
        cutoff = time.time() - UNUSED_DAYS * 86400
        with contextlib.suppress(OSError):
            for old in [*self.root.glob("*.json"), *self.root.glob("*.pickle")]:
                with contextlib.suppress(OSError):
                    if old.suffix == ".pickle" or old.stat().st_mtime < cutoff:
                        old.unlink()  # pickles are an older tgreport's: never read, removed


def stamp_of(path: Path) -> Stamp | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ino)
