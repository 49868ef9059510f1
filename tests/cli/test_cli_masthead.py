"""make-report's header flags and config keys, the period filter's handling of undated articles,
and counts worded in the right number; read back from the JSON written and the terminal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tgreport.cli import main

UNDATED_SEED = "002_89ec7c575662372c"


def made(out: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads(out.read_text(encoding="utf-8"))
    return data


def test_header_flags_reach_the_report(seeds_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "d.json"
    code = main([str(seeds_dir), "-o", str(out), "-q", "--header", "state", "--org", "UBND TỈNH HẬU GIANG",
                 "--org", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "--number", "12/BC-STTTT", "--issue", "Số 3",
                 "--internal"])
    assert code == 0
    data = made(out)
    org = ["UBND TỈNH HẬU GIANG", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG"]
    assert data["masthead"] == {"header": "state", "org": org, "number": "12/BC-STTTT", "issue": "Số 3",
                                "internal": True}
    assert data["organisation"] == "SỞ THÔNG TIN VÀ TRUYỀN THÔNG"  # the issuing body signs the metadata


def test_config_takes_the_organisation_as_lines(seeds_dir: Path, tmp_path: Path) -> None:
    config = tmp_path / "report.toml"
    config.write_text('header = "party"\norg = ["ĐẢNG ỦY KHỐI", "BAN TUYÊN GIÁO"]\ninternal = true\n',
                      encoding="utf-8")
    out = tmp_path / "d.json"
    assert main([str(seeds_dir), "-o", str(out), "-q", "--config", str(config)]) == 0
    masthead = made(out)["masthead"]
    assert isinstance(masthead, dict)
    assert (masthead["header"], masthead["org"], masthead["internal"]) == (
        "party", ["ĐẢNG ỦY KHỐI", "BAN TUYÊN GIÁO"], True)


def test_a_plain_digest_json_has_no_masthead(seeds_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "d.json"
    assert main([str(seeds_dir), "-o", str(out), "-q", "--org", "Ban Tuyên giáo"]) == 0
    data = made(out)
    assert "masthead" not in data and data["organisation"] == "Ban Tuyên giáo"


@pytest.mark.parametrize("bad", [["--header", "royal"], ["--org", " "]])
def test_bad_header_settings_are_one_line_usage_errors(
    bad: list[str], seeds_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(seeds_dir), "-o", str(tmp_path / "d.json"), *bad]) == 2
    err = capsys.readouterr().err
    assert err.startswith("make-report: error: ") and "Traceback" not in err


def test_period_leaves_undated_out_in_one_warning_unless_kept(
    seeds_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "d.json"
    assert main([str(seeds_dir), "-o", str(out), "--from", "2021-01-01", "--to", "2021-01-31"]) == 0
    captured = capsys.readouterr()
    ids = [a["id"] for a in made(out)["articles"]]  # type: ignore[attr-defined, index]
    assert UNDATED_SEED not in ids and len(ids) == 3
    warnings = [line for line in captured.err.splitlines() if UNDATED_SEED in line]
    assert warnings == [f"make-report: WARNING: 1 article without a date left out (the period cannot place "
                        f"them; keep_undated keeps them): {UNDATED_SEED}"]
    assert captured.out.strip() == f"{out}: json, 3 articles"
    assert main([str(seeds_dir), "-o", str(out), "-q", "--from", "2021-01-01", "--keep-undated"]) == 0
    assert UNDATED_SEED in [a["id"] for a in made(out)["articles"]]  # type: ignore[attr-defined, index]


def test_one_article_is_counted_in_the_singular(
    seeds_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "d.json"
    assert main([str(seeds_dir / "000_37703d20c0032571.txt"), "-o", str(out)]) == 0
    assert capsys.readouterr().out.strip() == f"{out}: json, 1 article"
