"""Faults: SIGKILL, Ctrl-C, a full disk, a write error. The previous report always survives."""

from __future__ import annotations

import contextlib
import errno
import os
import random
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
from rel_helpers import FORMATS, SUFFIX, assert_complete, cli_env, run_cli

from tgreport.cli import main
from tgreport.errors import ExportError
from tgreport.support.atomic import TEMP_PREFIX, write_atomic

PREVIOUS = b"the previous report, which must survive"

# Runs make-report with a disk so slow that fsync of the temporary output takes a minute: the
# test can then signal the process while the new report is half-way onto the disk.
SLOW_DISK = r"""
import os, sys, time
real_fsync = os.fsync
def slow_fsync(fd):
    try:
        name = os.path.basename(os.readlink(f"/proc/self/fd/{fd}"))
    except OSError:
        name = ""
    if name.startswith(".tgreport-"):
        sys.stderr.write("SLOW-DISK " + name + "\n")
        sys.stderr.flush()
        # In short naps: a Ctrl-C that lands between the flush and the first nap is only acted
        # on when Python next looks, and one nap of 60 s would hide it past the test's wait.
        for _ in range(600):
            time.sleep(0.1)
    real_fsync(fd)
os.fsync = slow_fsync
from tgreport.__main__ import main
sys.exit(main())
"""


def _temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(TEMP_PREFIX))


def _start_slow(args: list[str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", SLOW_DISK, *args],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        env=cli_env(),
    )


def _wait_for_slow_disk(proc: subprocess.Popen[str]) -> str:
    assert proc.stderr is not None
    seen = []
    for line in proc.stderr:
        seen.append(line)
        if line.startswith("SLOW-DISK "):
            return line.split()[1]
    proc.wait()
    raise AssertionError(f"make-report ended before writing (exit {proc.returncode}):\n{''.join(seen)}")


def _target(tmp_path: Path, fmt: str) -> Path:
    out = tmp_path / "out"
    out.mkdir()
    target = out / f"digest{SUFFIX[fmt]}"
    target.write_bytes(PREVIOUS)
    return target


@pytest.mark.parametrize("fmt", FORMATS)
def test_sigkill_while_writing_keeps_the_previous_report(fmt: str, seeds_dir: Path, tmp_path: Path) -> None:
    target = _target(tmp_path, fmt)
    with _start_slow([str(seeds_dir), "-o", str(target)]) as proc:
        temporary = _wait_for_slow_disk(proc)
        assert temporary in _temporaries(target.parent)  # the kill lands mid-write
        proc.kill()
        proc.wait(timeout=30)
    assert target.read_bytes() == PREVIOUS
    # The next run clears what the killed one left, and writes a whole report.
    result = run_cli(str(seeds_dir), "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert _temporaries(target.parent) == []
    assert_complete(fmt, target.read_bytes())


@pytest.mark.parametrize("fmt", FORMATS)
def test_ctrl_c_while_writing_cleans_up_and_ends_by_the_signal(
    fmt: str, seeds_dir: Path, tmp_path: Path
) -> None:
    target = _target(tmp_path, fmt)
    with _start_slow([str(seeds_dir), "-o", str(target)]) as proc:
        _wait_for_slow_disk(proc)
        proc.send_signal(signal.SIGINT)
        # Ended by SIGINT once it has cleaned up and said so (a shell shows 130; see __main__).
        assert proc.wait(timeout=30) == -signal.SIGINT
        assert proc.stderr is not None
        err = proc.stderr.read()
    assert "interrupted" in err and "Traceback" not in err
    assert target.read_bytes() == PREVIOUS
    assert _temporaries(target.parent) == []


def _big_input(folder: Path, seeds_dir: Path, count: int) -> Path:
    """`count` different articles made of the seeds' words, so that no step merges them."""
    folder.mkdir()
    words = " ".join(p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))).split()
    rng = random.Random(5)
    for n in range(count):
        title = " ".join(rng.choice(words) for _ in range(12))
        paragraphs = "\n\n".join(" ".join(rng.choice(words) for _ in range(120)) for _ in range(6))
        text = f"{title}\n{1 + n % 28}/1/2021\n\n{paragraphs}\n"
        (folder / f"{n:05d}.txt").write_text(text, encoding="utf-8")
    return folder


def _busy(proc: subprocess.Popen[str], cpu_seconds: float) -> list[psutil.Process]:
    """Wait until the run (with its reading workers) has done real work, so the signal lands
    in the middle of it; the worker processes it has then."""
    watched = psutil.Process(proc.pid)
    while proc.poll() is None:
        try:
            children = watched.children(recursive=True)
            used = sum(sum(p.cpu_times()[:2]) for p in [watched, *children])
        except psutil.NoSuchProcess:
            continue
        if used >= cpu_seconds:
            return children
        time.sleep(0.05)
    raise AssertionError(f"the run ended (exit {proc.returncode}) before it could be interrupted")


@pytest.fixture(scope="module")
def big_inputs(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    seeds = Path(__file__).resolve().parents[2] / "seeds"
    base = tmp_path_factory.mktemp("big")
    return {count: _big_input(base / str(count), seeds, count) for count in (1000, 3000)}


def _start_run(inputs: Path, target: Path, *more: str) -> subprocess.Popen[str]:
    """make-report on `inputs` into `target`, quiet, in its own process group (as a shell job)."""
    return subprocess.Popen(
        [sys.executable, "-m", "tgreport", str(inputs), "-o", str(target), "-q", *more],
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=cli_env(), start_new_session=True)


def _ended_by(proc: subprocess.Popen[str], sig: int, *, group: bool) -> tuple[int, str]:
    """Send `sig` to the run (to its whole process group when `group`, as a terminal's Ctrl-C
    does) and wait for it to end: its exit status and what it printed on stderr."""
    try:
        if group:
            os.killpg(proc.pid, sig)
        else:
            proc.send_signal(sig)
        code = proc.wait(timeout=60)  # a guard against a hang, not a speed check
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.stderr is not None
    return code, proc.stderr.read()


# "ctrl-c" is what a terminal does: SIGINT to the whole foreground process group, reading
# workers included; "interrupt" reaches the main process alone (kill -INT).
SIGNALS = {"kill": signal.SIGKILL, "interrupt": signal.SIGINT, "ctrl-c": signal.SIGINT}


@pytest.mark.slow
@pytest.mark.parametrize(("fmt", "copies"), [("json", 3000), ("pdf", 1000)])
@pytest.mark.parametrize("how", sorted(SIGNALS))
def test_a_signal_in_the_middle_of_a_long_run(
    fmt: str, copies: int, how: str, big_inputs: dict[int, Path], seeds_dir: Path, tmp_path: Path
) -> None:
    target = _target(tmp_path, fmt)
    with _start_run(big_inputs[copies], target) as proc:
        workers = _busy(proc, 1.0)
        code, err = _ended_by(proc, SIGNALS[how], group=how == "ctrl-c")
    if how == "kill":
        assert code == -signal.SIGKILL
    else:
        assert code == -signal.SIGINT, err
        assert err.count("interrupted") == 1, err
        assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
        assert _temporaries(target.parent) == []
    assert target.read_bytes() == PREVIOUS
    # No reading worker outlives the run, even when the run itself was killed outright.
    _, alive = psutil.wait_procs(workers, timeout=30)
    assert not alive, f"worker processes left running: {[p.pid for p in alive]}"
    # The next run (short input) leaves no temporary file beside the target.
    result = run_cli(str(seeds_dir), "-o", str(target), "-q")
    assert result.returncode == 0, result.stderr
    assert _temporaries(target.parent) == []
    assert_complete(fmt, target.read_bytes())


@pytest.mark.parametrize("fmt", FORMATS)
def test_disk_full_is_a_clear_error_and_keeps_the_previous_report(
    fmt: str,
    seeds_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Simulated at fsync: on ext4/xfs with delayed allocation, that is where ENOSPC surfaces.
    target = _target(tmp_path, fmt)

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    code = main([str(seeds_dir), "-o", str(target)])
    err = capsys.readouterr().err
    assert code == 1
    assert "No space left on device" in err and str(target) in err
    assert "Traceback" not in err
    assert target.read_bytes() == PREVIOUS
    assert _temporaries(target.parent) == []


def _small_file_limit(limit: int) -> None:
    # A real write error from the kernel: writes past `limit` bytes fail with EFBIG.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_write_error_from_the_kernel(fmt: str, seeds_dir: Path, tmp_path: Path) -> None:
    target = _target(tmp_path, fmt)
    result = subprocess.run(
        [sys.executable, "-m", "tgreport", str(seeds_dir), "-o", str(target)],
        capture_output=True,
        text=True,
        env=cli_env(PYTHONDONTWRITEBYTECODE="1"),
        preexec_fn=lambda: _small_file_limit(2048),
        timeout=300,
    )
    assert result.returncode == 1, result.stderr
    assert "File too large" in result.stderr and str(target) in result.stderr
    assert "Traceback" not in result.stderr
    assert target.read_bytes() == PREVIOUS
    assert _temporaries(target.parent) == []


def test_a_folder_in_the_way_of_the_target(tmp_path: Path) -> None:
    (tmp_path / "digest.pdf").mkdir()
    with pytest.raises(ExportError, match="is a folder"):
        write_atomic(tmp_path / "digest.pdf", b"%PDF-")
    assert _temporaries(tmp_path) == []


def test_a_running_writer_keeps_its_temporary_and_a_dead_one_loses_it(tmp_path: Path) -> None:
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    try:
        busy = tmp_path / f"{TEMP_PREFIX}digest.pdf.{alive.pid}.abcd"
        stale = tmp_path / f"{TEMP_PREFIX}digest.pdf.{dead.pid}.efgh"
        old_style = tmp_path / f"{TEMP_PREFIX}digest.pdf.xyz"
        for path in (busy, stale, old_style):
            path.write_bytes(b"half")
        write_atomic(tmp_path / "digest.pdf", b"%PDF-whole")
        assert _temporaries(tmp_path) == [busy.name]
    finally:
        alive.kill()
        alive.wait()



@pytest.mark.slow
def test_ctrl_c_while_the_reading_workers_start_prints_only_that_the_run_was_interrupted(
    big_inputs: dict[int, Path], tmp_path: Path
) -> None:
    # The first child processes (the fork server, importing the readers, then a worker being
    # handed its task) are interrupted in the middle of starting: each run, a little later.
    target = _target(tmp_path, "json")
    for attempt in range(4):
        with _start_run(big_inputs[1000], target, "--no-cache") as proc:
            watched = psutil.Process(proc.pid)
            children: list[psutil.Process] = []
            while proc.poll() is None and not children:
                with contextlib.suppress(psutil.NoSuchProcess):
                    children = watched.children(recursive=True)
            time.sleep(0.1 * attempt)
            with contextlib.suppress(psutil.NoSuchProcess):
                children = watched.children(recursive=True)
            code, err = _ended_by(proc, signal.SIGINT, group=True)
        assert children, "the run started no worker process: nothing was tested"
        assert code == -signal.SIGINT, err
        assert err.count("interrupted") == 1, err
        assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
        assert target.read_bytes() == PREVIOUS
        _, alive = psutil.wait_procs(children, timeout=30)
        assert not alive, f"processes left running: {[p.pid for p in alive]}"
