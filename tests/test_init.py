"""The package's front door: the public API is there, and a reading process imports only readers."""

from __future__ import annotations

import subprocess
import sys

import pytest

import tgreport
import tgreport.pipeline


def _run(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout


def test_every_public_name_is_there() -> None:
    for name in tgreport.__all__:
        assert getattr(tgreport, name) is not None, name
    assert set(tgreport.__all__) <= set(dir(tgreport))


def test_read_is_the_function_not_the_subpackage() -> None:
    assert tgreport.read is tgreport.pipeline.read


def test_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_name"):
        tgreport.no_such_name  # type: ignore[attr-defined]  # noqa: B018


def test_a_reading_process_imports_no_assembly_nor_export() -> None:
    # What a worker of read_files imports: the page-text reader, and with it this package.
    loaded = _run("import sys, tgreport.read.text; print(' '.join(sorted(sys.modules)))").split()
    heavy = [m for m in loaded if m.startswith(("tgreport.assemble", "tgreport.export", "tgreport.present",
                                                "tgreport.pipeline", "PIL"))]
    assert heavy == []


def test_read_is_the_function_after_the_subpackage_was_imported_first() -> None:
    out = _run("import tgreport.read.text, tgreport, tgreport.pipeline; "
               "print(tgreport.read is tgreport.pipeline.read, callable(tgreport.read))")
    assert out.split() == ["True", "True"]
