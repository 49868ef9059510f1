"""Shared fixtures: the seeds, and hand-built reports that do not depend on the reader."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from factories import SEEDS, build_sample_report, build_sectioned_report
from tgreport.model import Report

# A shell that starts the suite in the background (`make test &`, `(.ci/run &)`) ignores SIGINT
# in it, and every make-report a test starts inherits that: the tests that press Ctrl-C would
# find it ignored and fail (10 did so in a fresh clone's CI started that way). Python leaves an
# ignored SIGINT ignored; with its own handler here, a child starts at the default and handles it.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)


@pytest.fixture(autouse=True)
def _reproducible(monkeypatch: pytest.MonkeyPatch) -> None:
    # 2022-01-01 in Vietnam: every test sees the same issue date unless it sets its own.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1640995200")


@pytest.fixture(autouse=True)
def _own_read_cache(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    # Each test starts with an empty read cache of its own, never the user's ~/.cache.
    monkeypatch.setenv("TGREPORT_CACHE_DIR", str(tmp_path_factory.mktemp("read-cache")))


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture
def sample_report() -> Report:
    """Five articles: one with a derived title, one undated, markup-like text, all block kinds."""
    return build_sample_report()


@pytest.fixture
def sectioned_report(sample_report: Report) -> Report:
    """The sample report grouped into two sections."""
    return build_sectioned_report(sample_report)
