"""Log records kept while work is done, and logged again later or elsewhere.

Used where the work that logs is not where, or when, its messages should appear: files read by
worker processes, files whose reading an earlier run did (readcache.py). Messages are formatted
before they are kept, so the records pickle, and so that they read the same when replayed.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator


class _Keep(logging.Handler):
    """Collects what is logged under "tgreport"."""

    def __init__(self) -> None:
        super().__init__(logging.NOTSET)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextlib.contextmanager
def recording() -> Iterator[list[logging.LogRecord]]:
    """The records logged under "tgreport" meanwhile, made picklable (messages formatted)."""
    keep = _Keep()
    logger = logging.getLogger("tgreport")
    logger.addHandler(keep)
    try:
        yield keep.records
    finally:
        logger.removeHandler(keep)
        for record in keep.records:
            record.msg, record.args = record.getMessage(), None
            if record.exc_info:
                record.exc_text = logging.Formatter().formatException(record.exc_info)
                record.exc_info = None


def replay(records: list[logging.LogRecord]) -> None:
    """Log `records` again, through the current handlers and levels, as if logged only now."""
    for record in records:
        logger = logging.getLogger(record.name)
        if logger.isEnabledFor(record.levelno):
            logger.handle(record)


def start_worker_logging() -> None:
    """In a forked worker process: drop the handlers the fork copied, which would print each
    message here and again when the parent replays it, and let every tgreport record through
    to `recording()`; the parent's levels decide what is shown."""
    for logger in [logging.getLogger(), *logging.Logger.manager.loggerDict.values()]:
        if isinstance(logger, logging.Logger):
            logger.handlers = []
    logging.getLogger("tgreport").setLevel(logging.DEBUG)
