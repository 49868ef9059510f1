"""The one writer of output files: a crash or a full disk never leaves half a file."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from tgreport.errors import ExportError

TEMP_PREFIX = ".tgreport-"


def check_target(target: Path) -> Path:
    """The folder `target` would be written into; ExportError if it cannot be a file there.

    Only a regular file (or nothing) is ever replaced: a device (/dev/null, /dev/stdout), a
    FIFO, a socket, or a link to one, is refused, since replacing it as root damages the system.
    A link to a regular file is not itself replaced: see `real_target`.
    """
    given, link = target, target.is_symlink()  # errors name the path the user gave
    target = real_target(target)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError("the output folder does not exist", folder)
    if target.is_dir():
        raise ExportError("is a folder, not a file name", given)
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        if link:  # leads to nothing, or to what only looks like a path (pipe:[1234])
            with contextlib.suppress(OSError):
                if not stat.S_ISREG(os.stat(given).st_mode):  # the kernel's own link to a pipe
                    raise ExportError("is not a regular file (a device, pipe or socket); not replaced",
                                      given) from None
            raise ExportError("is a symbolic link to nothing that can be replaced; not replaced",
                              given) from None
        return folder
    except OSError as exc:
        raise ExportError(f"cannot look at it: {_reason(exc)}", given) from exc
    if not stat.S_ISREG(mode):
        raise ExportError("is not a regular file (a device, pipe or socket); not replaced", given)
    return folder


def real_target(target: Path) -> Path:
    """The file a write to `target` replaces: `target`, or the file a symbolic link there names.

    Renaming over the link itself would turn it into a regular file; when the link is a
    system's (/dev/stdout → /proc/self/fd/1 with the output redirected to a file) that damages
    the system. So the link stays and the file it leads to is replaced, as a shell's `>` would
    write into it; a link that leads nowhere real (a pipe, a deleted file) is refused later.
    """
    if not target.is_symlink():
        return target
    return Path(os.path.realpath(target))


# What a file is made of: its bytes, or a function that writes them into the open file (an
# exporter streaming a large report, so that its bytes are never all in memory at once).
Content = bytes | Callable[[BinaryIO], object]


class Staged:
    """`data` written and flushed to a temporary file beside `target`, not yet in its place."""

    def __init__(self, target: Path, data: Content) -> None:
        self.target = real_target(target)
        self.folder = check_target(self.target)
        _remove_stale_temporaries(self.folder, target.name)
        try:
            # The process id in the name tells a later run whether the writer is still alive.
            fd, self.temporary = tempfile.mkstemp(
                prefix=f"{TEMP_PREFIX}{target.name}.{os.getpid()}.", dir=self.folder)
        except OSError as exc:
            raise ExportError(f"cannot write here: {_reason(exc)}", self.folder) from exc
        try:
            with os.fdopen(fd, "wb") as handle:
                if isinstance(data, bytes | bytearray | memoryview):
                    handle.write(data)
                else:
                    data(handle)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(self.temporary, 0o644)
        except BaseException as exc:
            self.discard()
            if isinstance(exc, OSError):
                raise ExportError(f"cannot write the file: {_reason(exc)}", target) from exc
            raise

    def commit(self) -> Path:
        try:
            check_target(self.target)  # still nothing but a regular file, or nothing, there
            os.replace(self.temporary, self.target)
        except BaseException as exc:
            self.discard()
            if isinstance(exc, OSError):
                raise ExportError(f"cannot write the file: {_reason(exc)}", self.target) from exc
            raise
        _fsync_dir(self.folder)
        return self.target

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            os.unlink(self.temporary)


def write_atomic(path: str | Path, data: Content) -> Path:
    """Write `data` to `path` so that `path` holds either its old content or all of `data`.

    The bytes go to a temporary file in the target folder (same file system, so the rename is
    atomic), are flushed and fsynced, then renamed over the target. On any error, and on Ctrl-C,
    the temporary file is removed; after SIGKILL the next write to the same target removes it.
    """
    return Staged(Path(path), data).commit()


def write_together(files: list[tuple[Path, Content]],
                   before_commit: Callable[[], object] | None = None) -> list[Path]:
    """Write several files so that none is replaced unless all could be written: each is staged
    beside its target first (a full disk shows here, with every earlier file as it was), then
    all are renamed into place. `before_commit` is called between the two; an exception it
    raises leaves every earlier file as it was."""
    staged: list[Staged] = []
    try:
        for path, data in files:
            staged.append(Staged(path, data))
        if before_commit is not None:
            before_commit()
    except BaseException:
        for done in staged:
            done.discard()
        raise
    written = []
    try:
        for item in staged:
            written.append(item.commit())
    finally:
        for item in staged[len(written):]:
            item.discard()
    return written


def _reason(exc: OSError) -> str:
    if exc.errno == errno.EFBIG:
        return "the file is larger than this system allows (File too large)"
    return exc.strerror or str(exc)


def temporaries(folder: Path, name: str) -> list[Path]:
    """The temporary files that writes to `folder/name` have left, oldest naming scheme too."""
    return sorted(folder.glob(f"{TEMP_PREFIX}{name}.*"))


def _remove_stale_temporaries(folder: Path, name: str) -> None:
    """Clear what a killed earlier run left behind for the same target.

    A temporary whose writer is still running (another make-report writing the same file right
    now) is left alone, so two runs never delete each other's work.
    """
    for stale in temporaries(folder, name):
        if _writer_alive(stale.name[len(TEMP_PREFIX) + len(name) + 1 :]):
            continue
        with contextlib.suppress(OSError):
            stale.unlink()


def _writer_alive(rest: str) -> bool:
    pid_text = rest.partition(".")[0]
    if not pid_text.isdigit() or int(pid_text) == os.getpid():
        return False  # an older naming scheme, or our own leftover: stale either way
    try:
        os.kill(int(pid_text), 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists but belongs to someone else
    return True


def _fsync_dir(folder: Path) -> None:
    # Makes the rename itself durable; not every file system allows opening a folder.
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
