"""The CLI owns the terminal: a progress bar for a person at a terminal, silence otherwise."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

from tgreport.cli.progress import MIN_FILES_FOR_BAR

ROOT = Path(__file__).resolve().parents[2]


def _many_articles(folder: Path, n: int) -> None:
    folder.mkdir()
    for i in range(n):
        (folder / f"{i:03d}.txt").write_text(
            f"Tin số {i}: Hội nghị tổng kết công tác tuyên giáo\nNội dung bài viết số {i}.\n",
            encoding="utf-8",
        )


def _run_with_tty_stderr(args: list[str], cwd: Path) -> tuple[int, str]:
    """Run the CLI with stderr on a pseudo-terminal; return exit code and what the terminal saw."""
    leader, follower = pty.openpty()
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1640995200", "COLUMNS": "100", "TERM": "xterm"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "tgreport", *args], cwd=cwd, env=env,
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=follower,
    )
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    os.close(leader)
    return proc.wait(), seen.decode("utf-8", "replace")


def test_progress_bar_on_a_terminal_for_long_work(tmp_path: Path) -> None:
    _many_articles(tmp_path / "in", MIN_FILES_FOR_BAR + 10)
    code, seen = _run_with_tty_stderr(["in", "-o", "d.json"], tmp_path)
    assert code == 0
    # The bar names its stage: reading, exporting, then writing the files into place.
    assert any(stage in seen for stage in ("Đọc bài", "Xuất JSON", "Ghi tệp")), seen


def test_no_progress_bar_when_quiet_or_not_a_terminal(tmp_path: Path) -> None:
    _many_articles(tmp_path / "in", MIN_FILES_FOR_BAR + 10)
    code, seen = _run_with_tty_stderr(["in", "-o", "d.json", "-q"], tmp_path)
    assert code == 0 and seen == ""
    piped = subprocess.run(
        [sys.executable, "-m", "tgreport", "in", "-o", "d2.json"], cwd=tmp_path,
        capture_output=True, text=True, env={**os.environ, "SOURCE_DATE_EPOCH": "1640995200"},
    )
    assert piped.returncode == 0
    assert "Đọc bài" not in piped.stderr and "\x1b[" not in piped.stderr


def test_library_example_script_runs(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "library_script.py"), str(ROOT / "seeds"), str(tmp_path)],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "digest.json").stat().st_size > 1000
    assert (tmp_path / "digest.html").is_file()
    lines = result.stdout.splitlines()
    assert lines[0] == "5 articles; 0 files skipped"
    assert len([line for line in lines[1:] if line[:4] in ("2021", "None")]) == 5
    assert lines[-2] == f"wrote {tmp_path / 'digest.html'}"
    size = int(lines[-1].split()[-2])
    assert lines[-1].startswith("PDF in memory:") and size > 10_000
