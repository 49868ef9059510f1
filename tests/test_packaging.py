"""A built wheel, installed in a fresh venv outside the checkout, finds its fonts and templates."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_seeds_are_the_shared_seeds_byte_for_byte() -> None:
    shared = ROOT.parent / "shared" / "seeds"
    ours = sorted((ROOT / "seeds").glob("*.txt"))
    assert len(ours) == 5
    if shared.is_dir():  # beside the checkout on every machine of this project, CI included
        assert sorted(p.name for p in shared.glob("*.txt")) == [p.name for p in ours]
        for path in ours:
            assert path.read_bytes() == (shared / path.name).read_bytes()


@pytest.mark.slow
def test_wheel_installs_and_runs_from_another_folder(tmp_path: Path) -> None:
    source = tmp_path / "src"
    # Build from a copy so the checkout's build/ folder is never touched by the test.
    shutil.copytree(
        ROOT, source, ignore=shutil.ignore_patterns(".venv", ".git", "build", "dist", "*.egg-info",
                                                    "__pycache__", ".pytest_cache", "examples", "benchmarks")
    )
    dist = tmp_path / "dist"
    built = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist), str(source)],
        capture_output=True, text=True,
    )
    assert built.returncode == 0, built.stdout[-2000:] + built.stderr[-2000:]
    wheel = next(dist.glob("tgreport-*.whl"))
    # The compiled Vietnamese messages travel in the wheel (see tests/cli/test_messages.py).
    assert "tgreport/locale/vi/LC_MESSAGES/tgreport.mo" in zipfile.ZipFile(wheel).namelist()
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    # The new venv borrows the test environment's dependencies (reportlab, weasyprint, …) through
    # a path line; tgreport itself comes only from the wheel. Path lines do not run the .pth files
    # of the borrowed folder, so the checkout's editable install stays invisible.
    purelib = Path(sysconfig.get_paths()["purelib"])
    site = Path(subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True,
    ).stdout.strip())
    (site / "zz_borrowed_dependencies.pth").write_text(f"{purelib}\n", encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "-q", str(wheel)],
        check=True, capture_output=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["SOURCE_DATE_EPOCH"] = "1640995200"
    where = subprocess.run(
        [str(python), "-c",
         "import tgreport.support.resources as r; print(r.fonts_dir()); print(r.templates_dir())"],
        cwd=elsewhere, env=env, capture_output=True, text=True, check=True,
    )
    fonts, templates = (Path(line) for line in where.stdout.split())
    assert str(env_dir) in str(fonts), "the installed package must use its own fonts, not the checkout's"
    assert (fonts / "LiberationSerif-Regular.ttf").is_file()
    assert (fonts / "LICENSE.txt").is_file()
    assert templates.is_dir() and str(env_dir) in str(templates)
    result = subprocess.run(
        [str(env_dir / "bin" / "make-report"), str(ROOT / "seeds"), "-f", "all", "-o", "out", "-q"],
        cwd=elsewhere, env=env, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    written = {p.suffix for p in (elsewhere / "out").iterdir()}
    assert ".json" in written
    data = json.loads((elsewhere / "out" / "digest.json").read_text(encoding="utf-8"))
    assert len(data["articles"]) == 5
    vietnamese = {k: v for k, v in env.items() if not k.startswith(("LC_", "LANG"))} | {"LANG": "vi_VN.UTF-8"}
    said = subprocess.run(
        [str(env_dir / "bin" / "make-report"), str(ROOT / "seeds"), "-o", "vi.json", "--no-cache"],
        cwd=elsewhere, env=vietnamese, capture_output=True, text=True,
    )
    assert said.stdout.strip() == "vi.json: json, 5 bài", said.stderr
