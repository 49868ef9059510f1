"""Names and patterns made on first use (support.lazy): there when asked for, and only then."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

import tgreport.vn as vn
from tgreport.support.lazy import lazy_pattern


def test_every_name_vn_exports_is_there() -> None:
    for name in vn.__all__:
        assert getattr(vn, name) is not None, name
    assert set(vn.__all__) <= set(dir(vn))


def test_an_unknown_name_is_an_attribute_error_naming_the_package() -> None:
    with pytest.raises(AttributeError, match=r"'tgreport\.vn' has no attribute 'no_such_name'"):
        vn.no_such_name  # type: ignore[attr-defined]  # noqa: B018


def test_a_name_is_imported_when_first_asked_for_and_then_kept() -> None:
    code = ("import sys, tgreport.vn as vn; before = 'tgreport.vn.periods' in sys.modules; "
            "f = vn.find_periods; print(before, 'tgreport.vn.periods' in sys.modules, "
            "vars(vn)['find_periods'] is f)")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    assert out.split() == ["False", "True", "True"]


def test_a_pattern_is_compiled_once_when_first_asked_for() -> None:
    pattern = lazy_pattern(r"\d+", re.ASCII)
    assert pattern() is pattern()
    assert pattern().flags & re.ASCII
    assert pattern().findall("a1 b22") == ["1", "22"]
