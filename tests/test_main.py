"""The program's entry point: the collector's thresholds are the program's, not the library's."""

from __future__ import annotations

import subprocess
import sys

_PROBE = """
import gc, runpy, sys
default = gc.get_threshold()
import tgreport, tgreport.cli, tgreport.__main__
library = gc.get_threshold()
sys.argv = ["make-report", "--version"]
try:
    runpy.run_module("tgreport", run_name="__main__")
except SystemExit:
    pass
print(default == library, gc.get_threshold() == tgreport.__main__.GC_THRESHOLDS != default)
"""


def test_only_the_program_sets_the_collectors_thresholds() -> None:
    result = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True, check=True)
    assert result.stdout.split()[-2:] == ["True", "True"], result.stdout + result.stderr
