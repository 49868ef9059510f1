"""The JSON export writes what json.dumps(..., ensure_ascii=False, indent=2) writes, byte for byte,
with its own faster writer (export/json.py)."""

from __future__ import annotations

import enum
import importlib
import json
from typing import Any

import pytest

json_export = importlib.import_module("tgreport.export.json")  # the module, not the json package


class Kind(enum.IntEnum):
    ONE = 1


VALUES: list[Any] = [
    "", "Hà Nội \"trích\" \\ \n\t\x00\u2028 😀", 0, -7, 10**30, 1.5, float("inf"), True, False, None,
    [], {}, (), [[]], {"a": {}}, [1, [2, [3, {"b": []}]]], ("x", ("y",)),
    {"id": "a1", "blocks": [{"type": "paragraph", "text": "Đoạn."}], "views": None, "ok": True},
    {1: "int key", None: "none key", 2.5: "float key", False: "bool key"}, Kind.ONE, {"k": Kind.ONE},
]


@pytest.mark.parametrize("value", VALUES, ids=range(len(VALUES)))
@pytest.mark.parametrize("indent", ["", "    "])
def test_the_writer_writes_what_json_dumps_writes(value: Any, indent: str) -> None:
    expected = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + indent)
    assert json_export._indented(value, indent) == expected.encode("utf-8")


def test_what_json_cannot_write_is_refused_as_json_refuses_it() -> None:
    with pytest.raises(TypeError):
        json_export._indented({"a": {1, 2}}, "")
