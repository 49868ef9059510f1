"""What earlier runs read, kept on disk so that re-making a digest does not re-read unchanged files.

Users re-run a digest many times over the same folder (a new title, another format, a few more
articles), and reading is the largest share of a run's work. As Sphinx keeps its parsed
documents, the articles read from each file are kept, per folder, in one pickle under the user's
cache folder (TGREPORT_CACHE_DIR, else $XDG_CACHE_HOME/tgreport, else ~/.cache/tgreport).

An entry is used only when nothing that made it has changed: the file (path, size, modification
time in nanoseconds, inode), the reader options, and the code that reads (a hash of the
readers', Vietnamese-text and assembly modules' source, so an upgrade or a local edit starts
afresh). The warnings the reader logged for a file are kept with it and logged again, so a
cached run says what a fresh one says; so is what assembly works out of each article for the
duplicate search and the index (assemble/facts.py), for the settings it was worked out to. A
cache that cannot be read or written is ignored (noted at debug level): it can make a run
faster, never make it fail.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import pickle
import tempfile
import time
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from tgreport.assemble.facts import ArticleFacts, FactsSpec
from tgreport.errors import InputError
from tgreport.model import Article
from tgreport.read import ReaderOptions

log = logging.getLogger(__name__)

FORMAT = 2  # of the pickled bundle; a change makes old bundles unreadable, hence ignored
UNUSED_DAYS = 60  # bundles no run has used for this long are removed
# The facts kept with the articles (assemble/facts.py) come from the duplicate search's and the
# index's code: an edit there starts afresh too.
_READING_CODE = ("readers", "vn", "model.py", "errors.py", "assemble", "citations")
_SOURCE = (".py", ".toml")


def cache_dir() -> Path:
    explicit = os.environ.get("TGREPORT_CACHE_DIR", "").strip()
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    return (Path(base) if base else Path.home() / ".cache") / "tgreport"


@cache
def code_fingerprint() -> str:
    """A hash of the source that turns a file into articles (changes with any edit or upgrade)."""
    digest = hashlib.sha256()
    package = Path(__file__).parent
    for name in _READING_CODE:
        root = package / name
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.suffix in _SOURCE)
        for path in files:
            digest.update(str(path.relative_to(package)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


@dataclass
class Entry:
    stamp: tuple[int, int, int]  # size, mtime_ns, inode
    articles: list[Article]
    error: InputError | None
    level: int  # the records hold everything logged at this level and above
    records: list[logging.LogRecord]
    # What assembly needs of each article (ArticleFacts, in order), and to which FactsSpec.
    facts: tuple[FactsSpec, list[ArticleFacts]] | None = None


@dataclass
class _Bundle:
    """The cached files of one folder, read with one set of options by one version of the code."""

    path: Path
    entries: dict[str, Entry] = field(default_factory=dict)
    changed: bool = False


class ReadCache:
    """Entries per file; `save()` writes back the folders whose entries changed."""

    def __init__(self, options: ReaderOptions, root: Path | None = None) -> None:
        self.root = root or cache_dir()
        self._key = hashlib.sha256(f"{FORMAT}|{code_fingerprint()}|{options!r}".encode()).hexdigest()[:16]
        self._bundles: dict[Path, _Bundle] = {}  # by resolved folder
        self._by_given: dict[Path, _Bundle] = {}  # by the folder as the paths name it

    def get(self, path: Path, level: int) -> Entry | None:
        """The entry for `path`, if still valid and its records cover logging at `level`."""
        bundle = self._bundle(path.parent)
        entry = bundle.entries.get(path.name)
        if entry is None or entry.level > level:
            return None
        now = stamp(path)
        return entry if now is not None and now == entry.stamp else None

    def put(self, path: Path, entry: Entry) -> None:
        bundle = self._bundle(path.parent)
        bundle.entries[path.name] = entry
        bundle.changed = True

    def save(self) -> None:
        for bundle in self._bundles.values():
            if bundle.changed:
                self._write(bundle)
        self._prune()

    def _bundle(self, given: Path) -> _Bundle:
        found = self._by_given.get(given)  # every file of a folder asks: resolved once
        if found is not None:
            return found
        folder = Path(os.path.realpath(given))
        bundle = self._bundles.get(folder)
        if bundle is None:
            name = hashlib.sha256(os.fsencode(folder)).hexdigest()[:24]
            bundle = self._bundles[folder] = _Bundle(self.root / f"{name}-{self._key}.pickle")
            try:
                with bundle.path.open("rb") as handle:
                    loaded = pickle.load(handle)
                if isinstance(loaded, dict):
                    bundle.entries = loaded
                os.utime(bundle.path)  # used now: kept by the pruning
            except FileNotFoundError:
                pass
            except Exception as exc:  # a truncated or foreign file: start this folder afresh
                log.debug("read cache %s ignored: %s", bundle.path, exc)
        self._by_given[given] = bundle
        return bundle

    def _write(self, bundle: _Bundle) -> None:
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=self.root)
            try:
                with os.fdopen(fd, "wb") as handle:
                    pickle.dump(bundle.entries, handle, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, bundle.path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
        except (OSError, pickle.PicklingError) as exc:
            log.debug("read cache not written to %s: %s", self.root, exc)

    def _prune(self) -> None:
        cutoff = time.time() - UNUSED_DAYS * 86400
        with contextlib.suppress(OSError):
            for old in self.root.glob("*.pickle"):
                with contextlib.suppress(OSError):
                    if old.stat().st_mtime < cutoff:
                        old.unlink()


def stamp(path: Path) -> tuple[int, int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ino)
