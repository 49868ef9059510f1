"""No private attribute of another library is used but the few pyproject.toml names and pins.

Every `name._attribute` in src/ (not on self or cls) is listed here with whose it is: a new one
must be our own, or be added to pyproject.toml's reasons with a tested version range."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "tgreport"

KNOWN = {
    # ReportLab's, named beside its pin in pyproject.toml: the PDF's destination name tree and
    # its reproducible creation date have no public API.
    ("export/pdf/document.py", "canv._bookmarkReference"),
    ("export/pdf/document.py", "canv._doc"),
    ("export/pdf/document.py", "self.canv._doc"),
    ("export/pdf/document.py", "self.canv._doc._timeStamp"),
    # Our own classes' attributes, set and read by their own modules.
    ("export/pdf/plain.py", "head._given"),
    ("export/pdf/plain.py", "tail._given"),
    ("model.py", "article._blocks"),
    ("model.py", "article._more"),
    ("model.py", "article._title"),
    ("present/__init__.py", "other._articles"),
    ("present/__init__.py", "other._first"),
    # The standard library's documented exit without clean-up (a worker whose parent is gone).
    ("read/pool.py", "os._exit"),
}


def private_accesses(root: Path) -> set[tuple[str, str]]:
    found = set()
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Attribute) and node.attr.startswith("_")
                    and not node.attr.startswith("__")
                    and not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"))):
                found.add((path.relative_to(root).as_posix(), ast.unparse(node)))
    return found


def test_only_the_known_private_names_are_used() -> None:
    assert private_accesses(SRC) == KNOWN


def test_the_check_sees_what_it_is_for(tmp_path: Path) -> None:
    (tmp_path / "m.py").write_text("e = story._element\nself._mine = cls._ours = x.__class__\n")
    assert private_accesses(tmp_path) == {("m.py", "story._element")}
