"""The program's entry point: the collector's thresholds are the program's, not the library's."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

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


# Ctrl-C lands while the command line's modules are still being imported (the first tenth of a
# second of a run): a finder that interrupts the import of tgreport.cli stands in for it.
_INTERRUPTED_IMPORT = """
import importlib.abc, sys
class Interrupting(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "tgreport.cli":
            raise KeyboardInterrupt
        return None
sys.meta_path.insert(0, Interrupting())
import tgreport.__main__
sys.exit(tgreport.__main__.main())
"""


def test_ctrl_c_while_the_program_loads_is_one_line() -> None:
    english = subprocess.run([sys.executable, "-c", _INTERRUPTED_IMPORT], capture_output=True, text=True,
                             env={**os.environ, "LANGUAGE": "en"})
    assert (english.returncode, english.stderr) == (-signal.SIGINT, "make-report: interrupted\n")
    vietnamese = subprocess.run([sys.executable, "-c", _INTERRUPTED_IMPORT], capture_output=True, text=True,
                                env={**os.environ, "LANGUAGE": "vi"})
    said = "make-report: đã dừng theo yêu cầu\n"
    assert (vietnamese.returncode, vietnamese.stderr) == (-signal.SIGINT, said)


# make-report, held just before it writes the report, so that Ctrl-C finds it there.
_HELD_BEFORE_WRITING = """
import sys, time
import tgreport.pipeline
real = tgreport.pipeline.write_together
def held(*args, **kwargs):
    sys.stderr.write("WRITING\\n")
    sys.stderr.flush()
    for _ in range(600):  # in short naps, so the signal is acted on at once
        time.sleep(0.1)
    return real(*args, **kwargs)
tgreport.pipeline.write_together = held
from tgreport.__main__ import main
sys.exit(main())
"""


def test_ctrl_c_stops_the_shell_script_that_runs_make_report(seeds_dir: Path, tmp_path: Path) -> None:
    # Ctrl-C in a terminal reaches the script's shell and make-report together. bash goes on with
    # its next command when the program caught the signal and exited 130; it stops when the
    # program ended by the signal, as make-report does after saying it was interrupted.
    (tmp_path / "child.py").write_text(_HELD_BEFORE_WRITING, encoding="utf-8")
    script = 'for n in 1 2; do "$PY" child.py "$SEEDS" -o digest.json -q; echo "after run $n"; done'
    env = {**os.environ, "PY": sys.executable, "SEEDS": str(seeds_dir)}
    with subprocess.Popen(["bash", "-c", script], cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True, start_new_session=True) as shell:
        assert shell.stdout is not None and shell.stderr is not None
        try:
            for line in shell.stderr:
                if line == "WRITING\n":
                    os.killpg(shell.pid, signal.SIGINT)
                    break
            out, err = shell.communicate(timeout=60)  # a guard against a hang, not a speed check
        finally:
            if shell.poll() is None:
                os.killpg(shell.pid, signal.SIGKILL)
    assert err == "make-report: interrupted\n"
    assert out == ""  # no "after run 1": the loop stopped
    assert shell.returncode == -signal.SIGINT
    assert not (tmp_path / "digest.json").exists()
