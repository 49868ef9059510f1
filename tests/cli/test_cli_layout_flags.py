"""--page-size, --body-size and --article-break reach every format, read back with pdfinfo,
pdftotext's word boxes and the DOCX's XML; bad values are one line, no traceback."""

from __future__ import annotations

import re
import statistics
import subprocess
import zipfile
from pathlib import Path

import pytest

from factories import SEEDS
from tgreport.cli import main


def _make(tmp_path: Path, *flags: str) -> Path:
    out = tmp_path / "-".join(f.strip("-") for f in flags)
    assert main([str(SEEDS), "-f", "pdf", "-f", "docx", "-f", "html", "-o", str(out), "--no-cache", "-q",
                 *flags]) == 0
    return out


def _word_height(pdf: Path, page: int) -> float:
    """The median height of the words on `page`: the body text's size, give or take the font's
    ascent and descent."""
    out = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
                         check=True, capture_output=True, text=True).stdout
    boxes = re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"', out)
    heights = [float(y2) - float(y1) for y1, y2 in boxes]
    return statistics.median(heights)


def test_page_size_in_pdf_docx_and_html(tmp_path: Path) -> None:
    out = _make(tmp_path, "--page-size", "a5")
    info = subprocess.run(["pdfinfo", str(out / "digest.pdf")], check=True, capture_output=True,
                          text=True).stdout
    assert re.search(r"Page size:\s+419\.5\d* x 595\.2\d* pts", info), info  # 148 x 210 mm
    document = zipfile.ZipFile(out / "digest.docx").read("word/document.xml").decode()
    width, height = (int(v) for v in re.search(r'<w:pgSz w:w="(\d+)" w:h="(\d+)"', document).groups())  # type: ignore[union-attr]
    assert abs(width - 8391) <= 2 and abs(height - 11906) <= 2  # 148 x 210 mm in twips
    assert "size: A5;" in (out / "digest.html").read_text(encoding="utf-8")


def test_body_size_in_pdf_and_docx(tmp_path: Path) -> None:
    small, large = _make(tmp_path, "--body-size", "10"), _make(tmp_path, "--body-size", "16")
    # Page 4 holds the first article's text in both.
    ratio = _word_height(large / "digest.pdf", 4) / _word_height(small / "digest.pdf", 4)
    assert 1.45 < ratio < 1.75
    styles = zipfile.ZipFile(large / "digest.docx").read("word/styles.xml").decode()
    assert '<w:docDefaults><w:rPrDefault><w:rPr>' in styles and '<w:sz w:val="32"/>' in styles


def test_article_break_run_makes_fewer_pages(tmp_path: Path) -> None:
    def pages(folder: Path) -> int:
        info = subprocess.run(["pdfinfo", str(folder / "digest.pdf")], check=True, capture_output=True,
                              text=True).stdout
        return int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]

    run, paged = _make(tmp_path, "--article-break", "run"), _make(tmp_path, "--article-break", "page")
    assert pages(run) < pages(paged)


@pytest.mark.parametrize("flags, said", [
    (["--body-size", "big"], "'big' is not a size in points"),
    (["--body-size", "2"], "'2' is out of range"),
    (["--page-size", "B5"], "'B5' unknown; choose A4, A5, Letter"),
    (["--article-break", "never"], "invalid choice: 'never'"),
])
def test_bad_values_are_one_line(flags: list[str], said: str, tmp_path: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(SEEDS), "-o", str(tmp_path / "x.pdf"), *flags]) == 2
    err = capsys.readouterr().err
    assert said in err.splitlines()[0] and "Traceback" not in err
