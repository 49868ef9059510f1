"""Reading a file the user named for tgreport (a config file, a template) without being
hung by a FIFO or exhausted by /dev/zero."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from tgreport.errors import ConfigError


def read_regular_file(path: str | Path, limit: int, what: str) -> bytes:
    """The bytes of a file the user named for tgreport to read (a config file, a template):
    a regular file under `limit` bytes, read once. A FIFO, a device (/dev/zero) or anything
    larger is refused with a ConfigError naming it, before it can hang or exhaust memory."""
    file = Path(path)
    try:
        # Opened without waiting (a FIFO would block the open itself), then checked as opened.
        fd = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
        with open(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise ConfigError(f"the {what} is not a regular file", file)
            if info.st_size > limit:
                raise ConfigError(f"the {what} is larger than {limit // 1024} KB", file)
            data = handle.read(limit + 1)
    except OSError as exc:
        raise ConfigError(f"cannot read the {what}: {exc.strerror or exc}", file) from exc
    if len(data) > limit:
        raise ConfigError(f"the {what} is larger than {limit // 1024} KB", file)
    return data
