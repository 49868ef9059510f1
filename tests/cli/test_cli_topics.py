"""make-report --group topic with the config's [[topics]], and --kind brief, read back from the output."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tgreport.cli import main

CONFIG = """\
group = "topic"
[[topics]]
name = "Xây dựng Đảng"
keywords = ["quản lý đảng viên", "đảng viên"]
[[topics]]
name = "Công tác tuyên giáo"
keywords = ["tuyên giáo"]
"""


def test_seeds_grouped_by_topic(seeds_dir: Path, tmp_path: Path) -> None:
    config = tmp_path / "report.toml"
    config.write_text(CONFIG, encoding="utf-8")
    out = tmp_path / "d.json"
    assert main([str(seeds_dir), "-o", str(out), "-q", "--config", str(config)]) == 0
    sections = json.loads(out.read_text(encoding="utf-8"))["sections"]
    assert [s["title"] for s in sections] == ["Xây dựng Đảng", "Công tác tuyên giáo"]
    # 004 is about managing Party members (its title says so); the other four report propaganda work.
    assert sections[0]["articles"] == ["004_19db6e8aa3f47cbf"]
    assert len(sections[1]["articles"]) == 4


def test_brief_by_topic_as_a_pdf(seeds_dir: Path, tmp_path: Path) -> None:
    config = tmp_path / "report.toml"
    config.write_text(CONFIG, encoding="utf-8")
    out = tmp_path / "brief.pdf"
    assert main([str(seeds_dir), "-o", str(out), "-q", "--config", str(config), "--kind", "brief",
                 "--header", "party", "--org", "ĐẢNG ỦY KHỐI", "--org", "BAN TUYÊN GIÁO"]) == 0
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert text.index("I. XÂY DỰNG ĐẢNG") < text.index("II. CÔNG TÁC TUYÊN GIÁO")
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text and "MỤC LỤC" not in text
