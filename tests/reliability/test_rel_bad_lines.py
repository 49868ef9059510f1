"""One bad line does not lose a whole file: a JSONL's good records and a text page's readable
text are kept, and one warning names the lines lost (issue 21, case 5)."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from tgreport.cli import main
from tgreport.errors import InputError
from tgreport.read import read_path


def _record(n: int) -> str:
    return json.dumps({"title": f"Tin số {n}", "date": "2021-01-07",
                       "blocks": [{"type": "paragraph", "text": f"Nội dung bài viết số {n} về hội nghị."}]},
                      ensure_ascii=False)


def _warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]


def test_a_jsonl_cut_mid_write_keeps_every_good_record(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "scraped.jsonl"
    good = "\n".join(_record(n) for n in range(1, 1001))
    cut = _record(1001)[:37]  # the scraper was killed here
    path.write_text(good + "\n" + cut, encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="tgreport"):
        articles = read_path(path)
    assert [a.title for a in articles] == [f"Tin số {n}" for n in range(1, 1001)]
    said = [m for m in _warnings(caplog) if str(path) in m]
    assert len(said) == 1
    assert "1 of 1001 records unreadable" in said[0] and "line 1001 (invalid JSON" in said[0]
    assert "the other 1000 kept" in said[0]


def test_bad_lines_in_the_middle_are_named_by_their_own_line_numbers(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "mixed.jsonl"
    lines = [_record(1), "", "[1, 2]", _record(4), "{not json", _record(6), '{"title": 5, "blocks": 7}']
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="tgreport"):
        articles = read_path(path)
    assert [a.title for a in articles] == ["Tin số 1", "Tin số 4", "Tin số 6"]
    (said,) = [m for m in _warnings(caplog) if str(path) in m]
    assert "3 of 6 records unreadable" in said
    assert "line 3 (each article must be a JSON object)" in said and "5 (invalid JSON" in said
    assert "7 (" in said


def test_ids_of_good_records_do_not_depend_on_the_bad_ones(tmp_path: Path) -> None:
    whole = tmp_path / "a.jsonl"
    whole.write_text(_record(1) + "\n" + _record(2) + "\n", encoding="utf-8")
    damaged = tmp_path / "b.jsonl"
    damaged.write_text(_record(1) + "\n" + _record(2) + "\n{cut", encoding="utf-8")
    assert [a.id for a in read_path(whole)] == ["a-1", "a-2"]
    assert [a.id for a in read_path(damaged)] == ["b-1", "b-2"]
    single = tmp_path / "c.jsonl"
    single.write_text(_record(1) + "\n", encoding="utf-8")
    assert [a.id for a in read_path(single)] == ["c"]


def test_a_jsonl_with_no_good_line_is_refused_naming_the_first_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text("\n\n{cut\n[1]\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_path(path)
    assert info.value.line == 3 and "invalid JSON" in str(info.value) and "1 more" in str(info.value)


def test_the_cli_keeps_the_good_records(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "in" / "scraped.jsonl"
    path.parent.mkdir()
    path.write_text(_record(1) + "\n" + _record(2) + "\n" + _record(3)[:20], encoding="utf-8")
    out = tmp_path / "d.json"
    assert main([str(path.parent), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert err.count("records unreadable") == 1 and f"{path}: 1 of 3" in err
    assert len(json.loads(out.read_text(encoding="utf-8"))["articles"]) == 2


PAGE = ("Hội nghị tổng kết công tác tuyên giáo\n\n"
        "Hà Nội, ngày 07 tháng 01 năm 2021. Sáng nay, Ban Tuyên giáo tổ chức hội nghị tổng kết.\n\n"
        "Các đại biểu đã thảo luận về nhiệm vụ năm mới của ngành.\n\n"
        "Đoạn cuối cùng của bài viết bị cắt giữa chữ ")


@pytest.mark.parametrize("keep", [1, 2])
def test_a_text_page_with_a_cut_character_at_its_end_keeps_its_text(
    keep: int, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "page.txt"
    data = PAGE.encode("utf-8") + "ữ".encode()[:keep]  # a three-byte letter cut after `keep` bytes
    path.write_bytes(data)
    with caplog.at_level(logging.WARNING, logger="tgreport"):
        (article,) = read_path(path)
    text = " ".join(getattr(b, "text", "") for b in article.blocks)
    assert "Các đại biểu đã thảo luận về nhiệm vụ năm mới của ngành." in text
    assert "Đoạn cuối cùng của bài viết bị cắt giữa chữ" in text
    (said,) = [m for m in _warnings(caplog) if str(path) in m]
    where = f"{path}:7: the file ends in a cut UTF-8 character ({keep} byte(s) at byte {len(PAGE.encode())})"
    assert where in said


def test_bytes_broken_in_the_middle_are_still_refused(tmp_path: Path) -> None:
    # Only a cut at the very end is a writer killed mid-character; broken bytes elsewhere are
    # another encoding or damage, and are judged as before.
    path = tmp_path / "page.txt"
    path.write_bytes(b"\xe1\xbb" + PAGE.encode("utf-8") + b"\xff\xfe\xfd" * 50)
    with pytest.raises(InputError):
        read_path(path)
