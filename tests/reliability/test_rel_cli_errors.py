"""make-report's error paths: the system saying no is a clear line, not a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from rel_helpers import cli_env

from tgreport.cli import main


def test_an_output_folder_that_is_a_file(
    seeds_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "out"
    blocker.write_bytes(b"a file where the output folder should go")
    code = main([str(seeds_dir), "-o", str(blocker), "-f", "json", "-f", "html"])
    err = capsys.readouterr().err
    assert code == 1
    assert "Traceback" not in err and "internal error" not in err
    assert str(blocker) in err
    assert blocker.read_bytes() == b"a file where the output folder should go"


def test_a_closed_stdout_is_not_a_traceback(seeds_dir: Path, tmp_path: Path) -> None:
    # `make-report … | head -0`: the pipe closes before make-report prints its summary line.
    out = tmp_path / "d.json"
    with subprocess.Popen(
        [sys.executable, "-m", "tgreport", str(seeds_dir), "-o", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=cli_env(),
    ) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.close()
        err = proc.stderr.read().decode()
        code = proc.wait(timeout=120)
    assert code == 1, err
    assert "Traceback" not in err and "Exception ignored" not in err
    assert out.read_bytes()  # the report itself was written before the summary line


def test_verbose_shows_the_traceback_of_an_error(
    seeds_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tgreport import pipeline

    def refused(files: list[tuple[Path, bytes]], **_: object) -> list[Path]:
        # The system says no as they are written.
        raise PermissionError(13, "Permission denied", str(files[0][0]))

    monkeypatch.setattr(pipeline, "write_together", refused)
    with pytest.raises(PermissionError):
        main([str(seeds_dir), "-o", str(tmp_path / "out"), "-f", "json", "-f", "html", "-v"])
    assert main([str(seeds_dir), "-o", str(tmp_path / "out"), "-f", "json", "-f", "html"]) == 1


def test_the_input_size_limit_comes_from_the_config_file(
    seeds_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sizes = sorted(p.stat().st_size for p in seeds_dir.glob("*.txt"))
    limit = (sizes[1] + sizes[2]) // 2  # between the second and third smallest seed
    config = tmp_path / "report.toml"
    config.write_text(f"[reader]\nmax_input_bytes = {limit}\n", encoding="utf-8")
    out = tmp_path / "d.json"
    code = main([str(seeds_dir), "-o", str(out), "--config", str(config)])
    err = capsys.readouterr().err
    assert code == 0, err
    refused = [line for line in err.splitlines() if "input limit" in line]
    assert len(refused) == len([s for s in sizes if s > limit]) == 3
    assert len(json.loads(out.read_bytes())["articles"]) == 2
