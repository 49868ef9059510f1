"""make-report's contract: exit codes, messages, outputs, --list-formats telling the truth."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tgreport.cli import main
from tgreport.export import registry


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1640995200"}
    return subprocess.run(
        [sys.executable, "-m", "tgreport", *args], capture_output=True, text=True, cwd=cwd, env=env
    )


def test_seeds_to_json(seeds_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "digest.json"
    assert main([str(seeds_dir), "-o", str(out), "-q"]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len(data["articles"]) == 5
    assert data["issued"] == "2022-01-01"  # from SOURCE_DATE_EPOCH (conftest)
    assert {a["id"] for a in data["articles"]} == {p.stem for p in seeds_dir.glob("*.txt")}
    assert all(a["source"].startswith(str(seeds_dir)) for a in data["articles"])


def test_date_option_sets_issue_date(seeds_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "d.json"
    assert main([str(seeds_dir), "-o", str(out), "--date", "2021-01-07", "--title", "Điểm báo"]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert (data["issued"], data["title"]) == ("2021-01-07", "Điểm báo")


def test_python_dash_m_and_version() -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("tgreport ")
    # The version is written once, in tgreport/__init__.py; the installed metadata must agree.
    from importlib.metadata import version

    import tgreport

    assert result.stdout.split() == ["tgreport", tgreport.__version__]
    assert version("tgreport") == tgreport.__version__


def test_list_formats_tells_the_truth(sample_report, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from tgreport import render

    result = run_cli("--list-formats")
    assert result.returncode == 0
    lines = {line.split()[0]: line for line in result.stdout.splitlines()}
    assert set(lines) == set(registry.names())
    for name, line in lines.items():
        if " available" in line:
            assert render(sample_report, name)[:1], f"{name} claims to be available"
        else:
            with pytest.raises(Exception):  # noqa: B017 - an unavailable format must fail to load
                registry.load(name)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nowhere/at/all", "-o", "x.json"], "no such file"),
        (["seeds", "-o", "x.odt"], ".odt"),
        (["seeds", "-o", "x.json", "-f", "odt"], "unknown format 'odt'"),
        (["seeds", "--bogus-option"], "unrecognized arguments"),
        (["seeds"], "no output given"),
        (["-o", "x.json"], "no input given"),
        (["seeds", "-o", "x.json", "--date", "7/1/2021"], "YYYY-MM-DD"),
    ],
)
def test_usage_errors_exit_2_with_one_clear_line(args: list[str], message: str, tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    result = run_cli(*[str(root / a) if a == "seeds" else a for a in args], cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []  # nothing written


def test_nothing_usable_exits_1_and_writes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text("\n \n", encoding="utf-8")
    out = tmp_path / "digest.json"
    result = run_cli(str(folder), "-o", str(out))
    assert result.returncode == 1
    assert "empty.txt" in result.stderr and "blank.txt" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_several_formats_go_into_a_folder(seeds_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    available = [i.name for i in registry.available() if i.available]
    args = [str(seeds_dir), "-o", str(out), "-q"]
    for name in available:
        args += ["-f", name]
    args += ["-f", "json"]  # a repeated format is written once
    assert main(args) == 0
    written = sorted(p.name for p in out.iterdir())
    assert written == sorted(f"digest{registry.BUILTINS[n][0]}" for n in set(available) | {"json"})


def test_format_all_writes_every_available_format(seeds_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "all"
    assert main([str(seeds_dir), "-f", "all", "-o", str(out), "-q"]) == 0
    suffixes = {p.suffix for p in out.iterdir()}
    assert suffixes == {i.suffix for i in registry.available() if i.available}


def test_warnings_are_printed_once(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Tiêu đề\nNội dung bài viết.\n", encoding="utf-8")
    (folder / "bad.txt").write_bytes(b"")
    result = run_cli(str(folder), str(folder / "bad.txt"), "-o", str(tmp_path / "d.json"))
    assert result.returncode == 0
    assert result.stderr.count("bad.txt") == 1


def test_quiet_prints_nothing_on_success(seeds_dir: Path, tmp_path: Path) -> None:
    result = run_cli(str(seeds_dir), "-o", str(tmp_path / "d.json"), "-q")
    assert result.returncode == 0
    assert result.stdout == "" and result.stderr == ""


@pytest.mark.parametrize("where", ["missing/digest.pdf", "folder", "file.txt", "file.txt/sub"])
def test_a_bad_output_place_is_refused_before_anything_is_read(
    where: str,
    seeds_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # A user with thousands of articles must learn of a mistyped -o at once, not after the run.
    from tgreport import cli

    (tmp_path / "folder").mkdir()
    (tmp_path / "file.txt").write_text("not a folder", encoding="utf-8")
    read: list[object] = []
    monkeypatch.setattr(cli, "make", lambda *a, **k: read.append(a))
    several = ["-f", "pdf", "-f", "docx"] if where.startswith("file.txt") else []
    assert main([str(seeds_dir), "-o", str(tmp_path / where), "-q", *several]) == 1
    assert read == []
    message = capsys.readouterr().err
    expected = {"missing": "the output folder does not exist", "folder": "is a folder, not a file name",
                "file.txt": "several formats need a folder"}
    assert expected[where.split("/")[0]] in message
    assert str(tmp_path / where.split("/")[0]) in message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file.txt", "folder"]  # nothing made
