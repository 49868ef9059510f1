"""The one font table: family → files in `fonts/`, shared by every exporter so outputs agree."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tgreport.support.resources import fonts_dir

STYLES = ("regular", "bold", "italic", "bolditalic")


@dataclass(frozen=True)
class FontFamily:
    """A shipped family. `office_name` is what DOCX declares: a font with the same metrics that
    Word and LibreOffice have (they substitute Liberation for it where it is missing)."""

    name: str
    office_name: str
    generic: str  # CSS fallback: "serif" or "sans-serif"
    files: dict[str, str]  # style → file name inside fonts/

    def path(self, style: str = "regular") -> Path:
        return fonts_dir() / self.files[style]

    def paths(self) -> dict[str, Path]:
        return {style: self.path(style) for style in STYLES}


FAMILIES: dict[str, FontFamily] = {
    "Liberation Serif": FontFamily(
        name="Liberation Serif",
        office_name="Times New Roman",
        generic="serif",
        files={
            "regular": "LiberationSerif-Regular.ttf",
            "bold": "LiberationSerif-Bold.ttf",
            "italic": "LiberationSerif-Italic.ttf",
            "bolditalic": "LiberationSerif-BoldItalic.ttf",
        },
    ),
    "Liberation Sans": FontFamily(
        name="Liberation Sans",
        office_name="Arial",
        generic="sans-serif",
        files={
            "regular": "LiberationSans-Regular.ttf",
            "bold": "LiberationSans-Bold.ttf",
            "italic": "LiberationSans-Italic.ttf",
            "bolditalic": "LiberationSans-BoldItalic.ttf",
        },
    ),
}


def family(name: str) -> FontFamily:
    try:
        return FAMILIES[name]
    except KeyError:
        known = ", ".join(sorted(FAMILIES))
        raise KeyError(f"unknown font family {name!r}; shipped families: {known}") from None
