"""Shared fixtures: the seeds, and hand-built reports that do not depend on the reader."""

from __future__ import annotations

from pathlib import Path

import pytest

from factories import SEEDS, build_sample_report, build_sectioned_report
from tgreport.model import Report


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
