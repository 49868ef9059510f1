"""Same inputs, options and SOURCE_DATE_EPOCH: the same bytes, whatever the order, hash seed or zone."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
from rel_helpers import FORMATS, SUFFIX, cli_env, run_cli

# Each run differs in everything that must not matter: the order the inputs are named in, the
# hash seed (set and dict order of strings), the local time zone (ZIP entry times) and the cwd.
RUNS = [
    {"order": "folder", "PYTHONHASHSEED": "1", "TZ": "UTC"},
    {"order": "reversed", "PYTHONHASHSEED": "2", "TZ": "Asia/Ho_Chi_Minh"},
    {"order": "shuffled", "PYTHONHASHSEED": "3", "TZ": "America/New_York"},
]


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("det") / "in"
    shutil.copytree(Path(__file__).resolve().parents[2] / "seeds", folder)
    (folder / "more").mkdir()
    (folder / "more" / "extra.txt").write_text(
        "Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 5\n16/7/2021\n\nSáng 16/7, Tỉnh ủy tổ chức hội nghị.\n",
        encoding="utf-8",
    )
    return folder


def _arguments(folder: Path, order: str) -> list[str]:
    files = sorted(str(p) for p in folder.rglob("*.txt"))
    if order == "folder":
        return [str(folder)]
    if order == "reversed":
        return files[::-1]
    random.Random(7).shuffle(files)
    return [*files, str(folder)]  # named twice: once as a file, once inside its folder


def _run_all(inputs: Path, base: Path, extra: list[str], formats: list[str]) -> list[dict[str, bytes]]:
    outputs = []
    for n, run in enumerate(RUNS):
        out = base / f"run{n}"
        cwd = base / f"cwd{n}"
        cwd.mkdir(parents=True)
        args = [*_arguments(inputs, run["order"]), "-o", str(out), *extra]
        for fmt in formats:
            args += ["-f", fmt]
        env = cli_env(PYTHONHASHSEED=run["PYTHONHASHSEED"], TZ=run["TZ"])
        result = run_cli(*args, env=env, cwd=cwd)
        assert result.returncode == 0, result.stderr
        outputs.append({p.name: p.read_bytes() for p in out.iterdir()})
    return outputs


@pytest.fixture(scope="module")
def outputs(inputs: Path, tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, bytes]]:
    # "-f all" writes every format that loads; a format that does not is then missing below.
    return _run_all(inputs, tmp_path_factory.mktemp("det-out"), [], ["all"])


@pytest.mark.slow
@pytest.mark.parametrize("fmt", FORMATS)
def test_byte_identical_across_runs_and_orders(fmt: str, outputs: list[dict[str, bytes]]) -> None:
    name = f"digest{SUFFIX[fmt]}"
    assert all(name in run for run in outputs), f"{fmt} was not produced"
    first = outputs[0][name]
    assert first
    for n, run in enumerate(outputs[1:], 1):
        assert run[name] == first, f"{fmt}: run {n} ({RUNS[n]}) differs from run 0"


@pytest.mark.slow
def test_weasyprint_pdf_is_byte_identical(inputs: Path, tmp_path: Path) -> None:
    runs = _run_all(inputs, tmp_path, ["--engine", "weasyprint"], ["pdf", "html"])
    for name in ("digest.pdf", "digest.html"):
        assert runs[0][name] == runs[1][name] == runs[2][name], name


@pytest.mark.slow
def test_the_issue_date_follows_source_date_epoch(inputs: Path, tmp_path: Path) -> None:
    # The determinism above is not the output ignoring the clock: another epoch, another report.
    results = []
    for epoch in ("1640995200", "1700000000"):
        out = tmp_path / f"{epoch}.json"
        result = run_cli(str(inputs), "-o", str(out), env=cli_env(SOURCE_DATE_EPOCH=epoch))
        assert result.returncode == 0, result.stderr
        results.append(out.read_bytes())
    assert results[0] != results[1]
    assert b'"issued": "2022-01-01"' in results[0] and b'"issued": "2023-11-15"' in results[1]
