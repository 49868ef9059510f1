"""Typed errors: each carries the file it is about, so the CLI can print one clear line."""

from __future__ import annotations

from pathlib import Path


class TgreportError(Exception):
    """Base of every error tgreport raises on purpose."""

    def __init__(self, message: str, path: str | Path | None = None, line: int | None = None):
        self.path = str(path) if path is not None else None
        self.line = line
        self.message = message
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return f"{where}{self.message}"


class InputError(TgreportError):
    """An input file cannot be read or understood."""


class DecodeError(InputError):
    """The bytes of an input file fit no supported text encoding."""


class UsageError(TgreportError):
    """The caller asked for something that does not exist (a format, an option, a path)."""


class ConfigError(UsageError):
    """The configuration file is malformed or names an unknown key."""


class ExportError(TgreportError):
    """An exporter could not render or write the report."""


class FormatUnavailable(ExportError):
    """A known format whose engine cannot be imported on this machine."""


class NoArticles(TgreportError):
    """Nothing to make a report of: every input was unreadable, or filtered out."""
