"""Document metadata, page labels and byte-for-byte reproducible output."""

from __future__ import annotations

import io
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from pdf_helpers import make_report, render
from pypdf import PdfReader

from tgreport.model import Report


def test_metadata(sample_report: Report) -> None:
    reader = PdfReader(io.BytesIO(render(sample_report)))
    meta = reader.metadata
    assert meta is not None
    assert meta.title == "Bản tin tổng hợp"
    assert meta.author == "Ban Tuyên giáo Đảng ủy Khối"
    assert meta.subject == "Từ ngày 01 tháng 01 năm 2021 đến ngày 04 tháng 01 năm 2021 — Gồm 5 bài viết"
    assert meta.creator == "tgreport"
    assert reader.trailer["/Root"]["/Lang"] == "vi-VN"
    assert reader.page_labels == [str(k) for k in range(1, len(reader.pages) + 1)]


def test_same_input_same_bytes(sample_report: Report) -> None:
    first = render(sample_report)
    assert render(sample_report) == first
    # Another process-wide state (fonts already registered, other reports rendered) changes nothing.
    render(make_report(3), "modern")
    assert render(sample_report) == first


def test_creation_date_from_source_date_epoch(sample_report: Report, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1640995200")  # 2022-01-01T00:00:00Z
    meta = PdfReader(io.BytesIO(render(sample_report))).metadata
    assert meta is not None and meta["/CreationDate"].startswith("D:20220101000000")


def test_creation_date_falls_back_to_issue_date(
    sample_report: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    first = render(sample_report)
    meta = PdfReader(io.BytesIO(first)).metadata
    assert meta is not None and meta["/CreationDate"].startswith("D:20210107000000")
    assert render(sample_report) == first


def test_same_bytes_in_a_fresh_process(sample_report: Report, tmp_path: Path) -> None:
    """No dependence on hash order or on what this process rendered before."""
    script = tmp_path / "render.py"
    script.write_text(
        "import sys, pickle\n"
        f"sys.path[:0] = [{str(Path(__file__).parent)!r}, {str(Path(__file__).parents[2])!r}]\n"
        "from pdf_helpers import render\n"
        "report = pickle.load(open(sys.argv[1], 'rb'))\n"
        "open(sys.argv[2], 'wb').write(render(report))\n",
        encoding="utf-8",
    )
    pickled = tmp_path / "report.pickle"
    pickled.write_bytes(pickle.dumps(sample_report))
    out = tmp_path / "fresh.pdf"
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run([sys.executable, str(script), str(pickled), str(out)], check=True, env=env)
    assert out.read_bytes() == render(sample_report)


def test_file_is_well_formed(sectioned_report: Report, tmp_path: Path) -> None:
    pdf = tmp_path / "digest.pdf"
    pdf.write_bytes(render(sectioned_report))
    # Poppler reports structural damage on stderr even when it manages to read the file.
    done = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    assert done.stderr == ""
    reader = PdfReader(pdf, strict=True)
    assert all(page.extract_text() for page in reader.pages)
