"""Output targets: only a regular file (or nothing) is replaced, `-o -` is standard output, and a
set of formats is replaced together or not at all (issue 21, cases 1 and 8)."""

from __future__ import annotations

import json
import os
import resource
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from rel_helpers import SUFFIX, assert_complete, cli_env, html_text

from tgreport.cli import main
from tgreport.support.atomic import TEMP_PREFIX

PREVIOUS = b"the previous report, which must survive"


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(TEMP_PREFIX))


def _refused(capsys: pytest.CaptureFixture[str], args: list[str], target: Path) -> str:
    code = main(args)
    err = capsys.readouterr().err
    assert code == 1, err
    assert "not a regular file" in err and str(target) in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    return err


def test_a_copy_of_a_device_node_is_refused_and_left_a_device(
    seeds_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    node = tmp_path / "null-copy.json"
    # A copy of /dev/null (char device 1:3); making one needs root, as the attack does.
    os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    _refused(capsys, [str(seeds_dir), "-o", str(node)], node)
    assert stat.S_ISCHR(os.lstat(node).st_mode)
    assert os.lstat(node).st_rdev == os.makedev(1, 3)
    assert _leftovers(tmp_path) == []


def test_a_fifo_is_refused_without_opening_it(
    seeds_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "digest.html"
    os.mkfifo(fifo)
    _refused(capsys, [str(seeds_dir), "-o", str(fifo)], fifo)  # opening it would hang the test
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert _leftovers(tmp_path) == []


def test_a_link_to_standard_output_is_refused_and_stays_a_link(seeds_dir: Path, tmp_path: Path) -> None:
    link = tmp_path / "digest.html"
    link.symlink_to("/proc/self/fd/1")
    # A child whose standard output is a pipe, as in a terminal session's `| less`.
    done = subprocess.run(
        [sys.executable, "-m", "tgreport", str(seeds_dir), "-o", str(link), "--no-cache"],
        capture_output=True, text=True, env=cli_env(), timeout=300,
    )
    assert done.returncode == 1, done.stderr
    assert "not a regular file" in done.stderr and str(link) in done.stderr
    assert done.stdout == ""
    assert link.is_symlink() and os.readlink(link) == "/proc/self/fd/1"


@pytest.mark.parametrize("device", ["/dev/null", "/dev/stdout"])
def test_system_devices_are_refused(device: str, seeds_dir: Path) -> None:
    before = os.lstat(device)
    # In a child whose standard output is a pipe, whatever runs the tests (-s, a redirect).
    done = subprocess.run(
        [sys.executable, "-m", "tgreport", str(seeds_dir), "-o", device, "-f", "json", "--no-cache"],
        capture_output=True, text=True, env=cli_env(), timeout=300,
    )
    assert done.returncode == 1 and "not a regular file" in done.stderr and device in done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""
    after = os.lstat(device)
    assert (after.st_mode, after.st_ino, after.st_rdev) == (before.st_mode, before.st_ino, before.st_rdev)


def test_dash_writes_the_one_format_to_standard_output(seeds_dir: Path, tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tgreport", str(seeds_dir), "-o", "-", "-f", "json", "--no-cache"],
        capture_output=True, env=cli_env(), cwd=tmp_path, timeout=300,
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout.decode("utf-8"))
    assert len(data["articles"]) >= 4
    assert list(tmp_path.iterdir()) == []  # no file named "-" either
    html = subprocess.run(
        [sys.executable, "-m", "tgreport", str(seeds_dir), "-o", "-", "-f", "html", "--no-cache"],
        capture_output=True, env=cli_env(), timeout=300,
    )
    assert html.returncode == 0
    assert data["articles"][0]["title"] in html_text(html.stdout.decode("utf-8"))


@pytest.mark.parametrize("formats", [[], ["all"], ["pdf", "html"]])
def test_dash_needs_exactly_one_format(
    formats: list[str], seeds_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    flags = [arg for name in formats for arg in ("-f", name)]
    assert main([str(seeds_dir), "-o", "-", *flags]) == 2
    captured = capsys.readouterr()
    assert "-o - writes one format" in captured.err and captured.out == ""


def test_a_fifo_among_several_targets_replaces_none_of_them(
    seeds_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    for suffix in SUFFIX.values():
        (out / f"digest{suffix}").write_bytes(PREVIOUS)
    (out / "digest.pdf").unlink()
    os.mkfifo(out / "digest.pdf")
    code = main([str(seeds_dir), "-o", str(out), "-f", "all"])
    err = capsys.readouterr().err
    assert code == 1 and "not a regular file" in err
    for suffix in (".docx", ".epub", ".html", ".json"):
        assert (out / f"digest{suffix}").read_bytes() == PREVIOUS, suffix
    assert _leftovers(out) == []


def _limit_file_size(limit: int) -> None:
    # The kernel refuses any write past `limit` bytes (EFBIG): a disk that fills part-way.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def test_a_disk_that_fills_part_way_through_all_formats_leaves_every_earlier_file(
    seeds_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    sizes = {}
    for fmt in ("docx", "epub", "html", "json", "pdf"):
        made = tmp_path / f"probe{SUFFIX[fmt]}"
        assert main([str(seeds_dir), "-o", str(made), "--no-cache", "-q"]) == 0
        sizes[fmt] = made.stat().st_size
        (out / f"digest{SUFFIX[fmt]}").write_bytes(PREVIOUS)
    # Room for the DOCX (staged first) but not the EPUB (second), as in the run.
    limit = sizes["docx"] + 1024
    assert sizes["epub"] > limit
    done = subprocess.run(
        [sys.executable, "-m", "tgreport", str(seeds_dir), "-o", str(out), "-f", "all", "--no-cache"],
        capture_output=True, text=True, env=cli_env(PYTHONDONTWRITEBYTECODE="1"),
        preexec_fn=lambda: _limit_file_size(limit), timeout=300,
    )
    assert done.returncode == 1, done.stderr
    assert "File too large" in done.stderr and "digest.epub" in done.stderr
    assert "Traceback" not in done.stderr
    for fmt in sizes:
        assert (out / f"digest{SUFFIX[fmt]}").read_bytes() == PREVIOUS, fmt
    assert _leftovers(out) == []
    # With room, the same run replaces all five.
    assert main([str(seeds_dir), "-o", str(out), "-f", "all", "--no-cache", "-q"]) == 0
    for fmt in sizes:
        assert_complete(fmt, (out / f"digest{SUFFIX[fmt]}").read_bytes())


def test_a_link_to_a_regular_file_stays_a_link_and_the_file_is_replaced(
    seeds_dir: Path, tmp_path: Path
) -> None:
    real = tmp_path / "kept" / "digest.json"
    real.parent.mkdir()
    real.write_bytes(PREVIOUS)
    link = tmp_path / "digest.json"
    link.symlink_to(real)
    assert main([str(seeds_dir), "-o", str(link), "-q", "--no-cache"]) == 0
    assert link.is_symlink() and link.resolve() == real
    assert_complete("json", real.read_bytes())
    assert _leftovers(tmp_path) == [] and _leftovers(real.parent) == []


def test_a_link_to_nothing_is_refused_and_nothing_is_made_where_it_points(
    seeds_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link = tmp_path / "digest.json"
    link.symlink_to(tmp_path / "elsewhere.json")
    assert main([str(seeds_dir), "-o", str(link)]) == 1
    assert "symbolic link to nothing" in capsys.readouterr().err
    assert not (tmp_path / "elsewhere.json").exists() and link.is_symlink()
