"""A JSON document whose text is clean throughout is not cleaned again string by string: what it
gives must be what the string-by-string cleaning gives, whatever the strings hold."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import pytest

from tgreport.settings import Settings

json_reader = importlib.import_module("tgreport.read.json")  # the module, not the json package
SETTINGS = Settings(cache=False)

_ARTICLE = {"id": "a1", "title": "Tin {0}", "date": "2024-05-01", "authors": ["Lê {0}"],
            "blocks": [{"type": "paragraph", "text": "Đoạn một {0}."},
                       {"type": "caption", "text": "Ảnh {0}"}]}


def _filled(value: object, odd: str) -> object:
    if isinstance(value, str):
        return value.replace("{0}", odd)
    if isinstance(value, list):
        return [_filled(v, odd) for v in value]
    if isinstance(value, dict):
        return {k: _filled(v, odd) for k, v in value.items()}
    return value


def _document(odd: str, *, ascii_only: bool = False) -> str:
    record = _filled(_ARTICLE, odd)
    assert isinstance(record, dict)
    return json.dumps({"articles": [record, {**record, "id": "a2"}]}, ensure_ascii=ascii_only, indent=2)


@pytest.mark.parametrize("odd, ascii_only", [
    ("thường", False),  # clean: the fast way
    ("thường", True),  # every letter an escape: cleaned string by string
    ("khoảng\u00a0trắng", False), ("khoảng\u00a0trắng", True),
    ("zero\u200bwidth", True), ("dòng\u2028hai", True), ("cr\r\nlf", False), ("tab\there", False),
    ("e\u0301", True),  # decomposed by escapes: NFC only once decoded
    ("e\u0301", False), ("zero\u200bwidth", False),  # cleaned whole, by decode
    ("Ðà", False), ("quote \" and \\ backslash", False), ("\ud800", True),
])
def test_what_the_fast_way_gives_is_what_cleaning_each_string_gives(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, odd: str, ascii_only: bool) -> None:
    path = tmp_path / "digest.json"
    path.write_text(_document(odd, ascii_only=ascii_only), encoding="utf-8", errors="surrogatepass")
    read = json_reader.read_json(path, SETTINGS)
    with monkeypatch.context() as patched:
        patched.setattr(json_reader, "_clean_throughout", lambda text: False)
        assert json_reader.read_json(path, SETTINGS) == read


def test_a_clean_export_takes_the_fast_way_and_an_escaped_one_does_not(tmp_path: Path) -> None:
    text = _document("Thủy")
    assert json_reader._clean_throughout(text)
    assert not json_reader._clean_throughout(_document("Thủy", ascii_only=True))


def test_a_scrapers_record_is_cleaned_as_before(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Mapped, not picked: its site may come from the configuration's outlets, not from the text.
    path = tmp_path / "np.json"
    path.write_text(json.dumps({"title": "Tin", "maintext": "Đoạn một.\nĐoạn hai.", "url": "https://example.vn/a",
                                "date_publish": "2024-05-01 08:00:00"}, ensure_ascii=False), encoding="utf-8")
    read = json_reader.read_json(path, SETTINGS)
    with monkeypatch.context() as patched:
        patched.setattr(json_reader, "_clean_throughout", lambda text: False)
        assert json_reader.read_json(path, SETTINGS) == read
