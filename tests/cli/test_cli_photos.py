"""`--images none|lead|all` and `images = …` in the config file, read back from the PDF with pdfimages."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from pictures import photo
from tgreport.cli import main

TEXT = ("Sáng 6-1, tại Hà Nội, Ban Tuyên giáo tổ chức hội nghị tổng kết công tác năm 2020, triển khai "
        "nhiệm vụ năm 2021 với nhiều nội dung quan trọng của công tác tuyên truyền.")


@pytest.fixture
def saved_page(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    (folder / "bai_files").mkdir(parents=True)
    for n in (1, 2):
        (folder / "bai_files" / f"anh-{n}.jpg").write_bytes(photo(1200, 800))
    figures = "".join(f'<figure><img src="bai_files/anh-{n}.jpg"><figcaption>Ảnh {n} của hội nghị. '
                      "Ảnh: Minh Châu</figcaption></figure>" for n in (1, 2))
    (folder / "bai.html").write_text(
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Hội nghị tổng kết</title></head>'
        f"<body><article><h1>Hội nghị tổng kết</h1><p>07/01/2021</p><p>{TEXT}</p>{figures}<p>{TEXT}</p>"
        "</article></body></html>", encoding="utf-8")
    return folder


def images_in(pdf: Path) -> int:
    listed = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True)
    return len(listed.stdout.splitlines()) - 2


@pytest.mark.parametrize(("flag", "count"), [([], 1), (["--images", "lead"], 1), (["--images", "all"], 2),
                                             (["--images", "none"], 0)])
def test_images_flag(saved_page: Path, tmp_path: Path, flag: list[str], count: int) -> None:
    out = tmp_path / "digest.pdf"
    assert main([str(saved_page), "-o", str(out), "--no-cache", *flag]) == 0
    assert images_in(out) == count


def test_images_in_the_config_file(saved_page: Path, tmp_path: Path) -> None:
    config = tmp_path / "report.toml"
    config.write_text('images = "all"\n', encoding="utf-8")
    out = tmp_path / "digest.pdf"
    given = [str(saved_page), "-o", str(out), "--no-cache", "--config", str(config)]
    assert main(given) == 0
    assert images_in(out) == 2
    assert main([*given, "--images", "none"]) == 0
    assert images_in(out) == 0


def test_unknown_images_value_is_a_usage_error(saved_page: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    try:
        code = main([str(saved_page), "-o", str(tmp_path / "d.pdf"), "--images", "some"])
    except SystemExit as stopped:  # argparse's own exit
        code = stopped.code  # type: ignore[assignment]
    assert code == 2 and "--images" in capsys.readouterr().err
    assert not (tmp_path / "d.pdf").exists()


def test_standard_output_gets_the_photos_too(saved_page: Path, tmp_path: Path,
                                             capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    # `-o -` runs the same pipeline as a file: the photo stage included.
    assert main([str(saved_page), "-o", "-", "-f", "pdf", "--no-cache", "-q"]) == 0
    out = tmp_path / "from-stdout.pdf"
    out.write_bytes(capsysbinary.readouterr().out)
    assert images_in(out) == 1
