"""The one writer of output files: a crash or a full disk never leaves half a file."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from .errors import ExportError

TEMP_PREFIX = ".tgreport-"


def write_atomic(path: str | Path, data: bytes) -> Path:
    """Write `data` to `path` so that `path` holds either its old content or all of `data`.

    The bytes go to a temporary file in the target folder (same file system, so the rename is
    atomic), are flushed and fsynced, then renamed over the target.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError("the output folder does not exist", folder)
    _remove_stale_temporaries(folder, target.name)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f"{TEMP_PREFIX}{target.name}.", dir=folder)
    except OSError as exc:
        raise ExportError(f"cannot write here: {exc.strerror}", folder) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, 0o644)
        os.replace(tmp_name, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        if isinstance(exc, OSError):
            raise ExportError(f"cannot write the file: {exc.strerror}", target) from exc
        raise
    _fsync_dir(folder)
    return target


def _remove_stale_temporaries(folder: Path, name: str) -> None:
    """Clear what a killed earlier run left behind for the same target."""
    for stale in folder.glob(f"{TEMP_PREFIX}{name}.*"):
        with contextlib.suppress(OSError):
            stale.unlink()


def _fsync_dir(folder: Path) -> None:
    # Makes the rename itself durable; not every file system allows opening a folder.
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
