"""Assessments (tích cực / trung tính / tiêu cực, or the office's own) set by article id or URL,
counted on the overview page; read back from the report, the JSON and the PDF."""

from __future__ import annotations

import json
import logging
import re
import subprocess
from pathlib import Path

import pytest

from factories import make_article
from tgreport import present
from tgreport.assemble import build_report
from tgreport.config import load_config
from tgreport.errors import ConfigError
from tgreport.pipeline import render
from tgreport.settings import Settings

ARTICLES = [make_article(n, url=f"https://nhandan.vn/bai-{n}", title=f"Bài {n}") for n in (1, 2, 3, 4)]
GIVEN = {"001_sample": "tiêu cực", "https://nhandan.vn/bai-2": "tích cực", "003_sample": "Cần theo dõi",
         "https://nhandan.vn/khong-co": "tích cực"}


def test_by_id_or_url_counted_in_the_usual_order(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="tgreport"):
        report = build_report(ARTICLES, Settings(assessments=GIVEN, dedup=False))
    assert dict(report.assessments) == {"001_sample": "tiêu cực", "002_sample": "tích cực",
                                        "003_sample": "Cần theo dõi"}
    assert present.summary(report).by_assessment == (
        ("tích cực", 1), ("tiêu cực", 1), ("Cần theo dõi", 1), ("Chưa đánh giá", 1))
    (warning,) = [w for w in report.warnings if "assessments" in w]
    assert warning.endswith("https://nhandan.vn/khong-co")


def test_no_assessments_no_table() -> None:
    summary = present.summary(build_report(ARTICLES, Settings(dedup=False)))
    assert summary.by_assessment == () and "Theo đánh giá" not in [label for label, _ in summary.tables]


def test_from_the_config_into_the_json_and_the_pdf_overview(tmp_path: Path) -> None:
    path = tmp_path / "report.toml"
    path.write_text('[assessments]\n"001_sample" = "tiêu cực"\n"https://nhandan.vn/bai-2" = "tích cực"\n',
                    encoding="utf-8")
    settings = Settings.from_mapping(load_config(path).settings).replace(dedup=False)
    report = build_report(ARTICLES, settings)
    assert json.loads(render(report, "json", settings))["assessments"] == {
        "001_sample": "tiêu cực", "002_sample": "tích cực"}
    pdf = tmp_path / "d.pdf"
    pdf.write_bytes(render(report, "pdf", settings))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert re.search(r"Theo đánh giá\s+tích cực\s+1\s+tiêu cực\s+1\s+Chưa đánh giá\s+2", text)


def test_a_label_that_is_not_text_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "report.toml"
    path.write_text('[assessments]\n"001_sample" = 3\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"\[assessments\] must map text") as caught:
        load_config(path)
    assert str(path) in str(caught.value)
