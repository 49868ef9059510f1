"""One report rendered once in every format and read back; makes consistency_helpers importable."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

_HERE = str(Path(__file__).resolve().parent)
if _HERE not in sys.path:  # importlib import mode adds no paths
    sys.path.insert(0, _HERE)

from consistency_helpers import render_lines, wording_report  # noqa: E402

from tgreport.model import Report  # noqa: E402


@pytest.fixture(scope="module")
def report() -> Report:
    return wording_report()


@pytest.fixture(scope="module")
def official_lines(report: Report, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    return render_lines(report, tmp_path_factory.mktemp("official"))


@pytest.fixture(scope="module")
def numeric_lines(report: Report, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    return render_lines(report, tmp_path_factory.mktemp("numeric"), date_style="numeric")
