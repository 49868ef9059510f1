"""Finds the shipped `templates/` and `fonts/`, in a checkout and in an installed wheel alike."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent.parent  # tgreport/


@cache
def data_dir(name: str) -> Path:
    """The folder `name` ("templates" or "fonts").

    An installed wheel carries it inside the package (`tgreport/_data/<name>`, see
    pyproject.toml); a source checkout keeps it at the repository root, two levels up.
    """
    for candidate in (_PACKAGE_DIR / "_data" / name, _PACKAGE_DIR.parent.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"tgreport's {name}/ folder is missing from the installation")


def templates_dir() -> Path:
    return data_dir("templates")


def fonts_dir() -> Path:
    return data_dir("fonts")
