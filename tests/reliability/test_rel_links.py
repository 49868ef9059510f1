"""Symbolic links and user-named files: an input link leading outside the inputs named is skipped
unless asked for; templates never read outside their folder or file, and are read only as small
regular files (issue 21, cases 2 and 4)."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import pytest
from rel_helpers import ROOT

import tgreport
from tgreport.cli import main
from tgreport.errors import TgreportError
from tgreport.settings import Settings

SECRET = "MẬT-KHẨU-KHÔNG-ĐƯỢC-LỘ"


def _page(folder: Path, name: str, title: str) -> Path:
    page = folder / name
    page.write_text(f"{title}\n\nHà Nội, ngày 07 tháng 01 năm 2021. {title} là nội dung bài viết đầy đủ.\n",
                    encoding="utf-8")
    return page


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    """An input folder with one article, a link to a file outside it, and a link inside it."""
    outside = tmp_path / "outside"
    outside.mkdir()
    _page(outside, "secret.txt", SECRET)
    folder = tmp_path / "bai-viet"
    folder.mkdir()
    _page(folder, "a.txt", "Tin thật trong thư mục")
    (folder / "passwd.txt").symlink_to(outside / "secret.txt")
    sub = folder / "cu"
    sub.mkdir()
    _page(sub, "b.txt", "Tin thứ hai trong thư mục")
    (folder / "b-link.txt").symlink_to(sub / "b.txt")  # inside: read, once
    return folder


def _articles(out: Path) -> list[str]:
    """Each article of a JSON digest as its JSON text."""
    articles = json.loads(out.read_text(encoding="utf-8"))["articles"]
    return [json.dumps(a, ensure_ascii=False) for a in articles]


def _with_secret(texts: list[str]) -> int:
    return sum(SECRET in t for t in texts)


def test_a_link_leading_outside_the_input_folder_is_skipped_with_a_warning(
    inputs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "d.json"
    assert main([str(inputs), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert f"{inputs / 'passwd.txt'}: a link to {tmp_path / 'outside' / 'secret.txt'}" in err
    assert "--follow-links" in err
    assert SECRET not in out.read_text(encoding="utf-8")
    assert len(_articles(out)) == 2


def test_follow_links_reads_it(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "d.json"
    assert main([str(inputs), "-o", str(out), "--follow-links", "-q"]) == 0
    assert _with_secret(_articles(out)) == 1
    result = tgreport.read(inputs, Settings(follow_links=True))
    assert _with_secret([repr(a) for a in result.articles]) == 1


def test_the_library_skips_it_too(inputs: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="tgreport"):
        texts = [repr(a) for a in tgreport.read(inputs).articles]
    assert _with_secret(texts) == 0 and len(texts) == 2
    assert any("outside the inputs named" in r.getMessage() for r in caplog.records)


def test_a_link_to_a_file_or_folder_also_named_is_read(inputs: Path, tmp_path: Path) -> None:
    # The user named the outside file too: reading it through the link is no surprise.
    outside = tmp_path / "outside"
    assert _with_secret([repr(a) for a in tgreport.read([inputs, outside / "secret.txt"]).articles]) == 1
    assert _with_secret([repr(a) for a in tgreport.read([inputs, outside]).articles]) == 1


def test_a_link_named_directly_is_read(inputs: Path) -> None:
    assert _with_secret([repr(a) for a in tgreport.read(inputs / "passwd.txt").articles]) == 1


def test_follow_links_is_a_setting_of_the_config_file(inputs: Path, tmp_path: Path) -> None:
    config = tmp_path / "report.toml"
    config.write_text("follow-links = true\n", encoding="utf-8")
    out = tmp_path / "d.json"
    assert main([str(inputs), "-o", str(out), "--config", str(config), "-q"]) == 0
    assert _with_secret(_articles(out)) == 1


def _template_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "mine"
    (folder / "html").mkdir(parents=True)
    return folder


@pytest.mark.parametrize("fmt", ["html", "epub"])
def test_a_template_linked_outside_its_folder_is_refused(fmt: str, tmp_path: Path) -> None:
    (tmp_path / "shadow").write_text(SECRET, encoding="utf-8")
    folder = _template_dir(tmp_path)
    (folder / "html" / "_cover.html").symlink_to(tmp_path / "shadow")
    with pytest.raises(TgreportError, match="outside the template folder") as info:
        tgreport.render(tgreport.build_report(tgreport.read(ROOT / "seeds").articles), fmt,
                        Settings(template_dir=folder))
    assert SECRET not in str(info.value)


def test_an_include_of_a_link_outside_the_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "shadow").write_text(SECRET, encoding="utf-8")
    folder = _template_dir(tmp_path)
    (folder / "html" / "leak.txt").symlink_to(tmp_path / "shadow")
    cover = (ROOT / "templates" / "html" / "_cover.html").read_text(encoding="utf-8")
    (folder / "html" / "_cover.html").write_text('{% include "leak.txt" %}\n' + cover, encoding="utf-8")
    report = tgreport.build_report(tgreport.read(ROOT / "seeds").articles)
    with pytest.raises(TgreportError, match="outside the template folder"):
        tgreport.render(report, "html", Settings(template_dir=folder))
    # A link that stays inside the folder is fine.
    (folder / "html" / "leak.txt").unlink()
    (folder / "html" / "inside.txt").write_text("LỜI CHÀO TỪ MẪU", encoding="utf-8")
    (folder / "html" / "leak.txt").symlink_to(folder / "html" / "inside.txt")
    assert "LỜI CHÀO TỪ MẪU" in tgreport.render(report, "html", Settings(template_dir=folder)).decode()


@pytest.mark.parametrize("make", ["fifo", "huge"])
def test_a_template_that_is_no_small_regular_file_is_refused(make: str, tmp_path: Path) -> None:
    folder = _template_dir(tmp_path)
    cover = folder / "html" / "_cover.html"
    if make == "fifo":
        os.mkfifo(cover)  # reading it would wait forever
    else:
        cover.write_text("x" * 2_000_000, encoding="utf-8")
    report = tgreport.build_report(tgreport.read(ROOT / "seeds").articles)
    with pytest.raises(TgreportError, match=r"not a regular file|larger than") as info:
        tgreport.render(report, "html", Settings(template_dir=folder))
    assert str(cover) in str(info.value)


@pytest.mark.parametrize("make", ["fifo", "device", "huge"])
def test_a_docx_template_that_is_no_small_regular_file_is_refused(
    make: str, tmp_path: Path, seeds_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "mine.docx"
    if make == "fifo":
        os.mkfifo(path)
    elif make == "device":
        path = Path("/dev/zero")  # the run was killed at 24 GB
    else:
        with path.open("wb") as handle:
            handle.truncate(30 * 1024 * 1024)
    out = tmp_path / "d.docx"
    code = main([str(seeds_dir), "-o", str(out), "--template", str(path)])
    err = capsys.readouterr().err
    assert code != 0 and str(path) in err
    assert "not a regular file" in err or "larger than" in err
    assert "Traceback" not in err and not out.exists()
