"""make-report's assembly options and config file, end to end: JSON output read back with json."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tgreport.cli import main

ARTICLES = [
    {"id": "a-mar", "title": "Hội nghị tháng Ba", "date": "2021-03-05", "publisher": "Báo Nhân Dân",
     "category": "Xây dựng Đảng",
     "blocks": ["Đồng chí Nguyễn Minh Chung, Trưởng Ban Tuyên giáo, trình bày báo cáo về Chỉ thị 05-CT/TW."]},
    {"id": "b-jan", "title": "Hội nghị tháng Giêng", "date": "2021-01-07", "publisher": "TTXVN",
     "category": "Thời sự", "blocks": ["Sáng 6-1, Đảng ủy Khối tổng kết công tác tuyên giáo năm 2020."]},
    {"id": "c-undated", "title": "Bài không ngày", "publisher": "TTXVN", "category": "Thời sự",
     "blocks": ["Các đảng bộ học tập Nghị quyết Đại hội XIII của Đảng."]},
    # The same story again, with less metadata (no category): the copy that goes.
    {"id": "d-copy", "title": "Hội nghị tháng Giêng", "date": "2021-01-07", "publisher": "Báo Nhân Dân",
     "blocks": ["Sáng 6-1, Đảng ủy Khối tổng kết công tác tuyên giáo năm 2020 (bản đăng lại)."]},
]


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in ARTICLES), encoding="utf-8")
    return path


def run(*argv: str | Path) -> int:
    return main([str(a) for a in argv])


def read(path: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    return data


def ids(data: dict[str, object]) -> list[str]:
    return [a["id"] for a in data["articles"]]  # type: ignore[index, union-attr]


def test_group_by_month_with_index_and_dedup(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "digest.json"
    assert run(inputs, "-o", out, "--group", "month", "-q") == 0
    data = read(out)
    assert data["sections"] == [
        {"title": "Tháng 01 năm 2021", "articles": ["b-jan"]},
        {"title": "Tháng 3 năm 2021", "articles": ["a-mar"]},
        {"title": "Không rõ ngày", "articles": ["c-undated"]},
    ]
    names = {e["name"] for e in data["index"]}  # type: ignore[union-attr]
    assert {"Chỉ thị số 05-CT/TW", "Nghị quyết Đại hội XIII của Đảng", "Nguyễn Minh Chung"} <= names
    warnings = " ".join(data["warnings"])  # type: ignore[arg-type]
    assert "d-copy" in warnings and "b-jan" in warnings and "c-undated" in warnings


def test_order_drop_undated_no_index(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "digest.json"
    flags = ["--order", "date-desc", "--drop-undated", "--no-index", "--no-dedup", "-q"]
    assert run(inputs, "-o", out, *flags) == 0
    data = read(out)
    assert ids(data) == ["a-mar", "b-jan", "d-copy"]
    assert not data.get("index")


def test_config_file_fills_in_and_flags_override(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "digest.json"
    config = tmp_path / "report.toml"
    config.write_text(
        f'inputs = ["{inputs}"]\noutput = "{out}"\ngroup = "publisher"\norder = "date-desc"\n'
        'index = false\ndrop-undated = true\nquiet = true\ntitle = "Bản tin tháng"\n'
        '[theme]\nname = "modern"\nbody_size = 12\n[reader]\nextra_chrome = ["bản đăng lại"]\n',
        encoding="utf-8",
    )
    assert run("--config", config) == 0
    data = read(out)
    assert data["title"] == "Bản tin tháng"
    assert [s["title"] for s in data["sections"]] == ["Báo Nhân Dân", "TTXVN"]  # type: ignore[index, union-attr]
    assert not data.get("index")
    # Flags win over the file.
    assert run("--config", config, "--group", "none", "--order", "date") == 0
    assert ids(read(out)) == ["b-jan", "a-mar"]


def test_unknown_config_key_exits_2_naming_key_and_file(
    inputs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "bad.toml"
    config.write_text('sort = "date"\n', encoding="utf-8")
    assert run(inputs, "-o", tmp_path / "x.json", "--config", config) == 2
    err = capsys.readouterr().err
    assert "'sort'" in err and str(config) in err
    assert not (tmp_path / "x.json").exists()


@pytest.mark.parametrize(
    "argv, words",
    [
        (["--order", "random"], "invalid choice"),
        (["--similarity", "1.5"], "similarity must be a ratio"),
    ],
)
def test_bad_flags_exit_2(inputs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                          argv: list[str], words: str) -> None:
    assert run(inputs, "-o", tmp_path / "x.json", *argv) == 2
    assert words in capsys.readouterr().err


def test_bad_theme_in_config_exits_2(
    inputs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "theme.toml"
    config.write_text('[theme]\nfont_family = "Comic Sans"\n', encoding="utf-8")
    assert run(inputs, "-o", tmp_path / "x.json", "--config", config) == 2
    err = capsys.readouterr().err
    assert "Comic Sans" in err and str(config) in err


def test_reader_extra_chrome_from_the_config_file(tmp_path: Path) -> None:
    page = tmp_path / "a.txt"
    page.write_text(
        "Thời sự\nHội nghị tổng kết công tác tuyên giáo năm 2020\n21:38' 7/1/2021\n\n"
        "Sáng 6-1, tại Hà Nội, Đảng ủy Khối tổ chức Hội nghị tổng kết công tác tuyên giáo năm 2020.\n\n"
        "MỜI BẠN ĐỌC THAM GIA CUỘC THI VIẾT\n\n"
        "Các đại biểu thảo luận nhiệm vụ trọng tâm năm 2021 và thống nhất các giải pháp.\n",
        encoding="utf-8",
    )
    config = tmp_path / "c.toml"
    config.write_text('[reader]\nextra_chrome = ["MỜI BẠN ĐỌC THAM GIA CUỘC THI VIẾT"]\n', encoding="utf-8")

    def body(*extra: str | Path) -> str:
        out = tmp_path / "o.json"
        assert run(page, "-o", out, "-q", *extra) == 0
        articles = read(out)["articles"]
        return " ".join(b["text"] for a in articles for b in a["blocks"])  # type: ignore[index, union-attr]

    assert "CUỘC THI VIẾT" in body()
    assert "CUỘC THI VIẾT" not in body("--config", config)


@pytest.mark.parametrize(
    "style, wanted, unwanted", [("hòa", "Tỉnh ủy", "Tỉnh uỷ"), ("hoà", "Tỉnh uỷ", "Tỉnh ủy")]
)
def test_tone_style_flag_and_config_key(tmp_path: Path, style: str, wanted: str, unwanted: str) -> None:
    # A scraped page: the page reader applies the tone style (the JSON reader takes data as given).
    page = tmp_path / "a.txt"
    page.write_text("Tỉnh uỷ Lạng Sơn họp bàn công tác tuyên giáo\nSáng 16/7/2021\n\n"
                    "Ban Tuyên giáo Tỉnh ủy và Tỉnh uỷ Lạng Sơn họp bàn nhiệm vụ sáu tháng cuối năm.\n",
                    encoding="utf-8")
    config = tmp_path / "c.toml"
    config.write_text(f'tone-style = "{style}"\n', encoding="utf-8")
    for extra in (["--tone-style", style], ["--config", str(config)]):
        out = tmp_path / "o.json"
        assert run(page, "-o", out, "-q", *extra) == 0
        text = out.read_text(encoding="utf-8")
        assert wanted in text and unwanted not in text


def test_the_example_config_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = Path(__file__).resolve().parents[2]
    monkeypatch.chdir(root)  # its inputs ("seeds") are relative to where make-report runs
    out = tmp_path / "digest.json"
    assert run("--config", root / "examples" / "report.toml", "-f", "json", "-o", out) == 0
    data = read(out)
    assert data["organisation"] == "Ban Tuyên giáo Đảng ủy Khối"
    assert len(data["articles"]) == 5  # type: ignore[arg-type]
    assert any(e["kind"] == "document" for e in data["index"])  # type: ignore[union-attr, index]


def test_same_report_whatever_the_hash_seed(inputs: Path, tmp_path: Path) -> None:
    # Shingles are hashed and sets iterate in hash order: the output must not depend on either.
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"h{seed}.json"
        env = {**os.environ, "PYTHONHASHSEED": seed, "SOURCE_DATE_EPOCH": "1640995200"}
        subprocess.run([sys.executable, "-m", "tgreport", str(inputs), "-o", str(out), "-q",
                        "--group", "category"], env=env, check=True)
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert b"d-copy" in outputs[0]  # the duplicate warning is part of what must agree


def test_many_duplicates_one_line_in_the_terminal_each_with_v(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 12 stories saved twice (different days, so only the bodies tell): the terminal gets one
    # summary line; -v lists every merge.
    body = ("Đảng ủy Khối tổ chức hội nghị tổng kết công tác tuyên giáo năm {k} tại Hà Nội "
            "với {k} đại biểu tham dự")
    articles = [
        {"id": f"s{k:02d}-{copy}", "title": f"Bài {k} bản {copy}", "date": f"2021-0{copy + 1}-{k + 1:02d}",
         "blocks": [body.format(k=k) + " và phát biểu của lãnh đạo về nhiệm vụ năm mới."]}
        for k in range(12) for copy in (1, 2)
    ]
    path = tmp_path / "many.jsonl"
    path.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in articles), encoding="utf-8")
    assert run(path, "-o", tmp_path / "a.json") == 0
    quiet = [line for line in capsys.readouterr().err.splitlines() if "duplicate" in line]
    assert len(quiet) == 1 and "12 duplicate articles merged" in quiet[0] and "and 2 more" in quiet[0]
    in_report = [w for w in read(tmp_path / "a.json")["warnings"] if "duplicate" in w]  # type: ignore[union-attr]
    assert len(in_report) == 1 and in_report[0] in quiet[0]
    assert run(path, "-o", tmp_path / "b.json", "-v") == 0
    verbose = capsys.readouterr().err
    assert all(f"duplicate article s{k:02d}-2 " in verbose for k in range(12))
